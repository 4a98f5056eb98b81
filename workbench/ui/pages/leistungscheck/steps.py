"""Steps of the Leistungscheck wizard: Kinder, Einkommen und Wohnung, Ergebnis (Familie is the Elterngeld wizard's).

Only what the six benefits need is asked, and only where it matters: maintenance received only
for a single parent, gross and net pay only for a parent who works. A case the Elterngeld wizard
saved keeps its parents and children; a parent's income before the birth is offered as the
current income until the advisor changes it.
"""

from __future__ import annotations

import base64
import html
from decimal import Decimal
from typing import Any

import ipywidgets as w

from workbench.errors import UnsupportedPeriod

from workbench.case import DEFAULT_MUNICIPALITY
from workbench.i18n import format_money, text
from workbench.ui.kit.callbacks import guarded
from workbench.ui.pages.leistungscheck.summary import summary_html
from workbench.ui.kit.fields import CheckField, ChoiceField, DateField, Field, MoneyField, NumberField, TextField
from workbench.ui.kit.familie import RUNNING, fragen_in_use, kind_fragen
from workbench.ui.kit.herkunft import (
    RELATION, TWIN, births_adjacent, link_twins, parent_ids_of, relation_of, twin_flags, write_relation,
)
from workbench.ui.kit.lists import Row, RowList
from workbench.ui.kit.parents import ParentSection, parent_heading, per_parent
from workbench.ui.kit.step import WizardStep

EDUCATION = [("ui.lc.edu_none", "none"), ("ui.lc.edu_kita", "kita"), ("ui.lc.edu_school", "school"),
             ("ui.lc.edu_vocational_school", "vocational_school"), ("ui.lc.edu_training", "vocational_training"),
             ("ui.lc.edu_university", "university"), ("ui.lc.edu_voluntary", "voluntary_service"),
             ("ui.lc.edu_unemployed", "unemployed_registered")]
KINDS = [("ui.lc.kind_employee", "employee"), ("ui.lc.kind_minijob", "minijob"),
         ("ui.lc.kind_self_employed", "self_employed"), ("ui.lc.kind_none", "none")]


def _drop_empty(target: dict[str, Any]) -> None:
    """Remove keys an optional field left empty (``None``), so the case takes the default."""
    for key in [k for k, v in target.items() if v is None]:
        del target[key]


def _running_kindergeld(child: dict[str, Any], running: bool, data: dict[str, Any]) -> None:
    """``receives.kindergeld`` present (paid to the first parent unless the case says otherwise) or gone."""
    receives = child.setdefault("receives", {})
    if running:
        parents = data.get("household", {}).get("parents") or [{"id": "A"}]
        receives.setdefault("kindergeld", {}).setdefault("parent", parents[0].get("id", "A"))
    else:
        receives.pop("kindergeld", None)
    if not receives:
        child.pop("receives", None)


