""""Beste Aufteilung finden": the family's wishes in plain widgets, turned into optimizer constraints.

Each wish maps to a field of ``elterngeld_plan.constraints`` (``workbench/case/constraints.py``,
``docs/optimizer.md``) or to the part-time work of a parent (``income_after_birth``):

- at least / at most months at home → ``min_months`` / ``max_months``
- at home in Lebensmonate n to m → ``at_home``
- back at work by Lebensmonat n → ``return_to_work.latest``
- both parents at home in Lebensmonat 1 → ``both_at_home_month_1``
- at least … € a month for the household → ``min_household_income``
- part-time from n to m with hours and gross → one ``income_after_birth`` range (a parent with
  several ranges keeps them as entered in the wizard; the form then only says so)
- full time again from Lebensmonat n (or at home) → ``work.<id>.full_time_from``
- part-time in the Plus/Bonus months, the search choosing them → ``work.<id>.part_time`` (the hours and
  gross of the part-time fields; no fixed months)
- rank by the household's money or by Elterngeld alone → ``objective``

Nothing entered means no constraint. :meth:`Wuensche.apply` writes the wishes into the case dict
or returns the catalog keys of entries it cannot read.
"""

from __future__ import annotations

import html
from decimal import Decimal
from typing import Any

import ipywidgets as w

from workbench.i18n import text
from workbench.ui.kit.fields import json_number
from workbench.ui.kit.widgets import FieldMessage, MoneyFormatError, format_amount_input, parse_money, text_input

LEBENSMONATE = 32
ANY = -1  # "egal": a Dropdown shows nothing for the value None, so the empty choice has its own value
HOME = 0  # "bleibt zu Hause": no full-time work in Lebensmonate 1–32 (``full_time_from: null``)
WISH_STYLE = {"description_width": "20em"}
NARROW = {"width": "30em", "max_width": "100%"}
TO_STYLE = {"description_width": "2.5em"}
TO_LAYOUT = {"width": "12em"}
WIDE = {"width": "40em", "max_width": "100%"}


def _months(language: str, first: int = 1, any_key: str = "vgl.wish_any") -> list[tuple[str, int]]:
    return [(text(any_key, language), ANY)] + [(str(n), n) for n in range(first, LEBENSMONATE + 1)]


def _dropdown(label: str, options: list[tuple[str, int]], value: Any, to: bool = False) -> w.Dropdown:
    values = [v for _, v in options]
    return w.Dropdown(description=label, options=options, value=value if value in values else ANY,
                      style=TO_STYLE if to else WISH_STYLE, layout=w.Layout(**(TO_LAYOUT if to else NARROW)))


def _chosen(dropdown: w.Dropdown) -> int | None:
    """The month or count chosen, None for "egal"."""
    value = int(dropdown.value)
    return None if value == ANY else value


