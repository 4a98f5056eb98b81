"""Elternzeit periods of both parents: the limits of §§ 15, 16 BEEG and the dates that go with each period.

Each check is a small named rule returning :class:`Hinweis` objects (never raising for a family's
plan): ``fehler`` breaks the law's limits, ``warnung`` needs action (a deadline already past, the
employer's consent), ``hinweis`` is information. Months are counted as whole calendar months from
the start day plus the remaining days as thirtieths of a month (model assumption).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from typing import Literal

from workbench.errors import WorkbenchError
from workbench.i18n import format_date, format_decimal, text
from workbench.parameters import parameters
from workbench.rules.bgb import months_later
from workbench.rules.elterngeld.lebensmonate import lebensmonate
from workbench.rules.elternzeit.fristen import ab_drittem_geburtstag, anmeldefrist, geburtstag, kuendigungsschutz_ab

P = parameters("elternzeit")
Level = Literal["fehler", "warnung", "hinweis"]


@dataclass(frozen=True)
class Zeitraum:
    """One period of Elternzeit of one parent (optionally part-time and with the day the demand reached the employer)."""

    parent: str
    beginn: date
    ende: date
    stunden: Decimal | None = None
    verlangt: date | None = None


@dataclass(frozen=True)
class Hinweis:
    """A finding about the periods: rule id, severity, message key and arguments, the paragraph."""

    rule: str
    level: Level
    parent: str
    citation: str
    args: dict[str, object] = field(default_factory=dict)

    def text(self, language: str = "de") -> str:
        formatted = {k: (format_date(v, language) if isinstance(v, date)
                         else format_decimal(v, language) if isinstance(v, Decimal) else str(v))
                     for k, v in self.args.items()}
        return f"{text('elternzeit.' + self.rule, language, **formatted)} ({self.citation})"


def dauer_monate(beginn: date, ende: date) -> Decimal:
    """Length of a period in months: whole months from the start day, the rest in thirtieths (two decimals).

    Rechtsgrundlage: § 15 Abs. 2 Satz 1, 2 BEEG i. V. m. § 191 BGB (model assumption for partial months)
    """
    if ende < beginn:
        return Decimal(0)
    whole = 0
    while months_later(beginn, whole + 1) - timedelta(days=1) <= ende:
        whole += 1
    rest = (ende - (months_later(beginn, whole) - timedelta(days=1))).days
    return (Decimal(whole) + Decimal(rest) / 30).quantize(Decimal("0.01"))


def lebensmonate_im_zeitraum(geburt: date, beginn: date, ende: date) -> list[int]:
    """Lebensmonate 1–32 that share at least one day with the period (for the timeline with the Elterngeld plan).

    Rechtsgrundlage: § 4 Abs. 1 BEEG (Lebensmonate), § 15 Abs. 2 BEEG
    """
    return [lm.number for lm in lebensmonate(geburt, 32) if lm.start <= ende and beginn <= lm.end]


@dataclass(frozen=True)
class ZeitraumDaten:
    """The dates that go with one period."""

    zeitraum: Zeitraum
    anmeldefrist: date | None
    kuendigungsschutz_ab: date | None
    nach_drittem: bool
    monate: Decimal


def zeitraum_daten(z: Zeitraum, geburt: date) -> ZeitraumDaten:
    """Notice deadline, protection start and length of one period (deadline None outside birth … 8th birthday).

    Rechtsgrundlage: § 16 Abs. 1 Satz 1, § 18 Abs. 1 BEEG
    """
    try:
        deadline: date | None = anmeldefrist(z.beginn, geburt)
        protection: date | None = kuendigungsschutz_ab(z.beginn, geburt, z.verlangt)
    except WorkbenchError:  # a period outside the entitlement is reported by pruefe_zeitraeume
        deadline = protection = None
    return ZeitraumDaten(z, deadline, protection, ab_drittem_geburtstag(z.beginn, geburt), dauer_monate(z.beginn, z.ende))


def pruefe_zeitraeume(zeitraeume: Sequence[Zeitraum], geburt: date, heute: date,
                      mutterschutz_ende: dict[str, date] | None = None) -> list[Hinweis]:
    """Every finding about the parents' periods, in the order of the periods.

    ``mutterschutz_ende`` maps the mother's id to the last day of her protection period after the
    birth (it counts towards her three years). ``heute`` decides which deadlines are already past.
    Rechtsgrundlage: § 15 Abs. 2, 4, § 16 Abs. 1, § 18 Abs. 1 BEEG
    """
    out: list[Hinweis] = []
    third = geburtstag(geburt, int(P.value("anspruch_bis_jahre", geburt)))
    after = P.value("nach_drittem_geburtstag", geburt)
    eighth = geburtstag(geburt, int(after["bis_jahre"]))
    limit_after = Decimal(after["monate"])
    total_limit = Decimal(P.value("hoechstens_monate", geburt))
    max_hours = Decimal(P.value("teilzeit_hoechstens_stunden", geburt))
    max_periods = int(P.value("zeitabschnitte", geburt))
    ms_end = mutterschutz_ende or {}
    parents = list(dict.fromkeys(z.parent for z in zeitraeume))
    for pid in parents:
        own = sorted((z for z in zeitraeume if z.parent == pid), key=lambda z: z.beginn)
        for z in own:
            if z.ende < z.beginn:
                out.append(Hinweis("ende_vor_beginn", "fehler", pid, "§ 15 Abs. 2 BEEG", {"beginn": z.beginn}))
                continue
            if z.beginn < geburt:
                out.append(Hinweis("vor_geburt", "fehler", pid, "§ 15 Abs. 2 Satz 1 BEEG", {"geburt": geburt}))
            if z.ende >= eighth:
                out.append(Hinweis("nach_achtem", "fehler", pid, "§ 15 Abs. 2 Satz 2 BEEG",
                                   {"limit": eighth - timedelta(days=1)}))
            if z.stunden is not None and z.stunden > max_hours:
                out.append(Hinweis("stunden", "fehler", pid, "§ 15 Abs. 4 Satz 1 BEEG",
                                   {"stunden": z.stunden, "max": max_hours}))
            if pid in ms_end and z.beginn <= ms_end[pid]:
                out.append(Hinweis("waehrend_mutterschutz", "hinweis", pid, "§ 15 Abs. 2 Satz 3 BEEG",
                                   {"ende": ms_end[pid]}))
            data = zeitraum_daten(z, geburt)
            if data.anmeldefrist is not None and heute > data.anmeldefrist and z.verlangt is None:
                level: Level = "warnung" if heute < z.beginn else "hinweis"
                out.append(Hinweis("frist_verpasst" if heute < z.beginn else "frist_vergangen", level, pid,
                                   "§ 16 Abs. 1 Satz 1, 3 BEEG", {"frist": data.anmeldefrist, "beginn": z.beginn}))
            elif data.anmeldefrist is not None and z.verlangt is not None and z.verlangt > data.anmeldefrist:
                out.append(Hinweis("zu_spaet_verlangt", "warnung", pid, "§ 16 Abs. 1 Satz 1, 3 BEEG",
                                   {"frist": data.anmeldefrist, "verlangt": z.verlangt}))
        for earlier, later in zip(own, own[1:]):
            if later.beginn <= earlier.ende:
                out.append(Hinweis("ueberschneidung", "fehler", pid, "§ 16 Abs. 1 Satz 6 BEEG",
                                   {"beginn": later.beginn}))
        if len(own) > max_periods:
            out.append(Hinweis("abschnitte", "warnung", pid, "§ 16 Abs. 1 Satz 6 BEEG",
                               {"anzahl": len(own), "max": max_periods}))
        elif len(own) == max_periods and own[-1].beginn >= third:
            out.append(Hinweis("dritter_abschnitt", "hinweis", pid, "§ 16 Abs. 1 Satz 7 BEEG"))
        valid = [z for z in own if z.ende >= z.beginn]
        used = sum((dauer_monate(z.beginn, z.ende) for z in valid), Decimal(0))
        if pid in ms_end:
            used += dauer_monate(geburt + timedelta(days=1), ms_end[pid])
        if used > total_limit:
            out.append(Hinweis("gesamt", "fehler", pid, "§ 15 Abs. 2 Satz 1, 3 BEEG",
                               {"monate": used, "max": total_limit}))
        late = sum((dauer_monate(max(z.beginn, third), z.ende) for z in valid if z.ende >= third), Decimal(0))
        if late > limit_after:
            out.append(Hinweis("nach_drittem", "fehler", pid, "§ 15 Abs. 2 Satz 2 BEEG",
                               {"monate": late, "max": limit_after}))
    return out


@dataclass(frozen=True)
class Bindung:
    """The two years a parent's first demand before the 3rd birthday binds them to (§ 16 Abs. 1 Satz 2 BEEG).

    ``mutterschutz_angerechnet``: the mother's protection period after the birth counts towards them
    (§ 16 Abs. 1 Satz 4 BEEG), so they begin with that period, not with her first day of Elternzeit.
    """

    beginn: date
    ende: date
    mutterschutz_angerechnet: bool

    @property
    def citation(self) -> str:
        return "§ 16 Abs. 1 Satz 2, 4 BEEG, § 3 Abs. 2 MuSchG" if self.mutterschutz_angerechnet else "§ 16 Abs. 1 Satz 2 BEEG"


def bindung(zeitraeume: Sequence[Zeitraum], geburt: date, parent: str,
            mutterschutz_ende: date | None = None) -> Bindung | None:
    """The two years the parent's first demand before the 3rd birthday binds them to; None without such a period.

    § 16 Abs. 1 Satz 2 BEEG: whoever demands Elternzeit before the 3rd birthday declares at the same
    time "für welche Zeiten innerhalb von zwei Jahren" — the two years run from the first period's
    start. Satz 4: when the mother takes Elternzeit following the protection period, "wird die Zeit der
    Mutterschutzfrist nach § 3 Absatz 2 und 3 des Mutterschutzgesetzes auf den Zeitraum nach Satz 2
    angerechnet": her two years then begin with the protection period after the birth. That period
    begins the day *after* the birth (the Entbindungstag is the event day, § 187 Abs. 1 BGB; the
    Krankenkasse pays Mutterschaftsgeld for 42 days before, the day of birth and 56 days after,
    § 24i Abs. 3 SGB V). So the mother's two years end on the child's 2nd birthday, one day after those
    of a father whose Elternzeit starts on the day of birth (two years from the birth end the day
    before the 2nd birthday, § 188 Abs. 2 BGB). A start of the mother's Elternzeit within her
    protection period is counted the same way (the Elternzeit cannot begin before that period ends,
    § 15 Abs. 2 Satz 3 BEEG).
    Rechtsgrundlage: § 16 Abs. 1 Satz 2, 4 BEEG; § 3 Abs. 2 MuSchG; §§ 187, 188 BGB
    """
    own = sorted((z for z in zeitraeume if z.parent == parent and not ab_drittem_geburtstag(z.beginn, geburt)),
                 key=lambda z: z.beginn)
    if not own:
        return None
    years = int(P.value("anmeldefrist_wochen", geburt)["bindung_jahre"])
    start = own[0].beginn
    counted = mutterschutz_ende is not None and geburt < start <= mutterschutz_ende + timedelta(days=1)
    if counted:
        start = geburt + timedelta(days=1)  # the first day of the protection period after the birth
    return Bindung(start, months_later(start, 12 * years) - timedelta(days=1), counted)


def bindungsende(zeitraeume: Sequence[Zeitraum], geburt: date, parent: str,
                 mutterschutz_ende: date | None = None) -> date | None:
    """Last day of :func:`bindung` (None without a period before the 3rd birthday).

    Rechtsgrundlage: § 16 Abs. 1 Satz 2, 4 BEEG
    """
    found = bindung(zeitraeume, geburt, parent, mutterschutz_ende)
    return found.ende if found is not None else None
