"""Fetch a web page or document safely: public addresses only, checked on every redirect."""

from __future__ import annotations

import http
import re
import socket
import threading
import time
from dataclasses import dataclass
from urllib.parse import quote, urljoin, urlsplit

from urllib3 import HTTPConnectionPool, HTTPSConnectionPool, Timeout
from urllib3.exceptions import (
    ConnectTimeoutError,
    HTTPError,
    NewConnectionError,
    ReadTimeoutError,
    SSLError,
)
from urllib3.response import BaseHTTPResponse

from quizapp.ingest.addresses import IPAddress, is_public, parse_address
from quizapp.ingest.article import IngestedArticle, finish
from quizapp.ingest.errors import NO_TEXT_ON_PAGE, IngestError
from quizapp.ingest.sniff import DocKind, sniff
from quizapp.ingest.upload import ParseRequest, parse_document

_REDIRECTS = frozenset({301, 302, 303, 307, 308})
_USER_AGENT = "quizapp-article-import/0.1 (+for teachers making quizzes)"
_ACCEPT = "text/html,application/xhtml+xml,text/plain;q=0.9,application/pdf;q=0.8,*/*;q=0.5"
_HEADER_KINDS = {
    "text/html": DocKind.HTML,
    "application/xhtml+xml": DocKind.HTML,
    "text/plain": DocKind.TEXT,
    "text/markdown": DocKind.MARKDOWN,
    "text/x-markdown": DocKind.MARKDOWN,
}
# Types whose bytes are sniffed: a "PDF" link may really serve an HTML error page.
_SNIFFED_TYPES = frozenset(
    {
        "",
        "application/pdf",
        "application/x-pdf",
        "application/octet-stream",
        "binary/octet-stream",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    }
)
_OTHER_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:(?!\d)")
_LEGACY_IPV4 = re.compile(r"^(?:0x[0-9a-f]+|[0-9]+)(?:\.(?:0x[0-9a-f]+|[0-9]+)){0,3}$")
_PATH_SAFE = "/%:@!$&'()*+,;=-._~"
_QUERY_SAFE = _PATH_SAFE + "?"
_PRIVATE = "This link points to a private or local network address, which can't be imported."
_INVALID = "This link is not a valid web address."
# When the page cannot be reached at all (offline, blocked, down), pasting its text still works.
PASTE_INSTEAD = (
    " Check the connection, or open the page in your browser and paste its text instead."
)


@dataclass(frozen=True)
class _Target:
    """One URL to request, split into what the connection and the request need."""

    url: str
    https: bool
    host: str
    port: int
    path: str

    @property
    def host_header(self) -> str:
        """The Host header: the name as written (IPv6 in brackets), port only when unusual."""
        name = f"[{self.host}]" if ":" in self.host else self.host
        default = 443 if self.https else 80
        return name if self.port == default else f"{name}:{self.port}"


def ingest_url(
    url: str,
    *,
    timeout: float = 10.0,
    max_bytes: int = 5 * 1024 * 1024,
    allow_private: bool = False,
    max_redirects: int = 5,
    max_chars: int = 200_000,
) -> IngestedArticle:
    """An article from a web page (or a linked .pdf, .docx or text file).

    ``timeout`` bounds the whole fetch, redirects included. Only public addresses are
    contacted unless ``allow_private``; each redirect target is checked again.
    """
    deadline = time.monotonic() + timeout
    target = _parse_target(url)
    for _ in range(max_redirects + 1):
        addresses = _resolve(target, deadline, allow_private=allow_private)
        pool, response = _open(target, addresses, deadline)
        try:
            location = _redirect_location(response)
            if location is None:
                kind, charset = _kind_of(response)
                body = _read_body(response, target, deadline, max_bytes=max_bytes)
                break
        finally:
            response.release_conn()
            pool.close()
        target = _parse_target(urljoin(target.url, location))
    else:
        raise IngestError(f"The link redirected more than {max_redirects} times.")
    if kind is None:
        kind = sniff(body, target.path.split("?", 1)[0])
    request = ParseRequest(data=body, max_chars=max_chars, charset=charset, url=target.url)
    extracted = parse_document(kind, request)
    return finish(
        extracted,
        max_chars=max_chars,
        empty_message=NO_TEXT_ON_PAGE,
        source_url=target.url,
        source_name=target.host,
    )


