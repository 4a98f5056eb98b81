"""Kita, Pflege, Vorsorge and Neu in Bochum in Leichte Sprache (ADR 0043, after ADR 0035 and 0040).

The last topics of the family's sheet that it named only as "ein eigenes Blatt". The same rules as the
other blocks (:mod:`workbench.report.leichte_sprache_themen`): one statement a sentence, each on its own
line, at most 14 words, no §, no abbreviations, no brackets, numbers as digits, dates written out, the
hard words explained in the word list.

- **Kita**: the wanted start, the claim from the 1st birthday, the last day to register in the
  Kita-Portal, when the Kita answers, the fee (free, and why, or: the Jugendamt sets it), the fee-free
  years before school, what to sign and fill in (:func:`workbench.evaluation.kita.kita_result`).
- **Pflege**: the Pflegegrad, the money of each option a month, the extras, the carer's time off with
  its notice days and money, who decides (:func:`workbench.evaluation.pflege.pflege_results`). Where
  an amount is not verified the sheet says that the Pflegekasse sets it, never "bitte prüfen".
- **Vorsorge**: what each chosen document does, the married couple's limit, the fees
  (:func:`workbench.evaluation.vorsorge.vorsorge_kosten`).
- **Neu in Bochum**: the first steps with their dates, the children's Kita and school, what the family
  can get, which state pays the Kindergeld first, the papers (:func:`workbench.evaluation.zuzug.zuzug_result`).

The report computes nothing: every figure and date is the evaluation's. Texts: ``easy.kita.*``,
``easy.pf.*``, ``easy.vs.*``, ``easy.zz.*`` in ``workbench/messages/leichte_sprache.yaml``.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING

from workbench.clock import today as clock_today
from workbench.evaluation.kita import kita_result
from workbench.evaluation.pflege import leave_lengths, pflege_results
from workbench.evaluation.vorsorge import vorsorge_kosten
from workbench.evaluation.zuzug import zuzug_result
from workbench.i18n import format_decimal, text
from workbench.report.blocks import parent_name
from workbench.report.leichte_sprache_themen import EasyBlock
from workbench.rules.vorsorge import item_args

if TYPE_CHECKING:
    from workbench.case import Case, Child

ZZ_BENEFITS = ("kindergeld", "kinderzuschlag", "elterngeld", "unterhaltsvorschuss", "wohngeld")


def _euros(amount: Decimal, lang: str) -> str:
    return format_decimal(amount.quantize(Decimal("0.01")), lang)


def _day(day: date, lang: str) -> str:
    from workbench.report.leichte_sprache import long_date

    return long_date(day, lang)


def _child_name(child: "Child", lang: str) -> str:
    personal = child.personal
    return personal.first_name if personal is not None and personal.first_name else text("easy.kita.child", lang)


def kita_block(case: "Case", lang: str) -> EasyBlock | None:
    """The place, the claim, the registration and the answer, the fee a month and who sets it."""
    result = kita_result(case)
    if result is None:
        return None
    t, fee = result.termine, result.fee
    # twins: both named ("Mia und Ben"), each with a place of its own (ADR 0027)
    many = "_many" if result.places > 1 else ""
    births = case.household.birth_of(result.child) if many else [result.child]
    child = f" {text('easy.and', lang)} ".join(_child_name(c, lang) for c in births)
    if many and any(c.personal is None or not c.personal.first_name for c in births):
        child = text("easy.kita.children", lang)
    block = EasyBlock(text(f"easy.kita.heading{many}", lang, child=child), words=["kita_portal", "jugendamt"])
    start = text(f"easy.kita.start{many}", lang, child=child, date=_day(t.wunsch, lang))
    start += "\n" + text(f"easy.kita.claim{many}", lang, child=child, date=_day(t.anspruch_ab, lang))
    if t.vor_anspruch:
        start += "\n" + text("easy.kita.before_claim", lang)
    block.paragraphs.append(start)
    if result.places > 1:
        block.paragraphs.append(text("easy.kita.places", lang, count=result.places))
    register = text("easy.kita.register", lang, child=child, date=_day(t.anmeldung_spaetestens, lang))
    if clock_today() > t.anmeldung_spaetestens:
        register += "\n" + text("easy.kita.late", lang, child=child)
    register += "\n" + text("easy.kita.five", lang, child=child)
    block.paragraphs.append(register)
    block.paragraphs.append(text("easy.kita.answer", lang, usual=_day(t.zusage_in_der_regel, lang),
                                 latest=_day(t.zusage_spaetestens, lang)))
    if fee.status == "frei_transfer":
        body = text("easy.kita.free_transfer", lang, transfer=text(f"easy.kita.transfer.{result.wish.transfer}", lang))
    elif fee.status == "frei_vorschule":
        body = text("easy.kita.free_school", lang)
    elif fee.status == "frei_einkommen":
        body = text("easy.kita.free_income", lang, limit=_euros(result.income_limit_y(), lang))
    else:  # the Satzung's table is not verified: the Jugendamt sets the fee (the family is not asked to check)
        body = text(f"easy.kita.fee_set{many}", lang, child=child, hours=result.wish.hours)
        block.words.append("beitrag")
    block.paragraphs.append(body)
    if fee.status not in ("frei_vorschule", "frei_transfer"):
        block.paragraphs.append(text("easy.kita.free_later", lang, date=_day(fee.frei_vorschule_ab, lang)))
    bring = text("easy.kita.contract", lang)
    if fee.status != "frei_transfer" and fee.status != "frei_vorschule":
        bring += "\n" + text("easy.kita.income_form", lang)
    block.paragraphs.append(bring)
    block.paragraphs.append(text("easy.kita.no_place", lang))
    return block


def _pflege_money(case: "Case", lang: str, on: date) -> tuple[list[str], bool]:
    results = pflege_results(case, on)
    assert results is not None and case.care is not None
    benefits = results[0]
    paragraphs: list[str] = []
    if benefits.pflegegrad >= 2:
        paragraphs.append(text("easy.pf.choose", lang))
        for o in benefits.options:  # each choice a paragraph of its own
            paragraphs.append(text(f"easy.pf.option.{o.key}", lang, geld=_euros(o.pflegegeld_m, lang),
                                   sach=_euros(o.sachleistung_m, lang), percent=format_decimal(o.sach_prozent, lang)))
        extras = text("easy.pf.extras", lang, entlastung=_euros(benefits.entlastungsbetrag_m, lang),
                      hilfsmittel=_euros(benefits.pflegehilfsmittel_m, lang),
                      budget=_euros(benefits.entlastungsbudget_y, lang), tages=_euros(benefits.tagespflege_m, lang))
    else:
        extras = text("easy.pf.extras_pg1", lang, entlastung=_euros(benefits.entlastungsbetrag_m, lang),
                      hilfsmittel=_euros(benefits.pflegehilfsmittel_m, lang))
    paragraphs.append(extras)
    return paragraphs, bool(benefits.unverified)


def pflege_block(case: "Case", lang: str, on: date | None = None) -> EasyBlock | None:
    """The Pflegegrad and its money, the carer's time off, where to ask."""
    on = on or clock_today()
    results = pflege_results(case, on)
    if results is None or case.care is None:
        return None
    benefits, leave = results
    r, c = case.care.recipient, case.care.carer
    name = r.name or text("easy.pf.relative", lang)
    block = EasyBlock(text("easy.pf.heading", lang, name=name), words=["pflegegrad", "pflegekasse"])
    intro = text("easy.pf.grade", lang, name=name, grad=benefits.pflegegrad, date=_day(on, lang))
    if not r.at_home:
        intro += "\n" + text("easy.pf.not_at_home", lang, name=name)
    block.paragraphs.append(intro)
    money, unverified = _pflege_money(case, lang, on)
    block.paragraphs += money
    carer = parent_name(case, c.parent) if c.parent is not None else text("easy.pf.carer", lang)
    lengths = leave_lengths(on)
    if c.employed:
        for o in leave.options:
            if o.claim is False:
                continue
            body = text(f"easy.pf.leave.{o.key}", lang, name=carer, **{k: str(v) for k, v in lengths.items()})
            if o.claim is None:
                body += "\n" + text(f"easy.pf.leave_size.{o.key}", lang)
            if o.key == "kurzzeitig":
                body += "\n" + (text("easy.pf.pug", lang, amount=_euros(o.money_m, lang)) if o.money_m is not None
                                else text("easy.pf.pug_open", lang))
            elif o.claim and o.money_m:
                body += "\n" + text("easy.pf.loan", lang, amount=_euros(o.money_m, lang))
                if "darlehen" not in block.words:
                    block.words.append("darlehen")
            if o.notice is not None:
                key = "easy.pf.notice_past" if o.notice < clock_today() else "easy.pf.notice"
                body += "\n" + text(key, lang, date=_day(o.notice, lang))
            block.paragraphs.append(body)
    decides = text("easy.pf.decides", lang)
    if unverified:  # the sources name different amounts: the Pflegekasse sets them (not "bitte prüfen")
        decides = text("easy.pf.set_by_kasse", lang) + "\n" + decides
    block.paragraphs.append(decides)
    block.words.append("bescheid")
    return block


