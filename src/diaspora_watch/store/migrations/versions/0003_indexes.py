"""indexes for newest-first lists and counts; a data version counter bumped by triggers

Revision ID: 0003
Revises: 0002

The web lists active incidents newest first, alone or by subtype or country, and counts them
for its charts: composite indexes let SQLite read them in order with no sort (the single-column
subtype and country indexes become their prefixes and go). ``data_version.n`` grows with every
change to incidents, their sources or the search text, so the web may cache counts until it moves.
"""

from alembic import op
import sqlalchemy as sa


revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None

INDEXES = {
    "ix_incidents_state_date_id": ["state", "date", "id"],
    "ix_incidents_subtype_state_date_id": ["subtype", "state", "date", "id"],
    "ix_incidents_country_state_date_id": ["country", "state", "date", "id"],
    "ix_incidents_counts": ["state", "country", "type", "subtype", "date"],
    "ix_incidents_merged_into": ["merged_into"],
}
WATCHED = ("incidents", "incident_sources", "search_text")


def _triggers(dialect: str) -> list[str]:
    if dialect == "sqlite":  # row triggers only; one tiny update per changed row
        return [f"""CREATE TRIGGER {table}_version_{kind[0].lower()} AFTER {kind} ON {table}
                    BEGIN UPDATE data_version SET n = n + 1 WHERE id = 1; END"""
                for table in WATCHED for kind in ("INSERT", "UPDATE", "DELETE")]
    if dialect == "postgresql":  # once per statement, however many rows it touched
        return ["""CREATE FUNCTION dw_bump_data_version() RETURNS trigger LANGUAGE plpgsql AS $$
                   BEGIN UPDATE data_version SET n = n + 1 WHERE id = 1; RETURN NULL; END $$"""] + [
            f"""CREATE TRIGGER {table}_version AFTER INSERT OR UPDATE OR DELETE ON {table}
                FOR EACH STATEMENT EXECUTE FUNCTION dw_bump_data_version()""" for table in WATCHED]
    return []


def _drop_triggers(dialect: str) -> list[str]:
    if dialect == "sqlite":
        return [f"DROP TRIGGER IF EXISTS {table}_version_{kind}" for table in WATCHED for kind in "iud"]
    if dialect == "postgresql":
        return [f"DROP TRIGGER IF EXISTS {table}_version ON {table}" for table in WATCHED] + [
            "DROP FUNCTION IF EXISTS dw_bump_data_version()"]
    return []


def upgrade() -> None:
    with op.batch_alter_table('incidents', schema=None) as batch_op:
        batch_op.drop_index('ix_incidents_subtype')
        batch_op.drop_index('ix_incidents_country')
        for name, columns in INDEXES.items():
            batch_op.create_index(name, columns, unique=False)
    with op.batch_alter_table('merge_history', schema=None) as batch_op:
        batch_op.create_index('ix_merge_history_other', ['other'], unique=False)
    version = op.create_table('data_version',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('n', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    op.bulk_insert(version, [{"id": 1, "n": 0}])
    for sql in _triggers(op.get_bind().dialect.name):
        op.execute(sql)


def downgrade() -> None:
    for sql in _drop_triggers(op.get_bind().dialect.name):
        op.execute(sql)
    op.drop_table('data_version')
    with op.batch_alter_table('merge_history', schema=None) as batch_op:
        batch_op.drop_index('ix_merge_history_other')
    with op.batch_alter_table('incidents', schema=None) as batch_op:
        for name in reversed(INDEXES):
            batch_op.drop_index(name)
        batch_op.create_index('ix_incidents_country', ['country'], unique=False)
        batch_op.create_index('ix_incidents_subtype', ['subtype'], unique=False)
