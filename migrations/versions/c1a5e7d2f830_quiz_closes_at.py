"""quiz.closes_at: when a published quiz closes by itself (settings, "Close automatically at")

Existing quizzes get none: they stay open until the teacher closes them, as before.

Revision ID: c1a5e7d2f830
Revises: 5b1e0c7d9a24
Create Date: 2026-12-01 20:15:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'c1a5e7d2f830'
down_revision = '5b1e0c7d9a24'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('quiz', schema=None) as batch_op:
        batch_op.add_column(sa.Column('closes_at', sa.DateTime(timezone=True), nullable=True))


def downgrade():
    with op.batch_alter_table('quiz', schema=None) as batch_op:
        batch_op.drop_column('closes_at')
