"""spaCy pipelines a team names for the rules that can use a parser: config `nlp: {en: ...}`, or the
`CONTENTLINT_SPACY_EN` environment variable, which overrides it.

spaCy is an extra (`pip install 'contentlint[spacy]'`): no default rule needs it, and it is most
of a full install's size and time. Only CL003 passive-voice uses a pipeline, and only a trained
English one with a dependency parser (package name such as `en_core_web_sm`, or a folder with a
`config.cfg`). Whether it can be used is checked when the config is read, without importing
spaCy (0.7 s): a pipeline that is not installed is a config error naming the extra and the
package, not a failure in every post.
"""

from __future__ import annotations

import importlib.util
import os
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from contentlint.config.errors import ConfigError
from contentlint.config.model import Config

if TYPE_CHECKING:
    from contentlint.config.checker import Checker

LANGS = ("en",)  # languages a rule can use a trained pipeline for (CL003: English)
EXTRA = "contentlint[spacy]"


def env_name(lang: str) -> str:
    return f"CONTENTLINT_SPACY_{lang.upper()}"


def installed(module: str) -> bool:
    """Whether a module can be imported, found without importing it."""
    try:
        return importlib.util.find_spec(module) is not None
    except (ImportError, ValueError, AttributeError):  # a blocked or half-installed package
        return False


def is_folder(name: str) -> bool:
    """A pipeline named by its folder rather than its package (spaCy accepts both)."""
    return "/" in name or os.sep in name or name.startswith(".")


def resolve(name: str, root: Path) -> str:
    """The value spaCy is given: a package name as written, a folder made absolute."""
    return str((root / name).resolve()) if is_folder(name) else name


def problem(name: str) -> str | None:
    """Why the pipeline `name` (as `resolve` returns it) cannot be used, or None."""
    if not installed("spacy"):
        return (
            f"names the spaCy pipeline {name!r}, but spaCy is not installed: "
            f"pip install '{EXTRA}', and the pipeline's own package"
        )
    if is_folder(name):
        if not (Path(name) / "config.cfg").is_file():
            return f"no spaCy pipeline at {name} (a pipeline folder holds config.cfg)"
        return None
    if not name.isidentifier() or not installed(name):
        return (
            f"the spaCy pipeline package {name!r} is not installed: install it beside '{EXTRA}' "
            f"(for example: python -m spacy download {name})"
        )
    return None


def pipelines(check: Checker, value: Any, path: tuple[Any, ...], root: Path) -> dict[str, str]:
    """Trained spaCy pipelines by language, found installed now (`config.nlp`)."""
    named = check.mapping(value, path, {lang: check.string for lang in LANGS})
    for lang, name in named.items():
        named[lang] = resolve(name.strip(), root)
        found = problem(named[lang])
        if found:
            raise check.fail(path + (lang,), found)
    return named


def with_environment(config: Config, cwd: Path) -> Config:
    """`CONTENTLINT_SPACY_<LANG>` overrides config `nlp` (a folder in it is relative to the
    current folder), held to the same check."""
    override = {}
    for lang in LANGS:
        value = os.environ.get(env_name(lang), "").strip()
        if value:
            value = resolve(value, cwd)
            found = problem(value)
            if found:
                raise ConfigError("environment", env_name(lang), found)
            override[lang] = value
    return replace(config, nlp={**config.nlp, **override}) if override else config
