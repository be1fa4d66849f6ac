"""`contentlint serve`'s JSON API over real HTTP (the standard library's client): checks, counts,
repeats side by side, fixes, front matter, open and save, and every refusal the issue lists."""

from __future__ import annotations

import json
import os
import re
import time
from pathlib import Path

import pytest
from serve_client import Client, running
from test_repetition import CONFIG, LINKEDIN, TWEET, make_repo, post

from contentlint.model.violation import Violation
from contentlint.run import RunOptions
from contentlint.serve.handler import Server
from contentlint.text.counting import measure
from contentlint.workspace import Workspace

BRAND_CONFIG = CONFIG + "brand:\n  name: InkWell\n  terms:\n    prefer: {cheap: affordable}\n"
A5_KEYS = set(Violation("p", 1, 1, 1, 1, "C", "n", "error", "m", start=0, end=1).to_dict())


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    root = tmp_path / "repo"
    root.mkdir()
    make_repo(root, {"linkedin/glide.md": post("linkedin", LINKEDIN, "2026-12-01")}, BRAND_CONFIG)
    (root / "README.md").write_text("# the repo\n", encoding="utf-8")
    return root


@pytest.fixture
def client(repo: Path):
    with running(repo) as server:
        yield Client(server)


def files_under(folder: Path) -> dict[str, bytes]:
    return {
        str(path.relative_to(folder)): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file() and not path.is_symlink() and ".contentlint_cache" not in path.parts
    }


# --- the page ---------------------------------------------------------------------------------


