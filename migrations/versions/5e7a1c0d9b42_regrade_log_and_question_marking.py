"""regrade log, question marking (normal / full credit / dropped) and attempts' regrade note

Existing questions get marking "normal" (the server default): nothing is rescored.

Revision ID: 5e7a1c0d9b42
Revises: e4e2715ae425
Create Date: 2026-12-01 10:50:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '5e7a1c0d9b42'
down_revision = 'e4e2715ae425'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('regrade_change',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('quiz_id', sa.Integer(), nullable=False),
    sa.Column('question_id', sa.Integer(), nullable=False),
    sa.Column('teacher_id', sa.Integer(), nullable=True),
    sa.Column('action', sa.String(length=30), nullable=False),
    sa.Column('summary', sa.Text(), nullable=False),
    sa.Column('before', sa.JSON(), nullable=False),
    sa.Column('after', sa.JSON(), nullable=False),
    sa.Column('scores_changed', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('undone_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('undone_by_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['question_id'], ['question.id'], name=op.f('fk_regrade_change_question_id_question'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['quiz_id'], ['quiz.id'], name=op.f('fk_regrade_change_quiz_id_quiz'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['teacher_id'], ['user.id'], name=op.f('fk_regrade_change_teacher_id_user'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['undone_by_id'], ['user.id'], name=op.f('fk_regrade_change_undone_by_id_user'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_regrade_change'))
    )
    with op.batch_alter_table('regrade_change', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_regrade_change_question_id'), ['question_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_regrade_change_quiz_id'), ['quiz_id'], unique=False)

    with op.batch_alter_table('question', schema=None) as batch_op:
        batch_op.add_column(sa.Column('marking', sa.String(length=20), server_default='normal', nullable=False))

    with op.batch_alter_table('attempt', schema=None) as batch_op:
        batch_op.add_column(sa.Column('regraded_at', sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column('score_before_regrade', sa.Float(), nullable=True))
        batch_op.add_column(sa.Column('max_before_regrade', sa.Float(), nullable=True))


def downgrade():
    with op.batch_alter_table('attempt', schema=None) as batch_op:
        batch_op.drop_column('max_before_regrade')
        batch_op.drop_column('score_before_regrade')
        batch_op.drop_column('regraded_at')

    with op.batch_alter_table('question', schema=None) as batch_op:
        batch_op.drop_column('marking')

    with op.batch_alter_table('regrade_change', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_regrade_change_quiz_id'))
        batch_op.drop_index(batch_op.f('ix_regrade_change_question_id'))

    op.drop_table('regrade_change')
