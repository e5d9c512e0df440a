"""class rosters and personal codes: school_class, student, quiz.class_id, attempt.student_id

A quiz assigned to a class is joined with a student's personal code; each attempt then points
at the student, and a partial unique index keeps one open attempt per student and quiz.
Existing quizzes and attempts get NULL (name-only joining, as before).

Revision ID: e4e2715ae425
Revises: 5e1c7a9b3d20
Create Date: 2026-12-01 10:40:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'e4e2715ae425'
down_revision = '5e1c7a9b3d20'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('school_class',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('owner_id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=120), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('archived_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['owner_id'], ['user.id'], name=op.f('fk_school_class_owner_id_user'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_school_class'))
    )
    with op.batch_alter_table('school_class', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_school_class_owner_id'), ['owner_id'], unique=False)

    op.create_table('student',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('class_id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=80), nullable=False),
    sa.Column('personal_code', sa.String(length=12), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('removed_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['class_id'], ['school_class.id'], name=op.f('fk_student_class_id_school_class'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_student')),
    sa.UniqueConstraint('personal_code', name=op.f('uq_student_personal_code'))
    )
    with op.batch_alter_table('student', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_student_class_id'), ['class_id'], unique=False)

    with op.batch_alter_table('quiz', schema=None) as batch_op:
        batch_op.add_column(sa.Column('class_id', sa.Integer(), nullable=True))
        batch_op.create_index(batch_op.f('ix_quiz_class_id'), ['class_id'], unique=False)
        batch_op.create_foreign_key(batch_op.f('fk_quiz_class_id_school_class'), 'school_class', ['class_id'], ['id'], ondelete='SET NULL')

    with op.batch_alter_table('attempt', schema=None) as batch_op:
        batch_op.add_column(sa.Column('student_id', sa.Integer(), nullable=True))
        batch_op.create_index(batch_op.f('ix_attempt_student_id'), ['student_id'], unique=False)
        batch_op.create_index('uq_attempt_open_per_student', ['quiz_id', 'student_id'], unique=True, sqlite_where=sa.text('submitted_at IS NULL'), postgresql_where=sa.text('submitted_at IS NULL'))
        batch_op.create_foreign_key(batch_op.f('fk_attempt_student_id_student'), 'student', ['student_id'], ['id'], ondelete='SET NULL')


def downgrade():
    with op.batch_alter_table('attempt', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_attempt_student_id_student'), type_='foreignkey')
        batch_op.drop_index('uq_attempt_open_per_student', sqlite_where=sa.text('submitted_at IS NULL'), postgresql_where=sa.text('submitted_at IS NULL'))
        batch_op.drop_index(batch_op.f('ix_attempt_student_id'))
        batch_op.drop_column('student_id')

    with op.batch_alter_table('quiz', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_quiz_class_id_school_class'), type_='foreignkey')
        batch_op.drop_index(batch_op.f('ix_quiz_class_id'))
        batch_op.drop_column('class_id')

    with op.batch_alter_table('student', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_student_class_id'))

    op.drop_table('student')
    with op.batch_alter_table('school_class', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_school_class_owner_id'))

    op.drop_table('school_class')
