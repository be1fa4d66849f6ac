"""The corpus store (issue 18): a hook run compares its posts through the store and finds what a
run that reads every post finds; the store notices posts added, deleted, renamed and moved by
their folders; a stored post changed in place never causes a stale finding; a damaged store is
rebuilt, never a traceback."""

from __future__ import annotations

import json
import os
import random
import time
from pathlib import Path

import numpy as np
import pytest
from test_repetition import INSTAGRAM_COPY, LINKEDIN, TWEET, UNRELATED_A, check, found, make_repo, post

from contentlint.cache import run_snapshot
from contentlint.cache.corpus_store import REBUILD_MIN, CorpusStore, Folder, StoredPost, load, save, write_base
from contentlint.kinds.corpus import IndexEntry, PostMeta
from contentlint.text.similarity import Signature

WORDS = (
    "amber basil cedar dune ember fjord garnet harbor iris jasper kelp lagoon maple nectar onyx pebble quartz "
    "raven sorrel thistle umber velvet willow yarrow zephyr acorn bramble clover dahlia fennel ginger hazel"
).split()


def filler(index: int) -> str:
    """A post that repeats nothing: random words, so no two fillers share a 3-word run."""
    rng = random.Random(index)
    return " ".join(rng.choice(WORDS) for _ in range(30)) + "."


def repo(root: Path) -> Path:
    posts = {f"x/filler-{i:02}.md": post("x", filler(i), "2026-11-10") for i in range(24)}
    posts["linkedin/a.md"] = post("linkedin", LINKEDIN, "2026-11-20")
    posts["instagram/b.md"] = post("instagram", INSTAGRAM_COPY, "2026-11-22", audience="students")
    posts["x/tweet.md"] = post("x", TWEET, "2026-11-23")
    return make_repo(root, posts)


def pointer(root: Path) -> dict:
    files = list((root / ".contentlint_cache" / "corpus").glob("*.json"))
    assert len(files) == 1, files
    return json.loads(files[0].read_text(encoding="utf-8"))


@pytest.fixture
def settled_at_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """Trust a stat as soon as the file is written (the real wait is two seconds), and wait out
    the file system's clock tick between edits instead."""
    monkeypatch.setattr(run_snapshot, "SETTLE_SECONDS", 0.0)


def hook(root: Path, target: str) -> set[tuple[str, str, str]]:
    """A pre-commit run of one post, which must have been answered from the store."""
    violations = check(root, target)
    assert str(root / "posts" / target) in pointer(root)["delta"]
    return found(violations)


def tick() -> None:
    time.sleep(0.05)


def test_a_hook_run_answers_from_the_store_as_a_run_that_reads_every_post(tmp_path: Path) -> None:
    root = repo(tmp_path)
    whole = check(root)  # reads every post and writes the store
    assert ("RP001", "posts/x/tweet.md", "posts/linkedin/a.md") in found(whole)
    assert pointer(root)["base"]
    for target in ("instagram/b.md", "x/tweet.md", "linkedin/a.md", "x/filler-03.md"):
        with_store = check(root, target)
        assert target in {Path(p).relative_to(root / "posts").as_posix() for p in pointer(root)["delta"]}
        without = check(root, target, use_cache=False)
        assert [(v.code, v.path, v.message, v.related) for v in with_store] == [
            (v.code, v.path, v.message, v.related) for v in without
        ]


def test_the_store_sees_posts_added_deleted_renamed_and_new_folders(tmp_path: Path, settled_at_once: None) -> None:
    root = repo(tmp_path)
    check(root)
    tick()
    (root / "posts/linkedin/a.md").unlink()
    assert not {f for f in hook(root, "x/tweet.md") if f[2] == "posts/linkedin/a.md"}
    tick()
    (root / "posts/linkedin/c.md").write_text(post("linkedin", LINKEDIN, "2026-11-20"), encoding="utf-8")
    assert ("RP001", "posts/x/tweet.md", "posts/linkedin/c.md") in hook(root, "x/tweet.md")
    tick()
    (root / "posts/linkedin/c.md").rename(root / "posts/linkedin/d.md")
    assert ("RP001", "posts/x/tweet.md", "posts/linkedin/d.md") in hook(root, "x/tweet.md")
    tick()
    (root / "posts/linkedin/d.md").unlink()
    (root / "posts/linkedin/2026").mkdir()
    (root / "posts/linkedin/2026/e.md").write_text(post("linkedin", LINKEDIN, "2026-11-21"), encoding="utf-8")
    assert ("RP001", "posts/x/tweet.md", "posts/linkedin/2026/e.md") in hook(root, "x/tweet.md")


