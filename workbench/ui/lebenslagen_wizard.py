"""The Mutterschutz and the Elternzeit wizards (notebooks/mutterschutz.ipynb, notebooks/elternzeit.ipynb).

Both work on the same case file as the Elterngeld wizard and save to the case store:

- Mutterschutz: Familie → Geburt → Beschäftigung → Ergebnis. The result shows the protection
  periods, the Mutterschaftsgeld and the supplement, the timeline, and hands the Lebensmonate with
  Mutterschaftsleistungen to the Elterngeld plan (``maternity_benefit`` of the mother).
- Elternzeit: Familie → Kind → Zeiträume → Ergebnis with each period's notice deadline and
  protection start, the findings (a deadline already past is a warning) and the timeline with the
  Elterngeld months.

``?case=<id>`` opens a saved case, ``?lang=en`` starts in English, ``?today=YYYY-MM-DD`` fixes
the day the deadlines are judged on (tests, or planning ahead).
"""

from __future__ import annotations

import html
import secrets
from datetime import date
from decimal import Decimal
from typing import Any

import ipywidgets as w

from workbench.parameter_tracking import tracking
from workbench.ui.kit.parameter_notes import notes_html
from workbench.i18n import format_date, text
from workbench.ui.pages.elterngeld.steps import COUNT_OPTIONS, PLAN_CHILD, FamilieStep
from workbench.ui.kit.page import default_store, open_case_wizard, show_wizard_page
from workbench.ui.kit.fields import CheckField, ChoiceField, DateField, Field, MoneyField, NumberField
from workbench.ui.kit.lists import Row, RowList
from workbench.ui.kit.saving import Store
from workbench.ui.kit.step import WizardStep
from workbench.ui.kit.wizard import Wizard

MS = "mutterschutz"
EMPLOYMENT = [("ui.ms.emp_employee", "employee"), ("ui.ms.emp_minijob", "minijob"),
              ("ui.ms.emp_self", "self_employed"), ("ui.ms.emp_none", "none")]
INSURANCE = [("ui.ms.ins_statutory", "statutory_member"), ("ui.ms.ins_family", "family_insured"),
             ("ui.ms.ins_private", "private")]


def new_case(prefix: str, language: str = "de") -> dict[str, Any]:
    """An empty case with a fresh id (``MS-20261125-3F2A``)."""
    return {"format": "workbench-case/1", "case_id": f"{prefix}-{date.today():%Y%m%d}-{secrets.token_hex(2).upper()}",
            "language": language,
            "household": {"married": False, "single_parent": False, "parents": [{"id": "A"}],
                          "children": [{"id": PLAN_CHILD}]},
            "notes": ""}


def _load(data: dict[str, Any]) -> Any:
    from workbench.case import load_case

    return load_case(data)


# --- Mutterschutz ------------------------------------------------------------------------------

class GeburtStep(WizardStep):
    """Due date, actual birth, multiples, Frühgeburt and the disability extension."""

    title_key = "ui.ms.step_birth"

    def build(self) -> None:
        lang = self.language
        self.due = DateField("ui.ms.due_date", lang)
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
                "household.children[0].count": self.count, f"{MS}.premature": self.premature,
                f"{MS}.disability_extension": self.disability}

    def area(self) -> tuple[str, ...]:
        return (f"{MS}.due_date", f"{MS}.birth_date", f"{MS}.premature", f"{MS}.disability_extension",
                "household.children")

    def store(self, data: dict[str, Any], lenient: bool = False) -> bool:
        ms = data.setdefault(MS, {})
        ms.setdefault("mother", "A")
        ms.setdefault("child", PLAN_CHILD)
        ms.setdefault("net_last_3_months", [])
        ok = super().store(data, lenient)
        sync_child(data)
        return ok

    def checks(self, data: dict[str, Any]) -> list[tuple[str, str]]:
        ms = data[MS]
        due = date.fromisoformat(ms["due_date"])
        if ms.get("birth_date") and abs((date.fromisoformat(ms["birth_date"]) - due).days) > 140:
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
        self.net = [MoneyField("ui.ms.net_month", lang, optional=True) for _ in range(3)]
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


