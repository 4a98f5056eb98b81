"""The tax block of the comparison page and the handout: Progressionsvorbehalt and Steuerklassenwahl.

``steuer_sections`` turns a :class:`workbench.evaluation.steuer.SteuerResult` into
:class:`HandoutSection`s: plain words for the family (``advisor=False``), the same plus the §§ and
assumptions for the advisor. ``steuer_json`` is the JSON of ``workbench steuer``.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from workbench.evaluation.steuer import Klassenoption, SteuerResult, steuer_result, steuerjahre
from workbench.evaluation.steuer.steuerklassen import ROMAN
from workbench.i18n import format_date, format_money, text
from workbench.money import ZERO, as_json_number
from workbench.report.sections import HandoutSection
from workbench.rules.steuer.lohnsteuer import pap_rules_year

if TYPE_CHECKING:
    from workbench.case import Case
    from workbench.evaluation.vergleich import Spalte


def _klassen(o: Klassenoption, names: dict[str, str]) -> str:
    return "/".join(f"{names.get(pid, pid)} {ROMAN[k]}" for pid, k in o.klassen.items())


def _money(value: Decimal, lang: str) -> str:
    return format_money(value, lang)


def _years(years: Sequence[int], lang: str) -> str:
    """``2026 und 2027``, ``2026, 2027 und 2028`` (a list of years as a sentence reads it)."""
    words = [str(y) for y in years]
    if len(words) < 2:
        return "".join(words)
    return text("steuer.block.und", lang, first=", ".join(words[:-1]), last=words[-1])


def progression_section(r: SteuerResult, advisor: bool) -> HandoutSection | None:
    """The years' extra tax and expected Nachzahlung; None when no year has tax-free benefits."""
    lang = r.language
    jahre = [j for j in r.jahre if j.leistungen > ZERO]
    if not jahre:
        return None
    years = _years([j.year for j in jahre], lang)
    paras = [text("steuer.block.pv_familie", lang, years=years, mehr=_money(r.mehrsteuer, lang))]
    if r.nachzahlung is not None:
        key = "steuer.block.nachzahlung" if r.nachzahlung >= ZERO else "steuer.block.erstattung"
        betrag = text(key, lang, value=_money(abs(r.nachzahlung), lang))
        paras.append(text("steuer.block.nachzahlung_familie", lang, betrag=betrag))
    paras.append(text("steuer.block.schaetzung", lang))
    later = [j.year for j in r.jahre if pap_rules_year(j.year) != j.year]
    if later:
        paras.append(text("steuer.block.tarif_unbekannt", lang, years=_years(later, lang),
                          known=pap_rules_year(later[0])))
    if advisor:
        art = "steuer.block.zusammen" if r.jahre[0].splitting else "steuer.block.einzeln"
        paras.append(text("steuer.block.pv_berater", lang, veranlagung=text(art, lang)))
    # the family's column head without the law's word: "Progressionsvorbehalt" broke inside the word
    # in the handout's narrow column ("Progressionsvorbehal t", walk9) and the paragraph explains it
    rows = [tuple(text("steuer.block.kopf" if advisor else "steuer.block.kopf_familie", lang).split("|"))]
    for j in r.jahre:
        rows.append((str(j.year), _money(j.leistungen, lang), _money(j.mehrsteuer, lang),
                     "–" if j.nachzahlung is None else _money(j.nachzahlung, lang)))
    return HandoutSection(text("steuer.block.pv_titel", lang), tuple(paras), tuple(rows))


def wahl_section(r: SteuerResult, names: dict[str, str], advisor: bool) -> HandoutSection | None:
    """The Steuerklassenwahl in one paragraph: the option that pays, the one that came too late, or none."""
    lang, wahl = r.language, r.wahl
    if wahl is None or not wahl.optionen:
        return None
    beste = wahl.beste
    if beste is not None:
        je_monat = ", ".join(text("steuer.block.je_monat_mehr" if v > ZERO else "steuer.block.je_monat_weniger", lang,
                                  parent=names.get(pid, pid), betrag=_money(abs(v), lang))
                             for pid, v in beste.je_monat.items() if v)
        lohn_diff = sum(beste.netto_je_monat.values(), ZERO)
        lohn = text("steuer.block.lohn_mehr" if lohn_diff >= ZERO else "steuer.block.lohn_weniger", lang,
                    betrag=_money(abs(lohn_diff), lang))
        zuschuss = (" " + text("steuer.block.wahl_zuschuss", lang, betrag=_money(beste.zuschuss, lang))
                    if beste.zuschuss > ZERO else "")
        para = text("steuer.block.wahl_lohnt", lang, klassen=_klassen(beste, names), gewinn=_money(beste.gewinn, lang),
                    je_monat=je_monat, zuschuss=zuschuss, netto=_money(beste.gewinn_nach_steuer, lang),
                    frist=format_date(beste.frist.antrag_bis, lang),
                    lohn=lohn)
    else:
        top = wahl.optionen[0]
        if top.zu_spaet and r.geboren and not advisor:
            return None  # nothing the family can still do
        if top.zu_spaet and top.gewinn_nach_steuer > ZERO:
            para = text("steuer.block.wahl_zu_spaet", lang, klassen=_klassen(top, names),
                        gewinn=_money(top.gewinn, lang), frist=format_date(top.frist.antrag_bis, lang))
        else:
            para = text("steuer.block.wahl_lohnt_nicht", lang, klassen=_klassen(top, names),
                        gewinn=_money(top.gewinn_nach_steuer, lang))
    paras = [para]
    if advisor:
        paras.append(text("steuer.block.wahl_berater", lang))
        for o in wahl.optionen:
            paras.extend(o.explanation.render(lang, advisor=True))
    return HandoutSection(text("steuer.block.wahl_titel", lang), tuple(paras))


