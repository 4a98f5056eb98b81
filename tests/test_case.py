"""The case file model accepts ``workbench-case/2`` (and ``/1``, migrated) and explains every rejection.

Contract: ``../shared/case-format.md``; worked examples: ``../shared/examples/elterngeld`` (found through ``tests/shared.py``).
All names and numbers below are invented.
"""

from __future__ import annotations

import copy
import json
import os
import re
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from workbench.case import (
    Case, ElterngeldPlan, IncomeBeforeBirth, Parent, case_json_schema, dump_case, format_validation_error, load_case,
    migrate, validation_problems,
)
from workbench.errors import CaseError
from workbench.i18n import catalog

from tests.shared import SHARED
EXAMPLES = sorted((SHARED / "examples" / "elterngeld").glob("*.json"))
FORMAT_DOC = SHARED / "case-format.md"
needs_examples = pytest.mark.skipif(not EXAMPLES, reason=f"no examples under {SHARED}")

SEGMENT = r'(?:[A-Za-z_][A-Za-z0-9_]*|\[\d+\]|\["(?:[^"\\]|\\.)*"\])'
PATH_LINE = re.compile(rf'^(?:Fall-Datei|case file|{SEGMENT}(?:\.[A-Za-z_][A-Za-z0-9_]*|\[\d+\]|\["(?:[^"\\]|\\.)*"\])*): \S')
PYDANTIC_WORDS = ("Input should", "Field required", "Value error", "validation error", "Traceback", "pydantic")


def minimal_case(**top: Any) -> dict[str, Any]:
    """A small valid case: two employees, one expected child, a plan."""
    raw: dict[str, Any] = {
        "format": "workbench-case/1",
        "case_id": "test-001",
        "household": {
            "parents": [
                {"id": "A", "name": "Mira", "income_before_birth": {"kind": "employee", "gross_monthly": 3100.5}},
                {"id": "B", "name": "Till", "income_before_birth": {"kind": "employee", "gross_monthly": 2800}},
            ],
            "children": [{"id": "K1", "birth_date": "2026-09-01", "expected": True}],
        },
        "elterngeld_plan": {"child": "K1", "months": {"A": "BBBBBBBBBBBB", "B": "------------BB"}},
    }
    raw.update(top)
    return raw


def messages_for(raw: Any) -> list[str]:
    with pytest.raises(CaseError) as caught:
        load_case(raw)
    return caught.value.messages


def one_message_for(raw: Any) -> str:
    messages = messages_for(raw)
    assert len(messages) == 1, messages
    return messages[0]


def example_case(path: Path) -> dict[str, Any]:
    case: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))["case"]
    return case


def is_subset(small: Any, big: Any) -> bool:
    """Every key and value of ``small`` is in ``big`` (numbers compared by value)."""
    if isinstance(small, dict):
        return isinstance(big, dict) and all(k in big and is_subset(v, big[k]) for k, v in small.items())
    if isinstance(small, list):
        return isinstance(big, list) and len(small) == len(big) and all(map(is_subset, small, big))
    return bool(small == big)


# --- the contract's own data loads ---

@needs_examples
def test_all_40_example_cases_load() -> None:
    assert len(EXAMPLES) == 40
    for path in EXAMPLES:
        assert isinstance(load_case(example_case(path)), Case), path.name


@needs_examples
def test_every_example_case_dumps_back_to_what_was_loaded() -> None:
    for path in EXAMPLES:
        raw = example_case(path)
        case = load_case(raw)
        dumped = dump_case(case)
        assert is_subset(migrate(raw), dumped), path.name
        assert load_case(dumped) == case
        assert load_case(json.dumps(dump_case(case, exclude_defaults=True))) == case


@needs_examples
def test_an_example_file_loads_from_its_path_and_from_json_text(tmp_path: Path) -> None:
    target = tmp_path / "case.json"
    target.write_text(json.dumps(example_case(EXAMPLES[0])), encoding="utf-8")
    assert load_case(target) == load_case(str(target)) == load_case(target.read_text(encoding="utf-8"))


