"""Rendered PDFs kept on disk by fingerprint, so a teacher's repeated download is not re-rendered.

One file per download in a folder (instance/print-cache by default), named by the hash of
everything that decides its bytes (exports.pdf.Printing.fingerprint: renderer, stylesheet,
file names, the rendered HTML of every page). Any edit to the quiz changes the HTML, so it
changes the name: nothing is ever stale, old files only age out. Files are written under a
temporary name and renamed into place, so several web workers may share the folder: a reader
sees a whole file or none. The folder is held under a byte budget by dropping the least
recently used files (a hit refreshes a file's time).
"""

from __future__ import annotations

import contextlib
import os
import re
import tempfile
import time
from pathlib import Path

__all__ = ["PrintCache"]

_NAME = re.compile(r"^[0-9a-f]{64}$")
_SUFFIX = ".bin"
# A temporary file this old was left by a worker that died while writing it.
_STALE_TEMP_SECONDS = 600


class PrintCache:
    """A folder of rendered downloads under a size budget (0 bytes: keep nothing)."""

    def __init__(self, folder: str | os.PathLike[str], max_bytes: int) -> None:
        self.folder = Path(folder)
        self.max_bytes = max_bytes

    def _path(self, fingerprint: str) -> Path:
        if not _NAME.match(fingerprint):
            raise ValueError(f"not a fingerprint: {fingerprint!r}")
        return self.folder / f"{fingerprint}{_SUFFIX}"

    def get(self, fingerprint: str) -> bytes | None:
        """The bytes stored under a fingerprint, or None; a hit counts as a use."""
        path = self._path(fingerprint)
        try:
            data = path.read_bytes()
        except FileNotFoundError:
            return None
        # Another worker may drop the file between the read and this; the bytes are whole.
        with contextlib.suppress(FileNotFoundError):
            os.utime(path)
        return data

    def put(self, fingerprint: str, data: bytes) -> None:
        """Store bytes under a fingerprint, then drop the oldest files over the budget."""
        path = self._path(fingerprint)
        if len(data) > self.max_bytes:
            return
        self.folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=self.folder, prefix=".writing-")
        try:
            with os.fdopen(handle, "wb") as stream:
                stream.write(data)
            os.replace(temporary, path)
        except BaseException:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(temporary)
            raise
        self.prune()

    def prune(self) -> None:
        """Drop least recently used files until the folder fits the budget."""
        entries = []
        now = time.time()
        for path in self.folder.iterdir():
            try:
                stat = path.stat()
            except FileNotFoundError:  # dropped by another worker meanwhile
                continue
            if path.name.startswith(".writing-"):
                if now - stat.st_mtime > _STALE_TEMP_SECONDS:
                    with contextlib.suppress(FileNotFoundError):
                        path.unlink()
            elif path.suffix == _SUFFIX:
                entries.append((stat.st_mtime, stat.st_size, path))
        total = sum(size for _, size, _ in entries)
        for _, size, path in sorted(entries):
            if total <= self.max_bytes:
                break
            with contextlib.suppress(FileNotFoundError):
                path.unlink()
            total -= size

    def total_bytes(self) -> int:
        """The bytes of the stored files (what the budget bounds)."""
        if not self.folder.is_dir():
            return 0
        return sum(path.stat().st_size for path in self.folder.glob(f"*{_SUFFIX}"))
