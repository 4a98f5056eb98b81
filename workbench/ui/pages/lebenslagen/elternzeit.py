"""The Elternzeit wizard (notebooks/elternzeit.ipynb): Familie → Kind → Zeiträume → Ergebnis.

The result shows each period's notice deadline and protection start, the findings (a deadline
already past is a warning) and the timeline with the Elterngeld months. ``?case=<id>`` opens a
saved case, ``?lang=en`` starts in English, ``?today=YYYY-MM-DD`` fixes the day the deadlines are
judged on (tests, or planning ahead).
"""

from __future__ import annotations

import html
from datetime import date
from decimal import Decimal
from typing import Any

import ipywidgets as w

from workbench.clock import today as clock_today
from workbench.i18n import format_date, text
from workbench.parameter_tracking import tracking
from workbench.ui.kit.fields import CheckField, ChoiceField, DateField, Field, NumberField
from workbench.ui.kit.lists import Row, RowList
from workbench.ui.kit.parameter_notes import notes_html
from workbench.ui.kit.step import WizardStep
from workbench.ui.kit.familie import PLAN_CHILD, FamilieStep, keep_birth_together
from workbench.ui.pages.lebenslagen.page import LebenslageWizard, load
from workbench.ui.pages.lebenslagen.result import ResultStep, result_html, section_table


class EzKindStep(WizardStep):
    """The child's birth (or due) date."""

    title_key = "ui.ez.step_child"

    def build(self) -> None:
        lang = self.language
        self.birth = DateField("ui.eg.child_birth", lang)
        self.expected = CheckField("ui.eg.expected", lang)
        # who gives birth and gets Mutterschaftsgeld: chosen, never "parent 1" by default (issue 16)
        self.maternity = ChoiceField("ui.ez.birth_parent", lang, [("ui.ez.birth_parent_none", "")])
        for field in (self.birth, self.expected, self.maternity):
            self.watch(field)
        note = w.HTML(f'<p class="wb-note" lang="{lang}">{html.escape(text("ui.ez.child_hint", lang))}</p>')
        self.body.children = (self.birth.widget, self.expected.widget, self.maternity.widget, note)

    def fields(self) -> dict[str, Field]:
        return {"household.children[0].birth_date": self.birth, "household.children[0].expected": self.expected}

    def area(self) -> tuple[str, ...]:
        return ("household.children", "household.parents")

    def load(self, data: dict[str, Any]) -> None:
        """The parents by name as the choices; the one recorded with Mutterschaftsgeld chosen (else none)."""
        super().load(data)
        parents = (data.get("household") or {}).get("parents") or []
        lang = self.language
        names = [(str(p.get("name") or "").strip() or text("ui.eg.parent_heading", lang, number=i + 1), str(p["id"]))
                 for i, p in enumerate(parents)]
        self.maternity.input.options = names + [(text("ui.ez.birth_parent_none", lang), "")]
        chosen = next((str(p["id"]) for p in parents if p.get("maternity_benefit")), "")
        self.maternity.input.value = chosen

    def store(self, data: dict[str, Any], lenient: bool = False) -> bool:
        """The chosen parent gets Mutterschaftsgeld (her protection period counts towards her two years,
        § 16 Abs. 1 Satz 4 BEEG); the others do not get it."""
        data.setdefault("elternzeit", {"child": PLAN_CHILD, "periods": []})
        ok = super().store(data, lenient)
        chosen = str(self.maternity.input.value or "")
        for parent in data["household"]["parents"]:  # gives_birth is left as it is: reading must not write (ADR 0016)
            if parent.get("id") == chosen:
                parent["maternity_benefit"] = True
            elif parent.get("maternity_benefit"):
                parent["maternity_benefit"] = False
        keep_birth_together(data)
        return ok

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
                    "start": DateField("ui.ez.start", lang, "ui.error.ez_start_empty"),
                    "end": DateField("ui.ez.end", lang, "ui.error.ez_end_empty"),
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


class ElternzeitErgebnisStep(ResultStep):
    """Each period's dates, the findings and the timeline."""

    title_key = "ui.ez.step_result"

    def shown(self, data: dict[str, Any]) -> None:
        self.data, self.download.value = data, ""  # the handout is made from the case as shown
        from workbench.evaluation.lebenslagen import elternzeit_result
        from workbench.report.lebenslagen import elternzeit_sections
        from workbench.ui.pages.lebenslagen.zeitleiste import timeline_svg

        lang = self.language
        case = load(data)
        today = self.today or clock_today()
        with tracking() as used:
            result = elternzeit_result(case, today)
            sections = elternzeit_sections(case, lang, today)
        if result is None or not sections:
            self.out.value = f'<p lang="{lang}">{html.escape(text("ui.ez.no_periods", lang))}</p>'
            return
        section = sections[0]
        table = section_table(section.rows, text("ls.section_ez", lang), "wb-ez-periods", row_attribute="data-period")
        level_label = {"fehler": text("ui.ez.level_fehler", lang), "warnung": text("ui.ez.level_warnung", lang),
                       "hinweis": text("ui.ez.level_hinweis", lang)}
        level_class = {"fehler": "wb-alert wb-alert-general", "warnung": "wb-alert wb-alert-general", "hinweis": "wb-note"}
        from workbench.report.lebenslagen import parent_name

        findings = "".join(
            f'<div class="{level_class[h.level]} wb-ez-{h.level}" role="{"alert" if h.level != "hinweis" else "note"}">'
            f'<strong>{html.escape(level_label[h.level])}:</strong> '
            f'{html.escape(parent_name(case, h.parent, lang))}: {html.escape(h.text(lang))}</div>'
            for h in result.findings)
        paras = "".join(f"<p>{html.escape(p)}</p>" for p in section.paragraphs[: 1 + len(result.binding)])
        self.out.value = result_html(lang, notes_html(used.provisional, used.unverified, lang), table + findings + paras,
                                     timeline_svg(case, lang, today), "", [(f"elterngeld.ipynb?case={case.case_id}", "ui.ms.to_eg")])


class ElternzeitWizard(LebenslageWizard):
    """Familie → Kind → Zeiträume → Ergebnis."""

    wizard_title = "ui.ez.title"
    step_types = (FamilieStep, EzKindStep, ZeitraeumeStep)
    result_type = ElternzeitErgebnisStep
