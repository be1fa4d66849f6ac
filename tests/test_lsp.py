"""`contentlint lsp` end to end: a server process driven over stdio as an editor drives it (open,
change, code actions, hover, files changing on disk, a broken config, bad input, shutdown)."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from lsp_client import CAPABILITIES, LspClient
from test_repetition import LINKEDIN, TWEET

CONFIG = """\
brand: {name: InkWell}
content: ["posts/**/*.md"]
hashtags: {banned: ["#followforfollow"]}
"""
EMOJI_POST = "---\nchannel: x\npublish_at: 2026-12-03\n---\nNew 😀😀 Inkwell pens dry in a second!!!\n"
BENGALI_POST = "---\nchannel: facebook\nlang: bn\npublish_at: 2026-12-04\n---\nআমাদের নতুন Inkwell কলম এসেছে।\n"
EARLIER = "---\nchannel: x\npublish_at: 2026-12-01\n---\nOur Glide gel pen dries the moment you lift it, so your notes stay clean all term.\n"
CALENDAR = 'Text,Channel,Date\n"Meet the new Inkwell pens, out today",x,2026-12-05\n'
_BREAK = re.compile(r"\r\n|\r|\n")


def post(channel: str, body: str, date: str) -> str:
    return f"---\nchannel: {channel}\npublish_at: {date}\n---\n{body}\n"


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    root = tmp_path / "repo"
    for name, text in {
        ".contentlint.yaml": CONFIG,
        "posts/x/emoji.md": EMOJI_POST,
        "posts/facebook/bn.md": BENGALI_POST,
        "posts/x/earlier.md": EARLIER,
        "calendar.csv": CALENDAR,
        "README.md": "Inkwell notes for the team.\n",
    }.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text.encode("utf-8"))
    return root


@pytest.fixture
def server(repo: Path) -> Iterator[LspClient]:
    client = LspClient(repo)
    yield client
    client.close()


# ------------------------------------------------------------------ an editor's view of the text


def offset(text: str, position: dict[str, int]) -> int:
    """A UTF-16 LSP position as a code-point offset (written independently of contentlint.lsp)."""
    starts = [0, *(m.end() for m in _BREAK.finditer(text))]
    if position["line"] >= len(starts):
        return len(text)
    start = starts[position["line"]]
    end = starts[position["line"] + 1] if position["line"] + 1 < len(starts) else len(text)
    line = text[start:end].rstrip("\r\n")
    units = 0
    for index, char in enumerate(line):
        if units >= position["character"]:
            return start + index
        units += len(char.encode("utf-16-le")) // 2
    return start + len(line)


def apply(text: str, edits: list[dict[str, Any]]) -> str:
    for edit in sorted(edits, key=lambda e: offset(text, e["range"]["start"]), reverse=True):
        start, end = offset(text, edit["range"]["start"]), offset(text, edit["range"]["end"])
        text = text[:start] + edit["newText"] + text[end:]
    return text


def edits_of(action: dict[str, Any], uri: str, version: int) -> list[dict[str, Any]]:
    [change] = action["edit"]["documentChanges"]
    assert change["textDocument"] == {"uri": uri, "version": version}
    return change["edits"]


def spans(diagnostics: list[dict[str, Any]], code: str) -> list[dict[str, Any]]:
    return [d["range"] for d in diagnostics if d.get("code") == code]


def utf16_column(line: str, prefix: str) -> int:
    return len(line[: line.index(prefix)].encode("utf-16-le")) // 2


def cli(repo: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "contentlint", *args], cwd=repo, capture_output=True, text=True)


def whole(uri: str, text: str, version: int) -> dict[str, Any]:
    return {"textDocument": {"uri": uri, "version": version}, "contentChanges": [{"text": text}]}


# ------------------------------------------------------------------ the tests


def test_open_change_fix_hover_and_exit_cleanly(server: LspClient, repo: Path) -> None:
    result = server.initialize(repo, {"debounceMs": 0})
    capabilities = result["capabilities"]
    assert capabilities["positionEncoding"] == "utf-16"
    assert capabilities["textDocumentSync"]["change"] == 2  # incremental
    assert "source.fixAll.contentlint" in capabilities["codeActionProvider"]["codeActionKinds"]
    assert capabilities["hoverProvider"]

    # the same findings as `contentlint check`, with UTF-16 columns after the emoji
    path = repo / "posts" / "x" / "emoji.md"
    uri = server.open(path, EMOJI_POST)
    found = server.diagnostics(uri, 1)
    report = json.loads(cli(repo, "check", "--format", "json", "posts/x/emoji.md").stdout)
    assert sorted((d["code"], d["range"]["start"]["line"] + 1, d["message"]) for d in found) == sorted(
        (v["code"], v["line"], v["message"]) for v in report["violations"]
    )
    line = "New 😀😀 Inkwell pens dry in a second!!!"
    column = utf16_column(line, "Inkwell")
    assert column == 9  # two emoji are four UTF-16 units: 9, where contentlint counts 7 code points (column 8)
    brand = next(d for d in found if d["code"] == "BR001")
    assert brand["range"] == {"start": {"line": 4, "character": column}, "end": {"line": 4, "character": column + 7}}
    assert brand["severity"] == 1 and brand["source"] == "contentlint"
    assert brand["codeDescription"]["href"].endswith("brand-name-casing.yaml")
    assert brand["data"]["fix"]["replacement"] == "InkWell"

    # an incremental change before the finding moves it
    server.change(
        uri, 2, [{"range": {"start": {"line": 4, "character": 4}, "end": {"line": 4, "character": 4}}, "text": "ক "}]
    )
    text = EMOJI_POST.replace("New ", "New ক ")
    moved = server.diagnostics(uri, 2)
    assert spans(moved, "BR001") == [
        {"start": {"line": 4, "character": column + 2}, "end": {"line": 4, "character": column + 9}}
    ]

    # the quick fix is the `--fix` edit; applied, the finding goes
    cursor = {"start": {"line": 4, "character": column + 3}, "end": {"line": 4, "character": column + 3}}
    actions = server.request(
        "textDocument/codeAction", {"textDocument": {"uri": uri}, "range": cursor, "context": {"diagnostics": []}}
    )
    titles = [a["title"] for a in actions]
    assert titles[:3] == [
        "Fix BR001: replace 'Inkwell' with 'InkWell'",
        "Disable BR001 brand-name-casing for this line",
        "Disable BR001 brand-name-casing for this post",
    ]
    quick = actions[0]
    assert quick["kind"] == "quickfix" and quick["isPreferred"]
    fixed = apply(text, edits_of(quick, uri, 2))
    assert "New ক 😀😀 InkWell pens" in fixed
    server.notify("textDocument/didChange", whole(uri, fixed, 3))
    assert spans(server.diagnostics(uri, 3), "BR001") == []

    # "disable for this line" and "for this post" really turn it off
    version = 3
    for title in ("for this line", "for this post"):
        version += 1
        server.notify("textDocument/didChange", whole(uri, text, version))
        server.diagnostics(uri, version)
        actions = server.request(
            "textDocument/codeAction", {"textDocument": {"uri": uri}, "range": cursor, "context": {"diagnostics": []}}
        )
        action = next(a for a in actions if a["title"].endswith(title))
        changed = apply(text, edits_of(action, uri, version))
        version += 1
        server.notify("textDocument/didChange", whole(uri, changed, version))
        assert spans(server.diagnostics(uri, version), "BR001") == [], title

    # fix all: exactly what `contentlint check --fix` writes
    server.notify("textDocument/didChange", whole(uri, EMOJI_POST, 20))
    server.diagnostics(uri, 20)
    everything = {"start": {"line": 0, "character": 0}, "end": {"line": 5, "character": 0}}
    [fix_all] = server.request(
        "textDocument/codeAction",
        {
            "textDocument": {"uri": uri},
            "range": everything,
            "context": {"diagnostics": [], "only": ["source.fixAll"]},
        },
    )
    assert fix_all["kind"] == "source.fixAll.contentlint"
    scratch = repo.parent / "scratch"
    shutil.copytree(repo, scratch)
    cli(scratch, "check", "--fix", "posts/x/emoji.md")
    assert apply(EMOJI_POST, edits_of(fix_all, uri, 20)) == (scratch / "posts/x/emoji.md").read_text(encoding="utf-8")

    # hover: `contentlint explain` on a flagged span, the live counts anywhere in the post
    hover = server.request(
        "textDocument/hover", {"textDocument": {"uri": uri}, "position": {"line": 4, "character": column + 1}}
    )
    explained = cli(repo, "explain", "BR001").stdout
    assert explained.strip() in hover["contents"]["value"]
    assert hover["range"] == {"start": {"line": 4, "character": column}, "end": {"line": 4, "character": column + 7}}
    weighted = len("New ") + 2 + 2 + len(" Inkwell pens dry in a second!!!")  # an emoji weighs 2 on X
    anywhere = server.request(
        "textDocument/hover", {"textDocument": {"uri": uri}, "position": {"line": 4, "character": 1}}
    )
    assert f"x: {weighted} / 280 weighted characters" in anywhere["contents"]["value"]
    assert "brand-name-casing" not in anywhere["contents"]["value"]

    # a Bengali post: one UTF-16 unit a code point
    bengali = repo / "posts" / "facebook" / "bn.md"
    bn_uri = server.open(bengali, BENGALI_POST)
    bn_line = "আমাদের নতুন Inkwell কলম এসেছে।"
    start = utf16_column(bn_line, "Inkwell")
    assert spans(server.diagnostics(bn_uri, 1), "BR001") == [
        {"start": {"line": 5, "character": start}, "end": {"line": 5, "character": start + 7}}
    ]

    # a scheduler export: findings on the cell, as the CLI places them
    calendar = repo / "calendar.csv"
    csv_uri = server.open(calendar, CALENDAR, language="csv")
    csv_found = server.diagnostics(csv_uri, 1)
    csv_report = json.loads(cli(repo, "check", "--format", "json", "calendar.csv").stdout)
    assert sorted(
        (d["code"], d["range"]["start"]["line"] + 1, d["range"]["start"]["character"] + 1) for d in csv_found
    ) == sorted((v["code"], v["line"], v["column"]) for v in csv_report["violations"])
    assert any(d["code"] == "BR001" for d in csv_found)

    # a file outside config `content` gets nothing
    readme_uri = server.open(repo / "README.md", "Inkwell notes for the team.\n")
    assert server.diagnostics(readme_uri, 1) == []

    assert server.shutdown() == 0


def test_a_repeat_is_flagged_while_typing_and_the_index_follows_the_disk(server: LspClient, repo: Path) -> None:
    server.initialize(repo, {"debounceMs": 0})
    # an unsaved draft that repeats an earlier post on the same channel
    draft = repo / "posts" / "x" / "draft.md"
    uri = server.open(
        draft, post("x", "Our Glide gel pen dries the moment you lift it, so notes stay clean all term.", "2026-12-05")
    )
    [repeat] = [d for d in server.diagnostics(uri, 1) if d["code"] == "RP002"]
    [related] = repeat["relatedInformation"]
    assert related["location"]["uri"] == (repo / "posts" / "x" / "earlier.md").as_uri()
    assert related["location"]["range"]["start"] == {"line": 4, "character": 0}

    # another post appears on disk (saved elsewhere, a git pull): open drafts are checked again
    tweet = repo / "posts" / "x" / "tweet.md"
    tweet_uri = server.open(tweet, post("x", TWEET, "2026-12-02"))
    assert not [d for d in server.diagnostics(tweet_uri, 1) if d["code"].startswith("RP")]
    source = repo / "posts" / "linkedin" / "glide.md"
    source.parent.mkdir()
    source.write_text(post("linkedin", LINKEDIN, "2026-12-01"), encoding="utf-8")
    mark = server.mark()
    server.notify("workspace/didChangeWatchedFiles", {"changes": [{"uri": source.as_uri(), "type": 1}]})
    found = server.diagnostics(tweet_uri, 1, after=mark)
    assert [d["relatedInformation"][0]["location"]["uri"] for d in found if d["code"] == "RP001"] == [source.as_uri()]

    source.unlink()
    mark = server.mark()
    server.notify("workspace/didChangeWatchedFiles", {"changes": [{"uri": source.as_uri(), "type": 3}]})
    assert not [d for d in server.diagnostics(tweet_uri, 1, after=mark) if d["code"] == "RP001"]

    # the server asked to be told of changes to posts and configs
    [registration] = [r for r in server.server_requests if r["method"] == "client/registerCapability"]
    watchers = registration["params"]["registrations"][0]["registerOptions"]["watchers"]
    assert {"globPattern": "**/*.md"} in watchers and {"globPattern": "**/*.yaml"} in watchers
    assert server.shutdown() == 0


def test_a_broken_config_is_one_diagnostic_and_the_last_good_config_stays(server: LspClient, repo: Path) -> None:
    server.initialize(repo, {"debounceMs": 0})
    uri = server.open(repo / "posts" / "x" / "emoji.md", EMOJI_POST)
    assert spans(server.diagnostics(uri, 1), "BR001")
    config = repo / ".contentlint.yaml"
    config.write_text(CONFIG + "rules:\n  no-such-rule: off\n", encoding="utf-8")
    mark = server.mark()
    server.notify("workspace/didChangeWatchedFiles", {"changes": [{"uri": config.as_uri(), "type": 2}]})
    [problem] = server.diagnostics(config.as_uri(), after=mark)
    assert problem["range"]["start"]["line"] == 4  # `no-such-rule:` is line 5
    assert "no-such-rule" in problem["message"] and "last good config" in problem["message"]
    _, _, shown = server.wait_for(lambda m: m.get("method") == "window/showMessage", after=mark)
    assert shown["params"]["type"] == 1 and f"{config}:5" in shown["params"]["message"]
    # posts are still checked, with the last good config
    assert spans(server.diagnostics(uri, 1, after=mark), "BR001")

    # a config saved from the editor is read again; a good one clears the diagnostic and takes effect
    config.write_text(CONFIG.replace("InkWell", "Inkwell"), encoding="utf-8")
    mark = server.mark()
    server.open(config, config.read_text(encoding="utf-8"), language="yaml")
    server.notify("textDocument/didSave", {"textDocument": {"uri": config.as_uri()}})
    assert server.diagnostics(config.as_uri(), after=mark) == []
    assert spans(server.diagnostics(uri, 1, after=mark), "BR001") == []  # "Inkwell" is now the brand's spelling
    server.notify("textDocument/didClose", {"textDocument": {"uri": config.as_uri()}})
    server.settle(uri)

    # an editor that cannot watch files: a config changed behind its back is read at the next keystroke
    config.write_text(CONFIG + "rules: {brand-name-casing: nope}\n", encoding="utf-8")
    mark = server.mark()
    server.notify("textDocument/didChange", whole(uri, EMOJI_POST + "More.\n", 2))
    [problem] = server.diagnostics(config.as_uri(), after=mark)
    assert "brand-name-casing" in problem["message"] and problem["range"]["start"]["line"] == 3
    assert spans(server.diagnostics(uri, 2, after=mark), "BR001") == []  # still the last good config
    assert server.process.poll() is None
    assert server.shutdown() == 0


def test_a_folder_config_edited_on_disk_applies_to_its_posts(server: LspClient, repo: Path) -> None:
    """A brand folder with its own config (the nearest config wins, as in the CLI): editing it
    changes that folder's diagnostics without restarting the server."""
    folder = repo / "posts" / "other-brand"
    folder.mkdir(parents=True)
    nested = folder / ".contentlint.yaml"
    nested.write_text('brand: {name: "InkWell"}\n', encoding="utf-8")
    server.initialize(repo, {"debounceMs": 0})
    uri = server.open(folder / "emoji.md", EMOJI_POST)
    assert spans(server.diagnostics(uri, 1), "BR001")
    nested.write_text('brand: {name: "Inkwell"}\n', encoding="utf-8")
    mark = server.mark()
    server.notify("workspace/didChangeWatchedFiles", {"changes": [{"uri": nested.as_uri(), "type": 2}]})
    server.notify("textDocument/didChange", whole(uri, EMOJI_POST + "More.\n", 2))
    assert spans(server.diagnostics(uri, 2, after=mark), "BR001") == []  # "Inkwell" is this folder's brand now
    assert server.shutdown() == 0


