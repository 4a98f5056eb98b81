"""The handout's first words on the family's chosen plan: what each parent does when, and the household's
money in plain words (the household model, ``evaluation/elterngeld/haushalt.py``, ADR 0028).

Every sentence is computed from the plan's months: per parent the runs of months with the same kind of
Elterngeld and work ("Basiselterngeld in LM 1–12, dann Vollzeit ab LM 13"), the household's money with
its parts, the Lebensmonat in which the Mutterschutz ends part-way (§ 3 Abs. 1 Satz 2 BEEG) and
Kindergeld apart.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from workbench.evaluation.elterngeld.optimize_explain import doing
from workbench.i18n import format_money, text
from workbench.money import ZERO
from workbench.rules.elterngeld.plan import LEBENSMONATE
from workbench.rules.elterngeld.result import month_ranges

if TYPE_CHECKING:
    from workbench.case import Case
    from workbench.report.blocks import HandoutPlan


def runs(plan: "HandoutPlan", pid: str, lang: str) -> str:
    """One parent's Lebensmonate in words: ``Basiselterngeld in LM 1–12; kein Elterngeld, Vollzeit in LM 13–32``."""
    groups: dict[str, list[int]] = {}
    maternity = {m.month for m in plan.plan.result.parents[pid].months if m.maternity}
    for g in plan.plan.haushalt.per_parent[pid]:
        what = text("report.maternity_kind", lang) if g.month in maternity else doing(g.kind, g.arbeit.what, lang)
        groups.setdefault(what, []).append(g.month)
    return "; ".join(text("report.chosen_run", lang, what=what, months=month_ranges(months))
                     for what, months in groups.items())


def chosen_paragraphs(case: "Case", plan: "HandoutPlan", names: dict[str, str], lang: str) -> list[str]:
    """The paragraphs that open the handout: which plan it shows, and that plan in plain words."""
    h = plan.plan.haushalt
    out = [text("report.chosen_intro", lang, name=plan.title)]
    out += [text("report.chosen_parent", lang, parent=names[pid], runs=runs(plan, pid, lang)) for pid in h.per_parent]
    # the tables show the Elterngeld of the federal calculator, which pays nothing in the Lebensmonat in which the
    # Mutterschutz ends part-way; the household's money counts those days (§ 3 Abs. 1 Satz 2 BEEG): both are named,
    # so the family can add up what the tables show (a single mother read 12.799,45 € here and 12.658,80 € below)
    partly = sum((g.teilmonat for months in h.per_parent.values() for g in months), ZERO)
    key = "report.chosen_money_partly" if partly > ZERO else "report.chosen_money"
    out.append(text(key, lang, months=LEBENSMONATE, total=format_money(h.total, lang),
                    elterngeld=format_money(h.elterngeld - partly, lang), partly=format_money(partly, lang),
                    work=format_money(h.sum_of("arbeit"), lang),
                    mutterschaft=format_money(h.sum_of("mutterschaft"), lang),
                    kindergeld=format_money(sum(h.kindergeld, ZERO), lang)))
    for pid, months in h.per_parent.items():
        for g in months:
            if g.teilmonat > ZERO:
                out.append(text("report.chosen_partly", lang, parent=names[pid], month=g.month,
                                amount=format_money(g.teilmonat, lang)))
    if h.after_tax is not None:
        out.append(text("report.chosen_after_tax", lang, amount=format_money(h.after_tax, lang)))
    out.append(text("report.chosen_net_note", lang))
    return out
