"""Output formats: one module per format, each with `render(report, rules, ...) -> str`.

Adding a format is a module here and one entry in `FORMATS` (format name -> module name).
Formatters depend on the model only: a report in, text out.
"""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module
from typing import Any

FORMATS: dict[str, str] = {
    "text": "text",
    "concise": "concise",
    "json": "json_format",
    "sarif": "sarif",
    "github": "github",
    "junit": "junit",
    "html": "html",
}


def renderer(name: str) -> Callable[..., str]:
    """The `render` function of a format, imported when it is first asked for."""
    module: Any = import_module(f"contentlint.formatters.{FORMATS[name]}")
    return module.render  # type: ignore[no-any-return]
