"""The renderer's URL fetcher: the package's own files, nothing else.

WeasyPrint's default fetcher opens file:, http(s):, ftp: and data: URLs
and follows redirects, so a crafted value could read local files into the
PDF or reach the network (risks.md §1.8). Values are escaped before they
reach HTML; this fetcher is the second wall: it serves the pinned fonts and
files under the templates folder, and stops the render on any other URL.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from weasyprint.urls import FatalURLFetchingError, URLFetcher, URLFetcherResponse


class RefusedURL(FatalURLFetchingError):  # type: ignore[misc]
    """A URL outside the allow-list; WeasyPrint lets this one through."""

    def __init__(self, url: str) -> None:
        super().__init__(url)
        self.url = url


class LocalFetcher(URLFetcher):  # type: ignore[misc]
    """Serves the given files and the files under the given folders."""

    def __init__(self, files: Iterable[Path], folders: Iterable[Path]) -> None:
        super().__init__(allowed_protocols={"file"}, allow_redirects=False)
        self._files = frozenset(p.resolve() for p in files)
        self._folders = tuple(p.resolve() for p in folders)
        self.fetched: list[str] = []

    def allows(self, path: Path) -> bool:
        path = path.resolve()
        if path in self._files:
            return True
        return path.is_file() and any(path.is_relative_to(f) for f in self._folders)

    def fetch(self, url: str, headers: Any = None) -> URLFetcherResponse:
        path = _local_path(url)
        if path is None or not self.allows(path):
            raise RefusedURL(url)
        self.fetched.append(url)
        return URLFetcherResponse(url, path.read_bytes())


def _local_path(url: str) -> Path | None:
    parts = urlsplit(url)
    if parts.scheme != "file" or parts.netloc not in ("", "localhost"):
        return None
    if parts.query or parts.fragment:
        return None
    return Path(unquote(parts.path))
