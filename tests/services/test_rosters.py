"""Rosters: names from paste or CSV, personal codes, joining by code on any device, who started."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy.exc import IntegrityError

from quizapp.models import Attempt, QuizStatus, db
from quizapp.services import joining, rosters, taking
from quizapp.services.authoring import AuthoringError
from quizapp.services.publishing import quiz_settings, update_settings
from tests.factories import make_class, make_quiz, make_teacher

START = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


def _rostered_quiz(**settings: object) -> tuple[object, object]:
    """A published quiz assigned to a new class of three; returns (quiz, class)."""
    teacher = make_teacher()
    school_class = make_class(teacher)
    quiz = make_quiz(
        teacher,
        status=QuizStatus.PUBLISHED,
        join_code="ROST22",
        class_id=school_class.id,
        **settings,
    )
    return quiz, school_class


# Names -------------------------------------------------------------------------------------


def test_pasted_names_are_normalised_and_namesakes_numbered(ctx: None) -> None:
    """Blank lines go; zero-width and full-width characters cannot make two names look alike."""
    text = "  Sam   Lee \n\n Ｓａｍ Lee\nZoë\u200b Park\n\u202eMia\t Roy\n"
    assert rosters.given_names(text) == ["Sam Lee", "Sam Lee", "Zoë Park", "Mia Roy"]
    school_class = rosters.create_class(make_teacher(), " 7B  Geo ", pasted=text)
    assert school_class.name == "7B Geo"
    assert [s.name for s in school_class.students] == [
        "Sam Lee",
        "Sam Lee (2)",
        "Zoë Park",
        "Mia Roy",
    ]


@pytest.mark.parametrize(
    "good",
    ["Zoë Ñúñez", "Хавиер Петров", "山田 たろう", "Σωκράτης", "O'Brien-Smith", "Nguyễn Văn An"],
)
def test_real_names_in_any_script_are_kept(good: str) -> None:
    assert rosters.names_from_text(good) == [good]


@pytest.mark.parametrize("bad", ["\u200b\u200c", "x" * 81, "\x07\x08", "\u0425avier"])
def test_unusable_names_are_refused_with_their_line(ctx: None, bad: str) -> None:
    with pytest.raises(rosters.RosterError, match="Name 2"):
        rosters.names_from_text(f"Ada\n{bad}\n")


@pytest.mark.parametrize(
    ("data", "names"),
    [
        (b"Name,Email\nAda Lovelace,a@x\nBo Chen,b@x\n", ["Ada Lovelace", "Bo Chen"]),
        (b"\xef\xbb\xbfFirst name;Last name\nAda;Lovelace\nBo;Chen\n", ["Ada Lovelace", "Bo Chen"]),
        (b"Surname\tForename\nLovelace\tAda\n", ["Ada Lovelace"]),
        (b"Ada Lovelace\nBo Chen\n\n", ["Ada Lovelace", "Bo Chen"]),
        ('Student\n"Chen, Bo"\nZoë\n'.encode(), ["Chen, Bo", "Zoë"]),
    ],
)
def test_csv_files_from_spreadsheets_give_the_names(data: bytes, names: list[str]) -> None:
    assert rosters.names_from_csv(data) == names


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ("Zoë\n".encode("latin-1"), "UTF-8"),
        (b"", "no names"),
        (b"x" * (600 * 1024), "too big"),
        (b"PK\x03\x04\x00\x00", "not a CSV"),
    ],
)
def test_bad_csv_files_get_a_clear_message(data: bytes, message: str) -> None:
    with pytest.raises(rosters.RosterError, match=message):
        rosters.names_from_csv(data)


# Codes -------------------------------------------------------------------------------------


def test_every_student_gets_a_unique_unambiguous_code(ctx: None) -> None:
    names = "\n".join(f"Student {n}" for n in range(120))
    school_class = rosters.create_class(make_teacher(), "Big year", pasted=names)
    other = rosters.create_class(make_teacher(), "Other", pasted=names)
    codes = [s.personal_code for s in school_class.students + other.students]
    assert len(set(codes)) == 240
    assert all(len(c) == 6 and set(c) <= set(rosters.PERSONAL_CODE_ALPHABET) for c in codes)
    assert not set("01ILO") & set("".join(codes))
    slip = rosters.slips(school_class)[0]
    assert slip.name == "Student 0" and slip.class_name == "Big year"
    assert slip.code == f"{codes[0][:3]}-{codes[0][3:]}"


def test_a_class_has_at_most_200_students(ctx: None) -> None:
    school_class = make_class(names=tuple(f"S{n}" for n in range(199)))
    rosters.add_students(school_class, pasted="One more")
    with pytest.raises(rosters.RosterError, match="at most 200"):
        rosters.add_students(school_class, pasted="Too many")


def test_new_code_replaces_the_old_and_rename_keeps_the_code(ctx: None) -> None:
    quiz, school_class = _rostered_quiz()
    student = school_class.students[0]
    old = student.personal_code
    assert rosters.student_for_code(quiz, old.lower()[:3] + "-" + old[3:]) is student
    new = rosters.regenerate_code(student)
    assert new != old
    assert rosters.student_for_code(quiz, old) is None
    assert rosters.student_for_code(quiz, new) is student
    rosters.rename_student(student, "  Ada  King ")
    assert student.name == "Ada King" and student.personal_code == new


def test_a_new_code_resumes_the_open_attempt_and_a_new_name_shows_on_results(ctx: None) -> None:
    """A student whose code was seen by a classmate gets a new one mid-quiz and carries on."""
    quiz, school_class = _rostered_quiz()
    student = school_class.students[0]
    attempt = joining.join_quiz("ROST22", personal_code=student.personal_code, now=START)
    old = student.personal_code
    new = rosters.regenerate_code(student)
    with pytest.raises(joining.WrongPersonalCode):
        joining.join_quiz("ROST22", personal_code=old, now=START)
    assert joining.join_quiz("ROST22", personal_code=new, now=START).id == attempt.id
    rosters.rename_student(student, "Ada King")
    assert db.session.get(Attempt, attempt.id).student_name == "Ada King"
    assert quiz.id == attempt.quiz_id


def test_removed_students_codes_stop_working_and_they_leave_the_list(ctx: None) -> None:
    quiz, school_class = _rostered_quiz()
    student = school_class.students[1]
    rosters.remove_student(student)
    with pytest.raises(joining.WrongPersonalCode):
        joining.join_quiz("ROST22", personal_code=student.personal_code, now=START)
    status = rosters.roster_status(quiz)
    assert status is not None
    assert [s.name for s in status.students] == ["Ada Lovelace", "Cy Okafor"]


def test_a_code_from_another_class_is_refused(ctx: None) -> None:
    _quiz, _ = _rostered_quiz()
    stranger = make_class(names=("Eve Outsider",)).students[0]
    with pytest.raises(joining.WrongPersonalCode, match="not on this class's list"):
        joining.join_quiz("ROST22", personal_code=stranger.personal_code, now=START)


def test_archived_class_takes_no_joins(ctx: None) -> None:
    _quiz, school_class = _rostered_quiz()
    rosters.archive_class(school_class)
    with pytest.raises(taking.QuizClosed, match="archived"):
        joining.join_quiz("ROST22", personal_code=school_class.students[0].personal_code)
    rosters.restore_class(school_class)
    assert joining.join_quiz("ROST22", personal_code=school_class.students[0].personal_code)


# Joining -----------------------------------------------------------------------------------


def test_a_rostered_quiz_asks_for_the_personal_code_not_a_name(ctx: None) -> None:
    _quiz, school_class = _rostered_quiz()
    assert joining.asks_personal_code("rost-22") is True
    with pytest.raises(taking.PersonalCodeNeeded, match="personal code"):
        joining.join_quiz("ROST22", name="Ada Lovelace", now=START)
    # The old name-only entry point refuses too: no way round the code.
    with pytest.raises(taking.PersonalCodeNeeded):
        taking.join_quiz("ROST22", "Ada Lovelace", now=START)
    code = school_class.students[0].personal_code
    attempt = joining.join_quiz("ROST22", personal_code=code, now=START)
    assert attempt.student_id == school_class.students[0].id
    assert attempt.student_name == "Ada Lovelace"


def test_the_same_code_on_another_device_resumes_the_same_attempt_and_clock(ctx: None) -> None:
    _quiz, school_class = _rostered_quiz(time_limit_minutes=10)
    code = school_class.students[0].personal_code
    first = joining.join_quiz("ROST22", personal_code=code, now=START)
    # A new device knows no tokens; five minutes later it gets the same attempt.
    later = joining.join_quiz("ROST22", personal_code=code, now=START + timedelta(minutes=5))
    assert later.id == first.id
    assert taking.deadline_of(later) == START + timedelta(minutes=10)
    assert db.session.scalar(db.select(db.func.count(Attempt.id))) == 1


def test_attempts_allowed_count_per_student_across_devices(ctx: None) -> None:
    _quiz, school_class = _rostered_quiz(attempts_allowed=2)
    code = school_class.students[0].personal_code
    for _ in range(2):
        attempt = joining.join_quiz("ROST22", personal_code=code, now=START)
        taking.submit_attempt(attempt, {}, now=START)
    with pytest.raises(taking.NoAttemptsLeft) as refused:
        joining.join_quiz("ROST22", personal_code=code, now=START)
    assert refused.value.last_token == attempt.token
    # A classmate is not affected.
    assert joining.join_quiz("ROST22", personal_code=school_class.students[1].personal_code)


def test_time_up_on_one_device_is_time_up_on_every_device(ctx: None) -> None:
    _quiz, school_class = _rostered_quiz(time_limit_minutes=10)
    code = school_class.students[0].personal_code
    first = joining.join_quiz("ROST22", personal_code=code, now=START)
    with pytest.raises(taking.NoAttemptsLeft):
        joining.join_quiz("ROST22", personal_code=code, now=START + timedelta(minutes=11))
    db.session.refresh(first)
    assert taking.as_utc(first.submitted_at) == START + timedelta(minutes=10)


def test_one_open_attempt_per_student_and_quiz_is_enforced_by_the_database(ctx: None) -> None:
    """Two devices racing past the application's check still cannot both start an attempt."""
    quiz, school_class = _rostered_quiz(attempts_allowed=2)
    student = school_class.students[0]
    for n in (1, 2):
        db.session.add(
            Attempt(
                quiz_id=quiz.id,
                student_id=student.id,
                student_name="Ada",
                token=f"race-{n}",
                order_seed=n,
                started_at=START,
            )
        )
        if n == 1:
            db.session.commit()
    with pytest.raises(IntegrityError):
        db.session.commit()
    db.session.rollback()
    # Submitted attempts do not count: a second attempt may start after the first ends.
    taking.submit_attempt(taking.find_attempt("race-1"), {}, now=START)
    assert joining.join_quiz("ROST22", personal_code=student.personal_code).token != "race-1"


