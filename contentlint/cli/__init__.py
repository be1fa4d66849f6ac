"""The `contentlint` command. Imports stay light here: a pre-commit hook pays for every one."""
from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any, Sequence

import click

from contentlint._version import __version__

FORMATS = ("text", "concise", "json", "sarif", "github", "junit", "html")
EXIT_OK, EXIT_FAIL, EXIT_ERROR = 0, 1, 2


def _split(values: Sequence[str]) -> tuple[str, ...]:
    return tuple(part.strip() for value in values for part in value.split(",") if part.strip())


def _fatal(message: str) -> None:
    click.echo(f"contentlint: error: {message}", err=True)
    sys.exit(EXIT_ERROR)


def _load_linter(config_path: str | None, **options: Any) -> Any:
    from contentlint.config.load import ConfigError, load_config
    from contentlint.engine.linter import Linter, RunOptions, UsageError

    try:
        config = load_config(config_path)
        return Linter(config, RunOptions(**options))
    except (ConfigError, UsageError) as exc:
        _fatal(str(exc))


def _renderer(name: str) -> Any:
    from importlib import import_module

    module = {"json": "json_format"}.get(name, name)
    return import_module(f"contentlint.formatters.{module}").render


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="contentlint")
def main() -> None:
    """Check social-media and marketing drafts before they are published."""


@main.command()
@click.argument("paths", nargs=-1)
@click.option("--config", "config_path", type=click.Path(dir_okay=False), help="Config file (default: nearest .contentlint.yaml).")
@click.option("--format", "output_format", type=click.Choice(FORMATS), default=None, help="Output format (default: text; github inside GitHub Actions).")
@click.option("--output", "-o", type=click.Path(dir_okay=False, writable=True), help="Write the report to a file.")
@click.option("--select", multiple=True, help="Only these rules: codes, names, categories or prefixes, comma-separated.")
@click.option("--ignore", multiple=True, help="Skip these rules: codes, names, categories or prefixes.")
@click.option("--fail-on", type=click.Choice(("error", "warning", "suggestion", "never")), help="Lowest severity that fails the run.")
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when problems are found (errors reading files still exit 2).")
@click.option("--channel", help="Channel for posts whose front matter names none.")
@click.option("--audience", help="Audience for posts whose front matter names none.")
@click.option("--statistics", is_flag=True, help="Count problems per rule.")
@click.option("--fix", is_flag=True, help="Apply safe fixes in place.")
@click.option("--diff", is_flag=True, help="Show what --fix would change, as a unified diff; write nothing.")
@click.option("--no-cache", is_flag=True, help="Do not read or write the cache.")
@click.option("--jobs", "-j", type=click.IntRange(0, 256), default=None, help="Worker processes (default: CPUs; 1: none).")
@click.option("--quiet", "-q", is_flag=True, help="Print only problems, no summary.")
def check(paths: tuple[str, ...], config_path: str | None, output_format: str | None, output: str | None,
          select: tuple[str, ...], ignore: tuple[str, ...], fail_on: str | None, exit_zero: bool,
          channel: str | None, audience: str | None, statistics: bool, fix: bool, diff: bool,
          no_cache: bool, jobs: int | None, quiet: bool) -> None:
    """Check posts (files, folders, or - for stdin)."""
    from contentlint.engine.linter import fails

    if output_format is None:
        output_format = "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"
    linter = _load_linter(
        config_path, select=_split(select), ignore=_split(ignore), channel=channel, audience=audience,
        use_cache=not no_cache, jobs=jobs if jobs is not None else (os.cpu_count() or 1),
        all_texts=output_format == "html",
    )
    targets = list(paths) or _default_targets(linter)
    progress = _progress() if sys.stderr.isatty() and not quiet else None
    report = linter.lint_paths(targets, progress=progress)
    if fix or diff:
        from contentlint.fix.fixing import fix_report

        report, changes = fix_report(linter, report, targets, write=fix, progress=progress)
        if diff:
            click.echo(changes, nl=False)
            if not fix:
                sys.exit(EXIT_OK if not report.errors else EXIT_ERROR)
    rules = linter.catalogue.by_code()
    if output_format == "text":
        from contentlint.formatters.text import render, summary_line

        colour = output is None and sys.stdout.isatty() and "NO_COLOR" not in os.environ
        rendered = summary_line(report) + "\n" if quiet and not report.violations and not report.errors else render(
            report, rules, colour=colour, statistics=statistics
        )
        if quiet:
            rendered = "\n".join(line for line in rendered.splitlines() if line and not line[0].isupper()) + "\n"
    else:
        rendered = _renderer(output_format)(report, rules)
    if output:
        try:
            Path(output).write_text(rendered, encoding="utf-8")
        except OSError as exc:
            _fatal(f"cannot write {output}: {exc.strerror or exc}")
        if output_format != "text" and not quiet:
            from contentlint.formatters.text import summary_line

            click.echo(summary_line(report), err=True)
    else:
        click.echo(rendered, nl=False)
    if report.errors:
        sys.exit(EXIT_ERROR)
    if not exit_zero and fails(report, fail_on or linter.config.fail_on):
        sys.exit(EXIT_FAIL)
    sys.exit(EXIT_OK)


def _default_targets(linter: Any) -> list[str]:
    """No paths given: the config's `content` globs, else the current folder."""
    if linter.config.content:
        return [str(path) for path in linter.content_files()]
    return ["."]


