"""hall console: public URL, reception days and payment link of a hall; service options; window preferences

Revision ID: 0017_hall_console
Revises: 0016_media_slides
Create Date: 2026-12-02 01:40:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0017_hall_console'
down_revision = '0016_media_slides'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('halls', schema=None) as batch_op:
        batch_op.add_column(sa.Column('public_url', sa.String(length=255), nullable=True))
        batch_op.add_column(sa.Column('reception_days', sa.JSON(), server_default=sa.text("'{}'"), nullable=False))
        batch_op.add_column(sa.Column('payment_url_template', sa.String(length=255), nullable=True))
    with op.batch_alter_table('services', schema=None) as batch_op:
        batch_op.add_column(sa.Column('priority_offered', sa.Boolean(), server_default=sa.true(), nullable=False))
        batch_op.add_column(sa.Column('daily_cap', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('own_hours', sa.JSON(), nullable=True))
        batch_op.add_column(sa.Column('closed', sa.Boolean(), server_default=sa.false(), nullable=False))
    with op.batch_alter_table('window_services', schema=None) as batch_op:
        batch_op.add_column(sa.Column('preference', sa.Integer(), server_default=sa.text('1'), nullable=False))


def downgrade():
    with op.batch_alter_table('window_services', schema=None) as batch_op:
        batch_op.drop_column('preference')
    with op.batch_alter_table('services', schema=None) as batch_op:
        batch_op.drop_column('closed')
        batch_op.drop_column('own_hours')
        batch_op.drop_column('daily_cap')
        batch_op.drop_column('priority_offered')
    with op.batch_alter_table('halls', schema=None) as batch_op:
        batch_op.drop_column('payment_url_template')
        batch_op.drop_column('reception_days')
        batch_op.drop_column('public_url')
