"""events newest first: an index on (date, id); on PostgreSQL, the list indexes in the lists' own order

Revision ID: 0005
Revises: 0004

``/api/v1/events`` lists events by ``date DESC NULLS LAST, id DESC``; without an index on those
columns every request sorted every event row. SQLite puts NULL first in ascending order, so
reading ``ix_events_date_id`` backwards is exactly that order. PostgreSQL puts NULL last in
ascending order, so a backward scan would put undated rows first and the planner sorts instead:
there the events index, and the incident list indexes of 0003 (which had the same flaw: a text
search walked every incident before sorting), are built as ``date DESC NULLS LAST, id DESC``.
Their columns are the models'; only the sort order differs, on PostgreSQL only.
"""

from alembic import op
import sqlalchemy as sa


revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None

#: incident list indexes of 0003: the equality columns before (date, id)
INCIDENT_LISTS = {
    "ix_incidents_state_date_id": ["state"],
    "ix_incidents_subtype_state_date_id": ["subtype", "state"],
    "ix_incidents_country_state_date_id": ["country", "state"],
}
NEWEST_FIRST = [sa.text("date DESC NULLS LAST"), sa.text("id DESC")]


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        with op.batch_alter_table('events', schema=None) as batch_op:
            batch_op.create_index('ix_events_date_id', ['date', 'id'], unique=False)
        return
    op.create_index('ix_events_date_id', 'events', NEWEST_FIRST, unique=False)
    for name, prefix in INCIDENT_LISTS.items():
        op.drop_index(name, table_name='incidents')
        op.create_index(name, 'incidents', [*prefix, *NEWEST_FIRST], unique=False)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for name, prefix in INCIDENT_LISTS.items():
            op.drop_index(name, table_name='incidents')
            op.create_index(name, 'incidents', [*prefix, 'date', 'id'], unique=False)
    with op.batch_alter_table('events', schema=None) as batch_op:
        batch_op.drop_index('ix_events_date_id')
