"""A timeline (SVG) of Mutterschutz, Elterngeld months and Elternzeit periods of both parents.

One row per track: the mother's protection period, each parent's Elterngeld months (Basis, Plus,
Bonus as in the plan) and each parent's Elternzeit periods; notice deadlines as markers, red when
already past on ``today``; a line for today. The SVG has a title and a description for screen
readers, and every date it shows also stands in the result table next to it.
"""

from __future__ import annotations

import html
from datetime import date, timedelta
from typing import TYPE_CHECKING

from workbench.clock import today as clock_today
from babel import dates as babel_dates

from workbench.i18n import format_date, locale_of, text
from workbench.evaluation.lebenslagen import ElternzeitResult, MutterschutzResult, elternzeit_result, mutterschutz_result
from workbench.report.lebenslagen import parent_name
from workbench.rules.elterngeld.lebensmonate import lebensmonate

if TYPE_CHECKING:
    from workbench.case import Case

WIDTH, LEFT, ROW, TOP = 760, 150, 30, 34
COLOURS = {"ms": "#b04a8a", "basis": "#1f5c99", "plus": "#5b8fc7", "bonus": "#2e8540", "ez": "#e08a1e",
           "past": "#b00020", "due": "#5a5a5a"}


Bar = tuple[date, date, str, str]  # start, end, colour, title
Track = tuple[str, list[Bar]]  # label, bars
Mark = tuple[date, str, str]  # day, colour, title


def timeline_svg(case: "Case", language: str = "de", today: date | None = None) -> str:
    """The SVG markup of the case's timeline ('' when there is nothing to show)."""
    today = today or clock_today()
    ms = mutterschutz_result(case)
    ez = elternzeit_result(case, today)
    tracks: list[Track] = []
    marks: list[Mark] = []
    mother = mutterschutz_track(case, ms, language)
    if mother is not None:
        tracks.append(mother)
    birth = ez.birth if ez is not None else (ms.fristen.geburt if ms is not None and ms.fristen is not None else None)
    if birth is not None:
        tracks += elterngeld_tracks(case, birth, language)
    if ez is not None:
        periods, marks = elternzeit_tracks(case, ez, language, today)
        tracks += periods
    if not tracks:
        return ""
    return draw_timeline(tracks, marks, language, today)


def mutterschutz_track(case: "Case", ms: "MutterschutzResult | None", lang: str) -> Track | None:
    """The mother's protection period (§ 3 MuSchG); without Mutterschutz data as the Elterngeld engine has it."""
    if ms is not None:
        if ms.fristen is None:
            return None
        fristen, mother = ms.fristen, ms.mother
    else:  # no Mutterschutz data: the mother's period from the child's data, as the Elterngeld engine has it
        mothers = [p for p in case.household.parents if p.maternity_benefit]
        if not mothers:
            return None
        from workbench.evaluation.elterngeld.engine import mutterschutz_fristen

        fristen, mother = mutterschutz_fristen(case), mothers[0].id
    title = text("ui.ls.bar_ms", lang, beginn=format_date(fristen.beginn, lang), ende=format_date(fristen.ende, lang))
    return (text("ui.ls.track_ms", lang, name=parent_name(case, mother, lang)),
            [(fristen.beginn, fristen.ende, COLOURS["ms"], title)])


def elterngeld_tracks(case: "Case", birth: date, lang: str) -> list[Track]:
    """Each parent's Elterngeld months of the plan, by Lebensmonat (§ 4 BEEG), as Basis, Plus or Bonus."""
    plan = case.elterngeld_plan
    if plan is None:
        return []
    lms = lebensmonate(birth, 32)
    tracks: list[Track] = []
    for parent in case.household.parents:
        bars = [(lm.start, lm.end, COLOURS[kind], f"{text('ui.ls.lm', lang, n=lm.number)}: {text('art.' + kind, lang)}")
                for lm, kind in zip(lms, plan.kinds(parent.id)) if kind != "none"]
        if bars:
            tracks.append((text("ui.ls.track_eg", lang, name=parent_name(case, parent.id, lang)), bars))
    return tracks


def elternzeit_tracks(case: "Case", ez: "ElternzeitResult", lang: str, today: date) -> tuple[list[Track], list[Mark]]:
    """Each parent's Elternzeit periods and their notice deadlines (§ 16 BEEG), red when past on ``today``."""
    tracks: list[Track] = []
    marks: list[Mark] = []
    for pid in dict.fromkeys(d.zeitraum.parent for d in ez.periods):
        bars: list[Bar] = []
        for d in ez.periods:
            z = d.zeitraum
            if z.parent != pid:
                continue
            hours = text("ui.ls.bar_hours", lang, hours=z.stunden) if z.stunden is not None else ""
            bars.append((z.beginn, z.ende, COLOURS["ez"], text("ui.ls.bar_ez", lang, beginn=format_date(z.beginn, lang),
                                                              ende=format_date(z.ende, lang)) + hours))
            if d.anmeldefrist is not None:
                past = d.anmeldefrist < today and z.verlangt is None
                marks.append((d.anmeldefrist, COLOURS["past" if past else "due"],
                              text("ui.ls.mark_past" if past else "ui.ls.mark_due", lang,
                                   name=parent_name(case, pid, lang), frist=format_date(d.anmeldefrist, lang))))
        tracks.append((text("ui.ls.track_ez", lang, name=parent_name(case, pid, lang)), bars))
    return tracks, marks


