"""The pieces under `contentlint serve`: shared passages, front matter fields, paths, saving,
the guard's host and origin sets, UTF-16 offsets."""

from __future__ import annotations

import codecs
import threading
from datetime import date
from pathlib import Path

import pytest
from test_repetition import BN_COPY, BN_POST, LINKEDIN, TWEET, make_repo, post

from contentlint.run import RunOptions
from contentlint.serve import saving
from contentlint.serve.api import Utf16
from contentlint.serve.front_matter import FrontMatterError, set_fields
from contentlint.serve.guard import Guard, host_warning, is_loopback, is_wildcard
from contentlint.serve.passages import shared_passages
from contentlint.serve.paths import PathRefused, repo_path, suggested_path
from contentlint.text.document import parse_document
from contentlint.workspace import Workspace


def doc(body: str, front: str = "channel: x\n"):  # type: ignore[no-untyped-def]
    return parse_document("p.md", f"---\n{front}---\n{body}")


def marked(document, spans) -> list[str]:  # type: ignore[no-untyped-def]
    return [document.text[a:b] for a, b in spans]


# --- shared passages --------------------------------------------------------------------------


def test_shared_runs_of_three_words_are_marked_in_both_posts_case_and_links_aside() -> None:
    a = doc(TWEET)
    b = doc("WE TESTED IT with 240 students in Kolkata, and truly nothing bled through the page! Really.")
    in_a, in_b = shared_passages(a, b)
    # punctuation does not break a run; "truly" does, and the two runs stay two passages
    assert marked(a, in_a) == ["We tested it with 240 students in Kolkata and", "nothing bled through the page"]
    assert marked(b, in_b) == ["WE TESTED IT with 240 students in Kolkata, and", "nothing bled through the page"]
    a, b = doc(TWEET), doc(LINKEDIN)
    in_a, in_b = shared_passages(a, b)
    assert (
        marked(a, in_a)
        == marked(b, in_b)
        == ["We tested it with 240 students in Kolkata and nothing bled through the page"]
    )


def test_two_shared_words_are_not_a_passage_and_bengali_words_stay_whole() -> None:
    assert shared_passages(doc("Our pens glide."), doc("Our pens leak today.")) == ([], [])
    a, b = doc(BN_POST), doc(BN_COPY)
    in_a, in_b = shared_passages(a, b)
    assert marked(a, in_a) == [a.text[a.body_start :].rstrip("।")]
    assert "#পরীক্ষা" not in "".join(marked(b, in_b)) and "https" not in "".join(marked(b, in_b))


def test_front_matter_and_code_are_not_passages() -> None:
    a = doc("Exams start soon for everyone.", "channel: x\ntitle: Exams start soon for everyone\n")
    b = doc("`Exams start soon for everyone.`", "channel: x\n")
    assert shared_passages(a, b) == ([], [])


# --- front matter -----------------------------------------------------------------------------


def test_fields_replace_their_own_lines_and_keep_every_other_byte() -> None:
    text = (
        "---\n# a comment\nchannels:\n  - x\n  - instagram\ncampaign: exams   # keep me\n"
        "images:\n  - src: pens.png\n  - notes.png\n---\nBody <!-- here -->\n"
    )
    result = set_fields(text, {"channels": ["linkedin"], "alt": {"1": "Notes, open"}, "publish_at": "2026-12-01"})
    assert result == (
        "---\n# a comment\nchannel: linkedin\ncampaign: exams   # keep me\n"
        "images:\n- src: pens.png\n- src: notes.png\n  alt: Notes, open\npublish_at: 2026-12-01\n---\nBody <!-- here -->\n"
    )
    parsed = parse_document("p.md", result)
    assert parsed.channels == ("linkedin",) and parsed.meta["publish_at"] == "2026-12-01"
    assert [image.alt for image in parsed.images] == [None, "Notes, open"]


def test_fields_add_front_matter_remove_keys_and_keep_crlf() -> None:
    assert set_fields("Hello\n", {"channels": ["x", "bluesky"]}) == "---\nchannels: [x, bluesky]\n---\nHello\n"
    assert set_fields("Hello\n", {"title": ""}) == "Hello\n"
    text = "---\r\naudience: students\r\ntitle: Old\r\n---\r\nHi\r\n"
    assert (
        set_fields(text, {"audience": [], "title": "New: a colon"}) == "---\r\ntitle: 'New: a colon'\r\n---\r\nHi\r\n"
    )


def test_values_that_yaml_would_misread_are_quoted() -> None:
    text = set_fields("Hi\n", {"title": "yes", "publish_at": "2026-12-01T10:00:00+05:30"})
    parsed = parse_document("p.md", text)
    assert parsed.meta == {"title": "yes", "publish_at": "2026-12-01T10:00:00+05:30"}


@pytest.mark.parametrize(
    ("text", "changes", "message"),
    [
        ("---\ntitle: [a\n---\n", {"title": "b"}, "fix the front matter in the text first"),
        ("---\n- a\n---\n", {"title": "b"}, "not key: value pairs"),
        ("---\ntitle: a\n", {"title": "b"}, "never closed"),
        ("Hi", {"colour": "red"}, "unknown field(s) colour"),
        ("Hi", {"channels": [1]}, "a name or a list of names"),
        ("Hi", {"alt": {"0": "a"}}, "no `images` list"),
        ("---\nimages: [a.png]\n---\n", {"alt": {"3": "a"}}, "no image 3"),
        ("Hi", {"title": ["a"]}, "must be text"),
    ],
)
def test_fields_refuse_what_they_cannot_write_safely(text: str, changes: dict, message: str) -> None:
    with pytest.raises(FrontMatterError, match=message.replace("(", r"\(").replace(")", r"\)")):
        set_fields(text, changes)


