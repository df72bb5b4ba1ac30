"""print jobs

Revision ID: 0004_printing
Revises: 0003_queue
Create Date: 2026-11-22 20:20:00

"""
import sqlalchemy as sa
from alembic import op

import kiosk.dbtypes

# revision identifiers, used by Alembic.
revision = '0004_printing'
down_revision = '0003_queue'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'print_jobs',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('hall_id', sa.Integer(), nullable=True),
        sa.Column('device_id', sa.Integer(), nullable=True),
        sa.Column('device_name', sa.String(length=64), nullable=False),
        sa.Column('kind', sa.String(length=32), nullable=False),
        sa.Column('reference', sa.String(length=64), nullable=False),
        sa.Column('printer', sa.String(length=255), nullable=False),
        sa.Column('backend', sa.String(length=16), nullable=False),
        sa.Column('status', sa.String(length=16), nullable=False),
        sa.Column('message', sa.Text(), nullable=False),
        sa.Column('reprint', sa.Boolean(), nullable=False),
        sa.Column('spool_path', sa.String(length=1024), nullable=False),
        sa.Column('pdf', sa.LargeBinary(), nullable=True),
        sa.Column('pdf_size', sa.Integer(), nullable=False),
        sa.Column('source', sa.JSON(), nullable=False),
        sa.Column('created_at', kiosk.dbtypes.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(['device_id'], ['devices.id'], name=op.f('fk_print_jobs_device_id_devices'),
                                ondelete='SET NULL'),
        sa.ForeignKeyConstraint(['hall_id'], ['halls.id'], name=op.f('fk_print_jobs_hall_id_halls'),
                                ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_print_jobs')),
    )
    with op.batch_alter_table('print_jobs', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_print_jobs_created_at'), ['created_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_print_jobs_hall_id'), ['hall_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_print_jobs_kind'), ['kind'], unique=False)
        batch_op.create_index(batch_op.f('ix_print_jobs_status'), ['status'], unique=False)


def downgrade():
    with op.batch_alter_table('print_jobs', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_print_jobs_status'))
        batch_op.drop_index(batch_op.f('ix_print_jobs_kind'))
        batch_op.drop_index(batch_op.f('ix_print_jobs_hall_id'))
        batch_op.drop_index(batch_op.f('ix_print_jobs_created_at'))
    op.drop_table('print_jobs')
