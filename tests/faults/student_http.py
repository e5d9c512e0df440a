"""A student's browser for tests against a real server: cookies kept, redirects not followed."""

from __future__ import annotations

import http.client
import re
import urllib.parse
from http.cookies import SimpleCookie
from typing import Any

HOST = "127.0.0.1"


def csrf_of(page: str) -> str:
    """The CSRF token a page's form carries."""
    found = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', page)
    assert found, "the page carries a CSRF token"
    return found.group(1)


class Browser:
    """A minimal cookie-keeping HTTP client for one student (no redirects followed)."""

    def __init__(self, port: int) -> None:
        self.port = port  # may be changed between requests: another server, same cookies
        self.cookies: dict[str, str] = {}

    def request(self, method: str, path: str, form: dict[str, str] | None = None) -> Any:
        """Send one request; returns (status, headers, body text)."""
        connection = http.client.HTTPConnection(HOST, self.port, timeout=30)
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())}
        body = None
        if form is not None:
            body = urllib.parse.urlencode(form)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        try:
            connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            text = response.read().decode("utf-8", "replace")
            for value in response.headers.get_all("Set-Cookie") or []:
                for name, morsel in SimpleCookie(value).items():
                    self.cookies[name] = morsel.value
            return response.status, response.headers, text
        finally:
            connection.close()


def _csrf(page: str) -> str:
    found = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', page)
    assert found, "the page carries a CSRF token"
    return found.group(1)
