"""Command line: `python -m asyncdocs {build,serve,record,check,translations}`."""

from __future__ import annotations

import argparse
import asyncio
import sys
from pathlib import Path

from asyncdocs import manifest, pyodide, runner, site, timelines, translation

SNIPPETS = site.ROOT / "snippets"


def _select(paths: list[str]) -> list[manifest.Snippet]:
    snippets = [s for s in manifest.load_all(SNIPPETS) if s.run]
    if not paths:
        return snippets
    wanted = {Path(p).as_posix().removeprefix("snippets/") for p in paths}
    chosen = [
        s
        for s in snippets
        if s.rel in wanted or s.path.parent.relative_to(SNIPPETS).as_posix() in wanted
    ]
    if not chosen:
        sys.exit(f"no runnable snippet matches {sorted(wanted)}")
    return chosen


def _run_all(snippets: list[manifest.Snippet]) -> dict[str, tuple[int | None, str]]:
    """Exit status and output of each snippet: under the local CPython when it is new
    enough, otherwise under Pyodide (with JSPI)."""
    here = sys.version_info[:2]
    local = [s for s in snippets if s.python_tuple() <= here]
    newer = [s for s in snippets if s.python_tuple() > here]
    results = {
        rel: (r.returncode, r.output) for rel, r in asyncio.run(runner.run_many(local)).items()
    }
    for rel, r in (pyodide.run(newer) if newer else {}).items():
        results[rel] = (0 if r["status"] == "ok" else 1, r["output"])
    return results


def record(paths: list[str]) -> int:
    """Run snippets and write what they print to their `.out` files."""
    snippets = {s.rel: s for s in _select(paths)}
    failed = 0
    for rel, (returncode, output) in sorted(_run_all(list(snippets.values())).items()):
        snippet = snippets[rel]
        wrong = runner.exit_problem(snippet, returncode, output)
        if wrong:
            failed += 1
            print(f"NOT recorded {rel}: {wrong}")
            continue
        snippet.output_path.write_text(output, encoding="utf-8")
        print(f"recorded {rel}")
    with_timeline = [s for s in snippets.values() if s.timeline]
    problems = timelines.record_all(with_timeline)
    for problem in problems:
        print(f"NOT recorded {problem}")
    for snippet in with_timeline:
        if not any(p.startswith(snippet.rel + ":") for p in problems):
            print(f"recorded {snippet.rel}'s timeline")
    return 1 if failed or problems else 0


def check(paths: list[str]) -> int:
    """Run snippets and compare with their records, like the tests do."""
    results = asyncio.run(runner.run_many(_select(paths)))
    problems = [p for p in map(runner.problem, results.values()) if p]
    for p in problems:
        print(p, end="\n\n")
    print(f"{len(results) - len(problems)} passed, {len(problems)} failed")
    return 1 if problems else 0


def translations(stamp: list[str], show_diff: bool, pull_request: str | None) -> int:
    """Report the translation status of the zh pages (as Markdown), or stamp pages."""
    for page in stamp:
        print(f"{page}: translated_from {translation.stamp(Path(page))}")
    if stamp:
        return 0
    if pull_request:
        print(translation.pull_request_comment(translation.changed_pages(pull_request)), end="")
        return 0
    for status in translation.report("zh"):
        print(f"- `docs/zh/{status.page}`: {status.state}")
        if show_diff and status.diff:
            print(f"\n  ```diff\n{status.diff.rstrip()}\n  ```\n".replace("\n", "\n  ")[:-2])
    return 0


def main() -> int:
    runner.let_children_take_ctrl_c()
    parser = argparse.ArgumentParser(prog="python -m asyncdocs", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    p_build = sub.add_parser("build", help="build every language into site/")
    p_build.add_argument("--site-url", default="http://127.0.0.1:8000/")
    p_serve = sub.add_parser("serve", help="build, then serve on 127.0.0.1")
    p_serve.add_argument("--port", type=int, default=8000)
    for name, helptext in (("record", "record snippet output"), ("check", "check snippet output")):
        p = sub.add_parser(name, help=helptext)
        p.add_argument(
            "paths", nargs="*", help="snippet files or folders under snippets/ (default: all)"
        )
    p_tr = sub.add_parser("translations", help="translation status of the zh pages")
    p_tr.add_argument("--stamp", nargs="+", default=[], metavar="PAGE", help="mark as current")
    p_tr.add_argument("--diff", action="store_true", help="show English changes of outdated pages")
    p_tr.add_argument(
        "--pull-request",
        metavar="BASE",
        help="the comment on a pull request: pages HEAD changes since it left BASE",
    )
    args = parser.parse_args()

    if args.command == "translations":
        return translations(args.stamp, args.diff, args.pull_request)

    if args.command == "record":
        return record(args.paths)
    if args.command == "check":
        return check(args.paths)
    site_dir = site.ROOT / "site"
    if args.command == "build":
        site.build(site_dir, args.site_url)
    else:
        site.build(site_dir, f"http://127.0.0.1:{args.port}/")
        site.serve(site_dir, args.port)
    return 0


if __name__ == "__main__":
    sys.exit(main())
