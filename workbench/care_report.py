"""Results of the Kita, Pflege and Vorsorge topics as handout sections and PDFs.

``kita_sections(case, language)``, ``pflege_sections(case, language)`` and
``vorsorge_sections(case, language)`` return :class:`workbench.report.HandoutSection` s, so the
results can join the family handout (``handout_pdf(case, language, sections=...)``); the wizards
show the same rows. ``topic_pdf`` prints sections alone (a care or Vorsorge case may have no child
and no Elterngeld plan) with report.py's fpdf2 setup, and ``vorsorge_pdf`` is the family's summary.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal

from fpdf.enums import XPos, YPos

from workbench.case import Case
from workbench.i18n import format_date, format_money, text
from workbench.parameter_tracking import Usage, provisional_note, tracking
from workbench.report import HandoutSection, HandoutPdf, layout
from workbench.report_blocks import draw_section
from workbench.rules.kita import beitrag, kita_termine
from workbench.rules.kita.beitrag import PORTAL_URL, SATZUNG_URL
from workbench.rules.pflege import freistellungen, leistungen
from workbench.rules.pflege.freistellung import Freistellungen
from workbench.rules.pflege.leistungen import PflegeLeistungen
from workbench.rules.vorsorge import checklist, item_args, kosten


def _lang(language: str) -> str:
    return language if language in ("de", "en") else "de"


def _noted(sections: list[HandoutSection], used: Usage, lang: str) -> list[HandoutSection]:
    """``sections`` with "vorläufig: Werte für 2027 noch nicht hinterlegt …" first when latest known values answered (ADR 0019)."""
    note = provisional_note(used.provisional, lang)
    if note is None or not sections:
        return sections
    first = sections[0]
    return [HandoutSection(first.heading, (note, *first.paragraphs), first.rows), *sections[1:]]


# --- Kita ---------------------------------------------------------------------------------------


def kita_sections(case: Case, language: str = "de", today: date | None = None) -> list[HandoutSection]:
    """See :func:`_kita_sections`; with the provisional note when values of a new year are missing."""
    with tracking() as used:
        sections = _kita_sections(case, language, today)
    return _noted(sections, used, _lang(language))


def _kita_sections(case: Case, language: str = "de", today: date | None = None) -> list[HandoutSection]:
    """The Kita dates and the fee status of ``case.kita`` (nothing without a wish with a start)."""
    lang = _lang(language)
    wish = case.kita
    if wish is None or wish.start is None:
        return []
    child = case.child(wish.child)
    t = kita_termine(child.birth_date, wish.start)
    end = date(t.kindergartenjahr.year + 1, 7, 31)
    rows: tuple[tuple[str, ...], ...] = (
        (text("kita.col.what", lang), text("kita.col.when", lang)),
        (text("kita.row.start", lang), format_date(wish.start, lang)),
        (text("kita.row.claim", lang), format_date(t.anspruch_ab, lang)),
        (text("kita.row.ue3", lang), format_date(t.ue3_ab, lang)),
        (text("kita.row.register_from", lang), format_date(t.anmeldung_schon_moeglich, lang)),
        (text("kita.row.register_by", lang), format_date(t.anmeldung_spaetestens, lang)),
        (text("kita.row.notice", lang),
         f"{format_date(t.zusage_in_der_regel, lang)} / {format_date(t.zusage_spaetestens, lang)}"),
        (text("kita.row.year", lang), text("kita.year_value", lang, start=format_date(t.kindergartenjahr, lang),
                                           end=format_date(end, lang))),
    )
    paragraphs: list[str] = []
    if t.vor_anspruch:
        paragraphs.append(text("kita.before_claim", lang, date=format_date(t.anspruch_ab, lang)))
    if today is not None and today > t.anmeldung_spaetestens:
        paragraphs.append(text("kita.late", lang))
    fee = beitrag(child.birth_date, t.start_mit_anspruch, wish.household_income_y, wish.transfer)
    fee_rows = rows + ((text("kita.row.free_from", lang), format_date(fee.frei_vorschule_ab, lang)),)
    fee_text = _fee_text(fee.status, wish.transfer, wish.hours, lang, t.start_mit_anspruch)
    fee_paragraphs = [fee_text]
    if fee.status != "frei_vorschule" and fee.status != "frei_transfer":
        fee_paragraphs.append(text("kita.free_later", lang, date=format_date(fee.frei_vorschule_ab, lang)))
    name = text("kita.child_unnamed", lang)
    return [
        HandoutSection(text("kita.section_heading", lang, child=name), tuple(paragraphs), fee_rows),
        HandoutSection(text("kita.fee_heading", lang, date=format_date(t.start_mit_anspruch, lang)),
                       tuple(fee_paragraphs)),
        HandoutSection(text("ui.kita.steps_heading", lang),
                       (text("kita.steps", lang, portal=PORTAL_URL),)),
    ]


def _fee_text(status: str, transfer: str, hours: int, lang: str, month: date) -> str:
    from workbench.parameters import parameters

    if status == "frei_transfer":
        return text("kita.fee.frei_transfer", lang, transfer=text(f"kita.transfer.{transfer}", lang))
    if status == "frei_einkommen":
        limit = Decimal(parameters("kita").value("beitragsfrei_einkommen_y", month))  # the limit of the fee month
        return text("kita.fee.frei_einkommen", lang, limit=format_money(limit, lang))
    if status == "frei_vorschule":
        return text("kita.fee.frei_vorschule", lang)
    return text("kita.fee.satzung_pruefen", lang, hours=hours, url=SATZUNG_URL)


# --- Pflege -------------------------------------------------------------------------------------

def pflege_results(case: Case, on: date) -> tuple[PflegeLeistungen, Freistellungen] | None:
    """The care-insurance options and the carer's time off for ``case.care`` on ``on``."""
    care = case.care
    if care is None:
        return None
    r, c = care.recipient, care.carer
    benefits = leistungen(r.pflegegrad, on, Decimal(r.sach_percent))
    leave = freistellungen(on=on, employed=c.employed, employees=c.employer_employees, hours=c.hours_per_week,
                           hours_during=c.hours_during, netto_m=c.net_monthly, netto_waehrend_m=c.net_monthly_during,
                           einmalzahlung=c.one_off_payments, beginn=c.start)
    return benefits, leave


