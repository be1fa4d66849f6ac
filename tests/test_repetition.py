"""RP001/RP002 over multi-file content repos: known answers, pre-commit runs, the signature cache."""

from __future__ import annotations

import json
import multiprocessing
import time
from datetime import date, timedelta
from pathlib import Path

import pytest

from contentlint.cache import run_snapshot
from contentlint.cache.signature_cache import FILE_NAME, SignatureCache
from contentlint.config.load import load_config
from contentlint.run import RunOptions
from contentlint.workspace import Workspace

CONFIG = """\
content: ["posts/**/*.md"]
audiences:
  students:      {channels: [instagram, x, tiktok], max_grade: 7}
  professionals: {channels: [linkedin, x], max_grade: 11}
repetition: {window_days: 30, threshold: 0.6}
"""

LINKEDIN = (
    "Exam season is almost here, and the InkWell Glide gel pen is ready for it. Its quick-dry ink means "
    "left-handed writers get no smudges, even after three hours of revising for finals. We tested it with "
    "240 students in Kolkata and nothing bled through the page. Get 20% off the Glide range until 30 November."
)
INSTAGRAM_COPY = (
    "Exam season is almost here, and the InkWell Glide gel pen is ready for it ✍️ Its quick-dry ink means "
    "left-handed writers get no smudges, even after three hours of revising for finals. We tested it with "
    "240 students in Kolkata and nothing bled through the page. Get 20% off the Glide range until 30 November! "
    "🎒📚 https://inkwell.in/glide?utm_source=instagram\n\n#InkWell #ExamSeason #StudyGram"
)
TWEET = (
    "We tested it with 240 students in Kolkata and nothing bled through the page. #BackToSchool https://bit.ly/ink42"
)
TAILORED = (
    "Board meetings run long. The Glide gel pen dries the moment you lift it, so signatures on contracts stay "
    "sharp and your cuffs stay clean. Order a box for the office before the quarter closes."
)
UNRELATED_A = (
    "Our new dotted journal has numbered pages and a ribbon marker, so your weekly plans never get lost "
    "between lectures.\n\nWrite on. Team InkWell"
)
UNRELATED_B = (
    "Rainy day? The Monsoon ink bottle holds 50 ml of water-resistant blue that will not run when the "
    "bus window leaks.\n\nWrite on. Team InkWell"
)
BN_POST = (
    "পরীক্ষা আসছে, আপনার গ্লাইড জেল পেন তৈরি তো? এতে আছে দ্রুত শুকানো কালি, তাই বাঁহাতিদের লেখাও থাকে দাগহীন। "
    "কলকাতার ২৪০ জন শিক্ষার্থী এটি ব্যবহার করে দেখেছেন, আর পাতায় কালি ছড়ায় না।"
)
BN_COPY = BN_POST + " ✍️ #পরীক্ষা #InkWell https://inkwell.in/glide"
BN_OTHER = (
    "বর্ষায় খাতা ভিজে যাওয়ার দিন শেষ, আমাদের নতুন মলাট জলরোধী। আর তাই আপনার নোট থাকবে শুকনো, "
    "আর আমাদের পেন্সিল বক্সে আছে আলগা কাগজ রাখার পকেট।"
)


def post(channel: str, body: str, date: str | None = "2026-12-01", audience: str | None = None, **extra: str) -> str:
    lines = [f"channel: {channel}"] + ([f"publish_at: {date}"] if date else [])
    lines += [f"audience: {audience}"] if audience else []
    lines += [f"{k}: {v}" for k, v in extra.items()]
    return "---\n" + "\n".join(lines) + "\n---\n" + body + "\n"


def make_repo(root: Path, posts: dict[str, str], config: str = CONFIG) -> Path:
    (root / ".contentlint.yaml").write_text(config, encoding="utf-8")
    for name, text in posts.items():
        path = root / "posts" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


def check(root: Path, *targets: str, use_cache: bool = True) -> list:
    linter = Workspace(
        load_config(root / ".contentlint.yaml"), options=RunOptions(select=("RP",), use_cache=use_cache), root=root
    )
    paths = [str(root / "posts" / t) for t in targets] or [str(root / "posts")]
    report = linter.check_paths(paths)
    assert not report.errors, report.errors
    return [v for v in report.violations if v.code.startswith("RP")]


