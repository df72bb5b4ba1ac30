"""Printer backends: ``file[:<dir>]`` (spool folder), ``cups:<queue>`` (``lp``), ``browser``.

Each backend takes the PDF and answers an :class:`Outcome`; none raises for a printer problem.
"""
from __future__ import annotations

import os
import re
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from flask import current_app
from flask_babel import gettext as _

from kiosk.dbtypes import values_of
from kiosk.printing.models import PrinterKind

#: CUPS queue names we accept: letters, digits, ``-``, ``_``, ``.``, ``@`` (remote queue), 1-127 chars,
#: not starting with ``-`` (so a name can never be read by ``lp`` as an option).
QUEUE_NAME = re.compile(r"^[A-Za-z0-9_.@][A-Za-z0-9_.@-]{0,126}$")
#: Spool folders we accept in a setting: an absolute path of letters, digits and ``- _ . / @``.
SPOOL_FOLDER = re.compile(r"^/[A-Za-z0-9_.@/-]{0,254}$")
LP_TIMEOUT_SECONDS = 20
#: The kinds of printer setting (the part before ``:``).
PRINTER_KINDS = values_of(PrinterKind)


@dataclass(frozen=True)
class Outcome:
    """What a backend did: ``ok``, a message for people, and the spool path if a file was written."""

    ok: bool
    message: str
    spool_path: str = ""


@dataclass(frozen=True)
class Printer:
    """A parsed printer setting."""

    backend: str  # file / cups / browser
    target: str  # spool folder, CUPS queue, or ""


class BadPrinterSetting(ValueError):
    """A printer setting that is not ``file``, ``file:<dir>``, ``cups:<queue>`` or ``browser``."""


def check_printer_setting(setting: object) -> str:
    """``setting`` stripped, if a device may be registered with it; else :class:`BadPrinterSetting`.

    Shell and other special characters are refused outright (nothing runs a shell, and the setting
    is shown on staff pages), as are relative spool folders.
    """
    if not isinstance(setting, str):
        raise BadPrinterSetting(str(setting))
    setting = setting.strip()
    kind, sep, target = setting.partition(":")
    if kind == "file" and (not sep or SPOOL_FOLDER.fullmatch(target)):
        return setting
    if kind == "cups" and QUEUE_NAME.fullmatch(target):
        return setting
    if kind == "browser" and not sep:
        return setting
    raise BadPrinterSetting(setting)


def parse_printer(setting: str | None) -> Printer:
    """Parse a device's printer setting; ``None``/empty means ``KIOSK_DEFAULT_PRINTER``."""
    setting = (setting or current_app.config.get("DEFAULT_PRINTER") or "file").strip()
    kind, _sep, target = setting.partition(":")
    if kind == "file":
        return Printer("file", target or current_app.config["SPOOL_DIR"])
    if kind == "cups":
        if not QUEUE_NAME.fullmatch(target):
            raise BadPrinterSetting(setting)
        return Printer("cups", target)
    if kind == "browser" and not target:
        return Printer("browser", "")
    raise BadPrinterSetting(setting)


def spool_to_file(folder: str, pdf: bytes, filename: str) -> Outcome:
    """Write ``pdf`` atomically as ``folder/filename``."""
    try:
        path = Path(folder)
        path.mkdir(parents=True, exist_ok=True)
        handle, partial = tempfile.mkstemp(dir=path, prefix=".", suffix=".partial")
        with os.fdopen(handle, "wb") as stream:
            stream.write(pdf)
        target = path / filename
        os.replace(partial, target)
    except OSError as error:
        return Outcome(False, _("The printer spool folder cannot be written (%(reason)s).",
                                reason=error.strerror or type(error).__name__))
    return Outcome(True, _("Printed."), str(target))


def send_to_cups(queue: str, pdf: bytes, title: str) -> Outcome:
    """Send ``pdf`` to the CUPS ``queue`` with ``lp`` (an argument list, never a shell)."""
    argv = ["lp", "-d", queue, "-t", title[:60]]  # the PDF goes to lp's standard input
    try:
        result = subprocess.run(argv, input=pdf, capture_output=True, timeout=LP_TIMEOUT_SECONDS,
                                check=False, shell=False)
    except FileNotFoundError:
        return Outcome(False, _("The printing system (lp) is not installed."))
    except subprocess.TimeoutExpired:
        return Outcome(False, _("The printer did not answer in time."))
    except OSError as error:
        return Outcome(False, _("The printer could not be reached (%(reason)s).", reason=error.strerror or ""))
    if result.returncode != 0:
        detail = result.stderr.decode("utf-8", "replace").strip().splitlines()
        return Outcome(False, _("The printer refused the job (%(reason)s).",
                                reason=(detail[-1] if detail else str(result.returncode))[:200]))
    return Outcome(True, _("Printed."))


def dispatch(printer: Printer, pdf: bytes, *, filename: str, title: str) -> Outcome:
    """Hand ``pdf`` to ``printer``'s backend."""
    if printer.backend == "file":
        return spool_to_file(printer.target, pdf, filename)
    if printer.backend == "cups":
        return send_to_cups(printer.target, pdf, title)
    return Outcome(True, _("The page prints this document."))