def test_a_config_broken_from_the_start_says_posts_are_not_checked(server: LspClient, repo: Path) -> None:
    config = repo / ".contentlint.yaml"
    config.write_text("brand:\n  name: [InkWell\n", encoding="utf-8")
    server.initialize(repo, {"debounceMs": 0})
    [problem] = server.diagnostics(config.as_uri())
    assert "no post is checked" in problem["message"]
    uri = server.open(repo / "posts" / "x" / "emoji.md", EMOJI_POST)
    [not_checked] = server.diagnostics(uri, 1)
    assert not_checked["message"].startswith("not checked: the config is broken") and not_checked["severity"] == 1
    config.write_text(CONFIG, encoding="utf-8")
    mark = server.mark()
    server.notify("workspace/didChangeWatchedFiles", {"changes": [{"uri": config.as_uri(), "type": 2}]})
    assert spans(server.diagnostics(uri, 1, after=mark), "BR001")
    assert server.shutdown() == 0


def test_pull_diagnostics_for_a_client_that_asks(server: LspClient, repo: Path) -> None:
    capabilities = {**CAPABILITIES, "textDocument": {**CAPABILITIES["textDocument"], "diagnostic": {}}}
    server.initialize(repo, {"debounceMs": 0}, capabilities)
    uri = server.open(repo / "posts" / "x" / "emoji.md", EMOJI_POST)
    report = server.request("textDocument/diagnostic", {"textDocument": {"uri": uri}})
    assert report["kind"] == "full" and spans(report["items"], "BR001")
    again = server.request(
        "textDocument/diagnostic", {"textDocument": {"uri": uri}, "previousResultId": report["resultId"]}
    )
    assert again == {"kind": "unchanged", "resultId": report["resultId"]}
    server.notify("textDocument/didChange", whole(uri, EMOJI_POST.replace("Inkwell", "InkWell"), 2))
    changed = server.request(
        "textDocument/diagnostic", {"textDocument": {"uri": uri}, "previousResultId": report["resultId"]}
    )
    assert changed["kind"] == "full" and not spans(changed["items"], "BR001")
    assert server.shutdown() == 0
    assert not server.notifications("textDocument/publishDiagnostics")  # pulled, never pushed


