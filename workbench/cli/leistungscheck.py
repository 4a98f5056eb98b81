"""``workbench check CASE.json``: the Leistungscheck on the command line (docs/leistungscheck.md).

Prints JSON ``{"date": ..., "benefits": {"kindergeld": {...}, ...}, "hints": [...]}``; each benefit
with ``eligible`` (true/false/null), ``monthly`` (euros), ``reasons``, ``office``, ``forms``,
``deadlines``, ``documents``, ``explanation`` and the ``bitte_pruefen`` marker. Exit 2 with one line
per problem on a bad case file or date.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from workbench.cli.common import case_command, iso_date, print_json
from workbench.clock import today as clock_today


def cmd_check(args: argparse.Namespace) -> int:
    from workbench.case import load_case
    from workbench.evaluation.leistungscheck import check_date, leistungscheck
    from workbench.report.leistungscheck import check_json

    case = load_case(Path(args.case))
    # the case's check date, else the office's day ($WORKBENCH_TODAY in rehearsals and the output check)
    result = leistungscheck(case, args.date or check_date(case, clock_today()))
    print_json(check_json(result, args.language or case.language, case))
    return 0


def add_leistungscheck_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register ``workbench check``."""
    p = case_command(sub, "check", "Leistungscheck: Kindergeld, Kinderfreibetrag, KiZ, BuT, UVG, Wohngeld eines Falls",
                     cmd_check, case_help="Falldatei (workbench-case/1 bis /3, JSON)",
                     language_help="Sprache der Texte (Standard: die des Falls)")
    p.add_argument("--date", type=iso_date, default=None,
                   help="Stichtag JJJJ-MM-TT (Standard: household.benefits.check_date, sonst heute)")
