"""``workbench forms list|check|inspect`` and ``workbench fill``: official forms on the command line.

    workbench forms list                       the forms with title and printed version
    workbench forms check [--forms-dir DIR]     each blank: present, the right edition, its fields
    workbench forms inspect BLANK.pdf           every field of a blank (to draft or update a map)
    workbench forms add FILE.pdf… [--forms-dir DIR]  recognise downloaded blanks, copy them in (0600)
    workbench fill FORM-ID CASE.json -o OUT.pdf [--flatten] [--force] [--parent A] [--child K1]

Exit status: 0 fine, 1 ``check`` found a problem, 2 unusable input (one line per problem:
missing data of the case, missing or other-edition blank, existing output without ``--force``;
``forms add``: a file that is not exactly a map's blank — the others are still added).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from pypdf import PdfReader

from workbench.cli.common import iso_date, out
from workbench.clock import today as clock_today
from workbench.errors import FormError
from workbench.i18n import text


def cmd_list(args: argparse.Namespace) -> int:
    from workbench.forms.registry import all_maps

    for form in all_maps().values():
        part = f"  ({text('forms.cli.part_of', args.language, form=form.part_of)})" if form.part_of else ""
        out(f"{form.id:32} {form.title[args.language]} – {form.version}{part}")
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    from workbench.forms.blanks import forms_dir, load_blank
    from workbench.forms.registry import all_maps

    folder = args.forms_dir or forms_dir()
    bad = 0
    for form in all_maps().values():
        if form.kind in ("letter", "sheet"):
            key = "forms.cli.sheet_no_blank" if form.kind == "sheet" else "forms.cli.no_blank_needed"
            out(f"{form.id:32} {text(key, args.language)}")
            continue
        try:
            blank = load_blank(form, args.language, folder)
        except FormError as error:
            bad += 1
            out(f"{form.id:32} {text('forms.cli.not_ok', args.language)}")
            for message in error.messages:
                out(f"    {message}")
            continue
        mapped = len(form.fields) or len(form.overlay)
        out(f"{form.id:32} {text('forms.cli.ok', args.language, file=form.blank, fields=len(blank.fields), mapped=mapped)}")
    return 1 if bad else 0


def cmd_inspect(args: argparse.Namespace) -> int:
    from workbench.forms.blanks import read_fields, sha256_of

    path: Path = args.blank
    if not path.is_file():
        raise FormError(text("forms.cli.no_file", args.language, path=str(path)))
    reader = PdfReader(str(path))
    if reader.is_encrypted:
        reader.decrypt("")
    out(f"# {path.name}  sha256 {sha256_of(path)}  {len(reader.pages)} pages")
    for info in read_fields(reader).values():
        extra = f" states={','.join(info.states)}" if info.states else ""
        extra += f" maxlen={info.max_length}" if info.max_length else ""
        extra += " comb" if info.comb else ""
        out(f"{info.kind:5} {info.name}{extra}  | {info.tooltip[:70]}")
    return 0


def cmd_add(args: argparse.Namespace) -> int:
    from workbench.forms.install import add_blank

    refused = 0
    for path in args.files:
        try:
            out(add_blank(path, args.forms_dir, language=args.language))
        except FormError as error:
            refused += 1
            for message in error.messages:
                out(message)
    return 2 if refused else 0


def cmd_fill(args: argparse.Namespace) -> int:
    from workbench.case import load_case
    from workbench.forms.produce import produce
    from workbench.private_files import write_private

    target: Path = args.output
    if target.exists() and not args.force:
        raise FormError(text("forms.cli.exists", args.language, path=str(target)))
    case = load_case(args.case)
    language = args.language or case.language
    result = produce(case, args.form_id, applicant=args.parent, child=args.child, flatten=args.flatten,
                     today=args.date or clock_today(), language=language, allow_missing=args.allow_missing)
    # a filled form is personal data: owner-only, complete or not at all, never an old file without --force
    write_private(target, result.pdf, force=args.force, exists="forms.cli.exists", unwritable="report.cli_unwritable",
                  language=language)
    out(text("forms.cli.written", language, path=str(target), form=args.form_id))
    for warning in result.warnings:
        out(warning)
    for missing in result.missing:
        out(f"  {text('forms.cli.still_missing', language)}: {missing.label} ({missing.path})")
    for note in result.notes:
        out(f"  {note}")
    return 0


def add_forms_parser(sub: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    """Register ``forms list|check|inspect`` and ``fill`` under the ``workbench`` command."""
    forms = sub.add_parser("forms", help=text("forms.cli.help_forms"))
    actions = forms.add_subparsers(dest="action", required=True)
    listing = actions.add_parser("list", help=text("forms.cli.help_list"))
    listing.add_argument("--language", choices=("de", "en"), default="de")
    listing.set_defaults(func=cmd_list)
    check = actions.add_parser("check", help=text("forms.cli.help_check"))
    check.add_argument("--forms-dir", type=Path, default=None)
    check.add_argument("--language", choices=("de", "en"), default="de")
    check.set_defaults(func=cmd_check)
    inspect = actions.add_parser("inspect", help=text("forms.cli.help_inspect"))
    inspect.add_argument("blank", type=Path)
    inspect.add_argument("--language", choices=("de", "en"), default="de")
    inspect.set_defaults(func=cmd_inspect)
    add = actions.add_parser("add", help=text("forms.cli.help_add"))
    add.add_argument("files", type=Path, nargs="+")
    add.add_argument("--forms-dir", type=Path, default=None)
    add.add_argument("--language", choices=("de", "en"), default="de")
    add.set_defaults(func=cmd_add)
    fill = sub.add_parser("fill", help=text("forms.cli.help_fill"))
    fill.add_argument("form_id")
    fill.add_argument("case")
    fill.add_argument("-o", "--output", type=Path, required=True)
    fill.add_argument("--flatten", action="store_true", help=text("forms.cli.help_flatten"))
    fill.add_argument("--force", action="store_true", help=text("forms.cli.help_force"))
    fill.add_argument("--parent", default=None, help=text("forms.cli.help_parent"))
    fill.add_argument("--child", default=None, help=text("forms.cli.help_child"))
    fill.add_argument("--allow-missing", action="store_true", help=text("forms.cli.help_allow_missing"))
    fill.add_argument("--date", type=iso_date, default=None, help=text("forms.cli.help_date"))
    fill.add_argument("--language", choices=("de", "en"), default=None)
    fill.set_defaults(func=cmd_fill)
