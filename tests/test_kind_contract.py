"""The kind contract: every kind declares its options once, the engine checks a rule's options
against the declarations and builds the kind, and every message a finding names is a template in
its rule's YAML whose placeholders the finding fills.

The wording of every message lives in rules/*.yaml; these tests run every rule's examples and case
files (and a few posts for the rarer wordings) with a renderer that fails on a placeholder the
finding does not fill, instead of leaving `{name}` in the text.
"""

from __future__ import annotations

import dataclasses
import string
import types
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import REPO, lint_one

from contentlint.config.builtin import builtin_rules_dir
from contentlint.config.wordlists import TermList
from contentlint.engine import placing
from contentlint.engine.building import build_kind, declared_options, describe, option_docs
from contentlint.engine.rule_packs import RuleError, load_pack, load_rule_file
from contentlint.kinds.base import OPTION, Kind, OptionError
from contentlint.kinds.catalog import GENERIC_KINDS, KINDS
from contentlint.kinds.generic import Existence, Metric, Occurrence
from contentlint.kinds.hashtags.count import TooManyHashtags
from contentlint.kinds.wordlist import WordList
from contentlint.model.explain import explain

SPECS = load_pack(builtin_rules_dir(), builtin=True)

# ------------------------------------------------------------------ declarations


@pytest.mark.parametrize("name", sorted(KINDS))
def test_every_kind_declares_each_option_once(name: str) -> None:
    kind = KINDS[name]
    assert issubclass(kind, Kind) and dataclasses.is_dataclass(kind)
    assert kind.__dataclass_params__.frozen, f"{name} is not frozen"  # type: ignore[attr-defined]
    for field in dataclasses.fields(kind):
        assert OPTION in field.metadata, f"{name}.{field.name} is an init field but no declared option"
        assert field.metadata[OPTION].doc.strip(), f"{name}.{field.name} has no doc"
        assert describe(declared_options(kind)[field.name][0])  # a type the builder knows
    assert not hasattr(kind, "from_options") and not hasattr(kind, "needs_nlp")


NEEDS_OPTIONS = {*GENERIC_KINDS, "word-list"}  # a rule must say what to find


@pytest.mark.parametrize("name", sorted(set(KINDS) - NEEDS_OPTIONS))
def test_every_kind_builds_from_its_declared_defaults(name: str) -> None:
    """Defaults are written as a rule YAML would write them and go through the same checks."""
    kind = KINDS[name]
    built = build_kind(kind, {}, name=name)
    for option_name, (hint, spec) in declared_options(kind).items():
        value = getattr(built, option_name)
        if isinstance(spec.default, str) and hint in (TermList, TermList | None):
            assert isinstance(value, TermList) and value.entries, f"{name}.{option_name}: empty list"


def test_a_rule_option_is_checked_against_the_declaration() -> None:
    with pytest.raises(OptionError, match=r"unknown option 'tokenz' for kind existence; did you mean 'tokens'\?"):
        build_kind(Existence, {"tokenz": ["x"]}, name="existence")
    with pytest.raises(OptionError, match=r"option 'tokens' of kind existence expects a list of text, got text"):
        build_kind(Existence, {"tokens": "synergy"}, name="existence")
    with pytest.raises(OptionError, match=r"option 'tokens' .* got a whole number in the list"):
        build_kind(Existence, {"tokens": ["a", 5]}, name="existence")
    with pytest.raises(OptionError, match=r"option 'scope' .*one of text, prose, title, body, got 'page'"):
        build_kind(Existence, {"tokens": ["x"], "scope": "page"}, name="existence")
    with pytest.raises(OptionError, match=r"option 'caps' .* 0 or more, got -1"):
        build_kind(TooManyHashtags, {"caps": {"x": -1}}, name="too-many-hashtags")
    with pytest.raises(OptionError, match=r"option 'caps' .* got x: text"):
        build_kind(TooManyHashtags, {"caps": {"x": "three"}}, name="too-many-hashtags")
    with pytest.raises(OptionError, match=r"option 'ignorecase' .* true or false, got a whole number"):
        build_kind(Existence, {"tokens": ["x"], "ignorecase": 1}, name="existence")
    with pytest.raises(OptionError, match=r"option 'metric' of kind metric is required"):
        build_kind(Metric, {"max": 3}, name="metric")
    with pytest.raises(OptionError, match=r"kind metric needs `max` or `min`"):
        build_kind(Metric, {"metric": "words"}, name="metric")