@pytest.mark.skipif(not FORMAT_DOC.exists(), reason="case-format.md not found")
def test_the_example_in_case_format_md_loads_and_round_trips() -> None:
    text = re.findall(r"```json\n(.*?)```", FORMAT_DOC.read_text(encoding="utf-8"), re.S)[0]
    raw = json.loads(text)
    case = load_case(text)
    assert is_subset(migrate(raw), dump_case(case))
    assert case.plan_child().id == "K1"
    assert [c.id for c in case.older_children()] == ["K0"]
    assert case.household.housing is not None and case.household.housing.rent_cold == Decimal("850")


# --- defaults and helpers ---

def test_defaults_are_those_of_case_format_md() -> None:
    raw = minimal_case()
    raw["household"]["parents"][1] = {"id": "B"}
    case = load_case(raw)
    assert case.language == "de" and case.notes == ""
    assert case.household.married is False and case.household.single_parent is False
    assert case.household.housing is None and case.household.municipality is None
    income = case.parent("A").income_before_birth
    assert (income.tax_class, income.factor, income.church_tax) == (1, None, False)
    assert income.child_allowances == Decimal("0")
    assert (income.health_insurance, income.pension_insured, income.unemployment_insured) == ("statutory", True, True)
    assert income.annual_profit is None and income.gross_by_month is None
    other = case.parent("B")
    assert other.income_before_birth.kind == "none" and other.maternity_benefit is False
    assert other.income_after_birth == [] and other.birth_date is None and other.taxable_income_last_year is None
    child = case.child("K1")
    assert (child.birth, child.weeks_early, child.disability) == (None, 0, False)
    assert case.elterngeld_plan is not None and case.elterngeld_plan.constraints is None


def test_money_is_decimal_without_float_noise() -> None:
    case = load_case(json.dumps(minimal_case()))
    assert case.parent("A").income_before_birth.gross_monthly == Decimal("3100.5")
    assert isinstance(case.parent("B").income_before_birth.gross_monthly, Decimal)
    raw = minimal_case()
    raw["household"]["parents"][0]["income_before_birth"]["gross_monthly"] = 0.1
    assert load_case(raw).parent("A").income_before_birth.gross_monthly == Decimal("0.1")


def test_plan_months_given_as_words_are_stored_as_the_string_form() -> None:
    raw = minimal_case()
    raw["elterngeld_plan"]["months"] = {"A": ["basis", "basis", "plus", "bonus", "none", "plus"]}
    case = load_case(raw)
    assert case.elterngeld_plan is not None
    assert case.elterngeld_plan.months == {"A": "BBP+-P"}
    assert dump_case(case)["elterngeld_plan"]["months"] == {"A": "BBP+-P"}


def test_kinds_gives_32_months_with_none_after_the_last_planned_month() -> None:
    plan = ElterngeldPlan(child="K1", months={"A": "BP+-"})
    kinds = plan.kinds("A")
    assert len(kinds) == 32
    assert kinds[:5] == ["basis", "plus", "bonus", "none", "none"]
    assert set(kinds[4:]) == {"none"}
    assert plan.kinds("B") == ["none"] * 32


def test_plan_child_is_the_plans_child_and_older_children_are_born_before_it() -> None:
    raw = minimal_case()
    raw["household"]["children"] += [{"id": "K0", "birth_date": "2023-01-10"},
                                     {"id": "K9", "birth_date": "2027-12-01", "expected": True}]
    case = load_case(raw)
    assert case.plan_child().id == "K1"
    assert [c.id for c in case.older_children()] == ["K0"]
    del raw["elterngeld_plan"]
    assert load_case(raw).plan_child().id == "K9"


def test_a_parent_and_a_child_are_found_by_id_or_raise_key_error() -> None:
    case = load_case(minimal_case())
    assert case.parent("B").name == "Till" and case.child("K1").expected
    with pytest.raises(KeyError):
        case.parent("Z")
    with pytest.raises(KeyError):
        case.child("Z")


def test_income_after_birth_accepts_more_than_32_hours_for_the_hours_limit_rule_to_report() -> None:
    raw = minimal_case()
    raw["household"]["parents"][0]["income_after_birth"] = [
        {"from_month": 13, "to_month": 14, "gross_monthly": 2500, "hours_per_week": 40}]
    parent = load_case(raw).parent("A")
    assert parent.income_after_birth[0].hours_per_week == 40
    assert parent.income_in_month(14) is parent.income_after_birth[0] and parent.income_in_month(15) is None


# --- messages ---

