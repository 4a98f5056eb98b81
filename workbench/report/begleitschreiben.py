"""The cover letter (Begleitschreiben) with which the Familienbüro forwards a signed application.

The family signs at the desk and the office sends the application on (issue 20). The letter goes
to the authority in German, in the office's name (``office.yaml``: the package's default, the
office's own in ``$WORKBENCH_DATA/office.yaml``), names the applicant and the children, lists what
is enclosed and, where the day the signed application reached the office is known, states it:
for benefits of the Sozialgesetzbuch (Elterngeld, Kinderzuschlag, Unterhaltsvorschuss, Wohngeld,
Bildung und Teilhabe; § 68 SGB I) an application handed in at a municipality that does not decide
it counts as made on that day and is forwarded without delay (§ 16 Abs. 2 SGB I). Kindergeld is tax
law (§§ 62 ff. EStG, AO): there the day it reaches the Familienkasse counts, and the letter says
nothing about it. Elternzeit is requested from the employer, not forwarded by the office.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml
from fpdf.enums import XPos, YPos

from workbench.errors import WorkbenchError
from workbench.i18n import format_date, text
from workbench.report.pdf import WorkbenchPdf
from workbench.resources import data_dir, resource_path, safe_yaml

if TYPE_CHECKING:
    from workbench.case import Case

SOZIALGESETZBUCH = ("elterngeld", "kinderzuschlag", "unterhaltsvorschuss", "wohngeld", "bildung_teilhabe")
"""Benefits of the special parts of the SGB (§ 68 SGB I: BEEG, BKGG, UVG, WoGG; BuT under BKGG/SGB II)."""
FORWARDED = (*SOZIALGESETZBUCH, "kindergeld")
"""What the office forwards to an authority (Elternzeit goes to the employer)."""


@dataclass(frozen=True)
class Office:
    """The sender: the office's name, postal address lines, phone, e-mail and place for the date line."""

    name: str
    address: tuple[str, ...] = ()
    phone: str = ""
    email: str = ""
    place: str = "Bochum"


def office(path: Path | None = None) -> Office:
    """The office of ``path``, else ``$WORKBENCH_DATA/office.yaml``, else the package's default."""
    source = path or data_dir() / "office.yaml"
    if not source.is_file():
        source = resource_path("templates", "reports", "office.yaml")
    try:
        raw: dict[str, Any] = safe_yaml(source.read_text(encoding="utf-8")) or {}
        return Office(str(raw["name"]), tuple(str(line) for line in raw.get("address") or ()),
                      str(raw.get("phone") or ""), str(raw.get("email") or ""), str(raw.get("place") or "Bochum"))
    except (OSError, yaml.YAMLError, KeyError, TypeError) as error:
        raise WorkbenchError(text("antragsmappe.letter.office_bad", "de", path=source, detail=error)) from None


@dataclass(frozen=True)
class Letter:
    """What the letter says: to whom, about whom, what is enclosed, the day of receipt."""

    benefit: str
    recipient: str
    applicant: str
    children: tuple[str, ...]
    enclosed: tuple[str, ...]
    dated: date
    received: date | None = None
    sender: Office = field(default_factory=lambda: office())


def letter_for(case: Case, benefit: str, parent: str | None, dated: date, received: date | None = None,
               enclosed: tuple[str, ...] | None = None, sender: Office | None = None,
               ticked: tuple[str, ...] | None = None) -> Letter:
    """The cover letter of ``case``'s application for ``benefit`` (by ``parent`` where each parent applies).

    Without ``enclosed`` it lists the application's forms and the documents ``offices.yaml`` names; with
    ``ticked`` (their keys, the folder's ticks) only those.
    """
    from workbench.rules.leistungen.offices import office_info

    if benefit not in FORWARDED:
        raise WorkbenchError(text("antragsmappe.letter.not_forwarded", case.language, benefit=benefit))
    info = office_info(benefit, "de", dated)
    applicant = case.parent(parent) if parent else case.household.parents[0]
    children = tuple(_child_line(c) for c in case.household.children
                     if benefit != "elterngeld" or case.elterngeld_plan is None or c.id == case.elterngeld_plan.child
                     or (c.birth is not None and c.birth == case.plan_child().birth))
    items = [label for key, label in info["checklist"] if ticked is None or key in ticked]
    listed = enclosed if enclosed is not None else tuple(_enclosure(item, len(children)) for item in items)
    return Letter(benefit, info["office"]["name"], _person_line(case, applicant), children, tuple(listed), dated,
                  received, sender or office())