def test_the_page_loads_nothing_from_elsewhere_and_runs_no_inline_script(client: Client) -> None:
    status, html, headers = client.raw("GET", "/")
    assert status == 200 and headers["Content-Type"] == "text/html; charset=utf-8"
    csp = headers["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "default-src 'none'" in csp and "unsafe-inline" not in csp
    page = html.decode("utf-8")
    assert not re.search(r"<script(?![^>]*\bsrc=)", page), "inline script"
    assert not re.search(r"\son\w+\s*=", page), "inline event handler"
    assets = (("/app.js", "text/javascript"), ("/render.js", "text/javascript"), ("/app.css", "text/css"))
    for asset, kind in (*assets, ("/favicon.svg", "image/svg+xml")):
        status, data, headers = client.raw("GET", asset)
        assert status == 200 and headers["Content-Type"].startswith(kind)
        text = data.decode("utf-8")
        assert "innerHTML" not in text and "outerHTML" not in text and "insertAdjacentHTML" not in text
        assert not re.search(r"https?://(?!www\.w3\.org/2000/svg)", text), f"{asset} names another site"
    assert not re.search(r"https?://", page)


# --- checking ---------------------------------------------------------------------------------


def test_a_check_returns_the_violations_of_check_json_and_the_counts_of_count(client: Client, repo: Path) -> None:
    text = post("x", "Our inkwell pens are cheap. " + TWEET, "2026-12-02")
    status, answer = client.check(text, "posts/x/launch.md")
    assert status == 200, answer
    # the same file checked by a run, as `contentlint check --format json` would print it
    (repo / "posts" / "x").mkdir()
    (repo / "posts" / "x" / "launch.md").write_text(text, encoding="utf-8")
    workspace = Workspace(root=repo, options=RunOptions(use_cache=False))
    report = workspace.check_paths([str(repo / "posts/x/launch.md")])
    assert answer["violations"] == report.to_dict()["violations"]
    assert {"BR001", "BR002", "RP001"} <= {v["code"] for v in answer["violations"]}
    assert all(set(v) == A5_KEYS for v in answer["violations"])
    body = text.split("---\n", 2)[2].strip()
    expected = measure(body, workspace.engine.profiles["x"])[0]
    assert answer["counts"]["x"]["own"] is True
    assert answer["counts"]["x"]["measures"] == [
        {
            "field": "body",
            "count": expected.count,
            "limit": 280,
            "unit": "weighted",
            "unit_label": "weighted characters",
            "over": False,
        }
    ]
    assert answer["rules"]["BR001"]["why"].startswith("BR001 brand-name-casing")
    assert answer["post"]["channels"] == ["x"] and answer["post"]["publish_at"] == "2026-12-02"


def test_offsets_for_the_page_count_utf16_units_after_emoji(client: Client) -> None:
    text = post("x", "😀😀 Our inkwell pens 🖊️ are cheap.", "2026-12-02")
    status, answer = client.check(text, "posts/x/emoji.md")
    assert status == 200
    utf16 = text.encode("utf-16-le")
    for violation, offsets in zip(answer["violations"], answer["offsets"], strict=True):
        if violation["code"] in ("BR001", "BR002"):
            shown = utf16[offsets["start"] * 2 : offsets["end"] * 2].decode("utf-16-le")
            assert shown == {"BR001": "inkwell", "BR002": "cheap"}[violation["code"]]
            assert utf16[offsets["fix_start"] * 2 : offsets["fix_end"] * 2].decode("utf-16-le") == shown
            # the violation itself keeps code points, as `check --format json`
            assert text[violation["fix"]["start"] : violation["fix"]["end"]] == shown


def test_a_repeat_comes_with_the_other_post_and_the_shared_passages_marked(client: Client) -> None:
    status, answer = client.check(post("x", TWEET, "2026-12-02"), "posts/x/tweet.md")
    assert status == 200
    (repeat,) = answer["repeats"]
    violation = answer["violations"][repeat["index"]]
    assert violation["code"] == repeat["code"] == "RP001"
    assert violation["related"][0]["path"] == "posts/linkedin/glide.md"
    other, draft = repeat["other"], repeat["draft"]
    assert (other["path"], other["channels"], other["date"]) == ("posts/linkedin/glide.md", ["linkedin"], "2026-12-01")
    assert (draft["channels"], draft["date"]) == (["x"], "2026-12-02")
    assert other["body"] == LINKEDIN + "\n"
    shared = "We tested it with 240 students in Kolkata and nothing bled through the page"
    assert [other["body"][a:b] for a, b in other["marks"]] == [shared]
    assert [draft["body"][a:b] for a, b in draft["marks"]] == [shared]  # the hashtag and the link are not marked


def test_without_a_path_the_draft_is_checked_where_it_would_be_saved(client: Client) -> None:
    status, answer = client.check("---\nchannel: x\npublish_at: 2026-12-02\ntitle: Exam season is here\n---\nHello.\n")
    assert status == 200
    assert answer["suggested_path"] == answer["path"] == "posts/x/2026-12-02-exam-season-is-here.md"
    assert {v["path"] for v in answer["violations"]} <= {answer["path"]}


def test_bad_text_gets_a_clear_error_and_the_server_keeps_serving(client: Client) -> None:
    big = "---\nchannel: x\n---\n" + "a" * (1024 * 1024)
    cases = [
        ({"text": big}, 413, "contentlint checks posts of up to 1,048,576 bytes"),
        ({"text": "a\x00b"}, 400, "NUL"),
        ({"text": 42}, 400, "'text' must be the post's text"),
        ({"text": "ok", "path": "../x.md"}, 400, "contains '..'"),
    ]
    for payload, status, message in cases:
        got, answer = client.call("POST", "/api/check", payload)
        assert (got, message in answer["error"]) == (status, True), answer
    # a lone surrogate (valid JSON, not valid Unicode)
    status, data, _ = client.raw(
        "POST",
        "/api/check",
        b'{"text": "a\\ud800b"}',
        {"Authorization": f"Bearer {client.key}", "Content-Type": "application/json"},
    )
    assert status == 400 and "unpaired surrogate" in json.loads(data)["error"]
    # broken front matter is a finding, not an error
    status, answer = client.check("---\nchannel: [x\n---\nHello there.\n", "posts/x/broken.md")
    assert status == 200 and "FM001" in {v["code"] for v in answer["violations"]}
    assert answer["post"]["front_matter_error"]
    assert client.call("GET", "/api/info")[0] == 200


def test_bad_requests_are_refused_with_a_reason(client: Client) -> None:
    key = {"Authorization": f"Bearer {client.key}"}
    json_type = {**key, "Content-Type": "application/json"}
    cases = [
        (("POST", "/api/check", b'{"text": "\xff\xfe"}', json_type), 400, "not valid UTF-8 (byte 10)"),
        (("POST", "/api/check", b'{"text": ', json_type), 400, "not valid JSON"),
        (("POST", "/api/check", b'["text"]', json_type), 400, "must be a JSON object"),
        (("POST", "/api/check", b'{"text": "x"}', {**key, "Content-Type": "text/plain"}), 415, "send JSON"),
        (("POST", "/api/check", None, json_type), 411, "Content-Length"),
        (("POST", "/api/check", None, {**json_type, "Content-Length": str(10**9)}), 413, "the limit is"),
        (("POST", "/api/check", b"0\r\n\r\n", {**json_type, "Transfer-Encoding": "chunked"}), 411, "chunked"),
        (("GET", "/api/check", None, key), 405, "POST only"),
        (("POST", "/", b"{}", json_type), 405, "GET, HEAD only"),
        (("GET", "/etc/passwd", None, key), 404, "nothing here"),
        (("GET", "/api/nothing", None, key), 404, "nothing here"),
    ]
    for (method, path, body, headers), status, message in cases:
        got, data, _ = client.raw(method, path, body, headers)
        assert got == status, (path, headers, data)
        assert message in json.loads(data)["error"], data
    assert client.call("GET", "/api/info")[0] == 200


def test_a_failing_check_costs_one_request_not_the_server(repo: Path) -> None:
    with running(repo) as server:
        local = Client(server)

        def broken(request: object) -> None:
            raise RuntimeError("a bug")

        server.api.check = broken  # type: ignore[method-assign]
        status, answer = local.check("Hello.")
        assert status == 500 and "RuntimeError('a bug')" in answer["error"]
        assert local.call("GET", "/api/info")[0] == 200


def test_an_edited_config_is_read_at_the_next_check_and_a_broken_one_keeps_the_last(client: Client, repo: Path) -> None:
    text = post("x", "Our inkwell pens dry fast and stay clean all term long.", "2026-12-02")
    assert "BR001" in {v["code"] for v in client.check(text, "posts/x/a.md")[1]["violations"]}
    config = repo / ".contentlint.yaml"
    config.write_text(CONFIG, encoding="utf-8")  # no brand any more
    os.utime(config, ns=(1, 1))
    status, answer = client.check(text, "posts/x/a.md")
    assert status == 200 and "BR001" not in {v["code"] for v in answer["violations"]}
    config.write_text(BRAND_CONFIG + "rules: {no-such-rule: off}\n", encoding="utf-8")
    status, answer = client.check(text, "posts/x/a.md")
    assert status == 200 and "BR001" not in {v["code"] for v in answer["violations"]}
    assert "the last good one is in use" in answer["config_problem"] and "no-such-rule" in answer["config_problem"]


# --- fixing and the form ----------------------------------------------------------------------


def test_fix_applies_every_safe_fix_and_writes_nothing(client: Client, repo: Path) -> None:
    before = files_under(repo)
    text = post("x", "Our inkwell pens are cheap.", "2026-12-02")
    status, answer = client.call("POST", "/api/fix", {"text": text, "path": "posts/x/a.md"})
    assert status == 200
    assert answer == {"text": text.replace("inkwell", "InkWell").replace("cheap", "affordable"), "applied": 2}
    assert files_under(repo) == before


def test_front_matter_fields_rewrite_only_their_own_lines(client: Client) -> None:
    text = "---\nchannel: x   # first\ncampaign: exams\n---\nHello.\n"
    status, answer = client.call(
        "POST", "/api/front-matter", {"text": text, "set": {"channels": ["x", "linkedin"], "title": "Exams"}}
    )
    assert status == 200
    assert answer["text"] == "---\nchannels: [x, linkedin]\ncampaign: exams\ntitle: Exams\n---\nHello.\n"
    status, answer = client.call(
        "POST", "/api/front-matter", {"text": "---\nchannel: [x\n---\n", "set": {"title": "A"}}
    )
    assert status == 400 and "fix the front matter in the text first (line 3 of the post)" in answer["error"]


# --- open and save ----------------------------------------------------------------------------


def test_open_lists_and_reads_posts_of_the_repo_only(client: Client) -> None:
    status, answer = client.call("GET", "/api/posts?q=GLIDE")
    assert (status, answer) == (200, {"posts": ["posts/linkedin/glide.md"], "total": 1})
    status, answer = client.call("GET", "/api/post?path=posts/linkedin/glide.md")
    assert status == 200 and answer["text"] == post("linkedin", LINKEDIN, "2026-12-01")
    assert client.call("GET", "/api/post?path=README.md")[0] == 400
    assert client.call("GET", "/api/post?path=posts/x/none.md")[0] == 404


def test_save_writes_the_text_byte_for_byte_and_never_overwrites_unasked(client: Client, repo: Path) -> None:
    text = post("x", "Rainy day? The Monsoon ink 🌧️ holds 50 ml of blue.\r\nআমাদের নতুন কালি।", "2026-12-02")
    status, answer = client.save("posts/x/2026-12-02-rainy.md", text)
    assert (status, answer) == (
        200,
        {"path": "posts/x/2026-12-02-rainy.md", "created": True, "bytes": len(text.encode())},
    )
    target = repo / "posts" / "x" / "2026-12-02-rainy.md"
    assert target.read_bytes() == text.encode("utf-8")
    status, answer = client.save("posts/x/2026-12-02-rainy.md", "something else")
    assert status == 409 and "already exists" in answer["error"]
    assert target.read_bytes() == text.encode("utf-8")
    status, answer = client.save("posts/x/2026-12-02-rainy.md", "---\nchannel: x\n---\nNew text.\n", overwrite=True)
    assert (status, answer["created"]) == (200, False)
    assert target.read_text(encoding="utf-8") == "---\nchannel: x\n---\nNew text.\n"
    assert not [p for p in target.parent.iterdir() if p.name.endswith(".contentlint-tmp")]


def test_a_saved_draft_is_part_of_the_repo_at_the_next_check(client: Client) -> None:
    assert client.save("posts/x/tweet.md", post("x", TWEET, "2026-12-02"))[0] == 200
    status, answer = client.check(post("instagram", TWEET, "2026-12-03", audience="students"), "posts/instagram/b.md")
    assert status == 200
    related = {v["related"][0]["path"] for v in answer["violations"] if v["code"] == "RP001"}
    assert "posts/x/tweet.md" in related


@pytest.mark.parametrize(
    ("path", "reason"),
    [
        ("../outside.md", "contains '..'"),
        ("posts/../../outside.md", "contains '..'"),
        ("/tmp/outside.md", "is an absolute path"),
        ("C:/posts/x.md", "is an absolute path"),
        ("posts\\x\\a.md", "use / between folders"),
        ("README.md", "outside the config's content folders"),
        ("posts/x/notes.txt", "outside the config's content folders"),
        ("posts/.git/x.md", "hidden file or folder"),
        (".contentlint.yaml", "hidden file or folder"),
        ("posts/x/picture.png", "is not a post"),
        ("", "non-empty string"),
        (7, "non-empty string"),
        ("posts/x/a\x00.md", "control character"),
        ("posts/out/x.md", "leads out of the repo through a symbolic link"),
        ("posts/x/link.md", "leads out of the repo through a symbolic link"),
        ("posts/x/readme.md", "outside the config's content folders"),
        ("posts/x/folder.md", "exists and is not a regular file"),
    ],
)
def test_save_refuses_paths_outside_the_posts_and_writes_nothing(
    client: Client, repo: Path, tmp_path: Path, path: object, reason: str
) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "x.md").write_text("outside\n", encoding="utf-8")
    (repo / "posts" / "x").mkdir()
    (repo / "posts" / "out").symlink_to(outside, target_is_directory=True)
    (repo / "posts" / "x" / "link.md").symlink_to(outside / "x.md")
    (repo / "posts" / "x" / "readme.md").symlink_to(repo / "README.md")
    (repo / "posts" / "x" / "folder.md").mkdir()
    before, before_outside = files_under(repo), files_under(outside)
    for overwrite in (False, True):
        status, answer = client.save(path, "---\nchannel: x\n---\nPwned.\n", overwrite)  # type: ignore[arg-type]
        assert status == 400, answer
        assert reason in answer["error"]
    assert files_under(repo) == before
    assert files_under(outside) == before_outside
    assert not (tmp_path / "outside.md").exists()


