"""attempt.join_nonce: the join form's one-time value, unique, so one form sent twice starts one attempt

Existing attempts get none (NULL; a unique index allows any number of NULLs on SQLite and
PostgreSQL alike): they are found by their tokens as before. A unique index rather than a
constraint, so SQLite adds it without copying the table.

Revision ID: 9d3b6f1a4e57
Revises: c1a5e7d2f830
Create Date: 2026-12-02 16:20:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '9d3b6f1a4e57'
down_revision = 'c1a5e7d2f830'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('attempt', schema=None) as batch_op:
        batch_op.add_column(sa.Column('join_nonce', sa.String(length=64), nullable=True))
        batch_op.create_index(batch_op.f('ix_attempt_join_nonce'), ['join_nonce'], unique=True)


def downgrade():
    with op.batch_alter_table('attempt', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_attempt_join_nonce'))
        batch_op.drop_column('join_nonce')
