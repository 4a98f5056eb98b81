"""The periods of an application folder: until when an application still pays every month, when a
posted decision counts as received, and until when it can be challenged.

Two kinds of dates, and the difference matters to a family:

- **How far back an application pays** depends on the month (or Lebensmonat) in which it *arrives*
  at the authority. The last day of that month is a hard line: an application arriving on the
  Monday after a month that ended on a Saturday arrives in the next month (no shift to a working
  day; the law counts months of receipt, not a period of § 193 BGB).
  Elterngeld: three Lebensmonate back (§ 7 Abs. 1 Satz 2 BEEG); Kindergeld: six calendar months
  paid back (§ 70 Abs. 1 Satz 2 EStG); Unterhaltsvorschuss: one month back if the parent tried to
  get maintenance (§ 4 UVG); Kinderzuschlag and Wohngeld: from the month of the application
  (§ 6a Abs. 7 Satz 2 BKGG, § 25 Abs. 2 Satz 1 WoGG).
- **A period to act** (Widerspruch, Einspruch, Klage) runs from the day after the decision became
  known (§ 187 Abs. 1 BGB), ends on the day of the following month with the same number, or the
  month's last day (§ 188 Abs. 2, 3 BGB), and moves to the next working day when it ends on a
  Saturday, Sunday or public holiday (§ 193 BGB, § 64 Abs. 3 SGG, § 108 Abs. 3 AO). A posted
  decision counts as known on the fourth day after posting (third before 2025; § 37 Abs. 2 SGB X,
  § 122 Abs. 2 Nr. 1 AO).
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta

from workbench.explain import Explanation
from workbench.parameters import parameters
from workbench.rules.antragsmappe.feiertage import naechster_werktag
from workbench.rules.elterngeld.lebensmonate import lebensmonat_end, lebensmonat_start

P = parameters("antragsmappe")
LEISTUNGEN = parameters("leistungen")
"""Kindergeld and UVG: their periods back are the Leistungscheck's (``rules/leistungen/params.yaml``)."""


@dataclass(frozen=True)
class Frist:
    """A last day and the steps that found it."""

    bis: date
    explanation: Explanation


def monatsletzter(tag: date, monate: int = 0) -> date:
    """The last day of the calendar month ``monate`` months after the month of ``tag``."""
    index = tag.year * 12 + tag.month - 1 + monate
    year, month = divmod(index, 12)
    return date(year, month + 1, calendar.monthrange(year, month + 1)[1])


def monatsfrist_ende(ereignis: date, monate: int) -> date:
    """The end of a period of ``monate`` months that starts with an event on ``ereignis``.

    § 187 Abs. 1 BGB: the event's day does not count; § 188 Abs. 2: the period ends with the day of
    the last month that has the event day's number; § 188 Abs. 3: if that month is shorter, with its
    last day (an event on 31 January: a one-month period ends on 28/29 February).
    """
    last = monatsletzter(ereignis, monate)
    return last.replace(day=min(ereignis.day, last.day))


def bekanntgabe(zur_post: date) -> Frist:
    """The day a decision posted on ``zur_post`` counts as known (§ 37 Abs. 2 SGB X, § 122 Abs. 2 Nr. 1 AO).

    The fourth day after posting (the third for decisions posted before 2025); on a Saturday,
    Sunday or public holiday the next working day (BSG B 14 AS 12/09 R; BFH IX R 68/98).
    """
    e = Explanation()
    days = int(P.value("bekanntgabe_tage", zur_post))
    fiktion = zur_post + timedelta(days=days)
    e.add("antragsmappe.bekanntgabe", fiktion, P.reference("bekanntgabe_tage", zur_post),
          post=zur_post, days=days)
    known = naechster_werktag(fiktion)
    if known != fiktion:
        e.add("antragsmappe.werktag", known, "§ 26 Abs. 3 SGB X, § 108 Abs. 3 AO", tag=fiktion)
    return Frist(known, e)