AXIS = 34
"""Height of the date axis under the tracks."""
ROOM = 24
"""Room right of the axis's end (WIDTH - 10) for the last tick's month and year, which begin 2 px after the tick:
"Sept" or "2030" at 11 px is about 26 px wide; without it January 2030 printed as "203" (walk10)."""
CHAR = 7
"""Upper bound of one character's width at 11 px, for labels that must not leave the drawing."""


def month_starts(first: date, last: date) -> list[date]:
    """The first day of every month from the one after ``first`` (or ``first`` itself, a 1st) up to ``last``."""
    day = first if first.day == 1 else date(first.year + first.month // 12, first.month % 12 + 1, 1)
    out = []
    while day <= last:
        out.append(day)
        day = date(day.year + day.month // 12, day.month % 12 + 1, 1)
    return out


def label_step(months: int) -> int:
    """Every how many months a name fits on the axis: all up to 20 months, then every 2nd, 3rd or 6th."""
    return next(step for step in (1, 2, 3, 6, 12) if months / step <= 20)


def month_name(day: date, language: str) -> str:
    """``Jan``/``Jan.`` → ``Jan``: the short month name in the page's language (babel)."""
    return babel_dates.format_date(day, "MMM", locale=locale_of(language)).replace(".", "")


def draw_timeline(tracks: list[Track], marks: list[Mark], lang: str, today: date) -> str:
    """The tracks as bars on a time axis with year and half-year ticks, the marks below, a line for today."""
    starts = [b[0] for _, bars in tracks for b in bars] + [m[0] for m in marks]
    ends = [b[1] for _, bars in tracks for b in bars]
    first, last = min(starts), max(ends + [min(starts) + timedelta(days=30)])
    span = max((last - first).days, 1)

    def x(day: date) -> float:
        return LEFT + (WIDTH - LEFT - 10) * (day - first).days / span

    height = TOP + ROW * len(tracks) + 26 + AXIS
    axis_y = height - AXIS  # the date axis below the marks: month names, the year at January (issue 24)
    out = [f'<svg class="wb-timeline" role="img" aria-labelledby="tl-title tl-desc" viewBox="0 0 {WIDTH + ROOM} {height}" '
           f'width="100%" lang="{lang}" xmlns="http://www.w3.org/2000/svg">',
           f'<title id="tl-title">{html.escape(text("ui.ls.timeline_title", lang))}</title>',
           f'<desc id="tl-desc">{html.escape(text("ui.ls.timeline_desc", lang, first=format_date(first, lang), last=format_date(last, lang)))}</desc>']
    ticks = month_starts(first, last)
    every = label_step(len(ticks))
    out.append(f'<line x1="{LEFT}" y1="{axis_y:.1f}" x2="{WIDTH - 10}" y2="{axis_y:.1f}" stroke="#5f6368"/>')
    for n, tick in enumerate(ticks):
        tx = x(tick)
        strong = tick.month in (1, 7)
        out.append(f'<line x1="{tx:.1f}" y1="{TOP - 8}" x2="{tx:.1f}" y2="{axis_y + 4:.1f}" '
                   f'stroke="{"#bbb" if strong else "#eee"}"/>')
        if (tick.month - 1) % every == 0 and tx < WIDTH - 24:
            out.append(f'<text x="{tx + 2:.1f}" y="{axis_y + 15:.1f}" font-size="11" fill="#1b1b1b" class="wb-axis-date">'
                       f'{html.escape(month_name(tick, lang))}</text>')
            if tick.month == 1 or n == 0:
                out.append(f'<text x="{tx + 2:.1f}" y="{axis_y + 28:.1f}" font-size="11" font-weight="bold" '
                           f'fill="#1b1b1b">{tick.year}</text>')
    for i, (label, bars) in enumerate(tracks):
        y = TOP + i * ROW
        out.append(f'<text x="4" y="{y + 17}" font-size="12" fill="#111">{html.escape(label)}</text>')
        for start, end, colour, title in bars:
            width = max(x(end + timedelta(days=1)) - x(start), 1.5)
            out.append(f'<rect x="{x(start):.1f}" y="{y + 4}" width="{width:.1f}" height="{ROW - 10}" fill="{colour}" '
                       f'stroke="#fff" stroke-width="0.5"><title>{html.escape(title)}</title></rect>')
    for day, colour, title in marks:
        mx = x(day)
        out.append(f'<path d="M{mx:.1f},{axis_y - 22} l-5,10 h10 z" fill="{colour}"><title>{html.escape(title)}</title></path>')
    if first <= today <= last:
        out.append(f'<line x1="{x(today):.1f}" y1="{TOP - 6}" x2="{x(today):.1f}" y2="{axis_y - 22}" stroke="#111" '
                   f'stroke-dasharray="4 3"/>')
        label = text("ui.ls.today", lang, day=format_date(today, lang))
        left = x(today) + 3 + CHAR * len(label) > WIDTH + ROOM  # near the end: the words left of the line
        anchor = f'x="{x(today) - 3:.1f}" text-anchor="end"' if left else f'x="{x(today) + 3:.1f}"'
        out.append(f'<text {anchor} y="{axis_y - 2}" font-size="11" fill="#111">{html.escape(label)}</text>')
    out.append("</svg>")
    return "".join(out)
