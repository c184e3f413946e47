"""Command line: ``python -m build_tools <command>``."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .project import Project


def arg(*flags, **options) -> tuple[tuple, dict]:
    """One argparse argument of a command, as (flags, options)."""
    return flags, options


def takes(*arguments: tuple[tuple, dict]):
    """Declare a command's own arguments right above the command."""
    def attach(function):
        function.arguments = arguments
        return function
    return attach


def cmd_convert(project: Project, args: argparse.Namespace) -> int:
    """Convert source_docs/ into Markdown pages under docs/."""
    from .render.convert import convert_all

    report = convert_all(project)
    for error in report.errors:
        print(error, file=sys.stderr)
    for note in (note for document in report.documents for note in document.notes):
        print(note)  # passages removed as repeats, so an editor can check them
    print(f"{report.pages} pages, {len(report.written)} written, {len(report.removed)} removed")
    return 1 if report.errors else 0


@takes(arg("--out", type=Path, default=Path("dist"), help="output folder (default: dist)"))
def cmd_bundle(project: Project, args: argparse.Namespace) -> int:
    """Build the offline site and zip it: dist/policy-archive-<date>.zip."""
    from .bundle.offline import BundleError, build_date, make_bundle
    from .mkdocs_glue.engine import SiteBuildError

    try:
        bundle = make_bundle(project, project.root / args.out, build_date())
    except (BundleError, SiteBuildError) as error:
        print(error, file=sys.stderr)
        return 1
    print(f"{bundle.path} ({bundle.files} files, {bundle.size / 1e6:.1f} MB)")
    return 0


CORPUS = arg("--corpus", choices=("generated", "lawrefbook"), default="generated",
             help="generated from the seeds, or real laws from ../shared/corpus/lawrefbook, "
                  "copied under other regions beyond its 3,475 (default: generated)")


@takes(arg("count", type=int, help="number of documents"),
       arg("out", type=Path, help="new project folder to write"),
       arg("--seed", type=int, default=1, help="same seed, same corpus (default: 1)"), CORPUS)
def cmd_make_corpus(project: Project, args: argparse.Namespace) -> int:
    """Write a buildable project of N documents, generated or real (for benchmarks)."""
    from .benchmarks import corpus, lawcorpus

    if args.corpus == "lawrefbook" and lawcorpus.folder(project.root) is None:
        print(f"lawrefbook: no corpus next to {project.root}; nothing written", file=sys.stderr)
        return 1
    paths = (lawcorpus.make_corpus(project.root, args.count, args.out) if args.corpus == "lawrefbook"
             else corpus.make_corpus(project.root, args.count, args.out, seed=args.seed))
    print(f"{len(paths)} documents in {args.out / 'source_docs'}")
    return 0


@takes(arg("--site", type=Path, help="an already built site to evaluate (default: build one)"),
       arg("--queries", type=Path, default=Path("tests/search_queries.json"), help="query set"))
def cmd_search_eval(project: Project, args: argparse.Namespace) -> int:
    """Search quality and speed, measured with the real search in headless Chromium."""
    import tempfile

    from .mkdocs_glue.engine import build_site
    from .benchmarks.search_eval import evaluate, load_queries, print_report

    queries = load_queries(project.root / args.queries)
    timing = ["楚教复〔2023〕27号", "职业教育"]
    with tempfile.TemporaryDirectory() as temporary:
        site = args.site or Path(temporary)
        if not args.site:
            build_site(project.root, site)
        print_report(evaluate(site.resolve(), queries, timing))
    return 0


@takes(arg("--sizes", help="corpus sizes, comma-separated (default: 100,1000,5000; lawrefbook: 3475)"),
       arg("--seed", type=int, default=1, help="corpus seed (default: 1)"),
       arg("--work", type=Path, default=Path(".cache/bench"), help="scratch folder (default: .cache/bench)"),
       CORPUS,
       arg("--project", type=int, metavar="N", help="also project every figure and stage to N documents"),
       arg("--baseline", action=argparse.BooleanOptionalAction, default=True,
           help="build plain Material beside the archive (default: yes)"),
       arg("--baseline-rebuilds", action=argparse.BooleanOptionalAction, default=True,
           help="also time plain Material's rebuilds, which are full builds (default: yes)"))
def cmd_bench(project: Project, args: argparse.Namespace) -> int:
    """Build and search figures at each corpus size, beside plain MkDocs + Material."""
    from .benchmarks.bench import bench

    sizes = [int(size) for size in (args.sizes or ("3475" if args.corpus == "lawrefbook" else "100,1000,5000")).split(",")]
    bench(project.root, sizes, args.seed, (project.root / args.work).resolve(), corpus=args.corpus,
          baseline_rebuilds=args.baseline_rebuilds, target=args.project, baseline=args.baseline)
    return 0