def rechtsbehelfsfrist(bekanntgegeben: date, belehrung: bool = True) -> Frist:
    """The last day for a Widerspruch, Einspruch or Klage against a decision known on ``bekanntgegeben``.

    One month with a correct Rechtsbehelfsbelehrung, one year without (§ 84 Abs. 1, § 66 Abs. 2 SGG;
    § 70 Abs. 1, § 74 Abs. 1, § 58 Abs. 2 VwGO; § 355 Abs. 1, § 356 Abs. 2 AO), ended on a working day.
    Which of them applies (Widerspruch, Einspruch or directly Klage) the decision's
    Rechtsbehelfsbelehrung says; the period is the same.
    """
    e = Explanation()
    table = P.value("rechtsbehelf_monate", bekanntgegeben)
    months = int(table["mit_belehrung" if belehrung else "ohne_belehrung"])
    ende = monatsfrist_ende(bekanntgegeben, months)
    e.add("antragsmappe.rechtsbehelf" if belehrung else "antragsmappe.rechtsbehelf_ohne", ende,
          P.reference("rechtsbehelf_monate", bekanntgegeben), known=bekanntgegeben, months=months)
    last = naechster_werktag(ende)
    if last != ende:
        e.add("antragsmappe.werktag", last, "§ 193 BGB, § 64 Abs. 3 SGG, § 108 Abs. 3 AO", tag=ende)
    return Frist(last, e)


def elterngeld_antrag_bis(geburt: date, lebensmonat: int) -> Frist:
    """The last day an Elterngeld application may arrive and still pay Lebensmonat ``lebensmonat``.

    § 7 Abs. 1 Satz 2 BEEG: arriving in Lebensmonat L it pays back to Lebensmonat L − 3; so the
    application must arrive by the last day of Lebensmonat ``lebensmonat`` + 3.
    """
    e = Explanation()
    back = int(P.value("elterngeld_rueckwirkung_lebensmonate", lebensmonat_start(geburt, lebensmonat)))
    last = lebensmonat_end(geburt, lebensmonat + back)
    e.add("antragsmappe.elterngeld", last, P.reference("elterngeld_rueckwirkung_lebensmonate", geburt),
          lm=lebensmonat, back=back, until=lebensmonat + back)
    return Frist(last, e)


def kindergeld_antrag_bis(erster_monat: date) -> Frist:
    """The last day a Kindergeld application may arrive and still be paid from the month of ``erster_monat``.

    § 70 Abs. 1 Satz 2 EStG: paid back for the six months before the month of receipt; the month of
    ``erster_monat`` is paid if the application arrives by the end of the sixth month after it
    (DA-KG V 23.4: an application in March pays from September of the year before).
    """
    e = Explanation()
    back = int(LEISTUNGEN.value("kindergeld_rueckwirkung_monate", erster_monat))
    last = monatsletzter(erster_monat, back)
    e.add("antragsmappe.kindergeld", last, LEISTUNGEN.reference("kindergeld_rueckwirkung_monate", erster_monat),
          first=erster_monat.replace(day=1), back=back)
    return Frist(last, e)


def unterhaltsvorschuss_antrag_bis(erster_monat: date) -> Frist:
    """The last day a UVG application may arrive and still pay the month of ``erster_monat`` (§ 4 UVG).

    One month back, and only if the parent made reasonable efforts to get maintenance from the
    other parent (the step says so: the authority decides it).
    """
    e = Explanation()
    back = int(LEISTUNGEN.value("uvg_rueckwirkung_monate", erster_monat))
    last = monatsletzter(erster_monat, back)
    e.add("antragsmappe.unterhaltsvorschuss", last, LEISTUNGEN.reference("uvg_rueckwirkung_monate", erster_monat),
          first=erster_monat.replace(day=1), back=back)
    return Frist(last, e)


def ab_antragsmonat_bis(erster_monat: date, leistung: str) -> Frist:
    """The last day an application for ``leistung`` may arrive and still pay the month of ``erster_monat``.

    Kinderzuschlag (``kinderzuschlag``): the six-month Bewilligungszeitraum begins with the month
    of the application (§ 6a Abs. 7 Satz 2 BKGG). Wohngeld (``wohngeld``): it begins on the first
    day of the month of the application (§ 25 Abs. 2 Satz 1 WoGG). Nothing is paid for earlier
    months: the application must arrive within the month itself.
    """
    citations = {"kinderzuschlag": "§ 6a Abs. 7 Satz 2 BKGG", "wohngeld": "§ 25 Abs. 2 Satz 1 WoGG"}
    e = Explanation()
    last = monatsletzter(erster_monat)
    e.add(f"antragsmappe.{leistung}", last, citations[leistung], first=erster_monat.replace(day=1))
    return Frist(last, e)
