"""Exercises in the page, end to end in real Chromium, in both languages: a reader checks
the starter (✗, with the check's own message in the page's language), a wrong solution
(only its check fails), then the solution (all ✓, marked solved, still solved after a
reload and on the progress page); hints one at a time; the solution behind a
confirmation; Reset forgets; a program that never yields is stopped and reported."""

from __future__ import annotations

import pytest

from asyncdocs import exercises

pytestmark = pytest.mark.chromium

EXERCISE = "tutorial/async-await/stations"
PAGE = "tutorial/async-await/"
STORE = "asyncdocs.exercises"

TEXT = {
    "en": {"solved": "Solved", "all": "checks passed", "quiet": "did not give the event loop back"},
    "zh": {"solved": "已完成", "all": "全部通过", "quiet": "没有把控制权交还给事件循环"},
}


def _exercise() -> exercises.Exercise:
    return next(e for e in exercises.load_all() if e.rel == EXERCISE)


def _checks(lang: str):
    import sys

    sys.path.insert(0, str(exercises.CHECKING.parent))
    import checking

    found = checking.load_checks((_exercise().folder / "checks.py").read_text(encoding="utf-8"))
    return [(c.name, c.title[lang]) for c in found]


@pytest.fixture(scope="module")
def reader(browser, built_site):
    """One tab per language, as a reader's."""
    _, base = built_site
    made = {}

    def tab(lang: str):
        if lang not in made:
            context = browser.new_context()
            page = context.new_page()
            errors: list[str] = []
            page.on("pageerror", lambda e: errors.append(str(e)))
            made[lang] = (context, page, errors)
            page.goto(f"{base}{lang}/{PAGE}")
        return made[lang][1]

    yield tab
    for context, _, errors in made.values():
        assert errors == [], errors
        context.close()


def _block(page):
    return page.locator(f'.highlight[data-exercise="{EXERCISE}"]')


def _fresh(page) -> None:
    """Start the exercise afresh, without reloading (that would load Python again):
    Reset brings the starter back and forgets it was solved."""
    _block(page).locator("button.runner-button--reset").click()
    assert page.evaluate(f"localStorage.getItem('{STORE}')") in (None, "{}")


def _check(page, code: str | None = None) -> list[tuple[str, str, str]]:
    """Put `code` in the editor (if given), press Check and wait for the verdicts:
    (mark, title, message) per check."""
    block = _block(page)
    if code is not None:
        block.locator("textarea").fill(code)
    runs = int(block.get_attribute("data-runner-runs") or 0)
    block.locator("button.runner-button--check").click()
    page.wait_for_function(
        "([el, n]) => Number(el.dataset.runnerRuns || 0) > n",
        arg=[block.element_handle(), runs],
        timeout=60_000,
    )
    items = block.locator(".exercise-result")
    return [
        (
            item.locator(".exercise-result__mark").inner_text(),
            item.locator(".exercise-result__title").inner_text(),
            item.locator(".exercise-result__message").all_inner_texts()[0]
            if item.locator(".exercise-result__message").count()
            else "",
        )
        for item in items.all()
    ]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_wrong_first_then_right(reader, lang, tmp_path):
    page = reader(lang)
    _fresh(page)
    block = _block(page)
    checks = _checks(lang)
    exercise = _exercise()
    textarea = block.locator("textarea")
    starter = exercise.program("starter.py").read_text(encoding="utf-8")
    assert textarea.input_value() == starter, "the editor opens on the starter"

    verdicts = _check(page)
    assert [title for _, title, _ in verdicts] == [title for _, title in checks]
    assert any(mark == "✗" for mark, _, _ in verdicts), "the starter fails a check"
    for mark, _, message in verdicts:
        assert (mark == "✗") == bool(message), "a failed check says why, a passed one not"
    assert block.get_attribute("data-exercise-checked") == "failed"

    # A plausible mistake: only the check it is there for fails, with its message.
    name, title = checks[0]
    wrong = exercise.wrong[name].read_text(encoding="utf-8")
    verdicts = _check(page, wrong)
    failed = [(t, message) for mark, t, message in verdicts if mark == "✗"]
    assert [t for t, _ in failed] == [title], verdicts
    expected = "应该" if lang == "zh" else "Expected"
    assert expected in failed[0][1], "the message is in the page's language"

    # Names between backticks in a message are shown as code, not as backticks.
    _check(page, exercise.wrong["no_blocking_sleep"].read_text(encoding="utf-8"))
    message = block.locator(".exercise-result--failed .exercise-result__message")
    assert message.locator("code").all_inner_texts() == ["await asyncio.sleep()"]
    assert "`" not in message.inner_text()

    verdicts = _check(page, exercise.program("solution.py").read_text(encoding="utf-8"))
    assert {mark for mark, _, _ in verdicts} == {"✓"}, verdicts
    assert TEXT[lang]["all"] in block.locator(".runner-status").inner_text()
    assert block.locator(".exercise-badge").is_visible()
    page.screenshot(path=str(tmp_path / f"solved-{lang}.png"), full_page=False)

    page.reload()
    block = _block(page)
    block.locator(".exercise-badge").wait_for(state="visible")
    assert TEXT[lang]["solved"] in block.locator(".exercise-badge").inner_text()
    assert EXERCISE in page.evaluate(f"JSON.parse(localStorage.getItem('{STORE}'))")

    page.goto(page.url.replace(PAGE, "progress/"))
    mark = page.locator(f'[data-exercise-progress="{EXERCISE}"]')
    assert mark.inner_text() == "✓"
    total = len(exercises.load_all())
    assert page.locator("[data-exercise-progress]").count() == total
    assert f"{total}" in page.locator(".exercise-tally").inner_text()
    page.goto(page.url.replace("progress/", PAGE))


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_hints_one_at_a_time_solution_behind_a_question_and_reset(reader, lang):
    page = reader(lang)
    page.reload()  # hints once shown stay shown
    block = _block(page)
    exercise = _exercise()
    hints = page.locator(f'details.exercise-hint[data-exercise-hint="{EXERCISE}"]')
    others = page.locator(f'details.exercise-hint:not([data-exercise-hint="{EXERCISE}"])')
    assert others.count() > 0, "the page has another exercise, with hints of its own"
    count = len(exercise.meta[lang]["hints"])
    assert hints.count() == count
    assert all(not h.is_visible() for h in hints.all()), "hints are hidden at first"
    hint = block.locator("button.runner-button--hint")
    for shown in range(1, count + 1):
        hint.click()
        visible = [h.is_visible() for h in hints.all()]
        assert visible == [True] * shown + [False] * (count - shown)
        assert hints.nth(shown - 1).get_attribute("open") is not None
    assert hint.get_attribute("aria-disabled") == "true"
    assert not any(h.is_visible() for h in others.all()), "the other exercise's stay hidden"

    textarea = block.locator("textarea")
    textarea.fill("# my attempt\n")
    page.once("dialog", lambda d: d.dismiss())
    block.locator("button.runner-button--solution").click()
    assert textarea.input_value() == "# my attempt\n", "dismissed: the code stays"
    page.once("dialog", lambda d: d.accept())
    block.locator("button.runner-button--solution").click()
    solution = exercise.program("solution.py").read_text(encoding="utf-8")
    assert textarea.input_value() == solution

    page.evaluate(f"localStorage.setItem('{STORE}', JSON.stringify({{'{EXERCISE}': 'x'}}))")
    block.locator("button.runner-button--reset").click()
    assert textarea.input_value() == exercise.program("starter.py").read_text(encoding="utf-8")
    assert page.evaluate(f"JSON.parse(localStorage.getItem('{STORE}'))") == {}
    assert not block.locator(".exercise-badge").is_visible()


