"""Write generated files only when their content changes.

Unchanged files keep their mtime, so MkDocs' dirty rebuilds and git diffs
stay small, and a rebuild that changes nothing writes nothing.
"""
from __future__ import annotations

import mmap
import os
from pathlib import Path


def write_if_changed(path: Path, content: str) -> bool:
    """Write UTF-8, LF-only ``content``; return True if the file changed."""
    data = content.encode("utf-8")
    try:
        # The size first: a file of another size is not read (the search index made again in
        # full rewrites hundreds of MB of shards, nearly all of another size).
        if path.stat().st_size == len(data) and path.read_bytes() == data:
            return False
    except FileNotFoundError:
        pass
    write_bytes(path, data)
    return True


def write_bytes(path: Path, data: bytes) -> None:
    """Through a temporary file renamed over ``path``: a reader never sees half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = temporary_for(path)
    temporary.write_bytes(data)
    temporary.replace(path)


def temporary_for(path: Path) -> Path:
    """A hidden name beside ``path``, of this process: the file is written there, then renamed over it."""
    return path.with_name(f".{path.name}.{os.getpid()}.tmp")


Splice = tuple[int, int, bytes]  # (start, end, the bytes put in place of the file's stretch [start, end))


def write_spliced(path: Path, splices: list[Splice]) -> None:
    """``path`` with the stretch of each splice replaced by its bytes, through a temporary file renamed
    over it (``write_bytes``). The stretches between are copied by the kernel, not read into this
    process: an addition puts a record into an export of 34 MB at 20,000 laws (0.08 s read, joined
    and written; 0.03 s so)."""
    temporary = temporary_for(path)
    with path.open("rb") as source, temporary.open("wb", buffering=0) as target:
        done = 0
        for start, end, data in splices:
            _copy(source.fileno(), target.fileno(), done, start - done)
            target.write(data)
            done = end
        _copy(source.fileno(), target.fileno(), done, os.fstat(source.fileno()).st_size - done)
    temporary.replace(path)


def _copy(source: int, target: int, offset: int, count: int) -> None:
    """``count`` bytes of ``source`` from ``offset`` appended to ``target``: ``os.sendfile``, or read
    and written where a system has no file-to-file sendfile."""
    while count > 0:
        try:
            sent = os.sendfile(target, source, offset, count)
        except OSError:
            sent = os.write(target, os.pread(source, min(count, 1 << 20), offset))
        if sent == 0:
            raise OSError(f"file descriptor {source}: shorter than expected")
        offset, count = offset + sent, count - sent


def mapped(path: Path) -> tuple[mmap.mmap, int]:
    """The file's bytes without reading them all (a rebuild looks at a few records of 34 MB at 20,000
    laws), and its modification time."""
    with path.open("rb") as file:
        return mmap.mmap(file.fileno(), 0, access=mmap.ACCESS_READ), os.fstat(file.fileno()).st_mtime_ns


Patch = tuple[int, bytes, bytes]  # (offset, the bytes there, the bytes of the same length to put there)


def patch_in_place(path: Path, patches: list[Patch]) -> bool:
    """Overwrite each patch's bytes where they stand, if every one finds its old bytes there; False
    (nothing written) if not. For a file of tens of MB of which a rebuild changes a record of the
    same length (``quick``) or the last stretch (``tail_patch``): writing it whole again grows with
    the archive, this does not. Only a patch that runs to the file's end may change its length."""
    try:
        with path.open("r+b") as file:
            size = os.fstat(file.fileno()).st_size
            for offset, old, new in patches:
                if os.pread(file.fileno(), len(old), offset) != old or \
                        len(old) != len(new) and offset + len(old) != size:
                    return False
            for offset, _, new in patches:
                os.pwrite(file.fileno(), new, offset)
            if patches and len(patches[-1][1]) != len(patches[-1][2]):
                os.ftruncate(file.fileno(), patches[-1][0] + len(patches[-1][2]))
    except FileNotFoundError:
        return False
    return True


# The longest end of a file ``tail_patch`` rewrites in place; the patch goes to the MkDocs process
# too, old and new bytes (``mkdocs_glue.export_copies``).
TAIL_LIMIT = 1 << 20


def tail_patch(path: Path, splices: list[Splice]) -> Patch | None:
    """The ``splices`` (``write_spliced``) as one patch of the file from the first of them to its end,
    if that is at most ``TAIL_LIMIT`` bytes: records added at the end of an export of 34 MB at 20,000
    laws are then written in place (``patch_in_place``), not the file again (18–30 ms a file at
    20,000 laws) and its copy in the site again (9–20 ms), the more the larger the archive."""
    size = path.stat().st_size
    start = splices[0][0] if splices else size
    if size - start > TAIL_LIMIT:
        return None
    with path.open("rb") as file:
        old = os.pread(file.fileno(), size - start, start)
    pieces, done = [], start
    for here, until, data in splices:
        pieces += [old[done - start: here - start], data]
        done = until
    pieces.append(old[done - start:])
    return start, old, b"".join(pieces)


def remove_stale(folder: Path, keep: set[Path], pattern: str = "*.md") -> list[Path]:
    """Delete generated files in ``folder`` that no source produces any more."""
    stale = [path for path in sorted(folder.glob(pattern)) if path not in keep]
    for path in stale:
        path.unlink()
    return stale
