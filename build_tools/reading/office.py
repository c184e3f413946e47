"""Old Word (.doc) and WPS (.wps) files, through LibreOffice's headless converter to .docx.

No Python library reads the binary Word format well, and WPS files are
Kingsoft's; LibreOffice reads both. Where it is not installed (Debian:
``libreoffice-writer-nogui``) the editor gets the one fix that always
works: save the file as .docx. Each run uses its own LibreOffice profile,
so parallel conversions do not wait for one another's lock.
"""
from __future__ import annotations

import shutil
import subprocess
import tempfile
from dataclasses import replace
from pathlib import Path, PurePosixPath

from ..errors import SourceError
from ..model import SourceText
from . import docx

TIMEOUT = 180  # seconds; a large file takes a few, a hung converter must not stop the build


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def read(raw: bytes, path: PurePosixPath) -> SourceText:
    program = soffice()
    save_as = (f"请用 Word 或 WPS 打开 {path.name}，“另存为” Word 文档（.docx），放入 source_docs/ 并删除原 {path.suffix} 文件"
               f" / open it in Word or WPS and save it as .docx")
    if program is None:
        raise SourceError(path, f"无法读取 {path.suffix} 文件：本机未安装 LibreOffice / cannot read {path.suffix}:"
                          " LibreOffice is not installed (Debian: libreoffice-writer-nogui)", hint=save_as)
    with tempfile.TemporaryDirectory(prefix="archive-office-") as folder:
        work = Path(folder)
        original = work / f"original{path.suffix}"
        original.write_bytes(raw)
        command = [program, f"-env:UserInstallation={(work / 'profile').as_uri()}", "--headless",
                   "--convert-to", "docx:MS Word 2007 XML", "--outdir", str(work / "out"), str(original)]
        try:
            subprocess.run(command, capture_output=True, timeout=TIMEOUT, check=False)
        except subprocess.TimeoutExpired:
            raise SourceError(path, f"LibreOffice 转换超时（{TIMEOUT} 秒）/ conversion timed out", hint=save_as) from None
        converted = work / "out" / "original.docx"
        if not converted.is_file():
            raise SourceError(path, "LibreOffice 无法打开此文件（已损坏或加密？）/ LibreOffice could not convert it",
                              hint=save_as)
        source = docx.read(converted.read_bytes(), path)
    return replace(source, encoding=path.suffix.lstrip("."))
