"""One entry point for every form: which forms fit a case, what is missing, and the filled PDF.

``produce(case, form_id)`` refuses (FormError, one line per missing value) when the case lacks
data a form needs, unless ``allow_missing=True``: then the result lists what is missing and the
caller must say so. A blank of another edition is never filled (see :mod:`blanks`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from workbench.case import Case
from workbench.clock import today as clock_today
from workbench.errors import FormError
from workbench.forms.edition import edition_warning
from workbench.forms.conditions import default_child, renting, school_adults, single_parent_with_minor
from workbench.forms.offering import EMPLOYED, SELF_EMPLOYED, unfit_reasons
from workbench.forms.registry import FormMap, all_maps, get_map
from workbench.forms.sources import Missing, Roles, case_data, kids_of, roles_for
from workbench.forms.values import FieldValues, field_values
from workbench.i18n import text

if TYPE_CHECKING:
    from pypdf import PdfWriter



@dataclass(frozen=True)
class FilledPart:
    """One filled blank inside the result: its map, the values written, and the suffix its fields got (copies)."""

    form_id: str
    values: dict[str, str]
    rename: str | None = None


@dataclass
class FilledForm:
    """A filled form: the PDF bytes, what was written where, and what the case did not have."""

    form_id: str
    pdf: bytes
    missing: list[Missing]
    parts: list[FilledPart] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    """What must be seen before the family signs (e.g. an edition not meant for the child's birth date)."""


def _planned(case: Case, parent_id: str) -> bool:
    plan = case.elterngeld_plan
    return plan is not None and plan.months.get(parent_id, "").strip("-") != ""


def fits(case: Case, form: FormMap, today: date | None = None) -> bool:
    """Whether the form is worth offering for this case on ``today`` (its ``fits`` conditions all hold)."""
    parents = case.household.parents
    leave = {p.parent for p in case.elternzeit.periods} if case.elternzeit is not None else set()
    checks = {
        "born_child": any(not c.expected for c in case.household.children),
        "child": True,
        "plan": case.elterngeld_plan is not None and any(m.strip("-") for m in case.elterngeld_plan.months.values()),
        "self_employed": any(p.income_before_birth.kind in SELF_EMPLOYED for p in parents),
        "employed_with_leave": any(p.id in leave or p.income_before_birth.kind in EMPLOYED and _planned(case, p.id)
                                   for p in parents),
        "school_adult": bool(school_adults(case, today or clock_today())),
        "renting": renting(case),
        "single_parent": single_parent_with_minor(case, today or clock_today()),
    }
    if form.part_of is not None or not all(checks[condition] for condition in form.fits):
        return False
    return not unfit_reasons(case, form, default_applicant(case, form), today or clock_today())


def offered_forms(case: Case, today: date | None = None) -> list[FormMap]:
    """The forms that fit the case on ``today``, in the registry's order."""
    return [form for form in all_maps().values() if fits(case, form, today)]


def default_applicant(case: Case, form: FormMap) -> str:
    """The parent a form is for when the advisor does not choose: the one the form is about, else the first."""
    parents = case.household.parents
    if "self_employed" in form.fits:
        return next((p.id for p in parents if p.income_before_birth.kind in SELF_EMPLOYED), parents[0].id)
    if "employed_with_leave" in form.fits:
        explicit = [p.parent for p in case.elternzeit.periods] if case.elternzeit is not None else []
        if explicit:  # the Elternzeit wizard's periods name the parent on leave
            return explicit[0]
        return next((p.id for p in parents if p.income_before_birth.kind in EMPLOYED and _planned(case, p.id)),
                    parents[0].id)
    if form.applicant == "mother":
        mother = case.mutterschutz.mother if case.mutterschutz is not None else None
        mother = mother or next((p.id for p in parents if p.gives_birth), None)  # ADR 0039
        mother = mother or next((p.id for p in parents if p.maternity_benefit), None)
        if mother is not None:
            return mother
    return parents[0].id


def _check_choice(case: Case, applicant: str | None, child: str | None, language: str) -> None:
    if applicant is not None and applicant not in [p.id for p in case.household.parents]:
        raise FormError(text("forms.unknown_parent", language, id=applicant,
                             known=", ".join(p.id for p in case.household.parents)))
    if child is not None and child not in [c.id for c in case.household.children]:
        raise FormError(text("forms.unknown_child", language, id=child,
                             known=", ".join(c.id for c in case.household.children)))


def _parts(case: Case, form: FormMap, applicant: str, child: str | None) -> list[tuple[FormMap, Roles, str | None]]:
    roles = roles_for(case, applicant, child, form.kids)
    parts: list[tuple[FormMap, Roles, str | None]] = [(form, roles, None)]
    for attachment in form.attachments:
        sub = get_map(attachment.form)
        kids = [path for key, path in sorted(roles.paths.items()) if key.startswith("kid")]
        for number, path in enumerate(kids, 1):
            index = int(path.rsplit("[", 1)[1].rstrip("]"))
            kid_id = case.household.children[index].id
            parts.append((sub, roles_for(case, applicant, kid_id, sub.kids), f"AnK{number}"))
    return parts


def _by_hand(values: dict[str, str], language: str, known: list[str]) -> list[str]:
    """A note per value with characters no font of ours has (e.g. CJK without the fallback font): by hand."""
    from workbench.forms.glyphs import undrawable  # fpdf: loaded when a form is made (issue 23)

    out: list[str] = []
    for value in values.values():
        missing = "" if value.startswith("/") else undrawable(value)
        if missing:
            note = text("forms.by_hand_note", language, value=value, chars=" ".join(missing))
            if note not in known and note not in out:
                out.append(note)
    return out


def _open_note(case: Case, key: str, form: FormMap, kids: str, rename: str | None, language: str) -> str:
    """The advisor's open question of a map (``open``): which attachment, whose child, what the case does not say."""
    child = None
    if rename is not None:  # "AnK2": the second Anlage Kind, the second child the form lists
        listed = kids_of(case, kids)  # the main form's children, in the order of its attachments (_parts)
        number = int(rename.removeprefix("AnK"))
        kid = case.household.children[listed[number - 1]] if number <= len(listed) else None
        child = (kid.personal.first_name if kid is not None and kid.personal else None) or (kid.id if kid else None)
    return text(key, language, form=form.title[language], number=rename.removeprefix("AnK") if rename else "",
                child=child or "")


def _overflow_note(count: int, language: str) -> str:
    return text("forms.fit.note_one" if count == 1 else "forms.fit.note", language, count=count)


def _names(case: Case, parent_id: str) -> dict[str, str]:
    """The names the Elternzeit letter prints: the parent's and the children's first names."""
    parent = case.parent(parent_id)
    names = [parent.name or "", parent.personal.surname or "" if parent.personal else ""]
    names += [c.personal.first_name or "" for c in case.household.children if c.personal]
    return {str(i): name for i, name in enumerate(names) if name}


def _values(case: Case, form_id: str, applicant: str | None, child: str | None, today: date,
            language: str) -> tuple[FormMap, list[tuple[FormMap, FieldValues, str | None]], list[Missing]]:
    form = get_map(form_id)
    _check_choice(case, applicant, child, language)
    who = applicant or default_applicant(case, form)
    child = child or default_child(case, form, today)
    data = case_data(case)
    out: list[tuple[FormMap, FieldValues, str | None]] = []
    missing: list[Missing] = []
    if form.kind == "acroform":
        for sub, roles, rename in _parts(case, form, who, child):
            values = field_values(sub, case, data, roles, today, language)
            out.append((sub, values, rename))
            missing += [m for m in values.missing if m.path not in {x.path for x in missing}]
    elif form.kind == "overlay":
        from workbench.forms.overlay import overlay_values

        values = overlay_values(form, case, data, roles_for(case, who, child, form.kids), today, language)
        out.append((form, values, None))
        missing += values.missing
    elif form.kind == "sheet":
        from workbench.forms.ausfuellhilfe import sheet_missing

        missing += sheet_missing(case, form, who, language)
    else:
        from workbench.forms.letter import letter_missing

        missing += letter_missing(case, who, data, language)
    return form, out, missing


def missing_data(case: Case, form_id: str, applicant: str | None = None, child: str | None = None,
                 today: date | None = None, language: str = "de") -> list[Missing]:
    """What the form needs that the case does not have yet (path and label), before anything is filled."""
    return _values(case, form_id, applicant, child, today or clock_today(), language)[2]


def produce(case: Case, form_id: str, *, applicant: str | None = None, child: str | None = None,
            flatten: bool = False, today: date | None = None, language: str = "de",
            directory: Path | None = None, allow_missing: bool = False) -> FilledForm:
    """The filled form as PDF bytes.

    Raises FormError: the blank is missing or of another edition; the case lacks required data
    (one line per value) unless ``allow_missing``; a chosen parent or child does not exist.
    The PDF libraries (pypdf, fpdf, pdfplumber: half a second) are imported here, when the first
    form is made, not when the forms page starts (issue 23, like the letter and the sheets below).
    """
    from workbench.forms.blanks import load_blank
    from workbench.forms.fill import concatenate, fill_writer, rename_root, unprintable_fields
    from workbench.forms.fitting import Overflow, continuation_sheet

    day = today or clock_today()
    form = get_map(form_id)
    if form.part_of is None:
        _check_choice(case, applicant, child, language)
        unfit = unfit_reasons(case, form, applicant or default_applicant(case, form), day, language)
        if unfit:
            raise FormError([text("forms.unfit.intro", language, form=form.title[language])] + unfit)
    form, parts, missing = _values(case, form_id, applicant, child, day, language)
    if missing and not allow_missing:
        raise FormError([text("forms.missing_intro", language, form=form.title[language])]
                        + [f"{m.path}: {m.label}" for m in missing])
    who = applicant or default_applicant(case, form)
    if form.kind == "sheet":
        from workbench.forms.ausfuellhilfe import ausfuellhilfe

        return FilledForm(form.id, ausfuellhilfe(case, form, who, day, language), missing)
    if form.kind == "letter":
        from workbench.forms.letter import elternzeit_letter

        letter, advice = elternzeit_letter(case, who, day, language)
        return FilledForm(form.id, letter, missing, [], advice + _by_hand(_names(case, who), language, advice))
    if form.kind == "overlay":
        from workbench.forms.overlay import fill_overlay

        written = parts[0][1].values
        warning = edition_warning(case, form, child, language)
        cut: list[Overflow] = []
        pdf = fill_overlay(form, written, language, directory, cut)
        by_hand = _by_hand(written, language, [])
        if cut:
            pdf = concatenate([pdf, continuation_sheet(form.title[language], cut, language)])
            by_hand.insert(0, _overflow_note(len(cut), language))
        return FilledForm(form.id, pdf, missing, [FilledPart(form.id, written)], by_hand, [warning] if warning else [])
    warning = edition_warning(case, form, child, language)
    pdfs: list[bytes | PdfWriter] = []
    filled: list[FilledPart] = []
    notes: list[str] = []
    overflow: list[Overflow] = []
    pages = 0
    for sub, values, rename in parts:
        blank = load_blank(sub, language, directory)
        lengths = {spec.field: spec.max_length for spec in sub.fields if spec.max_length}
        moved: list[Overflow] = []
        writer = fill_writer(blank, values.values, flatten, lengths, moved, appended=len(parts) > 1)
        overflow += [Overflow(item.page + pages, item.description, item.value) for item in moved]
        pages += len(blank.reader().pages)
        if rename is not None and not flatten:
            rename_root(writer, rename)
        pdfs.append(writer)
        filled.append(FilledPart(sub.id, values.values, None if flatten else rename))
        if not flatten:
            notes += [text("forms.font_note", language, value=values.values[name])
                      for name in unprintable_fields(blank, values.values)]
        notes += _by_hand(values.values, language, notes)
        notes += [_open_note(case, key, sub, form.kids, rename, language) for key in values.open]
    if overflow:
        pdfs.append(continuation_sheet(form.title[language], overflow, language))
        notes.insert(0, _overflow_note(len(overflow), language))
    return FilledForm(form.id, concatenate(pdfs), missing, filled, notes, [warning] if warning else [])
