"""Ausfüllhilfe Wohngeld (Mietzuschuss).

Wohngeld as Mietzuschuss is for tenants (§ 3 Abs. 1 WoGG), on written application (§ 22 Abs. 1
WoGG) to the city's Wohngeldstelle. The sections follow the nationwide model "Antrag auf Wohngeld –
Mietzuschuss" (Stand Januar 2023, the copy in ../shared/forms; NRW's own print was not available
to check): 1 the entitled person, 3 the home, 4 further household members, the transfer
benefits, the income, the child benefit and maintenance, the rent and the payment. The landlord
confirms the rent on the Mietbescheinigung (the workbench fills its tenant part).
"""

from __future__ import annotations

from datetime import date

from workbench.case import Case, Child
from workbench.forms.ausfuellhilfe import Row, Section, Sheet
from workbench.forms.sheets.common import (
    bank_rows, born_children, child_name, day, money, parent_name, parent_rows, work_rows,
)
from workbench.forms.conditions import age_on

KINDERGELD_AGE = 18
"""§ 32 Abs. 3 EStG: a child counts without further conditions until its 18th birthday."""


def _members(case: Case, applicant: str) -> Section:
    rows: list[Row] = []
    for parent in case.household.parents:
        if parent.id != applicant:
            rows.append(Row(("Name, Geburtsdatum, Verhältnis", "name, date of birth, relation"),
                            f"{parent_name(parent)}, {day(parent.birth_date)}, Partner/in".strip(", ")))
    for child in born_children(case):
        if child.situation is None or child.situation.lives_with_applicant:
            rows.append(Row(("Name, Geburtsdatum, Verhältnis", "name, date of birth, relation"),
                            f"{child_name(child)}, {day(child.birth_date)}, Kind".strip(", ")))
    return Section(("Weitere Haushaltsmitglieder", "further household members"), rows)


def _income(case: Case) -> Section:
    rows: list[Row] = []
    for parent in case.household.parents:
        rows += [Row((f"{label[0]} – {parent_name(parent)}", f"{label[1]} – {parent_name(parent)}"), row.value)
                 for row in work_rows(parent) for label in [row.label]]
    for child in born_children(case):
        s = child.situation
        if s is not None and (s.own_income_monthly or s.maintenance_monthly):
            rows.append(Row((f"Einnahmen des Kindes im Monat – {child_name(child)}",
                             f"child's income per month – {child_name(child)}"),
                            " / ".join(x for x in (money(s.own_income_monthly) and f"eigenes Einkommen {money(s.own_income_monthly)}",
                                                   money(s.maintenance_monthly) and f"Unterhalt {money(s.maintenance_monthly)}") if x)))
    return Section(("Angaben zum Einkommen", "income"), rows)


def _transfer(case: Case) -> Section:
    b = case.household.benefits
    got = [name for flag, name in ((b and b.receives_buergergeld, "Bürgergeld"),
                                   (b and b.receives_kinderzuschlag, "Kinderzuschlag")) if flag]
    return Section(("Transferleistungen", "transfer benefits"), [
        Row(("Bezogene oder beantragte Leistungen", "benefits received or applied for"), ", ".join(got)),
    ])


def _home(case: Case) -> Section:
    h = case.household.housing
    total = h.rent_cold + h.utilities_cold + h.heating if h else None
    return Section(("Angaben zum Wohnraum, für den Wohngeld beantragt wird", "the home Wohngeld is applied for"), [
        Row(("Nutzung als", "used as"), "Mieter/in" if h and h.tenure == "rent" else ""),
        Row(("Gesamtfläche des Wohnraums (m²)", "total living space (m²)"), f"{h.living_space_sqm} m²" if h else ""),
        Row(("Miete monatlich einschließlich der Nebenkosten", "rent per month including service charges"), money(total)),
        Row(("davon Kaltmiete", "of which basic rent"), money(h.rent_cold) if h else ""),
        Row(("davon kalte Nebenkosten", "of which service charges without heating"), money(h.utilities_cold) if h else ""),
        Row(("davon Heizkosten", "of which heating"), money(h.heating) if h else ""),
        Row(("Vermieter/in (Name, Anschrift)", "landlord (name, address)")),
    ])


