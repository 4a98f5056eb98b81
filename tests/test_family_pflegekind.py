"""A foster family (tests/cases/familien/pflegekind.json): Mila, born 3 Nov 2025, lives with Petra (A) and Uwe (B)
in Vollzeitpflege (§ 33 SGB VIII) since 4 May 2026.

Kindergeld yes: a Pflegekind is a child in the sense of § 32 Abs. 1 Nr. 2 EStG. Elterngeld no: § 1 Abs. 3 Satz 1
BEEG names Adoptionspflege, the spouse's child and pending paternity, not Vollzeitpflege. Elternzeit yes, counted
from the day the child was taken in (§ 15 Abs. 1 Satz 1 Nr. 1 Buchst. c, Abs. 2 Satz 5 BEEG).
"""

from __future__ import annotations

import io
from datetime import date
from decimal import Decimal as D
from pathlib import Path

from pypdf import PdfReader

from workbench.case import load_case
from workbench.evaluation.elterngeld.aufnahme import relations
from workbench.evaluation.elterngeld.engine import compute_elterngeld
from workbench.evaluation.kita import kita_result
from workbench.evaluation.lebenslagen import elternzeit_result, mutterschutz_result
from workbench.evaluation.leistungscheck import leistungscheck
from workbench.report.leistungscheck import check_json

FAMILY = Path(__file__).resolve().parent / "cases" / "familien" / "pflegekind.json"


def test_kindergeld_for_the_foster_child() -> None:
    out = check_json(leistungscheck(load_case(FAMILY), date(2026, 7, 1)), "de")
    kg = out["benefits"]["kindergeld"]
    assert kg["monthly"] == 259.0 and kg["children"][0]["eligible"] is True  # § 32 Abs. 1 Nr. 2, § 66 Abs. 1 EStG
    assert [h["key"] for h in out["hints"] if h["key"].startswith("leistungen.hint.kg_")] == ["leistungen.hint.kg_bestimmen"]


def test_no_elterngeld_for_a_foster_child() -> None:
    case = load_case(FAMILY)
    assert relations(case) == {"A": "pflegekind", "B": "pflegekind"}
    result = compute_elterngeld(case)
    assert not result.valid
    assert [(v.rule, v.months) for v in result.violations] == [("not_entitled_pflegekind", (8, 9))]
    assert "Für ein Pflegekind in Vollzeitpflege gibt es kein Elterngeld" in result.violations[0].message("de")


def test_no_mutterschutz_in_a_foster_family() -> None:
    assert mutterschutz_result(load_case(FAMILY)) is None


def test_elternzeit_counts_from_the_day_mila_was_taken_in() -> None:
    ez = elternzeit_result(load_case(FAMILY), today=date(2026, 3, 1))
    assert ez is not None and ez.birth == date(2026, 5, 4)
    # notice 7 weeks before 4 May 2026 = 16 Mar 2026 (§ 16 Abs. 1 Satz 1 BEEG)
    assert ez.periods[0].anmeldefrist == date(2026, 3, 16)


def test_kita_claim_from_milas_first_birthday() -> None:
    result = kita_result(load_case(FAMILY))
    assert result is not None and result.termine.anspruch_ab == date(2026, 11, 3)


def test_the_handout_is_made_for_the_foster_family() -> None:
    from workbench.report.handout import handout_pdf

    text = "\n".join(p.extract_text() or "" for p in PdfReader(io.BytesIO(handout_pdf(load_case(FAMILY)))).pages)
    assert "Petra" in text and "Kindergeld" in text


def test_the_optimizer_says_why_it_finds_no_plan() -> None:
    import pytest

    from workbench.errors import InfeasiblePlan
    from workbench.evaluation.elterngeld.optimize import optimize

    with pytest.raises(InfeasiblePlan) as err:
        optimize(load_case(FAMILY))
    assert "niemand im Haushalt hat für dieses Kind Anspruch auf Elterngeld" in str(err.value)


def _without_income() -> dict[str, object]:
    import json

    data = json.loads(FAMILY.read_text(encoding="utf-8"))
    data["household"]["parents"][0]["current_income"] = {"kind": "none"}
    return data


def test_the_foster_child_is_no_member_of_the_buergergeld_household() -> None:
    from workbench.evaluation import kiz_wohngeld

    case = load_case(_without_income())
    bg = kiz_wohngeld.bedarfsgemeinschaft(case, date(2026, 7, 1), {"K1": D("259")}, {})
    assert bg is not None and bg.children == [] and bg.others == 1  # § 7 Abs. 3 Nr. 4 SGB II
    # Mila is the oldest child of the foster family: half the Kindergeld for a first child (129.50 €) is set off
    # against the Pflegegeld (§ 39 Abs. 6 Satz 1 SGB VIII), the other half is Petra's income
    assert [a.other for a in bg.adults] == [D("129.50"), D("0")]


def test_buergergeld_comparison_of_the_foster_family_counts_two_adults_and_their_head_shares() -> None:
    check = leistungscheck(load_case(_without_income()), date(2026, 7, 1))
    bg = check.buergergeld
    assert bg is not None
    # need: 2 × Regelbedarfsstufe 2 (506 €) + two of three head shares of rent and heating (780 € + 90 €) / 3 × 2
    # = 1,012 € + 580 € = 1,592 €; income: 129.50 € Kindergeld share − 30 € Versicherungspauschale (§ 11b Abs. 1
    # Satz 1 Nr. 3 SGB II, § 6 Abs. 1 Nr. 1 Bürgergeld-V) = 99.50 €; Bürgergeld 1,492.50 € (with Mila in the
    # Bedarfsgemeinschaft it had been 2,239 € need − 259 € = 1,980 €)
    assert (bg.need, bg.income, bg.amount) == (1592, D("99.50"), D("1492.50"))
    assert bg.sofortzuschlag == 0  # no child of the Bedarfsgemeinschaft (§ 72 SGB II)
    rendered = " ".join(bg.explanation.render("de"))
    assert "Pflegekinder im Haushalt (1) gehören nicht zur Bedarfsgemeinschaft" in rendered