class ParentWishes:
    """The wishes for one parent: months at home, return to work, part-time work."""

    def __init__(self, parent: dict[str, Any], name: str, constraints: dict[str, Any], language: str) -> None:
        lang = language
        pid = str(parent["id"])
        self.pid = pid
        at_home = sorted(constraints.get("at_home", {}).get(pid, []))
        contiguous = at_home and at_home == list(range(at_home[0], at_home[-1] + 1))
        self.min_months = _dropdown(text("vgl.wish_min_months", lang, parent=name), _months(lang),
                                    constraints.get("min_months", {}).get(pid))
        self.max_months = _dropdown(text("vgl.wish_max_months", lang, parent=name), _months(lang),
                                    constraints.get("max_months", {}).get(pid))
        self.home_from = _dropdown(text("vgl.wish_home_from", lang, parent=name), _months(lang),
                                   at_home[0] if contiguous else None)
        self.home_to = _dropdown(text("vgl.wish_home_to", lang), _months(lang), at_home[-1] if contiguous else None,
                                 to=True)
        self.back_by = _dropdown(text("vgl.wish_return", lang, parent=name), _months(lang, 2),
                                 constraints.get("return_to_work", {}).get(pid, {}).get("latest"))
        work = parent.get("income_after_birth") or []
        self.several = len(work) > 1
        first = work[0] if len(work) == 1 else {}
        none = "vgl.wish_work_none"
        self.work_from = _dropdown(text("vgl.wish_work_from", lang, parent=name), _months(lang, any_key=none),
                                   first.get("from_month"))
        self.work_to = _dropdown(text("vgl.wish_home_to", lang), _months(lang, any_key=none), first.get("to_month"),
                                 to=True)
        self.hours = text_input(description=text("vgl.wish_work_hours", lang, parent=name), style=WISH_STYLE,
                            layout=w.Layout(**NARROW), value=str(first.get("hours_per_week", "")))
        gross = first.get("gross_monthly")
        self.gross = text_input(description=text("vgl.wish_work_gross", lang, parent=name), style=WISH_STYLE,
                            layout=w.Layout(**WIDE),
                            value="" if gross is None else format_amount_input(Decimal(str(gross)), lang))
        self.message = FieldMessage(lang)
        wish = constraints.get("work", {}).get(pid, {})
        full = wish.get("full_time_from", ANY) if wish else ANY
        self.full_time = _dropdown(text("vgl.wish_full_time", lang, parent=name),
                                   _months(lang, 2, "vgl.wish_full_time_any") + [(text("vgl.wish_full_time_home", lang), HOME)],
                                   HOME if wish and full is None else full)
        self.flexible = w.Checkbox(description=text("vgl.wish_part_time_flexible", lang, parent=name), indent=True,
                                   value=bool(wish.get("part_time")), style={"description_width": "initial"},
                                   layout=w.Layout(width="auto", max_width="100%"))
        if wish.get("part_time"):
            self.hours.value = str(wish["part_time"].get("hours_per_week", ""))
            self.gross.value = format_amount_input(Decimal(str(wish["part_time"]["gross_monthly"])), lang)
        rows: list[w.Widget] = [self.min_months, self.max_months, w.HBox([self.home_from, self.home_to]), self.back_by,
                                self.full_time]
        if self.several:
            note = html.escape(text("vgl.wish_work_several", lang, parent=name))
            rows.append(w.HTML(f'<p class="wb-note" lang="{lang}">{note}</p>'))
        else:
            rows += [self.flexible, w.HBox([self.work_from, self.work_to]), self.hours, self.gross]
        self.widget = w.VBox([*rows, self.message.widget])
        self.widget.add_class("wb-section")

    def apply(self, constraints: dict[str, Any], parent: dict[str, Any], language: str) -> bool:
        """Write this parent's wishes; False (message shown) when the part-time entries cannot be read."""
        pid = self.pid
        self.message.clear()
        for field, value in (("min_months", _chosen(self.min_months)), ("max_months", _chosen(self.max_months))):
            if value is not None:
                constraints.setdefault(field, {})[pid] = value
        home_from, home_to = _chosen(self.home_from), _chosen(self.home_to)
        if home_from is not None:
            constraints.setdefault("at_home", {})[pid] = list(range(home_from, max(home_to or home_from, home_from) + 1))
        back_by = _chosen(self.back_by)
        if back_by is not None:
            constraints.setdefault("return_to_work", {})[pid] = {"latest": back_by}
        full = int(self.full_time.value)
        wish: dict[str, Any] = {}
        if full != ANY:
            wish["full_time_from"] = None if full == HOME else full
        if self.several:
            if wish:
                constraints.setdefault("work", {})[pid] = wish
            return True
        work_from, work_to = _chosen(self.work_from), _chosen(self.work_to)
        flexible = bool(self.flexible.value)
        if not flexible and work_from is None and not str(self.hours.value).strip() and not str(self.gross.value).strip():
            parent["income_after_birth"] = []
            if wish:
                constraints.setdefault("work", {})[pid] = wish
            return True
        if work_from is None and not flexible:
            self.message.show("vgl.wish_work_incomplete")
            return False
        read = self._hours_and_gross(language)
        if read is None:
            return False
        hours, gross = read
        if flexible:  # the search chooses the months: part-time in every Plus/Bonus month it gives the parent
            parent["income_after_birth"] = []
            wish["part_time"] = {"hours_per_week": json_number(hours), "gross_monthly": json_number(gross),
                                 "during": "plus_bonus"}
        elif work_from is not None:
            parent["income_after_birth"] = [{"from_month": work_from, "to_month": max(work_to or work_from, work_from),
                                             "gross_monthly": json_number(gross), "hours_per_week": json_number(hours)}]
        if wish:
            constraints.setdefault("work", {})[pid] = wish
        return True

    def _hours_and_gross(self, language: str) -> tuple[Decimal, Decimal] | None:
        """The part-time hours (1–32, § 1 Abs. 6 BEEG) and gross pay, or None with the message shown."""
        raw = str(self.hours.value).strip().replace(",", ".")
        try:
            hours = Decimal(raw)
        except ArithmeticError:
            hours = Decimal(-1)
        if not hours.is_finite() or not Decimal(1) <= hours <= Decimal(32):
            self.message.show("vgl.wish_hours_invalid")
            return None
        try:
            gross = parse_money(str(self.gross.value), language)
        except MoneyFormatError as error:
            self.message.show(error.key)
            return None
        return hours, gross


