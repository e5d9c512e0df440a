"""Web blueprints: auth, teacher, play (students), api."""

from __future__ import annotations

from flask import Flask


def register_blueprints(app: Flask) -> None:
    """Register every blueprint on the app."""
    from quizapp.web import errors, rendering, request_limits, security, unsent_work
    from quizapp.web.ids import RowIdConverter

    # Before any rule is added: every <int:...> is read by it.
    app.url_map.converters["int"] = RowIdConverter
    from quizapp.web.auth import bp as auth_bp
    from quizapp.web.health import bp as health_bp
    from quizapp.web.home import bp as home_bp
    from quizapp.web.play import bp as play_bp
    from quizapp.web.teacher import bp as teacher_bp

    app.register_blueprint(health_bp)
    app.register_blueprint(home_bp)
    app.register_blueprint(auth_bp)
    app.register_blueprint(teacher_bp)
    app.register_blueprint(play_bp)
    errors.init_app(app)
    request_limits.init_app(app)
    rendering.init_app(app)
    security.init_app(app)
    unsent_work.init_app(app)
    from quizapp.web.exports import bp as exports_bp

    app.register_blueprint(exports_bp)
    from quizapp.web.practice import bp as practice_bp
    from quizapp.web.study import bp as study_bp

    app.register_blueprint(study_bp)
    app.register_blueprint(practice_bp)
    from quizapp.web.lessons import bp as lessons_bp

    app.register_blueprint(lessons_bp)
    from quizapp.web.review import bp as review_bp

    app.register_blueprint(review_bp)
    from quizapp.web.units import bp as units_bp

    app.register_blueprint(units_bp)
