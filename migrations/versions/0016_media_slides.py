"""media: the slides of each hall's wall-display playlist

Revision ID: 0016_media_slides
Revises: 0015_voice
Create Date: 2026-12-02 01:40:00.000000

"""
import sqlalchemy as sa
from alembic import op

import kiosk.dbtypes

# revision identifiers, used by Alembic.
revision = '0016_media_slides'
down_revision = '0015_voice'
branch_labels = None
depends_on = None

#: The slide kinds at this revision.
KINDS = ('image', 'video', 'text', 'tariff', 'commitments')


def upgrade():
    op.create_table('slides',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('hall_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=12), nullable=False),
    sa.Column('titles', sa.JSON(), nullable=False),
    sa.Column('texts', sa.JSON(), nullable=False),
    sa.Column('file_name', sa.String(length=80), nullable=True),
    sa.Column('content_type', sa.String(length=32), nullable=True),
    sa.Column('sha256', sa.String(length=64), nullable=True),
    sa.Column('byte_size', sa.Integer(), nullable=True),
    sa.Column('width', sa.Integer(), nullable=True),
    sa.Column('height', sa.Integer(), nullable=True),
    sa.Column('duration_seconds', sa.Integer(), nullable=False),
    sa.Column('starts_on', sa.Date(), nullable=True),
    sa.Column('ends_on', sa.Date(), nullable=True),
    sa.Column('daily_from', sa.String(length=5), nullable=True),
    sa.Column('daily_until', sa.String(length=5), nullable=True),
    sa.Column('displays', sa.JSON(), nullable=False),
    sa.Column('sort_order', sa.Integer(), nullable=False),
    sa.Column('created_at', kiosk.dbtypes.UTCDateTime(), nullable=False),
    sa.Column('created_by', sa.String(length=64), nullable=False),
    sa.Column('retired_at', kiosk.dbtypes.UTCDateTime(), nullable=True),
    sa.CheckConstraint('duration_seconds BETWEEN 3 AND 120', name=op.f('ck_slides_duration')),
    sa.CheckConstraint(f"kind IN ({', '.join(repr(kind) for kind in KINDS)})", name=op.f('ck_slides_kind')),
    sa.ForeignKeyConstraint(['hall_id'], ['halls.id'], name=op.f('fk_slides_hall_id_halls'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_slides'))
    )
    with op.batch_alter_table('slides', schema=None) as batch_op:
        batch_op.create_index('ix_slides_hall_order', ['hall_id', 'sort_order'], unique=False)


def downgrade():
    with op.batch_alter_table('slides', schema=None) as batch_op:
        batch_op.drop_index('ix_slides_hall_order')
    op.drop_table('slides')