# --- who may ask ------------------------------------------------------------------------------


def test_only_the_bound_host_name_is_answered(client: Client) -> None:
    for host in ("evil.example", f"evil.example:{client.port}", "127.0.0.1", f"127.0.0.1:{client.port + 1}"):
        status, data, _ = client.raw("GET", "/", None, {"Host": host})
        assert status == 421, host
        assert "answers to http://127.0.0.1:" in json.loads(data)["error"]
    status, _, _ = client.raw("GET", "/", None, {"X-No-Host": "1"})
    assert status == 421
    for host in (f"127.0.0.1:{client.port}", f"localhost:{client.port}", f"LOCALHOST:{client.port}"):
        assert client.raw("GET", "/", None, {"Host": host})[0] == 200


def test_a_foreign_origin_can_neither_read_nor_write(client: Client, repo: Path) -> None:
    for origin in (
        "http://evil.example",
        "null",
        f"http://127.0.0.1:{client.port + 1}",
        f"https://127.0.0.1:{client.port}",
    ):
        status, answer = client.call("GET", "/api/info", headers={"Origin": origin})
        assert status == 403 and "refused" in answer["error"]
        status, answer = client.call(
            "POST", "/api/save", {"path": "posts/x/evil.md", "text": "pwned"}, headers={"Origin": origin}
        )
        assert status == 403
    assert not (repo / "posts" / "x" / "evil.md").exists()
    status, _ = client.call("GET", "/api/info", headers={"Origin": client.origin})
    assert status == 200