class _ResultStep(WizardStep):
    """A result step: one HTML block, judged on ``today`` (injectable for tests)."""

    def __init__(self, language: str, today: date | None = None) -> None:
        super().__init__(language)
        self.today = today

    def build(self) -> None:
        self.out = w.HTML()
        self.body.children = (self.out,)


class MutterschutzErgebnisStep(_ResultStep):
    """Periods, money, the hand-over to the Elterngeld plan and the timeline."""

    title_key = "ui.ms.step_result"

    def shown(self, data: dict[str, Any]) -> None:
        from workbench.lebenslagen import mutterschutz_result, mutterschutz_sections
        from workbench.ui.zeitleiste import timeline_svg

        lang = self.language
        case = _load(data)
        with tracking() as used:
            result = mutterschutz_result(case)
        if result is None or result.fristen is None or result.geld is None:
            self.out.value = ""
            return
        mother = data["household"]["parents"][0]
        handover = bool(result.elterngeld_monate)
        if mother.get("maternity_benefit", False) != handover:
            mother["maternity_benefit"] = handover  # hand-over: these months are her Basis months (saved: Wizard._enter)
            case = _load(data)
        f, geld = result.fristen, result.geld
        section = mutterschutz_sections(case, lang)[0]
        rows = ""
        for i, row in enumerate(section.rows):
            cells = "".join((f'<th scope="col">{html.escape(c)}</th>' if i == 0 else
                             f'<th scope="row">{html.escape(c)}</th>' if j == 0 else
                             f'<td class="wb-num">{html.escape(c)}</td>') for j, c in enumerate(row))
            rows += f"<tr>{cells}</tr>"
        table = (f'<table class="wb-table wb-ms-money"><caption>{html.escape(text("ui.ms.money", lang))}</caption>'
                 f"{rows}</table>") if rows else ""
        dates = (f'<table class="wb-table wb-ms-dates"><caption>{html.escape(text("ui.ms.dates", lang))}</caption>'
                 + "".join(f'<tr><th scope="row">{html.escape(text(k, lang))}</th><td data-ms="{n}">{html.escape(v)}</td></tr>'
                           for k, n, v in (("ui.ms.start", "start", format_date(f.beginn, lang)),
                                           ("ui.ms.end", "end", format_date(f.ende, lang)),
                                           ("ui.ms.days", "days", str(f.tage)),
                                           ("ui.ms.dismissal", "dismissal", format_date(f.kuendigungsschutz_bis, lang))))
                 + "</table>")
        paras = "".join(f"<p>{html.escape(p)}</p>" for p in section.paragraphs)
        steps = "".join(f"<li>{html.escape(s)}</li>" for s in [*f.explanation.render(lang), *geld.explanation.render(lang)])
        self.out.value = (f'<div lang="{lang}">{notes_html(used.provisional, used.unverified, lang)}{dates}{table}{paras}'
                          f'<h3>{html.escape(text("ui.ls.timeline_title", lang))}</h3>{timeline_svg(case, lang, self.today)}'
                          f'<details><summary>{html.escape(text("ui.result.how", lang))}</summary>'
                          f'<ol class="wb-explanation">{steps}</ol></details>'
                          f'<p class="wb-links"><a href="elternzeit.ipynb?case={html.escape(case.case_id)}">{html.escape(text("ui.ms.to_ez", lang))}</a> · '
                          f'<a href="elterngeld.ipynb?case={html.escape(case.case_id)}">{html.escape(text("ui.ms.to_eg", lang))}</a></p></div>')

    def store(self, data: dict[str, Any], lenient: bool = False) -> bool:
        return True


class MutterschutzWizard(Wizard):
    """Familie → Geburt → Beschäftigung → Ergebnis."""

    def __init__(self, data: dict[str, Any], store: Store, version: int | None = None,
                 autosave_delay: float = 1.0, today: date | None = None) -> None:
        language = "en" if data.get("language") == "en" else "de"
        steps = [FamilieStep(language), GeburtStep(language), BeschaeftigungStep(language),
                 MutterschutzErgebnisStep(language, today)]
        super().__init__(steps, data, store, version, language, "ui.ms.title", autosave_delay)


# --- Elternzeit --------------------------------------------------------------------------------

