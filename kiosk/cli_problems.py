"""Command-line output of the import commands: problems listed by line, exit status 1 when nothing was imported."""
from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import NoReturn, TypeVar

import click
from flask_babel import ngettext

from kiosk.i18n import line_problem
from kiosk.transaction import ImportOutcome

R = TypeVar("R", bound=ImportOutcome)


def fail(message: str, code: int = 1) -> NoReturn:
    """Print ``message`` to stderr and exit with ``code`` (for import commands)."""
    click.echo(message, err=True)
    sys.exit(code)


MAX_LISTED_PROBLEMS = 200


def report_import(result: R, path: str) -> R:
    """``result`` of an import of ``path`` that committed itself; when it did nothing, list its problems and exit 1."""
    if not result.ok:
        import_failed(result.errors, path)
    return result


def import_failed(problems: Sequence[tuple[int | None, str]], path: str) -> NoReturn:
    """List each problem as ``line N: reason`` (the header is line 1) and exit 1: nothing imported."""
    for line, reason in problems[:MAX_LISTED_PROBLEMS]:
        click.echo(line_problem(line, reason), err=True)
    more = len(problems) - MAX_LISTED_PROBLEMS
    if more > 0:
        click.echo(ngettext("… and %(num)s more problem", "… and %(num)s more problems", more), err=True)
    fail(ngettext("Nothing imported: %(num)s problem in %(path)s.", "Nothing imported: %(num)s problems in %(path)s.",
                  len(problems), path=path))