# --- paths ------------------------------------------------------------------------------------


@pytest.fixture
def workspace(tmp_path: Path) -> Workspace:
    make_repo(tmp_path, {"x/a.md": post("x", TWEET)})
    return Workspace(root=tmp_path, options=RunOptions(use_cache=False))


def test_a_post_path_is_named_from_the_repo_root(workspace: Workspace) -> None:
    where = repo_path(workspace, "posts/x/./new.md")
    assert where.display == "posts/x/new.md" and where.path == workspace.root / "posts/x/new.md"
    with pytest.raises(PathRefused, match="outside the config's content folders"):
        repo_path(workspace, "drafts/new.md")


def test_the_suggested_path_follows_channel_date_and_title(workspace: Workspace) -> None:
    today = date(2026, 12, 5)
    assert suggested_path(workspace, doc("Hello there, students!", "channel: x\ntitle: 'Exams: été ✍️'\n"), today) == (
        "posts/x/2026-12-05-exams-été.md"
    )
    assert suggested_path(workspace, doc("আমাদের নতুন কলম এসেছে।", "publish_at: 2026-12-24\n"), today) == (
        "posts/drafts/2026-12-24-আমাদের-নতুন-কলম-এসেছে.md"
    )
    assert suggested_path(workspace, doc("", "channel: ../../etc\n"), today) == "posts/drafts/2026-12-05-draft.md"


def test_no_suggestion_where_the_content_globs_name_no_folder(tmp_path: Path) -> None:
    make_repo(tmp_path, {}, 'content: ["**/launch-*.md"]\n')
    workspace = Workspace(root=tmp_path, options=RunOptions(use_cache=False))
    assert suggested_path(workspace, doc("Hi there", "channel: x\n"), date(2026, 12, 5)) is None


# --- saving -----------------------------------------------------------------------------------


def test_create_never_replaces_a_file_even_when_two_saves_race(tmp_path: Path) -> None:
    target = tmp_path / "posts" / "x" / "new.md"
    outcomes: list[str] = []
    start = threading.Barrier(8)

    def save(number: int) -> None:
        start.wait()
        try:
            saving.create(target, f"writer {number}\n".encode())
            outcomes.append("created")
        except saving.Exists:
            outcomes.append("exists")

    threads = [threading.Thread(target=save, args=(n,)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == ["created"] + ["exists"] * 7
    assert target.read_text().startswith("writer ")
    assert [p.name for p in target.parent.iterdir()] == ["new.md"]  # no temporary file left
    assert target.stat().st_mode & 0o777 == 0o644


def test_create_without_hard_links_still_refuses_an_existing_file(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    def no_links(source: object, target: object) -> None:
        raise PermissionError(1, "Operation not permitted")

    monkeypatch.setattr(saving.os, "link", no_links)
    target = tmp_path / "new.md"
    saving.create(target, b"first\n")
    with pytest.raises(saving.Exists):
        saving.create(target, b"second\n")
    assert target.read_bytes() == b"first\n"
    assert [p.name for p in tmp_path.iterdir()] == ["new.md"]


def test_overwrite_keeps_the_files_encoding_bom_and_crlf(tmp_path: Path) -> None:
    target = tmp_path / "post.md"
    target.write_bytes(codecs.BOM_UTF8 + b"---\r\nchannel: x\r\n---\r\nOld\r\n")
    saving.overwrite(target, "---\nchannel: x\n---\nNew ✍️\n")
    assert target.read_bytes() == codecs.BOM_UTF8 + "---\r\nchannel: x\r\n---\r\nNew ✍️\r\n".encode()
    target.write_bytes(b"---\nchannel: x\n---\nOld\n")
    saving.overwrite(target, "New\r\nmixed\n")
    assert target.read_bytes() == b"New\r\nmixed\n"


# --- guard and offsets ------------------------------------------------------------------------


def test_the_guard_knows_the_names_of_its_own_address() -> None:
    assert Guard("127.0.0.1", 8765, "k").hosts == {"127.0.0.1:8765", "localhost:8765"}
    assert Guard("localhost", 8765, "k").hosts == {"127.0.0.1:8765", "localhost:8765"}
    assert Guard("::1", 8765, "k").hosts == {"[::1]:8765", "localhost:8765"}
    assert Guard("192.168.1.20", 80, "k").hosts == {"192.168.1.20:80", "192.168.1.20"}
    assert Guard("127.0.0.1", 8765, "k").url == "http://127.0.0.1:8765/#key=k"
    assert Guard("::1", 8765, "k").origins == {"http://[::1]:8765", "http://localhost:8765"}


def test_loopback_wildcard_and_the_warning() -> None:
    assert all(is_loopback(h) for h in ("127.0.0.1", "127.0.0.2", "::1", "localhost", "LOCALHOST"))
    assert not any(is_loopback(h) for h in ("0.0.0.0", "192.168.1.20", "example.com"))
    assert is_wildcard("0.0.0.0") and is_wildcard("::") and not is_wildcard("127.0.0.1")
    assert host_warning("127.0.0.1") is None
    warning = host_warning("192.168.1.20")
    assert warning is not None and "not a loopback address" in warning and "unencrypted" in warning


def test_utf16_offsets_count_astral_characters_twice() -> None:
    text = "a😀b\n𝐁c\r\nd"
    to16 = Utf16(text)
    for offset in range(len(text) + 1):
        assert to16(offset) == len(text[:offset].encode("utf-16-le")) // 2
    assert Utf16("plain")(3) == 3
