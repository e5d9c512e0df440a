"""Forms of the account pages: log in, register, change the password."""

from __future__ import annotations

from wtforms import BooleanField, EmailField, PasswordField, StringField
from wtforms.validators import DataRequired, Email, EqualTo, Length

from quizapp.services.accounts import MIN_PASSWORD_LENGTH
from quizapp.web.form_text import CheckedForm

# Said in the page's words, not WTForms' defaults ("This field is required.").
TYPE_EMAIL = "Type your e-mail address."
WHOLE_EMAIL = "Type the whole e-mail address, such as you@school.org."
CHOOSE_PASSWORD_MESSAGE = "Choose a password."
PASSWORD_LENGTH = Length(
    min=MIN_PASSWORD_LENGTH,
    max=200,
    message=f"Use at least {MIN_PASSWORD_LENGTH} characters (at most 200).",
)


class LoginForm(CheckedForm):
    """E-mail and password."""

    email = EmailField("E-mail", validators=[DataRequired(TYPE_EMAIL), Length(max=254)])
    password = PasswordField("Password", validators=[DataRequired("Type your password.")])
    remember = BooleanField("Keep me logged in on this device")


class RegisterForm(CheckedForm):
    """A new teacher account."""

    display_name = StringField(
        "Your name",
        validators=[
            DataRequired("Type your name as students should see it."),
            Length(max=120, message="Use at most 120 characters."),
        ],
        description="Shown on your quizzes' papers, e.g. “Ms Rivera”.",
    )
    email = EmailField(
        "E-mail",
        validators=[
            DataRequired(TYPE_EMAIL),
            Email(WHOLE_EMAIL, check_deliverability=False),
            Length(max=254, message="Use at most 254 characters."),
        ],
    )
    password = PasswordField(
        "Password",
        validators=[DataRequired(CHOOSE_PASSWORD_MESSAGE), PASSWORD_LENGTH],
        description=f"At least {MIN_PASSWORD_LENGTH} characters.",
    )
    confirm = PasswordField(
        "Repeat the password",
        validators=[
            DataRequired("Type the password again."),
            EqualTo("password", message="The passwords do not match."),
        ],
    )


class PasswordForm(CheckedForm):
    """A new password, confirmed by the current one."""

    current = PasswordField(
        "Current password", validators=[DataRequired("Type your current password.")]
    )
    password = PasswordField(
        "New password",
        validators=[DataRequired(CHOOSE_PASSWORD_MESSAGE), PASSWORD_LENGTH],
        description=f"At least {MIN_PASSWORD_LENGTH} characters. Every other device where "
        "you are logged in is logged out.",
    )
    confirm = PasswordField(
        "Repeat the new password",
        validators=[
            DataRequired("Type the password again."),
            EqualTo("password", message="The passwords do not match."),
        ],
    )
