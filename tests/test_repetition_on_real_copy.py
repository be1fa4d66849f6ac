"""What the repetition rules do with a correct match, on the shapes real brand accounts publish
(issue 17): care-team replies, many copies of one post, campaigns cross-posted on purpose,
undated drafts and ties. The texts are paraphrases, not the published posts."""

from __future__ import annotations

from pathlib import Path

from test_repetition import CONFIG, LINKEDIN, TWEET, check, found, make_repo, post

RECALL = "We have voluntarily recalled a small batch of cocoa powder sold only in the US. More: https://ex.co/r{}"
WATER = "We are not draining the region's water. We believe access to water is a human right https://ex.co/w"


def test_care_team_replies_to_different_people_are_not_repeats(tmp_path: Path) -> None:
    make_repo(
        tmp_path,
        {
            "x/r1.md": post("x", "@anna " + RECALL.format(1), "2026-12-01"),
            "x/r2.md": post("x", "@ben_k " + RECALL.format(2), "2026-12-01"),
            "x/r3.md": post("x", ".@chris @dana " + RECALL.format(3), "2026-12-02"),
            "x/r4.md": post("x", RECALL.format(4), "2026-12-03", in_reply_to="https://x.com/erin/status/1"),
        },
    )
    assert check(tmp_path) == []


def test_a_team_can_compare_replies_too(tmp_path: Path) -> None:
    config = CONFIG.replace("repetition: {window_days: 30, threshold: 0.6}", "repetition: {compare_replies: true}")
    make_repo(
        tmp_path,
        {
            "x/r1.md": post("x", "@anna " + RECALL.format(1), "2026-12-01"),
            "x/r2.md": post("x", "@ben " + RECALL.format(2), "2026-12-02"),
        },
        config,
    )
    assert found(check(tmp_path)) == {("RP002", "posts/x/r2.md", "posts/x/r1.md")}


def test_a_broadcast_that_names_someone_later_is_still_compared(tmp_path: Path) -> None:
    make_repo(
        tmp_path,
        {
            "x/a.md": post("x", WATER + " cc @press", "2026-12-01"),
            "x/b.md": post("x", WATER + " cc @newsdesk", "2026-12-02"),
        },
    )
    assert found(check(tmp_path)) == {("RP002", "posts/x/b.md", "posts/x/a.md")}


def test_a_post_with_many_earlier_copies_gets_one_finding_naming_them_all(tmp_path: Path) -> None:
    make_repo(
        tmp_path,
        {
            "x/a.md": post("x", WATER, "2026-12-01"),
            "x/b.md": post("x", WATER + " #water", "2026-12-02"),
            "x/c.md": post("x", WATER + " 💧", "2026-12-03"),
            "x/d.md": post("x", WATER + " #HumanRight", "2026-12-04"),
        },
    )
    by_post = {}
    for violation in check(tmp_path, "x/d.md"):
        by_post.setdefault((violation.code, violation.path), []).append(violation)
    [[finding]] = by_post.values()
    assert (finding.code, finding.path, finding.severity) == ("RP002", "posts/x/d.md", "error")
    assert sorted(r.path for r in finding.related) == ["posts/x/a.md", "posts/x/b.md", "posts/x/c.md"]
    assert " and 2 more posts for professionals, students" in finding.message  # x reaches both
    # a full run: one finding on each post that repeats an earlier one, not one per pair (6 pairs)
    assert sorted(v.path for v in check(tmp_path)) == ["posts/x/b.md", "posts/x/c.md", "posts/x/d.md"]


CAMPAIGN_CONFIG = CONFIG.replace(
    "repetition: {window_days: 30, threshold: 0.6}", "repetition: {campaign_window_hours: 24}"
)


def test_a_campaign_cross_posted_on_purpose_is_not_rp001(tmp_path: Path) -> None:
    make_repo(
        tmp_path,
        {
            "linkedin/launch.md": post("linkedin", LINKEDIN, "2026-12-01T09:00", campaign="glide-launch"),
            "x/launch.md": post("x", TWEET, "2026-12-01T17:00", campaign="glide-launch"),
        },
        CAMPAIGN_CONFIG,
    )
    assert check(tmp_path) == []


def test_campaign_cross_posts_are_reported_without_the_setting_or_outside_its_hours(tmp_path: Path) -> None:
    posts = {
        "linkedin/launch.md": post("linkedin", LINKEDIN, "2026-12-01T09:00", campaign="glide-launch"),
        "x/launch.md": post("x", TWEET, "2026-12-01T17:00", campaign="glide-launch"),
    }
    for name in ("plain", "late", "other"):
        (tmp_path / name).mkdir()
    make_repo(tmp_path / "plain", posts)
    assert found(check(tmp_path / "plain")) == {("RP001", "posts/x/launch.md", "posts/linkedin/launch.md")}
    posts["x/launch.md"] = post("x", TWEET, "2026-12-03T17:00", campaign="glide-launch")  # 56 hours later
    make_repo(tmp_path / "late", posts, CAMPAIGN_CONFIG)
    assert found(check(tmp_path / "late")) == {("RP001", "posts/x/launch.md", "posts/linkedin/launch.md")}
    posts["x/launch.md"] = post("x", TWEET, "2026-12-01T17:00", campaign="pen-week")  # another campaign
    make_repo(tmp_path / "other", posts, CAMPAIGN_CONFIG)
    assert found(check(tmp_path / "other")) == {("RP001", "posts/x/launch.md", "posts/linkedin/launch.md")}


def test_a_campaign_does_not_excuse_a_same_channel_repeat(tmp_path: Path) -> None:
    make_repo(
        tmp_path,
        {
            "x/a.md": post("x", TWEET, "2026-12-01T09:00", campaign="glide-launch"),
            "x/b.md": post("x", TWEET + " 🎉", "2026-12-01T17:00", campaign="glide-launch"),
        },
        CAMPAIGN_CONFIG,
    )
    assert found(check(tmp_path)) == {("RP002", "posts/x/b.md", "posts/x/a.md")}


def test_a_tie_is_broken_by_natural_path_order(tmp_path: Path) -> None:
    make_repo(
        tmp_path, {"x/t9.md": post("x", WATER, "2026-12-01"), "x/t10.md": post("x", WATER + " #water", "2026-12-01")}
    )
    assert found(check(tmp_path)) == {("RP002", "posts/x/t10.md", "posts/x/t9.md")}