def _progress() -> Any:
    def report(index: int, total: int) -> None:
        if total < 300:
            return
        if index % 200 == 0 or index == total - 1:
            click.echo(f"\rchecking {index + 1}/{total} files", err=True, nl=index == total - 1)

    return report


@main.command("rules")
@click.option("--config", "config_path", type=click.Path(dir_okay=False))
@click.option("--format", "output_format", type=click.Choice(("text", "markdown", "json")), default="text")
def rules_command(config_path: str | None, output_format: str) -> None:
    """List every rule with its code, name, category and default severity."""
    linter = _load_linter(config_path)
    active = {rule.spec.code for rule in linter.rules_for("")}
    specs = linter.catalogue.specs
    if output_format == "json":
        import json

        click.echo(json.dumps([
            {"code": s.code, "name": s.name, "category": s.category, "severity": s.severity,
             "fixable": s.fixable, "enabled": s.code in active} for s in specs], indent=2))
        return
    from contentlint.model.explain import short_description

    if output_format == "markdown":
        click.echo("| code | name | category | severity | fix | default | what it reports |")
        click.echo("|---|---|---|---|---|---|---|")
        for s in specs:
            click.echo(f"| {s.code} | {s.name} | {s.category} | {s.severity} | {'yes' if s.fixable else ''} | "
                       f"{'on' if s.enabled else 'off'} | {short_description(s)} |")
        return
    for s in specs:
        state = "" if s.code in active else "  (off)"
        fixable = " [fix]" if s.fixable else ""
        click.echo(f"{s.code}  {s.name:<28} {s.category:<14} {s.severity:<10}{fixable}{state}")


@main.command()
@click.argument("rule")
@click.option("--config", "config_path", type=click.Path(dir_okay=False))
def explain(rule: str, config_path: str | None) -> None:
    """Explain a rule: what it reports, why, its options and examples."""
    from contentlint.model.explain import explain as explain_text

    linter = _load_linter(config_path)
    spec = linter.catalogue.find(rule)
    if spec is None:
        _fatal(f"unknown rule {rule!r} (see `contentlint rules`)")
    click.echo(explain_text(spec))


@main.command()
@click.option("--force", is_flag=True, help="Overwrite an existing .contentlint.yaml.")
def init(force: bool) -> None:
    """Write a commented starter .contentlint.yaml in the current folder."""
    from contentlint.config.starter import STARTER_CONFIG

    target = Path(".contentlint.yaml")
    if target.exists() and not force:
        _fatal(f"{target} already exists (use --force to overwrite)")
    target.write_text(STARTER_CONFIG, encoding="utf-8")
    click.echo(f"Wrote {target}. Edit the brand, hashtags and audiences, then run `contentlint check`.")


@main.command()
@click.argument("file")
@click.option("--config", "config_path", type=click.Path(dir_okay=False))
@click.option("--channel", help="Only this channel.")
def count(file: str, config_path: str | None, channel: str | None) -> None:
    """Length of a post in every unit, and against every channel's limit."""
    from contentlint.text.counting import UNIT_LABELS, UNITS, count as count_unit, measure
    from contentlint.inputs.files import ReadError, SourceError, load_document

    linter = _load_linter(config_path)
    try:
        doc = load_document(Path(file), "<stdin>" if file == "-" else file, linter.defaults)
    except (ReadError, SourceError) as exc:
        _fatal(f"{file}: {exc}")
    text = doc.published_text
    click.echo(f"{file}: body")
    for unit in UNITS:
        click.echo(f"  {count_unit(text, unit):>7}  {UNIT_LABELS.get(unit, unit)} ({unit})")
    names = [channel.lower()] if channel else sorted(linter.profiles)
    click.echo("")
    click.echo("channel            field   count / limit  unit")
    for name in names:
        profile = linter.profiles.get(name)
        if profile is None:
            _fatal(f"unknown channel {name!r}")
        fields = {"body": text} if doc.title is None else {"body": text, "title": doc.title}
        for field, value in fields.items():
            for result in measure(value, profile, field):
                status = f"  OVER by {result.count - result.limit}" if result.over else ""
                marker = "*" if name in doc.channels else " "
                click.echo(f"{marker} {name:<16} {field:<6} {result.count:>6} / {result.limit:<6} "
                           f"{UNIT_LABELS.get(result.unit, result.unit)}{status}")
    if doc.channels:
        click.echo("\n* the post's own channels")


@main.command()
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.option("--config", "config_path", type=click.Path(dir_okay=False))
@click.option("--format", "output_format", type=click.Choice(("text", "json")), default="text")
@click.option("--limit", type=click.IntRange(1, 100), default=5, help="How many posts to show.")
@click.option("--no-cache", is_flag=True, help="Do not read or write the cache.")
def similar(file: str, config_path: str | None, output_format: str, limit: int, no_cache: bool) -> None:
    """The posts of the corpus nearest to FILE, and whether RP001/RP002 would report each."""
    from contentlint.engine.similar import nearest, render_json, render_text

    linter = _load_linter(config_path, use_cache=not no_cache)
    neighbours = nearest(linter, file, limit)
    click.echo(render_json(neighbours) if output_format == "json" else render_text(neighbours), nl=False)


if __name__ == "__main__":  # pragma: no cover
    main()
