"""The Elterngeld forms' sibling tables list the siblings the engine counts for the Geschwisterbonus (§ 2a BEEG).

From the self-employed family (tests/cases/familien/selbststaendig.json): Jakob born 22.01.2026, his sister Paula
born 11.06.2024 (under 3: the bonus of § 2a Abs. 1 Satz 1 Nr. 1 BEEG). Changing only who Paula is to the parents
must change the table as § 2a Abs. 1 Satz 2 and Abs. 2 BEEG say.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

from workbench.case import Case, load_case
from workbench.evaluation.elterngeld.aufnahme import geschwister
from workbench.forms import produce
from workbench.forms.family import sibling_paths
from workbench.forms.verify import read_fields

FAMILY = Path(__file__).resolve().parents[1] / "cases" / "familien" / "selbststaendig.json"
DAY = date(2026, 1, 29)


def variant(tmp_path: Path, change: dict[str, Any], **household: Any) -> Case:
    data = json.loads(FAMILY.read_text(encoding="utf-8"))
    paula = next(c for c in data["household"]["children"] if c["id"] == "K0")
    paula.update(change)
    data["household"].update(household)
    path = tmp_path / "case.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return load_case(path)


def federal_sibling(case: Case) -> str | None:
    return read_fields(produce(case, "elterngeld-bund", today=DAY, allow_missing=True).pdf).get("txt.vorname4")


def test_paula_as_the_parents_own_child_is_listed() -> None:
    case = load_case(FAMILY)
    assert sibling_paths(case, case.plan_child()) == {"sib1": "household.children[0]"}
    assert federal_sibling(case) == "Paula"


def test_a_foster_child_brings_no_geschwisterbonus_and_is_not_listed(tmp_path: Path) -> None:
    # § 2a Abs. 1 Satz 2 BEEG: only children for whom the parent meets § 1 Abs. 1 or 3 BEEG; a Pflegekind is none
    case = variant(tmp_path, {"placement": {"kind": "foster_care", "date": "2024-08-01"}, "parents": []})
    assert all(geschwister(case, parent) == [] for parent in case.household.parents)  # the engine agrees
    assert sibling_paths(case, case.plan_child()) == {}
    assert federal_sibling(case) is None


def test_the_partners_child_without_marriage_counts_only_for_its_own_parent(tmp_path: Path) -> None:
    # Paula only Tobias' daughter, the couple not married: for Katharina she is no Stiefkind (§ 1 Abs. 3 Nr. 2 BEEG
    # needs the marriage), so only Tobias' Elterngeld has the bonus
    change = {"parents": ["B"]}
    both = variant(tmp_path, change, married=False)
    for parent in both.household.parents:
        if parent.personal is not None:
            parent.personal.marital_status = "single"
    assert [len(geschwister(both, p)) for p in both.household.parents] == [0, 1]
    assert sibling_paths(both, both.plan_child()) == {"sib1": "household.children[0]"}  # Tobias applies too
    assert both.elterngeld_plan is not None
    both.elterngeld_plan.months["B"] = ""  # only Katharina applies: Paula brings her no bonus
    assert sibling_paths(both, both.plan_child()) == {}


def test_an_adopted_siblings_age_counts_from_the_day_it_was_taken_in(tmp_path: Path) -> None:
    # § 2a Abs. 2 BEEG: Paula born 01.05.2019 (6 at Jakob's birth) but adopted, taken in on 01.03.2024: "2 years old"
    case = variant(tmp_path, {"birth_date": "2019-05-01", "placement": {"kind": "adoption", "date": "2024-03-01"}})
    assert sibling_paths(case, case.plan_child()) == {"sib1": "household.children[0]"}
    assert federal_sibling(case) == "Paula"
    older = variant(tmp_path, {"birth_date": "2019-05-01"})  # the same birth date without the adoption: too old
    assert sibling_paths(older, older.plan_child()) == {}