def test_values_are_converted_once_at_build() -> None:
    built = build_kind(TooManyHashtags, {"caps": {"X": 3}})
    assert built.caps == {"x": 3}  # channel names compared in lower case
    assert isinstance(built.caps, types.MappingProxyType)
    with pytest.raises(TypeError):
        built.caps["y"] = 1  # type: ignore[index]
    existence = build_kind(Existence, {"tokens": ["synergy"], "patterns": [r"\bwin-win\b"]})
    assert existence.tokens == ("synergy",) and existence.matcher is existence.matcher  # built once
    occurrence = build_kind(Occurrence, {"patterns": ["!"], "max": 1})
    assert occurrence.max == 1 and isinstance(occurrence.max, int)  # not turned into 1.0: messages print it
    listed = build_kind(WordList, {"list": "jargon.txt", "extra": {"circle back": "reply"}, "exclude": ["leverage"]})
    assert isinstance(listed.list, TermList) and listed.list.name == "jargon.txt"
    assert listed.entries["circle back"] == "reply" and "leverage" not in listed.entries


def test_null_is_nothing_where_nothing_is_allowed_else_the_default() -> None:
    from contentlint.kinds.repetition import CrossChannelRepeat
    from contentlint.kinds.shouting import Shouting

    assert build_kind(CrossChannelRepeat, {"threshold": None}).threshold is None
    assert build_kind(Shouting, {"min_letters": None}).min_letters == 4
    assert build_kind(WordList, {"extra": ["super"], "list": None}).list is None


@pytest.mark.parametrize("name", ["../channels.yaml", "/etc/passwd", "jargon", "nope.txt", "wordlists/jargon.txt"])
def test_a_word_list_option_reads_only_a_shipped_list(name: str) -> None:
    with pytest.raises(OptionError, match=r"option 'list': no word list .* in rules/wordlists"):
        build_kind(WordList, {"list": name})


def test_rule_packs_get_the_same_checks(tmp_path: Path) -> None:
    rule = {"code": "TM001", "name": "tm", "kind": "existence", "severity": "warning", "message": "m"}
    path = tmp_path / "rule.yaml"
    for options, expected in [
        ({"tokenz": ["x"]}, "options: unknown option 'tokenz' for kind existence; did you mean 'tokens'?"),
        ({"tokens": ["x"], "max": 1}, "options: unknown option 'max' for kind existence (options: ignorecase,"),
        ({"tokens": "x"}, "options: option 'tokens' of kind existence expects a list of text, got text"),
    ]:
        path.write_text(yaml.safe_dump({**rule, "options": options}))
        with pytest.raises(RuleError) as caught:
            load_rule_file(path, "team")
        assert expected in str(caught.value)


# ------------------------------------------------------------------ messages from the rule YAML


def test_messages_in_a_rule_pack_are_checked(tmp_path: Path) -> None:
    rule = {"code": "TM001", "name": "tm", "kind": "existence", "severity": "warning", "message": "m"}
    rule["options"] = {"tokens": ["x"]}
    path = tmp_path / "rule.yaml"
    path.write_text(yaml.safe_dump({**rule, "messages": {"other": "o"}}))
    with pytest.raises(RuleError, match=r"messages: 'other' is not a message of kind existence \(its messages: none\)"):
        load_rule_file(path, "team")
    path.write_text(yaml.safe_dump({**rule, "messages": {"Bad Key": "o"}}))
    with pytest.raises(RuleError, match=r"messages: must be a mapping of snake_case names"):
        load_rule_file(path, "team")
    path.write_text(yaml.safe_dump({**rule, "messages": ["o"]}))
    with pytest.raises(RuleError, match=r"messages: must be a mapping"):
        load_rule_file(path, "team")


@pytest.mark.parametrize("spec", SPECS, ids=lambda s: s.code)
def test_each_built_in_rule_has_exactly_the_messages_its_kind_names(spec: Any) -> None:
    kind = KINDS[spec.kind]
    assert set(spec.messages) == set(kind.message_keys), spec.code
    for template in (spec.message, *spec.messages.values()):
        list(string.Formatter().parse(template))  # a template that does not parse fails here