def test_name_only_namesakes_are_told_apart_but_one_browser_stays_itself(ctx: None) -> None:
    make_quiz(status=QuizStatus.PUBLISHED, join_code="NAME22", attempts_allowed=2)
    sam = taking.join_quiz("NAME22", "Sam Lee", now=START)
    other_sam = taking.join_quiz("NAME22", "sam  lee\u200b", now=START)
    third = taking.join_quiz("NAME22", "Ｓam Lee", now=START)
    assert [sam.student_name, other_sam.student_name, third.student_name] == [
        "Sam Lee",
        "sam lee (2)",
        "Sam Lee (3)",
    ]
    # The second Sam, back in their own browser for a second attempt, keeps their number.
    taking.submit_attempt(other_sam, {}, now=START)
    again = taking.join_quiz("NAME22", "Sam Lee", known_tokens=[other_sam.token], now=START)
    assert again.id != other_sam.id and again.student_name == "sam lee (2)"


# Results and settings ----------------------------------------------------------------------


def test_roster_status_says_who_has_not_started_is_answering_or_submitted(ctx: None) -> None:
    quiz, school_class = _rostered_quiz()
    ada, bo, _cy = school_class.students
    joining.join_quiz("ROST22", personal_code=ada.personal_code, now=START)
    done = joining.join_quiz("ROST22", personal_code=bo.personal_code, now=START)
    taking.submit_attempt(done, {}, now=START)
    status = rosters.roster_status(quiz)
    assert status is not None and status.class_name == "7B Geography"
    assert [(s.name, s.progress.value, s.attempts) for s in status.students] == [
        ("Ada Lovelace", "in progress", 1),
        ("Bo Chen", "submitted", 1),
        ("Cy Okafor", "not started", 0),
    ]
    assert (status.not_started, status.in_progress, status.submitted) == (1, 1, 1)
    assert rosters.roster_status(make_quiz()) is None


def test_a_quiz_is_assigned_only_to_its_teachers_current_classes(ctx: None) -> None:
    quiz, school_class = _rostered_quiz()
    settings = quiz_settings(quiz)
    assert settings.class_id == school_class.id
    strangers = make_class(names=("Eve",))
    with pytest.raises(AuthoringError, match="your current classes"):
        update_settings(quiz, type(settings)(**{**_as_dict(settings), "class_id": strangers.id}))
    mine = make_class(quiz.owner, name="8C")
    rosters.archive_class(mine)
    with pytest.raises(AuthoringError):
        update_settings(quiz, type(settings)(**{**_as_dict(settings), "class_id": mine.id}))
    update_settings(quiz, type(settings)(**{**_as_dict(settings), "class_id": None}))
    assert quiz.class_id is None and joining.asks_personal_code("ROST22") is False


def _as_dict(settings: object) -> dict[str, object]:
    """A frozen settings value's fields by name."""
    from dataclasses import asdict

    return asdict(settings)  # type: ignore[call-overload]
