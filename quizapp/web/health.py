"""A trivial health endpoint, for load balancers and as the web benchmark's baseline."""

from flask import Blueprint

bp = Blueprint("health", __name__)


@bp.get("/healthz")
def healthz() -> tuple[str, int, dict[str, str]]:
    """Answer 200 with a tiny body; touches nothing else."""
    return "ok", 200, {"Content-Type": "text/plain; charset=utf-8"}
