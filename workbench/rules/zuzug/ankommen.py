"""The first steps after moving to Bochum, in the order they build on each other, each with its date.

1. Register the new home within two weeks (§ 17 Abs. 1 BMG), with the landlord's confirmation
   (Wohnungsgeberbestätigung, § 19 BMG). Everything else needs the registration.
2. From abroad: the tax ID (Steuer-Identifikationsnummer) comes by post after the first registration
   (§ 139b AO); the Kindergeld application needs it for the parent and the child (§ 62 Abs. 1 Satz 2 EStG).
3. From abroad: health insurance from the first day (§ 5 SGB V, § 193 Abs. 3 VVG); a family insured
   through a job in another EU state registers its S1 form with a German Krankenkasse (Art. 17 VO (EG)
   883/2004).
4. From abroad: a bank account for the benefits; everyone living in the EU has the right to a basic
   account (Basiskonto, § 31 ZKG).
5. Kindergeld: from abroad a new application at the Familienkasse, paid back at most six months before the
   month the application arrives (§ 70 Abs. 1 Satz 2 EStG); from another German town only the new
   address (§ 68 Abs. 1 EStG).
6. Married couples: the tax classes follow the registration (ELStAM, § 39e EStG); a change is asked of
   the Finanzamt (§ 39 Abs. 6 EStG).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from workbench.parameters import parameters
from workbench.rules.antragsmappe.fristen import kindergeld_antrag_bis as antrag_bis

P = parameters("zuzug")


@dataclass(frozen=True)
class Schritt:
    """One step of the checklist: message key, by when (None: as soon as possible), why."""

    key: str
    due: date | None
    citation: str


def anmeldung_bis(arrival: date) -> date:
    """Last day to register the new home: two weeks after moving in.

    Rechtsgrundlage: § 17 Abs. 1 BMG; § 188 Abs. 2 BGB
    """
    return arrival + timedelta(days=int(P.value("anmeldung_frist_tage", max(arrival, date(2015, 11, 1)))))


def kindergeld_antrag_bis(arrival: date) -> date:
    """Last day on which a Kindergeld application still reaches back to the month of arrival.

    Rechtsgrundlage: § 70 Abs. 1 Satz 2 EStG (six months before the month of the application), § 66 Abs. 2 EStG
    """
    return antrag_bis(arrival).bis


def checkliste(arrival: date, from_abroad: bool, married: bool, insured_abroad: bool) -> list[Schritt]:
    """The first steps in their order with their dates.

    Rechtsgrundlage: § 17 Abs. 1, § 19 BMG; § 139b AO; § 5 SGB V; § 31 ZKG; § 68 Abs. 1, § 70 Abs. 1 EStG; § 39e EStG
    """
    steps = [Schritt("zuzug.todo.anmeldung", anmeldung_bis(arrival), "§ 17 Abs. 1, § 19 BMG")]
    if from_abroad:
        steps.append(Schritt("zuzug.todo.steuer_id", None, "§ 139b AO"))
        steps.append(Schritt("zuzug.todo.s1" if insured_abroad else "zuzug.todo.krankenversicherung", arrival,
                             "Art. 17 VO (EG) 883/2004" if insured_abroad else "§ 5 SGB V, § 193 Abs. 3 VVG"))
        steps.append(Schritt("zuzug.todo.konto", None, "§ 31 ZKG"))
        steps.append(Schritt("zuzug.todo.kindergeld", kindergeld_antrag_bis(arrival), "§ 67, § 70 Abs. 1 Satz 2 EStG"))
    else:
        steps.append(Schritt("zuzug.todo.kindergeld_adresse", None, "§ 68 Abs. 1 EStG"))
    if married:
        steps.append(Schritt("zuzug.todo.steuerklasse", None, "§ 39 Abs. 6, § 39e EStG"))
    return steps


__all__ = ["Schritt", "anmeldung_bis", "checkliste", "kindergeld_antrag_bis"]