def _parse_target(url: str) -> _Target:
    """Check and split a URL: http(s) only, a host, no credentials; IDNA host, quoted path."""
    text = url.strip()
    if "://" not in text and not _OTHER_SCHEME.match(text):
        # A bare "example.org/page", as people often paste it.
        text = "https://" + text
    try:
        parts = urlsplit(text)
        port = parts.port
    except ValueError as exc:
        raise IngestError(_INVALID) from exc
    if parts.scheme.lower() not in {"http", "https"}:
        raise IngestError("Only http and https links can be imported.")
    if parts.username is not None or parts.password is not None:
        raise IngestError("Links with a user name or password can't be imported.")
    host = _ascii_host(parts.hostname or "")
    https = parts.scheme.lower() == "https"
    path = quote(parts.path or "/", safe=_PATH_SAFE)
    if parts.query:
        path += "?" + quote(parts.query, safe=_QUERY_SAFE)
    canonical = parts._replace(scheme=parts.scheme.lower(), fragment="").geturl()
    return _Target(
        url=canonical, https=https, host=host, port=port or (443 if https else 80), path=path
    )


def _ascii_host(host: str) -> str:
    """A host name in ASCII (IDNA for international names); IP literals as they are."""
    host = host.rstrip(".")
    if not host:
        raise IngestError(_INVALID)
    if parse_address(host) is not None:
        return host
    try:
        ascii_host = host.encode("idna").decode("ascii").lower()
    except UnicodeError as exc:
        raise IngestError(_INVALID) from exc
    if not all(part and len(part) <= 63 for part in ascii_host.split(".")):
        raise IngestError(_INVALID)
    return ascii_host


def _resolve(target: _Target, deadline: float, *, allow_private: bool) -> list[IPAddress]:
    """The host's addresses we may connect to; refuses private ones unless allowed."""
    literal = _literal_address(target.host)
    found = [literal] if literal is not None else _lookup(target, deadline)
    allowed = [address for address in found if allow_private or is_public(address)]
    if not allowed:
        raise IngestError(_PRIVATE)
    return allowed


def _literal_address(host: str) -> IPAddress | None:
    """An address written into the URL, including legacy IPv4 forms (2130706433, 0x7f.1)."""
    address = parse_address(host)
    if address is not None:
        return address
    if host == "localhost" or host.endswith(".localhost"):
        # RFC 6761: always loopback, whatever a resolver would say.
        return parse_address("127.0.0.1")
    if _LEGACY_IPV4.match(host):
        try:
            return parse_address(socket.inet_ntoa(socket.inet_aton(host)))
        except OSError:
            return None
    return None


def _lookup(target: _Target, deadline: float) -> list[IPAddress]:
    """Resolve a host name, giving up at the deadline (getaddrinfo has no timeout itself)."""
    answer: list[IPAddress] = []
    failure: list[OSError] = []

    def work() -> None:
        try:
            infos = socket.getaddrinfo(target.host, target.port, type=socket.SOCK_STREAM)
        except (OSError, UnicodeError) as exc:
            failure.append(OSError(str(exc)))
            return
        for info in infos:
            address = parse_address(str(info[4][0]))
            if address is not None and address not in answer:
                answer.append(address)

    # A daemon thread: a resolver stuck past the deadline must not keep the process alive.
    worker = threading.Thread(target=work, name="quizapp-resolve", daemon=True)
    worker.start()
    worker.join(max(deadline - time.monotonic(), 0.0))
    if worker.is_alive():
        raise IngestError(f"Looking up {target.host} took too long." + PASTE_INSTEAD)
    if failure or not answer:
        raise IngestError(f"The address {target.host} could not be found." + PASTE_INSTEAD)
    return answer


def _remaining(deadline: float, target: _Target) -> float:
    """Seconds left before the deadline; raises when none are."""
    left = deadline - time.monotonic()
    if left <= 0:
        raise IngestError(f"The page at {target.host} took too long to answer." + PASTE_INSTEAD)
    return left


