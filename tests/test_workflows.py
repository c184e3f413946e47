"""CI workflows: valid YAML that only runs make targets which exist and the README documents."""
from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
MAKE_TARGET = re.compile(r"\bmake\s+([A-Za-z][\w-]*)")


def load(path: Path) -> dict:
    workflow = yaml.safe_load(path.read_text(encoding="utf-8"))
    # YAML 1.1 reads the bare key `on` as the boolean True.
    workflow["on"] = workflow.pop(True, workflow.get("on"))
    return workflow


def steps(workflow: dict) -> list[dict]:
    return [step for job in workflow["jobs"].values() for step in job.get("steps", [])]


def make_targets(workflow: dict) -> list[str]:
    return [target for step in steps(workflow) for target in MAKE_TARGET.findall(step.get("run", ""))]


def uses(workflow: dict) -> list[str]:
    return [step["uses"].split("@")[0] for step in steps(workflow) if "uses" in step]


def by_trigger(trigger: str) -> dict:
    matching = [load(path) for path in WORKFLOWS if trigger in load(path)["on"]]
    assert len(matching) == 1, f"exactly one workflow runs on {trigger}"
    return matching[0]


def test_make_target_finder_reads_run_lines():
    workflow = {"jobs": {"a": {"steps": [{"run": "make check && make site\nmake  test"}, {"uses": "x@v1"}]}}}
    assert make_targets(workflow) == ["check", "site", "test"]


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda path: path.name)
def test_every_make_target_a_workflow_runs_exists_and_is_documented(path):
    workflow = load(path)
    targets = make_targets(workflow)
    assert targets, f"{path.name} runs no make target"
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for target in targets:
        dry_run = subprocess.run(["make", "--dry-run", target], cwd=ROOT, capture_output=True, text=True)
        assert dry_run.returncode == 0, f"{path.name}: make {target}: {dry_run.stderr}"
        assert f"make {target}" in readme, f"README does not document `make {target}`"


def test_pull_requests_are_checked_built_tested_and_previewed():
    workflow = by_trigger("pull_request")
    assert make_targets(workflow) == ["check", "site", "test"]
    upload = next(step for step in steps(workflow) if step.get("uses", "").startswith("actions/upload-artifact"))
    assert upload["with"]["path"].rstrip("/") == "site"


def test_main_is_deployed_to_pages_with_the_bundle_attached():
    workflow = by_trigger("push")
    assert workflow["on"]["push"]["branches"] == ["main"]
    assert {"site", "bundle"} <= set(make_targets(workflow))
    assert {"actions/configure-pages", "actions/upload-pages-artifact", "actions/deploy-pages"} <= set(uses(workflow))
    bundle = next(step for step in steps(workflow)
                  if step.get("uses", "").startswith("actions/upload-artifact"))
    assert bundle["with"]["path"].startswith("dist/")
    assert workflow["permissions"]["pages"] == "write" and workflow["permissions"]["id-token"] == "write"
