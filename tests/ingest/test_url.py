"""Fetching links: a loopback server for real fetches; private addresses refused without traffic."""

from __future__ import annotations

import datetime
import shutil
import socket
import ssl
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from ingest_helpers import LocalServer, Reply, start_server

from quizapp.ingest import IngestError, ingest_url

HTML = {"Content-Type": "text/html; charset=utf-8"}


def test_page_is_fetched_and_extracted(server: LocalServer, article_html: str) -> None:
    server.routes["/news/glaciers"] = Reply(headers=HTML, body=article_html.encode())
    article = ingest_url(server.url("/news/glaciers"), allow_private=True)
    assert article.title == "Glaciers Lost a Record Share of Their Ice"
    assert article.published == datetime.date(2022, 9, 28)
    assert article.text.startswith("Switzerland's glaciers lost 6%")
    assert "INJECTED" not in article.text
    assert article.source_url == server.url("/news/glaciers")
    assert article.source_name == "127.0.0.1"


def test_redirect_chain_is_followed_to_the_final_url(
    server: LocalServer, article_html: str
) -> None:
    server.routes["/a"] = Reply(status=301, headers={"Location": "/b"})
    server.routes["/b"] = Reply(status=302, headers={"Location": server.url("/c?x=1")})
    server.routes["/c"] = Reply(status=307, headers={"Location": "final"})
    server.routes["/final"] = Reply(headers=HTML, body=article_html.encode())
    article = ingest_url(server.url("/a"), allow_private=True)
    assert article.source_url == server.url("/final")
    assert article.title == "Glaciers Lost a Record Share of Their Ice"


def test_too_many_redirects_are_refused(server: LocalServer) -> None:
    for hop in range(4):
        server.routes[f"/hop{hop}"] = Reply(status=302, headers={"Location": f"/hop{hop + 1}"})
    with pytest.raises(IngestError, match="redirected more than 2 times"):
        ingest_url(server.url("/hop0"), allow_private=True, max_redirects=2)


def test_redirect_loop_is_stopped(server: LocalServer) -> None:
    server.routes["/ping"] = Reply(status=302, headers={"Location": "/pong"})
    server.routes["/pong"] = Reply(status=302, headers={"Location": "/ping"})
    with pytest.raises(IngestError, match="redirected more than 5 times"):
        ingest_url(server.url("/ping"), allow_private=True)


@pytest.mark.parametrize("location", ["file:///etc/passwd", "ftp://127.0.0.1/x", "gopher://x/"])
def test_redirect_to_another_scheme_is_refused(server: LocalServer, location: str) -> None:
    server.routes["/jump"] = Reply(status=302, headers={"Location": location})
    with pytest.raises(IngestError, match="Only http and https links"):
        ingest_url(server.url("/jump"), allow_private=True)


def test_redirect_without_location_is_reported(server: LocalServer) -> None:
    server.routes["/nowhere"] = Reply(status=302)
    with pytest.raises(IngestError, match="without saying where"):
        ingest_url(server.url("/nowhere"), allow_private=True)


@pytest.mark.parametrize(
    ("status", "message"),
    [
        (404, "The page answered 404 Not Found."),
        (403, "The page answered 403 Forbidden."),
        (500, "The page answered 500 Internal Server Error."),
    ],
)
def test_http_errors_become_one_line_messages(
    server: LocalServer, status: int, message: str
) -> None:
    server.routes["/err"] = Reply(status=status, headers=HTML, body=b"<p>error page</p>")
    with pytest.raises(IngestError) as caught:
        ingest_url(server.url("/err"), allow_private=True)
    assert str(caught.value) == message


def test_body_over_the_limit_is_refused_by_content_length(server: LocalServer) -> None:
    server.routes["/big"] = Reply(headers=HTML, body=b"<p>" + b"x" * 300_000 + b"</p>")
    with pytest.raises(IngestError, match="larger than the 100 KB limit"):
        ingest_url(server.url("/big"), allow_private=True, max_bytes=100 * 1024)


def test_streamed_body_is_cut_off_at_the_limit(server: LocalServer) -> None:
    server.routes["/stream"] = Reply(headers=HTML, body=b"<p>", extra_chunks=200)
    with pytest.raises(IngestError, match="larger than the 256 KB limit"):
        ingest_url(server.url("/stream"), allow_private=True, max_bytes=256 * 1024)


def test_slow_page_times_out(server: LocalServer) -> None:
    server.routes["/slow"] = Reply(headers=HTML, body=b"<p>late</p>", delay=30)
    with pytest.raises(IngestError, match="took too long to answer"):
        ingest_url(server.url("/slow"), allow_private=True, timeout=0.5)


def test_page_that_trickles_in_is_stopped_at_the_overall_deadline(server: LocalServer) -> None:
    """Each byte arrives well within the read timeout, but the whole fetch has a deadline."""
    server.routes["/drip"] = Reply(headers=HTML, body=b"<p>", drip=0.05)
    with pytest.raises(IngestError, match="took too long to answer"):
        ingest_url(server.url("/drip"), allow_private=True, timeout=1.0)


def test_image_content_type_is_refused(server: LocalServer) -> None:
    server.routes["/pic"] = Reply(headers={"Content-Type": "image/png"}, body=b"\x89PNG....")
    with pytest.raises(IngestError, match="leads to a image/png file"):
        ingest_url(server.url("/pic"), allow_private=True)


