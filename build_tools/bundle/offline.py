"""Stage 8: the offline bundle, the whole archive in one zip that works from file://.

People in offices with poor connectivity unzip it and double-click
index.html. The site is built from the same sources with the offline
configuration (directory URLs off), checked for anything that would load
from outside the bundle, and zipped into one dated folder.
"""
from __future__ import annotations

import datetime
import os
import re
import tempfile
import zipfile
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

from ..mkdocs_glue.engine import build_site
from ..project import Project

BUNDLE_NAME = "policy-archive"
# Source maps are for debugging the theme, sitemaps for crawlers and 404.html
# for web servers (its links are root-absolute): none is ever read from a
# local folder, and together they are over a megabyte.
_SKIPPED_PATHS = {"404.html", "sitemap.xml", "sitemap.xml.gz"}
_SKIPPED_SUFFIX = ".map"
# Tag attributes the browser fetches on its own (plain <a href> only on a click).
_FETCHED = {("script", "src"), ("link", "href"), ("img", "src"), ("iframe", "src"),
            ("source", "src"), ("video", "src"), ("audio", "src"), ("embed", "src"), ("object", "data")}

# Stylesheets load fonts and images with url(…) and other sheets with @import "…".
_CSS_URL = re.compile(r"""(?:url\(\s*|@import\s+)['"]?([^'")\s]+)""")


@dataclass
class Bundle:
    path: Path
    files: int
    size: int  # bytes of the zip


class BundleError(RuntimeError):
    """The built site would reach outside the bundle."""


class _ExternalLoads(HTMLParser):
    """Collect URLs of resources a page would load from another host."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if (tag, name) in _FETCHED and value and _is_remote(value):
                self.urls.append(value)


def _is_remote(url: str) -> bool:
    return url.strip().lower().startswith(("http:", "https:", "//"))


def external_loads(site_dir: Path) -> list[str]:
    """``file: url`` for every resource a built page or stylesheet would fetch from outside."""
    found = []
    for page in sorted(site_dir.rglob("*.html")):
        parser = _ExternalLoads()
        parser.feed(page.read_text(encoding="utf-8"))
        found += [f"{page.relative_to(site_dir).as_posix()}: {url}" for url in parser.urls]
    for sheet in sorted(site_dir.rglob("*.css")):
        urls = _CSS_URL.findall(sheet.read_text(encoding="utf-8"))
        found += [f"{sheet.relative_to(site_dir).as_posix()}: {url}" for url in urls if _is_remote(url)]
    return found


def bundle_files(site_dir: Path) -> list[Path]:
    """Files that go into the zip, in a stable order."""
    def skipped(relative: str) -> bool:
        return relative in _SKIPPED_PATHS or relative.endswith(_SKIPPED_SUFFIX)

    return sorted(path for path in site_dir.rglob("*")
                  if path.is_file() and not skipped(path.relative_to(site_dir).as_posix()))


def write_zip(site_dir: Path, target: Path, folder: str, date: datetime.date) -> int:
    """Zip ``site_dir`` under ``folder/``; fixed timestamps make it reproducible."""
    files = bundle_files(site_dir)
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(f".{target.name}.tmp")
    with zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for path in files:
            entry = zipfile.ZipInfo(f"{folder}/{path.relative_to(site_dir).as_posix()}",
                                    (date.year, date.month, date.day, 0, 0, 0))
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            archive.writestr(entry, path.read_bytes())
    partial.replace(target)
    return len(files)


def build_date() -> datetime.date:
    """Today (UTC), or SOURCE_DATE_EPOCH's day so a rebuild can reproduce a zip."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    moment = datetime.datetime.fromtimestamp(int(epoch), datetime.UTC) if epoch else datetime.datetime.now(datetime.UTC)
    return moment.date()


def make_bundle(project: Project, out_dir: Path, date: datetime.date) -> Bundle:
    """Build the offline site and write ``out_dir/<name>-<date>.zip``."""
    folder = f"{BUNDLE_NAME}-{date.isoformat()}"
    with tempfile.TemporaryDirectory(prefix="bundle-") as temporary:
        site_dir = Path(temporary) / "site"
        build_site(project.root, site_dir, offline=True)
        remote = external_loads(site_dir)
        if remote:
            raise BundleError("离线包中的页面会从外部网站加载资源 / pages would load remote resources:\n"
                              + "\n".join(remote))
        target = out_dir / f"{folder}.zip"
        files = write_zip(site_dir, target, folder, date)
    return Bundle(path=target, files=files, size=target.stat().st_size)