def test_a_wrong_tax_class_reads_muss_1_bis_6_sein_in_german() -> None:
    raw = minimal_case()
    raw["household"]["parents"][1]["income_before_birth"]["tax_class"] = 7
    assert messages_for(raw) == ["household.parents[1].income_before_birth.tax_class: muss 1 bis 6 sein"]


def test_a_wrong_tax_class_reads_must_be_1_to_6_in_an_english_case() -> None:
    raw = minimal_case(language="en")
    raw["household"]["parents"][1]["income_before_birth"]["tax_class"] = 0
    assert messages_for(raw) == ["household.parents[1].income_before_birth.tax_class: must be 1 to 6"]


@pytest.mark.parametrize("where, key", [
    ((), "langauge"),
    (("household",), "marreid"),
    (("household", "parents", 0), "nmae"),
    (("household", "parents", 0, "income_before_birth"), "taxclass"),
    (("household", "children", 0), "twins"),
    (("elterngeld_plan",), "plan"),
])
def test_an_unknown_key_is_rejected_with_its_path(where: tuple[Any, ...], key: str) -> None:
    raw = minimal_case()
    target: Any = raw
    for part in where:
        target = target[part]
    target[key] = 1
    path = "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in (*where, key)).lstrip(".")
    assert one_message_for(raw) == f"{path}: unbekanntes Feld – Tippfehler?"


@pytest.mark.parametrize("change, expected", [
    (lambda r: r["household"]["children"][0].update(birth_date="2026-02-30"),
     "household.children[0].birth_date: kein gültiges Datum (JJJJ-MM-TT)"),
    (lambda r: r["household"]["children"][0].update(birth_date="01.09.2026"),
     "household.children[0].birth_date: kein gültiges Datum (JJJJ-MM-TT)"),
    (lambda r: r.pop("case_id"), "case_id: Pflichtfeld fehlt"),
    (lambda r: r.update(format="workbench-case/5"),
     "format: muss „workbench-case/4“ sein – dieses Programm liest nur dieses Format"),
    (lambda r: r["household"].update(married="ja"), "household.married: falscher Typ: true oder false erwartet"),
    (lambda r: r["household"]["children"][0].update(count=9),
     "household.children[0].count: seit workbench-case/3 ist jedes Kind ein eigener Eintrag; "
     "Mehrlinge (1 bis 8) verbindet dieselbe Kennung in „birth“"),
    (lambda r: r["household"]["children"][0].update(count=2.0),
     "household.children[0].count: seit workbench-case/3 ist jedes Kind ein eigener Eintrag; "
     "Mehrlinge (1 bis 8) verbindet dieselbe Kennung in „birth“"),
    (lambda r: r["household"]["parents"][0]["income_before_birth"].update(gross_monthly=3000.123),
     "household.parents[0].income_before_birth.gross_monthly: höchstens 2 Nachkommastellen"),
    (lambda r: r["household"]["parents"][0]["income_before_birth"].update(gross_monthly=-1),
     "household.parents[0].income_before_birth.gross_monthly: darf nicht negativ sein"),
    (lambda r: r["household"]["parents"][0]["income_before_birth"].update(gross_monthly="3000"),
     "household.parents[0].income_before_birth.gross_monthly: falscher Typ: Zahl erwartet"),
    (lambda r: r["household"]["parents"][0]["income_before_birth"].update(kind="beamter"),
     "household.parents[0].income_before_birth.kind: ungültiger Wert; erlaubt: "
     "employee, minijob, self_employed, mixed, none"),
    (lambda r: r["household"]["parents"][0]["income_before_birth"].update(child_allowances=0.7),
     "household.parents[0].income_before_birth.child_allowances: muss 0 bis 10 in Schritten von 0,5 sein"),
    (lambda r: r["household"].update(parents=[]), "household.parents: zu wenige Einträge (mindestens 1)"),
    (lambda r: r["household"]["parents"][0]["income_before_birth"].update(gross_by_month={"2025-13": 100}),
     'household.parents[0].income_before_birth.gross_by_month["2025-13"]: kein gültiger Monat (JJJJ-MM)'),
    (lambda r: r["elterngeld_plan"]["months"].update(A="BBb"),
     "elterngeld_plan.months.A: unbekanntes Zeichen „b“ in Lebensmonat 3; erlaubt: B, P, +, -"),
    (lambda r: r["elterngeld_plan"]["months"].update(A=["basis", "elternzeit"]),
     "elterngeld_plan.months.A[1]: unbekanntes Wort; erlaubt: basis, plus, bonus, none"),
    (lambda r: r["elterngeld_plan"]["months"].update(A="B" * 33),
     "elterngeld_plan.months.A: höchstens 32 Lebensmonate (hier 33)"),
])
def test_each_kind_of_error_has_its_german_message(change: Any, expected: str) -> None:
    raw = minimal_case()
    change(raw)
    assert one_message_for(raw) == expected


