"""The built site in real Chromium: nothing from other hosts, language switch, diagrams."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

pytestmark = pytest.mark.chromium


@pytest.fixture
def page(browser, built_site):
    _, base = built_site
    context = browser.new_context()
    page = context.new_page()
    page.requests_seen = []
    page.errors = []
    page.on("request", lambda r: page.requests_seen.append(r.url))
    page.on("pageerror", lambda e: page.errors.append(str(e)))
    yield page
    context.close()


def test_pages_load_only_from_the_site(page, built_site):
    _, base = built_site
    own = urlsplit(base).netloc
    for path in ("", "en/", "en/tutorial/async-await/", "zh/tutorial/async-await/", "zh/"):
        page.goto(base + path)
        page.wait_for_load_state("networkidle")
    foreign = [u for u in page.requests_seen if urlsplit(u).netloc not in (own, "")]
    assert foreign == []
    assert any(u.endswith("/assets/vendor/mermaid.min.js") for u in page.requests_seen)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_mermaid_diagram_is_rendered(page, built_site, lang):
    _, base = built_site
    page.goto(base + f"{lang}/tutorial/async-await/")
    page.wait_for_load_state("networkidle")
    assert page.errors == []
    page.wait_for_selector("div.mermaid", timeout=15_000)
    assert page.locator("pre.mermaid").count() == 0


@pytest.mark.parametrize(
    ("start", "target", "expected"),
    [
        ("en/tutorial/async-await/", "zh", "zh/tutorial/async-await/"),
        ("zh/preface/", "en", "en/preface/"),
    ],
)
def test_language_switch_keeps_the_page(page, built_site, start, target, expected):
    _, base = built_site
    page.goto(base + start)
    page.wait_for_load_state("networkidle")  # the switcher reads the other sitemap first
    page.locator(f"a.md-select__link[hreflang={target}]").dispatch_event("click")
    page.wait_for_url(base + expected, timeout=10_000)
    assert page.locator("html").get_attribute("lang").startswith(target)


def test_root_sends_chinese_browsers_to_chinese(browser, built_site):
    _, base = built_site
    context = browser.new_context(locale="zh-CN")
    page = context.new_page()
    page.goto(base)
    page.wait_for_url(base + "zh/")
    context.close()
