"""Run the worked example of CONTRIBUTING.md as an editor would, block by block.

The guide marks the blocks to follow with their info string:

- ```` ```text example-file=source_docs/x.txt ````: the editor saves this file;
- ```` ```yaml example-output=source_docs/x.yml ````: this is what the file now holds;
- ```` ```yaml example-mistake=source_docs/x.yml:6 ````: the editor writes this line instead of line 6;
- ```` ```console example-run ```` (``exit=1``): ``$ command`` lines and the output
  they print; a line ``…`` stands for any number of lines left out, ``…`` inside a
  line for any text on that line (such as counts that depend on the other sources).

A block that shows a failing run (``exit=1``) leaves no trace: the sources are
restored after it, so each mistake is shown on the finished example.
"""
from __future__ import annotations

import re
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

GUIDE = Path(__file__).resolve().parents[1] / "CONTRIBUTING.md"
FENCE = re.compile(r"^```(\S*)[ \t]*(.*?)\n(.*?)^```[ \t]*$", re.M | re.S)
ELIDED = "…"


@dataclass
class Block:
    language: str
    options: dict[str, str]
    text: str
    line: int  # where the block starts in the guide, for failure messages

    @property
    def kind(self) -> str | None:
        return next((name for name in self.options if name.startswith("example-")), None)


@dataclass
class Run:
    """What one ``$`` command printed and returned."""

    command: str
    expected: list[str]
    output: str = ""
    code: int = 0


@dataclass
class Outcome:
    block: Block
    runs: list[Run] = field(default_factory=list)
    actual: str | None = None  # what an example-output file holds at that point


def blocks(text: str) -> list[Block]:
    """The example blocks of the guide, in order."""
    found = []
    for match in FENCE.finditer(text):
        options = dict(option.partition("=")[::2] for option in match.group(2).split())
        block = Block(match.group(1), options, match.group(3), text.count("\n", 0, match.start()) + 1)
        if block.kind:
            found.append(block)
    return found


def commands(block: Block) -> list[Run]:
    """The ``$`` lines of a console block with the lines each is expected to print."""
    runs: list[Run] = []
    for line in block.text.splitlines():
        if line.startswith("$ "):
            runs.append(Run(line[2:], []))
        elif runs:
            runs[-1].expected.append(line)
    return runs


def shell(command: str, root: Path) -> subprocess.CompletedProcess:
    """Run a guide command in ``root``; ``python`` is the interpreter running the tests."""
    command = re.sub(r"^python(?=\s)", f'"{sys.executable}"', command)
    return subprocess.run(command, shell=True, cwd=root, capture_output=True, text=True, timeout=300)


def shows(expected: list[str], output: str) -> bool:
    """Does ``output`` print the ``expected`` lines, ``…`` standing for lines left out?"""
    pattern = "".join(".*?" if line.strip() == ELIDED else
                      "[^\n]*?".join(map(re.escape, line.rstrip().split(ELIDED))) + r"\n" for line in expected)
    actual = "\n".join(line.rstrip() for line in output.splitlines()) + "\n"
    return re.fullmatch(pattern, actual, re.S) is not None


def follow(root: Path, guide: str) -> list[Outcome]:
    """Do what every example block says, in ``root``; returns what each command printed."""
    outcomes, saved = [], None
    for block in blocks(guide):
        outcome = Outcome(block)
        outcomes.append(outcome)
        kind, value = block.kind, block.options[block.kind]
        if kind == "example-file":
            (root / value).write_text(block.text, encoding="utf-8")
        elif kind == "example-output":
            path = root / value
            outcome.actual = path.read_text(encoding="utf-8") if path.is_file() else None
        elif kind == "example-mistake":
            saved = saved or snapshot(root)
            path, _, number = value.rpartition(":")
            lines = (root / path).read_text(encoding="utf-8").splitlines(keepends=True)
            lines[int(number) - 1] = block.text
            (root / path).write_text("".join(lines), encoding="utf-8")
        elif kind == "example-run":
            failing = block.options.get("exit", "0") != "0"
            saved = saved or (snapshot(root) if failing else None)
            for run in commands(block):
                result = shell(run.command, root)
                run.output, run.code = result.stdout + result.stderr, result.returncode
                outcome.runs.append(run)
            if saved:
                restore(root, saved)
                saved = None
    return outcomes


def snapshot(root: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in (root / "source_docs").iterdir()}


def restore(root: Path, saved: dict[str, bytes]) -> None:
    shutil.rmtree(root / "source_docs")
    (root / "source_docs").mkdir()
    for name, data in saved.items():
        (root / "source_docs" / name).write_bytes(data)
