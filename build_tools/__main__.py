"""Command line: ``python -m build_tools <command>``."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .project import Project


def cmd_convert(project: Project, args: argparse.Namespace) -> int:
    """Convert source_docs/ into Markdown pages under docs/."""
    from .convert import convert_all

    report = convert_all(project)
    for error in report.errors:
        print(error, file=sys.stderr)
    print(f"{len(report.documents)} pages, {len(report.written)} written, {len(report.removed)} removed")
    return 1 if report.errors else 0


COMMANDS = {
    "convert": cmd_convert,
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m build_tools", description=__doc__)
    parser.add_argument("--root", type=Path, default=Path.cwd(), help="project folder (default: current)")
    sub = parser.add_subparsers(dest="command", required=True)
    for name, function in COMMANDS.items():
        sub.add_parser(name, help=function.__doc__)
    args = parser.parse_args(argv)
    return COMMANDS[args.command](Project(args.root.resolve()), args)


if __name__ == "__main__":
    sys.exit(main())
