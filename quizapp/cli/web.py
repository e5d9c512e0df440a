"""Web commands: demo, serve, create-teacher and db (migrations). Flask is imported lazily."""

from __future__ import annotations

from typing import Any

import click

# Any fixed number: PostgreSQL advisory lock held while `serve` or `demo` migrates.
MIGRATION_LOCK = 7_402_318


def _app(overrides: dict[str, Any] | None = None) -> Any:
    """Build the app (imports Flask only when a web command runs)."""
    from quizapp import create_app

    return create_app(overrides)


def upgrade_database(app: Any) -> None:
    """Upgrade the app's database to the newest migration (creating the SQLite file if needed)."""
    from pathlib import Path

    from flask_migrate import upgrade
    from sqlalchemy import text

    from quizapp.models import db

    Path(app.instance_path).mkdir(parents=True, exist_ok=True)
    with app.app_context():
        if db.engine.dialect.name == "postgresql":
            # Several machines may start at once: one migrates, the others wait, then see head.
            with db.engine.connect() as lock:
                lock.execute(text("SELECT pg_advisory_lock(:key)"), {"key": MIGRATION_LOCK})
                try:
                    upgrade()
                finally:
                    lock.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": MIGRATION_LOCK})
                    lock.commit()
        else:
            upgrade()
        # Forked servers must not inherit the pool the upgrade used.
        db.engine.dispose()


class _LazyDbGroup(click.Group):
    """`quizapp db ...`: Flask-Migrate's commands, loaded only when used, run in the app."""

    def _real(self) -> click.Group:
        from flask_migrate.cli import db

        return db

    def list_commands(self, ctx: click.Context) -> list[str]:
        return self._real().list_commands(ctx)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        return self._real().get_command(ctx, cmd_name)

    def invoke(self, ctx: click.Context) -> Any:
        from flask import g

        # What Flask-Migrate's own `db` group callback does: an app context and its options.
        ctx.with_resource(_app().app_context())
        g.directory = None
        g.x_arg = ()
        return super().invoke(ctx)


db_command = _LazyDbGroup(
    "db", help="Database migrations (Flask-Migrate): upgrade, downgrade, migrate, current, ..."
)


@click.command("create-teacher")
@click.option("--email", required=True, help="The teacher's e-mail address (their login).")
@click.option("--name", required=True, help="The name shown on their quizzes.")
@click.option(
    "--password",
    prompt=True,
    hide_input=True,
    confirmation_prompt=True,
    help="Prompted for when not given.",
)
def create_teacher_command(email: str, name: str, password: str) -> None:
    """Create a teacher account (or set the password of an existing one)."""
    from quizapp.models import db
    from quizapp.services.accounts import (
        AccountError,
        NewTeacher,
        find_user,
        register_teacher,
        set_password,
    )

    app = _app()
    with app.app_context():
        try:
            user = find_user(email)
            if user is None:
                register_teacher(NewTeacher(email, name, password))
                click.echo(f"Created teacher {email}.")
            else:
                user.display_name = name
                set_password(user, password)
                click.echo(f"Updated teacher {email}.")
        except AccountError as exc:
            db.session.rollback()
            raise click.ClickException(str(exc)) from exc


@click.command("demo")
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=5000, show_default=True, type=int)
@click.option("--no-serve", is_flag=True, help="Set up the demo data, print the login, then stop.")
def demo_command(host: str, port: int, no_serve: bool) -> None:
    """Upgrade the database, load a demo teacher and quiz, and serve the app."""
    from quizapp.services.demo import ensure_demo

    if not no_serve:
        _require_free_port(host, port)
    app = _app()
    upgrade_database(app)
    with app.app_context():
        info = ensure_demo(max_chars=app.config["ARTICLE_MAX_CHARS"])
        base = f"http://{host}:{port}"
        join_path = _join_path(app, info.join_code)
    click.echo("")
    click.echo("quizapp demo")
    click.echo(f"  Teacher login:  {base}/auth/login")
    click.echo(f"    e-mail:       {info.email}")
    click.echo(f"    password:     {info.password}")
    click.echo(f"  Quiz:           {info.quiz_title}")
    click.echo(f"  Join code:      {info.join_code}")
    if join_path:
        click.echo(f"  Student link:   {base}{join_path}")
    click.echo("")
    if no_serve:
        return
    click.echo(f"Serving on {base} (Ctrl-C stops).")
    app.run(host=host, port=port, debug=False, use_reloader=False)


def _require_free_port(host: str, port: int) -> None:
    """Stop with a clear message, before any banner, when something already listens there."""
    import socket

    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as exc:
        raise click.ClickException(f"Cannot serve on {host}: {exc.strerror}.") from exc
    family, _type, _proto, _name, address = infos[0]
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        # As the server will: a port only in TIME_WAIT is free to take.
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind(address)
        except OSError as exc:
            raise click.ClickException(
                f"Port {port} on {host} is already in use (is quizapp already running?). "
                f"Stop that program, or serve on another port: "
                f"`make run PORT={port + 1}` or `quizapp demo --port {port + 1}`."
            ) from exc


def _join_path(app: Any, code: str) -> str | None:
    """The student join path for a code, if the student pages are installed."""
    from flask import url_for
    from werkzeug.routing import BuildError

    with app.test_request_context():
        try:
            return url_for("play.join_code", code=code)
        except BuildError:
            return None


@click.command("serve")
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8000, show_default=True, type=int)
@click.option(
    "--workers",
    type=click.IntRange(min=1),
    help="Worker processes (each runs 4 request threads).  [default: CPU cores + 1]",
)
def serve_command(host: str, port: int, workers: int | None) -> None:
    """Upgrade the database, then serve the app (production): gunicorn worker processes,
    each reading whole requests with waitress, so slow clients cannot hold a worker.

    Workers keep no state of their own: run it on several machines against one PostgreSQL
    database (QUIZAPP_DATABASE_URL) behind a load balancer.
    """
    import os

    from gunicorn.app.base import BaseApplication

    # Each worker has request threads and does its heavy work in child processes, so one
    # process per core (plus one) keeps every core busy.
    workers = workers or (os.cpu_count() or 1) + 1
    upgrade_database(_app())

    class Server(BaseApplication):  # type: ignore[misc]
        """Gunicorn configured from our options; each worker builds its own app."""

        def load_config(self) -> None:
            self.cfg.set("bind", f"{host}:{port}")
            self.cfg.set("workers", workers)
            self.cfg.set("worker_class", "quizapp.server.WaitressWorker")
            # gunicorn >= 25 opens a control socket at one fixed path per user
            # (~/.gunicorn/gunicorn.ctl): a second `serve` on the host took it over and
            # stopping either deleted it. Nothing here uses it.
            self.cfg.set("control_socket_disable", True)

        def load(self) -> Any:
            return _app()

    Server().run()


COMMANDS = [create_teacher_command, db_command, demo_command, serve_command]
