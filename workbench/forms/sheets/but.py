"""Ausfüllhilfe Bildung und Teilhabe (BuT) in Bochum.

Children of families with Kinderzuschlag or Wohngeld get the education and participation
benefits on application (§ 6b Abs. 1 BKGG), with the content of § 28 Abs. 2–7 SGB II: day trips
and class trips (Abs. 2), school supplies (Abs. 3), school transport (Abs. 4), tutoring (Abs. 5),
joint lunch in Kita or school (Abs. 6), clubs, music and culture up to 15 € a month for children
under 18 (Abs. 7). In Bochum the Jugendamt's "Bildung und Teilhabe" desk handles them
(bochum.de/but). Bochum's own form was not available; the sections follow the benefits of the law.
"""

from __future__ import annotations

from datetime import date

from workbench.case import Case, Child
from workbench.forms.ausfuellhilfe import Row, Section, Sheet
from workbench.forms.conditions import age_on
from workbench.forms.sheets.common import bank_rows, born_children, child_name, child_rows, money, parent_rows

BUT_AGE = 25
"""§ 6b Abs. 2 BKGG with § 28 Abs. 1 SGB II: education benefits until 25, participation (Abs. 7) until 18."""
PARTICIPATION_AGE = 18
SCHOOL = ("school", "vocational_school")


def _wanted(child: Child, today: date) -> list[Row]:
    s = child.situation
    pupil = s is not None and s.education in SCHOOL
    kita_or_school = s is not None and s.education in SCHOOL + ("kita",)
    yes = "ja"
    rows = [
        Row(("Gemeinsames Mittagessen (Kita/Schule), Kosten im Monat", "joint lunch (day care/school), cost per month"),
            money(s.lunch_monthly) if s and s.lunch_monthly else (yes if kita_or_school else "")),
        Row(("Ausflüge und Klassenfahrten im Schuljahr", "day trips and class trips per school year"),
            money(s.trips_year) if s and s.trips_year else ""),
        Row(("Schulbedarf (persönlicher Schulbedarf)", "school supplies"), yes if pupil else ""),
        Row(("Schülerbeförderung", "school transport")),
        Row(("Lernförderung", "tutoring")),
    ]
    if age_on(child.birth_date, today) < PARTICIPATION_AGE:
        rows.append(Row(("Teilhabe (Verein, Musikschule), Beitrag im Monat", "clubs, music school: fee per month"),
                        money(s.participation_monthly) if s and s.participation_monthly else ""))
    return rows


def build(case: Case, applicant: str, today: date) -> Sheet:
    """The BuT sheet: the applicant, the benefit the family receives, each child and what is asked for it."""
    parent = case.parent(applicant)
    b = case.household.benefits
    received = [name for flag, name in ((b and b.receives_wohngeld, "Wohngeld"),
                                        (b and b.receives_kinderzuschlag, "Kinderzuschlag")) if flag]
    sections = [
        Section(("Antragsteller/in", "applicant"), parent_rows(case, parent)),
        Section(("Bezug von Wohngeld oder Kinderzuschlag", "Wohngeld or Kinderzuschlag received"), [
            Row(("Bezogene Leistung (Bescheid beifügen)", "benefit received (attach the notice)"), ", ".join(received)),
            Row(("Bewilligt von – bis", "granted from – to")),
        ]),
    ]
    for number, child in enumerate(born_children(case, BUT_AGE, today), start=1):
        # a child without a first name is "1. Kind", not "Kind – Kind" (walk9, the twins' sheet)
        name = child_name(child)
        de, en = (name, name) if name else (f"{number}. Kind", f"child {number}")
        sections.append(Section((f"Kind – {de}" if name else de, f"child – {en}" if name else en),
                                child_rows(child, today)))
        sections.append(Section((f"Beantragte Leistungen – {de}", f"benefits applied for – {en}"),
                                _wanted(child, today)))
    sections.append(Section(("Bankverbindung", "bank account"), bank_rows(parent)))
    documents = [
        ("Aktueller Bescheid über Wohngeld oder Kinderzuschlag", "current notice of Wohngeld or Kinderzuschlag"),
        ("Schulbescheinigung (für Schulbedarf, Schülerbeförderung)", "school certificate (school supplies, transport)"),
        ("Nachweis der Kosten: Mittagessen (Vertrag mit Kita/Schule), Klassenfahrt, Vereinsbeitrag",
         "proof of the costs: lunch (contract with day care/school), class trip, club fee"),
        ("für Lernförderung: Bestätigung der Schule", "for tutoring: the school's confirmation"),
    ]
    return Sheet(("Leistungen für Bildung und Teilhabe (Stadt Bochum)", "education and participation benefits (City of Bochum)"),
                 ("Stadt Bochum, Jugendamt, Bildung und Teilhabe – bochum.de/but, but@bochum.de",
                  "City of Bochum, youth office, Bildung und Teilhabe – bochum.de/but, but@bochum.de"),
                 "§ 6b BKGG, § 28 SGB II", sections, documents)