def option_rows(benefits: PflegeLeistungen, lang: str) -> tuple[tuple[str, ...], ...]:
    """Pflegegeld only / Sachleistung only / combination: per month and per year."""
    head = (text("pflege.col.option", lang), text("pflege.col.pflegegeld_m", lang), text("pflege.col.sach_m", lang),
            text("pflege.col.total_y", lang))
    rows = [head]
    for o in benefits.options:
        label = text(f"pflege.option.{o.key}", lang, percent=o.sach_prozent)
        rows.append((label, format_money(o.pflegegeld_m, lang), format_money(o.sachleistung_m, lang),
                     format_money(o.total_y, lang)))
    return tuple(rows)


def leave_rows(leave: Freistellungen, lang: str) -> tuple[tuple[str, ...], ...]:
    """Kurzzeitige Arbeitsverhinderung / Pflegezeit / Familienpflegezeit: claim and money."""
    rows: list[tuple[str, ...]] = [(text("pflege.col.leave", lang), text("pflege.col.claim", lang),
                                    text("pflege.col.money", lang))]
    for o in leave.options:
        claim = text("pflege.claim_yes", lang) if o.claim else \
            text("pflege.claim_no", lang, reason=text(o.reason or "pflege.reason.not_employed", lang))
        if o.money_m is None or not o.claim:
            money = text("pflege.money_none", lang)
        elif o.key == "kurzzeitig":
            money = text("pflege.money_pug", lang, day=format_money(o.money_m, lang),
                         total=format_money(o.money_total or Decimal(0), lang))
        else:
            money = text("pflege.money_loan", lang, month=format_money(o.money_m, lang),
                         total=format_money(o.money_total or Decimal(0), lang))
        rows.append((text(f"pflege.leave.{o.key}", lang), claim, money))
    return tuple(rows)


