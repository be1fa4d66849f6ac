"""`contentlint init`, `count` and `similar`: the helpers around checking."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING

import click

from contentlint.cli.common import fatal, open_workspace

if TYPE_CHECKING:
    from contentlint.engine.similar import Neighbour


@click.command()
@click.option("--force", is_flag=True, help="Overwrite an existing .contentlint.yaml.")
def init(force: bool) -> None:
    """Write a commented starter .contentlint.yaml in the current folder."""
    from contentlint.config.starter import STARTER_CONFIG

    target = Path(".contentlint.yaml")
    if target.exists() and not force:
        fatal(f"{target} already exists (use --force to overwrite)")
    target.write_text(STARTER_CONFIG, encoding="utf-8")
    click.echo(f"Wrote {target}. Edit the brand, hashtags and audiences, then run `contentlint check`.")


@click.command()
@click.argument("file")
@click.option("--config", "config_path", type=click.Path(dir_okay=False))
@click.option("--channel", help="Only this channel.")
def count(file: str, config_path: str | None, channel: str | None) -> None:
    """Length of a post in every unit, and against every channel's limit."""
    from contentlint.inputs.read import ReadError, load_document
    from contentlint.inputs.source import SourceError
    from contentlint.text.counting import UNIT_LABELS, UNITS, measure
    from contentlint.text.counting import count as count_unit

    workspace = open_workspace(config_path)
    engine = workspace.engine
    try:
        doc = load_document(
            Path(file), "<stdin>" if file == "-" else file, engine.defaults_for("<stdin>" if file == "-" else file)
        )
    except (ReadError, SourceError) as exc:
        fatal(f"{file}: {exc}")
    text = doc.published_text
    click.echo(f"{file}: body")
    for unit in UNITS:
        click.echo(f"  {count_unit(text, unit):>7}  {UNIT_LABELS.get(unit, unit)} ({unit})")
    names = [channel.lower()] if channel else sorted(engine.profiles)
    click.echo("")
    click.echo("channel            field   count / limit  unit")
    for name in names:
        profile = engine.profiles.get(name)
        if profile is None:
            fatal(f"unknown channel {name!r}")
        fields = {"body": text} if doc.title is None else {"body": text, "title": doc.title}
        for field, value in fields.items():
            for result in measure(value, profile, field):
                status = f"  OVER by {result.count - result.limit}" if result.over else ""
                marker = "*" if name in doc.channels else " "
                click.echo(
                    f"{marker} {name:<16} {field:<6} {result.count:>6} / {result.limit:<6} "
                    f"{UNIT_LABELS.get(result.unit, result.unit)}{status}"
                )
    if doc.channels:
        click.echo("\n* the post's own channels")


@click.command()
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.option("--config", "config_path", type=click.Path(dir_okay=False))
@click.option("--format", "output_format", type=click.Choice(("text", "json")), default="text")
@click.option("--limit", type=click.IntRange(1, 100), default=5, help="How many posts to show.")
@click.option("--no-cache", is_flag=True, help="Do not read or write the cache.")
def similar(file: str, config_path: str | None, output_format: str, limit: int, no_cache: bool) -> None:
    """The posts of the corpus nearest to FILE, and whether RP001/RP002 would report each."""
    workspace = open_workspace(config_path, use_cache=not no_cache)
    neighbours = workspace.similar(file, limit)
    click.echo(render_json(neighbours) if output_format == "json" else render_text(neighbours), nl=False)


def render_text(neighbours: Sequence[Neighbour]) -> str:
    if not neighbours:
        return "No similar posts in config `content`.\n"
    lines = []
    for n in neighbours:
        verdict = f"{n.flagged}: {n.reason}" if n.flagged else f"not reported: {n.reason}"
        audiences = f" for {n.audiences}" if n.audiences else ""
        lines.append(
            f"{n.similarity:4.0%}  {n.path} ({', '.join(n.channels) or 'no channel'}, {n.date}){audiences}\n"
            f"      {verdict}"
        )
    return "\n".join(lines) + "\n"


def render_json(neighbours: Sequence[Neighbour]) -> str:
    return json.dumps({"version": 1, "similar": [asdict(n) for n in neighbours]}, ensure_ascii=False, indent=2) + "\n"