def test_a_finding_names_its_template() -> None:
    spec = SPECS[0]
    spec = dataclasses.replace(spec, message="default {a}", messages={"other": "other {a}!"})
    assert placing.render_message(spec, {"a": 1}) == "default 1"
    assert placing.render_message(spec, {"a": 1}, "other") == "other 1!"
    assert placing.render_message(spec, {"message": "no override any more", "a": 2}) == "default 2"


# Posts for wordings the examples and case files do not reach: (rule, text, config).
RARE = [
    ("HT007", "---\nchannel: x\n---\nOur #summer\u200bsale is on", {}),
    ("HT007", "---\nchannel: x\n---\nSee our range#pens today", {}),
    ("HT007", "---\nchannel: bluesky\n---\nSee (#pens) today", {}),
    ("HT007", "---\nchannel: x\n---\nBig news #-sale today", {}),
    ("HT007", "---\nchannel: x\n---\nThe class of #2026 starts", {}),
    ("HT007", "---\nchannel: mastodon\n---\nNew at a/#pens now", {}),
    ("HT007", "---\nchannel: threads\n---\nNew pens #Pens #Ink", {}),
    ("HT007", "---\nchannel: threads\n---\nNew pens #Pens #Ink #Paper", {}),
    ("HT003", "---\nchannel: x\n---\nNew pens #Pens", {"hashtags": {"banned_file": "/nonexistent/banned.txt"}}),
    ("BV001", "---\nchannel: x\n---\nHello \ufffe world", {}),
    ("AX001", "---\nchannel: x\nimages:\n  - src: a.png\n    alt: " + "A pen " * 200 + "\n---\nPens", {}),
    ("AX002", "---\nchannel: x\n---\nSale 🎉🎉🎉🎉 today", {}),
    ("AX002", "---\nchannel: x\n---\nWe 😍 🎉 ✨ 🙌 pens", {}),
    ("AX002", "---\nchannel: x\n---\nWe 💙 pens", {}),
    ("CL006", "---\nchannel: x\n---\nWHAT A GREAT SALE today", {}),
    ("CL006", "---\nchannel: x\n---\nBuy now!!!", {}),
    ("BR002", "Cheaper pens today.", {"brand": {"terms": {"prefer": {"cheap": "affordable"}}}}),
    ("BR002", "A cheap pen.", {"brand": {"terms": {"prefer": {"cheap": "under-priced", "under-priced": "x"}}}}),
    ("BR006", "---\nsponsored: true\n---\n" + "Our pens write well. " * 10 + "\n\n#ad", {}),
    ("RP001", "---\nchannels: [instagram, x]\n---\nExams are coming. Our gel pens dry in a second.", {}),
    ("RP002", "---\nchannels: [x, x]\n---\nExams are coming. Our gel pens dry in a second.", {}),
]