def vorsorge_block(case: "Case", lang: str, on: date | None = None) -> EasyBlock | None:
    """What each chosen document does, what it costs, and that this is no legal advice."""
    v = case.vorsorge
    if v is None:
        return None
    on = on or clock_today()
    block = EasyBlock(text("easy.vs.heading", lang), words=["betreuer"])
    block.paragraphs.append(text("easy.vs.intro", lang))
    if not v.documents:
        block.paragraphs.append(text("easy.vs.none", lang))
    else:
        chosen = [text(f"easy.vs.name.{d}", lang) for d in v.documents]
        intro = text("easy.vs.chosen", lang, person=v.person) if v.person else text("easy.vs.chosen_you", lang)
        block.paragraphs.append(intro + "".join(f"\n• {c}" for c in chosen))
    for doc in ("vollmacht", "betreuungsverfuegung", "patientenverfuegung"):
        if doc in v.documents:
            block.paragraphs.append(text(f"easy.vs.doc.{doc}", lang))
    if case.household.married and "vollmacht" not in v.documents:
        block.paragraphs.append(text("easy.vs.married", lang, months=item_args(on)["months"]))
    plan = vorsorge_kosten(case, on)
    assert plan is not None
    if plan.beglaubigung > 0:
        block.paragraphs.append(text("easy.vs.certify", lang, amount=_euros(plan.beglaubigung, lang)))
    if plan.register > 0:
        block.paragraphs.append(text("easy.vs.register", lang, amount=_euros(plan.register, lang)))
        block.words.append("vorsorgeregister")
    if plan.total > 0:
        block.paragraphs.append(text("easy.vs.total", lang, amount=_euros(plan.total, lang)))
    block.paragraphs.append(text("easy.vs.advice", lang))
    block.words.append("notar")
    return block


