"""The Mutterschutz wizard (notebooks/mutterschutz.ipynb): Familie → Geburt → Beschäftigung → Ergebnis.

The result shows the protection periods, the Mutterschaftsgeld and the supplement, the timeline, and
hands the Lebensmonate with Mutterschaftsleistungen to the Elterngeld plan (``maternity_benefit`` of
the mother). ``?case=<id>`` opens a saved case, ``?lang=en`` starts in English, ``?today=YYYY-MM-DD``
fixes the day the deadlines are judged on (tests, or planning ahead).
"""

from __future__ import annotations

import html
from datetime import date
from typing import Any

import ipywidgets as w

from workbench.clock import today as clock_today
from workbench.i18n import format_date, text
from workbench.parameter_tracking import tracking
from workbench.ui.kit.fields import CheckField, ChoiceField, DateField, Field, MoneyField
from workbench.ui.kit.parameter_notes import notes_html
from workbench.ui.kit.step import WizardStep
from workbench.case.births import resize_birth
from workbench.ui.kit.familie import COUNT_OPTIONS, PLAN_CHILD, FamilieStep, plan_birth_first
from workbench.ui.pages.lebenslagen.page import LebenslageWizard, load
from workbench.ui.pages.lebenslagen.result import ResultStep, result_html, section_table

MS = "mutterschutz"
EMPLOYMENT = [("ui.ms.emp_employee", "employee"), ("ui.ms.emp_minijob", "minijob"),
              ("ui.ms.emp_self", "self_employed"), ("ui.ms.emp_none", "none")]
INSURANCE = [("ui.ms.ins_statutory", "statutory_member"), ("ui.ms.ins_family", "family_insured"),
             ("ui.ms.ins_private", "private")]


class GeburtStep(WizardStep):
    """Due date, actual birth, multiples, Frühgeburt and the disability extension."""

    title_key = "ui.ms.step_birth"

    def build(self) -> None:
        lang = self.language
        self.due = DateField("ui.ms.due_date", lang, "ui.error.due_date_empty")
        self.birth = DateField("ui.ms.birth_date", lang, empty_key=None)
        self.count = ChoiceField("ui.eg.count", lang, COUNT_OPTIONS, width="28em")
        self.premature = CheckField("ui.ms.premature", lang)
        self.disability = CheckField("ui.ms.disability", lang)
        hint = w.HTML(f'<p class="wb-note" lang="{lang}">{html.escape(text("ui.ms.birth_hint", lang))}</p>')
        for field in (self.due, self.birth, self.count, self.premature, self.disability):
            self.watch(field)
        self.body.children = (self.due.widget, self.birth.widget, hint, self.count.widget, self.premature.widget,
                              self.disability.widget)

    def fields(self) -> dict[str, Field]:
        return {f"{MS}.due_date": self.due, f"{MS}.birth_date": self.birth,
                f"{MS}.premature": self.premature,
                f"{MS}.disability_extension": self.disability}

    def area(self) -> tuple[str, ...]:
        return (f"{MS}.due_date", f"{MS}.birth_date", f"{MS}.premature", f"{MS}.disability_extension",
                "household.children")

    def store(self, data: dict[str, Any], lenient: bool = False) -> bool:
        ms = data.setdefault(MS, {})
        ms.setdefault("mother", birth_parent(data))
        ms.setdefault("child", PLAN_CHILD)
        ms.setdefault("net_last_3_months", [])
        ok = super().store(data, lenient)
        sync_child(data)
        size = self.count.read() if lenient else self.count.check()
        household = data["household"]
        household["children"] = resize_birth(household["children"], household["children"][0]["id"], int(size or 1))
        return ok

    def load(self, data: dict[str, Any]) -> None:
        _children, twins = plan_birth_first(data)
        super().load(data)
        self.count.write(1 + len(twins))

    def checks(self, data: dict[str, Any]) -> list[tuple[str, str]]:
        ms = data[MS]
        due = date.fromisoformat(ms["due_date"])
        if not ms.get("birth_date"):
            return []
        # the office's real day, not ``?today=`` (that one moves the deadlines for planning ahead): a birth after
        # it has not happened; "falls geboren" wants the day of a birth, a day to come is the due date's field
        birth, seen = date.fromisoformat(ms["birth_date"]), clock_today()
        if birth > seen:
            return [(f"{MS}.birth_date", text("ui.ms.birth_future", self.language,
                                              date=format_date(birth, self.language),
                                              today=format_date(seen, self.language)))]
        if abs((birth - due).days) > 140:
            return [(f"{MS}.birth_date", text("ui.ms.birth_far", self.language))]
        return []