def test_utf8_positions_when_the_client_prefers_them(server: LspClient, repo: Path) -> None:
    capabilities = {**CAPABILITIES, "general": {"positionEncodings": ["utf-8", "utf-16"]}}
    assert server.initialize(repo, {"debounceMs": 0}, capabilities)["capabilities"]["positionEncoding"] == "utf-8"
    uri = server.open(repo / "posts" / "facebook" / "bn.md", BENGALI_POST)
    start = len("আমাদের নতুন ".encode())
    assert spans(server.diagnostics(uri, 1), "BR001") == [
        {"start": {"line": 5, "character": start}, "end": {"line": 5, "character": start + 7}}
    ]
    assert server.shutdown() == 0


EVIL_RULE = """\
code: TM010
name: evil-pattern
kind: existence
severity: warning
message: "Found {match}"
description: A pattern that backtracks catastrophically.
options: {patterns: ["(a|a)+$"], scope: prose}
"""


def test_bad_input_and_a_failing_rule_never_stop_the_server(server: LspClient, repo: Path) -> None:
    (repo / "team").mkdir()
    (repo / "team" / "evil.yaml").write_text(EVIL_RULE, encoding="utf-8")
    (repo / ".contentlint.yaml").write_text(CONFIG + "extends: [default, team]\n", encoding="utf-8")
    server.initialize(repo, {"debounceMs": 0})
    posts = repo / "posts" / "x"

    binary = server.open(posts / "binary.md", "Inkwell\x00\x01junk")
    [problem] = server.diagnostics(binary, 1)
    assert problem["message"].startswith("not checked: contains a NUL character at line 1")

    huge = server.open(posts / "huge.md", "Inkwell " * 140_000)
    [problem] = server.diagnostics(huge, 1)
    assert "too large" in problem["message"]

    # a body that is not valid UTF-8: bad bytes read as U+FFFD, the buffer is still checked
    uri = (posts / "latin1.md").as_uri()
    params = {"textDocument": {"uri": uri, "languageId": "markdown", "version": 1, "text": "Caf@ Inkwell"}}
    body = json.dumps({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": params}).encode()
    server.send_raw(body.replace(b"@", b"\xe9"))
    assert spans(server.diagnostics(uri, 1), "BR001") == [
        {"start": {"line": 0, "character": 5}, "end": {"line": 0, "character": 12}}
    ]

    # an unpaired surrogate from a broken buffer
    lone = (posts / "lone.md").as_uri()
    params = {"textDocument": {"uri": lone, "languageId": "markdown", "version": 1, "text": "a\ud83d Inkwell"}}
    server.send_raw(
        json.dumps({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": params}).encode()
    )  # "\\ud83d"
    assert spans(server.diagnostics(lone, 1), "BR001") == [
        {"start": {"line": 0, "character": 3}, "end": {"line": 0, "character": 10}}
    ]

    # U+2028 is text, not a line break, for the protocol and contentlint (pygls's own copy of the
    # buffer splits there; the server keeps its own)
    separated = server.open(posts / "separator.md", "Pens\u2028for exams\nOur pens")
    server.diagnostics(separated, 1)
    edit = {"range": {"start": {"line": 1, "character": 4}, "end": {"line": 1, "character": 4}}, "text": "Inkwell "}
    server.change(separated, 2, [edit])
    assert spans(server.diagnostics(separated, 2), "BR001") == [
        {"start": {"line": 1, "character": 4}, "end": {"line": 1, "character": 11}}
    ]

    # a rule that fails is logged and shown; the other rules' findings stay
    mark = server.mark()
    slow = server.open(posts / "slow.md", "Inkwell " + "a" * 40 + "!\n")
    found = server.diagnostics(slow, 1, after=mark)
    assert spans(found, "BR001")
    assert any(d["message"].startswith("rule TM010 evil-pattern: pattern '(a|a)+$'") for d in found)
    _, _, logged = server.wait_for(lambda m: m.get("method") == "window/logMessage", after=mark)
    assert "TM010" in logged["params"]["message"]

    assert server.process.poll() is None
    assert server.shutdown() == 0


def test_a_rule_that_raises_costs_its_findings_only(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from contentlint.lsp.checker import Checker

    checker = Checker(repo)
    assert checker.load() is None
    assert checker.workspace is not None
    [shouting] = [r for r in checker.workspace.engine.rules_for("posts/x/emoji.md") if r.spec.code == "CL006"]

    def broken(*args: object) -> None:
        raise RuntimeError("rule bug")

    monkeypatch.setattr(type(shouting.check), "check", broken)
    checked = checker.check(repo / "posts" / "x" / "emoji.md", EMOJI_POST)
    assert any(v.code == "BR001" for v in checked.violations)
    assert not any(v.code == "CL006" for v in checked.violations)
    assert checked.problems == ("internal error in rule CL006 shouting: RuntimeError('rule bug')",)


def test_initialization_options_are_checked() -> None:
    from contentlint.lsp.settings import Settings

    assert Settings.of({"debounceMs": 0, "suggestionSeverity": "hint"}).debounce == 0
    bad = Settings.of({"debounceMs": "fast", "suggestionSeverity": ["loud"], "config": 3})
    assert bad.debounce == 0.2 and bad.config is None
    assert [p.split(" ")[0] for p in bad.problems] == ["debounceMs", "suggestionSeverity", "config"]


def test_warm_up_builds_the_index_and_loads_lazy_tables_before_the_first_keystroke(repo: Path) -> None:
    """In a fresh process (empty caches): after warm_up, the first check of a post does not pay
    for the URL grammar or the syllable fallback (about 100 ms each, measured in bench_lsp.py)."""
    script = (
        "from pathlib import Path\n"
        "from contentlint.lsp.checker import Checker\n"
        "from contentlint.text import syllables, urls\n"
        "assert urls._patterns.cache_info().currsize == 0\n"
        "assert syllables._pyphen.cache_info().currsize == 0\n"
        f"checker = Checker(Path({str(repo)!r}))\n"
        "assert checker.load() is None\n"
        "checker.warm_up()\n"
        "assert urls._patterns.cache_info().currsize == 1\n"
        "assert syllables._pyphen.cache_info().currsize == 1\n"
        "print([post.display for post in checker.workspace.index().posts_of('posts/x/earlier.md')])\n"
    )
    done = subprocess.run([sys.executable, "-c", script], cwd=repo, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "['posts/x/earlier.md']"