def _open(
    target: _Target, addresses: list[IPAddress], deadline: float
) -> tuple[HTTPConnectionPool, BaseHTTPResponse]:
    """Send the GET to the first checked address that accepts a connection."""
    failure: IngestError | None = None
    for address in addresses:
        left = _remaining(deadline, target)
        pool = _pool(target, address, Timeout(connect=left, read=left))
        try:
            response = pool.urlopen(
                "GET",
                target.path,
                headers={
                    "Host": target.host_header,
                    "User-Agent": _USER_AGENT,
                    "Accept": _ACCEPT,
                    "Accept-Encoding": "identity",
                },
                redirect=False,
                retries=False,
                preload_content=False,
                assert_same_host=False,
            )
        except (HTTPError, OSError) as exc:
            pool.close()
            failure = _network_error(exc, target)
            if isinstance(exc, NewConnectionError):
                continue
            raise failure from exc
        return pool, response
    raise failure or IngestError(f"Could not connect to {target.host}." + PASTE_INSTEAD)


def _pool(target: _Target, address: IPAddress, timeout: Timeout) -> HTTPConnectionPool:
    """A one-connection pool to the checked IP; TLS still verifies the certificate's name."""
    if target.https:
        return HTTPSConnectionPool(
            str(address),
            target.port,
            timeout=timeout,
            maxsize=1,
            retries=False,
            cert_reqs="CERT_REQUIRED",
            server_hostname=target.host,
            assert_hostname=target.host,
        )
    return HTTPConnectionPool(str(address), target.port, timeout=timeout, maxsize=1, retries=False)


def _network_error(exc: BaseException, target: _Target) -> IngestError:
    """A one-line message for a failed connection or read."""
    if isinstance(exc, NewConnectionError):
        return IngestError(f"Could not connect to {target.host}." + PASTE_INSTEAD)
    if isinstance(exc, ConnectTimeoutError | ReadTimeoutError | TimeoutError):
        return IngestError(f"The page at {target.host} took too long to answer." + PASTE_INSTEAD)
    if isinstance(exc, SSLError):
        return IngestError(f"The secure connection to {target.host} could not be verified.")
    return IngestError(f"The connection to {target.host} failed." + PASTE_INSTEAD)


def _redirect_location(response: BaseHTTPResponse) -> str | None:
    """Where a redirect points; None for a success; IngestError for any other status."""
    status = response.status
    if status in _REDIRECTS:
        location = response.headers.get("Location", "").strip()
        if not location:
            raise IngestError("The page redirected without saying where to.")
        return location
    if 200 <= status < 300:
        return None
    try:
        reason = http.HTTPStatus(status).phrase
    except ValueError:
        reason = " ".join((response.reason or "").split()[:6])
    raise IngestError(f"The page answered {status} {reason}".rstrip() + ".")


def _kind_of(response: BaseHTTPResponse) -> tuple[DocKind | None, str | None]:
    """The document kind from Content-Type (None: sniff the bytes) and its charset."""
    value = response.headers.get("Content-Type", "")
    mime, _, params = value.partition(";")
    mime = mime.strip().lower()
    charset = None
    for param in params.split(";"):
        key, _, param_value = param.partition("=")
        if key.strip().lower() == "charset" and param_value.strip():
            charset = param_value.strip().strip("\"'")[:40]
    if mime in _HEADER_KINDS:
        return _HEADER_KINDS[mime], charset
    if mime in _SNIFFED_TYPES:
        return None, charset
    raise IngestError(
        f"This link leads to a {mime[:60]} file, not a web page or a document that can be read."
    )


def _read_body(
    response: BaseHTTPResponse, target: _Target, deadline: float, *, max_bytes: int
) -> bytes:
    """Stream the body until it ends, refusing it past ``max_bytes`` or the deadline."""
    limit_message = f"This page is larger than the {max_bytes // 1024:,} KB limit."
    declared = response.headers.get("Content-Length", "")
    if declared.isdigit() and int(declared) > max_bytes:
        raise IngestError(limit_message)
    chunks: list[bytes] = []
    size = 0
    try:
        while True:
            _set_read_timeout(response, _remaining(deadline, target))
            chunk = response.read1(64 * 1024)
            if not chunk:
                break
            size += len(chunk)
            if size > max_bytes:
                raise IngestError(limit_message)
            chunks.append(chunk)
    except (HTTPError, OSError) as exc:
        raise _network_error(exc, target) from exc
    return b"".join(chunks)


def _set_read_timeout(response: BaseHTTPResponse, seconds: float) -> None:
    """Make the next socket read give up at the overall deadline, not a fresh full timeout."""
    connection = response.connection
    sock = getattr(connection, "sock", None)
    if sock is not None:
        sock.settimeout(seconds)
