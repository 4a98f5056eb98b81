"""Protection periods of the Mutterschutz (§ 3 MuSchG) and the protection against dismissal (§ 17 MuSchG).

- Before the birth: 6 weeks before the expected day (the doctor's or midwife's certificate);
  the period shortens or lengthens when the child comes earlier or later (§ 3 Abs. 1).
- After the birth: 8 weeks; 12 weeks after a Frühgeburt (a medical finding: birth weight under
  2,500 g or immaturity needing much more care – not a number of weeks), a multiple birth, or on
  request when a disability of the child is found within 8 weeks (§ 3 Abs. 2 Satz 2, 4).
- Every early delivery adds the days of the period before the birth that were lost (§ 3 Abs. 2
  Satz 3), so the whole period lasts at least 14 (18) weeks.
- After a miscarriage from the 13th week of pregnancy: 2, 6 or 8 weeks (§ 3 Abs. 5, from 1.6.2025).

A period of weeks counted from an event ends on the same weekday (§ 187 Abs. 1, § 188 Abs. 2 BGB).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from workbench.errors import UnsupportedPeriod
from workbench.explain import Explanation
from workbench.i18n import format_date, text
from workbench.parameters import parameters
from workbench.rules.bgb import months_later
from workbench.rules.elterngeld.lebensmonate import lebensmonate

P = parameters("mutterschutz")


def _weeks(name: str, on: date) -> int:
    return int(P.value(name, on))


def schutzfrist_beginn(termin: date, geburt: date | None = None) -> date:
    """First day of the protection period before the birth: 6 weeks before the expected day, or the birth if earlier.

    Rechtsgrundlage: § 3 Abs. 1 Satz 1, 4 MuSchG
    """
    beginn = termin - timedelta(weeks=_weeks("schutzfrist_vor_entbindung_wochen", termin))
    return min(beginn, geburt) if geburt is not None else beginn


def verlorene_tage(termin: date, geburt: date) -> int:
    """Days of the period before the birth lost by an early delivery (at most the 6 weeks).

    Rechtsgrundlage: § 3 Abs. 2 Satz 3 MuSchG
    """
    before = 7 * _weeks("schutzfrist_vor_entbindung_wochen", termin)
    return max(0, min((termin - geburt).days, before))


def wochen_nach_entbindung(geburt: date, *, fruehgeburt: bool = False, mehrlinge: bool = False,
                           behinderung: bool = False) -> int:
    """Weeks of the period after the birth: 8, or 12 after a Frühgeburt, multiples or (on request) a disability.

    Rechtsgrundlage: § 3 Abs. 2 Satz 1, 2 Nr. 1–3, Satz 4 MuSchG
    """
    weeks = P.value("schutzfrist_nach_entbindung_wochen", geburt)
    return int(weeks["verlaengert"] if (fruehgeburt or mehrlinge or behinderung) else weeks["regel"])


def schutzfrist_ende(geburt: date, wochen: int, verloren: int = 0) -> date:
    """Last day of the period after the birth: ``wochen`` weeks after the birth plus the lost days.

    Rechtsgrundlage: § 3 Abs. 2 Satz 1–3 MuSchG i. V. m. § 187 Abs. 1, § 188 Abs. 2 BGB
    """
    return geburt + timedelta(weeks=wochen, days=verloren)


def kuendigungsschutz_ende(geburt: date, ende: date) -> date:
    """Last day of the protection against dismissal: the end of the period after the birth, at least 4 months after the birth.

    Rechtsgrundlage: § 17 Abs. 1 Satz 1 Nr. 3 MuSchG i. V. m. § 188 Abs. 2, 3 BGB
    """
    return max(ende, months_later(geburt, int(P.value("kuendigungsschutz_monate_nach_entbindung", geburt))))


def monate_mit_mutterschaftsleistungen(geburt: date, ende: date) -> frozenset[int]:
    """Lebensmonate 1 … n in which Mutterschaftsleistungen are due (n: the Lebensmonat of the period's last day).

    They count as the mother's Basiselterngeld months even when nothing is paid.
    Rechtsgrundlage: § 4 Abs. 4 Satz 3 BEEG, § 3 Abs. 1 Satz 1 Nr. 1 BEEG
    """
    if ende < geburt:
        return frozenset()
    last = next(lm.number for lm in lebensmonate(geburt, 32) if lm.start <= ende <= lm.end)
    return frozenset(range(1, last + 1))


@dataclass(frozen=True)
class Schutzfristen:
    """The whole protection period of one pregnancy, with its explanation."""

    termin: date
    geburt: date
    geboren: bool
    beginn: date
    ende: date
    wochen_nach: int
    verloren: int
    kuendigungsschutz_bis: date
    explanation: Explanation = field(compare=False)

    @property
    def tage(self) -> int:
        """Calendar days from the first to the last day (the day of birth included)."""
        return (self.ende - self.beginn).days + 1

    @property
    def vor_geburt_ende(self) -> date:
        """Last day of the period before the birth: the day before the birth.

        The day of birth opens the period after it ("nach der Entbindung"); Mutterschaftsgeld pays it as a day of
        its own ("den Entbindungstag", § 24i Abs. 3 Satz 1 SGB V). When the child came before the period would have
        begun, this day lies before :attr:`beginn` and there is no period before the birth
        (:attr:`hat_zeit_vor_geburt`).
        Rechtsgrundlage: § 3 Abs. 1 Satz 1, 4 MuSchG, § 3 Abs. 2 Satz 1 MuSchG
        """
        return self.geburt - timedelta(days=1)

    @property
    def hat_zeit_vor_geburt(self) -> bool:
        """Whether any day of protection lay before the birth (not so when the child came before it began).

        Rechtsgrundlage: § 3 Abs. 1 Satz 1, 4 MuSchG
        """
        return self.vor_geburt_ende >= self.beginn


def schutzfristen(termin: date, geburt: date | None = None, *, fruehgeburt: bool = False, mehrlinge: bool = False,
                  behinderung: bool = False) -> Schutzfristen:
    """Start, end and length of the protection period from the expected and (if known) the actual birth.

    Without an actual birth the expected day stands for it (the periods as planned).
    Rechtsgrundlage: § 3 Abs. 1, 2 MuSchG, § 17 Abs. 1 MuSchG
    """
    first = P.parameter("schutzfrist_vor_entbindung_wochen").values[0].valid_from
    if termin < first:
        raise UnsupportedPeriod(text("mutterschutz.fehler.vor_muschg", "de", first=format_date(first)))
    born = geburt is not None
    birth = geburt if geburt is not None else termin
    expl = Explanation()
    beginn = schutzfrist_beginn(termin, birth)
    expl.add("mutterschutz.beginn", beginn, "§ 3 Abs. 1 Satz 1 MuSchG", termin=termin,
             wochen=_weeks("schutzfrist_vor_entbindung_wochen", termin))
    if birth != termin:
        expl.add("mutterschutz.abweichung", birth, "§ 3 Abs. 1 Satz 4 MuSchG", termin=termin)
    wochen = wochen_nach_entbindung(birth, fruehgeburt=fruehgeburt, mehrlinge=mehrlinge, behinderung=behinderung)
    expl.add("mutterschutz.wochen_nach", wochen, "§ 3 Abs. 2 Satz 1 MuSchG")
    if fruehgeburt:
        expl.add("mutterschutz.grund_fruehgeburt", wochen, "§ 3 Abs. 2 Satz 2 Nr. 1 MuSchG")
    if mehrlinge:
        expl.add("mutterschutz.grund_mehrlinge", wochen, "§ 3 Abs. 2 Satz 2 Nr. 2 MuSchG")
    if behinderung:
        expl.add("mutterschutz.grund_behinderung", wochen, "§ 3 Abs. 2 Satz 2 Nr. 3, Satz 4 MuSchG")
    verloren = verlorene_tage(termin, birth)
    if verloren:
        expl.add("mutterschutz.verloren", verloren, "§ 3 Abs. 2 Satz 3 MuSchG")
    ende = schutzfrist_ende(birth, wochen, verloren)
    expl.add("mutterschutz.ende", ende, "§ 3 Abs. 2 MuSchG", geburt=birth)
    ks = kuendigungsschutz_ende(birth, ende)
    expl.add("mutterschutz.kuendigungsschutz", ks, "§ 17 Abs. 1 Satz 1 Nr. 3 MuSchG")
    return Schutzfristen(termin, birth, born, beginn, ende, wochen, verloren, ks, expl)


@dataclass(frozen=True)
class FehlgeburtSchutz:
    """The protection after a miscarriage: the period (None below the 13th week) and the protection against dismissal."""

    datum: date
    woche: int
    ende: date | None
    wochen: int
    kuendigungsschutz_bis: date | None
    explanation: Explanation = field(compare=False)


def schutzfrist_fehlgeburt(datum: date, woche: int) -> FehlgeburtSchutz:
    """The graded period after a miscarriage in the ``woche``-th week of pregnancy (13 = 12+0 to 12+6).

    2 weeks from the 13th, 6 from the 17th, 8 from the 20th week; before 1 June 2025 there was none.
    Rechtsgrundlage: § 3 Abs. 5 MuSchG, § 17 Abs. 1 Satz 1 Nr. 2 MuSchG
    """
    expl = Explanation()
    wochen = 0
    if datum >= P.parameter("schutzfrist_fehlgeburt").values[0].valid_from:
        for row in P.value("schutzfrist_fehlgeburt", datum):
            if woche >= int(row["ab_woche"]):
                wochen = int(row["wochen"])
    ende = datum + timedelta(weeks=wochen) if wochen else None
    expl.add("mutterschutz.fehlgeburt", wochen, "§ 3 Abs. 5 MuSchG", woche=woche, ende=ende)
    ks = None
    if woche > 12:
        ks = months_later(datum, int(P.value("kuendigungsschutz_monate_nach_entbindung", datum)))
        expl.add("mutterschutz.fehlgeburt_kuendigung", ks, "§ 17 Abs. 1 Satz 1 Nr. 2 MuSchG")
    return FehlgeburtSchutz(datum, woche, ende, wochen, ks, expl)