def extras_text(b: PflegeLeistungen, lang: str) -> str:
    """Entlastungsbetrag, Entlastungsbudget, Tagespflege and care aids in one sentence."""
    money = {"entlastung": format_money(b.entlastungsbetrag_m, lang),
             "entlastung_y": format_money(b.entlastungsbetrag_y, lang),
             "hilfsmittel": format_money(b.pflegehilfsmittel_m, lang)}
    if b.pflegegrad == 1:
        return text("pflege.extras_pg1", lang, **money)
    return text("pflege.extras", lang, budget=format_money(b.entlastungsbudget_y, lang),
                tages=format_money(b.tagespflege_m, lang), **money)


def unverified_text(b: PflegeLeistungen, lang: str) -> str | None:
    """"Bitte prüfen" naming the amounts whose sources conflict, or None."""
    if not b.unverified:
        return None
    names = ", ".join(text(f"pflege.unverified_name.{n}", lang) for n in b.unverified)
    return text("pflege.unverified", lang, names=names)



def pflege_sections(case: Case, language: str = "de", on: date | None = None,
                    family: bool = False) -> list[HandoutSection]:
    """See :func:`_pflege_sections`; with the provisional note when values of a new year are missing.

    ``family=True``: the family's sheet (handout, PDF) – without the advisor's "bitte prüfen".
    """
    with tracking() as used:
        sections = _pflege_sections(case, language, on, family)
    return _noted(sections, used, _lang(language))


def _pflege_sections(case: Case, language: str = "de", on: date | None = None,
                     family: bool = False) -> list[HandoutSection]:
    """The options side by side and the carer's time off (nothing without ``case.care``)."""
    lang = _lang(language)
    on = on or date.today()
    results = pflege_results(case, on)
    if results is None or case.care is None:
        return []
    benefits, leave = results
    r = case.care.recipient
    name = r.name or text("pflege.relative", lang)
    paragraphs = [] if r.at_home else [text("pflege.not_at_home", lang)]
    paragraphs.append(extras_text(benefits, lang))
    check = None if family else unverified_text(benefits, lang)  # the advisor checks; the family is not asked to
    if check:
        paragraphs.append(check)
    carer_id = case.care.carer.parent
    carer_name = None
    if carer_id is not None:
        carer_name = case.parent(carer_id).name
    sections = [HandoutSection(text("pflege.section_heading", lang, name=name, grad=r.pflegegrad,
                                    date=format_date(on, lang)), tuple(paragraphs), option_rows(benefits, lang))]
    notes = [text("pflege.notice_past" if o.notice < on else "pflege.notice", lang,
                  leave=text(f"pflege.leave.{o.key}", lang), date=format_date(o.notice, lang))
             for o in leave.options if o.notice is not None]
    if any(o.key != "kurzzeitig" and o.claim and o.money_m for o in leave.options):
        notes.append(text("pflege.loan_estimate", lang))
    notes.append(text("pflege.who_decides", lang))
    sections.append(HandoutSection(text("pflege.section_leave", lang, carer=carer_name or text("pflege.carer_unnamed", lang)),
                                   tuple(notes), leave_rows(leave, lang)))
    return sections


# --- Vorsorge -----------------------------------------------------------------------------------