def test_a_program_that_never_yields_is_stopped_and_reported(reader):
    page = reader("zh")
    _fresh(page)
    block = _block(page)
    spin = "async def main():\n    while True:\n        pass\n"
    verdicts = _check(page, spin)
    assert [(mark, TEXT["zh"]["quiet"] in title) for mark, title, _ in verdicts] == [("✗", True)]
    assert block.get_attribute("data-runner-state") == "stopped"
    page.wait_for_function("window.asyncdocsRunner.state === 'ready'", timeout=60_000)
    verdicts = _check(page, _exercise().program("solution.py").read_text(encoding="utf-8"))
    assert {mark for mark, _, _ in verdicts} == {"✓"}, "a new Python checks the next try"


def test_stop_during_a_check(reader):
    page = reader("en")
    _fresh(page)
    block = _block(page)
    block.locator("textarea").fill(
        "import asyncio\n\n\nasync def main():\n    await asyncio.sleep(60)\n"
    )
    runs = int(block.get_attribute("data-runner-runs") or 0)
    block.locator("button.runner-button--check").click()
    status = block.locator(".runner-status")
    page.wait_for_function(
        "el => el.textContent === 'Checking…'", arg=status.element_handle(), timeout=60_000
    )
    block.locator("button.runner-button--stop").click()
    page.wait_for_function(
        "([el, n]) => Number(el.dataset.runnerRuns || 0) > n",
        arg=[block.element_handle(), runs],
        timeout=10_000,
    )
    assert block.get_attribute("data-runner-state") == "stopped"
    assert status.inner_text() == "Check stopped."
    assert block.locator(".exercise-result").count() == 0, "no verdicts from a stopped Check"
    verdicts = _check(page, _exercise().program("solution.py").read_text(encoding="utf-8"))
    assert {mark for mark, _, _ in verdicts} == {"✓"}, "the next Check runs"


def test_solved_without_local_storage(browser, built_site):
    """Storage refused (a browser's privacy setting): the exercise still shows solved
    for as long as the tab lasts, and the page raises nothing."""
    _, base = built_site
    context = browser.new_context()
    context.add_init_script(
        "Object.defineProperty(window, 'localStorage', {get() {"
        " throw new DOMException('refused', 'SecurityError'); }});"
    )
    page = context.new_page()
    errors: list[str] = []
    # Material's own scripts fail without storage; the runner's must not.
    page.on("pageerror", lambda e: errors.append(e.stack or str(e)))
    try:
        page.goto(f"{base}en/{PAGE}")
        verdicts = _check(page, _exercise().program("solution.py").read_text(encoding="utf-8"))
        assert {mark for mark, _, _ in verdicts} == {"✓"}, verdicts
        assert _block(page).locator(".exercise-badge").is_visible()
        assert [e for e in errors if "/assets/runner/" in e] == [], errors
    finally:
        context.close()
