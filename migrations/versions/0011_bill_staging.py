"""bill_staging: the rows of a bill import in progress, written in batches and moved into bills at the end

Revision ID: 0011_bill_staging
Revises: 0010_sessions
Create Date: 2026-12-01 22:00:00.000000

"""
import sqlalchemy as sa
from alembic import op

import kiosk.dbtypes

# revision identifiers, used by Alembic.
revision = '0011_bill_staging'
down_revision = '0010_sessions'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('bill_staging',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('import_id', sa.String(length=32), nullable=False),
    sa.Column('line', sa.Integer(), nullable=False),
    sa.Column('account_no', sa.String(length=20), nullable=False),
    sa.Column('period', sa.String(length=7), nullable=False),
    sa.Column('data', sa.Text(), nullable=False),
    sa.Column('created_at', kiosk.dbtypes.UTCDateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_bill_staging'))
    )
    with op.batch_alter_table('bill_staging', schema=None) as batch_op:
        batch_op.create_index('ix_bill_staging_import_account', ['import_id', 'account_no', 'period'], unique=False)


def downgrade():
    with op.batch_alter_table('bill_staging', schema=None) as batch_op:
        batch_op.drop_index('ix_bill_staging_import_account')
    op.drop_table('bill_staging')
