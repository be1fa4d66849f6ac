"""Plain-text documentation of one rule, built from its YAML spec.

`contentlint explain CODE` prints it and the SARIF formatter ships it as each rule's help, so
the words a user reads in the terminal and in a code-scanning UI are the same ones.
"""

from __future__ import annotations

import json
import re
import textwrap
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from contentlint.model.rulespec import RuleSpec

_WIDTH = 78
_MAX_LIST_ITEMS = 8
# A sentence ends at . ! ? or the Bengali danda, followed by space or the end of the text;
# common abbreviations are not ends ("e.g. a hashtag").
_ABBREVIATIONS = ("e.g.", "i.e.", "etc.", "vs.", "approx.", "incl.")
_SENTENCE_END = re.compile(r"[.!?।](?=\s|$)")


def short_description(spec: RuleSpec) -> str:
    """The first sentence of the description (the rule name in words if there is none)."""
    text = " ".join(spec.description.split())
    if not text:
        return spec.name.replace("-", " ").capitalize() + "."
    for match in _SENTENCE_END.finditer(text):
        head = text[: match.end()]
        if not head.lower().endswith(_ABBREVIATIONS):
            return head
    return text


@dataclass(frozen=True)
class OptionDoc:
    """One option a rule's kind declares, as `contentlint explain` lists it."""

    name: str
    value: Any  # what the rule uses unless a config says otherwise (its YAML, else the kind's default)
    doc: str
    expects: str  # "a whole number, 1 or more"


def explain(spec: RuleSpec, options: Sequence[OptionDoc] | None = None) -> str:
    """Header, what and why, options with defaults, and the rule's own examples.

    With `options` (the kind's declared options; `contentlint explain` gives them) every option
    is listed with what it expects and its doc, and so are the rule's other message templates.
    Without, the options its YAML sets are listed (the rule help in SARIF and the HTML report).
    """
    flags = [spec.category, f"default {spec.severity}"]
    if spec.fixable:
        flags.append("fixable")
    parts = [f"{spec.code} {spec.name} ({', '.join(flags)})"]
    if spec.description.strip():
        parts.append(_paragraphs(spec.description))
    if not spec.enabled:
        parts.append(f"Off by default; turn it on in the config with `rules: {{{spec.name}: on}}`.")
    if spec.message:
        parts.append(f"Message: {spec.message}")
    if options is not None and spec.messages:
        lines = ["Other messages (a finding names the one that fits):"]
        lines += [f"  {key}: {template}" for key, template in spec.messages.items()]
        parts.append("\n".join(lines))
    if options:
        lines = ["Options (with this rule's values):"]
        for doc in options:
            lines.append(f"  {doc.name}: {_value(doc.value)}")
            about = f"{doc.doc} ({doc.expects})" if doc.doc else doc.expects
            lines.extend(textwrap.wrap(about, _WIDTH, initial_indent=" " * 6, subsequent_indent=" " * 6))
        parts.append("\n".join(lines))
    elif options is None and spec.options:
        lines = ["Options (defaults):"]
        for key, value in spec.options.items():
            lines.append(f"  {key}: {_value(value)}")
        parts.append("\n".join(lines))
    if spec.examples_fail or spec.examples_pass:
        lines = ["Examples:"]
        for label, examples in (("Reported", spec.examples_fail), ("Fine", spec.examples_pass)):
            for example in examples:
                body = textwrap.indent(example.rstrip("\n"), "    ").lstrip()
                lines.append(f"  {label}: {body}")
        if spec.example_config:
            lines.append(f"  (examples run with config {_value(spec.example_config)})")
        parts.append("\n".join(lines))
    return "\n\n".join(parts) + "\n"


def _paragraphs(text: str) -> str:
    """Wrap each paragraph on its own so blank lines in the YAML description survive."""
    chunks = re.split(r"\n\s*\n", text.strip())
    return "\n\n".join(textwrap.fill(" ".join(chunk.split()), _WIDTH) for chunk in chunks)


def _value(value: Any) -> str:
    """A YAML-ish one-line rendering; long word lists are cut so the help stays readable."""
    if isinstance(value, str):
        return value if value and value.strip() == value else json.dumps(value, ensure_ascii=False)
    if isinstance(value, (list, tuple)) and len(value) > _MAX_LIST_ITEMS:
        shown = json.dumps(list(value[:_MAX_LIST_ITEMS]), ensure_ascii=False, default=str)
        return f"{shown[:-1]}, ...] ({len(value)} in all)"
    if isinstance(value, (list, tuple, dict)) or value is None or isinstance(value, bool):
        return json.dumps(value, ensure_ascii=False, default=str)
    return str(value)