def test_all_problems_of_a_case_are_reported_at_once() -> None:
    raw = minimal_case(language="en")
    raw["household"]["children"][0]["birth_date"] = "soon"
    raw["household"]["parents"][0]["income_before_birth"]["tax_class"] = 9
    raw["notes"] = 5
    assert messages_for(raw) == [
        "household.parents[0].income_before_birth.tax_class: must be 1 to 6",
        "household.children[0].birth_date: not a valid date (YYYY-MM-DD)",
        "notes: wrong type: a text expected",
    ]


def test_invalid_json_gives_one_message_with_line_and_column() -> None:
    assert messages_for('{\n  "format": "workbench-case/1",\n  "case_id": x\n}') == [
        "Fall-Datei: kein gültiges JSON (Zeile 3, Spalte 14)"]
    assert messages_for('{"language": "en",}') == ["case file: not valid JSON (line 1, column 19)"]


def test_a_key_given_twice_in_the_json_text_is_rejected() -> None:
    text = json.dumps(minimal_case())[:-1] + ', "case_id": "again"}'
    assert messages_for(text) == ["Fall-Datei: Schlüssel „case_id“ kommt doppelt vor – einen davon entfernen"]


def test_a_missing_file_and_a_json_list_are_file_level_messages(tmp_path: Path) -> None:
    assert messages_for(tmp_path / "nope.json") == [
        f"Fall-Datei: Datei {tmp_path / 'nope.json'} nicht gefunden – Pfad prüfen"]
    assert messages_for("[1, 2]") == ["Fall-Datei: muss ein JSON-Objekt sein (in geschweiften Klammern)"]


def test_format_validation_error_serves_a_single_model_for_the_wizards() -> None:
    with pytest.raises(ValidationError) as caught:
        Parent.model_validate({"id": "A", "income_before_birth": {"kind": "minijob", "tax_class": "3"}})
    assert format_validation_error(caught.value, "en") == [
        "income_before_birth.tax_class: wrong type: a whole number expected"]
    assert validation_problems(caught.value) == [
        ("income_before_birth.tax_class", "falscher Typ: ganze Zahl erwartet")]


# --- consistency checks ---

@pytest.mark.parametrize("income, expected", [
    ({"kind": "employee"}, "gross_monthly: fehlt: bei Art „employee“ wird gross_monthly oder gross_by_month gebraucht"),
    ({"kind": "minijob"}, "gross_monthly: fehlt: bei Art „minijob“ wird gross_monthly oder gross_by_month gebraucht"),
    ({"kind": "self_employed"}, "annual_profit: fehlt: bei Art „self_employed“ wird annual_profit gebraucht"),
    ({"kind": "mixed", "gross_monthly": 1000},
     "annual_profit: fehlt: bei Art „mixed“ wird annual_profit gebraucht"),
    ({"kind": "mixed", "annual_profit": 1000},
     "gross_monthly: fehlt: bei Art „mixed“ wird gross_monthly oder gross_by_month gebraucht"),
    ({"kind": "none", "gross_monthly": 1000},
     "gross_monthly: passt nicht zu Art „none“ (kein Arbeitslohn) – Feld entfernen oder Art ändern"),
    ({"kind": "employee", "gross_monthly": 1000, "annual_profit": 1000},
     "annual_profit: passt nicht zu Art „employee“ (kein Gewinn) – Feld entfernen oder Art ändern"),
    ({"kind": "employee", "gross_monthly": 1000, "gross_by_month": {"2025-01": 1000}},
     "gross_by_month: entweder gross_monthly oder gross_by_month angeben, nicht beide"),
    ({"kind": "employee", "gross_monthly": 1000, "tax_class": 3, "factor": 0.9},
     "factor: ein Faktor gilt nur bei Steuerklasse 4 (hier 3)"),
    ({"kind": "employee", "gross_monthly": 1000, "tax_class": 4, "factor": 0.9123},
     "factor: höchstens 3 Nachkommastellen"),
    ({"kind": "employee", "gross_monthly": 1000, "tax_class": 4, "factor": 1},
     "factor: muss größer als 0 und kleiner als 1 sein"),
])
def test_income_before_birth_must_fit_its_kind(income: dict[str, Any], expected: str) -> None:
    raw = minimal_case()
    raw["household"]["parents"][0]["income_before_birth"] = income
    assert one_message_for(raw) == f"household.parents[0].income_before_birth.{expected}"