def _zz_steps(case: "Case", lang: str, today: date) -> list[str]:
    result = zuzug_result(case, today)
    assert result is not None
    out: list[str] = []
    for step in result.steps:
        name = step.key.rsplit(".", 1)[1]
        if name == "kindergeld" and step.due is not None and step.due < today:
            body = text("easy.zz.step.kindergeld_late", lang)
        else:
            body = text(f"easy.zz.step.{name}", lang, date=_day(step.due, lang) if step.due else "")
            if name == "anmeldung":
                body += "\n" + (text("easy.zz.by", lang, date=_day(step.due, lang)) if step.due and step.due >= today
                                else text("easy.zz.now", lang))
        out.append(body)
    for plan in result.children:
        child = _child_name(plan.child, lang)
        if plan.at_school:
            out.append(text("easy.zz.school_now", lang, child=child))
        else:
            body = ""
            if plan.kita_from is not None and plan.school_from > result.on:
                body = text("easy.zz.kita", lang, child=child, date=_day(plan.kita_from, lang)) + "\n"
            out.append(body + text("easy.zz.school_start", lang, child=child, date=_day(plan.school_from, lang)))
    return out


def _zz_money(case: "Case", lang: str, today: date) -> list[str]:
    result = zuzug_result(case, today)
    assert result is not None
    names = {b: text("easy.zz.elterngeld" if b == "elterngeld" else f"easy.lc.name.{b}", lang) for b in ZZ_BENEFITS}
    groups = {True: "easy.zz.can", None: "easy.zz.maybe", False: "easy.zz.cannot"}
    out: list[str] = []
    for value, key in groups.items():
        listed = [names[b] for b in ZZ_BENEFITS if result.entitled[b] is value]
        if listed:
            out.append(text(key, lang) + "".join(f"\n• {n}" for n in listed)
                       + ("\n" + text("easy.zz.cannot_why", lang) if value is False else ""))
    out.append(text("easy.zz.apply_each", lang))
    if result.eu_first_months_until is not None:
        out.append(text("easy.zz.eu_first", lang, date=_day(result.eu_first_months_until, lang)))
    k = result.koordinierung
    if k is not None:
        if k.germany_first:
            out.append(text("easy.zz.eu_germany_first", lang, state=k.foreign_state, amount=_euros(k.kindergeld_m, lang)))
        elif k.difference_m is not None:
            out.append(text("easy.zz.eu_other_first", lang, state=k.foreign_state)
                       + "\n" + text("easy.zz.eu_difference", lang, amount=_euros(k.difference_m, lang)))
        else:
            out.append(text("easy.zz.eu_other_first", lang, state=k.foreign_state)
                       + "\n" + text("easy.zz.eu_difference_open", lang))
    return out


