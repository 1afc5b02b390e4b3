"""A command group with a default command, so `plandiff OLD NEW` means `plandiff compare OLD NEW`."""

from __future__ import annotations

import difflib
import sys

from typer.core import TyperGroup

from ..sources.reading import path_exists
from .failures import run_guarded, take_debug_flag

DEFAULT_COMMAND = "compare"


class DefaultCommandGroup(TyperGroup):
    """Any first word that is not a command name starts the default command, whatever follows.

    This decides on the first word only, as click-default-group does, so an option value that
    happens to spell a command (`--section show`) is never taken for one.
    """

    def main(self, args=None, prog_name=None, complete_var=None, standalone_mode=True, **extra):
        """Every way in (the script, `python -m plandiff`, CliRunner) takes the one error path."""
        args, debug = take_debug_flag(list(sys.argv[1:] if args is None else args))
        run = super().main
        if not standalone_mode:
            return run(args, prog_name, complete_var, standalone_mode=False, **extra)
        sys.exit(run_guarded(lambda: run(args, prog_name, complete_var, standalone_mode=False, **extra), debug))

    def parse_args(self, ctx, args: list[str]) -> list[str]:
        if args and self._starts_default(ctx, args[0]):
            args.insert(0, DEFAULT_COMMAND)
        return super().parse_args(ctx, args)

    def _starts_default(self, ctx, first: str) -> bool:
        if first in self.commands:
            return False
        if first.startswith("-"):
            # The group's own options (--help, --version, completion) stay the group's.
            return not any(first in param.opts for param in self.get_params(ctx))
        self._refuse_near_miss(ctx, first)
        return True

    def _refuse_near_miss(self, ctx, word: str) -> None:
        """`plandiff lsit` is a typo of a command, not a plan: say so instead of a missing argument."""
        if path_exists(word) or "-" in word or "." in word or "@" in word:
            return  # slugs have a hyphen, files a dot or a slash
        near = difflib.get_close_matches(word, [name for name in self.commands if name != DEFAULT_COMMAND], n=1,
                                         cutoff=0.7)
        if near:
            ctx.fail(f"no such command {word!r}; did you mean {near[0]!r}?")  # typer's own UsageError
