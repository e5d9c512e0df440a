"""lessons, spaced review and units: lesson, lesson_item, review_card, review_log, unit, unit_step

A lesson is a quiz taught in sections (lesson.sections: paragraph ranges and offsets;
lesson_item: which section each question checks, NULL for the end quiz). Rostered students'
answered questions become FSRS review cards, one per (student, question), with an index on
(student_id, due) for "items due today"; review_log is unique per (card, card_version) so
two devices reviewing the same due card store one review. A unit orders several quizzes
and lessons (unit_step, unique per unit and quiz, optional dates) for a class, with an
optional unit-test quiz. New tables only: no data moves.

Revision ID: 5b1e0c7d9a24
Revises: 5e7a1c0d9b42
Create Date: 2026-12-01 11:00:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '5b1e0c7d9a24'
down_revision = '5e7a1c0d9b42'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('lesson',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('quiz_id', sa.Integer(), nullable=False),
    sa.Column('sections', sa.JSON(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['quiz_id'], ['quiz.id'], name=op.f('fk_lesson_quiz_id_quiz'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_lesson')),
    sa.UniqueConstraint('quiz_id', name=op.f('uq_lesson_quiz_id'))
    )
    op.create_table('lesson_item',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('lesson_id', sa.Integer(), nullable=False),
    sa.Column('question_id', sa.Integer(), nullable=False),
    sa.Column('section', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['lesson_id'], ['lesson.id'], name=op.f('fk_lesson_item_lesson_id_lesson'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['question_id'], ['question.id'], name=op.f('fk_lesson_item_question_id_question'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_lesson_item')),
    sa.UniqueConstraint('question_id', name=op.f('uq_lesson_item_question_id'))
    )
    with op.batch_alter_table('lesson_item', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_lesson_item_lesson_id'), ['lesson_id'], unique=False)

    op.create_table('review_card',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('student_id', sa.Integer(), nullable=False),
    sa.Column('question_id', sa.Integer(), nullable=False),
    sa.Column('state', sa.Integer(), nullable=False),
    sa.Column('step', sa.Integer(), nullable=True),
    sa.Column('stability', sa.Float(), nullable=True),
    sa.Column('difficulty', sa.Float(), nullable=True),
    sa.Column('due', sa.DateTime(timezone=True), nullable=False),
    sa.Column('last_review', sa.DateTime(timezone=True), nullable=True),
    sa.Column('reviews', sa.Integer(), nullable=False),
    sa.Column('lapses', sa.Integer(), nullable=False),
    sa.Column('other_item', sa.JSON(), nullable=True),
    sa.Column('other_checked', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['question_id'], ['question.id'], name=op.f('fk_review_card_question_id_question'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['student_id'], ['student.id'], name=op.f('fk_review_card_student_id_student'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_review_card')),
    sa.UniqueConstraint('student_id', 'question_id', name=op.f('uq_review_card_student_id'))
    )
    with op.batch_alter_table('review_card', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_review_card_question_id'), ['question_id'], unique=False)
        batch_op.create_index('ix_review_card_student_due', ['student_id', 'due'], unique=False)

    op.create_table('review_log',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('card_id', sa.Integer(), nullable=False),
    sa.Column('card_version', sa.Integer(), nullable=False),
    sa.Column('correct', sa.Boolean(), nullable=False),
    sa.Column('rating', sa.Integer(), nullable=False),
    sa.Column('given', sa.Text(), nullable=True),
    sa.Column('other_form', sa.Boolean(), nullable=False),
    sa.Column('retrievability', sa.Float(), nullable=True),
    sa.Column('reviewed_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('due_after', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['card_id'], ['review_card.id'], name=op.f('fk_review_log_card_id_review_card'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_review_log')),
    sa.UniqueConstraint('card_id', 'card_version', name=op.f('uq_review_log_card_id'))
    )
    with op.batch_alter_table('review_log', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_review_log_card_id'), ['card_id'], unique=False)


    op.create_table('unit',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('owner_id', sa.Integer(), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('class_id', sa.Integer(), nullable=True),
    sa.Column('test_quiz_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['class_id'], ['school_class.id'], name=op.f('fk_unit_class_id_school_class'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['owner_id'], ['user.id'], name=op.f('fk_unit_owner_id_user'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['test_quiz_id'], ['quiz.id'], name=op.f('fk_unit_test_quiz_id_quiz'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_unit'))
    )
    with op.batch_alter_table('unit', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_unit_class_id'), ['class_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_unit_owner_id'), ['owner_id'], unique=False)

    op.create_table('unit_step',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('unit_id', sa.Integer(), nullable=False),
    sa.Column('quiz_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('opens_on', sa.Date(), nullable=True),
    sa.Column('due_on', sa.Date(), nullable=True),
    sa.ForeignKeyConstraint(['quiz_id'], ['quiz.id'], name=op.f('fk_unit_step_quiz_id_quiz'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['unit_id'], ['unit.id'], name=op.f('fk_unit_step_unit_id_unit'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_unit_step')),
    sa.UniqueConstraint('unit_id', 'quiz_id', name=op.f('uq_unit_step_unit_id'))
    )
    with op.batch_alter_table('unit_step', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_unit_step_quiz_id'), ['quiz_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_unit_step_unit_id'), ['unit_id'], unique=False)

def downgrade():
    with op.batch_alter_table('unit_step', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_unit_step_unit_id'))
        batch_op.drop_index(batch_op.f('ix_unit_step_quiz_id'))

    op.drop_table('unit_step')
    with op.batch_alter_table('unit', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_unit_owner_id'))
        batch_op.drop_index(batch_op.f('ix_unit_class_id'))

    op.drop_table('unit')
    with op.batch_alter_table('review_log', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_review_log_card_id'))

    op.drop_table('review_log')
    with op.batch_alter_table('review_card', schema=None) as batch_op:
        batch_op.drop_index('ix_review_card_student_due')
        batch_op.drop_index(batch_op.f('ix_review_card_question_id'))

    op.drop_table('review_card')
    with op.batch_alter_table('lesson_item', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_lesson_item_lesson_id'))

    op.drop_table('lesson_item')
    op.drop_table('lesson')