def _case_posts() -> list[tuple[str, str, dict[str, Any]]]:
    posts = []
    for spec in SPECS:
        for text in (*spec.examples_fail, *spec.examples_pass):
            posts.append((spec.code, text, dict(spec.example_config)))
    for path in sorted((REPO / "tests" / "rules").glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for case in data.get("cases", []):
            config = {**(data.get("config") or {}), **(case.get("config") or {})}
            posts.append((data["rule"], case["text"], config))
    return posts + RARE


def test_every_template_gets_every_placeholder_it_names(monkeypatch: pytest.MonkeyPatch) -> None:
    """Rendered with a strict renderer over every example, case and rare post: a template naming
    an argument its finding lacks fails here; and every template of every rule is used once."""
    used: dict[str, set[str | None]] = {}
    problems: list[str] = []

    def strict(spec: Any, args: Mapping[str, Any], key: str | None = None) -> str:
        template = spec.messages[key] if key else spec.message
        used.setdefault(spec.code, set()).add(key)
        names = {field for _, field, _, _ in string.Formatter().parse(template) if field}
        missing = sorted(names - set(args))
        if missing:
            problems.append(f"{spec.code} {key or 'message'}: no {missing} in {sorted(args)}")
        return template.format_map(dict(args))

    monkeypatch.setattr(placing, "render_message", strict)
    for code, text, config in _case_posts():
        lint_one(code, text, config, path="post.txt" if code == "AX002" else "post.md")
    assert not problems, problems
    unused = [f"{spec.code} {key}" for spec in SPECS for key in spec.messages if key not in used.get(spec.code, set())]
    assert not unused, f"templates no example, case or rare post reaches: {unused}"


def test_explain_lists_declared_options_and_other_messages() -> None:
    spec = next(s for s in SPECS if s.code == "BR006")
    from contentlint.kinds.brand.disclosure import MissingDisclosure

    text = explain(spec, option_docs(MissingDisclosure, spec.options))
    assert "Other messages (a finding names the one that fits):\n  buried: The disclosure comes after" in text
    assert "  tag_list: disclosure-tags.txt\n      a word list of disclosure hashtags" in text
    assert "  upfront: true\n" in text
    assert explain(spec).count("Options (defaults):") == 1 and "buried" not in explain(spec)  # SARIF help as before


# ------------------------------------------------------------------ checks are pure


def test_no_kind_opens_a_file() -> None:
    """Word lists, the banned-hashtag file and channel profiles come in as data (the import
    contract keeps kinds away from inputs and caches; this keeps them away from files)."""
    reads = ("read_text(", "read_bytes(", "open(", ".stat(", "builtin_rules_dir", "WordLists(", "read_wordlist(")
    for path in sorted((REPO / "contentlint" / "kinds").rglob("*.py")):
        source = path.read_text(encoding="utf-8")
        found = [read for read in reads if read in source]
        assert not found, f"{path.relative_to(REPO)} reads files: {found}"


def test_the_banned_file_is_read_when_the_engine_is_built(tmp_path: Path) -> None:
    """Not while linting: a file deleted after the engine was built is still the list it read."""
    from contentlint.config.load import load_config
    from contentlint.run import RunOptions
    from contentlint.workspace import Workspace

    banned = tmp_path / "banned.txt"
    banned.write_text("# tags we never use\n#followforfollow\n＃Like4Like\n", encoding="utf-8")
    (tmp_path / ".contentlint.yaml").write_text("hashtags:\n  banned_file: banned.txt\n", encoding="utf-8")
    workspace = Workspace(load_config(tmp_path / ".contentlint.yaml"), options=RunOptions(select=("HT003",)))
    banned.unlink()
    found = workspace.check_text("---\nchannel: x\n---\nNew! #like4like #FollowForFollow #Pens", path="p.md")
    assert [v.message for v in found] == [
        "#like4like is on the team's banned hashtag list",
        "#FollowForFollow is on the team's banned hashtag list",
    ]
    workspace.reload_config()  # a new engine reads the file again: now it is gone
    [error] = workspace.check_text("---\nchannel: x\n---\nNew! #like4like", path="p.md")
    assert error.severity == "error" and "cannot read hashtags.banned_file 'banned.txt'" in error.message


# ------------------------------------------------------------------ channel aliases as data


def test_channel_aliases_live_in_the_channel_profiles() -> None:
    from contentlint.config.profiles import builtin_channel_aliases, load_channel_profiles
    from contentlint.inputs.calendar_csv import normalise_channel

    profiles = load_channel_profiles()
    aliases = [alias for profile in profiles.values() for alias in profile.aliases]
    assert len(aliases) == len(set(aliases)), "an alias names two channels"
    assert not set(aliases) & set(profiles), "an alias is a channel's own name"
    assert builtin_channel_aliases()["twitter"] == "x" and builtin_channel_aliases()["gmb"] == "google-business"
    assert normalise_channel("X (Twitter)") == "x" and normalise_channel("Google My Business") == "google-business"


def test_a_config_cannot_rename_channels_through_aliases() -> None:
    from contentlint.config.load import ConfigError, load_config
    from contentlint.workspace import Workspace

    with pytest.raises(ConfigError, match="unknown key 'aliases'"):
        Workspace(load_config({"channels": {"x": {"aliases": ["tweets"]}}}))


def test_unknown_channel_suggests_the_channel_an_alias_names() -> None:
    """FM002 reads the same aliases as the scheduler CSV reader (it had five of its own)."""
    [found] = lint_one("FM002", "---\nchannel: meta\n---\nHello")
    assert found.message.startswith("Unknown channel 'meta'; did you mean 'facebook'?")
    [found] = lint_one("FM002", "---\nchannel: twitter\n---\nHello")
    assert found.message.startswith("Unknown channel 'twitter'; did you mean 'x'?")