@takes(arg("built", type=Path, help="a built project, e.g. .cache/bench/archive-3475 (its index is changed)"),
       arg("--site", type=Path, help="its site folder (default: the project folder's name + -site beside it)"),
       arg("--edits", type=int, default=1000, help="edits in a row (default: 1000)"))
def cmd_bench_overlays(project: Project, args: argparse.Namespace) -> int:
    """The search stage of many rebuilds in a row, one edit each: kept overlays, merges, full index."""
    from .benchmarks import overlays

    built = args.built.resolve()
    overlays.report(overlays.run(built, (args.site or built.with_name(built.name + "-site")).resolve(), args.edits))
    return 0


@takes(arg("folder", type=Path, nargs="?", help="raw texts with <name>.expected.yml beside them, e.g. tests/devset"),
       arg("--lawrefbook", type=Path, nargs="?", const=True, metavar="PATH",
           help="also the lawrefbook corpus (default: ../shared/corpus/lawrefbook)"),
       arg("--limit", type=int, help="at most N texts from each source (lawrefbook: a sample spread over it)"),
       arg("--misses", action=argparse.BooleanOptionalAction, help="list every miss (default: up to 100 texts)"))
def cmd_evaluate(project: Project, args: argparse.Namespace) -> int:
    """Per-field accuracy per family on texts with expected values; exit 1 on conversion errors."""
    import itertools

    from .benchmarks import evaluation, lawrefbook

    corpus = lawrefbook.corpus_folder(project.root) if args.lawrefbook is True else args.lawrefbook
    if args.folder is None and corpus is None:
        print("evaluate: give a folder, --lawrefbook, or both", file=sys.stderr)
        return 2
    for folder in (args.folder, corpus):
        if folder is not None and not folder.is_dir():
            print(f"evaluate: {folder}: no such folder", file=sys.stderr)
            return 2
    cases = itertools.chain(evaluation.folder_cases(args.folder, args.limit) if args.folder else (),
                            evaluation.lawrefbook_cases(corpus, args.limit) if corpus else ())
    total = evaluation.count(args.folder, corpus, args.limit)
    report = evaluation.evaluate(cases, total)
    evaluation.print_report(report, args.misses if args.misses is not None else total <= 100)
    return 1 if report.errors else 0


def cmd_check(project: Project, args: argparse.Namespace) -> int:
    """Check every source and sidecar; exit 1 on errors (messages for editors)."""
    from .editors.check import check_project

    report = check_project(project)
    for finding in report.findings:
        print(finding)
    print(report.summary())
    return 1 if report.of("error") else 0


@takes(arg("paths", type=Path, nargs="+", help="original files or folders (.docx .pdf .html .txt …)"))
def cmd_import(project: Project, args: argparse.Namespace) -> int:
    """Copy original files into source_docs/ under names from their content; sidecars only where needed."""
    from .editors.importer import UNREADABLE, import_paths, table

    outcomes = import_paths([path.resolve() for path in args.paths], project)
    print(table(outcomes))
    return 1 if any(outcome.status == UNREADABLE for outcome in outcomes) else 0


@takes(arg("source", type=Path, help="the new source, e.g. source_docs/x.txt or source_docs/x.docx"))
def cmd_new(project: Project, args: argparse.Namespace) -> int:
    """Write a sidecar for a new raw text, pre-filled with what was extracted."""
    from .errors import SourceError
    from .editors.scaffold import scaffold

    # A relative path means the project's file (source_docs/x.txt), wherever the editor stands.
    source = args.source if args.source.is_absolute() or not (project.root / args.source).exists() else \
        project.root / args.source
    try:
        target = scaffold(source if source.is_absolute() else Path.cwd() / source, project)
    except SourceError as error:
        print(error, file=sys.stderr)
        return 1
    print(f"已生成 {target.relative_to(project.root).as_posix()}：请核对提取的值并填写以 # 开头的空缺字段 / sidecar written")
    return 0


COMMANDS = {
    "convert": cmd_convert,
    "check": cmd_check,
    "new": cmd_new,
    "import": cmd_import,
    "search-eval": cmd_search_eval,
    "evaluate": cmd_evaluate,
    "bundle": cmd_bundle,
    "make-corpus": cmd_make_corpus,
    "bench": cmd_bench,
    "bench-overlays": cmd_bench_overlays,
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m build_tools", description=__doc__)
    parser.add_argument("--root", type=Path, default=Path.cwd(), help="project folder (default: current)")
    sub = parser.add_subparsers(dest="command", required=True)
    for name, function in COMMANDS.items():
        command = sub.add_parser(name, help=function.__doc__)
        for flags, options in getattr(function, "arguments", ()):
            command.add_argument(*flags, **options)
    args = parser.parse_args(argv)
    return COMMANDS[args.command](Project(args.root.resolve()), args)


if __name__ == "__main__":
    sys.exit(main())