def found(violations: list) -> set[tuple[str, str, str]]:
    return {(v.code, v.path, v.related[0].path if v.related else "") for v in violations}


# --- known answers ------------------------------------------------------------------------------
def test_cross_post_with_new_hashtags_emoji_and_link_is_rp001_on_the_later_post(tmp_path: Path) -> None:
    make_repo(
        tmp_path,
        {
            "linkedin/glide.md": post("linkedin", LINKEDIN, "2026-12-01", "students"),
            "instagram/glide.md": post("instagram", INSTAGRAM_COPY, "2026-12-03T10:00:00+05:30", "students"),
        },
    )
    [v] = check(tmp_path)
    assert (v.code, v.path, v.severity, v.line, v.column) == ("RP001", "posts/instagram/glide.md", "warning", 6, 1)
    assert v.message.startswith("100% similar to posts/linkedin/glide.md (linkedin, 2026-12-01) for students")
    [rel] = v.related
    assert (rel.path, rel.line, rel.column) == ("posts/linkedin/glide.md", 6, 1)
    assert "100%" in rel.message


def test_tweet_that_is_one_sentence_of_a_linkedin_post_is_found(tmp_path: Path) -> None:
    make_repo(
        tmp_path,
        {
            "linkedin/glide.md": post("linkedin", LINKEDIN, "2026-12-01"),
            "x/glide.md": post("x", TWEET, "2026-12-02"),
        },
    )
    [v] = check(tmp_path)
    assert (v.code, v.path, v.related[0].path) == ("RP001", "posts/x/glide.md", "posts/linkedin/glide.md")
    assert "for professionals" in v.message  # linkedin and x both reach professionals, only x reaches students


def test_tailored_rewrite_and_shared_sign_off_are_not_repeats(tmp_path: Path) -> None:
    make_repo(
        tmp_path,
        {
            "linkedin/glide.md": post("linkedin", LINKEDIN, "2026-12-01"),
            "x/board.md": post("x", TAILORED, "2026-12-02"),
            "instagram/journal.md": post("instagram", UNRELATED_A, "2026-12-02"),
            "x/monsoon.md": post("x", UNRELATED_B, "2026-12-03"),
        },
    )
    assert check(tmp_path) == []


def test_same_channel_repeat_is_rp002_inside_the_window_only(tmp_path: Path) -> None:
    make_repo(
        tmp_path,
        {
            "x/a.md": post("x", TWEET, "2026-12-01"),
            "x/b.md": post("x", TWEET.replace("#BackToSchool", "#ExamSeason"), "2026-12-11"),
            "x/c.md": post("x", TWEET + " 🎒", "2027-01-20"),  # 40 days after b, 50 after a
        },
    )
    [v] = check(tmp_path)
    assert (v.code, v.path, v.severity, v.related[0].path) == ("RP002", "posts/x/b.md", "error", "posts/x/a.md")
    assert "x, 2026-12-01" in v.message


def test_no_audience_overlap_means_no_repeat(tmp_path: Path) -> None:
    make_repo(
        tmp_path,
        {
            "linkedin/glide.md": post("linkedin", LINKEDIN, "2026-12-01"),  # professionals
            "instagram/glide.md": post("instagram", INSTAGRAM_COPY, "2026-12-02"),  # students
        },
    )
    assert check(tmp_path) == []


def test_an_undated_draft_publishes_today(tmp_path: Path) -> None:
    """Undated is not "inside every window": the draft goes out on the day of the run, so a post
    of years ago is no repeat, while last week's post is (and the draft is the later one)."""
    last_week = (date.today() - timedelta(days=7)).isoformat()
    make_repo(
        tmp_path,
        {
            "linkedin/old.md": post("linkedin", LINKEDIN, "2014-01-01"),
            "x/draft.md": post("x", TWEET, None),
        },
    )
    assert check(tmp_path) == []
    make_repo(tmp_path, {"linkedin/old.md": post("linkedin", LINKEDIN, last_week)})
    assert found(check(tmp_path)) == {("RP001", "posts/x/draft.md", "posts/linkedin/old.md")}


