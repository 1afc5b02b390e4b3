"""The one error path: every failure becomes one stderr line and exit code 2 (diff(1): 0 same, 1 differ).

Typed plandiff errors say what to do; usage errors get click's message without its usage box; OS errors
name the file and the reason; anything else is a bug, reported in one line that asks for a report, with
the traceback only under --debug.
"""

from __future__ import annotations

import errno
import sys
import traceback
from typing import Callable

from ..errors import PlandiffError, escaped, os_reason

ERROR = 2
INTERRUPTED = 130
DEBUG_FLAG = "--debug"
REPORT = ("this is a bug in plandiff; please report it with the command you ran and, if you can, the input "
          "(run again with --debug for the traceback)")


def take_debug_flag(args: list[str]) -> tuple[list[str], bool]:
    """Remove --debug wherever it stands before a `--`, so it works with every command."""
    end = args.index("--") if "--" in args else len(args)
    debug = DEBUG_FLAG in args[:end]
    return [arg for i, arg in enumerate(args) if not (i < end and arg == DEBUG_FLAG)], debug


def run_guarded(call: Callable[[], object], debug: bool = False) -> int:
    """Run the command line; return its exit code, having reported any failure in one line."""
    try:
        code = call()
    except PlandiffError as error:
        return _fail(str(error), debug)
    except KeyboardInterrupt:
        return INTERRUPTED
    except SystemExit as exit_:
        return exit_.code if isinstance(exit_.code, int) else (0 if exit_.code is None else ERROR)
    except OSError as error:
        if error.errno == errno.EPIPE:  # the reader went away (`plandiff a b | head`): nothing to say
            _silence_stdout()
            return ERROR
        where = f"{error.filename}: " if error.filename else ""
        return _fail(f"{where}{os_reason(error)}", debug)
    except MemoryError:
        return _fail("ran out of memory; the input is too large for this machine", debug)
    except UnicodeEncodeError as error:
        if "surrogates" in str(error.reason):
            return _fail(f"{type(error).__name__}: {error}; {REPORT}", debug)
        return _fail(f"the terminal cannot show this text ({error.encoding}); set PYTHONIOENCODING=utf-8", debug)
    except Exception as error:  # noqa: BLE001 - the last guard: never a traceback by default
        if _is_click_error(error):
            return _click_failure(error, debug)
        if type(error).__name__ == "Abort":  # click's Abort: an interrupted prompt
            return INTERRUPTED
        return _fail(f"internal error: {type(error).__name__}: {error}; {REPORT}", debug)
    return code if isinstance(code, int) else 0


def _is_click_error(error: Exception) -> bool:
    # typer vendors click as typer._click, so duck-type its exceptions instead of importing a path.
    return hasattr(error, "exit_code") and hasattr(error, "format_message")


def _click_failure(error: Exception, debug: bool) -> int:
    if type(error).__name__ == "NoArgsIsHelpError":
        error.show()  # bare `plandiff`: the help text is the right answer
        return ERROR
    message = error.format_message().strip().rstrip(".")
    ctx = getattr(error, "ctx", None)
    hint = f"; see `{ctx.command_path} --help`" if ctx is not None else ""
    return _fail(f"{message}{hint}", debug)


def _fail(message: str, debug: bool) -> int:
    if debug and sys.exc_info()[0] is not None:
        traceback.print_exc(file=sys.stderr)
    line = escaped(message.strip())  # one line, whatever the message or a file name in it holds
    try:
        sys.stderr.write(f"plandiff: error: {line}\n")
        sys.stderr.flush()
    except (OSError, ValueError):
        pass
    return ERROR


def _silence_stdout() -> None:
    import os

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())  # so the interpreter's final flush cannot fail again
    except (OSError, ValueError, AttributeError):
        pass
