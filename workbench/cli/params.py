"""``workbench params show|diff|check``: the parameter files on the command line.

    workbench params show [BENEFIT] [NAME] [--date D]
    workbench params diff --reform NAME [--date D] [--families]
    workbench params diff --from D1 --to D2 [--families]
    workbench params check [--date D]     (also warns, exit 0, about values due at the year change)

Exit status: 0 fine, 1 ``check`` found problems (one line each), 2 unusable input.
"""

from __future__ import annotations

import argparse
import sys
from decimal import Decimal
from pathlib import Path

from workbench.cli.common import iso_date, out
from workbench.clock import today as clock_today
from workbench.errors import InvalidValue, MissingParameter
from workbench.i18n import format_date, format_money, text
from workbench.maintenance.display import format_period, format_value, value_on
from workbench.maintenance.validation import Problem


def cmd_show(args: argparse.Namespace) -> int:
    from workbench.maintenance.checks import official_sets

    lang, on = args.language, args.date or clock_today()
    sets = official_sets(args.rules_dir)
    if args.benefit is None:
        for benefit, pset in sets.items():
            out(text("maint.cli.benefit_line", lang, benefit=benefit, count=len(pset.parameters), path=pset.path))
        return 0
    if args.benefit not in sets:
        raise InvalidValue([_problem("maint.problem.unknown_benefit", benefit=args.benefit, known=", ".join(sets))])
    pset = sets[args.benefit]
    if args.name is None:
        out(text("maint.cli.values_on", lang, benefit=args.benefit, date=format_date(on, lang)))
        for name, param in pset.parameters.items():
            value = value_on(param, on)
            out(f"  {name} = {'–' if value is None else format_value(value, lang)}  [{param.unit}]")
        return 0
    if args.name not in pset.parameters:
        raise MissingParameter(text("maint.problem.unknown_parameter", lang, name=args.name, benefit=args.benefit))
    param = pset.parameters[args.name]
    out(f"{args.benefit}.{param.name}  [{param.unit}, {param.date_basis}]")
    out(f"  {param.description}")
    if param.updated is not None and param.next_update() is not None:
        due = param.next_update()
        assert due is not None
        out("  " + text("maint.cli.rhythm", lang, updated=param.updated, due=format_date(due, lang),
                         published_in=param.published_in or "–"))
    for (start, end), entry in zip(param.periods(), param.values):
        marker = "*" if args.date and start <= on and (end is None or on <= end) else " "
        out(f" {marker} {format_period(start, end, lang)}: {format_value(entry.value, lang)}")
        out(f"      {entry.reference}")
    return 0


def _print_value_diffs(diffs: list[object], lang: str) -> None:
    from workbench.maintenance.checks import ValueDiff

    for d in diffs:
        assert isinstance(d, ValueDiff)
        before = "–" if d.before is None else format_value(d.before, lang)
        after = "–" if d.after is None else format_value(d.after, lang)
        out(f"  {d.benefit}.{d.name}: {before} → {after}")


def _print_families(before: object, after: object, lang: str) -> None:
    from workbench.maintenance.changes import Setting, compare

    assert isinstance(before, Setting) and isinstance(after, Setting)
    out()
    out(text("maint.cli.families_heading", lang, before=before.label(lang), after=after.label(lang)))
    for row in compare(before, after):
        label = row.family.label.get(lang, row.family.id)
        if row.difference is None:
            out(f"  {row.family.id} · {row.benefit}: {text('maint.changes.not_computed', lang, reason=row.problem)}")
            continue
        sign = "+" if row.difference > 0 else ""
        out(f"  {row.family.id} · {row.benefit}: {format_money(row.before or Decimal(0), lang)} → "
             f"{format_money(row.after or Decimal(0), lang)} ({sign}{format_money(row.difference, lang)})  – {label}")