PER_CHILD = " – je Kind eine"
"""How ``offices.yaml`` marks a form filled once per child."""


def _enclosure(item: str, children: int) -> str:
    """An item of ``offices.yaml`` as an enclosure: the count for a per-child form, no note meant for the advisor."""
    import re

    item = re.sub(r"\s*\([^()]*bitte prüfen[^()]*\)", "", item)
    if item.endswith(PER_CHILD):
        item = f"{children} × {item[: -len(PER_CHILD)]}"
    return item


def _person_line(case: Case, parent: Any) -> str:
    personal = parent.personal
    name = " ".join(part for part in (parent.name, personal.surname if personal else None) if part)
    born = f", geb. {format_date(parent.birth_date, 'de')}" if parent.birth_date else ""
    address = case.household.address
    where = (f", {address.street} {address.house_number}, {address.postcode} {address.city}"
             if address is not None and address.street else "")
    return f"{name}{born}{where}"


def _child_line(child: Any) -> str:
    first = child.personal.first_name if child.personal and child.personal.first_name else None
    born = "voraussichtlich " if child.expected else ""
    return f"{first or 'Kind'}, geb. {born}{format_date(child.birth_date, 'de')}"


class _LetterPdf(WorkbenchPdf):
    def __init__(self) -> None:
        super().__init__()
        self.set_margins(25, 20, 20)
        self.set_auto_page_break(True, margin=20)

    def say(self, body: str, size: float = 10.5, bold: bool = False, height: float = 5.2) -> None:
        """One paragraph of the letter, wrapped at the margins."""
        self.set_font("DejaVu", "B" if bold else "", size)
        self.multi_cell(0, height, body, new_x=XPos.LMARGIN, new_y=YPos.NEXT, align="L")


def letter_pdf(letter: Letter) -> bytes:
    """The cover letter as a one-page A4 PDF (German: it goes to a German authority)."""
    pdf = _LetterPdf()
    pdf.add_page()
    sender = letter.sender
    pdf.say(" · ".join([sender.name, *sender.address]), size=8)
    pdf.ln(6)
    pdf.say(letter.recipient)
    pdf.ln(10)
    pdf.set_font("DejaVu", "", 10.5)
    pdf.cell(0, 5, f"{sender.place}, {format_date(letter.dated, 'de')}", align="R", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.ln(6)
    pdf.say(text("antragsmappe.letter.subject", "de", benefit=text(_name_key(letter.benefit), "de")), bold=True)
    pdf.say(text("antragsmappe.letter.applicant", "de", person=letter.applicant))
    for child in letter.children:
        pdf.say(text("antragsmappe.letter.child", "de", child=child))
    pdf.ln(4)
    pdf.say(text("antragsmappe.letter.salutation", "de"))
    pdf.ln(2)
    pdf.say(text("antragsmappe.letter.body", "de", benefit=text(_name_key(letter.benefit), "de")))
    if letter.received is not None:
        key = ("antragsmappe.letter.received_sgb" if letter.benefit in SOZIALGESETZBUCH
               else "antragsmappe.letter.received")
        pdf.ln(2)
        pdf.say(text(key, "de", date=format_date(letter.received, "de")))
    pdf.ln(3)
    pdf.say(text("antragsmappe.letter.enclosed", "de"), bold=True)
    for item in letter.enclosed:
        pdf.set_font("DejaVu", "", 10.5)
        pdf.cell(5, 5.2, "–")
        pdf.multi_cell(0, 5.2, item, new_x=XPos.LMARGIN, new_y=YPos.NEXT, align="L")
    pdf.ln(3)
    contact = [part for part in (sender.phone and f"Telefon {sender.phone}", sender.email) if part]
    pdf.say(text("antragsmappe.letter.questions", "de") + (f" ({', '.join(contact)})" if contact else "") + ".")
    pdf.ln(4)
    pdf.say(text("antragsmappe.letter.closing", "de"))
    pdf.say(sender.name)
    return pdf.finish()


def _name_key(benefit: str) -> str:
    return f"antragsmappe.name.{benefit}" if benefit in ("elterngeld", "elternzeit") else f"leistungen.name.{benefit}"