def test_a_stored_post_rewritten_in_place_never_causes_a_stale_finding(tmp_path: Path, settled_at_once: None) -> None:
    root = repo(tmp_path)
    check(root)
    folder = root / "posts/linkedin"
    before = os.stat(folder)
    tick()
    with open(folder / "a.md", "r+", encoding="utf-8") as stream:  # same file: the folder does not change
        stream.write(post("linkedin", UNRELATED_A, "2026-11-20"))
        stream.truncate()
    assert os.stat(folder).st_mtime_ns == before.st_mtime_ns
    assert not {f for f in hook(root, "x/tweet.md") if f[2] == "posts/linkedin/a.md"}


@pytest.mark.parametrize("damage", ["truncated base", "garbage pointer", "other base"])
def test_a_damaged_store_is_ignored_and_written_again(tmp_path: Path, damage: str) -> None:
    root = repo(tmp_path)
    check(root)
    folder = root / ".contentlint_cache" / "corpus"
    base, pointer_file = next(folder.glob("*.bin")), next(folder.glob("*.json"))
    if damage == "truncated base":
        base.write_bytes(base.read_bytes()[:200])
    elif damage == "garbage pointer":
        pointer_file.write_bytes(b"\x00{not json")
    else:
        data = json.loads(pointer_file.read_text(encoding="utf-8"))
        data["base"] = "0" * 16
        pointer_file.write_text(json.dumps(data), encoding="utf-8")
    expected = found(check(root, "x/tweet.md", use_cache=False))
    assert found(check(root, "x/tweet.md")) == expected  # the store unusable: every post read
    assert pointer(root)["base"] and not pointer(root)["delta"]  # ... and a new store written
    assert hook(root, "x/tweet.md") == expected


def _stored(path: str, words: str) -> StoredPost:
    shingles = np.unique(np.array([hash(w) & 0xFFFFFFFF for w in words.split()], dtype=np.uint64))
    meta = PostMeta(("x",), (), "2026-11-01T00:00:00+00:00", "en", 5, 1, 40, 60)
    return StoredPost(path, (1, 2, 3, 4, 5), True, IndexEntry(Signature(shingles), meta))


def test_the_base_is_rebuilt_from_the_delta_without_reading_a_post(tmp_path: Path) -> None:
    store = CorpusStore(tmp_path / "corpus", "setup")
    store.folders["/repo/posts"] = Folder("[1]")
    write_base(store, [_stored(f"/repo/posts/{i}.md", f"a{i} b{i} c{i}") for i in range(3)])
    save(store)
    again = load(tmp_path, "setup")
    assert again is not None and again.base is not None and len(again) == 3
    assert again.base.entry(1) == _stored("", "a1 b1 c1").entry
    again.put(_stored("/repo/posts/1.md", "new words here"), 1)
    save(again)
    kept = load(tmp_path, "setup")
    assert kept is not None and set(kept.delta) == {"/repo/posts/1.md"} and kept.dead == {1}
    for i in range(3, REBUILD_MIN + 4):
        kept.put(_stored(f"/repo/posts/{i}.md", f"x{i} y{i}"), None)
    save(kept)
    rebuilt = load(tmp_path, "setup")
    assert rebuilt is not None and rebuilt.base is not None
    assert not rebuilt.delta and not rebuilt.dead and len(rebuilt) == REBUILD_MIN + 4
    rows = {rebuilt.base.path(row): row for row in range(len(rebuilt.base))}
    assert rebuilt.base.entry(rows["/repo/posts/1.md"]) == _stored("", "new words here").entry
    assert rebuilt.base_rows_in("/repo/posts") == range(0, REBUILD_MIN + 4)
    assert load(tmp_path, "another setup") is None


def test_the_editors_workspace_opens_the_store_and_keeps_it_current(tmp_path: Path) -> None:
    from contentlint.cache.stored_index import StoredIndex
    from contentlint.config.load import load_config
    from contentlint.run import RunOptions
    from contentlint.workspace import Workspace

    root = repo(tmp_path)
    check(root)  # a run that reads every post writes the store
    workspace = Workspace(load_config(root / ".contentlint.yaml"), options=RunOptions(select=("RP",)), root=root)
    assert isinstance(workspace.index(), StoredIndex)
    tweet = root / "posts/x/tweet.md"

    def copies(text: str | None = None) -> set[str]:
        return {r.path for v in workspace.check(tweet, text=text).violations for r in v.related}

    assert copies() == {"posts/linkedin/a.md", "posts/instagram/b.md"}
    assert not copies(post("x", filler(99), "2026-11-23"))  # unsaved text
    (root / "posts/linkedin/a.md").write_text(post("linkedin", UNRELATED_A, "2026-11-20"), encoding="utf-8")
    workspace.update(root / "posts/linkedin/a.md")
    assert copies() == {"posts/instagram/b.md"}
    (root / "posts/linkedin/c.md").write_text(post("linkedin", LINKEDIN, "2026-11-20"), encoding="utf-8")
    workspace.update(root / "posts/linkedin/c.md")
    assert copies() == {"posts/linkedin/c.md", "posts/instagram/b.md"}
    (root / "posts/instagram/b.md").unlink()
    workspace.remove(root / "posts/instagram/b.md")
    assert copies() == {"posts/linkedin/c.md"}


