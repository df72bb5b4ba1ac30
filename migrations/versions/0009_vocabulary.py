"""vocabulary: check constraints on status and kind columns; distinct names for the three categories

Revision ID: 0009_vocabulary
Revises: 0008_guides
Create Date: 2026-12-01 21:20:00.000000

"""
from alembic import op

# revision identifiers, used by Alembic.
revision = '0009_vocabulary'
down_revision = '0008_guides'
branch_labels = None
depends_on = None

#: Renamed columns: table -> (old name, new name).
RENAMES = {
    'bill_accounts': ('category', 'customer_category'),
    'tariff_versions': ('category', 'user_class'),
    'guides': ('category', 'guide_topic'),
}

#: The closed sets of values, as the models' vocabularies held them at this revision: table -> column -> values.
VALUES = {
    'tickets': {'status': ('waiting', 'called', 'skipped', 'done')},
    'suspensions': {'scope': ('window', 'service', 'hall'),
                    'reason_key': ('system_failure', 'absence', 'training', 'other')},
    'notices': {'kind': ('notice', 'outage'), 'outage_type': ('planned', 'temporary', 'fault')},
    'opinions': {'kind': ('praise', 'suggestion', 'complaint', 'report'),
                 'topic': ('service', 'waiting', 'billing', 'outage', 'facilities', 'other'),
                 'status': ('open', 'replied', 'closed')},
    'print_jobs': {'backend': ('file', 'cups', 'browser'), 'status': ('ok', 'failed')},
    'devices': {'kind': ('kiosk', 'display', 'counter')},
    'staff_users': {'role': ('staff', 'supervisor', 'admin')},
    'bill_accounts': {'customer_category': ('residential', 'non_residential')},
    'tariff_versions': {'user_class': ('residential', 'residential_shared', 'commercial', 'large_industrial',
                                       'agricultural'),
                        'tier_basis': ('annual', 'monthly')},
    'guides': {'guide_topic': ('connect', 'change', 'account', 'green')},
    'service_info_items': {'kind': ('commitment', 'item', 'complaint', 'discipline')},
    'contractors': {'kind': ('design', 'construction', 'both')},
    'application_stages': {'stage': ('acceptance', 'survey', 'supply_plan', 'design_review', 'mid_inspection',
                                     'completion', 'connection', 'archive')},
}

#: Other checks: table -> (constraint name, condition).
CONDITIONS = {
    'tickets': ('rating', 'rating BETWEEN 1 AND 4'),
}


def _one_of(column, values):
    return f"{column} IN ({', '.join(repr(value) for value in values)})"


def upgrade():
    for table, columns in VALUES.items():
        with op.batch_alter_table(table, schema=None) as batch_op:
            if table in RENAMES:
                old, new = RENAMES[table]
                batch_op.alter_column(old, new_column_name=new)
            for column, values in columns.items():
                batch_op.create_check_constraint(op.f(f'ck_{table}_{column}'), _one_of(column, values))
            if table in CONDITIONS:
                name, condition = CONDITIONS[table]
                batch_op.create_check_constraint(op.f(f'ck_{table}_{name}'), condition)


def downgrade():
    for table, columns in reversed(VALUES.items()):
        with op.batch_alter_table(table, schema=None) as batch_op:
            if table in CONDITIONS:
                name, _condition = CONDITIONS[table]
                batch_op.drop_constraint(op.f(f'ck_{table}_{name}'), type_='check')
            for column in columns:
                batch_op.drop_constraint(op.f(f'ck_{table}_{column}'), type_='check')
            if table in RENAMES:
                old, new = RENAMES[table]
                batch_op.alter_column(new, new_column_name=old)