def test_the_api_needs_the_key_and_a_same_origin_fetch(client: Client, repo: Path) -> None:
    assert client.call("GET", "/api/info", key=False)[0] == 401
    status, answer = client.call("GET", "/api/info", key=False, headers={"Authorization": "Bearer wrong"})
    assert status == 401 and "missing or wrong key" in answer["error"]
    assert client.call("GET", "/api/info", key=False, headers={"Authorization": f"Basic {client.key}"})[0] == 401
    status, _ = client.call("POST", "/api/save", {"path": "posts/x/a.md", "text": "a"}, key=False)
    assert status == 401 and not (repo / "posts" / "x" / "a.md").exists()
    for site in ("cross-site", "same-site"):
        assert client.call("GET", "/api/info", headers={"Sec-Fetch-Site": site})[0] == 403
    assert client.call("GET", "/api/info", headers={"Sec-Fetch-Site": "same-origin"})[0] == 200
    assert client.raw("GET", "/app.js")[0] == 200  # the page's own files hold no secret


def scan_after_now(server: Server) -> None:
    """Run one scan that starts after this moment (a check may have started one a moment ago,
    which could have listed the posts before the test changed them)."""
    for _ in range(600):
        scan = server.api.rescan.maybe_start()
        if scan is not None:
            scan.join(30)
            return
        time.sleep(0.05)
    raise AssertionError("no scan could start in 30 s")


def test_posts_changed_behind_the_page_reach_the_index(repo: Path) -> None:
    """A `git pull` brings a post the draft repeats, then takes it away again."""
    with running(repo) as server:
        local = Client(server)
        server.api.rescan.interval = 0
        draft = post("x", TWEET, "2026-12-03")

        def repeated() -> set[str]:
            status, answer = local.check(draft, "posts/x/draft.md")
            assert status == 200
            return {v["related"][0]["path"] for v in answer["violations"] if v["code"] == "RP002"}

        assert repeated() == set()
        pulled = repo / "posts" / "x" / "pulled.md"
        pulled.parent.mkdir(exist_ok=True)
        pulled.write_text(post("x", TWEET, "2026-12-02"), encoding="utf-8")
        scan_after_now(server)
        assert repeated() == {"posts/x/pulled.md"}
        pulled.unlink()
        scan_after_now(server)
        assert repeated() == set()
        # a check starts the scan itself, and never waits for it
        pulled.write_text(post("x", TWEET, "2026-12-02"), encoding="utf-8")
        for _ in range(100):
            if repeated():
                break
            time.sleep(0.05)
        assert repeated() == {"posts/x/pulled.md"}
