"""Flask extensions, created unbound here and attached to an app by init_extensions."""

from __future__ import annotations

from flask import Flask
from flask_login import LoginManager
from flask_migrate import Migrate
from flask_wtf.csrf import CSRFProtect

from quizapp.models import db
from quizapp.paths import MIGRATIONS_DIR

migrate = Migrate(directory=str(MIGRATIONS_DIR))
login_manager = LoginManager()
csrf = CSRFProtect()


def init_extensions(app: Flask) -> None:
    """Attach every extension to the app."""
    db.init_app(app)
    migrate.init_app(app, db)
    login_manager.init_app(app)
    login_manager.login_view = "auth.login"
    csrf.init_app(app)
