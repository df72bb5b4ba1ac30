"""sessions: staff session versions, login throttling, the kiosk's bill look-ups kept on the server

Revision ID: 0010_sessions
Revises: 0009_vocabulary
Create Date: 2026-12-01 21:55:00.000000

"""
from alembic import op
import sqlalchemy as sa

import kiosk.dbtypes


# revision identifiers, used by Alembic.
revision = '0010_sessions'
down_revision = '0009_vocabulary'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('staff_users', schema=None) as batch_op:
        batch_op.add_column(sa.Column('session_version', sa.Integer(), server_default='0', nullable=False))

    op.create_table('login_throttles',
    sa.Column('key', sa.String(length=160), nullable=False),
    sa.Column('failures', sa.Integer(), nullable=False),
    sa.Column('last_attempt_at', kiosk.dbtypes.UTCDateTime(), nullable=False),
    sa.Column('retry_at', kiosk.dbtypes.UTCDateTime(), nullable=True),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_login_throttles'))
    )
    op.create_table('bill_lookups',
    sa.Column('digest', sa.String(length=64), nullable=False),
    sa.Column('account_no', sa.String(length=20), nullable=False),
    sa.Column('expires_at', kiosk.dbtypes.UTCDateTime(), nullable=False),
    sa.PrimaryKeyConstraint('digest', name=op.f('pk_bill_lookups'))
    )
    with op.batch_alter_table('bill_lookups', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_bill_lookups_expires_at'), ['expires_at'], unique=False)


def downgrade():
    with op.batch_alter_table('bill_lookups', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_bill_lookups_expires_at'))
    op.drop_table('bill_lookups')
    op.drop_table('login_throttles')
    with op.batch_alter_table('staff_users', schema=None) as batch_op:
        batch_op.drop_column('session_version')