def cmd_diff(args: argparse.Namespace) -> int:
    from workbench.maintenance.changes import Setting
    from workbench.maintenance.checks import diff_dates, diff_reform
    from workbench.maintenance.reformen import load_reform

    lang = args.language
    if args.reform:
        if args.date_from or args.date_to:
            raise InvalidValue([_problem("maint.cli.diff_either")])
        on = args.date or clock_today()
        reform = load_reform(args.reform, args.reformen_dir, args.rules_dir)
        out(text("reform.cli.heading", lang, reform=reform.name, date=format_date(on, lang)))
        _print_value_diffs(list(diff_reform(reform, on, args.rules_dir)), lang)
        if args.families:
            _print_families(Setting(on), Setting(on, reform), lang)
        return 0
    if not (args.date_from and args.date_to):
        raise InvalidValue([_problem("maint.cli.diff_either")])
    diffs = diff_dates(args.date_from, args.date_to, args.rules_dir)
    out(text("maint.cli.dates_heading", lang, first=format_date(args.date_from, lang),
              second=format_date(args.date_to, lang), count=len(diffs)))
    _print_value_diffs(list(diffs), lang)
    if args.families:
        _print_families(Setting(args.date_from), Setting(args.date_to), lang)
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    """Validate every file (exit 1 on a problem); warn about values due at the year change (exit 0)."""
    from workbench.maintenance.checks import check_files
    from workbench.clock import today
    from workbench.maintenance.jahreswechsel import warning_lines

    checked, problems = check_files(args.rules_dir, args.reformen_dir)
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        print(text("maint.cli.check_failed", args.language, count=len(problems)), file=sys.stderr)
        return 1
    out(text("maint.cli.check_ok", args.language, count=len(checked)))
    for line in warning_lines(args.date or today(), args.rules_dir, args.language):
        out(line)
    return 0


def _problem(key: str, **args: str) -> Problem:
    return Problem(key, args)


def add_params_parser(sub: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    """Register ``params show|diff|check`` under the ``workbench`` command."""
    params = sub.add_parser("params", help=text("maint.cli.help_params"))
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--language", choices=("de", "en"), default="de", help=text("maint.cli.help_language"))
    common.add_argument("--rules-dir", type=Path, default=None, help=text("maint.cli.help_rules_dir"))
    common.add_argument("--reformen-dir", type=Path, default=None, help=text("reform.cli.help_dir"))
    # the spelling before the reform drafts got their own word: still accepted, no longer shown
    common.add_argument("--drafts-dir", dest="reformen_dir", type=Path, default=None, help=argparse.SUPPRESS)
    actions = params.add_subparsers(dest="action", required=True)
    show = actions.add_parser("show", parents=[common], help=text("maint.cli.help_show"))
    show.add_argument("benefit", nargs="?", help=text("maint.cli.help_benefit"))
    show.add_argument("name", nargs="?", help=text("maint.cli.help_name"))
    show.add_argument("--date", type=iso_date, help=text("maint.cli.help_date"))
    show.set_defaults(func=cmd_show)
    diff = actions.add_parser("diff", parents=[common], help=text("maint.cli.help_diff"))
    diff.add_argument("--reform", help=text("reform.cli.help_name"))
    diff.add_argument("--draft", dest="reform", help=argparse.SUPPRESS)  # the former spelling
    diff.add_argument("--date", type=iso_date, help=text("maint.cli.help_date"))
    diff.add_argument("--from", dest="date_from", type=iso_date, help=text("maint.cli.help_from"))
    diff.add_argument("--to", dest="date_to", type=iso_date, help=text("maint.cli.help_to"))
    diff.add_argument("--families", action="store_true", help=text("maint.cli.help_families"))
    diff.set_defaults(func=cmd_diff)
    check = actions.add_parser("check", parents=[common], help=text("maint.cli.help_check"))
    check.add_argument("--date", type=iso_date, help=text("maint.cli.help_check_date"))
    check.set_defaults(func=cmd_check)
