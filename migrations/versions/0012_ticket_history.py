"""ticket_history: tickets expire at the end of their business day; indexes for one hall's day and the estimate

Revision ID: 0012_ticket_history
Revises: 0011_bill_staging
Create Date: 2026-12-02 00:00:00.000000

"""
import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = '0012_ticket_history'
down_revision = '0011_bill_staging'
branch_labels = None
depends_on = None

OLD_STATUSES = ('waiting', 'called', 'skipped', 'done')
NEW_STATUSES = OLD_STATUSES + ('expired',)
OPEN = "status IN ('waiting', 'called')"


def _one_of(values):
    return f"status IN ({', '.join(repr(value) for value in values)})"


def _status_check(values):
    with op.batch_alter_table('tickets', schema=None) as batch_op:
        batch_op.drop_constraint(op.f('ck_tickets_status'), type_='check')
        batch_op.create_check_constraint(op.f('ck_tickets_status'), _one_of(values))


def upgrade():
    _status_check(NEW_STATUSES)
    op.drop_index('ix_tickets_queue', table_name='tickets')
    op.create_index('ix_tickets_day', 'tickets', ['hall_id', 'business_day', 'status', 'service_id'], unique=False)
    op.create_index('ix_tickets_estimate', 'tickets', ['service_id', 'status', 'finished_at'], unique=False)
    op.create_index('ix_tickets_open', 'tickets', ['hall_id', 'business_day', 'status'], unique=False,
                    sqlite_where=sa.text(OPEN), postgresql_where=sa.text(OPEN))


def downgrade():
    op.drop_index('ix_tickets_open', table_name='tickets')
    op.drop_index('ix_tickets_estimate', table_name='tickets')
    op.drop_index('ix_tickets_day', table_name='tickets')
    op.create_index('ix_tickets_queue', 'tickets', ['hall_id', 'status', 'service_id'], unique=False)
    # The earlier schema has no expired status: such tickets become finished ones that were never served
    # (no finished time), which its statistics do not count as served.
    op.execute("UPDATE tickets SET status = 'done' WHERE status = 'expired'")
    _status_check(OLD_STATUSES)
