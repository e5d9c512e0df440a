"""Request-body limits: only the teacher's pages take large bodies (uploads, pasted articles)."""

from __future__ import annotations

from flask import Flask, Request, current_app

# Blueprints whose forms may carry a whole article or an uploaded file (up to
# MAX_CONTENT_LENGTH, 10 MB); everything else (students' join and answer forms, login) is
# refused from its Content-Length above FORM_MAX_CONTENT_LENGTH, before any of it is read.
LARGE_BODY_BLUEPRINTS = frozenset({"teacher"})
FORM_MAX_CONTENT_LENGTH = 256 * 1024


class LimitedRequest(Request):
    """A request whose body limit depends on the page it is for."""

    @property
    def max_content_length(self) -> int | None:
        """The view's own limit if it set one, else the limit of the page's blueprint."""
        if self._max_content_length is not None:
            return self._max_content_length
        if not current_app:
            return super().max_content_length
        if self.blueprint in LARGE_BODY_BLUEPRINTS:
            return current_app.config["MAX_CONTENT_LENGTH"]  # type: ignore[no-any-return]
        return current_app.config.get("FORM_MAX_CONTENT_LENGTH", FORM_MAX_CONTENT_LENGTH)

    @max_content_length.setter
    def max_content_length(self, value: int | None) -> None:
        self._max_content_length = value


def init_app(app: Flask) -> None:
    """Use the limited request class."""
    app.request_class = LimitedRequest