class EzKindStep(WizardStep):
    """The child's birth (or due) date."""

    title_key = "ui.ez.step_child"

    def build(self) -> None:
        lang = self.language
        self.birth = DateField("ui.eg.child_birth", lang)
        self.expected = CheckField("ui.eg.expected", lang)
        self.maternity = CheckField("ui.ez.mother_ms", lang)
        for field in (self.birth, self.expected, self.maternity):
            self.watch(field)
        note = w.HTML(f'<p class="wb-note" lang="{lang}">{html.escape(text("ui.ez.child_hint", lang))}</p>')
        self.body.children = (self.birth.widget, self.expected.widget, self.maternity.widget, note)

    def fields(self) -> dict[str, Field]:
        return {"household.children[0].birth_date": self.birth, "household.children[0].expected": self.expected,
                "household.parents[0].maternity_benefit": self.maternity}

    def area(self) -> tuple[str, ...]:
        return ("household.children", "household.parents[0].maternity_benefit")

    def store(self, data: dict[str, Any], lenient: bool = False) -> bool:
        data.setdefault("elternzeit", {"child": PLAN_CHILD, "periods": []})
        return super().store(data, lenient)

    def checks(self, data: dict[str, Any]) -> list[tuple[str, str]]:
        from workbench.errors import UnsupportedPeriod
        from workbench.rules.elternzeit import anmeldefrist

        birth = date.fromisoformat(data["household"]["children"][0]["birth_date"])
        try:
            anmeldefrist(birth, birth, self.language)
        except UnsupportedPeriod as error:
            return [("household.children[0].birth_date", str(error))]
        return []


class ZeitraeumeStep(WizardStep):
    """The periods of both parents."""

    title_key = "ui.ez.step_periods"

    def build(self) -> None:
        lang = self.language
        self.periods = RowList("elternzeit.periods", self._row, lang, "ui.ez.add_period", "ui.ez.remove_period",
                               lambda: self.on_change(), lambda r: self.on_error(r), min_rows=0, max_rows=8)
        self.third = w.HTML()
        self.body.children = (self.third, self.periods.widget)

    def _row(self, index: int) -> Row:
        lang = self.language
        return Row({"parent": ChoiceField("ui.ez.parent", lang, self._parents, width="28em"),
                    "start": DateField("ui.ez.start", lang), "end": DateField("ui.ez.end", lang),
                    "hours_per_week": NumberField("ui.ez.hours", lang, Decimal(0), Decimal(60), "ui.ez.hours_error",
                                                  optional=True),
                    "requested_on": DateField("ui.ez.requested", lang, empty_key=None)}, "ui.ez.period_heading")

    _parents: list[tuple[str, str]] = [("A", "A")]

    def fields(self) -> dict[str, Field]:
        return self.periods.fields()

    def area(self) -> tuple[str, ...]:
        return ("elternzeit",)

    def load(self, data: dict[str, Any]) -> None:
        parents = data.get("household", {}).get("parents", [])
        self._parents = [(str(p.get("name") or text("report.parent_unnamed", self.language, id=p["id"])), p["id"])
                         for p in parents] or [("A", "A")]
        for row in self.periods.rows:  # names may have changed on the first step
            row.fields["parent"].input.options = self._parents
        self.periods.resize(len((data.get("elternzeit") or {}).get("periods", [])))
        super().load(data)

    def shown(self, data: dict[str, Any]) -> None:
        self.load(data)
        from workbench.rules.elternzeit import geburtstag

        birth = date.fromisoformat(data["household"]["children"][0]["birth_date"])
        third, eighth = geburtstag(birth, 3), geburtstag(birth, 8)
        self.third.value = (f'<p lang="{self.language}">' + html.escape(text(
            "ui.ez.ages", self.language, third=format_date(third, self.language),
            eighth=format_date(eighth, self.language))) + "</p>")

    def store(self, data: dict[str, Any], lenient: bool = False) -> bool:
        ez = data.setdefault("elternzeit", {"child": PLAN_CHILD, "periods": []})
        ez["periods"] = self.periods.resize_items(ez.get("periods", []), lambda i: {"parent": "A"})
        return super().store(data, lenient)