@pytest.mark.parametrize("income", [
    {"kind": "employee", "gross_by_month": {"2025-03": 2000, "2025-04": 2100.25}},
    {"kind": "mixed", "gross_monthly": 1500, "annual_profit": 9000},
    {"kind": "self_employed", "annual_profit": 0},
    {"kind": "none"},
    {"kind": "employee", "gross_monthly": 1000, "tax_class": 4, "factor": 0.915},
])
def test_income_that_fits_its_kind_is_accepted(income: dict[str, Any]) -> None:
    raw = minimal_case()
    raw["household"]["parents"][0]["income_before_birth"] = income
    assert load_case(raw).parent("A").income_before_birth.kind == income["kind"]


def test_income_after_birth_ranges_must_be_ordered_and_must_not_overlap() -> None:
    raw = minimal_case()
    raw["household"]["parents"][0]["income_after_birth"] = [
        {"from_month": 5, "to_month": 4, "gross_monthly": 900, "hours_per_week": 20}]
    assert one_message_for(raw) == "household.parents[0].income_after_birth[0].to_month: muss mindestens from_month (5) sein"
    raw["household"]["parents"][0]["income_after_birth"] = [
        {"from_month": 3, "to_month": 6, "gross_monthly": 900, "hours_per_week": 20},
        {"from_month": 7, "to_month": 8, "gross_monthly": 900, "hours_per_week": 20},
        {"from_month": 6, "to_month": 6, "gross_monthly": 900, "hours_per_week": 20}]
    assert one_message_for(raw) == (
        "household.parents[0].income_after_birth[2]: überschneidet sich mit Eintrag [0] (Lebensmonate 3 bis 6)")
    raw["household"]["parents"][0]["income_after_birth"] = [
        {"from_month": 3, "to_month": 33, "gross_monthly": 900, "hours_per_week": 61}]
    assert messages_for(raw) == ["household.parents[0].income_after_birth[0].to_month: muss 1 bis 32 sein",
                                 "household.parents[0].income_after_birth[0].hours_per_week: muss 0 bis 60 sein"]


def test_ids_are_unique_and_only_one_parent_receives_maternity_benefit() -> None:
    raw = minimal_case()
    raw["household"]["parents"][1]["id"] = "A"
    assert one_message_for(raw) == "household.parents[1].id: Kennung „A“ kommt doppelt vor"
    raw = minimal_case()
    raw["household"]["children"].append({"id": "K1", "birth_date": "2020-01-01"})
    assert one_message_for(raw) == "household.children[1].id: Kennung „K1“ kommt doppelt vor"
    raw = minimal_case()
    for parent in raw["household"]["parents"]:
        parent["maternity_benefit"] = True
    assert one_message_for(raw) == ("household.parents[1].maternity_benefit: "
                                    "nur ein Elternteil kann Mutterschaftsleistungen beziehen (schon A)")


def test_a_plan_naming_an_unknown_parent_is_rejected() -> None:
    raw = minimal_case()
    raw["elterngeld_plan"]["months"]["C"] = "BB"
    assert one_message_for(raw) == "elterngeld_plan.months.C: kein Elternteil mit der Kennung „C“ (vorhanden: A, B)"


def test_a_plan_for_an_unknown_child_is_rejected() -> None:
    raw = minimal_case(language="en")
    raw["elterngeld_plan"]["child"] = "K2"
    assert one_message_for(raw) == 'elterngeld_plan.child: no child with id "K2" (known: K1)'