@pytest.mark.parametrize("all_texts", [False, True])
def test_a_report_holds_the_texts_it_shows(tmp_path: Path, all_texts: bool) -> None:
    """Texts of posts without findings are not held (a third of a cold 100,000-post run's
    memory) unless the report shows every post (HTML); a post whose only finding comes from the
    corpus rules gets its text back for the text report's excerpt."""
    from contentlint.config.load import load_config
    from contentlint.run import RunOptions
    from contentlint.workspace import Workspace

    root = repo(tmp_path)
    options = RunOptions(select=("RP",), use_cache=False, all_texts=all_texts)
    report = Workspace(load_config(root / ".contentlint.yaml"), options=options, root=root).check_paths(
        [str(root / "posts")]
    )
    texts = {post.path: post.text for post in report.posts}
    assert texts["posts/x/tweet.md"] == (root / "posts/x/tweet.md").read_text(encoding="utf-8")
    filler_text = (root / "posts/x/filler-01.md").read_text(encoding="utf-8")
    assert texts["posts/x/filler-01.md"] == (filler_text if all_texts else "")


def test_stores_of_other_setups_are_removed_but_the_last_used_one(tmp_path: Path) -> None:
    from contentlint.cache.store_run import RECENT_SECONDS, _remove_others

    folder = tmp_path / "corpus"
    folder.mkdir()
    old = time.time() - RECENT_SECONDS - 100
    ages = {"mine": time.time(), "last-used": old, "older": old - 50, "in-use": time.time() - 5}
    for setup, mtime in ages.items():
        for suffix in (".json", ".bin"):
            (folder / f"{setup}{suffix}").write_bytes(b"x")
            os.utime(folder / f"{setup}{suffix}", (mtime, mtime))
    (folder / ".base-left-by-a-crash.tmp").write_bytes(b"x")
    os.utime(folder / ".base-left-by-a-crash.tmp", (old, old))
    _remove_others(CorpusStore(folder, "mine"))
    assert sorted(p.name for p in folder.iterdir()) == [
        "in-use.bin",
        "in-use.json",
        "last-used.bin",
        "last-used.json",
        "mine.bin",
        "mine.json",
    ]


def test_a_whole_repo_run_brings_the_store_up_to_date_without_a_new_base(tmp_path: Path, settled_at_once: None) -> None:
    root = repo(tmp_path)
    check(root)
    first = pointer(root)["base"]
    tick()
    hook(root, "x/tweet.md")
    (root / "posts/linkedin/a.md").unlink()
    tick()
    assert not {f for f in found(check(root)) if f[2] == "posts/linkedin/a.md"}  # every post read
    after = pointer(root)
    assert after["base"] == first  # the differences went into the delta
    assert str(root / "posts/linkedin/a.md") not in after["delta"] and after["dead"]
    assert not {f for f in hook(root, "x/tweet.md") if f[2] == "posts/linkedin/a.md"}


def test_arrays_damaged_inside_are_found_by_the_query_and_the_run_still_answers(tmp_path: Path) -> None:
    """A base of the right size whose postings point past the end (a disk error, a bad copy):
    the run answers from the posts themselves, with no traceback, and the next run rebuilds."""
    from contentlint.cache.corpus_store import _read_header

    root = repo(tmp_path)
    check(root)
    expected = found(check(root, "x/tweet.md", use_cache=False))
    base = next((root / ".contentlint_cache" / "corpus").glob("*.bin"))
    data = bytearray(base.read_bytes())
    _, layout, start = _read_header(bytes(data))
    dtype, shape, offset = layout["postings"]
    size = int(np.prod(shape)) * np.dtype(dtype).itemsize
    data[start + offset : start + offset + size] = b"\x7f" * size  # rows far past the last post
    base.write_bytes(bytes(data))
    assert found(check(root, "x/tweet.md")) == expected  # the store gave up; every post was read
    assert pointer(root)["base"] and not pointer(root)["delta"]  # ... and a new store was written
    assert hook(root, "x/tweet.md") == expected
