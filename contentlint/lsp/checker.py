"""The warm Workspace behind the server, and its config: what is checked, reloads that keep the
last good config, and which changed files feed the corpus index or the config.

Every call runs on the server's one worker thread, so the Workspace is never used by two at once.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass
from pathlib import Path

from contentlint.config.errors import ConfigError
from contentlint.config.load import CONFIG_NAMES, find_config
from contentlint.engine.building import explain_rule
from contentlint.engine.counts import ChannelCount
from contentlint.engine.rule_set import UsageError
from contentlint.inputs.read import ReadError
from contentlint.inputs.readers import MANY_POST_SUFFIXES
from contentlint.inputs.source import SourceError
from contentlint.model.rulespec import RuleSpec
from contentlint.model.violation import Fix, Violation
from contentlint.run import RunOptions
from contentlint.text.document import POST_SUFFIXES
from contentlint.workspace import WARM_UP_POST, Workspace

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ConfigProblem:
    """A config that could not be loaded: where (file and 1-based line, when known) and what."""

    path: Path | None
    line: int | None
    key: str
    message: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.path and self.line else str(self.path or "config")
        return f"{where}: {self.key}: {self.message}" if self.key else f"{where}: {self.message}"


@dataclass(frozen=True)
class Checked:
    """One buffer checked: its violations, and what could not be checked (rule crashes,
    unreadable text, a broken config); `checked` is False for a file that is not a post of
    the repo, which gets no diagnostics at all."""

    violations: tuple[Violation, ...] = ()
    problems: tuple[str, ...] = ()
    checked: bool = True


NOT_A_POST = Checked(checked=False)


class Checker:
    """One content repo (the editor's workspace folder) and its config, held warm."""

    def __init__(self, root: Path, config: str | None = None) -> None:
        self.root = root
        self.config_option = config
        self.workspace: Workspace | None = None
        self.problem: ConfigProblem | None = None
        self._stamp: tuple[tuple[str, int, int], ...] = ()

    # ------------------------------------------------------------ config

    def load(self) -> ConfigProblem | None:
        """Read the config (again). On a problem the last good config and engine stay."""
        self._stamp = self._config_stamp()
        try:
            if self.workspace is None:
                self.workspace = Workspace(self.config_option, root=self.root, options=RunOptions())
            else:
                self.workspace.reload_config()
        except ConfigError as exc:
            self.problem = ConfigProblem(self._resolve(exc.path), exc.line, exc.key, exc.message)
        except UsageError as exc:
            self.problem = ConfigProblem(self.config_file(), None, "", str(exc))
        else:
            self.problem = None
        return self.problem

    def _resolve(self, path: str | None) -> Path | None:
        if not path or path.startswith("<"):
            return self.config_file()
        candidate = Path(path)
        return candidate if candidate.is_absolute() else self.root / candidate

    def config_file(self) -> Path | None:
        """The config file in force, or the one the next load would read."""
        if self.config_option:
            option = Path(self.config_option)
            return option if option.is_absolute() else self.root / option
        if self.workspace is not None and self.workspace.config.path:
            return Path(os.path.abspath(self.workspace.config.path))
        return find_config(self.root)

    def _config_stamp(self) -> tuple[tuple[str, int, int], ...]:
        """Which config file would be read, and its and the banned-hashtags file's size and time."""
        if self.config_option:
            files = [self.config_file()]
        else:
            files = [find_config(self.root)]
        if self.workspace is not None and self.workspace.config.hashtags.banned_file:
            files.append(self.workspace.config.root / self.workspace.config.hashtags.banned_file)
        stamp = []
        for path in files:
            if path is None:
                continue
            try:
                status = path.stat()
            except OSError:
                stamp.append((str(path), -1, -1))
            else:
                stamp.append((str(path), status.st_mtime_ns, status.st_size))
        return tuple(stamp)

    def config_changed(self) -> bool:
        """A few stats: whether the config was edited, created or removed since it was read. For
        editors that cannot watch files (Neovim on Linux without inotifywait): a config saved in
        another window is read again at the next check."""
        return self._config_stamp() != self._stamp

    def is_config_input(self, path: Path) -> bool:
        """Whether a change to `path` can change the config: the config file, a config that
        would now be found first, a folder's own config below the root (each post uses the
        nearest), the banned-hashtags file or a team rule pack."""
        if path == self.config_file():
            return True
        if not self.config_option and (path.name in CONFIG_NAMES or path.name == "pyproject.toml"):
            return path.parent in (self.root, *self.root.parents) or path.is_relative_to(self.root)
        if self.workspace is None:
            return False
        config = self.workspace.config
        if config.hashtags.banned_file and path == config.root / config.hashtags.banned_file:
            return True
        packs = [config.root / entry for entry in config.extends if entry != "default"]
        return any(path.is_relative_to(pack) for pack in packs)

    # ------------------------------------------------------------ posts

    def wants(self, path: Path | None) -> bool:
        """Whether a file gets diagnostics: a post of config `content` (any post file when the
        config names none), or a scheduler export inside the repo."""
        if path is None:
            return False
        name = path.name.lower()
        if name.endswith(MANY_POST_SUFFIXES):
            return path.is_relative_to(self.root)
        if self.workspace is None:
            return name.endswith(POST_SUFFIXES)
        return self.workspace.covers(path)

    def check(self, path: Path | None, text: str) -> Checked:
        if not self.wants(path):
            return NOT_A_POST
        assert path is not None
        if self.workspace is None:
            return Checked(problems=(f"not checked: the config is broken ({self.problem})",))
        try:
            result = self.workspace.check(path, text)
        except (SourceError, ReadError) as exc:
            return Checked(problems=(f"not checked: {exc}",))
        except Exception as exc:  # a bug must cost one check, never the server
            log.exception("checking %s failed", path)
            return Checked(problems=(f"internal error while checking: {exc!r}",))
        for error in result.errors:
            log.error("%s: %s", path, error.message)
        return Checked(result.violations, tuple(error.message for error in result.errors))

    def file_changed(self, path: Path, deleted: bool) -> str:
        """A file changed on disk. 'config' when the config was read again, 'post' when the
        corpus index took the change, '' when it concerns neither."""
        if self.is_config_input(path):
            self.load()
            return "config"
        if self.workspace is None or not path.name.lower().endswith(POST_SUFFIXES) or not self.workspace.covers(path):
            return ""
        if deleted:
            self.workspace.remove(path)
        else:
            self.workspace.update(path)
        return "post"

    def warm_up(self) -> None:
        """Build the corpus index now (through the caches), and check a sample post so the rules'
        lazily loaded tables (top-level domains, word lists) are read before the first keystroke."""
        if self.workspace is None:
            return
        try:
            self.workspace.index()
        except Exception:
            log.exception("building the corpus index failed")
        try:
            self.workspace.check_text(WARM_UP_POST)
        except Exception:  # the sample post is only a warm-up: a rule that fails on it fails on a post too
            log.debug("the warm-up check failed", exc_info=True)

    # ------------------------------------------------------------ what hover and code actions need

    def rule(self, code: str) -> RuleSpec | None:
        return self.workspace.engine.catalogue.find(code) if self.workspace is not None else None

    def explain(self, code: str) -> str | None:
        spec = self.rule(code)
        return explain_rule(spec) if spec is not None else None

    def rule_href(self, code: str) -> str | None:
        """The rule's own documentation: its YAML file (description, options, examples)."""
        spec = self.rule(code)
        if spec is None or not spec.source or not Path(spec.source).is_absolute():
            return None
        return Path(spec.source).as_uri()

    def counts(self, path: Path, text: str) -> list[ChannelCount]:
        if self.workspace is None or path.name.lower().endswith(MANY_POST_SUFFIXES):
            return []
        return self.workspace.counts(text, self.workspace.display(path))

    def fix_all(self, path: Path, text: str) -> str | None:
        """The text with every safe fix applied, or None when there is nothing to fix."""
        if self.workspace is None or path.name.lower().endswith(MANY_POST_SUFFIXES):
            return None
        fixed, applied = self.workspace.fix_text(text, self.workspace.display(path))
        return fixed if applied and fixed != text else None

    def suppression(self, path: Path, text: str, line: int, code: str, scope: str) -> Fix | None:
        if self.workspace is None:
            return None
        return self.workspace.suppression(text, path, line, code, scope)
