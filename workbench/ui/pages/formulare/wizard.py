"""The forms wizard (``notebooks/formulare.ipynb``): choose a form, ask for what is missing, fill, look, download.

1. A saved case: ``formulare.ipynb?case=<id>``, or picked from the list of saved cases.
2. The forms that fit the case (:func:`workbench.forms.produce.offered_forms`) and the parent it is for.
3. **Fehlende Angaben**: what the form needs that the case lacks, one input per value (Steuer-ID and
   IBAN are checked as they are typed); "In den Fall übernehmen" validates with the case model,
   shows each problem next to its field and saves a new version of the case (never overwriting
   another advisor's save).
4. "Formular ausfüllen": the filled PDF (optionally flattened), page images (pdftoppm at low
   resolution) and a download link. For the Elternzeit letter, the notice deadline (§ 16 BEEG),
   with a warning when it has passed. A blank of an edition not meant for the child's birth date
   is filled with a warning above the download.
5. **Vordrucke** (closed section at the end): which blanks are ready, and an upload for downloaded
   ones (:mod:`workbench.ui.pages.formulare.vordrucke`).
"""

from __future__ import annotations

import base64
import copy
import html
import shutil
import subprocess
import tempfile
from pathlib import Path
from collections.abc import Callable
from typing import Any

import ipywidgets as w
from IPython.display import display
from pydantic import ValidationError

from workbench.case import Case, load_case, set_path, validation_problems
from workbench.clock import today as clock_today
from workbench.errors import CaseError, WorkbenchError
from workbench.forms.produce import default_applicant, missing_data, offered_forms, produce
from workbench.forms.registry import get_map
from workbench.i18n import text
from workbench.ui.kit.callbacks import guarded
from workbench.ui.kit.fields import FieldError
from workbench.ui.kit.saving import Store, content
from workbench.ui.kit.theme import theme_style
from workbench.ui.kit.header import PageHeader
from workbench.ui.kit.widgets import FIELD_LAYOUT, LABEL_STYLE, FieldMessage, copy_entries
from workbench.ui.pages.formulare.anderer_elternteil import OtherParentSection, asks_other_parent
from workbench.ui.pages.formulare.fehlende import MissingInput, field_in_words
from workbench.ui.pages.formulare.kindergeld_vorher import KindergeldBeforeSection, asks_kindergeld_before
from workbench.ui.pages.formulare.vordrucke import BlankShelf

