"""``workbench check CASE.json``: the Leistungscheck on the command line (docs/leistungscheck.md).

Prints JSON ``{"date": ..., "benefits": {"kindergeld": {...}, ...}, "hints": [...]}``; each benefit
with ``eligible`` (true/false/null), ``monthly`` (euros), ``reasons``, ``office``, ``forms``,
``deadlines``, ``documents``, ``explanation`` and the ``bitte_pruefen`` marker. Exit 2 with one line
per problem on a bad case file or date.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from workbench.cli.params import iso_date
from workbench.clock import today as clock_today


def cmd_check(args: argparse.Namespace) -> int:
    from workbench.case import load_case
    from workbench.evaluation.leistungscheck import check_date, leistungscheck
    from workbench.report.leistungscheck import check_json

    case = load_case(Path(args.case))
    # 1 July of the case's year, else the office's day ($WORKBENCH_TODAY in rehearsals and the output check)
    result = leistungscheck(case, args.date or check_date(case, clock_today()))
    json.dump(check_json(result, args.language or case.language), sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
    return 0


def add_leistungen_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register ``workbench check``."""
    p = sub.add_parser("check", help="Leistungscheck: Kindergeld, Kinderfreibetrag, KiZ, BuT, UVG, Wohngeld eines Falls")
    p.add_argument("case", help="Falldatei (workbench-case/1 oder /2, JSON)")
    p.add_argument("--date", type=iso_date, default=None,
                   help="Stichtag JJJJ-MM-TT (Standard: heute, bzw. 1. Juli des Jahres household.benefits.year)")
    p.add_argument("--language", choices=("de", "en"), default=None, help="Sprache der Texte (Standard: die des Falls)")
    p.set_defaults(func=cmd_check)