class KinderStep(WizardStep):
    """Every child: birth date, school or training, maintenance (single parent only), lunch costs."""

    title_key = "ui.lc.step_children"

    def build(self) -> None:
        lang = self.language
        hint = w.HTML(f'<p lang="{lang}">{html.escape(text("ui.lc.children_hint", lang))}</p>')
        self.children = RowList("household.children", self._row, lang, "ui.lc.add_child", "ui.lc.remove_child",
                                lambda: self.on_change(), lambda r: self.on_error(r), min_rows=1)
        self.single = False
        self.body.children = (hint, self.children.widget)

    def _row(self, index: int) -> Row:
        lang = self.language
        return Row({"birth_date": DateField("ui.lc.child_birth", lang),
                    "situation.education": ChoiceField("ui.lc.education", lang, EDUCATION),
                    "situation.maintenance_monthly": MoneyField("ui.lc.maintenance", lang, optional=True, example=300),
                    "situation.lunch_monthly": MoneyField("ui.lc.lunch", lang, optional=True, example=70),
                    # the family-shape questions every wizard asks the same way (ui/kit/familie.py)
                    **kind_fragen(lang, twin=True, kindergeld=True)}, "ui.lc.child_heading")

    def fields(self) -> dict[str, Field]:
        virtual = (RUNNING, RELATION, TWIN)
        fields = {p: f for p, f in self.children.fields().items() if not p.endswith(virtual)}
        fields = {p: f for p, f in fields.items() if ".placement." not in p or self._asked(p)}
        if not self.single:
            fields = {p: f for p, f in fields.items() if not p.endswith("maintenance_monthly")}
        return fields

    def area(self) -> tuple[str, ...]:
        return ("household.children",)

    def _asked(self, path: str) -> bool:
        """Whether the row of ``path`` asks this placement question (the day when taken in, why and how related for
        relatives, :func:`workbench.ui.kit.familie.fragen_in_use`)."""
        rows = self.children.rows
        index = int(path.split("[", 1)[1].split("]", 1)[0]) if "[" in path else -1
        return 0 <= index < len(rows) and path.rsplit("].", 1)[-1] in fragen_in_use(rows[index].fields)

    def _show(self, data: dict[str, Any]) -> None:
        self.single = bool(data.get("household", {}).get("single_parent"))
        for index, row in enumerate(self.children.rows):
            row.fields["situation.maintenance_monthly"].widget.layout.display = None if self.single else "none"
            fragen_in_use(row.fields)
            row.fields[TWIN].widget.layout.display = None if index > 0 else "none"

    def load(self, data: dict[str, Any]) -> None:
        household = data.get("household", {})
        children = household.get("children", [])
        if children:  # the children of one birth one below the other, so "Zwilling des Kindes darüber" fits
            children = household["children"] = births_adjacent(children)
        parent_ids = parent_ids_of(data)
        self.children.resize(max(1, len(children)))
        for row, child in zip(self.children.rows, children):
            row.fields[RELATION].write(relation_of(child, parent_ids))
        self._show(data)
        super().load(data)
        for row, child, twin in zip(self.children.rows, children, twin_flags(children)):
            row.fields[RUNNING].write((child.get("receives") or {}).get("kindergeld") is not None)
            row.fields[TWIN].write(twin)
            row.fields["placement.date"].write((child.get("placement") or {}).get("date"))

    def shown(self, data: dict[str, Any]) -> None:
        self._show(data)

    def store(self, data: dict[str, Any], lenient: bool = False) -> bool:
        household = data.setdefault("household", {})
        children = self.children.resize_items(household.get("children", []), lambda i: {})
        used = {c.get("id") for c in children}
        for i, child in enumerate(children):
            if not child.get("id"):
                n = i + 1
                while f"K{n}" in used:
                    n += 1
                child["id"] = f"K{n}"
                used.add(child["id"])
            child.setdefault("situation", {})
        household["children"] = children
        self._show(data)
        parent_ids = parent_ids_of(data)
        for row, child in zip(self.children.rows, children):
            write_relation(child, row.fields[RELATION].read(), parent_ids)
        ok = super().store(data, lenient)
        link_twins(children, [i > 0 and bool(row.fields[TWIN].read()) for i, row in enumerate(self.children.rows)])
        for row, child in zip(self.children.rows, children):
            _drop_empty(child["situation"])
            kindergeld = (child.get("receives") or {}).get("kindergeld")
            if kindergeld is not None:
                _drop_empty(kindergeld)
            # a Kindergeldnummer says it runs even without the box
            _running_kindergeld(child, bool(row.fields[RUNNING].read()) or bool(kindergeld and kindergeld.get("number")),
                                data)
        return ok


class IncomeRow(ParentSection):
    """One parent's current income; gross and net only when the parent works."""

    def __init__(self, index: int, language: str) -> None:
        lang = language
        self.fields: dict[str, Field] = {
            "kind": ChoiceField("ui.lc.income_kind", lang, KINDS),
            "gross_monthly": MoneyField("ui.lc.gross", lang, example=3000),
            "net_monthly": MoneyField("ui.lc.net", lang, optional=True, example=2100),
            "taxable_income_year": MoneyField("ui.lc.taxable", lang, optional=True, example=40000),
        }
        super().__init__(f"household.parents[{index}].current_income", list(self.fields.values()), self.fields["kind"])

    def working(self) -> bool:
        return bool(self.fields["kind"].input.value != "none")

    def show_kind(self) -> None:
        for name in ("gross_monthly", "net_monthly"):
            self.fields[name].widget.layout.display = None if self.working() else "none"

    def by_path(self) -> dict[str, Field]:
        used = self.fields if self.working() else {k: f for k, f in self.fields.items()
                                                   if k not in ("gross_monthly", "net_monthly")}
        return {f"{self.prefix}.{name}": f for name, f in used.items()}