class ElternzeitErgebnisStep(_ResultStep):
    """Each period's dates, the findings and the timeline."""

    title_key = "ui.ez.step_result"

    def shown(self, data: dict[str, Any]) -> None:
        from workbench.lebenslagen import elternzeit_result, elternzeit_sections
        from workbench.ui.zeitleiste import timeline_svg

        lang = self.language
        case = _load(data)
        today = self.today or date.today()
        with tracking() as used:
            result = elternzeit_result(case, today)
            sections = elternzeit_sections(case, lang, today)
        if result is None or not sections:
            self.out.value = f'<p lang="{lang}">{html.escape(text("ui.ez.no_periods", lang))}</p>'
            return
        section = sections[0]
        rows = ""
        for i, row in enumerate(section.rows):
            cells = "".join((f'<th scope="col">{html.escape(c)}</th>' if i == 0 else
                             f'<th scope="row">{html.escape(c)}</th>' if j == 0 else
                             f"<td>{html.escape(c)}</td>") for j, c in enumerate(row))
            rows += f'<tr data-period="{i}">{cells}</tr>' if i else f"<tr>{cells}</tr>"
        table = (f'<table class="wb-table wb-ez-periods"><caption>{html.escape(text("ls.section_ez", lang))}</caption>'
                 f"{rows}</table>")
        level_label = {"fehler": text("ui.ez.level_fehler", lang), "warnung": text("ui.ez.level_warnung", lang),
                       "hinweis": text("ui.ez.level_hinweis", lang)}
        level_class = {"fehler": "wb-alert wb-alert-general", "warnung": "wb-alert wb-alert-general", "hinweis": "wb-note"}
        from workbench.lebenslagen import parent_name

        findings = "".join(
            f'<div class="{level_class[h.level]} wb-ez-{h.level}" role="{"alert" if h.level != "hinweis" else "note"}">'
            f'<strong>{html.escape(level_label[h.level])}:</strong> '
            f'{html.escape(parent_name(case, h.parent, lang))}: {html.escape(h.text(lang))}</div>'
            for h in result.findings)
        paras = "".join(f"<p>{html.escape(p)}</p>" for p in section.paragraphs[: 1 + len(result.binding)])
        self.out.value = (f'<div lang="{lang}">{notes_html(used.provisional, used.unverified, lang)}{table}{findings or ""}{paras}'
                          f'<h3>{html.escape(text("ui.ls.timeline_title", lang))}</h3>{timeline_svg(case, lang, today)}'
                          f'<p class="wb-links"><a href="elterngeld.ipynb?case={html.escape(case.case_id)}">{html.escape(text("ui.ms.to_eg", lang))}</a></p></div>')

    def store(self, data: dict[str, Any], lenient: bool = False) -> bool:
        return True


class ElternzeitWizard(Wizard):
    """Familie → Kind → Zeiträume → Ergebnis."""

    def __init__(self, data: dict[str, Any], store: Store, version: int | None = None,
                 autosave_delay: float = 1.0, today: date | None = None) -> None:
        language = "en" if data.get("language") == "en" else "de"
        steps = [FamilieStep(language), EzKindStep(language), ZeitraeumeStep(language),
                 ElternzeitErgebnisStep(language, today)]
        super().__init__(steps, data, store, version, language, "ui.ez.title", autosave_delay)


# --- pages ---------------------------------------------------------------------------------------

def _today(params: dict[str, str]) -> date | None:
    try:
        return date.fromisoformat(params["today"]) if params.get("today") else None
    except ValueError:
        return None


def _open(kind: str, params: dict[str, str]) -> Wizard:
    """The Mutterschutz (``ms``) or Elternzeit (``ez``) wizard of the request, on the day of ``?today=``."""
    today = _today(params)
    make = MutterschutzWizard if kind == "ms" else ElternzeitWizard
    return open_case_wizard(params, default_store(), lambda data, store, version: make(data, store, version, today=today),
                            lambda language: new_case(kind.upper(), language))


def _show(kind: str) -> None:
    show_wizard_page(f"show_{kind}_wizard", lambda params: _open(kind, params))


def show_mutterschutz_wizard() -> None:
    """What ``notebooks/mutterschutz.ipynb`` shows; never a traceback."""
    _show("ms")


def show_elternzeit_wizard() -> None:
    """What ``notebooks/elternzeit.ipynb`` shows; never a traceback."""
    _show("ez")
