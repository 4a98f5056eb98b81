"""``workbench kita|pflege|vorsorge|zuzug CASE.json``: the topic's result for a case on the command line.

    workbench pflege CASE.json [--date D] [--language en] [--pdf OUT.pdf] [--force]

Prints the same sections the wizard and the handout show (heading, text, table rows with
``|`` between the columns); ``--pdf`` writes them as a PDF for the family (for ``vorsorge``
the family summary). Exit status 0, or 2 with one line per problem.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from workbench.cli.common import case_command, iso_date
from workbench.clock import today as clock_today
from workbench.errors import WorkbenchError
from workbench.i18n import format_date, text
from workbench.parameter_tracking import provisional_lines, tracking, unverified_note

TOPICS = ("kita", "pflege", "vorsorge", "zuzug")
CASE_FIELD = {"kita": "kita", "pflege": "care", "vorsorge": "vorsorge", "zuzug": "zuzug"}


def cmd_topic(args: argparse.Namespace) -> int:
    from workbench.report import topic_pdf
    from workbench.report.kita import kita_sections
    from workbench.report.pflege import pflege_sections
    from workbench.report.register import FAMILY
    from workbench.report.vorsorge import vorsorge_pdf, vorsorge_sections
    from workbench.report.zuzug import zuzug_sections
    from workbench.case import load_case

    case = load_case(Path(args.case))
    lang = args.language or case.language
    on = args.date or clock_today()
    if getattr(case, CASE_FIELD[args.command]) is None:
        raise WorkbenchError(text("cli.topic.no_topic", lang, topic=args.command, case_id=case.case_id))
    with tracking() as used:
        if args.command == "kita":
            sections = kita_sections(case, lang, today=on)
        elif args.command == "pflege":
            sections = pflege_sections(case, lang, on)
        elif args.command == "zuzug":
            sections = zuzug_sections(case, lang, today=on)
        else:
            sections = vorsorge_sections(case, lang, on)
    if args.pdf is not None:
        from workbench.private_files import write_private

        if args.command == "vorsorge":
            data = vorsorge_pdf(case, lang, on)
        else:
            # the family's sheet in the family's wording (ADR 0035)
            family = (pflege_sections(case, lang, on, register=FAMILY) if args.command == "pflege"
                      else zuzug_sections(case, lang, today=on, register=FAMILY) if args.command == "zuzug"
                      else kita_sections(case, lang, today=on, register=FAMILY))
            data = topic_pdf(text(f"ui.{args.command}.pdf_title", lang),
                             text(f"ui.{args.command}.pdf_intro", lang, case_id=case.case_id), family, lang)
        # personal data: owner-only, never an old file overwritten without --force, complete or not at all
        write_private(args.pdf, data, force=args.force, exists="cli.topic.exists", unwritable="report.cli_unwritable",
                      language=lang)
    lines = [text("cli.topic.as_of", lang, date=format_date(on, lang))]
    lines += provisional_lines(used.provisional, lang)  # the advisor's view: which values, where they are published
    check = unverified_note(used.unverified, lang)  # "bitte prüfen" for the advisor (not in the family's PDF)
    if check:
        lines.append(check)
    for section in sections:
        lines += ["", section.heading, *section.paragraphs, *(" | ".join(row) for row in section.rows)]
    sys.stdout.write("\n".join(lines) + "\n")
    return 0


def add_topic_parser(sub: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    """Register ``kita``, ``pflege``, ``vorsorge`` and ``zuzug`` under the ``workbench`` command."""
    for topic in TOPICS:
        p = case_command(sub, topic, text(f"cli.topic.help_{topic}"), cmd_topic, case_help=text("cli.topic.help_case"),
                         language_help=text("cli.topic.help_language"))
        p.add_argument("--date", type=iso_date, help=text("cli.topic.help_date"))
        p.add_argument("--pdf", type=Path, metavar="OUT.pdf", help=text("cli.topic.help_pdf"))
        p.add_argument("--force", action="store_true", help=text("cli.topic.help_force"))
