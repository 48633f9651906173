"""incidents, incident_sources, merge_history, search_text; Datasette views and Russian-ready FTS

Revision ID: 0002
Revises: 0001
"""

from alembic import op
import sqlalchemy as sa


revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None

# Readable views for Datasette and for SQL users; plain joins, so they work on both dialects.
VIEWS = {
    "incident_reports": """
        CREATE VIEW incident_reports AS
        SELECT s.incident AS incident, d.doc_id AS doc_id, d.outlet AS outlet, d.url AS url,
               d.published AS published, d.language AS language, d.title AS title,
               e.date AS event_date, e.certainty AS certainty, e.count AS count,
               e.fatalities AS fatalities, e.evidence AS evidence, e.claims AS claims
        FROM incident_sources s
        JOIN documents d ON d.id = s.document_id
        JOIN events e ON e.document_id = s.document_id AND e.seq = s.seq
    """,
    "incidents_overview": """
        CREATE VIEW incidents_overview AS
        SELECT i.id AS incident, i.type AS type, i.subtype AS subtype, i.date AS date,
               i.time_precision AS time_precision, i.country AS country, i.admin1 AS admin1,
               i.place AS place, i.geo_precision AS geo_precision, i.count_low AS count_low,
               i.count_best AS count_best, i.count_high AS count_high,
               i.fatalities_best AS fatalities_best, i.n_sources AS n_sources,
               i.contested AS contested, i.updated AS updated
        FROM incidents i
        WHERE i.state = 'active'
    """,
}

FTS = [
    # External-content FTS5 over the lemmatized column: Datasette finds it through content="search_text".
    'CREATE VIRTUAL TABLE search_text_fts USING fts5(title, lemmas, content="search_text", content_rowid="document_id")',
    """CREATE TRIGGER search_text_ai AFTER INSERT ON search_text BEGIN
        INSERT INTO search_text_fts(rowid, title, lemmas) VALUES (new.document_id, new.title, new.lemmas);
    END""",
    """CREATE TRIGGER search_text_ad AFTER DELETE ON search_text BEGIN
        INSERT INTO search_text_fts(search_text_fts, rowid, title, lemmas) VALUES ('delete', old.document_id, old.title, old.lemmas);
    END""",
    """CREATE TRIGGER search_text_au AFTER UPDATE ON search_text BEGIN
        INSERT INTO search_text_fts(search_text_fts, rowid, title, lemmas) VALUES ('delete', old.document_id, old.title, old.lemmas);
        INSERT INTO search_text_fts(rowid, title, lemmas) VALUES (new.document_id, new.title, new.lemmas);
    END""",
]


def upgrade() -> None:
    op.create_table('incidents',
    sa.Column('id', sa.String(length=255), nullable=False),
    sa.Column('type', sa.String(length=16), nullable=False),
    sa.Column('subtype', sa.String(length=32), nullable=False),
    sa.Column('country', sa.String(length=2), nullable=True),
    sa.Column('admin1', sa.String(length=8), nullable=True),
    sa.Column('place', sa.Text(), nullable=True),
    sa.Column('date', sa.String(length=10), nullable=True),
    sa.Column('time_precision', sa.Integer(), nullable=True),
    sa.Column('latitude', sa.Float(), nullable=True),
    sa.Column('longitude', sa.Float(), nullable=True),
    sa.Column('geo_precision', sa.Integer(), nullable=True),
    sa.Column('groups', sa.JSON(), nullable=False),
    sa.Column('actors', sa.JSON(), nullable=False),
    sa.Column('persons', sa.JSON(), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=True),
    sa.Column('certainty', sa.String(length=16), nullable=True),
    sa.Column('count_low', sa.Integer(), nullable=True),
    sa.Column('count_best', sa.Integer(), nullable=True),
    sa.Column('count_high', sa.Integer(), nullable=True),
    sa.Column('fatalities_low', sa.Integer(), nullable=True),
    sa.Column('fatalities_best', sa.Integer(), nullable=True),
    sa.Column('fatalities_high', sa.Integer(), nullable=True),
    sa.Column('n_sources', sa.Integer(), nullable=False),
    sa.Column('claims', sa.JSON(), nullable=False),
    sa.Column('contested', sa.Integer(), nullable=False),
    sa.Column('founder', sa.String(length=600), nullable=False),
    sa.Column('state', sa.String(length=16), nullable=False),
    sa.Column('merged_into', sa.String(length=255), nullable=True),
    sa.Column('first_seen', sa.String(length=32), nullable=False),
    sa.Column('updated', sa.String(length=32), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('incidents', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_incidents_country'), ['country'], unique=False)
        batch_op.create_index(batch_op.f('ix_incidents_date'), ['date'], unique=False)
        batch_op.create_index(batch_op.f('ix_incidents_subtype'), ['subtype'], unique=False)

    op.create_table('incident_sources',
    sa.Column('incident', sa.String(length=255), nullable=False),
    sa.Column('document_id', sa.Integer(), nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['document_id'], ['documents.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['incident'], ['incidents.id'], ),
    sa.PrimaryKeyConstraint('incident', 'document_id', 'seq')
    )
    with op.batch_alter_table('incident_sources', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_incident_sources_document_id'), ['document_id'], unique=False)

    op.create_table('merge_history',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('action', sa.String(length=8), nullable=False),
    sa.Column('incident', sa.String(length=255), nullable=False),
    sa.Column('other', sa.String(length=255), nullable=False),
    sa.Column('events', sa.JSON(), nullable=False),
    sa.Column('by', sa.String(length=255), nullable=False),
    sa.Column('why', sa.Text(), nullable=False),
    sa.Column('at', sa.String(length=32), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('merge_history', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_merge_history_incident'), ['incident'], unique=False)

    op.create_table('search_text',
    sa.Column('document_id', sa.Integer(), nullable=False),
    sa.Column('doc_id', sa.String(length=512), nullable=False),
    sa.Column('title', sa.Text(), nullable=False),
    sa.Column('lemmas', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['document_id'], ['documents.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('document_id')
    )
    for sql in VIEWS.values():
        op.execute(sql)
    if op.get_bind().dialect.name == "sqlite":
        for sql in FTS:
            op.execute(sql)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for name in ("search_text_au", "search_text_ad", "search_text_ai"):
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
        op.execute("DROP TABLE IF EXISTS search_text_fts")
    for name in VIEWS:
        op.execute(f"DROP VIEW IF EXISTS {name}")
    op.drop_table('search_text')
    with op.batch_alter_table('merge_history', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_merge_history_incident'))
    op.drop_table('merge_history')
    with op.batch_alter_table('incident_sources', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_incident_sources_document_id'))
    op.drop_table('incident_sources')
    with op.batch_alter_table('incidents', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_incidents_subtype'))
        batch_op.drop_index(batch_op.f('ix_incidents_date'))
        batch_op.drop_index(batch_op.f('ix_incidents_country'))
    op.drop_table('incidents')
