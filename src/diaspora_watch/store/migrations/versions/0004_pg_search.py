"""linking's candidate index on events; on PostgreSQL, a tsvector over the lemmatized search text with a GIN index

Revision ID: 0004
Revises: 0003

Linking looks up the events of one subtype and country in a date window for every document it
links: ``ix_events_subtype_country_date`` makes each lookup an index range. SQLite searches
``search_text`` through its FTS5 table (0002); PostgreSQL gets the same: ``search_text.tsv``, a
generated ``tsvector`` with the ``simple`` configuration (the text is lemmatized already, so no
stemmer and no stop words), and a GIN index that ``@@`` queries use. The column exists only on
PostgreSQL, so the models do not name it (``link.search`` queries it by name).
"""

from alembic import op


revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('events', schema=None) as batch_op:
        batch_op.create_index('ix_events_subtype_country_date', ['subtype', 'country', 'date'], unique=False)
    if op.get_bind().dialect.name == "postgresql":
        op.execute("ALTER TABLE search_text ADD COLUMN tsv tsvector GENERATED ALWAYS AS (to_tsvector('simple', lemmas)) STORED")
        op.execute("CREATE INDEX ix_search_text_tsv ON search_text USING gin (tsv)")


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP INDEX IF EXISTS ix_search_text_tsv")
        op.execute("ALTER TABLE search_text DROP COLUMN IF EXISTS tsv")
    with op.batch_alter_table('events', schema=None) as batch_op:
        batch_op.drop_index('ix_events_subtype_country_date')
