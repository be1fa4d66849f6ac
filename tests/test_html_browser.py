"""The HTML report in a real headless Chromium: highlights, details, filters, screenshot.

Needs Debian's `chromium` and `chromium-driver` and the `selenium` package. Without them the
test skips, unless CONTENTLINT_REQUIRE_BROWSER=1 (CI), where a missing browser is a failure.
The driver is always /usr/bin/chromedriver, so Selenium never tries to download one.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from test_format_html import SAMPLE_RULES, sample_report

from contentlint.formatters import html as html_format

CHROMEDRIVER = "/usr/bin/chromedriver"
ARTIFACTS = Path(__file__).parent / "artifacts"
FLAGS = (
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--window-size=1400,1000",
)


def _chromium() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    return None


def _unavailable(reason: str) -> None:
    if os.environ.get("CONTENTLINT_REQUIRE_BROWSER") == "1":
        pytest.fail(f"CONTENTLINT_REQUIRE_BROWSER=1 but {reason}")
    pytest.skip(reason)


@pytest.fixture(scope="module")
def browser():
    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
    except ImportError:
        _unavailable("selenium is not installed")
    binary = _chromium()
    if binary is None or not os.access(CHROMEDRIVER, os.X_OK):
        _unavailable("chromium or /usr/bin/chromedriver is not installed")
    profile = tempfile.mkdtemp(prefix="contentlint-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = binary
    for flag in FLAGS + (f"--user-data-dir={profile}",):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=options)
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


@pytest.fixture(scope="module")
def page(browser, tmp_path_factory):
    report = sample_report()
    target = tmp_path_factory.mktemp("html") / "report.html"
    target.write_text(html_format.render(report, SAMPLE_RULES), encoding="utf-8")
    browser.get(target.as_uri())
    return browser, report


def _by_css(driver, selector):
    from selenium.webdriver.common.by import By

    return driver.find_elements(By.CSS_SELECTOR, selector)


def _click(driver, element) -> None:
    """Scroll to the middle first: the sticky filter panel moves under Selenium's own scrolling."""
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", element)
    element.click()


def _shown(elements):
    return [e for e in elements if e.is_displayed()]


def test_no_script_errors_and_no_injected_markup(page):
    driver, _ = page
    assert driver.execute_script("return window.__xss === undefined && !document.querySelector('img')")
    status = driver.find_element("id", "status").text
    assert status.startswith("Showing 16 of 16 findings in 4 posts")


def test_every_violation_has_a_visible_highlight(page):
    driver, report = page
    for number, v in enumerate(report.violations, 1):
        marks = _shown(_by_css(driver, f'mark.hl[data-ids~="v{number}"]'))
        assert marks, v
        assert v.code in marks[0].get_attribute("data-code").split()


def test_hover_title_and_click_show_the_explanation(page):
    driver, report = page
    number = next(n for n, v in enumerate(report.violations, 1) if v.code == "HT003")
    mark = _by_css(driver, f'mark.hl[data-ids~="v{number}"]')[0]
    assert "HT003 banned-hashtag" in mark.get_attribute("title")
    _click(driver, mark)
    details = driver.find_element("id", "details-body").text
    assert "HT003" in details and "is on the banned list" in details
    assert "Some tags get posts hidden or look spammy." in details
    assert "sel" in mark.get_attribute("class")
    assert "sel" in driver.find_element("id", f"v{number}").get_attribute("class")


def test_clicking_a_finding_selects_its_highlight_and_shows_the_fix(page):
    driver, report = page
    number = next(n for n, v in enumerate(report.violations, 1) if v.code == "BR002")
    _click(driver, driver.find_element("id", f"v{number}"))
    details = driver.find_element("id", "details-body").text
    assert "replace \u201ccheap\u201d with \u201caffordable\u201d" in details
    assert _by_css(driver, f'mark.hl.sel[data-ids~="v{number}"]')


def test_severity_filter_hides_findings_marks_and_empty_posts(page):
    driver, report = page
    box = _by_css(driver, 'input[data-filter="severity"][value="suggestion"]')[0]
    _click(driver, box)
    try:
        visible = {li.get_attribute("data-code") for li in _shown(_by_css(driver, "li.finding"))}
        assert visible == {v.code for v in report.violations if v.severity != "suggestion"}
        only_suggestions = [n for n, v in enumerate(report.violations, 1) if v.code in ("CL004", "BV003", "HT004")]
        for number in only_suggestions:
            for mark in _by_css(driver, f'mark.hl[data-ids~="v{number}"]'):
                ids = mark.get_attribute("data-ids").split()
                if len(ids) == 1:
                    assert "off" in mark.get_attribute("class")
        # "really" is covered by CL004 (hidden) and CL002 (shown): still highlighted, as a warning
        really = next(m for m in _by_css(driver, "mark.hl") if m.text == "really")
        assert "off" not in really.get_attribute("class")
        assert "s-warning" in really.get_attribute("class")
    finally:
        _click(driver, box)
    assert len(_shown(_by_css(driver, "li.finding"))) == len(report.violations)


def test_rule_filter_only_and_all(page):
    driver, report = page
    _click(driver, _by_css(driver, 'button[data-action="only"][value="RP001"]')[0])
    try:
        shown = _shown(_by_css(driver, "li.finding"))
        assert [li.get_attribute("data-code") for li in shown] == ["RP001"]
        posts = [p.get_attribute("data-path") for p in _shown(_by_css(driver, "article.post"))]
        assert posts == ["posts/x/exam-tips.md"]
        status = driver.find_element("id", "status").text
        assert status == "Showing 1 of 16 findings in 1 post; 4 posts without matching findings hidden."
        _click(driver, driver.find_element("id", "show-clean"))
        assert len(_shown(_by_css(driver, "article.post"))) == len(report.posts)
        _click(driver, driver.find_element("id", "show-clean"))
    finally:
        _click(driver, _by_css(driver, 'button[data-action="all"]')[0])
    assert len(_shown(_by_css(driver, "li.finding"))) == len(report.violations)
    _click(driver, _by_css(driver, 'button[data-action="none"]')[0])
    assert not _shown(_by_css(driver, "li.finding"))
    assert not _shown(_by_css(driver, "article.post"))
    _click(driver, _by_css(driver, 'button[data-action="all"]')[0])


def test_screenshot(page):
    driver, report = page
    number = next(n for n, v in enumerate(report.violations, 1) if v.code == "BR001")
    driver.execute_script("window.scrollTo(0, 0)")
    _click(driver, _by_css(driver, f'mark.hl[data-ids~="v{number}"]')[0])
    height = driver.execute_script("return document.documentElement.scrollHeight")
    driver.set_window_size(1400, min(max(height, 1000), 6000))
    driver.execute_script("window.scrollTo(0, 0)")
    ARTIFACTS.mkdir(exist_ok=True)
    target = ARTIFACTS / "report.png"
    assert driver.save_screenshot(str(target))
    assert target.stat().st_size > 10_000
