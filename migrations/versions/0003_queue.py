"""queue tickets, counters and window states

Revision ID: 0003_queue
Revises: 0002_rate_limits
Create Date: 2026-11-22 21:38:37

"""
import sqlalchemy as sa
from alembic import op

import kiosk.dbtypes


# revision identifiers, used by Alembic.
revision = '0003_queue'
down_revision = '0002_rate_limits'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('queue_counters',
    sa.Column('hall_id', sa.Integer(), nullable=False),
    sa.Column('service_id', sa.Integer(), nullable=False),
    sa.Column('business_day', sa.Date(), nullable=False),
    sa.Column('last_seq', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['hall_id'], ['halls.id'], name=op.f('fk_queue_counters_hall_id_halls'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['service_id'], ['services.id'], name=op.f('fk_queue_counters_service_id_services'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('hall_id', 'service_id', 'business_day', name=op.f('pk_queue_counters'))
    )
    op.create_table('tickets',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('hall_id', sa.Integer(), nullable=False),
    sa.Column('issued_service_id', sa.Integer(), nullable=False),
    sa.Column('service_id', sa.Integer(), nullable=False),
    sa.Column('business_day', sa.Date(), nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('number', sa.String(length=12), nullable=False),
    sa.Column('token', sa.String(length=64), nullable=False),
    sa.Column('priority', sa.Boolean(), nullable=False),
    sa.Column('front', sa.Boolean(), nullable=False),
    sa.Column('status', sa.String(length=12), nullable=False),
    sa.Column('target_window_id', sa.Integer(), nullable=True),
    sa.Column('window_id', sa.Integer(), nullable=True),
    sa.Column('issued_at', kiosk.dbtypes.UTCDateTime(), nullable=False),
    sa.Column('called_at', kiosk.dbtypes.UTCDateTime(), nullable=True),
    sa.Column('finished_at', kiosk.dbtypes.UTCDateTime(), nullable=True),
    sa.Column('call_count', sa.Integer(), nullable=False),
    sa.Column('rating', sa.SmallInteger(), nullable=True),
    sa.Column('rated_at', kiosk.dbtypes.UTCDateTime(), nullable=True),
    sa.ForeignKeyConstraint(['hall_id'], ['halls.id'], name=op.f('fk_tickets_hall_id_halls'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['issued_service_id'], ['services.id'], name=op.f('fk_tickets_issued_service_id_services'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['service_id'], ['services.id'], name=op.f('fk_tickets_service_id_services'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['target_window_id'], ['windows.id'], name=op.f('fk_tickets_target_window_id_windows'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['window_id'], ['windows.id'], name=op.f('fk_tickets_window_id_windows'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_tickets')),
    sa.UniqueConstraint('hall_id', 'issued_service_id', 'business_day', 'seq', name=op.f('uq_tickets_hall_id_issued_service_id_business_day_seq')),
    sa.UniqueConstraint('token', name=op.f('uq_tickets_token'))
    )
    with op.batch_alter_table('tickets', schema=None) as batch_op:
        batch_op.create_index('ix_tickets_queue', ['hall_id', 'status', 'service_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_tickets_window_id'), ['window_id'], unique=False)

    op.create_table('window_states',
    sa.Column('window_id', sa.Integer(), nullable=False),
    sa.Column('is_open', sa.Boolean(), nullable=False),
    sa.Column('current_ticket_id', sa.Integer(), nullable=True),
    sa.Column('staff_user_id', sa.Integer(), nullable=True),
    sa.Column('updated_at', kiosk.dbtypes.UTCDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['current_ticket_id'], ['tickets.id'], name=op.f('fk_window_states_current_ticket_id_tickets'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['staff_user_id'], ['staff_users.id'], name=op.f('fk_window_states_staff_user_id_staff_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['window_id'], ['windows.id'], name=op.f('fk_window_states_window_id_windows'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('window_id', name=op.f('pk_window_states'))
    )


def downgrade():
    with op.batch_alter_table('tickets', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_tickets_window_id'))
        batch_op.drop_index('ix_tickets_queue')
    op.drop_table('window_states')
    op.drop_table('tickets')
    op.drop_table('queue_counters')
