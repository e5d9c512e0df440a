"""Teacher accounts: register, authenticate, load; sessions that end on logout or a new password."""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from functools import cache

from sqlalchemy.exc import IntegrityError
from werkzeug.security import check_password_hash, generate_password_hash

from quizapp.models import User, db

MIN_PASSWORD_LENGTH = 8


class AccountError(ValueError):
    """A registration the app refuses; str(exc) is a message for the user."""


@dataclass(frozen=True, slots=True)
class NewTeacher:
    """What the registration form and create-teacher command collect."""

    email: str
    display_name: str
    password: str


@cache
def _dummy_hash() -> str:
    """A hash to check against when the e-mail is unknown, so a miss costs as long as a hit."""
    return generate_password_hash("not a real password", method="scrypt")


def normalise_email(email: str) -> str:
    """Trim and lower-case an e-mail address, so lookups ignore case."""
    return email.strip().lower()


def load_user(session_id: str) -> User | None:
    """Flask-Login's user loader: the user a session or remember cookie names, or None.

    The cookie holds "<id>:<session version>:<login nonce>" (User.get_id); a cookie issued
    before the user's last logout or password change carries an older version and so names
    no one. Cookies of the old "<id>" form are refused too: they never expired.
    """
    user_id, _, rest = session_id.partition(":")
    version, _, nonce = rest.partition(":")
    if not (user_id.isdigit() and version.isdigit()) or len(nonce) > 64:
        return None
    user = db.session.get(User, int(user_id))
    if user is None or user.session_version != int(version):
        return None
    user.login_nonce = nonce
    return user


def start_session(user: User) -> User:
    """Give this login its own random part, so each login's remember-me token differs."""
    user.login_nonce = secrets.token_urlsafe(12)
    return user


def end_all_sessions(user: User) -> None:
    """Invalidate every session and remember-me cookie of this user, on every device."""
    user.session_version = User.session_version + 1
    db.session.commit()


def find_user(email: str) -> User | None:
    """The teacher with this e-mail address, or None."""
    return db.session.scalars(db.select(User).where(User.email == normalise_email(email))).first()


def register_teacher(new: NewTeacher) -> User:
    """Create a teacher account; raises AccountError if the e-mail is taken or the password weak."""
    email = normalise_email(new.email)
    if len(new.password) < MIN_PASSWORD_LENGTH:
        raise AccountError(f"Use a password of at least {MIN_PASSWORD_LENGTH} characters.")
    if not new.display_name.strip():
        raise AccountError("Please give your name.")
    if find_user(email) is not None:
        raise AccountError("There is already an account with that e-mail address.")
    user = User(
        email=email,
        display_name=new.display_name.strip(),
        password_hash=generate_password_hash(new.password, method="scrypt"),
        role="teacher",
    )
    db.session.add(user)
    try:
        db.session.commit()
    except IntegrityError as exc:  # two registrations racing for one address
        db.session.rollback()
        raise AccountError("There is already an account with that e-mail address.") from exc
    return user


def authenticate(email: str, password: str) -> User | None:
    """The teacher if the e-mail and password match, else None."""
    user = find_user(email)
    if user is None:
        check_password_hash(_dummy_hash(), password)
        return None
    return user if check_password_hash(user.password_hash, password) else None


def change_password(user: User, current: str, new: str) -> bool:
    """Replace the password if ``current`` is right (False if not); ends every other session
    (the caller starts this browser's again)."""
    if not check_password_hash(user.password_hash, current):
        return False
    set_password(user, new)
    return True


def set_password(user: User, password: str) -> None:
    """Replace a teacher's password (the create-teacher command uses it for existing accounts);
    every session and remember-me cookie of the old password stops working."""
    if len(password) < MIN_PASSWORD_LENGTH:
        raise AccountError(f"Use a password of at least {MIN_PASSWORD_LENGTH} characters.")
    user.password_hash = generate_password_hash(password, method="scrypt")
    user.session_version = User.session_version + 1
    db.session.commit()
