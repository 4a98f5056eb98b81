"""Ausfüllhilfe for the Anlagen of the Kinderzuschlag application (KiZ 1 is filled as an official form).

Kinderzuschlag (§ 6a BKGG) is applied for in writing at the Familienkasse (§ 9 Abs. 1 BKGG) with
the main form KiZ 1 (``kiz1``, filled by the workbench) and Anlagen that are not in the forms
folder: the Anlage Kind (KiZ 1 AnK) for each child, the Anlage Einkommen (KiZ 1 AnE) for each
adult with income, and the Anlage for maintenance and Unterhaltsvorschuss the children receive.
The income counted is that of the six months before the application (§ 6a Abs. 8 BKGG); the
children's income counts at 45 % (§ 6a Abs. 3 BKGG). Housing costs (§ 6a Abs. 5 BKGG) are asked too.
"""

from __future__ import annotations

from datetime import date

from workbench.case import Case
from workbench.forms.ausfuellhilfe import Row, Section, Sheet
from workbench.forms.sheets.common import born_children, child_name, child_rows, money, parent_name, work_rows

KIZ_AGE = 25
"""§ 6a Abs. 1 Nr. 1 BKGG: for children the parent gets Kindergeld for (at most until 25)."""


def build(case: Case, applicant: str, today: date) -> Sheet:
    """One Anlage Kind per child under 25, one Anlage Einkommen per parent, then maintenance and housing."""
    sections: list[Section] = []
    for number, child in enumerate(born_children(case, KIZ_AGE, today), 1):
        s = child.situation
        rows = child_rows(child, today) + [
            Row(("Lebt im Haushalt", "lives in the household"), "ja" if s is None or s.lives_with_applicant else "nein"),
            Row(("Eigenes Einkommen im Monat (z. B. Ausbildungsvergütung)", "own income per month (e.g. training pay)"),
                money(s.own_income_monthly) if s else ""),
            Row(("Unterhalt oder Unterhaltsvorschuss im Monat", "maintenance or Unterhaltsvorschuss per month"),
                money(s.maintenance_monthly) if s else ""),
            Row(("Waisenrente im Monat", "orphan's pension per month"), money(s.orphan_benefit_monthly) if s else ""),
        ]
        name = child_name(child) or "Kind"
        sections.append(Section((f"Anlage Kind (KiZ 1 AnK) Nr. {number} – {name}",
                                 f"child annex (KiZ 1 AnK) no. {number} – {name}"), rows))
    for parent in case.household.parents:
        sections.append(Section((f"Anlage Einkommen (KiZ 1 AnE) – {parent_name(parent)}",
                                 f"income annex (KiZ 1 AnE) – {parent_name(parent)}"), work_rows(parent)))
    h = case.household.housing
    sections.append(Section(("Wohnkosten", "housing costs"), [
        Row(("Kaltmiete im Monat", "basic rent per month"), money(h.rent_cold) if h else ""),
        Row(("Nebenkosten ohne Heizung im Monat", "service charges without heating per month"),
            money(h.utilities_cold) if h else ""),
        Row(("Heizkosten im Monat", "heating per month"), money(h.heating) if h else ""),
        Row(("Wohnfläche", "living space"), f"{h.living_space_sqm} m²" if h else ""),
    ]))
    documents = [
        ("Einkommensnachweise der letzten sechs Monate vor dem Antrag (Lohnabrechnungen, bei Selbstständigen "
         "eine Aufstellung der Einnahmen und Ausgaben)",
         "proof of income of the six months before the application (payslips; self-employed: income and expenses)"),
        ("Mietvertrag und letzte Nebenkosten- und Heizkostenabrechnung",
         "tenancy agreement and the last service-charge and heating statement"),
        ("Nachweise über Unterhalt, Unterhaltsvorschuss oder Waisenrente der Kinder",
         "proof of the children's maintenance, Unterhaltsvorschuss or orphan's pension"),
        ("Nachweise über Wohngeld und andere Sozialleistungen", "notices of Wohngeld and other benefits"),
    ]
    return Sheet(("Anlagen zum Antrag auf Kinderzuschlag (KiZ 1 AnK, AnE)",
                  "annexes to the Kinderzuschlag application (KiZ 1 AnK, AnE)"),
                 ("Familienkasse der Bundesagentur für Arbeit", "Familienkasse (Federal Employment Agency)"),
                 "§§ 6a, 9 BKGG", sections, documents)
