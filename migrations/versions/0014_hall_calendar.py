"""hall calendar: dated exceptions to the weekly hours; whether the hall closes on public holidays

Revision ID: 0014_hall_calendar
Revises: 0013_device_pairing
Create Date: 2026-12-02 00:15:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0014_hall_calendar'
down_revision = '0013_device_pairing'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('halls', schema=None) as batch_op:
        batch_op.add_column(sa.Column('hour_exceptions', sa.JSON(), server_default=sa.text("'{}'"), nullable=False))
        batch_op.add_column(sa.Column('closed_on_public_holidays', sa.Boolean(), server_default=sa.true(),
                                      nullable=False))


def downgrade():
    with op.batch_alter_table('halls', schema=None) as batch_op:
        batch_op.drop_column('closed_on_public_holidays')
        batch_op.drop_column('hour_exceptions')
