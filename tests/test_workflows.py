"""The GitHub workflows: clean under zizmor, and the translator's pull-request path works.

* zizmor (pinned in pyproject.toml) audits `.github/` offline; any finding above
  informational fails, and the one finding the workflows silence on purpose (the
  `workflow_run` trigger of the fork-safe pattern) must stay the only one. Stricter than
  zizmor: every checkout sets `persist-credentials: false`, and no `${{ }}` appears in a
  `run:` or `github-script` body.
* A pull request from a fork is replayed in scratch git repositories: an upstream, a fork
  with a translator's branch, and the merge commit GitHub checks out. The status command
  the `pull_request` workflow runs produces the comment, and the script of the
  `workflow_run` workflow, run in Node with a recording stand-in for GitHub's API, posts
  exactly that text once and edits it on the next push.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from conftest import ROOT

from asyncdocs import translation

WORKFLOWS = ROOT / ".github/workflows"
ZIZMOR = Path(sys.executable).with_name("zizmor")
SHA_PIN = re.compile(r"^[\w.-]+/[\w./-]+@[0-9a-f]{40}$")


def zizmor(*args: str) -> list[dict]:
    """zizmor's findings (regular persona, as JSON) for the given inputs."""
    proc = subprocess.run(
        [str(ZIZMOR), "--offline", "--strict-collection", "--format", "json", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    # 0: no findings; 10-14: findings, by highest severity. Anything else is a failure.
    assert proc.returncode == 0 or 10 <= proc.returncode <= 14, proc.stderr
    return json.loads(proc.stdout)


def above_informational(findings: list[dict]) -> list[str]:
    return [
        f"{f['ident']} ({f['determinations']['severity']}) in "
        f"{f['locations'][0]['symbolic']['key']['Local']['verbatim_path']}: {f['desc']}"
        for f in findings
        if f["determinations"]["severity"] != "Informational"
    ]


def test_zizmor_finds_nothing_above_informational():
    assert above_informational(zizmor(".github/")) == []


def test_the_only_silenced_finding_is_the_fork_safe_trigger():
    """`# zizmor: ignore[...]` comments hide findings; only this one is allowed."""
    silenced = above_informational(zizmor("--no-ignores", ".github/"))
    assert len(silenced) == 1
    assert silenced[0].startswith("dangerous-triggers (High) in ")
    assert silenced[0].split(" in ")[1].startswith(".github/workflows/pull-request-comment.yml")


def test_zizmor_catches_an_unsafe_workflow(tmp_path):
    """The audit can fail: the old workflow's mistakes are reported."""
    bad = tmp_path / ".github/workflows/bad.yml"
    bad.parent.mkdir(parents=True)
    bad.write_text(
        "on: pull_request\n"
        "jobs:\n"
        "  status:\n"
        "    runs-on: ubuntu-24.04\n"
        "    steps:\n"
        "      - uses: actions/checkout@v4\n"
        '      - run: echo "${{ github.head_ref }}"\n',
        encoding="utf-8",
    )
    found = {f["ident"] for f in zizmor(str(tmp_path))}
    assert {"template-injection", "unpinned-uses", "artipacked"} <= found
    assert above_informational(zizmor(str(tmp_path)))


def workflows() -> dict[str, dict]:
    # PyYAML reads the key `on` as True.
    return {p.name: yaml.safe_load(p.read_text(encoding="utf-8")) for p in WORKFLOWS.glob("*.yml")}


def steps(workflow: dict) -> list[tuple[str, dict]]:
    return [(name, step) for name, job in workflow["jobs"].items() for step in job["steps"]]


def test_every_action_is_pinned_to_a_commit_with_its_version_named():
    for path in WORKFLOWS.glob("*.yml"):
        for line in path.read_text(encoding="utf-8").splitlines():
            if "uses:" in line:
                ref, _, comment = line.split("uses:", 1)[1].partition("#")
                assert SHA_PIN.match(ref.strip()), f"{path.name}: {line.strip()}"
                assert re.match(r" v\d+\.\d+\.\d+$", comment), f"{path.name}: {line.strip()}"


def test_checkouts_keep_no_credentials_and_scripts_expand_no_expressions():
    """zizmor accepts an explicit `persist-credentials: true` and only flags expressions
    from risky contexts; the project's rule is stricter: every checkout drops the token, and
    no `${{ }}` reaches a `run:` or `github-script` body (values go through `env:`)."""
    checkouts = 0
    for name, flow in workflows().items():
        for job, step in steps(flow):
            if step.get("uses", "").startswith("actions/checkout@"):
                checkouts += 1
                assert step["with"]["persist-credentials"] is False, f"{name}: {job}"
            for body in (step.get("run", ""), step.get("with", {}).get("script", "")):
                assert "${{" not in body, f"{name}: {job}: {body[:60]}"
    assert checkouts == 3  # tests, pages, pull request


def test_pull_request_code_never_runs_with_write_access():
    flows = workflows()
    for job in flows["pull-request.yml"]["jobs"].values():
        assert set(job["permissions"].values()) == {"read"}
    privileged = flows["pull-request-comment.yml"]
    assert list(privileged[True]) == ["workflow_run"]
    used = [step.get("uses", "").split("@")[0] for _, step in steps(privileged)]
    assert "actions/checkout" not in used and not any("run" in s for _, s in steps(privileged))


def test_tests_run_the_readme_command_in_debian_12_with_the_readme_versions():
    job = workflows()["tests.yml"]["jobs"]["test"]
    assert job["container"]["image"] == "debian:12"
    assert job["env"]["CI"] == "true"
    assert job["steps"][-1]["run"] == "bash .ci/run"
    assert (ROOT / ".ci/run").read_text(encoding="utf-8").rstrip().endswith("exec make test")
    node = next(
        s["with"]["node-version"] for s in job["steps"] if "setup-node" in s.get("uses", "")
    )
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    image = job["container"]["image"]
    assert f"Node.js {node}" in readme and f"`{image}`" in readme and "Python 3.11" in readme
    pages = workflows()["pages.yml"]["jobs"]["build"]
    assert pages["container"] == job["container"]


# A translator's pull request from a fork, replayed.


def git(repo: Path, *args: str) -> str:
    cmd = ["git", "-C", str(repo), "-c", "user.name=t", "-c", "user.email=t@example.org"]
    return subprocess.run([*cmd, *args], check=True, capture_output=True, text=True).stdout


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


ADDED = "New closing words.\n\n```text\nplain\n```\n"


@pytest.fixture(scope="module")
def fork(tmp_path_factory) -> Path:
    """The merge commit of a fork's pull request, checked out as GitHub does for the
    `pull_request` workflow (`refs/pull/N/merge`, `origin/main` fetched)."""
    tmp = tmp_path_factory.mktemp("fork")
    upstream = tmp / "upstream"
    upstream.mkdir()
    git(upstream, "init", "-q", "-b", "main")
    shutil.copytree(ROOT / "docs", upstream / "docs")
    shutil.copytree(ROOT / "src", upstream / "src", ignore=shutil.ignore_patterns("__pycache__"))
    git(upstream, "add", "-A")
    git(upstream, "commit", "-qm", "the site")

    clone = tmp / "clone"
    subprocess.run(["git", "clone", "-q", str(upstream), str(clone)], check=True)
    git(clone, "switch", "-q", "-c", "translator")
    docs = clone / "docs"
    preface = docs / "en/preface.md"  # English changes: its translation is now outdated
    preface.write_text(preface.read_text(encoding="utf-8") + "\n" + ADDED, encoding="utf-8")
    zh = docs / "zh/tutorial/async-await.md"  # a fix in the Chinese text only: still current
    zh.write_text(zh.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    (docs / "en/guide/new-page.md").write_text("# New\n\nNot translated yet.\n", "utf-8")
    edit(docs / "zh/runner.md", "translated_from:", "translated-from:")  # stamp broken
    git(clone, "add", "-A")
    git(clone, "commit", "-qm", "the translator's changes")

    # Meanwhile upstream changes a page the pull request does not touch.
    glossary = upstream / "docs/en/glossary.md"
    glossary.write_text(glossary.read_text(encoding="utf-8") + "\nMore.\n", encoding="utf-8")
    git(upstream, "commit", "-qam", "upstream moves on")

    git(clone, "fetch", "-q", "origin")
    git(clone, "checkout", "-q", "--detach", "origin/main")
    git(clone, "merge", "-q", "--no-ff", "--no-edit", "translator")
    return clone


def status_comment(checkout: Path) -> str:
    """What the `pull_request` workflow runs, with the scratch checkout's own code."""
    proc = subprocess.run(
        [sys.executable, "-m", "asyncdocs", "translations", "--pull-request", "origin/main"],
        cwd=checkout,
        env={**os.environ, "PYTHONPATH": str(checkout / "src")},
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 0, proc.stderr
    return proc.stdout


def test_status_command_is_the_one_the_workflow_runs():
    workflow = (WORKFLOWS / "pull-request.yml").read_text(encoding="utf-8")
    assert 'asyncdocs translations --pull-request "origin/$BASE_REF"' in workflow
    assert "BASE_REF: ${{ github.base_ref }}" in workflow


def test_fork_pull_request_gets_the_status_of_the_pages_it_changes(fork):
    body = status_comment(fork)
    assert body.startswith(translation.COMMENT_MARKER + "\n### Translation status · 翻译进度\n")
    rows = [line for line in body.splitlines() if line.startswith("| `docs/zh/")]
    assert rows == [
        "| `docs/zh/guide/new-page.md` | ❌ not yet translated · 尚未翻译 |",
        "| `docs/zh/preface.md` | ⚠️ outdated · 已过时 |",
        "| `docs/zh/runner.md` | ❔ not stamped · 未标记版本 |",
        "| `docs/zh/tutorial/async-await.md` | ✅ translated · 已翻译 |",
    ]  # and not glossary.md, which only upstream changed
    for what_to_do in ("**Outdated**", "**已过时**", "**Not stamped**", "**尚未翻译**"):
        assert what_to_do in body
    assert translation.NO_PAGES_MARKER not in body

    # The English diff is one code block (CommonMark, as GitHub renders it), even though
    # the change adds a fence of its own.
    lines = body.splitlines()
    opening = next(i for i, line in enumerate(lines) if re.fullmatch(r"`{3,}diff", line))
    fence = lines[opening].removesuffix("diff")
    closing = next(
        i
        for i, line in enumerate(lines)
        if i > opening and re.fullmatch(rf" {{0,3}}`{{{len(fence)},}}[ \t]*", line)
    )
    block = lines[opening + 1 : closing]
    assert block[0].startswith("--- docs/en/preface.md (translated)")
    assert block[-4:] == ["+New closing words.", "+", "+```text", "+plain", "+```"][-4:]
    assert "+New closing words." in block
    assert lines[closing + 2] == "</details>"


def test_pull_request_without_pages_says_so(tmp_path, fork):
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", str(fork), str(clone)], check=True)
    git(clone, "update-ref", "refs/remotes/origin/main", "HEAD")
    (clone / "src/asyncdocs/extra.py").write_text('"""Tooling only."""\n', encoding="utf-8")
    git(clone, "add", "-A")
    git(clone, "commit", "-qm", "tooling")
    body = status_comment(clone)
    assert body.startswith(translation.COMMENT_MARKER) and translation.NO_PAGES_MARKER in body
    assert "| `docs/zh/" not in body


# The workflow_run side: its github-script, run in Node against a recording fake API.

HARNESS = """
const fs = require("fs");
const [script, state] = [process.argv[2], JSON.parse(fs.readFileSync(process.argv[3], "utf8"))];
const calls = [];
const failures = [];
const outputs = {};
const listComments = () => {};
const listPulls = () => {};
const github = {
  paginate: async (method, params) => {
    const name = new Map([[listComments, "listComments"], [listPulls, "listPulls"]]).get(method);
    calls.push([name, params]);
    return state[name];
  },
  rest: {
    pulls: { list: listPulls },
    issues: {
      listComments,
      createComment: async (p) => { calls.push(["createComment", p]); },
      updateComment: async (p) => { calls.push(["updateComment", p]); },
    },
  },
};
const context = { repo: { owner: "example", repo: "asyncio-docs" }, payload: state.payload };
const core = {
  setFailed: (m) => failures.push(m),
  notice: () => {},
  setOutput: (k, v) => { outputs[k] = v; },
};
const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor;
new AsyncFunction("require", "github", "context", "core", fs.readFileSync(script, "utf8"))(
  require, github, context, core,
).then(() => console.log(JSON.stringify({ calls, failures, outputs })));
"""


def github_script(tmp_path: Path, job: str, state: dict, env: dict[str, str]) -> dict:
    """Run the github-script step of a job of pull-request-comment.yml in Node."""
    steps = workflows()["pull-request-comment.yml"]["jobs"][job]["steps"]
    step = next(s for s in steps if "github-script" in s.get("uses", ""))
    (tmp_path / "script.js").write_text(step["with"]["script"], encoding="utf-8")
    (tmp_path / "harness.js").write_text(HARNESS, encoding="utf-8")
    (tmp_path / "state.json").write_text(json.dumps(state), encoding="utf-8")
    proc = subprocess.run(
        ["node", "harness.js", "script.js", "state.json"],
        cwd=tmp_path,
        env={**os.environ, **env},
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


def test_workflow_run_finds_the_pull_request_by_head_commit_and_repository(tmp_path):
    run = {"head_sha": "c0ffee", "head_repository": {"full_name": "translator/asyncio-docs"}}
    pulls = [
        {"number": 3, "head": {"sha": "c0ffee", "repo": {"full_name": "someone/asyncio-docs"}}},
        {"number": 5, "head": {"sha": "beef", "repo": {"full_name": "translator/asyncio-docs"}}},
        {"number": 7, "head": {"sha": "c0ffee", "repo": {"full_name": "translator/asyncio-docs"}}},
    ]
    state = {"payload": {"workflow_run": run}, "listPulls": pulls}
    assert github_script(tmp_path, "find", state, {})["outputs"] == {"number": "7"}
    state["listPulls"] = pulls[:2]  # closed meanwhile: nothing to comment on
    assert github_script(tmp_path, "find", state, {})["outputs"] == {}


def post(tmp_path: Path, body: str, comments: list[dict], number: str = "7") -> dict:
    """Run the comment step of pull-request-comment.yml on an artifact holding `body`."""
    job = workflows()["pull-request-comment.yml"]["jobs"]["comment"]
    download = next(s for s in job["steps"] if "download-artifact" in s.get("uses", ""))
    step = next(s for s in job["steps"] if "github-script" in s.get("uses", ""))
    assert step["env"]["PR_NUMBER"] == "${{ needs.find.outputs.number }}"
    artifact = tmp_path / download["with"]["path"] / "comment.md"
    artifact.parent.mkdir(parents=True, exist_ok=True)
    artifact.write_text(body, encoding="utf-8")
    return github_script(tmp_path, "comment", {"listComments": comments}, {"PR_NUMBER": number})


def test_workflow_run_posts_the_status_comment_then_edits_it(tmp_path, fork):
    body = status_comment(fork)
    first = post(tmp_path, body, comments=[])
    assert first["failures"] == []
    assert first["calls"][-1] == [
        "createComment",
        {"owner": "example", "repo": "asyncio-docs", "issue_number": 7, "body": body},
    ]

    # The next push: the earlier comment is edited, not repeated; others' are left alone.
    earlier = [
        {"id": 41, "user": {"login": "translator"}, "body": translation.COMMENT_MARKER},
        {"id": 42, "user": {"login": "github-actions[bot]"}, "body": body},
    ]
    newer = body.replace("⚠️ outdated · 已过时", "✅ translated · 已翻译")
    second = post(tmp_path, newer, comments=earlier)
    assert [c[0] for c in second["calls"]] == ["listComments", "updateComment"]
    assert second["calls"][1][1] == {
        "owner": "example",
        "repo": "asyncio-docs",
        "comment_id": 42,
        "body": newer,
    }
    # The same status again changes nothing.
    same = post(tmp_path, newer, comments=[{**earlier[1], "body": newer}])
    assert [c[0] for c in same["calls"]] == ["listComments"]


def test_workflow_run_posts_nothing_new_for_a_pull_request_without_pages(tmp_path):
    body = f"{translation.COMMENT_MARKER}\n{translation.NO_PAGES_MARKER}\nNo pages.\n"
    result = post(tmp_path, body, comments=[])
    assert [c[0] for c in result["calls"]] == ["listComments"]


def test_workflow_run_rejects_what_is_not_a_status_comment(tmp_path):
    result = post(tmp_path, "Anything a fork's workflow could upload.\n", comments=[])
    assert result["calls"] == [] and result["failures"]
    result = post(tmp_path, translation.COMMENT_MARKER, comments=[], number="7; rm -rf /")
    assert result["calls"] == [] and result["failures"]
