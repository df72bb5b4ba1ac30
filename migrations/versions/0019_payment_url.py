"""payment URL: the hall's "pay on your phone" address template (the bill result's QR code)

Revision ID: 0019_payment_url
Revises: 0014_hall_calendar
Create Date: 2026-12-02 01:45:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0019_payment_url'
down_revision = '0014_hall_calendar'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('halls', schema=None) as batch_op:
        batch_op.add_column(sa.Column('payment_url_template', sa.String(length=500), nullable=True))


def downgrade():
    with op.batch_alter_table('halls', schema=None) as batch_op:
        batch_op.drop_column('payment_url_template')
