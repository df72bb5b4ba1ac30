"""tariff versions and fee items

Revision ID: 0006_tariffs
Revises: 0005_bills
Create Date: 2026-11-22 21:00:00

"""
import sqlalchemy as sa
from alembic import op

import kiosk.dbtypes

# revision identifiers, used by Alembic.
revision = '0006_tariffs'
down_revision = '0005_bills'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('tariff_versions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=40), nullable=False),
    sa.Column('category', sa.String(length=30), nullable=False),
    sa.Column('names', sa.JSON(), nullable=False),
    sa.Column('notes', sa.JSON(), nullable=False),
    sa.Column('tier_basis', sa.String(length=10), nullable=True),
    sa.Column('effective_from', sa.Date(), nullable=False),
    sa.Column('document_no', sa.String(length=120), nullable=False),
    sa.Column('rows', sa.JSON(), nullable=False),
    sa.Column('periods', sa.JSON(), nullable=False),
    sa.Column('sample', sa.Boolean(), nullable=False),
    sa.Column('sort_order', sa.Integer(), nullable=False),
    sa.Column('created_at', kiosk.dbtypes.UTCDateTime(), nullable=False),
    sa.Column('created_by', sa.String(length=64), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_tariff_versions'))
    )
    with op.batch_alter_table('tariff_versions', schema=None) as batch_op:
        batch_op.create_index('ix_tariff_versions_code_effective', ['code', 'effective_from'], unique=True)

    op.create_table('fee_items',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=40), nullable=False),
    sa.Column('names', sa.JSON(), nullable=False),
    sa.Column('units', sa.JSON(), nullable=False),
    sa.Column('amount_fen', sa.BigInteger(), nullable=False),
    sa.Column('legal_basis', sa.JSON(), nullable=False),
    sa.Column('notes', sa.JSON(), nullable=False),
    sa.Column('sample', sa.Boolean(), nullable=False),
    sa.Column('sort_order', sa.Integer(), nullable=False),
    sa.Column('updated_at', kiosk.dbtypes.UTCDateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_fee_items')),
    sa.UniqueConstraint('code', name=op.f('uq_fee_items_code'))
    )


def downgrade():
    op.drop_table('fee_items')
    with op.batch_alter_table('tariff_versions', schema=None) as batch_op:
        batch_op.drop_index('ix_tariff_versions_code_effective')
    op.drop_table('tariff_versions')
