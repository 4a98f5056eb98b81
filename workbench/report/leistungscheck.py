"""The Leistungscheck on the family handout and as JSON: ``leistungscheck_sections``, ``check_json``.

Two blocks for :func:`workbench.report.handout_pdf`: the benefits as a table (benefit, amount a
month, entitled yes/no/to check, who decides) with the hints (Kita fee, Bürgergeld, UVG first),
and what to do next for each benefit that is or may be paid (office and channel, forms, the
retroactive limit, documents). Values not verified carry "bitte prüfen". :func:`check_json` is
what ``workbench check`` prints and the wizard's cards read: per benefit the result with its office,
forms, deadlines and explanation.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from workbench.evaluation.leistungscheck import Leistungscheck, leistungscheck
from workbench.i18n import format_money, text
from workbench.money import ZERO, as_json_number
from workbench.parameter_tracking import provisional_json, provisional_note
from workbench.report.register import ADVISOR, FAMILY, Register
from workbench.report.sections import HandoutSection
from workbench.rules.leistungen.offices import office_info
from workbench.rules.leistungen.result import BenefitResult

if TYPE_CHECKING:
    from workbench.case import Case


def has_leistungscheck_data(case: Case) -> bool:
    """Whether the case holds what the Leistungscheck needs (format 2: current income, children's situation, benefits)."""
    h = case.household
    return (any(p.current_income is not None for p in h.parents) or h.benefits is not None
            or any(c.situation is not None for c in h.children))


BIRTH_REASONS = frozenset({"leistungen.kg.not_born", "leistungen.kfb.no_child", "kinderzuschlag.grund.kein_kind",
                           "leistungen.but.no_child", "leistungen.uvg.no_child"})
"""The reasons that only say the child is not born yet (the benefit may start with the birth)."""


def waits_for_birth(result: BenefitResult) -> bool:
    """Refused only because the child is not born yet (or no child counts yet)."""
    keys = set(result.reason_keys())
    return result.eligible is False and bool(keys) and keys <= BIRTH_REASONS


def status_text(eligible: bool | None, language: str) -> str:
    return text({True: "leistungen.status.yes", False: "leistungen.status.no", None: "leistungen.status.check"}[eligible],
                language)


def leistungscheck_sections(case: Case, language: str, check: Leistungscheck | None = None,
                            register: Register = FAMILY) -> list[HandoutSection]:
    """The handout blocks of the Leistungscheck of ``case`` in ``language``; the advisor's register
    names the forms whose number is not confirmed (ADR 0035)."""
    lang = language
    check = check or leistungscheck(case)
    rows: list[tuple[str, ...]] = [(text("leistungen.handout.col_benefit", lang), text("leistungen.handout.col_monthly", lang),
                                    text("leistungen.handout.col_status", lang))]
    expecting = any(c.expected for c in case.household.children)
    unborn = {name for name, result in check.results.items() if expecting and waits_for_birth(result)}
    for name, result in check.results.items():
        # the family's sheet: a neutral "vorläufig" where values of a new year are missing, never "bitte prüfen"
        mark = " – " + text("leistungen.handout.provisional", lang) if result.provisional else ""
        status = text("leistungen.status.running", lang) if result.running else status_text(result.eligible, lang)
        amount = format_money(result.monthly, lang)
        if name in unborn:  # "kein Anspruch, 0,00 €" for a child not yet born reads as a refusal: it starts with the birth
            status, mark, amount = text("leistungen.status.after_birth", lang), "", "–"
        rows.append((text(f"leistungen.name.{name}", lang), amount, status + mark))
    note = provisional_note(check.provisional, lang)
    from workbench.report.leistungscheck_ahead import ahead_section, as_of_line, total_lines  # issue 24: date, total, months ahead

    paragraphs = ([text("leistungen.handout.intro", lang), as_of_line(check, lang), *total_lines(check, lang)]
                  + ([note] if note else [])
                  + ([text("leistungen.handout.unborn", lang)] if unborn else [])
                  + [h.render(lang) for h in check.hints if h.key != "leistungen.hint.unverified"])
    overview = HandoutSection(text("leistungen.handout.heading", lang), tuple(paragraphs), tuple(rows))
    steps: list[str] = []
    for name, result in check.results.items():
        if name == "kindergeld" and name in unborn:  # § 62 EStG: Kindergeld from the month of birth
            info = office_info(name, lang, check.on)
            steps.append(text("leistungen.handout.after_birth_step", lang, benefit=text(f"leistungen.name.{name}", lang),
                              office=info["office"]["name"]))
            continue
        if result.eligible is False or name == "kinderfreibetrag":
            continue
        if result.running:
            steps.append(text("leistungen.handout.running", lang, benefit=text(f"leistungen.name.{name}", lang)))
            continue
        info = office_info(name, lang, check.on)
        where = info["office"]["name"] + (f" ({info['office']['online']})" if info["office"]["online"] else "")
        steps.append(text("leistungen.handout.step", lang, benefit=text(f"leistungen.name.{name}", lang), office=where,
                          forms="; ".join(f + (" (" + text("leistungen.form_number_check", lang) + ")"
                                               if register is ADVISOR and f in info["forms_number_unverified"] else "")
                                          for f in info["forms"]), deadline=" ".join(d if d.endswith(".") else d + "." for d in info["deadlines"]),
                          documents="; ".join(info["documents"])))
    todo = HandoutSection(text("leistungen.handout.next", lang), tuple(steps) or (text("leistungen.handout.nothing", lang),))
    return [overview, ahead_section(case, check, lang), todo]


def result_json(result: BenefitResult, language: str, on: date | None = None) -> dict[str, Any]:
    """One benefit as JSON: eligible, monthly, reasons, office, forms, deadlines, explanation …"""
    info = office_info(result.benefit, language, on)
    return {
        "eligible": result.eligible,
        "running": result.running,
        "monthly": as_json_number(result.monthly),
        "yearly": None if result.yearly is None else as_json_number(result.yearly),
        "reasons": result.reason_texts(language),
        "reason_keys": result.reason_keys(),
        "period": None if result.period is None else [d.isoformat() for d in result.period],
        "children": [{"child": c.child_id, "eligible": c.eligible, "running": c.running,
                      "monthly": as_json_number(c.monthly), "reasons": [text(k, language) for k in c.reasons]}
                     for c in result.children],
        "office": info["office"],
        "forms": info["forms"],
        "forms_number_unverified": info["forms_number_unverified"],
        "deadlines": info["deadlines"],
        "documents": info["documents"],
        "explanation": result.explanation.render(language),
        "unverified": list(result.unverified) + (["office"] if info["office_unverified"] else []),
        "bitte_pruefen": bool(result.unverified) or info["office_unverified"],
        "provisional_note": provisional_note(result.provisional, language),
        "provisional": provisional_json(result.provisional),
    }


def check_json(check: Leistungscheck, language: str, case: Case | None = None) -> dict[str, Any]:
    """What ``workbench check`` prints; with the ``case``, also the monthly total and the months ahead."""
    from workbench.report.leistungscheck_ahead import desk_json

    return {
        "date": check.on.isoformat(),
        **(desk_json(case, check, language) if case is not None else {}),
        "benefits": {name: result_json(result, language, check.on) for name, result in check.results.items()},
        "hints": [{"key": h.key, "text": h.render(language)} for h in check.hints],
        "buergergeld": None if check.buergergeld is None else buergergeld_json(check, language),
        "provisional_note": provisional_note(check.provisional, language),
        "provisional": provisional_json(check.provisional),
    }


def buergergeld_json(check: Leistungscheck, language: str) -> dict[str, Any]:
    """The Bürgergeld comparison beside KiZ + Wohngeld (§ 6a Abs. 1 Nr. 4 BKGG, § 7 Abs. 1 WoGG)."""
    b = check.buergergeld
    assert b is not None
    kiz, wg = check.results["kinderzuschlag"], check.results["wohngeld"]
    return {
        "need": as_json_number(b.need), "income": as_json_number(b.income), "monthly": as_json_number(b.amount),
        "kindersofortzuschlag": as_json_number(b.sofortzuschlag),
        "kiz_wohngeld": as_json_number((kiz.monthly if kiz.eligible is not False else ZERO)
                                       + (wg.monthly if wg.eligible is not False else ZERO)),
        "explanation": check.bedarf.render(language),
    }
