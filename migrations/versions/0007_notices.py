"""notice board: suspensions, notices and outages, opinion book, callback requests

Revision ID: 0007_notices
Revises: 0006_tariffs
Create Date: 2026-11-22 21:40:01.520627

"""
import sqlalchemy as sa
from alembic import op

import kiosk.dbtypes

# revision identifiers, used by Alembic.
revision = '0007_notices'
down_revision = '0006_tariffs'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('notices',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('hall_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=8), nullable=False),
    sa.Column('outage_type', sa.String(length=12), nullable=True),
    sa.Column('titles', sa.JSON(), nullable=False),
    sa.Column('texts', sa.JSON(), nullable=False),
    sa.Column('areas', sa.JSON(), nullable=False),
    sa.Column('lines', sa.JSON(), nullable=False),
    sa.Column('priority', sa.Integer(), nullable=False),
    sa.Column('urgent', sa.Boolean(), nullable=False),
    sa.Column('starts_at', kiosk.dbtypes.UTCDateTime(), nullable=False),
    sa.Column('ends_at', kiosk.dbtypes.UTCDateTime(), nullable=False),
    sa.Column('published_at', kiosk.dbtypes.UTCDateTime(), nullable=False),
    sa.Column('published_by', sa.String(length=64), nullable=False),
    sa.Column('override_reason', sa.String(length=300), nullable=True),
    sa.Column('withdrawn_at', kiosk.dbtypes.UTCDateTime(), nullable=True),
    sa.Column('sample', sa.Boolean(), nullable=False),
    sa.Column('demo_key', sa.String(length=32), nullable=True),
    sa.ForeignKeyConstraint(['hall_id'], ['halls.id'], name=op.f('fk_notices_hall_id_halls'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_notices'))
    )
    with op.batch_alter_table('notices', schema=None) as batch_op:
        batch_op.create_index('ix_notices_hall_end', ['hall_id', 'ends_at'], unique=False)

    op.create_table('opinions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('hall_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=12), nullable=False),
    sa.Column('topic', sa.String(length=20), nullable=False),
    sa.Column('window_number', sa.Integer(), nullable=True),
    sa.Column('phone', sa.String(length=20), nullable=True),
    sa.Column('anonymous', sa.Boolean(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('locale', sa.String(length=12), nullable=False),
    sa.Column('created_at', kiosk.dbtypes.UTCDateTime(), nullable=False),
    sa.Column('due_at', kiosk.dbtypes.UTCDateTime(), nullable=True),
    sa.Column('status', sa.String(length=8), nullable=False),
    sa.Column('reply', sa.Text(), nullable=True),
    sa.Column('replied_at', kiosk.dbtypes.UTCDateTime(), nullable=True),
    sa.Column('replied_by', sa.String(length=64), nullable=True),
    sa.Column('closed_at', kiosk.dbtypes.UTCDateTime(), nullable=True),
    sa.Column('closed_by', sa.String(length=64), nullable=True),
    sa.ForeignKeyConstraint(['hall_id'], ['halls.id'], name=op.f('fk_opinions_hall_id_halls'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_opinions'))
    )
    with op.batch_alter_table('opinions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_opinions_hall_id'), ['hall_id'], unique=False)

    op.create_table('suspensions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('hall_id', sa.Integer(), nullable=False),
    sa.Column('scope', sa.String(length=8), nullable=False),
    sa.Column('window_id', sa.Integer(), nullable=True),
    sa.Column('service_id', sa.Integer(), nullable=True),
    sa.Column('reason_key', sa.String(length=20), nullable=False),
    sa.Column('reason_text', sa.String(length=200), nullable=False),
    sa.Column('until', kiosk.dbtypes.UTCDateTime(), nullable=True),
    sa.Column('started_at', kiosk.dbtypes.UTCDateTime(), nullable=False),
    sa.Column('started_by', sa.String(length=64), nullable=False),
    sa.Column('ended_at', kiosk.dbtypes.UTCDateTime(), nullable=True),
    sa.Column('ended_by', sa.String(length=64), nullable=True),
    sa.ForeignKeyConstraint(['hall_id'], ['halls.id'], name=op.f('fk_suspensions_hall_id_halls'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['service_id'], ['services.id'],
                            name=op.f('fk_suspensions_service_id_services'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['window_id'], ['windows.id'],
                            name=op.f('fk_suspensions_window_id_windows'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_suspensions'))
    )
    with op.batch_alter_table('suspensions', schema=None) as batch_op:
        batch_op.create_index('ix_suspensions_hall_active', ['hall_id', 'ended_at'], unique=False)

    op.create_table('callback_requests',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('hall_id', sa.Integer(), nullable=False),
    sa.Column('service_id', sa.Integer(), nullable=True),
    sa.Column('suspension_id', sa.Integer(), nullable=True),
    sa.Column('phone', sa.String(length=20), nullable=False),
    sa.Column('created_at', kiosk.dbtypes.UTCDateTime(), nullable=False),
    sa.Column('handled_at', kiosk.dbtypes.UTCDateTime(), nullable=True),
    sa.Column('handled_by', sa.String(length=64), nullable=True),
    sa.ForeignKeyConstraint(['hall_id'], ['halls.id'],
                            name=op.f('fk_callback_requests_hall_id_halls'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['service_id'], ['services.id'],
                            name=op.f('fk_callback_requests_service_id_services'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['suspension_id'], ['suspensions.id'],
                            name=op.f('fk_callback_requests_suspension_id_suspensions'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_callback_requests'))
    )
    with op.batch_alter_table('callback_requests', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_callback_requests_hall_id'), ['hall_id'], unique=False)



def downgrade():
    with op.batch_alter_table('callback_requests', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_callback_requests_hall_id'))

    op.drop_table('callback_requests')
    with op.batch_alter_table('suspensions', schema=None) as batch_op:
        batch_op.drop_index('ix_suspensions_hall_active')

    op.drop_table('suspensions')
    with op.batch_alter_table('opinions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_opinions_hall_id'))

    op.drop_table('opinions')
    with op.batch_alter_table('notices', schema=None) as batch_op:
        batch_op.drop_index('ix_notices_hall_end')

    op.drop_table('notices')
