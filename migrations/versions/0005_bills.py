"""bill accounts, bills and late-fee rule versions

Revision ID: 0005_bills
Revises: 0004_printing
Create Date: 2026-11-22 20:30:00

"""
from datetime import UTC, date, datetime
from decimal import Decimal

import sqlalchemy as sa
from alembic import op

import kiosk.bills.models
import kiosk.dbtypes

# revision identifiers, used by Alembic.
revision = '0005_bills'
down_revision = '0004_printing'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('bill_accounts',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('account_no', sa.String(length=20), nullable=False),
    sa.Column('name', sa.String(length=120), nullable=False),
    sa.Column('address', sa.String(length=255), nullable=False),
    sa.Column('category', sa.String(length=20), nullable=False),
    sa.Column('meter_no', sa.String(length=32), nullable=True),
    sa.Column('phone', sa.String(length=32), nullable=True),
    sa.Column('prepaid_balance', kiosk.bills.models.ScaledDecimal(2), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_bill_accounts'))
    )
    with op.batch_alter_table('bill_accounts', schema=None) as batch_op:
        batch_op.create_index('ix_bill_accounts_account_no', ['account_no'], unique=True)

    rules = op.create_table('late_fee_rules',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('effective_from', sa.Date(), nullable=False),
    sa.Column('residential_rate', kiosk.bills.models.ScaledDecimal(6), nullable=False),
    sa.Column('current_year_rate', kiosk.bills.models.ScaledDecimal(6), nullable=False),
    sa.Column('later_year_rate', kiosk.bills.models.ScaledDecimal(6), nullable=False),
    sa.Column('minimum', kiosk.bills.models.ScaledDecimal(2), nullable=False),
    sa.Column('created_at', kiosk.dbtypes.UTCDateTime(), nullable=False),
    sa.Column('created_by', sa.String(length=64), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_late_fee_rules')),
    sa.UniqueConstraint('effective_from', name=op.f('uq_late_fee_rules_effective_from'))
    )
    op.create_table('bills',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('account_id', sa.Integer(), nullable=False),
    sa.Column('period', sa.String(length=7), nullable=False),
    sa.Column('prev_reading', kiosk.bills.models.ScaledDecimal(2), nullable=False),
    sa.Column('curr_reading', kiosk.bills.models.ScaledDecimal(2), nullable=False),
    sa.Column('kwh', kiosk.bills.models.ScaledDecimal(2), nullable=False),
    sa.Column('peak_kwh', kiosk.bills.models.ScaledDecimal(2), nullable=True),
    sa.Column('valley_kwh', kiosk.bills.models.ScaledDecimal(2), nullable=True),
    sa.Column('amount', kiosk.bills.models.ScaledDecimal(2), nullable=False),
    sa.Column('due_date', sa.Date(), nullable=False),
    sa.Column('paid_on', sa.Date(), nullable=True),
    sa.Column('late_fee_paid', kiosk.bills.models.ScaledDecimal(2), nullable=True),
    sa.Column('lines', sa.JSON(), nullable=True),
    sa.ForeignKeyConstraint(['account_id'], ['bill_accounts.id'], name=op.f('fk_bills_account_id_bill_accounts'),
                            ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_bills'))
    )
    with op.batch_alter_table('bills', schema=None) as batch_op:
        batch_op.create_index('ix_bills_account_period', ['account_id', 'period'], unique=True)

    # The first late-fee rule version: the rates of the business rules (Art. 98), in force before any bill.
    op.bulk_insert(rules, [{
        'effective_from': date(1990, 1, 1), 'residential_rate': Decimal('0.001'),
        'current_year_rate': Decimal('0.002'), 'later_year_rate': Decimal('0.003'), 'minimum': Decimal('1.00'),
        'created_at': datetime.now(UTC), 'created_by': 'system',
    }])


def downgrade():
    with op.batch_alter_table('bills', schema=None) as batch_op:
        batch_op.drop_index('ix_bills_account_period')
    op.drop_table('bills')
    op.drop_table('late_fee_rules')
    with op.batch_alter_table('bill_accounts', schema=None) as batch_op:
        batch_op.drop_index('ix_bill_accounts_account_no')
    op.drop_table('bill_accounts')
