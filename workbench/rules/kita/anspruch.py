"""The legal claim to a Kita place and the registration dates in Bochum.

- The claim starts on the 1st birthday (§ 24 Abs. 2 SGB VIII): the first year of life is
  completed at the end of the day before (§ 187 Abs. 2, § 188 Abs. 2 BGB); a child born on
  29 February completes it on 28 February, so the claim starts on 1 March.
- NRW: the parents tell the Jugendamt their need at the latest six months before the place is
  to be used (§ 5 Abs. 1 KiBiz); in Bochum that is the pre-registration in the Kita-Portal
  (kitaportal-bochum.de, up to five Kitas, possible from the child's birth). The Jugendamt
  announces the place as a rule 8, at the latest 6 weeks before the start (§ 5 Abs. 3 KiBiz).
- Places for the Kindergartenjahr starting on 1 August are given in spring, after the
  Ausschuss für Kinder, Jugend und Familie decides (usually February) [press, benefits.md § 9].
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from workbench.explain import Explanation
from workbench.parameters import parameters
from workbench.rules.bgb import months_later
from workbench.rules.elternzeit.fristen import geburtstag

P = parameters("kita")


def _in_force(name: str, day: date) -> date:
    """``day``, or the day the KiBiz rule ``name`` came into force when ``day`` is earlier.

    The KiBiz of 03.12.2019 is modelled from 01.08.2020; for an earlier wish the dates follow
    the same rule (the date comes from the parameter file, not from the code).
    """
    return max(day, P.parameter(name).values[0].valid_from)


def rechtsanspruch_ab(geburt: date) -> date:
    """First day of the legal claim to a place (Kita or Kindertagespflege): the 1st birthday.

    Rechtsgrundlage: § 24 Abs. 2 Satz 1 SGB VIII; § 187 Abs. 2, § 188 Abs. 2 BGB
    """
    return geburtstag(geburt, int(P.value("rechtsanspruch_u3_alter", max(geburt, date(2013, 8, 1)))))


def rechtsanspruch_ue3_ab(geburt: date) -> date:
    """First day of the claim to a place in a Tageseinrichtung until school: the 3rd birthday.

    Rechtsgrundlage: § 24 Abs. 3 Satz 1 SGB VIII
    """
    return geburtstag(geburt, int(P.value("rechtsanspruch_ue3_alter", max(geburt, date(2013, 8, 1)))))


def months_before(day: date, months: int) -> date:
    """The same day ``months`` calendar months earlier (the month's last day if it has no such day).

    Rechtsgrundlage: § 188 Abs. 2, 3 BGB (Monatsfristen)
    """
    return months_later(day, -months)


def kindergartenjahr_beginn(tag: date) -> date:
    """1 August that starts the Kindergartenjahr ``tag`` falls in.

    Rechtsgrundlage: KiBiz NRW (Kindergartenjahr 1. August bis 31. Juli)
    """
    start = P.value("kindergartenjahr_beginn", _in_force("kindergartenjahr_beginn", tag))
    this_year = date(tag.year, int(start["monat"]), int(start["tag"]))
    return this_year if tag >= this_year else date(tag.year - 1, this_year.month, this_year.day)


@dataclass
class KitaTermine:
    """Dates for a wanted start: the claim, the latest registration, the placement notice."""

    geburt: date
    wunsch: date
    anspruch_ab: date
    ue3_ab: date
    start_mit_anspruch: date          # the wanted start, or the 1st birthday if that is later
    vor_anspruch: bool                # the wanted start lies before the claim begins
    anmeldung_spaetestens: date       # § 5 Abs. 1 KiBiz
    zusage_in_der_regel: date         # § 5 Abs. 3 KiBiz, 8 weeks
    zusage_spaetestens: date          # § 5 Abs. 3 KiBiz, 6 weeks
    kindergartenjahr: date            # 1 August of the Kindergartenjahr of the start
    anmeldung_schon_moeglich: date    # the Kita-Portal accepts children from their birth
    explanation: Explanation = field(default_factory=Explanation)


def kita_termine(geburt: date, wunsch: date) -> KitaTermine:
    """The dates of a Kita start wanted on ``wunsch`` for a child born on ``geburt``.

    Rechtsgrundlage: § 24 Abs. 2, 3 SGB VIII; § 5 Abs. 1, 3 KiBiz
    """
    expl = Explanation()
    claim = expl.add("kita.step.anspruch", rechtsanspruch_ab(geburt), "§ 24 Abs. 2 SGB VIII", birth=geburt)
    ue3 = rechtsanspruch_ue3_ab(geburt)
    assert isinstance(claim, date)
    before = wunsch < claim
    start = max(wunsch, claim)
    if before:
        expl.add("kita.step.vor_anspruch", start, "§ 24 Abs. 1, 2 SGB VIII", wish=wunsch)
    months = int(P.value("bedarfsanzeige_monate", _in_force("bedarfsanzeige_monate", wunsch)))
    latest = months_before(wunsch, months)
    expl.add("kita.step.anmeldung", latest, "§ 5 Abs. 1 KiBiz", months=months, wish=wunsch)
    weeks = P.value("zuweisung_wochen", _in_force("zuweisung_wochen", wunsch))
    regular = wunsch - timedelta(weeks=int(weeks["in_der_regel"]))
    latest_notice = wunsch - timedelta(weeks=int(weeks["spaetestens"]))
    expl.add("kita.step.zusage", latest_notice, "§ 5 Abs. 3 KiBiz", regular=regular)
    year = kindergartenjahr_beginn(wunsch)
    return KitaTermine(geburt, wunsch, claim, ue3, start, before, latest, regular, latest_notice, year, geburt, expl)
