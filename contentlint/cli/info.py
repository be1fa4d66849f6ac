"""`contentlint rules` and `contentlint explain`: what the rules are and what each one reports."""

from __future__ import annotations

import click

from contentlint.cli.common import fatal, open_workspace


@click.command("rules")
@click.option("--config", "config_path", type=click.Path(dir_okay=False))
@click.option("--format", "output_format", type=click.Choice(("text", "markdown", "json")), default="text")
def rules_command(config_path: str | None, output_format: str) -> None:
    """List every rule with its code, name, category and default severity."""
    workspace = open_workspace(config_path)
    active = {rule.spec.code for rule in workspace.engine.rules_for("")}
    specs = workspace.engine.catalogue.specs
    if output_format == "json":
        import json

        click.echo(
            json.dumps(
                [
                    {
                        "code": s.code,
                        "name": s.name,
                        "category": s.category,
                        "severity": s.severity,
                        "fixable": s.fixable,
                        "enabled": s.code in active,
                    }
                    for s in specs
                ],
                indent=2,
            )
        )
        return
    from contentlint.model.explain import short_description

    if output_format == "markdown":
        click.echo("| code | name | category | severity | fix | default | what it reports |")
        click.echo("|---|---|---|---|---|---|---|")
        for s in specs:
            click.echo(
                f"| {s.code} | {s.name} | {s.category} | {s.severity} | {'yes' if s.fixable else ''} | "
                f"{'on' if s.enabled else 'off'} | {short_description(s)} |"
            )
        return
    for s in specs:
        state = "" if s.code in active else "  (off)"
        fixable = " [fix]" if s.fixable else ""
        click.echo(f"{s.code}  {s.name:<28} {s.category:<14} {s.severity:<10}{fixable}{state}")


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