PREVIEW_DPI = 40
class FormsWizard:
    """The page: case picker (when no case is given), form choice, missing data, fill, preview, download."""

    def __init__(self, store: Store, language: str = "de", case_id: str | None = None,
                 on_language: Callable[[str], None] | None = None) -> None:
        self.store = store
        self.on_language = on_language  # the page builds itself again in the language chosen in the header
        self.language = language
        self.data: dict[str, Any] | None = None
        self.version: int | None = None
        self.inputs: list[MissingInput] = []
        lang = language
        self.header = PageHeader("forms.ui.title", lang, self._switch_language, self._unexpected)
        self.title = self.header.title
        self.alert = FieldMessage(lang, css_class="wb-alert wb-alert-general")
        self.picker = w.Dropdown(description=text("forms.ui.case", lang), style=LABEL_STYLE,
                                 layout=w.Layout(**FIELD_LAYOUT))
        self.open_button = w.Button(description=text("forms.ui.open", lang))
        self.open_button.on_click(guarded(lambda _b: self._open_chosen(), self._unexpected))
        self.case_info = w.HTML()
        self.form_choice = w.Dropdown(description=text("forms.ui.form", lang), style=LABEL_STYLE,
                                      layout=w.Layout(**FIELD_LAYOUT))
        self.parent_choice = w.Dropdown(description=text("forms.ui.parent", lang), style=LABEL_STYLE,
                                        layout=w.Layout(**FIELD_LAYOUT))
        self.form_choice.add_class("wb-form-choice")
        self.form_choice.layout = w.Layout(width="52rem", max_width="100%")
        self.form_choice.observe(guarded(self._on_form, self._unexpected), names="value")
        self.parent_choice.observe(guarded(lambda _c: self.show_missing(), self._unexpected), names="value")
        self.missing_heading = w.HTML()
        self.missing_box = w.VBox()
        self.other_parent = OtherParentSection(lang)
        self.asking_other = False  # the section is shown (a single parent, a form with a place for the other one)
        self.kindergeld_before = KindergeldBeforeSection(lang)
        self.asking_kindergeld = False  # the section is shown (KG 1: its Anlage Kind asks question 4, D10)
        self.save_button = w.Button(description=text("forms.ui.save", lang), button_style="primary")
        self.save_button.on_click(guarded(lambda _b: self.save_missing(), self._unexpected))
        self.save_message = FieldMessage(lang)
        self.deadlines = w.HTML()
        self.flatten = w.Checkbox(value=True, description=text("forms.ui.flatten", lang), indent=False)
        self.fill_button = w.Button(description=text("forms.ui.fill", lang), button_style="primary")
        for button in (self.save_button, self.fill_button, self.open_button):
            button.add_class("wb-wide-button")
            button.layout = w.Layout(width="auto", flex="0 0 auto")  # beside the checkbox it was cut to "Formular au…"
        self.fill_button.on_click(guarded(lambda _b: self.fill(), self._unexpected))
        self.result = w.HTML()
        self.preview = w.HTML()
        self.case_area = w.VBox([self.case_info, self.form_choice, self.parent_choice, self.missing_heading,
                                 self.missing_box, self.deadlines, w.HBox([self.flatten, self.fill_button]),
                                 self.result, self.preview])
        self.picker_area = w.VBox([w.HTML(f'<p lang="{lang}">{html.escape(text("forms.ui.pick", lang))}</p>'),
                                   w.HBox([self.picker, self.open_button])])
        self.blanks = BlankShelf(lang)
        self.widget = w.VBox([theme_style(), self.header.widget, self.alert.widget, self.picker_area, self.case_area,
                              self.blanks.widget])
        self.widget.add_class("wb-page")
        self.widget.add_class("wb-forms")
        self.case_area.layout.display = "none"
        self._fill_picker()
        if case_id:
            self.open_case(case_id)

    # --- case ---------------------------------------------------------------------------------

    def _switch_language(self, language: str) -> None:
        if self.on_language is not None:
            self.on_language(language)

    def take_over(self, old: "FormsWizard") -> None:
        """Show what ``old`` showed, in this page's language: the case, the form and the applicant chosen, and what
        was typed for the missing values but not saved yet (the language switch loses nothing)."""
        if old.data is None:
            copy_entries(old.picker_area, self.picker_area)
            return
        if self.data is None:
            self.open_case(str(old.data.get("case_id", "")))
        if self.data is None:
            return
        self.data = copy.deepcopy(old.data)  # the version the old page showed (saved entries included)
        self.version = old.version
        if old.form_choice.value in [value for _label, value in self.form_choice.options]:
            self.form_choice.value = old.form_choice.value
        if old.parent_choice.value in [value for _label, value in self.parent_choice.options]:
            self.parent_choice.value = old.parent_choice.value
        self.show_missing()
        copy_entries(old.missing_box, self.missing_box)
        self.flatten.value = old.flatten.value

    def _unexpected(self, reference: str) -> None:
        self.alert.show("ui.error.unexpected", reference=reference)

    def _fill_picker(self) -> None:
        lister = getattr(self.store, "list", None)
        summaries = lister(limit=200) if lister is not None else []
        options = [(f"{s.family or '–'} ({s.case_id})", s.case_id) for s in summaries if s.complete]
        self.picker.options = options or [(text("forms.ui.no_cases", self.language), "")]

    def _open_chosen(self) -> None:
        """"Fall öffnen": the case chosen in the list; none chosen yet is said as such (walk10: it read 'Der Fall
        „None“ wurde nicht gefunden')."""
        if not self.picker.value:
            self.alert.show("forms.ui.choose_first")
            return
        self.open_case(str(self.picker.value))

    def open_case(self, case_id: str) -> None:
        """Open the latest version of a saved case (a message when it does not exist)."""
        if not case_id:
            return
        try:
            stored = self.store.open(case_id)
        except WorkbenchError:
            self.alert.show("forms.ui.not_found", case_id=case_id)
            return
        self.data = dict(stored.data)
        self.version = int(stored.version)
        self.alert.clear()
        case = self.case()
        names = ", ".join(p.name or p.id for p in case.household.parents)
        self.case_info.value = (f'<p lang="{self.language}">{html.escape(text("forms.ui.case_open", self.language, case_id=case.case_id, names=names))}</p>')
        forms = offered_forms(case)
        self.form_choice.options = [(f.title[self.language], f.id) for f in forms]
        self.parent_choice.options = [(p.name or p.id, p.id) for p in case.household.parents]
        self.picker_area.layout.display = "none"
        self.case_area.layout.display = ""
        if forms:
            self._on_form(None)

    def case(self) -> Case:
        assert self.data is not None
        return load_case(copy.deepcopy(self.data))

    def _on_form(self, _change: Any) -> None:
        if self.data is None or not self.form_choice.value:
            return
        form = get_map(str(self.form_choice.value))
        self.parent_choice.value = default_applicant(self.case(), form)
        self.show_missing()

    # --- missing data -------------------------------------------------------------------------

    def show_missing(self) -> None:
        """List what the chosen form needs that the case lacks, one input each."""
        if self.data is None or not self.form_choice.value:
            return
        lang = self.language
        case = self.case()
        missing = missing_data(case, str(self.form_choice.value), applicant=str(self.parent_choice.value), language=lang)
        self.inputs = [MissingInput(item, lang) for item in missing]
        self.result.value = ""
        self.preview.value = ""
        self.asking_other = len(case.household.parents) == 1 and asks_other_parent(get_map(str(self.form_choice.value)))
        other = [self.other_parent.widget] if self.asking_other else []
        if self.asking_other:
            self.other_parent.write((self.data.get("household") or {}).get("other_parent"))
        asks = asks_kindergeld_before(get_map(str(self.form_choice.value)))
        self.asking_kindergeld = False
        if asks is not None:
            self.kindergeld_before.show(case, self.data, asks[1])
            self.asking_kindergeld = bool(self.kindergeld_before.blocks)
        if self.asking_kindergeld:
            other.append(self.kindergeld_before.widget)
        save = [self.save_button, self.save_message.widget] if missing or other else []
        if missing:
            self.missing_heading.value = (f'<h2 lang="{lang}">{html.escape(text("forms.ui.missing_heading", lang))}</h2>'
                                          f'<p lang="{lang}">{html.escape(text("forms.ui.missing_intro", lang, count=len(missing)))}</p>')
        else:
            self.missing_heading.value = (f'<p class="wb-complete" lang="{lang}">'
                                          f'{html.escape(text("forms.ui.nothing_missing", lang))}</p>')
        self.missing_box.children = [i.widget for i in self.inputs] + other + save
        self._show_deadlines(case)

    def _show_deadlines(self, case: Case) -> None:
        if self.form_choice.value != "elternzeit-brief":
            self.deadlines.value = ""
            return
        from workbench.forms.letter import elternzeit_periods, letter_notes

        parent = str(self.parent_choice.value)
        notes = letter_notes(case, parent, clock_today(), self.language)
        past = any(p.deadline < clock_today() for p in elternzeit_periods(case, parent))
        css = "wb-alert wb-alert-general" if past else "wb-note"
        items = "".join(f"<li>{html.escape(n)}</li>" for n in notes)
        self.deadlines.value = f'<div class="{css} wb-deadlines" role="status" lang="{self.language}"><ul>{items}</ul></div>'

    def save_missing(self) -> None:
        """Write the entered values into the case, check them with the case model, save a new version."""
        assert self.data is not None
        candidate = copy.deepcopy(self.data)
        ok = True
        for field in self.inputs:
            field.message.clear()
            try:
                value = field.read()
            except ValueError as error:
                field.message.show(str(error))
                ok = False
                continue
            if value is not None:
                set_path(candidate, field.item.path, value)
        if self.asking_other:
            try:
                other = self.other_parent.read()
            except FieldError:
                ok = False
            else:
                household = candidate.setdefault("household", {})
                if other is None:
                    household.pop("other_parent", None)
                else:
                    household["other_parent"] = other
        if self.asking_kindergeld:
            try:
                answers = self.kindergeld_before.read()
            except FieldError:
                ok = False
            else:
                self.kindergeld_before.apply(candidate, answers)
        if not ok:
            return
        try:
            Case.model_validate(candidate)
        except ValidationError as error:
            problems = validation_problems(error, self.language)
            shown = False
            for path, message in problems:
                if self.asking_other and self.other_parent.problem_at(path, message):
                    shown = True
                    continue
                if self.asking_kindergeld and self.kindergeld_before.problem_at(path, message):
                    shown = True
                    continue
                for field in self.inputs:
                    if path == field.item.path or field.item.path.startswith(path + ".") or path.startswith(field.item.path):
                        field.message.show_localized("forms.ui.text", {self.language: message})
                        shown = True
            if not shown:
                where = [(field_in_words(p, candidate, self.language), m) for p, m in problems]
                self.save_message.show_localized("forms.ui.text", {self.language: "; ".join(f"{w}: {m}" for w, m in where)})
            return
        try:
            entered = content(candidate)
            if entered is None or entered != content(self.data):  # nothing entered: nothing written (docs/ui.md)
                self.version = self.store.save(candidate, expected_version=self.version, language=self.language)
        except WorkbenchError as error:
            self.save_message.show_localized("forms.ui.text", {self.language: str(error)})
            return
        self.data = candidate
        self.show_missing()
        self.save_message.clear()
        self.missing_heading.value += (f'<p class="wb-saved" role="status" lang="{self.language}">'
                                       f'{html.escape(text("forms.ui.saved", self.language, version=self.version))}</p>')

    # --- fill, preview, download --------------------------------------------------------------

    def fill(self) -> None:
        """Fill the chosen form; show page images and a download link (or what still blocks it)."""
        if self.data is None or not self.form_choice.value:
            return
        lang = self.language
        form_id = str(self.form_choice.value)
        if self.inputs:
            # the advisor reads the fields' names, not the case paths the command line names (walk9:
            # "household.children[0].personal.first_name: Vorname(n) – Kind K1" under the button)
            title = get_map(form_id).title[lang]
            items = "".join(f"<li>{html.escape(i.item.label)}</li>" for i in self.inputs)
            self.result.value = (f'<div class="wb-alert wb-alert-general" role="alert" lang="{lang}">'
                                 f'<p>{html.escape(text("forms.ui.fill_missing", lang, form=title))}</p><ul>{items}</ul></div>')
            self.preview.value = ""
            return
        try:
            result = produce(self.case(), form_id, applicant=str(self.parent_choice.value),
                             flatten=bool(self.flatten.value), language=lang)
        except (WorkbenchError, CaseError) as error:
            lines = getattr(error, "messages", [str(error)])
            items = "".join(f"<li>{html.escape(line)}</li>" for line in lines)
            self.result.value = f'<div class="wb-alert wb-alert-general" role="alert" lang="{lang}"><ul>{items}</ul></div>'
            self.preview.value = ""
            return
        name = f"{form_id}-{self.data.get('case_id', 'fall')}.pdf"
        encoded = base64.b64encode(result.pdf).decode("ascii")
        notes = "".join(f"<li>{html.escape(n)}</li>" for n in result.notes)
        warnings = "".join(f'<div class="wb-alert wb-alert-general" role="alert">{html.escape(w)}</div>'
                           for w in result.warnings)
        self.result.value = (f'<div class="wb-filled" lang="{lang}">{warnings}<p>{html.escape(text("forms.ui.filled", lang))}</p>'
                             f'<p><a class="wb-download" download="{html.escape(name)}" '
                             f'href="data:application/pdf;base64,{encoded}">{html.escape(text("forms.ui.download", lang, name=name))}</a></p>'
                             + (f"<ul>{notes}</ul>" if notes else "") + "</div>")
        self.preview.value = preview_html(result.pdf, lang)

    def show(self) -> None:
        display(self.widget)  # type: ignore[no-untyped-call]


