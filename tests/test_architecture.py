"""The folder tree is the pipeline: one package per stage, imports only towards earlier stages, no cycles.

Read with the standard library's ``ast``, so the rule holds without running anything.
"""
from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "build_tools"
# Shared plain data and helpers every stage may use.
CORE = {"model", "errors", "project", "slugs", "numerals", "markup", "text", "cache", "progress", "forked"}
# The pipeline, in order: a stage imports only itself, the core and the stages before it.
PIPELINE = ["reading", "structure", "metadata", "catalogue", "render", "search"]
# Beside the pipeline: the MkDocs adapter wires the stages into the engine; the bundle builds the site
# through it; editors' and benchmark tools and the command line may use anything.
ALLOWED = {
    **{stage: {*CORE, *PIPELINE[: index + 1]} for index, stage in enumerate(PIPELINE)},
    "mkdocs_glue": {*CORE, *PIPELINE, "mkdocs_glue"},
    "bundle": {*CORE, *PIPELINE, "mkdocs_glue", "bundle"},
}
for unit in CORE:
    ALLOWED[unit] = CORE


def unit_of(module: str) -> str:
    """The first name under build_tools: a stage package or a core module."""
    return module.split(".")[1] if module.count(".") >= 1 else ""


def modules() -> dict[str, Path]:
    found = {}
    for path in PACKAGE.rglob("*.py"):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        found[name] = path
    return found


def imports(name: str, path: Path, known: dict[str, Path]) -> set[str]:
    """The build_tools modules that ``name`` imports (a package's submodules count as themselves)."""
    found = set()
    package = name.split(".") if path.name == "__init__.py" else name.split(".")[:-1]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            base = package[: len(package) - node.level + 1] if node.level else []
            target = ".".join(base + ([node.module] if node.module else [])) if node.level else node.module or ""
            for alias in node.names:
                full = f"{target}.{alias.name}"
                found.add(full if full in known else target)
        elif isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
    return {module for module in found if module.startswith("build_tools.") and module != name}


def test_each_stage_imports_only_earlier_stages_and_the_core():
    known = modules()
    wrong = []
    for name, path in sorted(known.items()):
        unit = unit_of(name)
        if unit not in ALLOWED:
            continue
        for target in sorted(imports(name, path, known)):
            if unit_of(target) not in ALLOWED[unit]:
                wrong.append(f"{path.relative_to(PACKAGE.parent)}: imports {target}")
    assert not wrong, "\n".join(wrong)


def test_no_module_imports_one_that_imports_it_back():
    known = modules()
    graph = {name: imports(name, path, known) & set(known) for name, path in known.items()}
    cycles = set()
    for start in graph:  # a module reached again from itself lies on a cycle
        stack, seen = [(start, (start,))], set()
        while stack:
            node, trail = stack.pop()
            for nxt in graph.get(node, ()):
                if nxt == start and not (len(trail) == 2 and _package_and_member(*trail)):
                    cycles.add(" → ".join(trail + (start,)))
                elif nxt not in seen:
                    seen.add(nxt)
                    stack.append((nxt, trail + (nxt,)))
    assert not cycles, "\n".join(sorted(cycles))


def _package_and_member(first: str, second: str) -> bool:
    """A package's __init__ re-exporting a member that imports a sibling through the package is no cycle."""
    return second.startswith(first + ".") or first.startswith(second + ".")


def test_every_package_says_what_its_stage_takes_and_gives():
    for init in PACKAGE.rglob("__init__.py"):
        doc = ast.get_docstring(ast.parse(init.read_text(encoding="utf-8")))
        assert doc and len(doc) > 40, f"{init.relative_to(PACKAGE.parent)}: no docstring saying what the stage does"


def test_the_top_level_holds_only_packages_and_the_core():
    loose = {path.stem for path in PACKAGE.glob("*.py")} - CORE - {"__init__", "__main__"}
    assert not loose, f"modules outside a stage package: {sorted(loose)}"


def test_every_source_suffix_has_a_reader():
    from build_tools.project import SOURCE_SUFFIXES
    from build_tools.reading import READERS

    assert set(READERS) == set(SOURCE_SUFFIXES)
