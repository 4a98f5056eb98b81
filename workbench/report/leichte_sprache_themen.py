"""The Leistungscheck, the Mutterschutz and the Elternzeit in Leichte Sprache (ADR 0040, after ADR 0035).

The Leichte-Sprache handout (:mod:`workbench.report.leichte_sprache`) said of every topic but the
Elterngeld plan only "Dazu bekommen Sie ein eigenes Blatt". These blocks say it on the sheet itself
(Kita, Pflege, Vorsorge and Neu in Bochum: :mod:`workbench.report.leichte_sprache_weitere`, ADR 0043),
after the same rules (one statement a sentence, each on its own line, at most 14 words, no §, no
abbreviations, no brackets, numbers as digits, dates written out, the hard words explained):

- **Leistungscheck**: per benefit the family gets or may get, the amount a month and where to ask; a
  benefit that starts with the birth says so; the month's total; who decides. The results are the
  evaluation's (:func:`workbench.evaluation.leistungscheck.leistungscheck`), the total
  :func:`~workbench.evaluation.leistungscheck_ahead.monthly_total`: the report computes nothing.
- **Mutterschutz**: the protection period, the protection against dismissal, the money of the
  Krankenkasse and of the employer (:func:`workbench.evaluation.lebenslagen.mutterschutz_result`).
- **Elternzeit**: per period the days, the last day to ask the employer in writing, the two years
  each parent commits to (§ 16 Abs. 1 BEEG, :func:`~workbench.evaluation.lebenslagen.elternzeit_result`).

Every text is a catalog key ``easy.lc.*``, ``easy.ms.*``, ``easy.ez.*`` (``workbench/messages/leichte_sprache.yaml``),
each with plain English beside it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from workbench.clock import today as clock_today
from workbench.evaluation.lebenslagen import elternzeit_result, mutterschutz_result
from workbench.evaluation.leistungscheck import leistungscheck
from workbench.evaluation.leistungscheck_ahead import NOT_MONTHLY, monthly_total
from workbench.i18n import format_decimal, text
from workbench.report.blocks import parent_name

if TYPE_CHECKING:
    from decimal import Decimal

    from workbench.case import Case

LC_WORDS = ("kindergeld", "kinderzuschlag", "unterhaltsvorschuss", "wohngeld", "bildung_teilhabe")
"""The benefits that get a word of their own in the word list when the sheet names them."""


@dataclass
class EasyBlock:
    """A heading and its paragraphs (each a few sentences, one a line), with the hard words it uses."""

    heading: str
    paragraphs: list[str] = field(default_factory=list)
    words: list[str] = field(default_factory=list)


def _euros(amount: "Decimal", lang: str) -> str:
    from decimal import Decimal

    return format_decimal(amount.quantize(Decimal("0.01")), lang)


def _day(day: date, lang: str) -> str:
    from workbench.report.leichte_sprache import long_date

    return long_date(day, lang)


def leistungscheck_block(case: "Case", lang: str) -> EasyBlock:
    """What the family gets besides the Elterngeld, benefit by benefit, and the month's total."""
    from workbench.report.leistungscheck import waits_for_birth

    check = leistungscheck(case)
    block = EasyBlock(text("easy.lc.heading", lang))
    block.paragraphs.append(text("easy.lc.intro", lang, date=_day(check.on, lang)))
    expecting = any(c.expected for c in case.household.children)
    for name, result in check.results.items():
        if name in NOT_MONTHLY:
            continue  # the tax allowance works through the tax assessment: not money of the month
        benefit = text(f"easy.lc.name.{name}", lang)
        if expecting and waits_for_birth(result):
            body = text("easy.lc.after_birth", lang, benefit=benefit)
        elif result.running:
            body = text("easy.lc.running", lang, benefit=benefit, amount=_euros(result.monthly, lang))
        elif result.eligible is True:
            body = text("easy.lc.yes", lang, benefit=benefit, amount=_euros(result.monthly, lang))
            body += "\n" + text(f"easy.lc.where.{name}", lang) + "\n" + text(f"easy.lc.when.{name}", lang)
        elif result.eligible is None:
            body = text("easy.lc.maybe", lang, benefit=benefit)
            body += "\n" + text(f"easy.lc.where.{name}", lang)
        else:
            continue  # no entitlement: the sheet names what the family can get
        block.paragraphs.append(body)
        if name in LC_WORDS:
            block.words.append(name)
    total = monthly_total(check)
    block.paragraphs.append(text("easy.lc.total", lang, amount=_euros(total.granted, lang)))
    if total.to_check > 0:
        block.paragraphs.append(text("easy.lc.total_open", lang))
    block.paragraphs.append(text("easy.lc.decides", lang))
    block.words.append("bescheid")
    return block


