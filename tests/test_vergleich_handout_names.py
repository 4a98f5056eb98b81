"""The comparison page's handout names the family's plans as the family says them (walk9 N3).

The page calls the case's plan "Plan im Fall" – the advisor's word for the plan saved in the case. On the sheet the
family takes home it is "Ihr Plan" ("Your plan"), an own plan "Ihr Plan „Lena mit Plus“", as the handout of
``workbench handout`` says, and every plan is named in the handout's language, not the page's.
"""

from __future__ import annotations

import base64
import io
import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from workbench.case import load_case
from workbench.evaluation.vergleich import compare, default_selection, plan_choices
from workbench.ui.pages.vergleich.merkblatt import handout_link

TWINS = Path(__file__).parent / "cases" / "familien" / "zwillinge.json"


def _handout_words(page_language: str, chosen: str, alternatives: list[dict[str, object]] | None = None) -> str:
    case = load_case(TWINS)
    case = case.model_copy(update={"language": page_language})
    if alternatives:
        data = case.model_dump(mode="json", exclude_none=True)
        data["elterngeld_alternatives"] = alternatives
        case = load_case(data)
    choices = plan_choices(case)
    view = compare(case, [c for c in choices if c.key in default_selection(choices)])
    link = handout_link(case, view, chosen, page_language, case.case_id)
    pdf = base64.b64decode(re.search(r'base64,([^"]+)"', link).group(1))  # type: ignore[union-attr]
    return " ".join(" ".join((p.extract_text() or "") for p in PdfReader(io.BytesIO(pdf)).pages).split())


@pytest.mark.parametrize(("page", "chosen", "heading"), [
    ("de", "de", "Ihr gewählter Plan: „Ihr Plan“"),
    ("de", "en", "Your chosen plan: “Your plan”"),
    ("en", "de", "Ihr gewählter Plan: „Ihr Plan“"),
])
def test_the_family_reads_its_own_plan_as_ihr_plan(page: str, chosen: str, heading: str) -> None:
    words = _handout_words(page, chosen)
    assert heading in words
    assert "Plan im Fall" not in words and "Plan of the case" not in words
    if chosen == "de":
        assert "Beste Aufteilung" in words and "Best split" not in words
    else:
        assert "Best split" in words and "Beste Aufteilung" not in words


def test_an_own_plan_keeps_its_name_after_ihr_plan() -> None:
    case = load_case(TWINS)
    a, b = (p.id for p in case.household.parents)
    words = _handout_words("de", "de", [{"name": "Lena mit Plus", "months": {a: "BBBBBBBBBBBB", b: "-------------BB"}}])
    assert "Ihr Plan „Lena mit Plus“" in words and "Plan im Fall" not in words
