"""Stage 1: decoding raw sources in the encodings editors actually send."""
from __future__ import annotations

import codecs

import pytest

from build_tools.errors import SourceError
from build_tools.reading.text import decode, read_source

TEXT = "楚雄彝族自治州教育体育局文件\n楚教复〔2023〕27号\n"


@pytest.mark.parametrize(
    "raw, encoding",
    [
        (TEXT.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8-sig"),
        (TEXT.encode("gb18030"), "gb18030"),
        (TEXT.encode("gbk"), "gb18030"),
        (TEXT.encode("utf-16"), "utf-16"),  # with BOM
        (TEXT.encode("utf-16-le"), "utf-16-le"),  # without BOM
    ],
)
def test_common_encodings_decode_to_the_same_text(raw, encoding):
    text, detected = decode(raw, "source_docs/x.txt")
    assert text == TEXT
    assert detected == encoding


def test_undecodable_bytes_name_the_file_and_line():
    raw = "第一行\n第二行\n".encode("utf-8") + b"\xff\xfe\xfd\x80\x80"
    with pytest.raises(SourceError) as caught:
        decode(raw, "source_docs/bad.txt")
    assert str(caught.value).startswith("source_docs/bad.txt:3: ")


@pytest.mark.parametrize("newline", ["\r\n", "\r", "\n"])
def test_line_endings_are_normalised(tmp_path, newline):
    path = tmp_path / "source_docs" / "a.txt"
    path.parent.mkdir()
    path.write_bytes(newline.join(["甲", "乙", ""]).encode("utf-8"))
    source = read_source(path, tmp_path)
    assert source.text == "甲\n乙\n"
    assert str(source.path) == "source_docs/a.txt"
    assert len(source.sha256) == 64


def test_sha256_is_of_the_raw_bytes(tmp_path):
    import hashlib

    path = tmp_path / "a.txt"
    raw = codecs.BOM_UTF8 + "甲\r\n".encode("utf-8")
    path.write_bytes(raw)
    assert read_source(path, tmp_path).sha256 == hashlib.sha256(raw).hexdigest()