def _kindergeld(case: Case, children: list[Child], today: date) -> Section:
    """Kindergeld paid, and to whom, only where it runs (``receives.kindergeld``); a newborn's is only applied for.

    Naming a child whose Kindergeld is not yet granted under "wird gezahlt" would be false (issue 16/18: the
    newborn's KG 1 goes in at the same time); a minor child without it is named in a row of its own (KG 1 with an
    Anlage Kind is offered for it, § 32 Abs. 3 EStG).
    """
    paid = [c for c in children if c.receives is not None and c.receives.kindergeld is not None]
    pending = [c for c in children if c not in paid and age_on(c.birth_date, today) < KINDERGELD_AGE]
    recipients: list[str] = []
    for child in paid:
        bezug = child.receives.kindergeld  # type: ignore[union-attr]
        parent = next((p for p in case.household.parents if p.id == bezug.parent), None)  # type: ignore[union-attr]
        name = parent_name(parent) if parent is not None else ""
        if name and name not in recipients:
            recipients.append(name)
    return Section(("Kindergeld", "child benefit"), [
        Row(("Für welche Kinder wird Kindergeld gezahlt?", "which children get child benefit?"),
            ", ".join(child_name(c) for c in paid if c.personal)),
        Row(("An wen?", "paid to whom?"), ", ".join(recipients)),
        Row(("Kindergeld beantragt, noch nicht bewilligt, für", "child benefit applied for, not yet granted, for"),
            ", ".join(child_name(c) for c in pending if c.personal)),
    ])


def build(case: Case, applicant: str, today: date) -> Sheet:
    """The Wohngeld sheet in the order of the Mietzuschuss application."""
    parent = case.parent(applicant)
    first = parent_rows(case, parent) + work_rows(parent)[:1]
    children = born_children(case)
    sections = [
        Section(("1 Wohngeldberechtigte Person (Antragsteller/in)", "1 the entitled person (applicant)"), first),
        Section(("3 Wohnraum, für den Wohngeld beantragt wird", "3 the home Wohngeld is applied for"),
                [Row(("Anschrift", "address"), parent_rows(case, parent)[7].value)]),
        _members(case, applicant),
        _transfer(case),
        _income(case),
        _kindergeld(case, children, today),
        _home(case),
        Section(("Auszahlung des Wohngeldes", "payment of the Wohngeld"), bank_rows(parent)),
    ]
    documents = [
        ("Mietbescheinigung, vom Vermieter ausgefüllt (Teil des Mieters füllt die Beratung vor)",
         "rent certificate filled by the landlord (the tenant's part is prefilled by the advisor)"),
        ("Mietvertrag und letzte Nebenkostenabrechnung", "tenancy agreement and the last service-charge statement"),
        ("Einkommensnachweise aller Haushaltsmitglieder der letzten 12 Monate (Lohnabrechnungen, Bescheide)",
         "proof of income of every household member for the last 12 months (payslips, notices)"),
        ("Bescheide über Kindergeld, Kinderzuschlag, Unterhalt oder Unterhaltsvorschuss",
         "notices of child benefit, Kinderzuschlag, maintenance or Unterhaltsvorschuss"),
        ("Personalausweis oder Reisepass; bei ausländischer Staatsangehörigkeit Aufenthaltstitel",
         "identity card or passport; for foreign nationals the residence permit"),
    ]
    return Sheet(("Antrag auf Wohngeld – Mietzuschuss", "application for Wohngeld (rent subsidy)"),
                 ("Wohngeldstelle der Stadt oder Gemeinde", "the Wohngeld office of the town"),
                 "§§ 3, 22, 23 WoGG", sections, documents)