def test_bengali_cross_post_is_found_and_unrelated_bengali_post_is_not(tmp_path: Path) -> None:
    make_repo(
        tmp_path,
        {
            "instagram/bn.md": post("instagram", BN_POST, "2026-12-01", lang="bn"),
            "tiktok/bn.md": post("tiktok", BN_COPY, "2026-12-04", lang="bn"),
            "x/other.md": post("x", BN_OTHER, "2026-12-05", lang="bn"),
        },
    )
    assert found(check(tmp_path)) == {("RP001", "posts/tiktok/bn.md", "posts/instagram/bn.md")}


def test_one_post_on_two_channels_for_one_audience_is_rp001_on_itself(tmp_path: Path) -> None:
    make_repo(
        tmp_path,
        {
            "both.md": "---\nchannels: [instagram, x]\naudience: students\n---\n" + TWEET + "\n",
            "split.md": "---\nchannels: [instagram, linkedin]\n---\n" + UNRELATED_A + "\n",
        },
    )
    [v] = check(tmp_path)
    assert (v.code, v.path, v.related) == ("RP001", "posts/both.md", ())
    assert "instagram and x for students" in v.message


# --- pre-commit: changed files against the whole repo -------------------------------------------
def test_only_the_changed_file_gets_findings_but_it_meets_every_post(tmp_path: Path) -> None:
    make_repo(
        tmp_path,
        {
            "linkedin/glide.md": post("linkedin", LINKEDIN, "2026-12-01"),
            "x/old-copy.md": post("x", TWEET, "2026-12-02"),  # an older repeat nobody touched
            "x/new.md": post("x", TWEET + " 🎉", "2026-12-05"),
            "x/earlier.md": post("x", LINKEDIN[:200], "2026-11-20"),  # earlier than linkedin/glide.md
        },
    )
    assert found(check(tmp_path, "x/new.md")) == {
        ("RP001", "posts/x/new.md", "posts/linkedin/glide.md"),
        ("RP002", "posts/x/new.md", "posts/x/old-copy.md"),
    }
    # The checked post gets the finding, whatever the dates: a hook must never pass a commit that
    # adds a repeat because the copy it repeats happens to be dated later (issue 16).
    assert found(check(tmp_path, "x/earlier.md")) == {("RP001", "posts/x/earlier.md", "posts/linkedin/glide.md")}
    everything = found(check(tmp_path))  # a full run: on the later post of the pair
    assert ("RP001", "posts/linkedin/glide.md", "posts/x/earlier.md") in everything


