"""intake: first-hand reports (sealed), attachments, incident links, append-only audit, TOTP

Revision ID: i001
Revises: 0001
"""

from alembic import op
import sqlalchemy as sa


revision = 'i001'
down_revision = '0001'
branch_labels = ('intake',)
depends_on = None

APPEND_ONLY = {
    # The audit log is append-only below the application too: UPDATE and DELETE abort.
    "sqlite": [
        """CREATE TRIGGER intake_audit_no_update BEFORE UPDATE ON intake_audit
           BEGIN SELECT RAISE(ABORT, 'intake_audit is append-only'); END""",
        """CREATE TRIGGER intake_audit_no_delete BEFORE DELETE ON intake_audit
           BEGIN SELECT RAISE(ABORT, 'intake_audit is append-only'); END""",
    ],
    "postgresql": [
        """CREATE FUNCTION intake_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
           BEGIN RAISE EXCEPTION 'intake_audit is append-only'; END $$""",
        """CREATE TRIGGER intake_audit_no_change BEFORE UPDATE OR DELETE ON intake_audit
           FOR EACH ROW EXECUTE FUNCTION intake_audit_append_only()""",
        """CREATE TRIGGER intake_audit_no_truncate BEFORE TRUNCATE ON intake_audit
           FOR EACH STATEMENT EXECUTE FUNCTION intake_audit_append_only()""",
    ],
}
DROP_APPEND_ONLY = {
    "sqlite": ["DROP TRIGGER IF EXISTS intake_audit_no_update", "DROP TRIGGER IF EXISTS intake_audit_no_delete"],
    "postgresql": [
        "DROP TRIGGER IF EXISTS intake_audit_no_truncate ON intake_audit",
        "DROP TRIGGER IF EXISTS intake_audit_no_change ON intake_audit",
        "DROP FUNCTION IF EXISTS intake_audit_append_only()",
    ],
}


def upgrade() -> None:
    op.create_table('intake_reports',
    sa.Column('id', sa.String(length=32), nullable=False),
    sa.Column('organisation', sa.String(length=255), nullable=False),
    sa.Column('source', sa.String(length=16), nullable=False),
    sa.Column('state', sa.String(length=16), nullable=False),
    sa.Column('consent', sa.String(length=16), nullable=False),
    sa.Column('type', sa.String(length=16), nullable=True),
    sa.Column('subtype', sa.String(length=32), nullable=True),
    sa.Column('country', sa.String(length=2), nullable=True),
    sa.Column('admin1', sa.String(length=8), nullable=True),
    sa.Column('place', sa.Text(), nullable=True),
    sa.Column('date', sa.String(length=10), nullable=True),
    sa.Column('created_by', sa.String(length=160), nullable=False),
    sa.Column('created', sa.String(length=32), nullable=False),
    sa.Column('updated', sa.String(length=32), nullable=False),
    sa.Column('key_id', sa.String(length=16), nullable=False),
    sa.Column('sealed', sa.LargeBinary(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('intake_reports', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_intake_reports_organisation'), ['organisation'], unique=False)

    op.create_table('intake_attachments',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('report_id', sa.String(length=32), nullable=False),
    sa.Column('key_id', sa.String(length=16), nullable=False),
    sa.Column('sealed', sa.LargeBinary(), nullable=False),
    sa.ForeignKeyConstraint(['report_id'], ['intake_reports.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('intake_attachments', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_intake_attachments_report_id'), ['report_id'], unique=False)

    op.create_table('intake_links',
    sa.Column('report_id', sa.String(length=32), nullable=False),
    sa.Column('incident_id', sa.String(length=255), nullable=False),
    sa.Column('linked_by', sa.String(length=160), nullable=False),
    sa.Column('linked', sa.String(length=32), nullable=False),
    sa.ForeignKeyConstraint(['report_id'], ['intake_reports.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('report_id', 'incident_id')
    )
    with op.batch_alter_table('intake_links', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_intake_links_incident_id'), ['incident_id'], unique=False)

    op.create_table('intake_audit',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('at', sa.String(length=32), nullable=False),
    sa.Column('actor', sa.String(length=160), nullable=False),
    sa.Column('role', sa.String(length=16), nullable=False),
    sa.Column('action', sa.String(length=24), nullable=False),
    sa.Column('report_id', sa.String(length=32), nullable=True),
    sa.Column('outcome', sa.String(length=16), nullable=False),
    sa.Column('detail', sa.JSON(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('intake_audit', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_intake_audit_at'), ['at'], unique=False)
        batch_op.create_index(batch_op.f('ix_intake_audit_report_id'), ['report_id'], unique=False)

    op.create_table('intake_totp',
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('key_id', sa.String(length=16), nullable=False),
    sa.Column('sealed', sa.LargeBinary(), nullable=False),
    sa.Column('enabled', sa.Integer(), nullable=False),
    sa.Column('last_step', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('user_id')
    )
    for sql in APPEND_ONLY.get(op.get_bind().dialect.name, []):
        op.execute(sql)


def downgrade() -> None:
    for sql in DROP_APPEND_ONLY.get(op.get_bind().dialect.name, []):
        op.execute(sql)
    op.drop_table('intake_totp')
    with op.batch_alter_table('intake_audit', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_intake_audit_report_id'))
        batch_op.drop_index(batch_op.f('ix_intake_audit_at'))
    op.drop_table('intake_audit')
    with op.batch_alter_table('intake_links', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_intake_links_incident_id'))
    op.drop_table('intake_links')
    with op.batch_alter_table('intake_attachments', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_intake_attachments_report_id'))
    op.drop_table('intake_attachments')
    with op.batch_alter_table('intake_reports', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_intake_reports_organisation'))
    op.drop_table('intake_reports')
