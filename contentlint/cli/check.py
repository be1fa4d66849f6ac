"""`contentlint check`: the command a person, a pre-commit hook and a CI gate run."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

import click

from contentlint.cli.common import EXIT_ERROR, EXIT_FAIL, EXIT_OK, fatal, open_workspace, split_list
from contentlint.formatters import FORMATS, RenderOptions, render
from contentlint.formatters.escape import escape_text


@click.command()
@click.argument("paths", nargs=-1)
@click.option(
    "--config", "config_path", type=click.Path(dir_okay=False), help="Config file (default: nearest .contentlint.yaml)."
)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(tuple(FORMATS)),
    default=None,
    help="Output format (default: text; github inside GitHub Actions).",
)
@click.option("--output", "-o", type=click.Path(dir_okay=False, writable=True), help="Write the report to a file.")
@click.option(
    "--select", multiple=True, help="Only these rules: codes, names, categories or prefixes, comma-separated."
)
@click.option("--ignore", multiple=True, help="Skip these rules: codes, names, categories or prefixes.")
@click.option(
    "--fail-on",
    type=click.Choice(("error", "warning", "suggestion", "never")),
    help="Lowest severity that fails the run.",
)
@click.option(
    "--exit-zero", is_flag=True, help="Exit 0 even when problems are found (errors reading files still exit 2)."
)
@click.option("--channel", help="Channel for posts whose front matter names none.")
@click.option("--audience", help="Audience for posts whose front matter names none.")
@click.option("--statistics", is_flag=True, help="Count problems per rule.")
@click.option("--fix", is_flag=True, help="Apply safe fixes in place.")
@click.option("--diff", is_flag=True, help="Show what --fix would change, as a unified diff; write nothing.")
@click.option("--no-cache", is_flag=True, help="Do not read or write the cache.")
@click.option(
    "--jobs", "-j", type=click.IntRange(0, 256), default=None, help="Worker processes (default: CPUs; 1: none)."
)
@click.option("--quiet", "-q", is_flag=True, help="Print only problems, no summary.")
def check(
    paths: tuple[str, ...],
    config_path: str | None,
    output_format: str | None,
    output: str | None,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    fail_on: str | None,
    exit_zero: bool,
    channel: str | None,
    audience: str | None,
    statistics: bool,
    fix: bool,
    diff: bool,
    no_cache: bool,
    jobs: int | None,
    quiet: bool,
) -> None:
    """Check posts (files, folders, or - for stdin)."""
    from contentlint.run import fails

    if output_format is None:
        output_format = "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"
    workspace = open_workspace(
        config_path,
        select=split_list(select),
        ignore=split_list(ignore),
        channel=channel,
        audience=audience,
        use_cache=not no_cache,
        jobs=jobs if jobs is not None else (os.cpu_count() or 1),
        all_texts=FORMATS[output_format].all_texts,
    )
    targets = list(paths) or workspace.default_targets()
    progress = _progress() if sys.stderr.isatty() and not quiet else None
    report = workspace.check_paths(targets, progress=progress)
    for note in report.notes:
        click.echo(f"contentlint: warning: {escape_text(note)}", err=True)
    if fix or diff:
        report, changes = workspace.fix(report, targets, write=fix, progress=progress)
        if diff:
            click.echo(changes, nl=False)
            if not fix:
                sys.exit(EXIT_OK if not report.errors else EXIT_ERROR)
    colour = output is None and sys.stdout.isatty() and "NO_COLOR" not in os.environ
    options = RenderOptions(colour=colour, statistics=statistics, quiet=quiet)
    rendered = render(output_format, report, workspace.engine.catalogue.by_code(), options)
    if output:
        try:
            Path(output).write_text(rendered, encoding="utf-8")
        except OSError as exc:
            fatal(f"cannot write {output}: {exc.strerror or exc}")
        if not FORMATS[output_format].has_summary and not quiet:
            from contentlint.formatters.text import summary_line

            click.echo(summary_line(report), err=True)
    else:
        click.echo(rendered, nl=False)
    if report.errors:
        sys.exit(EXIT_ERROR)
    if not exit_zero and fails(report, fail_on or workspace.config.fail_on):
        sys.exit(EXIT_FAIL)
    sys.exit(EXIT_OK)


def _progress() -> Any:
    def report(index: int, total: int) -> None:
        if total < 300:
            return
        if index % 200 == 0 or index == total - 1:
            click.echo(f"\rchecking {index + 1}/{total} files", err=True, nl=index == total - 1)

    return report