def test_plan_constraints_name_known_parents_and_do_not_contradict_themselves() -> None:
    raw = minimal_case()
    raw["elterngeld_plan"]["constraints"] = {"at_home": {"A": [1, 2]}, "at_work": {"A": [3]},
                                             "min_household_income": 2500, "max_months": {"B": 2}}
    case = load_case(raw)
    assert case.elterngeld_plan is not None and case.elterngeld_plan.constraints is not None
    assert case.elterngeld_plan.constraints.at_home == {"A": [1, 2]}
    raw["elterngeld_plan"]["constraints"]["at_work"] = {"A": [2]}
    assert one_message_for(raw) == "elterngeld_plan.constraints.at_work.A[0]: Lebensmonat 2 steht auch in at_home"
    raw["elterngeld_plan"]["constraints"]["at_work"] = {"Z": [5]}
    assert one_message_for(raw) == (
        "elterngeld_plan.constraints.at_work.Z: kein Elternteil mit der Kennung „Z“ (vorhanden: A, B)")


# --- schema and catalog ---

def test_the_json_schema_forbids_unknown_keys_and_carries_german_descriptions() -> None:
    schema = case_json_schema()
    json.dumps(schema)
    assert schema["additionalProperties"] is False
    assert all(d.get("additionalProperties") is False for d in schema["$defs"].values())
    income = schema["$defs"]["IncomeBeforeBirth"]["properties"]
    assert income["tax_class"]["minimum"] == 1 and income["tax_class"]["maximum"] == 6
    assert income["tax_class"]["description"] == "Steuerklasse 1 bis 6"
    assert income["child_allowances"]["default"] == 0.0
    assert schema["title"] == "Fall (workbench-case/4)" and schema["$defs"]["Parent"]["title"] == "Elternteil"


def test_every_key_in_the_catalog_has_a_german_and_an_english_text() -> None:
    for key, texts in catalog().items():
        assert set(texts) >= {"de", "en"}, key
        assert all(isinstance(texts[lang], str) and texts[lang].strip() for lang in ("de", "en")), key


def test_the_model_classes_reject_unknown_keys_when_built_directly() -> None:
    with pytest.raises(ValidationError):
        IncomeBeforeBirth.model_validate({"kind": "none", "extra": 1})


# --- properties: nothing but CaseError, every message has a path ---

def assert_only_good_messages(raw: Any) -> None:
    try:
        load_case(raw)
    except CaseError as exc:
        assert exc.messages
        for message in exc.messages:
            assert PATH_LINE.match(message), message
            assert not any(word in message for word in PYDANTIC_WORDS), message


json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-10**6, 10**6) | st.floats(allow_nan=False) | st.text(max_size=12)
    | st.sampled_from(["A", "K1", "2026-01-01", "employee", "basis", "BBPP+-", "workbench-case/1", "en"]),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=20,
)


@settings(max_examples=int(os.environ.get("CASE_EXAMPLES", 300)), deadline=None)
@given(st.dictionaries(st.sampled_from(["format", "case_id", "language", "household", "elterngeld_plan",
                                        "notes", "x"]), json_values, max_size=7))
def test_random_dicts_give_nothing_but_case_errors_with_paths(raw: dict[str, Any]) -> None:
    assert_only_good_messages(raw)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=60))
@example("")
@example("{")
@example('{"language": "en"')
def test_random_text_gives_nothing_but_case_errors(text: str) -> None:
    assert_only_good_messages("{" + text)


def mutate(raw: Any, data: st.DataObject) -> Any:
    """Replace, delete or add one entry somewhere in the tree."""
    if isinstance(raw, (dict, list)) and raw and data.draw(st.booleans()):
        key = data.draw(st.sampled_from(sorted(raw) if isinstance(raw, dict) else list(range(len(raw)))))
        raw[key] = mutate(raw[key], data)
        return raw
    action = data.draw(st.sampled_from(["replace", "delete", "add"]))
    if action == "delete" and isinstance(raw, dict) and raw:
        del raw[data.draw(st.sampled_from(sorted(raw)))]
        return raw
    if action == "add" and isinstance(raw, dict):
        raw[data.draw(st.text(max_size=8))] = data.draw(json_values)
        return raw
    return data.draw(json_values)


@needs_examples
@settings(max_examples=int(os.environ.get("CASE_EXAMPLES", 400)), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_random_mutations_of_an_example_give_nothing_but_case_errors_with_paths(data: st.DataObject) -> None:
    raw = copy.deepcopy(example_case(data.draw(st.sampled_from(EXAMPLES))))
    for _ in range(data.draw(st.integers(1, 3))):
        raw = mutate(raw, data)
    assert_only_good_messages(raw)
