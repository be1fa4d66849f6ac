"""Which config a post uses: the nearest one in its own folder or above (as ruff and ESLint find
theirs), so one repo can hold one config per brand folder. `--config` forces one for every post.

Looked up once per folder and kept: a run over 10,000 posts in 20 folders asks the file system
about 20 folders, not 10,000 files.
"""

from __future__ import annotations

import os
from pathlib import Path

from contentlint.config.load import find_config


class ConfigFinder:
    """The nearest config file of each folder, cached (None: no config, the built-in defaults)."""

    def __init__(self, forced: Path | None = None) -> None:
        self.forced = forced
        self._nearest: dict[str, Path | None] = {}

    def for_file(self, path: str | os.PathLike[str]) -> Path | None:
        """The config of the file at `path`: the nearest in its folder or above."""
        return self.for_folder(os.path.dirname(os.path.abspath(path)))

    def for_folder(self, folder: str) -> Path | None:
        if self.forced is not None:
            return self.forced
        if folder in self._nearest:
            return self._nearest[folder]
        # Only this folder is asked about here; its parent's answer is cached for its siblings.
        found = find_config(Path(folder), parents=False)
        if found is None:
            parent = os.path.dirname(folder)
            found = self.for_folder(parent) if parent != folder else None
        self._nearest[folder] = found
        return found

    def forget(self) -> None:
        """A config file was created, moved or deleted: look again."""
        self._nearest.clear()