def sync_child(data: dict[str, Any]) -> None:
    """The child of the case follows the Mutterschutz data: birth (or due) date, expected, full weeks early."""
    ms = data.get(MS) or {}
    if not ms.get("due_date"):
        return
    child = data["household"]["children"][0]
    due = date.fromisoformat(ms["due_date"])
    birth = date.fromisoformat(ms["birth_date"]) if ms.get("birth_date") else None
    child["birth_date"] = (birth or due).isoformat()
    child["expected"] = birth is None
    child["weeks_early"] = min(20, max(0, (due - birth).days // 7)) if birth else 0


def birth_parent(data: dict[str, Any]) -> str:
    """The parent the Mutterschutz is about: the one recorded as giving birth, else the one with Mutterschaftsgeld,
    else the first (a new Mutterschutz case starts with the mother alone). Never "parent 1" when the case says
    otherwise (issue 16: two mothers, the second entered gives birth)."""
    parents = (data.get("household") or {}).get("parents") or [{"id": "A"}]
    for key in ("gives_birth", "maternity_benefit"):
        chosen = next((str(p["id"]) for p in parents if p.get(key)), None)
        if chosen is not None:
            return chosen
    return str(parents[0].get("id", "A"))


class BeschaeftigungStep(WizardStep):
    """Employment and insurance of the mother and her net pay in the 3 months before the period."""

    title_key = "ui.ms.step_work"

    def build(self) -> None:
        lang = self.language
        self.employment = ChoiceField("ui.ms.employment", lang, EMPLOYMENT)
        self.insurance = ChoiceField("ui.ms.insurance", lang, INSURANCE)
        self.sick_pay = CheckField("ui.ms.sick_pay", lang)
        self.sick_pay.input.value = True
        self.months = w.HTML()
        self.net = [MoneyField("ui.ms.net_month", lang, optional=True, example=2100) for _ in range(3)]
        self.fixed = CheckField("ui.ms.fixed_salary", lang)
        self.fixed.input.value = True
        for field in (self.employment, self.insurance, self.sick_pay, self.fixed, *self.net):
            self.watch(field)
        self.body.children = (self.employment.widget, self.insurance.widget, self.sick_pay.widget, self.months,
                              *[f.widget for f in self.net], self.fixed.widget)

    def fields(self) -> dict[str, Field]:
        return {f"{MS}.employment": self.employment, f"{MS}.insurance": self.insurance,
                f"{MS}.sick_pay_entitlement": self.sick_pay, f"{MS}.fixed_salary": self.fixed}

    def area(self) -> tuple[str, ...]:
        return (MS,)

    def shown(self, data: dict[str, Any]) -> None:
        from workbench.rules.mutterschutz import bemessungsmonate, schutzfrist_beginn

        ms = data.get(MS) or {}
        if not ms.get("due_date"):
            return
        birth = date.fromisoformat(ms["birth_date"]) if ms.get("birth_date") else None
        months = bemessungsmonate(schutzfrist_beginn(date.fromisoformat(ms["due_date"]), birth))
        labels = [f"{m:02d}/{y}" for y, m in months]
        for field, label in zip(self.net, labels):
            field.input.description = text("ui.ms.net_month", self.language, month=label)
        self.months.value = (f'<p lang="{self.language}">'
                             f'{html.escape(text("ui.ms.net_hint", self.language, first=labels[0], last=labels[-1]))}</p>')

    def load(self, data: dict[str, Any]) -> None:
        super().load(data)
        values = (data.get(MS) or {}).get("net_last_3_months") or []
        for field, value in zip(self.net, [*values, None, None, None]):
            field.write(value)

    def store(self, data: dict[str, Any], lenient: bool = False) -> bool:
        ok = super().store(data, lenient)
        values: list[Any] = []
        for index, field in enumerate(self.net):
            try:
                value = field.read() if lenient else field.check()
            except Exception:  # noqa: BLE001 - FieldError: shown next to the field
                ok = False
                continue
            if value is not None:
                values.append(value)
            elif not lenient and data[MS].get("employment") in ("employee", "minijob"):
                field.message.show("ui.ms.net_missing")
                ok = False
        ms = data.setdefault(MS, {})
        ms["net_last_3_months"] = values if data[MS].get("employment") in ("employee", "minijob") else []
        return ok


class MutterschutzErgebnisStep(ResultStep):
    """Periods, money, the hand-over to the Elterngeld plan and the timeline."""

    title_key = "ui.ms.step_result"

    def shown(self, data: dict[str, Any]) -> None:
        self.data, self.download.value = data, ""  # the handout is made from the case as shown
        from workbench.evaluation.lebenslagen import mutterschutz_result
        from workbench.report.lebenslagen import mutterschutz_sections
        from workbench.report.register import ADVISOR
        from workbench.ui.pages.lebenslagen.zeitleiste import timeline_svg

        lang = self.language
        case = load(data)
        with tracking() as used:
            result = mutterschutz_result(case)
        if result is None or result.fristen is None or result.geld is None:
            self.out.value = ""
            return
        mother = next((p for p in data["household"]["parents"] if p.get("id") == case.mutterschutz.mother),
                      data["household"]["parents"][0]) if case.mutterschutz else data["household"]["parents"][0]
        handover = bool(result.elterngeld_monate)
        if mother.get("maternity_benefit", False) != handover:
            mother["maternity_benefit"] = handover  # hand-over: these months are her Basis months (saved: Wizard._enter)
            case = load(data)
        f, geld = result.fristen, result.geld
        section = mutterschutz_sections(case, lang, self.today, ADVISOR)[0]  # the advisor's result keeps the §
        table = section_table(section.rows, text("ui.ms.money", lang), "wb-ms-money",
                              cell_class="wb-num") if section.rows else ""
        dates = (f'<table class="wb-table wb-ms-dates"><caption>{html.escape(text("ui.ms.dates", lang))}</caption>'
                 + "".join(f'<tr><th scope="row">{html.escape(text(k, lang))}</th><td data-ms="{n}">{html.escape(v)}</td></tr>'
                           for k, n, v in (("ui.ms.start", "start", format_date(f.beginn, lang)),
                                           ("ui.ms.end", "end", format_date(f.ende, lang)),
                                           ("ui.ms.days", "days", str(f.tage)),
                                           ("ui.ms.dismissal", "dismissal", format_date(f.kuendigungsschutz_bis, lang))))
                 + "</table>")
        paras = "".join(f"<p>{html.escape(p)}</p>" for p in section.paragraphs)
        steps = "".join(f"<li>{html.escape(s)}</li>" for s in [*f.explanation.render(lang), *geld.explanation.render(lang)])
        how = (f'<details><summary>{html.escape(text("ui.result.how", lang))}</summary>'
               f'<ol class="wb-explanation">{steps}</ol></details>')
        self.out.value = result_html(lang, notes_html(used.provisional, used.unverified, lang), dates + table + paras,
                                     timeline_svg(case, lang, self.today), how,
                                     [(f"elternzeit.ipynb?case={case.case_id}", "ui.ms.to_ez"),
                                      (f"elterngeld.ipynb?case={case.case_id}", "ui.ms.to_eg")])


class MutterschutzWizard(LebenslageWizard):
    """Familie → Geburt → Beschäftigung → Ergebnis."""

    wizard_title = "ui.ms.title"
    step_types = (FamilieStep, GeburtStep, BeschaeftigungStep)
    result_type = MutterschutzErgebnisStep