def preview_html(pdf: bytes, language: str, dpi: int = PREVIEW_DPI) -> str:
    """The pages as small PNG images (pdftoppm), or a message when pdftoppm is not installed."""
    if shutil.which("pdftoppm") is None:
        return f'<p class="wb-note" lang="{language}">{html.escape(text("forms.ui.no_pdftoppm", language))}</p>'
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "form.pdf"
        source.write_bytes(pdf)
        subprocess.run(["pdftoppm", "-r", str(dpi), "-png", str(source), str(Path(folder) / "page")],
                       check=True, timeout=120)
        images = []
        for number, png in enumerate(sorted(Path(folder).glob("page-*.png")), 1):
            data = base64.b64encode(png.read_bytes()).decode("ascii")
            alt = html.escape(text("forms.ui.page_alt", language, number=number))
            images.append(f'<img class="wb-page-image" src="data:image/png;base64,{data}" alt="{alt}">')
    heading = html.escape(text("forms.ui.preview", language))
    return f'<h2 lang="{language}">{heading}</h2><div class="wb-preview">{"".join(images)}</div>'


def show_forms_wizard() -> None:
    """What ``notebooks/formulare.ipynb`` shows (``?case=<id>``, ``?lang=en``); never a traceback."""
    from workbench.ui.kit.page import close_tree, default_store, page_language, show_on_request

    def build(params: dict[str, str]) -> w.Widget:
        store = default_store()
        holder = w.VBox([])

        def make(language: str, case_id: str | None, old: FormsWizard | None = None) -> None:
            page = FormsWizard(store, language, case_id, on_language=lambda lang: switch(page, lang))
            if old is not None:
                page.take_over(old)
            holder.children = (page.widget,)

        def switch(old: FormsWizard, language: str) -> None:
            make(language, None, old)
            close_tree(old.widget)

        make(page_language(params), params.get("case", "").strip() or None)
        return holder

    show_on_request("show_forms_wizard", build)
