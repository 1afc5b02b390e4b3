"""Every command and option explains itself in --help and is listed in the README's command reference."""

from __future__ import annotations

import re

import pytest
import typer
from conftest import ROOT
from typer.testing import CliRunner

from plandiff.cli.main import app

README = (ROOT / "README.md").read_text(encoding="utf-8")
NOT_COMMAND_OPTIONS = {"--help", "--version", "--screenshot"}  # --screenshot belongs to examples/write_report.py


def commands(command=None, path=()):
    """(path, click command) for every leaf command, subcommands of groups included."""
    command = command or typer.main.get_command(app)
    if hasattr(command, "commands"):
        for name, sub in command.commands.items():
            yield from commands(sub, (*path, name))
    else:
        yield path, command


def long_options(command) -> set[str]:
    return {name for param in command.params if param.param_type_name == "option"
            for name in (*param.opts, *param.secondary_opts) if name.startswith("--")} - NOT_COMMAND_OPTIONS


def reference_entry(path: tuple[str, ...]) -> str:
    """The README's command-reference bullet for a command, up to the next bullet."""
    match = re.search(rf"^- `plandiff {' '.join(path)}\b.*?(?=^- |^#|\Z)", README, re.M | re.S)
    assert match, f"the README's command reference has no entry for `plandiff {' '.join(path)}`"
    return match.group(0)


COMMANDS = list(commands())
IDS = [" ".join(path) for path, _ in COMMANDS]


@pytest.mark.parametrize(("path", "command"), COMMANDS, ids=IDS)
def test_every_command_and_parameter_has_help(path, command):
    assert (command.help or "").strip(), f"{' '.join(path)} has no help text"
    missing = [param.name for param in command.params if not (getattr(param, "help", None) or "").strip()]
    assert not missing, f"{' '.join(path)}: no help for {missing}"
    result = CliRunner().invoke(app, [*path, "--help"], env={"COLUMNS": "200"})
    assert result.exit_code == 0 and "Usage" in result.stdout


@pytest.mark.parametrize(("path", "command"), COMMANDS, ids=IDS)
def test_the_readme_lists_every_command_with_its_options(path, command):
    entry = reference_entry(path)
    listed = set(re.findall(r"--[a-z][a-z-]*", entry))
    assert long_options(command) <= listed, f"not in the README entry: {sorted(long_options(command) - listed)}"
    assert listed <= long_options(command), f"the README lists options that don't exist: {sorted(listed - long_options(command))}"


def test_every_option_the_readme_names_exists():
    known = set().union(*(long_options(command) for _, command in COMMANDS))
    named = set(re.findall(r"(?<![\w-])--[a-z][a-z-]*", README)) - NOT_COMMAND_OPTIONS
    assert named <= known, f"the README names options no command has: {sorted(named - known)}"