class EinkommenWohnenStep(WizardStep):
    """Current income per parent, the rent, wealth, Bürgergeld, the day of the check."""

    title_key = "ui.lc.step_income"

    def build(self) -> None:
        lang = self.language
        self.rows: list[IncomeRow] = []
        self.parents_box = w.VBox([])
        h = "household"
        self.home: dict[str, Field] = {
            f"{h}.municipality": TextField("ui.lc.municipality", lang),
            f"{h}.housing.rent_cold": MoneyField("ui.lc.rent_cold", lang, example=650),
            f"{h}.housing.utilities_cold": MoneyField("ui.lc.utilities", lang, optional=True, example=180),
            f"{h}.housing.heating": MoneyField("ui.lc.heating", lang, example=90),
            f"{h}.housing.living_space_sqm": NumberField("ui.lc.space", lang, Decimal(1), Decimal(1000), "ui.lc.space_error"),
            f"{h}.benefits.wealth": MoneyField("ui.lc.wealth", lang, optional=True),
            f"{h}.benefits.receives_buergergeld": CheckField("ui.lc.buergergeld", lang),
            # the day of the check (empty: the day it is computed, issue 24); replaces the older benefits.year
            f"{h}.benefits.check_date": DateField("desk.lc.check_date", lang, empty_key=None),
        }
        for field in self.home.values():
            self.watch(field)
        home_heading = w.HTML(f'<h3 lang="{lang}">{html.escape(text("ui.lc.home", lang))}</h3>')
        self.body.children = (self.parents_box, home_heading, *[f.widget for f in self.home.values()])

    def _row(self, index: int) -> IncomeRow:
        row = IncomeRow(index, self.language)
        for field in row.fields.values():
            self.watch(field)
        return row

    def _ensure(self, data: dict[str, Any]) -> None:
        parents = data.get("household", {}).get("parents", [])
        per_parent(self.rows, parents, self._row)
        for i, (row, parent) in enumerate(zip(self.rows, parents)):
            row.heading.value = parent_heading(parent, i, self.language)
            row.show_kind()
        self.parents_box.children = tuple(r.widget for r in self.rows)

    def fields(self) -> dict[str, Field]:
        return {**{p: f for r in self.rows for p, f in r.by_path().items()}, **self.home}

    def area(self) -> tuple[str, ...]:
        return ("household.housing", "household.benefits", "household.municipality",
                *[f"household.parents[{i}].current_income" for i in range(len(self.rows))])

    def load(self, data: dict[str, Any]) -> None:
        self._ensure(data)
        prefill(data)
        super().load(data)
        benefits = data.get("household", {}).get("benefits") or {}
        if not benefits.get("check_date") and isinstance(benefits.get("year"), int):
            # an older case chose a year: it is computed for 1 July of it, and the field says so (issue 24)
            self.home["household.benefits.check_date"].write(f"{benefits['year']:04d}-07-01")
        if not self.home["household.municipality"].input.value:
            self.home["household.municipality"].input.value = DEFAULT_MUNICIPALITY
        for row in self.rows:
            row.show_kind()

    def shown(self, data: dict[str, Any]) -> None:
        if len(self.rows) != len(data.get("household", {}).get("parents", [])):
            self.load(data)

    def store(self, data: dict[str, Any], lenient: bool = False) -> bool:
        self._ensure(data)
        household = data.setdefault("household", {})
        for i, row in enumerate(self.rows):
            # a fresh object when the kind changed (a profit must not stay with an employee); with the same kind
            # what this step does not ask (tax class, hours from a case file) stays, or "Weiter" would drop it
            before = household["parents"][i].get("current_income") or {}
            kind = row.fields["kind"].input.value
            kept = {k: v for k, v in before.items() if k not in row.fields} if before.get("kind") == kind else {}
            household["parents"][i]["current_income"] = {**kept, "kind": kind}
        household.setdefault("housing", {})
        year = household.setdefault("benefits", {}).get("year")
        ok = super().store(data, lenient)
        benefits = household["benefits"]
        if year is not None:  # an older case's year shows as its day, 1 July; a changed day replaces it
            if benefits.get("check_date") == f"{year:04d}-07-01":
                benefits.pop("check_date")  # unchanged: the case stays as it was (reading never writes)
            else:
                benefits.pop("year", None)
        for i in range(len(self.rows)):
            _drop_empty(household["parents"][i]["current_income"])
        _drop_empty(household["housing"])
        _drop_empty(household["benefits"])
        return ok


