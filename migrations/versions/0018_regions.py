"""regions: halls grouped into regions; the region admin role with their region

Revision ID: 0018_regions
Revises: 0017_hall_console
Create Date: 2026-12-02 01:45:00.000000

"""
from alembic import op
import sqlalchemy as sa

import kiosk.dbtypes


# revision identifiers, used by Alembic.
revision = '0018_regions'
down_revision = '0017_hall_console'
branch_labels = None
depends_on = None

ROLES_BEFORE = ('staff', 'supervisor', 'admin')
ROLES_AFTER = ('staff', 'supervisor', 'admin', 'region_admin')


def _one_of(values):
    return f"role IN ({', '.join(repr(value) for value in values)})"


def upgrade():
    op.create_table(
        'regions',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('code', sa.String(length=32), nullable=False),
        sa.Column('names', sa.JSON(), nullable=False),
        sa.Column('created_at', kiosk.dbtypes.UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_regions')),
        sa.UniqueConstraint('code', name=op.f('uq_regions_code')),
    )
    with op.batch_alter_table('halls', schema=None) as batch_op:
        batch_op.add_column(sa.Column('region_id', sa.Integer(), nullable=True))
        batch_op.create_index(batch_op.f('ix_halls_region_id'), ['region_id'], unique=False)
        batch_op.create_foreign_key(batch_op.f('fk_halls_region_id_regions'), 'regions', ['region_id'], ['id'],
                                    ondelete='SET NULL')
    with op.batch_alter_table('staff_users', schema=None) as batch_op:
        batch_op.add_column(sa.Column('region_id', sa.Integer(), nullable=True))
        batch_op.create_index(batch_op.f('ix_staff_users_region_id'), ['region_id'], unique=False)
        batch_op.create_foreign_key(batch_op.f('fk_staff_users_region_id_regions'), 'regions', ['region_id'],
                                    ['id'], ondelete='SET NULL')
        batch_op.drop_constraint(op.f('ck_staff_users_role'), type_='check')
        batch_op.create_check_constraint(op.f('ck_staff_users_role'), _one_of(ROLES_AFTER))


def downgrade():
    op.execute("UPDATE staff_users SET role = 'admin' WHERE role = 'region_admin'")
    with op.batch_alter_table('staff_users', schema=None) as batch_op:
        batch_op.drop_constraint(op.f('ck_staff_users_role'), type_='check')
        batch_op.create_check_constraint(op.f('ck_staff_users_role'), _one_of(ROLES_BEFORE))
        batch_op.drop_constraint(batch_op.f('fk_staff_users_region_id_regions'), type_='foreignkey')
        batch_op.drop_index(batch_op.f('ix_staff_users_region_id'))
        batch_op.drop_column('region_id')
    with op.batch_alter_table('halls', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_halls_region_id_regions'), type_='foreignkey')
        batch_op.drop_index(batch_op.f('ix_halls_region_id'))
        batch_op.drop_column('region_id')
    op.drop_table('regions')
