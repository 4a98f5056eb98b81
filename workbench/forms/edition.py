"""Whether a blank's edition is meant for the case's child: the birth dates an edition covers.

An Elterngeld application is written for births from (and up to) a date: the questions change
with the law (the federal blank of 04/2024 asks about the 200,000 € income limit of § 1 Abs. 8
BEEG, which holds for births up to 31 March 2025). A blank whose ``births_from``/``births_until``
(its map) does not cover the child's birth date is still filled — it may be the only one the
office has — but with a warning on screen and on the command line.
"""

from __future__ import annotations

from datetime import date

from workbench.case import Case
from workbench.forms.registry import FormMap
from workbench.i18n import format_date, text

__all__ = ["edition_warning"]


def _child_birth(case: Case, child: str | None) -> date | None:
    wanted = child or (case.elterngeld_plan.child if case.elterngeld_plan is not None else None)
    children = case.household.children
    chosen = next((c for c in children if c.id == wanted), None)
    if chosen is None and children:
        chosen = max(children, key=lambda c: c.birth_date)
    return chosen.birth_date if chosen is not None else None


def edition_warning(case: Case, form: FormMap, child: str | None, language: str = "de") -> str | None:
    """The warning when ``form``'s edition is not for the birth date of the case's child, else None."""
    if form.births_from is None and form.births_until is None:
        return None
    born = _child_birth(case, child)
    if born is None:
        return None
    early = form.births_from is not None and born < form.births_from
    late = form.births_until is not None and born > form.births_until
    if not (early or late):
        return None
    if form.births_until is None:
        assert form.births_from is not None
        covers = text("forms.edition.from", language, start=format_date(form.births_from, language))
    elif form.births_from is None:
        covers = text("forms.edition.until", language, end=format_date(form.births_until, language))
    else:
        covers = text("forms.edition.between", language, start=format_date(form.births_from, language),
                      end=format_date(form.births_until, language))
    return text("forms.edition.warning", language, form=form.title[language], version=form.version, covers=covers,
                born=format_date(born, language), url=form.download)