def prefill(data: dict[str, Any]) -> None:
    """A parent without current income gets the income before the birth (from the Elterngeld wizard) as a start."""
    for parent in data.get("household", {}).get("parents", []):
        before = parent.get("income_before_birth") or {}
        if "current_income" in parent or not before:
            continue
        kind = before.get("kind", "none")
        if kind in ("employee", "minijob", "self_employed") and before.get("gross_monthly") is not None:
            parent["current_income"] = {"kind": kind, "gross_monthly": before["gross_monthly"],
                                        "tax_class": before.get("tax_class", 1)}


def card_html(name: str, result: dict[str, Any], language: str, as_of: str = "") -> str:
    """One benefit as a card: amount, the day it is computed for, entitled or not, why, what to do next,
    "bitte prüfen", the steps."""
    lang = language
    day = f'<p class="wb-card-date" data-as-of="{name}">{html.escape(as_of)}</p>' if as_of else ""
    status = {True: "yes", False: "no", None: "check"}[result["eligible"]]
    running_key = "leistungen.status.running"
    amount = format_money(Decimal(str(result["monthly"])), lang)
    check = (f' <span class="wb-check" data-check="1">{html.escape(text("leistungen.bitte_pruefen", lang))}</span>'
             if result["bitte_pruefen"] else "")
    reasons = "".join(f"<li>{html.escape(r)}</li>" for r in result["reasons"])
    note = result.get("provisional_note")
    provisional = f'<p class="wb-provisional" data-provisional="1">{html.escape(note)}</p>' if note else ""
    office = result["office"]
    channel = text(f"ui.lc.channel_{office['channel']}", lang)
    online = f' – {html.escape(office["online"])}' if office["online"] else ""
    todo = ""
    if result.get("running"):  # already received: no application to recommend
        todo = (f'<h4>{html.escape(text("ui.lc.next", lang))}</h4><p data-running="{name}">'
                f'{html.escape(text("leistungen.handout.running", lang, benefit=text(f"leistungen.name.{name}", lang)))}</p>')
    elif result["eligible"] is not False:
        check_number = " (" + text("leistungen.form_number_check", lang) + ")"  # the advisor's register only
        forms = "".join(f"<li>{html.escape(f + (check_number if f in result.get('forms_number_unverified', ()) else ''))}</li>"
                        for f in result["forms"])
        deadlines = "".join(f"<li>{html.escape(d)}</li>" for d in result["deadlines"])
        documents = "".join(f"<li>{html.escape(d)}</li>" for d in result["documents"])
        todo = (f'<h4>{html.escape(text("ui.lc.next", lang))}</h4>'
                f'<p><strong>{html.escape(office["name"])}</strong> ({html.escape(channel)}{online})</p>'
                f'<p>{html.escape(text("ui.lc.forms", lang))}</p><ul>{forms}</ul>'
                f'<p>{html.escape(text("ui.lc.deadlines", lang))}</p><ul>{deadlines}</ul>'
                f'<p>{html.escape(text("ui.lc.documents", lang))}</p><ul>{documents}</ul>')
    steps = "".join(f"<li>{html.escape(s)}</li>" for s in result["explanation"])
    how = (f'<details><summary>{html.escape(text("ui.result.how", lang))}</summary>{provisional}'
           f'<ol class="wb-explanation">{steps}</ol></details>') if steps else ""  # the steps use the same values
    return (f'<section class="wb-card wb-card-{status}" data-benefit="{name}" lang="{lang}">'
            f'<h3>{html.escape(text(f"leistungen.name.{name}", lang))}</h3>'
            f'<p class="wb-card-amount"><span data-amount="{name}">{html.escape(amount)}</span> '
            f'{html.escape(text("ui.lc.per_month", lang))}</p>{day}'
            f'<p class="wb-card-status">{html.escape(text(running_key if result.get("running") else f"leistungen.status.{status}", lang))}{check}</p>'
            f'{provisional}'
            f'<h4>{html.escape(text("ui.lc.why", lang))}</h4><ul>{reasons}</ul>{todo}{how}</section>')


