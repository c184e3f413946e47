"""The site's copies of the files the conversion patched in place (the export: an edit's records,
``render.quick``; an addition's at the export's end, ``render.added``).

MkDocs copies a static file into the site whenever docs/ holds a newer one: after an edit or an
addition, the whole export again (34 MB at 20,000 laws), the more the larger the archive. A copy that was in
step with docs/ before the conversion patched the file (written no earlier than the file was)
takes the same patches instead, each checked against the bytes it replaces; written after the
file in docs/, MkDocs then leaves it. Any other copy MkDocs makes again, as before.
"""
from __future__ import annotations

from pathlib import Path

from build_tools.render.writer import patch_in_place


def patch(site_dir: str, patched: dict[str, tuple[int, list]]) -> None:
    """Patch the site's copy of each docs-relative file of ``patched`` (its modification time before
    the conversion patched it, the patches) where it was in step."""
    for name, (stamp, patches) in sorted(patched.items()):
        copy = Path(site_dir) / name
        try:
            in_step = copy.stat().st_mtime_ns >= stamp
        except FileNotFoundError:
            continue
        if in_step:
            patch_in_place(copy, patches)
