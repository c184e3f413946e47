"""Stage 1: read a raw source file into text.

Editors get sources from PDFs and Word files in whatever encoding the
tool chose, so we detect the common ones (UTF-8 with or without BOM,
UTF-16 with BOM, GB18030/GBK) and refuse anything else with a message
naming the file, rather than guessing and publishing mojibake.
"""
from __future__ import annotations

import codecs
import hashlib
from pathlib import Path, PurePosixPath

from ..errors import SourceError
from ..model import SourceText

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def decode(raw: bytes, path: str) -> tuple[str, str]:
    """Return (text, encoding name) or raise SourceError naming the file."""
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            return _strict(raw, encoding, path), encoding
    if b"\x00" in raw:
        encoding = _utf16_byte_order(raw)
        return _strict(raw, encoding, path), encoding
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as utf8_error:
        try:
            return raw.decode("gb18030"), "gb18030"
        except UnicodeDecodeError:
            line = raw[: utf8_error.start].count(b"\n") + 1
            raise SourceError(
                path,
                f"无法识别文件编码（字节 {utf8_error.start} 处既不是 UTF-8 也不是 GB18030）"
                " / cannot decode: neither UTF-8 nor GB18030",
                line=line,
                hint="请将文件另存为 UTF-8 编码 / save the file as UTF-8",
            ) from None


def _utf16_byte_order(raw: bytes) -> str:
    """Text files never contain NUL bytes, except as the high byte of UTF-16
    code units: newlines and digits put them at odd offsets in little-endian."""
    odd = raw[1::2].count(b"\x00")
    even = raw[0::2].count(b"\x00")
    return "utf-16-le" if odd >= even else "utf-16-be"


def _strict(raw: bytes, encoding: str, path: str) -> str:
    try:
        return raw.decode(encoding)
    except UnicodeDecodeError as error:
        raise SourceError(
            path,
            f"{encoding} 编码中有无效字节（位置 {error.start}）/ invalid {encoding} bytes",
            hint="请将文件另存为 UTF-8 编码 / save the file as UTF-8",
        ) from None


def normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def read_source(path: Path, root: Path) -> SourceText:
    """Read ``path`` (inside ``root``) into a SourceText."""
    raw = path.read_bytes()
    relative = PurePosixPath(path.relative_to(root).as_posix())
    text, encoding = decode(raw, str(relative))
    return SourceText(
        path=relative,
        text=normalise_newlines(text),
        sha256=hashlib.sha256(raw).hexdigest(),
        encoding=encoding,
    )
