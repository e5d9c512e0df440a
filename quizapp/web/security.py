"""Security headers on every response, and trusting a reverse proxy's forwarded headers."""

from __future__ import annotations

from flask import Flask, request
from flask_login import current_user
from werkzeug.middleware.proxy_fix import ProxyFix
from werkzeug.wrappers import Response

from quizapp.web.form_text import clean_request_text

# No inline script or style anywhere: templates use classes, behaviour lives in static/js.
CONTENT_SECURITY_POLICY = "; ".join(
    (
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    )
)
PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=()"
SECURITY_HEADERS: dict[str, str] = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "X-Frame-Options": "DENY",
    "Permissions-Policy": PERMISSIONS_POLICY,
    "Cross-Origin-Opener-Policy": "same-origin",
}
HSTS = "max-age=31536000"


def add_security_headers(response: Response) -> Response:
    """Set the security headers a view has not set itself."""
    for name, value in SECURITY_HEADERS.items():
        response.headers.setdefault(name, value)
    if request.is_secure:
        response.headers.setdefault("Strict-Transport-Security", HSTS)
    # Teacher pages carry answer keys: a shared cache must never keep them.
    if (
        request.endpoint != "static"
        and "Cache-Control" not in response.headers
        and current_user
        and current_user.is_authenticated
    ):
        response.headers["Cache-Control"] = "private"
    return response


def init_app(app: Flask) -> None:
    """Add the headers hook; behind TRUST_PROXY proxies, believe their X-Forwarded-* headers."""
    hops = int(app.config.get("TRUST_PROXY") or 0)
    if hops > 0:
        # Without this every request seems to come from the proxy: one rate-limit bucket for
        # the whole school, http:// links and no Secure cookies behind an HTTPS terminator.
        app.wsgi_app = ProxyFix(  # type: ignore[method-assign]
            app.wsgi_app, x_for=hops, x_proto=hops, x_host=hops, x_port=hops, x_prefix=hops
        )
    # NUL and other control codes come out of forms before any view reads them.
    app.before_request(clean_request_text)
    app.after_request(add_security_headers)