class Wuensche:
    """The whole form: per parent, then the household's wishes, then the button."""

    def __init__(self, data: dict[str, Any], names: dict[str, str], language: str) -> None:
        lang = language
        self.language = language
        plan = data.get("elterngeld_plan") or {}
        constraints: dict[str, Any] = dict(plan.get("constraints") or {})
        self.parents = [ParentWishes(p, names[p["id"]], constraints, lang) for p in data["household"]["parents"]]
        self.both_month_1 = w.Checkbox(description=text("vgl.wish_both_month_1", lang), indent=True,
                                       value=bool(constraints.get("both_at_home_month_1")), style=WISH_STYLE)
        income = constraints.get("min_household_income")
        self.min_income = text_input(description=text("vgl.wish_min_income", lang), style=WISH_STYLE,
                                 placeholder=text("vgl.wish_min_income_placeholder", lang),
                                 layout=w.Layout(**WIDE),
                                 value="" if income is None else format_amount_input(Decimal(str(income)), lang))
        self.income_message = FieldMessage(lang)
        self.objective = w.Dropdown(description=text("vgl.wish_objective", lang), style=WISH_STYLE,
                                    options=[(text("vgl.wish_objective_auto", lang), ""),
                                             (text("vgl.wish_objective_household", lang), "household_income"),
                                             (text("vgl.wish_objective_elterngeld", lang), "elterngeld")],
                                    value=constraints.get("objective") or "", layout=w.Layout(**WIDE))
        household: list[w.Widget] = [self.objective, self.min_income, self.income_message.widget]
        if len(self.parents) == 2:
            household.insert(0, self.both_month_1)
        box = w.VBox(household)
        box.add_class("wb-section")
        self.widget = w.VBox([*(p.widget for p in self.parents), box])
        self.widget.add_class("wb-wishes")

    def apply(self, data: dict[str, Any]) -> bool:
        """Write the wishes into ``data`` (constraints and part-time work); False if an entry cannot be read."""
        lang = self.language
        constraints: dict[str, Any] = {}
        parents = {p["id"]: p for p in data["household"]["parents"]}
        ok = all([p.apply(constraints, parents[p.pid], lang) for p in self.parents])
        self.income_message.clear()
        if str(self.min_income.value).strip():
            try:
                constraints["min_household_income"] = json_number(parse_money(str(self.min_income.value), lang))
            except MoneyFormatError as error:
                self.income_message.show(error.key)
                ok = False
        if self.both_month_1.value and len(self.parents) == 2:
            constraints["both_at_home_month_1"] = True
        if self.objective.value:  # "" = automatic (comparison_objective): not stored
            constraints["objective"] = self.objective.value
        if not ok:
            return False
        plan = data.setdefault("elterngeld_plan", {"child": data["household"]["children"][0]["id"], "months": {}})
        if constraints:
            plan["constraints"] = constraints
        else:
            plan.pop("constraints", None)
        return True
