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
    "--config",
    "config_path",
    type=click.Path(dir_okay=False),
    help="Config file for every post (default: each post's nearest .contentlint.yaml).",
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
@click.option("--fix", is_flag=True, help="Apply safe fixes in place (stdin: print the fixed post).")
@click.option(
    "--diff", is_flag=True, help="Show what --fix would change, as a unified diff; write nothing; exit 1 if any."
)
@click.option(
    "--force-exclude",
    is_flag=True,
    help="Skip files named here that are not posts of their config (content, exclude, .gitignore); for hooks.",
)
@click.option(
    "--baseline",
    "baseline_path",
    type=click.Path(dir_okay=False),
    help="Report only findings not in this baseline (default: the config's `baseline`).",
)
@click.option(
    "--write-baseline",
    type=click.Path(dir_okay=False, writable=True),
    help="Record every finding of this run in a baseline file, and exit 0.",
)
@click.option("--no-cache", is_flag=True, help="Do not read or write the cache.")
@click.option(
    "--jobs", "-j", type=click.IntRange(0, 256), default=None, help="Worker processes (default: CPUs; 1: none)."
)
@click.option("--quiet", "-q", is_flag=True, help="Print only file headers and problems: no summary.")
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
    force_exclude: bool,
    baseline_path: str | None,
    write_baseline: str | None,
    no_cache: bool,
    jobs: int | None,
    quiet: bool,
) -> None:
    """Check posts (files, folders, or - for stdin)."""
    from contentlint.baseline import BaselineError
    from contentlint.engine.rule_set import UsageError
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
        all_texts=FORMATS[output_format].all_texts or fix or diff,  # a fix compares and rewrites texts
    )
    targets = list(paths) or workspace.default_targets()
    progress = _progress() if sys.stderr.isatty() and not quiet else None
    try:
        report = workspace.check_paths(targets, progress=progress, force_exclude=force_exclude)
    except UsageError as exc:
        fatal(str(exc))
    report_stream = sys.stdout
    if list(paths) == ["-"] and (fix or diff):
        report, changed = _fix_stdin(workspace, report, write=fix, show_diff=diff)
        report_stream = sys.stderr  # stdout holds the fixed post
        if diff and not fix:
            sys.exit(EXIT_ERROR if report.errors else EXIT_FAIL if changed else EXIT_OK)
    elif fix or diff:
        report, changes, fixed = workspace.fix(
            report, targets, write=fix, progress=progress, force_exclude=force_exclude
        )
        if diff:
            click.echo(changes, nl=False)
            if not fix:
                sys.exit(EXIT_ERROR if report.errors else EXIT_FAIL if changes else EXIT_OK)
        if fix and not quiet:
            _say_fixed(fixed)
    if write_baseline:
        count = workspace.write_baseline(Path(write_baseline), report)
        click.echo(f"Wrote {count} finding{'s' if count != 1 else ''} to {write_baseline}.", err=True)
        sys.exit(EXIT_ERROR if report.errors else EXIT_OK)
    try:
        report = workspace.apply_baselines(report, Path(baseline_path) if baseline_path else None)
    except BaselineError as exc:
        fatal(str(exc))
    _show(report, workspace, output_format, output, statistics, quiet, report_stream)
    if report.errors:
        sys.exit(EXIT_ERROR)
    if not exit_zero and fails(report, fail_on or workspace.config.fail_on):
        sys.exit(EXIT_FAIL)
    sys.exit(EXIT_OK)


def _show(
    report: Any, workspace: Any, output_format: str, output: str | None, statistics: bool, quiet: bool, stream: Any
) -> None:
    """Render the report to `output`, or to `stream`; notes on stderr; GitHub's job summary."""
    colour = output is None and stream.isatty() and "NO_COLOR" not in os.environ
    options = RenderOptions(colour=colour, statistics=statistics, quiet=quiet)
    rules = workspace.engine.catalogue.by_code()
    rendered = render(output_format, report, rules, options)
    for note in report.notes:
        click.echo(f"contentlint: warning: {escape_text(note)}", err=True)
    if output:
        try:
            Path(output).write_text(rendered, encoding="utf-8")
        except OSError as exc:
            fatal(f"cannot write {output}: {exc.strerror or exc}")
        if not FORMATS[output_format].has_summary and not quiet:
            from contentlint.formatters.text import summary_line

            click.echo(summary_line(report), err=True)
    else:
        click.echo(rendered, nl=False, file=stream)
    summary_file = os.environ.get("GITHUB_STEP_SUMMARY")
    if output_format == "github" and summary_file:
        from contentlint.formatters.github import step_summary

        try:
            with open(summary_file, "a", encoding="utf-8") as handle:
                handle.write(step_summary(report, rules))
        except OSError as exc:
            click.echo(f"contentlint: warning: cannot write the job summary: {exc.strerror or exc}", err=True)


def _fix_stdin(workspace: Any, report: Any, *, write: bool, show_diff: bool) -> tuple[Any, bool]:
    """A post on standard input: the fixed post to stdout (with `write`), or the diff; the
    report of what is left."""
    from contentlint.fix.apply import unified_diff
    from contentlint.inputs.readers import STDIN_DISPLAY
    from contentlint.model.report import Report

    post = next((p for p in report.posts if p.path == STDIN_DISPLAY), None)
    if post is None:  # unreadable input: the report says why
        return report, False
    fixed, applied = workspace.fix_text(post.text, STDIN_DISPLAY)
    changed = fixed != post.text
    if show_diff:
        click.echo(unified_diff(STDIN_DISPLAY, post.text, fixed), nl=False)
    if not write:
        return report, changed
    sys.stdout.write(fixed)
    sys.stdout.flush()
    result = workspace.check(STDIN_DISPLAY, fixed)
    if applied:
        click.echo(f"fixed {applied} problem{'s' if applied != 1 else ''} in {STDIN_DISPLAY}", err=True)
    left = Report(
        result.violations, result.errors, 1, (result.post,) if result.post else (), report.notes, report.configs
    )
    return left, changed


def _say_fixed(fixed: dict[str, int]) -> None:
    """What --fix changed, per file, on stderr (the report on stdout is what is left)."""
    for path, count in sorted(fixed.items()):
        click.echo(f"fixed {count} problem{'s' if count != 1 else ''} in {path}", err=True)
    if fixed:
        total = sum(fixed.values())
        files = len(fixed)
        click.echo(
            f"Fixed {total} problem{'s' if total != 1 else ''} in {files} file{'s' if files != 1 else ''}.", err=True
        )


def _progress() -> Any:
    def report(index: int, total: int) -> None:
        if total < 300:
            return
        if index % 200 == 0 or index == total - 1:
            click.echo(f"\rchecking {index + 1}/{total} files", err=True, nl=index == total - 1)

    return report
