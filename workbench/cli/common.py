"""What every command group of ``workbench`` shares: JSON and lines on stdout, an ISO date as an
argument, and a command that reads one case file.

Personal data a command writes goes through :func:`workbench.private_files.write_private`
(owner-only, complete or not at all); the groups call it directly.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from datetime import date
from typing import Any

from workbench.i18n import text

CASE_HELP = "Falldatei (workbench-case/1 bis /4, JSON)"


def print_json(data: object) -> None:
    """``data`` as indented JSON on stdout, umlauts as they are."""
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def out(line: str = "") -> None:
    """One line of a command's plain-text output."""
    sys.stdout.write(line + "\n")


def iso_date(raw: str) -> date:
    """An ISO date for argparse (a bad one exits with 2 and a German message, no traceback)."""
    try:
        return date.fromisoformat(raw)
    except ValueError:
        raise argparse.ArgumentTypeError(text("maint.cli.bad_date", "de", value=raw)) from None


def case_command(sub: Any, name: str, help: str, func: Callable[[argparse.Namespace], int], *,
                 case_help: str = CASE_HELP, language_help: str,
                 language_default: str | None = None,
                 languages: tuple[str, ...] = ("de", "en")) -> argparse.ArgumentParser:
    """A subcommand ``workbench NAME CASE [--language de|en]`` that runs ``func``; the caller adds
    the command's own options to the parser it returns."""
    parser: argparse.ArgumentParser = sub.add_parser(name, help=help)
    parser.add_argument("case", help=case_help)
    parser.add_argument("--language", choices=languages, default=language_default, help=language_help)
    parser.set_defaults(func=func)
    return parser