def mutterschutz_block(case: "Case", lang: str) -> EasyBlock | None:
    """The mother's protection period, the protection against dismissal and the money in it."""
    result = mutterschutz_result(case)
    if result is None or result.fristen is None or result.geld is None:
        return None  # after a miscarriage the advisor speaks with the mother: no sheet in plain words
    f, geld = result.fristen, result.geld
    name = parent_name(case, result.mother)
    block = EasyBlock(text("easy.ms.heading", lang, name=name), words=["mutterschutz"])
    over = f.ende < clock_today()  # a sheet made after the protection period tells it as past
    block.paragraphs.append(text("easy.ms.period_past" if over else "easy.ms.period", lang, name=name,
                                 start=_day(f.beginn, lang), end=_day(f.ende, lang)))
    if f.kuendigungsschutz_bis >= clock_today():
        block.paragraphs.append(text("easy.ms.dismissal", lang, name=name, date=_day(f.kuendigungsschutz_bis, lang)))
    if geld.netto_tag is not None:
        money = [text("easy.ms.kasse" if geld.zahler == "krankenkasse" else "easy.ms.bas", lang,
                      amount=_euros(geld.kasse_gesamt if geld.zahler == "krankenkasse" else geld.bas_gesamt, lang))]
        if geld.zuschuss_gesamt > 0:
            money.append(text("easy.ms.employer", lang, amount=_euros(geld.zuschuss_gesamt, lang)))
        money.append(text("easy.ms.total", lang, amount=_euros(geld.gesamt, lang)))
        block.paragraphs.append("\n".join(money))
    block.paragraphs.append(text("easy.ms.apply_past" if over else "easy.ms.apply", lang))
    return block


def elternzeit_block(case: "Case", lang: str, notices: bool = True) -> EasyBlock | None:
    """Each parent's periods of Elternzeit, the day to ask the employer by, and the two years it binds.

    ``notices=False``: the sheet's steps already name the day to ask by (with an Elterngeld plan,
    :func:`workbench.report.blocks.next_steps`), so the block does not repeat it.
    """
    result = elternzeit_result(case)
    if result is None or not result.periods:
        return None
    today = clock_today()
    block = EasyBlock(text("easy.ez.heading", lang), words=["elternzeit"])
    for data in result.periods:
        z = data.zeitraum
        name = parent_name(case, z.parent)
        body = text("easy.ez.period", lang, name=name, start=_day(z.beginn, lang), end=_day(z.ende, lang))
        if z.stunden is not None:
            body += "\n" + text("easy.ez.hours", lang, name=name, hours=format_decimal(z.stunden, lang))
        if notices and data.anmeldefrist is not None and z.verlangt is None:
            body += "\n" + text("easy.ez.notice", lang, name=name, date=_day(data.anmeldefrist, lang))
            if data.anmeldefrist < today and z.beginn > today:
                body += "\n" + text("easy.past", lang)
        block.paragraphs.append(body)
    block.paragraphs.append(text("easy.ez.written", lang))
    for pid, two_years in result.binding.items():
        key = "easy.ez.binding_protection" if two_years.mutterschutz_angerechnet else "easy.ez.binding"
        block.paragraphs.append(text(key, lang, name=parent_name(case, pid), start=_day(two_years.beginn, lang),
                                     end=_day(two_years.ende, lang)))
    if any(h.level == "fehler" for h in result.findings):
        block.paragraphs.append(text("easy.ez.talk", lang))
    return block


def topic_blocks(case: "Case", lang: str, with_plan: bool = False) -> list[EasyBlock]:
    """The blocks of the topics the case holds data for, in the order of the German handout's sections
    (:func:`workbench.report.topics.topic_sections`; ``with_plan``: the sheet's Elterngeld steps already
    name the Elternzeit notices)."""
    from workbench.report.leichte_sprache_weitere import kita_block, pflege_block, vorsorge_block, zuzug_block
    from workbench.report.leistungscheck import has_leistungscheck_data

    blocks: list[EasyBlock | None] = []
    if case.zuzug is not None:  # a family new in Bochum: its first steps come first
        blocks.append(zuzug_block(case, lang))
    if has_leistungscheck_data(case):
        blocks.append(leistungscheck_block(case, lang))
    if case.mutterschutz is not None:
        blocks.append(mutterschutz_block(case, lang))
    if case.elternzeit is not None:
        blocks.append(elternzeit_block(case, lang, notices=not with_plan))
    if case.kita is not None:
        blocks.append(kita_block(case, lang))
    if case.care is not None:
        blocks.append(pflege_block(case, lang))
    if case.vorsorge is not None:
        blocks.append(vorsorge_block(case, lang))
    return [b for b in blocks if b is not None]


__all__ = ["EasyBlock", "LC_WORDS", "elternzeit_block", "leistungscheck_block", "mutterschutz_block", "topic_blocks"]
