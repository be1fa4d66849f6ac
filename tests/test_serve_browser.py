"""`contentlint serve`'s page in a real headless Chromium: pick a channel, type a post, see a
counter, findings and a repeat appear, apply a fix, save, confirm an overwrite; screenshots at
desktop and phone width into tests/artifacts/.

Needs Debian's `chromium` and `chromium-driver` and `selenium`, as the HTML report's browser
test does (skipped without them unless CONTENTLINT_REQUIRE_BROWSER=1).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from serve_client import running
from test_html_browser import ARTIFACTS, browser  # noqa: F401  (the Chromium fixture)
from test_repetition import CONFIG, LINKEDIN, TWEET, make_repo, post

CONFIG_WITH_BRAND = CONFIG + "brand:\n  name: InkWell\n  terms:\n    prefer: {cheap: affordable}\n"
HOSTILE = 'Rainy day <img src=x onerror="window.__xss=1"> <script>window.__xss=2</script> the Monsoon ink holds 50 ml of blue that will not run.'


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("serve-page")
    make_repo(
        root,
        {
            "linkedin/glide.md": post("linkedin", LINKEDIN, "2026-12-01"),
            "x/monsoon.md": post("x", HOSTILE, "2026-12-01"),
        },
        CONFIG_WITH_BRAND,
    )
    return root


@pytest.fixture(scope="module")
def page(browser, repo: Path):  # noqa: F811
    with running(repo) as server:
        browser.set_window_size(1400, 1000)
        browser.get(server.guard.url)
        wait(browser, lambda d: css(d, '#channels input[value="x"]'))
        yield browser, server


def css(driver, selector: str) -> list:
    from selenium.webdriver.common.by import By

    return driver.find_elements(By.CSS_SELECTOR, selector)


def wait(driver, condition, timeout: float = 15):
    """Until `condition` holds; the page re-renders after every check, so an element found a
    moment ago may be gone: that is a "not yet", not a failure."""
    from selenium.common.exceptions import StaleElementReferenceException
    from selenium.webdriver.support.ui import WebDriverWait

    waiting = WebDriverWait(driver, timeout, 0.05, ignored_exceptions=(StaleElementReferenceException,))
    return waiting.until(condition)


def value(driver) -> str:
    return driver.execute_script("return document.getElementById('text').value")


def codes(driver) -> list[str]:
    return driver.execute_script("return [...document.querySelectorAll('li.finding')].map((li) => li.dataset.code)")


def type_at_end(driver, keys: str) -> None:
    from selenium.webdriver.common.keys import Keys

    box = driver.find_element("id", "text")
    box.click()
    box.send_keys(Keys.CONTROL, Keys.END)
    box.send_keys(keys)


def test_write_check_fix_and_save(page, repo: Path) -> None:
    driver, server = page
    assert driver.execute_script("return location.hash") == ""  # the key left the address bar
    css(driver, '#channels input[value="x"]')[0].click()
    wait(driver, lambda d: value(d) == "---\nchannel: x\n---\n")
    type_at_end(driver, "Our inkwell pens are cheap. " + TWEET)
    wait(driver, lambda d: "BR001" in codes(d) and "RP001" in codes(d))

    # the counter is `contentlint count`'s number for the body on X
    text = value(driver)
    (expected,) = server.api.workspace.counts(text, "posts/x/draft.md")[0].measures
    counter = wait(driver, lambda d: css(d, '.counter[data-channel="x"]'))[0]
    assert counter.text == f"X {expected.count}/280" and "over" not in counter.get_attribute("class")
    # highlighted in the text, with the why
    assert [m.text for m in css(driver, "#backdrop mark.s-error")] == ["inkwell"]
    finding = css(driver, 'li.finding[data-code="BR002"]')[0]
    finding.find_element("css selector", "button").click()
    assert "BR002 deprecated-term" in finding.find_element("css selector", "pre.why").text
    # the repeat side by side, shared words marked in both
    repeat = css(driver, 'section.repeat[data-code="RP001"]')[0]
    assert "posts/linkedin/glide.md · LinkedIn · 2026-12-01" in repeat.text
    marked = [m.text for m in repeat.find_elements("css selector", "mark")]
    assert len(marked) == 2 and all(m.startswith("We tested it with 240 students in Kolkata") for m in marked)

    # one click fixes the brand name: the text changes only there
    css(driver, 'li.finding[data-code="BR001"] button[data-fix]')[0].click()
    wait(driver, lambda d: "BR001" not in codes(d) and "BR002" in codes(d))
    assert value(driver) == text.replace("inkwell", "InkWell")

    # save: exactly the text shown, where the page suggested
    path = driver.find_element("id", "path").get_attribute("value")
    assert re.fullmatch(r"posts/x/\d{4}-\d{2}-\d{2}-our-inkwell-pens-are-cheap-we\.md", path), path
    driver.find_element("id", "save").click()
    wait(driver, lambda d: d.find_element("id", "saved").text.startswith(f"Saved {path}"))
    assert (repo / path).read_bytes() == value(driver).encode("utf-8")
    wait(driver, lambda d: "RP001" in codes(d) and css(d, "section.repeat"))
    screenshots(driver)

    # saving again asks first; the overwrite writes the new text
    type_at_end(driver, " Refills last all term." + " More." * 40)
    wait(driver, lambda d: "over" in css(d, '.counter[data-channel="x"]')[0].get_attribute("class"))
    driver.find_element("id", "save").click()
    overwrite = wait(driver, lambda d: [b for b in css(d, "#overwrite") if b.is_displayed()])[0]
    assert "already exists" in driver.find_element("id", "saved").text
    assert "Refills" not in (repo / path).read_text(encoding="utf-8")
    overwrite.click()
    wait(driver, lambda d: d.find_element("id", "saved").text.startswith(f"Saved {path}"))
    assert (repo / path).read_bytes() == value(driver).encode("utf-8")
    # no script error and nothing the Content-Security-Policy had to block (the 409 is expected)
    logged = [entry["message"] for entry in driver.get_log("browser")]
    assert not [m for m in logged if "Uncaught" in m or "Content Security Policy" in m or "Refused" in m], logged


def screenshots(driver) -> None:
    """The page after the flow above: findings, counters, the repeat; at 1400 and 390 pixels."""
    ARTIFACTS.mkdir(exist_ok=True)
    for name, width in (("serve-desktop.png", 1400), ("serve-phone.png", 390)):
        driver.set_window_size(width, 1000)
        height, chrome = driver.execute_script(
            "return [document.documentElement.scrollHeight, window.outerHeight - window.innerHeight]"
        )
        driver.set_window_size(width, min(max(height, 800), 5000) + chrome)
        driver.execute_script("window.scrollTo(0, 0)")
        target = ARTIFACTS / name
        assert driver.save_screenshot(str(target))
        assert target.stat().st_size > 10_000
    width = driver.execute_script("return document.documentElement.scrollWidth")
    assert width <= 390, "the page scrolls sideways at phone width"
    driver.set_window_size(1400, 1000)


def test_text_from_posts_is_shown_as_text_never_run(page) -> None:
    driver, _ = page
    driver.find_element("id", "new").click()
    driver.switch_to.alert.accept() if _alert(driver) else None
    wait(driver, lambda d: value(d) == "")
    type_at_end(driver, "---\nchannel: instagram\naudience: students\n---\n" + HOSTILE + " #BackToSchool")
    repeat = wait(driver, lambda d: css(d, 'section.repeat[data-code="RP001"]'))[0]
    assert "<img src=x" in repeat.text and "<script>" in repeat.text
    assert driver.execute_script("return window.__xss === undefined")
    assert not css(driver, "#review img, #backdrop img, #review script, #backdrop script")


def _alert(driver) -> bool:
    try:
        driver.switch_to.alert  # noqa: B018
    except Exception:
        return False
    return True


def test_open_a_post_of_the_repo(page) -> None:
    driver, _ = page
    driver.execute_script("document.getElementById('text').value = ''")
    box = driver.find_element("id", "open")
    box.click()
    box.send_keys("posts/linkedin/glide.md")
    box.send_keys("\n")
    if _alert(driver):
        driver.switch_to.alert.accept()
    wait(driver, lambda d: value(d) == post("linkedin", LINKEDIN, "2026-12-01"))
    assert driver.find_element("id", "path").get_attribute("value") == "posts/linkedin/glide.md"
    wait(driver, lambda d: css(d, '.counter[data-channel="linkedin"]'))
    assert [c.text for c in css(driver, ".counter")] == [f"LinkedIn {len(LINKEDIN)}/3000", "LinkedIn fold at 210"]


def test_without_the_key_the_page_says_how_to_get_it(page) -> None:
    driver, server = page
    driver.execute_script("sessionStorage.clear()")
    driver.get(server.guard.url.split("#")[0])
    banner = wait(driver, lambda d: [b for b in css(d, "#banner") if b.is_displayed()])[0]
    assert "open the full address it printed" in banner.text
    driver.get("about:blank")  # the same address with a new #fragment would not load the page again
    driver.get(server.guard.url)
    wait(driver, lambda d: css(d, '#channels input[value="x"]'))
