"""device pairing: secrets and one-time codes (hashed), last seen, revocation, a window; rating tablets

Revision ID: 0013_device_pairing
Revises: 0012_ticket_history
Create Date: 2026-12-01 23:40:00.000000

"""
from alembic import op
import sqlalchemy as sa

import kiosk.dbtypes


# revision identifiers, used by Alembic.
revision = '0013_device_pairing'
down_revision = '0012_ticket_history'
branch_labels = None
depends_on = None

KINDS_BEFORE = ('kiosk', 'display', 'counter')
KINDS_AFTER = ('kiosk', 'display', 'counter', 'tablet')
MOMENTS = ('pairing_expires_at', 'paired_at', 'last_seen_at', 'revoked_at')


def _one_of(values):
    return f"kind IN ({', '.join(repr(value) for value in values)})"


def upgrade():
    with op.batch_alter_table('devices', schema=None) as batch_op:
        batch_op.add_column(sa.Column('window_id', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('secret_hash', sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column('pairing_code_hash', sa.String(length=64), nullable=True))
        for column in MOMENTS:
            batch_op.add_column(sa.Column(column, kiosk.dbtypes.UTCDateTime(), nullable=True))
        batch_op.create_foreign_key(batch_op.f('fk_devices_window_id_windows'), 'windows', ['window_id'], ['id'],
                                    ondelete='SET NULL')
        batch_op.create_unique_constraint(batch_op.f('uq_devices_secret_hash'), ['secret_hash'])
        batch_op.create_unique_constraint(batch_op.f('uq_devices_pairing_code_hash'), ['pairing_code_hash'])
        batch_op.drop_constraint(op.f('ck_devices_kind'), type_='check')
        batch_op.create_check_constraint(op.f('ck_devices_kind'), _one_of(KINDS_AFTER))


def downgrade():
    op.execute("DELETE FROM devices WHERE kind = 'tablet'")
    with op.batch_alter_table('devices', schema=None) as batch_op:
        batch_op.drop_constraint(op.f('ck_devices_kind'), type_='check')
        batch_op.create_check_constraint(op.f('ck_devices_kind'), _one_of(KINDS_BEFORE))
        batch_op.drop_constraint(batch_op.f('uq_devices_pairing_code_hash'), type_='unique')
        batch_op.drop_constraint(batch_op.f('uq_devices_secret_hash'), type_='unique')
        batch_op.drop_constraint(batch_op.f('fk_devices_window_id_windows'), type_='foreignkey')
        for column in reversed(MOMENTS):
            batch_op.drop_column(column)
        batch_op.drop_column('pairing_code_hash')
        batch_op.drop_column('secret_hash')
        batch_op.drop_column('window_id')