def steuer_sections(r: SteuerResult, names: dict[str, str], *, advisor: bool = False) -> list[HandoutSection]:
    """Both blocks, the Steuerklassenwahl first (it has a deadline)."""
    return [s for s in (wahl_section(r, names, advisor), progression_section(r, advisor)) if s is not None]


def _option_json(o: Klassenoption) -> dict[str, Any]:
    return {"classes": o.klassen, "pays": o.lohnt, "too_late": o.zu_spaet,
            "apply_by": o.frist.antrag_bis.isoformat(), "effective_from": o.frist.wirksam_ab.isoformat(),
            "elterngeld_change": {k: as_json_number(v) for k, v in o.elterngeld.items()},
            "basis_change_per_month": {k: as_json_number(v) for k, v in o.je_monat.items()},
            "elterngeld_change_total": as_json_number(o.gewinn),
            "maternity_top_up_change": as_json_number(o.zuschuss),
            "progressionsvorbehalt_change": as_json_number(o.pv_mehrsteuer),
            "gain_after_tax": as_json_number(o.gewinn_nach_steuer),
            "net_pay_change_per_month": {k: as_json_number(v) for k, v in o.netto_je_monat.items()},
            "months_until_birth": o.monate}


def steuer_json(r: SteuerResult) -> dict[str, Any]:
    """The JSON of ``workbench steuer``: years and Steuerklassenwahl, money as numbers."""
    years = [{"year": j.year, "joint": j.splitting,
              "parents": [{"parent": p.parent_id, "wages": as_json_number(p.arbeitslohn),
                           "lohnsteuer_withheld": as_json_number(p.lohnsteuer),
                           "elterngeld": as_json_number(p.elterngeld),
                           "maternity_pay": as_json_number(p.mutterschaft)} for p in j.personen],
              "assessments": [{"taxable_income": as_json_number(v.zve), "benefits_for_rate": as_json_number(v.leistungen),
                               "tax_without": as_json_number(v.steuer_ohne), "special_rate": float(v.satz),
                               "tax_with": as_json_number(v.steuer_mit)} for v in j.veranlagungen],
              "extra_tax": as_json_number(j.mehrsteuer),
              "expected_additional_tax": None if j.nachzahlung is None else as_json_number(j.nachzahlung)}
             for j in r.jahre]
    out: dict[str, Any] = {"years": years, "extra_tax_total": as_json_number(r.mehrsteuer),
                           "expected_additional_tax_total": None if r.nachzahlung is None else as_json_number(r.nachzahlung),
                           "estimate": True}
    if r.wahl is not None:
        best = r.wahl.beste
        out["tax_classes"] = {"current": r.wahl.aktuell, "options": [_option_json(o) for o in r.wahl.optionen],
                              "best": None if best is None else best.klassen}
    return out


def steuer_handout_sections(case: "Case", language: str, today: date | None = None, *,
                            plan_name: str | None = None) -> list[HandoutSection]:
    """The family's tax block for the case's plan (``plan_name`` names it in the heading of the first block).

    Nothing without an Elterngeld plan. Rechtsgrundlage: § 32b EStG, § 2c Abs. 3 BEEG
    """
    if case.elterngeld_plan is None:
        return []
    lang = language if language in ("de", "en") else "de"
    case = case.model_copy(update={"language": lang})
    names = {p.id: p.name or p.id for p in case.household.parents}
    sections = steuer_sections(steuer_result(case, today=today), names)
    if plan_name and sections:
        first = sections[0]
        heading = text("steuer.block.fuer_plan", lang, heading=first.heading, plan=plan_name)
        sections[0] = HandoutSection(heading, first.paragraphs, first.rows)
    return sections


def vergleich_section(case: "Case", columns: Sequence["Spalte"], language: str) -> HandoutSection | None:
    """One row per compared plan: Elterngeld, extra tax from the Progressionsvorbehalt, expected Nachzahlung.

    Rechtsgrundlage: § 32b EStG
    """
    from workbench.evaluation.elterngeld.optimize import with_plan

    if not columns:
        return None
    lang = language
    rows = [tuple(text("steuer.block.vergleich_kopf", lang).split("|"))]
    for col in columns:
        jahre = steuerjahre(with_plan(case, col.choice.months), col.plan.result)
        mehr = sum((j.mehrsteuer for j in jahre), ZERO)
        values = [j.nachzahlung for j in jahre]
        nach = None if any(v is None for v in values) else sum((v for v in values if v is not None), ZERO)
        rows.append((col.name, _money(col.total, lang), _money(mehr, lang), "–" if nach is None else _money(nach, lang)))
    return HandoutSection(text("steuer.block.vergleich_titel", lang),
                          (text("steuer.block.vergleich_intro", lang), text("steuer.block.schaetzung", lang)), tuple(rows))
