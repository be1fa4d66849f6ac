"""`contentlint rules` and `contentlint explain`: what the rules are and what each one reports."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from contentlint.cli.common import fatal, open_workspace


@click.command("rules")
@click.option("--config", "config_path", type=click.Path(dir_okay=False), help="Config (default: found from here).")
@click.option("--format", "output_format", type=click.Choice(("text", "markdown", "json")), default="text")
def rules_command(config_path: str | None, output_format: str) -> None:
    """List every rule: code, name, category, and its severity and on/off state under the config
    (found from the current folder, or --config); `--format markdown`: the built-in defaults."""
    from contentlint.engine.effective import rule_states

    workspace = open_workspace(config_path)
    states = rule_states(workspace.engine, workspace.config_display)
    if output_format == "json":
        import json

        click.echo(
            json.dumps(
                [
                    {
                        "code": r.spec.code,
                        "name": r.spec.name,
                        "category": r.spec.category,
                        "severity": r.severity,
                        "default_severity": r.spec.severity,
                        "fixable": r.spec.fixable,
                        "enabled": r.enabled,
                        "default_enabled": r.spec.enabled,
                        "set_by": r.source,
                    }
                    for r in states
                ],
                indent=2,
            )
        )
        return
    from contentlint.model.explain import short_description

    if output_format == "markdown":  # the README's table: the built-in defaults, whatever the config
        click.echo("| code | name | category | severity | fix | default | what it reports |")
        click.echo("|---|---|---|---|---|---|---|")
        for s in workspace.engine.catalogue.specs:
            click.echo(
                f"| {s.code} | {s.name} | {s.category} | {s.severity} | {'yes' if s.fixable else ''} | "
                f"{'on' if s.enabled else 'off'} | {short_description(s)} |"
            )
        return
    click.echo(f"config: {workspace.config_display}")
    for r in states:
        s = r.spec
        changed = []
        if r.severity != s.severity:
            changed.append(f"default {s.severity}")
        if r.enabled != s.enabled:
            changed.append(f"default {'on' if s.enabled else 'off'}")
        note = f"  ({'; '.join(changed)}: {r.source})" if changed else ""
        fixable = " [fix]" if s.fixable else ""
        state = "" if r.enabled else "  off"
        click.echo(f"{s.code}  {s.name:<28} {s.category:<14} {r.severity:<10}{fixable}{state}{note}")


@click.command("config")
@click.argument("path", required=False)
@click.option("--config", "config_path", type=click.Path(dir_okay=False), help="Config (default: the post's nearest).")
@click.option("--format", "output_format", type=click.Choice(("text", "json")), default="text")
def config_command(path: str | None, config_path: str | None, output_format: str) -> None:
    """The effective config for a post (default: for this folder): every value, merged from the
    defaults, the config file and the overrides that match the post, with where it came from."""
    from contentlint.config.errors import ConfigError
    from contentlint.engine.effective import effective

    workspace = open_workspace(config_path)
    target = Path(path) if path else Path.cwd() / "_"
    try:
        unit = workspace.unit_for(target)
    except ConfigError as exc:
        fatal(str(exc))
    display = workspace.display(target) if path else None
    result = effective(unit.engine, display, unit.display_config)
    if output_format == "json":
        import json

        click.echo(
            json.dumps(
                {
                    "config": result.config,
                    "post": result.post,
                    "overrides": list(result.overrides),
                    "settings": [{"key": s.key, "value": s.value, "from": s.source} for s in result.settings],
                    "rules": [
                        {
                            "code": r.spec.code,
                            "name": r.spec.name,
                            "enabled": r.enabled,
                            "severity": r.severity,
                            "options": r.options,
                            "from": r.source,
                        }
                        for r in result.rules
                    ],
                },
                indent=2,
                ensure_ascii=False,
                default=str,
            )
        )
        return
    click.echo(f"config: {result.config}")
    if result.post:
        matched = ", ".join(f"overrides[{i}]" for i in result.overrides) or "none"
        click.echo(f"post:   {result.post} (matching overrides: {matched})")
    click.echo("")
    for setting in result.settings:
        shown = f"{setting.key}: {_flow(setting.value)}"
        click.echo(f"{shown:<60} # {setting.source}")
    click.echo("\nrules:")
    for r in result.rules:
        options = {k: v for k, v in r.options.items() if r.spec.options.get(k) != v}
        shown = f"  {r.spec.code} {r.spec.name}: {r.severity if r.enabled else 'off'}"
        if options:
            shown += f" {_flow(options)}"
        click.echo(f"{shown:<60} # {r.source}")


def _flow(value: Any) -> str:
    import json

    if value is None:
        return "null"
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False, default=str)


@click.command()
@click.argument("rule")
@click.option("--config", "config_path", type=click.Path(dir_okay=False))
def explain(rule: str, config_path: str | None) -> None:
    """Explain a rule: what it reports, why, its options and examples."""
    from contentlint.engine.building import explain_rule

    workspace = open_workspace(config_path)
    spec = workspace.engine.catalogue.find(rule)
    if spec is None:
        fatal(f"unknown rule {rule!r} (see `contentlint rules`)")
    click.echo(explain_rule(spec))
