"""Word lists: the one reader of the term files rules use, and where their names are found.

A word list is a text file, one entry a line: a word or phrase, or `term<TAB>replacement` for
lists that suggest one. A comment is a line whose first non-space character is `#` (or the
fullwidth `＃`) followed by a space or nothing: so `# a note` is a comment while `#1`, `#ad` and
`#followforfollow` are entries. Blank lines are skipped. The shipped lists live in
`rules/wordlists/` (a test keeps them sorted, without duplicates or replacement loops); a team's
banned-hashtag file is read by the same rule.

Lists are read here, where files may be read; rules get them as data (`TermList`), loaded once
per engine.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from contentlint.config.builtin import builtin_rules_dir
from contentlint.config.errors import OptionError
from contentlint.config.files import UnreadableFile, read_text

_COMMENT_MARKS = ("#", "＃")


@dataclass(frozen=True)
class TermList:
    """The entries of one word-list file: (term, replacement or None), in file order."""

    name: str
    entries: tuple[tuple[str, str | None], ...]

    @property
    def terms(self) -> tuple[str, ...]:
        return tuple(term for term, _ in self.entries)


class WordListError(OSError):
    """A word-list file that cannot be read or decoded; the message names it."""


def is_comment(line: str) -> bool:
    """`# note` and a lone `#` are comments; `#1` and `#ad` are entries."""
    stripped = line.strip()
    return stripped[:1] in _COMMENT_MARKS and (len(stripped) == 1 or stripped[1].isspace())


def parse_wordlist(text: str) -> tuple[tuple[str, str | None], ...]:
    """Entries of a word list's text: comments and blank lines skipped, spaces around each part trimmed."""
    entries: list[tuple[str, str | None]] = []
    for line in text.splitlines():
        if not line.strip() or is_comment(line):
            continue
        term, _, replacement = line.partition("\t")
        entries.append((term.strip(), replacement.strip() or None))
    return tuple(entries)


def read_wordlist(path: Path) -> TermList:
    """A word-list file (UTF-8, a byte order mark allowed); WordListError when it cannot be read
    (as for configs: over the size limit, a pipe or a device is refused, not read)."""
    try:
        text = read_text(path, "utf-8-sig")  # bounded, never a pipe or a device
    except UnreadableFile as exc:
        raise WordListError(f"cannot read word list {path}: {exc}") from None
    return TermList(path.name, parse_wordlist(text))


def builtin_wordlists_dir() -> Path:
    return builtin_rules_dir() / "wordlists"


class WordLists:
    """The shipped word lists by file name, each read at most once (one per engine).

    A name is a plain file name ending in `.txt` inside `rules/wordlists/`; anything else (a
    path, `..`, another suffix) is an OptionError, so a rule option can never read another file.
    """

    def __init__(self, folder: Path | None = None) -> None:
        self.folder = folder or builtin_wordlists_dir()
        self._loaded: dict[str, TermList] = {}

    def get(self, name: str) -> TermList:
        if name not in self._loaded:
            path = self.folder / name
            if Path(name).name != name or path.suffix != ".txt" or not path.is_file():
                raise OptionError(f"no word list {name!r} in rules/wordlists")
            try:
                self._loaded[name] = read_wordlist(path)
            except WordListError as exc:
                raise OptionError(str(exc)) from None
        return self._loaded[name]


def read_banned_hashtags(banned_file: str, root: Path) -> TermList | None:
    """The config's `hashtags.banned_file` (relative to the config's folder), or None when it
    cannot be read: HT003 then reports on every post that banned tags were not checked."""
    path = Path(banned_file)
    try:
        return read_wordlist(path if path.is_absolute() else root / path)
    except WordListError:
        return None