def zuzug_block(case: "Case", lang: str, today: date | None = None) -> EasyBlock | None:
    """The first steps in Bochum with their dates, the children, the money and the papers."""
    today = today or clock_today()
    result = zuzug_result(case, today)
    if result is None or case.zuzug is None:
        return None
    block = EasyBlock(text("easy.zz.heading", lang), words=["buergerbuero", "familienkasse", "steuer_id"])
    arrival = _day(result.arrival, lang)
    block.paragraphs.append(text("easy.zz.arrived" if result.arrival <= today else "easy.zz.arrives", lang,
                                 date=arrival) + "\n" + text("easy.zz.steps_intro", lang))
    block.paragraphs += [text("easy.step", lang, n=n) + ":\n" + step  # numbered, like the plan's steps
                         for n, step in enumerate(_zz_steps(case, lang, today), 1)]
    block.paragraphs += _zz_money(case, lang, today)
    papers = [text("easy.zz.doc.always", lang)]
    if any(p.citizenship == "third" for p in case.zuzug.parents):
        papers.append(text("easy.zz.doc.title", lang))
        block.words.append("aufenthaltstitel")
    if any(p.works == "de" for p in case.zuzug.parents):
        papers.append(text("easy.zz.doc.work", lang))
    if result.koordinierung is not None:
        papers.append(text("easy.zz.doc.abroad", lang, state=result.koordinierung.foreign_state))
    if any(p.at_school for p in result.children):
        papers.append(text("easy.zz.doc.school", lang))
    block.paragraphs.append(text("easy.zz.papers", lang) + "".join(
        "\n• " + line for paper in papers for line in paper.split("\n")))
    block.words += ["kindergeld"] if result.entitled["kindergeld"] is not False else []
    return block


__all__ = ["kita_block", "pflege_block", "vorsorge_block", "zuzug_block"]