# --- the signature cache ------------------------------------------------------------------------
class Counter:
    def __init__(self, wrapped):  # type: ignore[no-untyped-def]
        self.wrapped, self.calls = wrapped, 0

    def __call__(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        self.calls += 1
        return self.wrapped(*args, **kwargs)


def test_second_run_tokenises_and_parses_only_the_changed_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from contentlint.inputs import corpus
    from contentlint.text import similarity_words as repetition  # indexing calls similarity_tokens at run time

    posts = {
        f"x/p{i}.md": post("x", f"{UNRELATED_A} Post number {i} of {i * 7} notes.", f"2026-0{1 + i % 9}-01")
        for i in range(12)
    }
    posts["linkedin/glide.md"] = post("linkedin", LINKEDIN, "2026-12-01")
    make_repo(tmp_path, posts)
    tokens = Counter(repetition.similarity_tokens)
    parses = Counter(corpus.read_posts)
    monkeypatch.setattr(repetition, "similarity_tokens", tokens)
    monkeypatch.setattr(corpus, "read_posts", parses)
    monkeypatch.setattr(run_snapshot, "SETTLE_SECONDS", 0.0)  # a stat is trusted at once, not after 2 s
    assert check(tmp_path) == []
    assert tokens.calls == 13 and len(SignatureCache(tmp_path / ".contentlint_cache")) == 13
    time.sleep(0.05)  # past the file system's clock tick: the posts' stats can be trusted
    (tmp_path / "posts" / "x" / "tweet.md").write_text(post("x", TWEET, "2026-12-02"), encoding="utf-8")
    tokens.calls = parses.calls = 0
    assert found(check(tmp_path, "x/tweet.md")) == {("RP001", "posts/x/tweet.md", "posts/linkedin/glide.md")}
    assert tokens.calls == 1 and parses.calls <= 1  # only the new file (the linter may hand over its parse)
    tokens.calls = 0
    assert found(check(tmp_path, "x/tweet.md", use_cache=False)) == {
        ("RP001", "posts/x/tweet.md", "posts/linkedin/glide.md")
    }
    assert tokens.calls == 14  # --no-cache reads everything again


def test_corrupt_cache_is_ignored_and_rebuilt(tmp_path: Path) -> None:
    make_repo(
        tmp_path,
        {
            "linkedin/glide.md": post("linkedin", LINKEDIN, "2026-12-01"),
            "x/glide.md": post("x", TWEET, "2026-12-02"),
        },
    )
    cache_dir = tmp_path / ".contentlint_cache"
    cache_dir.mkdir()
    (cache_dir / FILE_NAME).write_bytes(b"PK\x03\x04 not a zip at all")
    assert len(check(tmp_path, "x/glide.md")) == 1
    assert len(SignatureCache(cache_dir)) == 2


def _run_check(root: str) -> int:
    return len(check(Path(root), "x/glide.md"))


def test_two_concurrent_runs_leave_a_loadable_cache(tmp_path: Path) -> None:
    posts = {f"instagram/p{i}.md": post("instagram", f"{UNRELATED_B} Number {i}.", "2026-12-01") for i in range(30)}
    posts |= {
        "linkedin/glide.md": post("linkedin", LINKEDIN, "2026-12-01"),
        "x/glide.md": post("x", TWEET, "2026-12-02"),
    }
    make_repo(tmp_path, posts)
    with multiprocessing.get_context("spawn").Pool(2) as pool:
        assert pool.map(_run_check, [str(tmp_path)] * 4) == [1] * 4
    assert len(SignatureCache(tmp_path / ".contentlint_cache")) == 32
    assert [p.name for p in (tmp_path / ".contentlint_cache").iterdir() if p.name.endswith(".tmp")] == []


def test_json_output_of_the_cli_carries_related(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from click.testing import CliRunner

    from contentlint.cli import main

    make_repo(
        tmp_path,
        {
            "linkedin/glide.md": post("linkedin", LINKEDIN, "2026-12-01"),
            "x/glide.md": post("x", TWEET, "2026-12-02"),
        },
    )
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["check", "posts/x/glide.md", "--select", "RP", "--format", "json"])
    data = json.loads(result.output)
    [v] = data["violations"]
    assert v["code"] == "RP001" and v["related"] == [
        {"path": "posts/linkedin/glide.md", "line": 5, "column": 1, "message": v["related"][0]["message"]}
    ]


# --- contentlint similar ------------------------------------------------------------------------
def test_similar_lists_neighbours_with_the_reason_each_is_or_is_not_reported(tmp_path: Path) -> None:
    from contentlint.cli.tools import render_json, render_text

    make_repo(
        tmp_path,
        {
            "linkedin/glide.md": post("linkedin", LINKEDIN, "2026-12-01"),
            "x/tweet.md": post("x", TWEET, "2026-12-02"),
            "x/old.md": post("x", TWEET + " 🎒", "2026-06-01"),
            "instagram/students.md": post("instagram", INSTAGRAM_COPY, "2026-12-02"),
            "x/board.md": post("x", TAILORED, "2026-12-02"),
        },
    )
    workspace = Workspace(load_config(tmp_path / ".contentlint.yaml"), root=tmp_path)
    got = workspace.similar(str(tmp_path / "posts" / "linkedin" / "glide.md"))
    by_path = {n.path: n for n in got}
    assert set(by_path) == {"posts/x/tweet.md", "posts/x/old.md", "posts/instagram/students.md"}
    assert got[0].path == "posts/instagram/students.md" and got[0].similarity == 1.0
    assert by_path["posts/instagram/students.md"].flagged is None
    assert by_path["posts/instagram/students.md"].reason == "no audience overlap"
    assert (
        by_path["posts/x/tweet.md"].flagged == "RP001"
        and "posts/x/tweet.md, the later" in by_path["posts/x/tweet.md"].reason
    )
    assert by_path["posts/x/old.md"].reason == "outside the 30-day window"
    assert by_path["posts/x/tweet.md"].audiences == "professionals"
    text = render_text(got)
    assert "100%  posts/x/tweet.md (x, 2026-12-02) for professionals\n      RP001:" in text
    assert json.loads(render_json(got))["similar"][0]["path"] == "posts/instagram/students.md"
    assert workspace.similar(str(tmp_path / "posts" / "linkedin" / "glide.md"), limit=1) == got[:1]
