"""assessment rules: feedback parts, why an attempt ended, session versions, rate-limit counters

- quiz.show_score / show_marks / show_answers: when students see their score, each item's
  right/wrong and the correct answers. Existing quizzes keep showing the score right after
  submitting; right/wrong and the answers stay NULL, which means "as the explanations" (what
  the old setting covered), so a quiz whose explanations were "never" no longer shows ticks
  and crosses.
- quiz.study_access: new quizzes default to AFTER_SUBMIT (existing rows keep their value).
- attempt.end_reason: submitted / time up / quiz closed (NULL for older attempts).
- user.session_version: bumped on logout and password change; every cookie carries it.
- rate_limit_counter: the rate limiter's fixed-window counters, shared by all workers.

Revision ID: 5e1c7a9b3d20
Revises: 2ccdb5a76a3a
Create Date: 2026-12-01 10:40:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '5e1c7a9b3d20'
down_revision = '2ccdb5a76a3a'
branch_labels = None
depends_on = None

POLICY = ('AFTER_SUBMIT', 'AFTER_CLOSE', 'NEVER')


def _policy(name, **options):
    return sa.Column(
        name, sa.Enum(*POLICY, name='explanationpolicy', native_enum=False, length=20), **options
    )


def upgrade():
    op.create_table('rate_limit_counter',
    sa.Column('key', sa.String(length=255), nullable=False),
    sa.Column('count', sa.Integer(), nullable=False),
    sa.Column('expires_at', sa.Float(), nullable=False),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_rate_limit_counter'))
    )
    with op.batch_alter_table('rate_limit_counter', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_rate_limit_counter_expires_at'), ['expires_at'], unique=False)

    with op.batch_alter_table('quiz', schema=None) as batch_op:
        batch_op.add_column(_policy('show_score', server_default='AFTER_SUBMIT', nullable=False))
        batch_op.add_column(_policy('show_marks', nullable=True))
        batch_op.add_column(_policy('show_answers', nullable=True))
        batch_op.alter_column(
            'study_access',
            existing_type=sa.Enum('BEFORE_AND_AFTER', 'AFTER_SUBMIT', 'NEVER', name='studyaccess', native_enum=False, length=20),
            existing_nullable=False,
            server_default='AFTER_SUBMIT',
        )

    with op.batch_alter_table('attempt', schema=None) as batch_op:
        batch_op.add_column(sa.Column('end_reason', sa.Enum('SUBMITTED', 'TIME_UP', 'QUIZ_CLOSED', name='attemptend', native_enum=False, length=20), nullable=True))

    with op.batch_alter_table('user', schema=None) as batch_op:
        batch_op.add_column(sa.Column('session_version', sa.Integer(), server_default='0', nullable=False))


def downgrade():
    with op.batch_alter_table('user', schema=None) as batch_op:
        batch_op.drop_column('session_version')

    with op.batch_alter_table('attempt', schema=None) as batch_op:
        batch_op.drop_column('end_reason')

    with op.batch_alter_table('quiz', schema=None) as batch_op:
        batch_op.alter_column(
            'study_access',
            existing_type=sa.Enum('BEFORE_AND_AFTER', 'AFTER_SUBMIT', 'NEVER', name='studyaccess', native_enum=False, length=20),
            existing_nullable=False,
            server_default='BEFORE_AND_AFTER',
        )
        batch_op.drop_column('show_answers')
        batch_op.drop_column('show_marks')
        batch_op.drop_column('show_score')

    with op.batch_alter_table('rate_limit_counter', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_rate_limit_counter_expires_at'))

    op.drop_table('rate_limit_counter')