def test_plain_text_with_a_charset_header(server: LocalServer) -> None:
    body = "Caf\u00e9 prices rose by 5%.".encode("cp1252")
    server.routes["/t"] = Reply(
        headers={"Content-Type": "text/plain; charset=windows-1252"}, body=body
    )
    assert ingest_url(server.url("/t"), allow_private=True).text == "Café prices rose by 5%."


def test_linked_pdf_is_read(server: LocalServer, make_pdf: Callable[..., bytes]) -> None:
    data = make_pdf("<p>The river is 12 km long.</p>", title="River")
    server.routes["/r.pdf"] = Reply(headers={"Content-Type": "application/pdf"}, body=data)
    article = ingest_url(server.url("/r.pdf"), allow_private=True)
    assert (article.title, article.text) == ("River", "The river is 12 km long.")


def test_linked_docx_is_read(server: LocalServer, make_docx: Callable[..., bytes]) -> None:
    data = make_docx([("The delta grows 3 m a year.", None)])
    server.routes["/d"] = Reply(headers={"Content-Type": "application/octet-stream"}, body=data)
    assert ingest_url(server.url("/d"), allow_private=True).text == "The delta grows 3 m a year."


def test_connection_refused_is_reported() -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with pytest.raises(IngestError, match=r"Could not connect to 127\.0\.0\.1"):
        ingest_url(f"http://127.0.0.1:{port}/", allow_private=True)


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1/",
        "http://localhost:8080/admin",
        "http://sub.localhost/",
        "http://10.0.0.1/",
        "http://192.168.1.1/",
        "http://172.16.0.5/",
        "http://169.254.169.254/latest/meta-data/",
        "http://[::1]/",
        "http://[::ffff:127.0.0.1]/",
        "http://[::ffff:10.0.0.1]/",
        "http://[fe80::1]/",
        "http://[fc00::1]/",
        "http://0.0.0.0/",
        "http://224.0.0.1/",
        "http://100.64.0.1/",
        "http://2130706433/",
        "http://0x7f.1/",
        "https://127.1:8443/",
    ],
)
def test_private_and_local_addresses_are_refused(url: str) -> None:
    """Refused from the address alone: no connection is attempted anywhere."""
    with pytest.raises(IngestError, match="private or local network address"):
        ingest_url(url)


def test_names_resolving_to_private_addresses_are_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    """A public-looking name whose DNS answer is private (rebinding) is refused."""

    def fake_getaddrinfo(host: str, port: int, *args: object, **kwargs: object) -> list[tuple]:
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", ("10.1.2.3", port))]

    monkeypatch.setattr(socket, "getaddrinfo", fake_getaddrinfo)
    with pytest.raises(IngestError, match="private or local network address"):
        ingest_url("https://intranet.example.org/report")


def test_international_host_names_are_looked_up_in_punycode(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    asked: list[str] = []

    def fake_getaddrinfo(host: str, port: int, *args: object, **kwargs: object) -> list[tuple]:
        asked.append(host)
        return [(socket.AF_INET6, socket.SOCK_STREAM, 6, "", ("::ffff:192.168.0.7", port, 0, 0))]

    monkeypatch.setattr(socket, "getaddrinfo", fake_getaddrinfo)
    with pytest.raises(IngestError, match="private or local network address"):
        ingest_url("bücher.example/katalog")
    assert asked == ["xn--bcher-kva.example"]


def test_unknown_host_is_reported(monkeypatch: pytest.MonkeyPatch) -> None:
    def fake_getaddrinfo(host: str, *args: object, **kwargs: object) -> list[tuple]:
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    monkeypatch.setattr(socket, "getaddrinfo", fake_getaddrinfo)
    with pytest.raises(
        IngestError, match=r"The address no-such-host\.example could not be found\..*paste its text"
    ):
        ingest_url("https://no-such-host.example/")


@pytest.mark.parametrize(
    "url",
    ["ftp://example.org/file.txt", "file:///etc/passwd", "javascript:alert(1)", "data:text/html,x"],
)
def test_other_schemes_are_refused(url: str) -> None:
    with pytest.raises(IngestError, match="Only http and https links can be imported"):
        ingest_url(url)


@pytest.mark.parametrize("url", ["http://", "http://exa mple.org:99999/", "https://[not-ip]/"])
def test_malformed_links_are_refused(url: str) -> None:
    with pytest.raises(IngestError, match="not a valid web address"):
        ingest_url(url)


def test_credentials_in_links_are_refused() -> None:
    with pytest.raises(IngestError, match="user name or password"):
        ingest_url("http://user:secret@example.org/")


def test_https_certificates_are_verified(tmp_path: Path) -> None:
    """A self-signed certificate is refused: TLS verification stays on for the checked IP."""
    openssl = shutil.which("openssl")
    if openssl is None:
        pytest.skip("the openssl command is not installed")
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(
        [
            *(openssl, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1"),
            *("-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1"),
            *("-keyout", str(key), "-out", str(cert)),
        ],
        check=True,
        capture_output=True,
    )
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    local, shut_down = start_server(tls=context)
    try:
        local.routes["/"] = Reply(headers=HTML, body=b"<p>secret</p>")
        with pytest.raises(IngestError, match=r"secure connection to 127\.0\.0\.1 could not be"):
            ingest_url(local.url("/"), allow_private=True)
    finally:
        shut_down()
