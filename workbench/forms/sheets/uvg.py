"""Ausfüllhilfe Unterhaltsvorschuss (UVG) in NRW.

UVG is paid to a child under 18 who lives with one parent who is single, widowed, divorced or
lives apart, and who gets no or too little maintenance from the other parent (§ 1 Abs. 1 UVG;
from 12 with the conditions of § 1 Abs. 1a); the application goes in writing to the
Jugendamt's Unterhaltsvorschussstelle, for at most one month back (§ 9 Abs. 1, § 4 UVG). NRW has
no state-wide paper form (the online application is unterhaltsvorschuss-online.de); the sections
follow the published paper application of the Stadt Köln (I. the child, II. the parent the child
lives with, III. the other parent, then maintenance and bank account) — other NRW cities order it
alike (docs/formulare.md says what could not be checked).
"""

from __future__ import annotations

from datetime import date

from workbench.case import Case, Child
from workbench.forms.ausfuellhilfe import Row, Section, Sheet
from workbench.forms.sheets.common import bank_rows, born_children, child_name, child_rows, day, money, parent_rows

UVG_AGE = 18
"""§ 1 Abs. 1 Nr. 1 UVG: until the child is 18."""


def _child(child: Child, today: date) -> Section:
    situation = child.situation
    rows = child_rows(child, today) + [
        Row(("Das Kind lebt bei", "the child lives with"),
            "bei mir" if situation is None or situation.lives_with_applicant else ""),
    ]
    return Section((f"I. Angaben zu dem Kind, für das die Leistung beantragt wird – {child_name(child) or 'Kind'}",
                    f"I. The child the benefit is applied for – {child_name(child) or 'child'}"), rows)


def _maintenance(children: list[Child]) -> Section:
    rows: list[Row] = []
    for child in children:
        name = child_name(child) or "Kind"
        s = child.situation
        rows += [
            Row((f"Unterhalt vom anderen Elternteil im Monat – {name}", f"maintenance from the other parent per month – {name}"),
                money(s.maintenance_monthly) if s else ""),
            Row((f"Waisenbezüge im Monat – {name}", f"orphan's benefits per month – {name}"),
                money(s.orphan_benefit_monthly) if s else ""),
            Row((f"Eigenes Einkommen des Kindes im Monat – {name}", f"child's own income per month – {name}"),
                money(s.own_income_monthly) if s else ""),
        ]
    return Section(("Angaben zum Unterhalt und zum Einkommen des Kindes",
                    "maintenance and the child's income"), rows)


def build(case: Case, applicant: str, today: date) -> Sheet:
    """The UVG sheet: each child under 18 UVG does not yet run for, the parent it lives with, the other parent (for the family), maintenance."""
    parent = case.parent(applicant)
    # a child UVG already runs for needs no application (bezug.py: "läuft bereits"): naming it here would apply twice
    children = [c for c in born_children(case, UVG_AGE, today)
                if c.receives is None or not c.receives.unterhaltsvorschuss]
    absent = case.household.other_parent  # the child's other parent living elsewhere, as far as the case knows
    name = ", ".join(part for part in (absent.surname, absent.first_name) if part) if absent else ""
    home = absent.address if absent and absent.address else None
    where = f"{home.street} {home.house_number}, {home.postcode} {home.city}" if home else ""
    other = Section(("III. Angaben zum anderen Elternteil", "III. The other parent"), [
        Row(("Familienname, Vorname", "surname, first name"), name),
        Row(("Geburtsdatum", "date of birth"), day(absent.birth_date) if absent and absent.birth_date else ""),
        Row(("Letzte bekannte Anschrift", "last known address"), where),
        Row(("Arbeitgeber / Einkommen, soweit bekannt", "employer / income, as far as known")),
        Row(("Vaterschaft anerkannt oder festgestellt am", "paternity acknowledged or established on")),
        Row(("Unterhaltstitel (Urkunde, Beschluss) vom", "maintenance title (deed, court order) of")),
    ])
    sections = [_child(child, today) for child in children]
    sections += [Section(("II. Angaben zum Elternteil, bei dem das Kind lebt", "II. The parent the child lives with"),
                         parent_rows(case, parent)),
                 other, _maintenance(children),
                 Section(("Bankverbindung", "bank account"), bank_rows(parent))]
    documents = [
        ("Geburtsurkunde des Kindes", "the child's birth certificate"),
        ("Personalausweis oder Reisepass (zur Vorlage)", "identity card or passport (to show)"),
        ("Vaterschaftsanerkennung oder -feststellung", "acknowledgement or court finding of paternity"),
        ("Unterhaltstitel oder -vereinbarung und Nachweise über gezahlten Unterhalt",
         "maintenance title or agreement and proof of maintenance paid"),
        ("Nachweis des Getrenntlebens oder Scheidungsbeschluss", "proof of living apart or the divorce decree"),
        ("bei ausländischer Staatsangehörigkeit: Aufenthaltstitel", "for foreign nationals: residence permit"),
        ("für Kinder ab 12 Jahren: Bürgergeld-Bescheid oder Einkommensnachweis des Elternteils (§ 1 Abs. 1a UVG)",
         "for children from 12: Bürgergeld notice or the parent's proof of income (§ 1 Abs. 1a UVG)"),
    ]
    remarks = [("Der Antrag wirkt höchstens einen Monat zurück (§ 4 UVG): bald abgeben.",
                "The application pays back at most one month (§ 4 UVG): hand it in soon.")]
    return Sheet(("Antrag auf Unterhaltsvorschuss (UVG)", "application for Unterhaltsvorschuss (UVG)"),
                 ("Jugendamt, Unterhaltsvorschussstelle der Stadt; online: unterhaltsvorschuss-online.de",
                  "youth office (Jugendamt), Unterhaltsvorschuss desk of the city; online: unterhaltsvorschuss-online.de"),
                 "§§ 1, 2, 4, 9 UVG", sections, documents, remarks)
