"""voice: recordings a hall uploads to replace default clips; the hall's voice settings

Revision ID: 0015_voice
Revises: 0014_hall_calendar
Create Date: 2026-12-02 01:50:00.000000

"""
from alembic import op
import sqlalchemy as sa

import kiosk.dbtypes


# revision identifiers, used by Alembic.
revision = '0015_voice'
down_revision = '0014_hall_calendar'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'voice_clips',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('hall_id', sa.Integer(), nullable=False),
        sa.Column('language', sa.String(length=16), nullable=False),
        sa.Column('clip', sa.String(length=8), nullable=False),
        sa.Column('sha256', sa.String(length=64), nullable=False),
        sa.Column('uploaded_at', kiosk.dbtypes.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(['hall_id'], ['halls.id'], name=op.f('fk_voice_clips_hall_id_halls'),
                                ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_voice_clips')),
        sa.UniqueConstraint('hall_id', 'language', 'clip', name=op.f('uq_voice_clips_hall_id_language_clip')),
    )
    with op.batch_alter_table('voice_clips', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_voice_clips_hall_id'), ['hall_id'], unique=False)
    with op.batch_alter_table('halls', schema=None) as batch_op:
        batch_op.add_column(sa.Column('voice', sa.JSON(), server_default=sa.text("'{}'"), nullable=False))


def downgrade():
    with op.batch_alter_table('halls', schema=None) as batch_op:
        batch_op.drop_column('voice')
    with op.batch_alter_table('voice_clips', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_voice_clips_hall_id'))
    op.drop_table('voice_clips')
