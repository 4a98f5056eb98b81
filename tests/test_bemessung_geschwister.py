"""Months with Elterngeld for an older child are skipped in the assessment period (§ 2b Abs. 1 Satz 2 Nr. 1 BEEG).

Anna (A) took Elterngeld in Lebensmonate 1–12 of her son Ben, born 15 Jan 2025 (15 Jan 2025 – 14 Jan 2026), and
went back to work at 3,000 € from February 2026. Her daughter is due on 1 Sep 2026. The 12 months before
September 2026 (09/2025–08/2026) hold five months with Elterngeld (09/2025–01/2026); they are skipped and replaced
by earlier months without Elterngeld: 08/2024–12/2024. The period is 08/2024–12/2024 and 02/2026–08/2026, all at
3,000 € – an average of 3,000.00 € instead of 7 × 3,000 € / 12 = 1,750.00 € without the rule.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from workbench.case import load_case
from workbench.evaluation.elterngeld.aufnahme import elterngeld_vorher
from workbench.evaluation.elterngeld.engine import compute_elterngeld
from workbench.rules.elterngeld.bemessung import bemessungszeitraum, monate_mit_elterngeld

WORKED = [f"2024-{m:02d}" for m in range(8, 13)] + [f"2026-{m:02d}" for m in range(2, 9)]  # the 12 months entered


def family(received: str | None = "BBBBBBBBBBBB") -> dict[str, Any]:
    older: dict[str, Any] = {"id": "K0", "birth_date": "2025-01-15"}
    if received is not None:
        older["receives"] = {"elterngeld": {"A": received}}
    return {
        "format": "workbench-case/3", "case_id": "GESCHWISTER",
        "household": {
            "parents": [{"id": "A", "name": "Anna", "income_before_birth": {
                "kind": "employee", "tax_class": 1, "gross_by_month": {m: 3000.0 for m in WORKED}}}],
            "children": [older, {"id": "K1", "birth_date": "2026-09-01", "expected": True}],
        },
        "elterngeld_plan": {"child": "K1", "months": {"A": "BBBBBBBBBBBB"}},
    }


def test_the_calendar_months_touched_by_the_older_childs_elterngeld_months() -> None:
    case = load_case(family())
    assert elterngeld_vorher(case, case.parent("A")) == frozenset(
        [(2025, m) for m in range(1, 13)] + [(2026, 1)])  # 15 Jan 2025 – 14 Jan 2026


def test_the_assessment_period_skips_them_and_reaches_back_to_2024() -> None:
    skip = monate_mit_elterngeld([(date(2025, 1, 15), date(2026, 1, 14))])
    months = bemessungszeitraum(date(2026, 9, 1), skip=skip)
    assert months == [(2024, m) for m in range(8, 13)] + [(2026, m) for m in range(2, 9)]


def test_elterngeld_is_computed_from_the_months_before_and_after_the_older_childs_elterngeld() -> None:
    anna = compute_elterngeld(load_case(family())).parents["A"]
    text = " ".join(anna.explanation.render("de"))
    assert "Bemessungszeitraum 08/2024 bis 08/2026: durchschnittlicher Bruttolohn 3.000,00 €" in text
    assert "Übersprungen, weil Elterngeld für ein älteres Kind bezogen wurde: 01/2025" in text


def test_without_the_record_the_elterngeld_months_count_as_months_without_pay() -> None:
    anna = compute_elterngeld(load_case(family(None))).parents["A"]
    # 09/2025–08/2026: seven months at 3,000 € → 21,000 € / 12 = 1,750.00 €
    assert "Bemessungszeitraum 09/2025 bis 08/2026: durchschnittlicher Bruttolohn 1.750,00 €" in " ".join(
        anna.explanation.render("de"))


def test_elterngeld_after_the_fourteenth_lebensmonat_is_not_skipped() -> None:
    # ElterngeldPlus in Lebensmonate 15–16 of Ben (15 Mar – 14 May 2026) stays in the period (§ 4 Abs. 1 Satz 2)
    case = load_case(family("-" * 14 + "PP"))
    assert elterngeld_vorher(case, case.parent("A")) == frozenset()


def test_the_older_sibling_still_brings_the_geschwisterbonus() -> None:
    anna = compute_elterngeld(load_case(family())).parents["A"]
    # Ben is under 3 on 1 Sep 2026: 10 % Geschwisterbonus, at least 75 € (§ 2a Abs. 1 BEEG)
    assert all(m.geschwisterbonus > 0 for m in anna.months)


def test_an_unknown_parent_in_the_record_is_refused() -> None:
    import pytest

    from workbench.errors import CaseError

    data = family()
    data["household"]["children"][0]["receives"] = {"elterngeld": {"X": "BB"}}
    with pytest.raises(CaseError) as err:
        load_case(data)
    assert "household.children[0].receives.elterngeld.X" in str(err.value)


def test_on_application_the_skipped_months_count_after_all() -> None:
    # § 2b Abs. 1 Satz 3 BEEG: "Abweichend von Satz 2 sind Kalendermonate im Sinne des Satzes 2 Nummer 1 bis 4 auf
    # Antrag der berechtigten Person zu berücksichtigen." – the period stays 09/2025–08/2026: 1,750.00 €
    applied = family()
    applied["household"]["parents"][0]["include_skipped_months"] = True
    anna = compute_elterngeld(load_case(applied)).parents["A"]
    text = " ".join(anna.explanation.render("de"))
    assert "Bemessungszeitraum 09/2025 bis 08/2026: durchschnittlicher Bruttolohn 1.750,00 €" in text
    assert "Auf Antrag zählen die Monate mit Mutterschutz oder mit Elterngeld für ein älteres Kind doch" in text
    assert "Übersprungen" not in text


def test_on_application_the_mutterschutz_months_count_too() -> None:
    # Mutterschutz from 6 weeks before 1 Sep 2026 (21 Jul 2026): July and August are skipped (§ 2b Abs. 1 Satz 2
    # Nr. 2) unless Anna applies; with the application the 12 months before September 2026 count as they are
    data = family(None)
    data["household"]["parents"][0]["maternity_benefit"] = True
    skipped = compute_elterngeld(load_case(data)).parents["A"]
    assert "Bemessungszeitraum 07/2025 bis 06/2026" in " ".join(skipped.explanation.render("de"))
    data["household"]["parents"][0]["include_skipped_months"] = True
    kept = compute_elterngeld(load_case(data)).parents["A"]
    assert "Bemessungszeitraum 09/2025 bis 08/2026: durchschnittlicher Bruttolohn 1.750,00 €" in " ".join(
        kept.explanation.render("de"))