class ErgebnisStep(WizardStep):
    """Cards for the six benefits, the hints, and the handout with the benefits."""

    title_key = "ui.lc.step_result"

    def build(self) -> None:
        lang = self.language
        self.hints = w.HTML()
        self.summary = w.HTML()  # the day, the monthly total, the months ahead (issue 24)
        self.cards = w.HTML()
        self.case: Any = None
        self.make_pdf = w.Button(description=text("ui.lc.handout", lang), icon="file-pdf-o", layout=w.Layout(width="auto"))
        self.make_pdf.add_class("wb-handout")
        self.make_pdf.on_click(guarded(lambda _b: self._handout(), lambda r: self.on_error(r)))
        self.download = w.HTML()
        from workbench.ui.pages.vergleich.merkblatt import handout_language_choice

        self.pdf_language = handout_language_choice(lang)  # Deutsch, Leichte Sprache, Englisch (ADR 0040)
        self.body.children = (self.summary, self.hints, self.cards, self.pdf_language, self.make_pdf, self.download)

    def shown(self, data: dict[str, Any]) -> None:
        from workbench.case import load_case
        from workbench.evaluation.leistungscheck import leistungscheck
        from workbench.report.leistungscheck import check_json

        lang = self.language
        self.case = load_case(data)
        try:
            result = check_json(leistungscheck(self.case), lang, self.case)
        except UnsupportedPeriod as error:  # a year before the first values: say which years are supported
            self.hints.value = f'<div class="wb-alert wb-alert-general" role="alert" lang="{lang}">{html.escape(error.text(lang))}</div>'
            self.cards.value = self.download.value = self.summary.value = ""
            self.case = None
            return
        hints = "".join(f'<li data-hint="{html.escape(h["key"])}">{html.escape(h["text"])}</li>' for h in result["hints"])
        self.hints.value = (f'<div class="wb-note wb-hints" lang="{lang}"><h3>{html.escape(text("ui.lc.hints", lang))}'
                            f"</h3><ul>{hints}</ul></div>") if hints else ""
        self.summary.value = summary_html(result, lang)
        self.cards.value = ('<div class="wb-cards">' + "".join(card_html(n, r, lang, result["as_of"])
                                                               for n, r in result["benefits"].items())
                            + "</div>")
        self.download.value = ""

    def _handout(self) -> None:
        from workbench.report import handout_pdf
        from workbench.report.leistungscheck import leistungscheck_sections

        if self.case is None:
            return
        lang, chosen = self.language, self.pdf_language.value
        pdf = handout_pdf(self.case, chosen, leistungscheck_sections(self.case, "en" if chosen == "en" else "de"))
        data = base64.b64encode(pdf).decode("ascii")
        name = f"merkblatt-{self.case.case_id}{'-leichte-sprache' if chosen == 'de-LS' else ''}.pdf"
        self.download.value = (f'<p lang="{lang}"><a class="wb-download" download="{html.escape(name)}" '
                               f'href="data:application/pdf;base64,{data}">{html.escape(text("ui.lc.download", lang))}</a></p>')

    def store(self, data: dict[str, Any], lenient: bool = False) -> bool:
        return True
