"""Builders for ingestion tests: documents made in the test, and a loopback web server."""

from __future__ import annotations

import io
import ssl
import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import docx

ARTICLE_HTML = """<!doctype html>
<html lang="en"><head>
<meta charset="utf-8">
<title>Glaciers Lost a Record Share of Their Ice | The Daily Example</title>
<meta property="article:published_time" content="2022-09-28T08:00:00Z">
<script>window.stolen = document.cookie;</script>
<style>body { color: red }</style>
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/science">Science</a></nav>
<article>
<h1>Glaciers Lost a Record Share of Their Ice</h1>
<p>Switzerland's glaciers lost 6% of their remaining volume in 2022, according to a report
published by the Swiss Academy of Sciences.</p>
<p onclick="steal()">The Aletsch Glacier, the largest in the Alps at 23 km long, thinned by up
to 6 metres at its tongue, <a href="javascript:alert('x')">scientists said</a>.</p>
<script>document.write("INJECTED SCRIPT TEXT")</script>
<p>Several small glaciers, including the Pizol glacier in eastern Switzerland, have
disappeared completely after two summer heatwaves.</p>
</article>
<footer>Copyright The Daily Example</footer>
</body></html>
"""


def make_docx(
    paragraphs: list[tuple[str, str | None]],
    *,
    core_title: str | None = None,
    table: list[list[str]] | None = None,
) -> bytes:
    """A .docx file with (text, style) paragraphs, then an optional table."""
    document = docx.Document()
    for text, style in paragraphs:
        document.add_paragraph(text, style=style)
    if table:
        grid = document.add_table(rows=len(table), cols=len(table[0]))
        for row_cells, row in zip(grid.rows, table, strict=True):
            for cell, text in zip(row_cells.cells, row, strict=True):
                cell.text = text
    if core_title is not None:
        document.core_properties.title = core_title
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def make_pdf(body_html: str, *, title: str | None = None) -> bytes:
    """A PDF rendered by WeasyPrint from an HTML body."""
    import weasyprint

    head = f"<title>{title}</title>" if title else ""
    page = f"<html><head>{head}<style>@page {{ size: A5 }}</style></head><body>{body_html}</body>"
    return weasyprint.HTML(string=page).write_pdf()


@dataclass
class Reply:
    """What the test server sends for one path."""

    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes = b""
    # Streams this many 64 KiB chunks after the body, without a Content-Length.
    extra_chunks: int = 0
    # Waits (on the server's stop event) this long before answering.
    delay: float = 0.0
    # Streams one byte per this many seconds after the body, until the server stops.
    drip: float = 0.0


@dataclass
class LocalServer:
    """A loopback HTTP server whose answers the test sets per path."""

    base: str
    routes: dict[str, Reply]
    stop: threading.Event

    def url(self, path: str) -> str:
        """The full URL of a path on this server."""
        return self.base + path


def make_handler(routes: dict[str, Reply], stop: threading.Event) -> type[BaseHTTPRequestHandler]:
    """A request handler class answering from ``routes``."""

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self) -> None:
            reply = routes.get(self.path.split("?", 1)[0])
            if reply is None:
                reply = Reply(status=404, body=b"missing")
            if reply.delay and stop.wait(reply.delay):
                return
            try:
                self.send_response(reply.status)
                for name, value in reply.headers.items():
                    self.send_header(name, value)
                if reply.extra_chunks or reply.drip:
                    self.send_header("Connection", "close")
                else:
                    self.send_header("Content-Length", str(len(reply.body)))
                self.end_headers()
                self.wfile.write(reply.body)
                for _ in range(reply.extra_chunks):
                    if stop.is_set():
                        break
                    self.wfile.write(b"x" * 65536)
                while reply.drip and not stop.wait(reply.drip):
                    self.wfile.write(b"x")
                    self.wfile.flush()
            except (BrokenPipeError, ConnectionResetError):
                pass
            if reply.extra_chunks or reply.drip:
                self.close_connection = True

        def log_message(self, format: str, *args: object) -> None:
            """Keep test output quiet."""

    return Handler


class _QuietServer(ThreadingHTTPServer):
    """A test server that ignores clients hanging up early (the fetcher does that on purpose)."""

    daemon_threads = True

    def handle_error(self, request: object, client_address: object) -> None:
        """Stay silent about dropped connections; report anything else as usual."""
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)  # type: ignore[arg-type]


def start_server(
    tls: ssl.SSLContext | None = None,
) -> tuple[LocalServer, Callable[[], None]]:
    """Start a threaded HTTP(S) server on 127.0.0.1 (a free port); returns it and its stopper."""
    routes: dict[str, Reply] = {}
    stop = threading.Event()
    httpd = _QuietServer(("127.0.0.1", 0), make_handler(routes, stop))
    scheme = "http"
    if tls is not None:
        httpd.socket = tls.wrap_socket(httpd.socket, server_side=True)
        scheme = "https"
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()

    def shut_down() -> None:
        stop.set()
        httpd.shutdown()
        httpd.server_close()
        thread.join(5)

    base = f"{scheme}://127.0.0.1:{httpd.server_address[1]}"
    return LocalServer(base, routes, stop), shut_down