def vorsorge_rows(case: Case, lang: str) -> tuple[tuple[str, ...], ...]:
    """One row per checklist item of the chosen documents: the family's wording and done/to do."""
    v = case.vorsorge
    if v is None:
        return ()
    rows: list[tuple[str, ...]] = [(text("vorsorge.col.step", lang), text("vorsorge.col.status", lang))]
    for item in checklist(v.documents):
        mark = text("vorsorge.done_mark" if item.id in v.done else "vorsorge.open_mark", lang)
        rows.append((text(f"vorsorge.item.{item.id}_family", lang, **item_args()), mark))
    return tuple(rows)



def vorsorge_sections(case: Case, language: str = "de", on: date | None = None) -> list[HandoutSection]:
    """See :func:`_vorsorge_sections`; with the provisional note when values of a new year are missing."""
    with tracking() as used:
        sections = _vorsorge_sections(case, language, on)
    return _noted(sections, used, _lang(language))


def _vorsorge_sections(case: Case, language: str = "de", on: date | None = None) -> list[HandoutSection]:
    """Per chosen document what it does and what is left to do, the costs and the disclaimer."""
    lang = _lang(language)
    v = case.vorsorge
    if v is None:
        return []
    on = on or date.today()
    if not v.documents:
        return [HandoutSection(text("vorsorge.section_heading", lang, documents="–"),
                               (text("vorsorge.no_documents", lang), text("vorsorge.disclaimer", lang)))]
    sections: list[HandoutSection] = []
    for doc in ("vollmacht", "betreuungsverfuegung", "patientenverfuegung"):
        if doc not in v.documents:
            continue
        items = checklist([doc])
        figures = item_args(on)
        lines = [f"{'☑' if i.id in v.done else '☐'} {text(f'vorsorge.item.{i.id}_family', lang, **figures)}" for i in items]
        sections.append(HandoutSection(text(f"vorsorge.doc.{doc}", lang), tuple(lines)))
    plan = kosten(on, certification=v.certification, register=v.registry, payment=v.payment, agents=v.agents,
                  documents=v.documents)
    done = sum(1 for i in checklist(v.documents) if i.id in v.done)
    sections.append(HandoutSection(
        text("vorsorge.section_heading", lang, documents=", ".join(text(f"vorsorge.doc.{d}", lang) for d in v.documents)),
        (text("vorsorge.progress", lang, done=done, total=len(checklist(v.documents))),
         text("vorsorge.costs", lang, cert=format_money(plan.beglaubigung, lang),
              register=format_money(plan.register, lang), total=format_money(plan.total, lang)),
         text("vorsorge.disclaimer", lang), text("vorsorge.sources", lang))))
    return sections


# --- PDFs ---------------------------------------------------------------------------------------

def topic_pdf(title: str, intro: str, sections: Sequence[HandoutSection], language: str = "de") -> bytes:
    """A PDF of ``sections`` under ``title`` (report.py's fonts, margins and section layout)."""
    lang = _lang(language)
    pdf = HandoutPdf(lang, layout())
    pdf.set_title(title)
    pdf.set_creator("Familienbüro workbench")
    pdf.add_page()
    pdf.set_font("DejaVu", "B", 15)
    pdf.multi_cell(0, 8, title, new_x=XPos.LMARGIN, new_y=YPos.NEXT, align="L")
    pdf.para(intro, size=8.5)
    for section in sections:
        draw_section(pdf, section)
    pdf.heading(text("report.contact_heading", lang))
    pdf.para(text("report.contact", lang))
    return pdf.finish()


def vorsorge_pdf(case: Case, language: str = "de", on: date | None = None) -> bytes:
    """The plain-language Vorsorge summary for the family as PDF bytes."""
    lang = _lang(language)
    on = on or date.today()
    person = (case.vorsorge.person if case.vorsorge else None) or text("vorsorge.person_unnamed", lang)
    return topic_pdf(text("vorsorge.summary_title", lang, person=person),
                     text("vorsorge.summary_intro", lang, case_id=case.case_id, today=format_date(on, lang)),
                     vorsorge_sections(case, lang, on), lang)
