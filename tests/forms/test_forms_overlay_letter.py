"""The NRW form without fields (overlay inside its cells), the Elternzeit letter, missing data and the CLI."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from workbench.case import Case, dump_case, load_case
from workbench.cli import main
from workbench.errors import FormError
from workbench.forms import missing_data, produce
from workbench.forms.letter import elternzeit_periods
from workbench.forms.overlay import placements
from workbench.forms.registry import get_map
from workbench.forms.verify import overlay_chars, overlay_text, page_text

from tests.forms.conftest import FAMILY, TODAY, save_pngs
from tests.shared import BLANKS


def test_nrw_overlay_writes_each_value_inside_the_cell_of_its_anchor(family: Case) -> None:
    form = get_map("elterngeld-nrw")
    result = produce(family, "elterngeld-nrw", today=TODAY)
    where = placements(form)
    values = result.parts[0].values
    assert values, "nothing was written"
    for key, value in values.items():
        placement = where[key]
        for cell in placement.cells:
            assert cell.x0 >= placement.anchor.x0 - 1 or placement.kind in ("check",)
        expected = value.replace(" ", "") if placement.kind != "comb" else value
        assert overlay_text(result.pdf, placement).replace(" ", "") == expected, key
    # every character the overlay wrote lies in some cell of its page (nothing outside the boxes)
    cells = [c for p in where.values() if p.page == 1 for c in p.cells]
    for char in overlay_chars(result.pdf, 1):
        assert any(cell.contains(char, tolerance=1.0) for cell in cells), char
    save_pngs(result.pdf, "elterngeld-nrw-overlay", resolution=70)


def test_nrw_overlay_holds_the_familys_values(family: Case) -> None:
    result = produce(family, "elterngeld-nrw", today=TODAY)
    text = "".join(page_text(result.pdf).split())  # labels and values share lines: compare without spaces
    for value in ("Jürgen", "Müller-Lüdenscheidt", "Ayşe", "17.04.1990, Gelsenkirchen", "Königsallee 12a", "44789 Bochum"):
        assert "".join(value.split()) in text
    where = placements(get_map("elterngeld-nrw"))
    marked = sorted(key for key, value in result.parts[0].values.items() if value == "X" and where[key].kind == "month")
    # A: basis 6-10 (Basis row of Elternteil 1), B: basis 1-5 and plus 11-12
    assert len(marked) == 12
    assert all(where[k].page == 1 for k in marked)


def test_a_modified_nrw_copy_is_reported_not_filled(family: Case, tmp_path: Path) -> None:
    source = BLANKS / "elterngeld_antrag_nrw_2025-05_flat.pdf"
    (tmp_path / source.name).write_bytes(source.read_bytes() + b"\n% another print\n")
    with pytest.raises(FormError) as caught:
        produce(family, "elterngeld-nrw", today=TODAY, directory=tmp_path)
    assert "elterngeld_antrag_nrw_2025-05_flat.pdf" in str(caught.value)
    assert "NRW Stand Mai 2025" in str(caught.value)


def test_the_elternzeit_periods_follow_the_plan_and_the_deadline_is_seven_weeks_before(family: Case) -> None:
    periods = elternzeit_periods(family, "A")  # A: Lebensmonate 6-10 of a child born 10.03.2026
    assert [(p.start, p.end, p.deadline) for p in periods] == [(date(2026, 8, 10), date(2027, 1, 9), date(2026, 6, 22))]


def test_the_mothers_elternzeit_starts_after_the_mutterschutz() -> None:
    data = dump_case(load_case(FAMILY))
    data["household"]["parents"][1]["maternity_benefit"] = True
    case = load_case(data)
    periods = elternzeit_periods(case, "B")  # B: months 1-5, Mutterschutz ends 05.05.2026 (8 weeks after 10.03.)
    assert periods[0].start == date(2026, 5, 6)
    assert periods[0].end == date(2026, 8, 9)


def test_the_elternzeit_letter_states_periods_binding_years_and_asks_for_confirmation(family: Case) -> None:
    result = produce(family, "elternzeit-brief", today=TODAY)
    text = " ".join(page_text(result.pdf).split())
    assert "vom 10.08.2026 bis zum 09.01.2027" in text
    assert "§ 16 Abs. 1 Satz 2 BEEG" in text and "§ 16 Abs. 1 Satz 8 BEEG" in text
    assert "Stadtwerke Beispielstadt GmbH" in text and "Personalnummer: P-4711" in text
    assert "Bochum, 20.04.2026" in text
    assert result.notes == ["Elternzeit ab 10.08.2026: das Schreiben muss spätestens am 22.06.2026 beim Arbeitgeber "
                            "sein (§ 16 Abs. 1 Satz 1 BEEG)."]
    save_pngs(result.pdf, "elternzeit-brief", resolution=70)


def test_a_past_deadline_is_a_warning(family: Case) -> None:
    result = produce(family, "elternzeit-brief", today=date(2026, 7, 1))
    assert result.notes[0].startswith("Achtung: Elternzeit ab 10.08.2026 hätte bis zum 22.06.2026")


def test_missing_data_is_listed_in_german_before_filling() -> None:
    data = dump_case(load_case(FAMILY))
    del data["household"]["parents"][0]["personal"]["tax_id"]
    del data["household"]["parents"][0]["personal"]["bank"]
    del data["household"]["address"]
    case = load_case(data)
    missing = missing_data(case, "kg1")
    labels = {m.path: m.label for m in missing}
    assert labels["household.parents[0].personal.tax_id"] == "Steuer-ID – Jörg"
    assert labels["household.parents[0].personal.bank.iban"] == "IBAN – Jörg"
    assert labels["household.address.street"] == "Straße (Anschrift des Haushalts)"
    with pytest.raises(FormError) as caught:
        produce(case, "kg1", today=TODAY)
    assert "household.parents[0].personal.tax_id: Steuer-ID – Jörg" in caught.value.messages
    partial = produce(case, "kg1", today=TODAY, allow_missing=True)
    assert [m.path for m in partial.missing] == [m.path for m in missing]


def test_english_labels_of_missing_data() -> None:
    data = dump_case(load_case(FAMILY))
    del data["household"]["children"][1]["personal"]["birth_place"]
    missing = missing_data(load_case(data), "kg1", language="en")
    assert [m.label for m in missing] == ["place of birth – Jürgen"]


def test_cli_fill_writes_and_never_overwrites_without_force(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "kiz.pdf"
    assert main(["fill", "kiz1", str(FAMILY), "-o", str(out), "--date", "2026-04-20"]) == 0
    first = out.read_bytes()
    assert first.startswith(b"%PDF")
    assert main(["fill", "kiz1", str(FAMILY), "-o", str(out)]) == 2
    assert "nicht überschrieben" in capsys.readouterr().err
    assert out.read_bytes() == first
    assert main(["fill", "kiz1", str(FAMILY), "-o", str(out), "--force", "--flatten"]) == 0


def test_cli_fill_with_missing_data_exits_2_with_one_line_per_value(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = dump_case(load_case(FAMILY))
    del data["household"]["parents"][0]["personal"]["tax_id"]
    case_file = tmp_path / "case.json"
    import json

    case_file.write_text(json.dumps(data), encoding="utf-8")
    assert main(["fill", "kg1", str(case_file), "-o", str(tmp_path / "out.pdf")]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert err[1] == "household.parents[0].personal.tax_id: Steuer-ID – Jörg"
    assert not (tmp_path / "out.pdf").exists()


def test_cli_forms_check_and_list(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert main(["forms", "list"]) == 0
    assert "kg1" in capsys.readouterr().out
    assert main(["forms", "check"]) == 0
    assert main(["forms", "check", "--forms-dir", str(tmp_path)]) == 1
    assert "fehlt im Formularordner" in capsys.readouterr().out
    assert main(["forms", "inspect", str(tmp_path / "none.pdf")]) == 2


def _with_explicit_elternzeit() -> Case:
    """Father A takes Elternzeit twice for Jürgen (born 10.03.2026, 3rd birthday 10.03.2029), the wizard's periods."""
    data = dump_case(load_case(FAMILY))
    data["elternzeit"] = {"child": "K1", "periods": [
        {"parent": "A", "start": "2029-06-01", "end": "2029-11-30"},
        {"parent": "A", "start": "2026-09-01", "end": "2027-02-28", "hours_per_week": 24},
        {"parent": "B", "start": "2026-05-06", "end": "2026-08-09"},
    ]}
    return load_case(data)


def test_explicit_elternzeit_periods_replace_the_plan_with_7_and_13_week_deadlines() -> None:
    periods = elternzeit_periods(_with_explicit_elternzeit(), "A")
    # 01.09.2026 - 7 weeks = 14.07.2026 (before the 3rd birthday); 01.06.2029 - 13 weeks = 02.03.2029 (after it)
    assert [(p.start, p.end, p.deadline, p.hours_per_week) for p in periods] == [
        (date(2026, 9, 1), date(2027, 2, 28), date(2026, 7, 14), Decimal("24")),
        (date(2029, 6, 1), date(2029, 11, 30), date(2029, 3, 2), None),
    ]


def test_the_letter_states_the_explicit_periods_part_time_and_both_deadlines() -> None:
    result = produce(_with_explicit_elternzeit(), "elternzeit-brief", applicant="A", today=TODAY)
    text = " ".join(page_text(result.pdf).split())
    assert "1. vom 01.09.2026 bis zum 28.02.2027" in text
    assert "2. vom 01.06.2029 bis zum 30.11.2029" in text
    assert "10.08.2026" not in text  # the plan's period (Lebensmonate 6-10) is not stated
    assert "meine Arbeitszeit in diesem Zeitraum auf 24 Wochenstunden zu verringern (§ 15 Abs. 5 bis 7 BEEG)" in text
    assert "Eingang" not in text and "14.07.2026" not in text  # the deadlines are the advisor's, not the employer's
    assert text.count("Wochenstunden") == 1  # the second period is full leave
    # two years from the first period before the 3rd birthday: 01.09.2026 - 31.08.2028
    assert "innerhalb der zwei Jahre bis zum 31.08.2028 Elternzeit" in text
    assert result.notes[:2] == [
        "Elternzeit ab 01.09.2026: das Schreiben muss spätestens am 14.07.2026 beim Arbeitgeber sein (§ 16 Abs. 1 Satz 1 BEEG).",
        "Elternzeit ab 01.06.2029: das Schreiben muss spätestens am 02.03.2029 beim Arbeitgeber sein (§ 16 Abs. 1 Satz 1 BEEG).",
    ]
    save_pngs(result.pdf, "elternzeit-brief-explizit", resolution=60)


def test_the_plan_derived_letter_also_states_its_deadline(family: Case) -> None:
    assert family.elternzeit is None
    text = " ".join(page_text(produce(family, "elternzeit-brief", today=TODAY).pdf).split())
    assert "1. vom 10.08.2026 bis zum 09.01.2027" in text
    assert "Eingang" not in text and "22.06.2026" not in text
    assert "Wochenstunden" not in text


EMPLOYED_B = {"kind": "employee", "gross_monthly": 2800, "tax_class": 4}
"""Ayşe employed instead of self-employed: only employees request Elternzeit from an employer."""


def test_plan_months_with_part_time_work_are_requested_with_reduced_hours_and_bonus_without_hours_is_a_note() -> None:
    data = dump_case(load_case(FAMILY))
    data["elterngeld_plan"]["months"] = {"A": "-----BBBBB++++", "B": "BBBBB-----++++"}
    data["household"]["parents"][0]["income_after_birth"] = [
        {"from_month": 11, "to_month": 14, "gross_monthly": 2000, "hours_per_week": 26}]
    data["household"]["parents"][1]["income_before_birth"] = EMPLOYED_B
    case = load_case(data)
    periods = elternzeit_periods(case, "A")
    # months 6-10 full leave, 11-14 (10.01.-09.05.2027) part-time at 26 h: two periods
    assert [(p.start, p.end, p.hours_per_week) for p in periods] == [
        (date(2026, 8, 10), date(2027, 1, 9), None), (date(2027, 1, 10), date(2027, 5, 9), Decimal("26"))]
    text = " ".join(page_text(produce(case, "elternzeit-brief", applicant="A", today=TODAY).pdf).split())
    assert "2. vom 10.01.2027 bis zum 09.05.2027 mit Teilzeitarbeit bei Ihnen: Ich beantrage, meine Arbeitszeit" in text
    assert "auf 26 Wochenstunden zu verringern" in text

    notes = produce(case, "elternzeit-brief", applicant="B", today=TODAY, allow_missing=True).notes
    assert any("Partnerschaftsbonus-Monate ohne eingetragene Wochenstunden" in n and "10.01.2027" in n for n in notes)


def test_a_period_that_began_before_the_letter_is_not_requested_but_named_to_the_advisor(family: Case) -> None:
    # letter of 07.12.2026: A's months 6-10 began on 10.08.2026
    result = produce(family, "elternzeit-brief", today=date(2026, 12, 7))
    text = " ".join(page_text(result.pdf).split())
    assert "10.08.2026" not in text and "zwei Jahre" not in text
    assert result.notes[0].startswith("Der Zeitraum vom 10.08.2026 bis zum 09.01.2027 hat vor dem Datum des "
                                      "Schreibens (07.12.2026) begonnen und steht nicht im Schreiben")


def test_the_mothers_two_years_run_from_the_birth_and_no_declaration_after_the_third_birthday() -> None:
    data = dump_case(load_case(FAMILY))
    data["household"]["parents"][1]["maternity_benefit"] = True
    data["household"]["parents"][1]["income_before_birth"] = EMPLOYED_B
    mother = load_case(data)
    text = " ".join(page_text(produce(mother, "elternzeit-brief", applicant="B", today=date(2026, 3, 1),
                                      allow_missing=True).pdf).split())
    assert "1. vom 06.05.2026 bis zum 09.08.2026" in text
    # born 10.03.2026: the protection period after the birth (from 11.03.2026) counts towards the two
    # years (§ 16 Abs. 1 Satz 4 BEEG), so they end on the 2nd birthday, 10.03.2028
    assert "innerhalb der zwei Jahre bis zum 10.03.2028" in text
    assert "die deshalb mit dem Tag nach der Geburt beginnen" in text

    late = dump_case(load_case(FAMILY))
    late["elternzeit"] = {"child": "K1", "periods": [{"parent": "A", "start": "2029-06-01", "end": "2029-11-30"}]}
    text = " ".join(page_text(produce(load_case(late), "elternzeit-brief", applicant="A", today=TODAY).pdf).split())
    assert "1. vom 01.06.2029 bis zum 30.11.2029" in text and "zwei Jahre" not in text
    assert "bis zum achten Geburtstag meines Kindes behalte ich mir vor" in text


def test_without_a_first_name_the_letter_says_my_child_without_a_gap(family: Case) -> None:
    data = dump_case(family)
    del data["household"]["children"][1]["personal"]["first_name"]
    text = " ".join(page_text(produce(load_case(data), "elternzeit-brief", today=TODAY).pdf).split())
    assert "für mein Kind, geboren am 10.03.2026, Elternzeit" in text and "Kind ," not in text


def _with_bonus() -> Case:
    """Both parents take four Partnerschaftsbonus months together, Lebensmonate 11-14 (§ 4b BEEG)."""
    data = dump_case(load_case(FAMILY))
    data["elterngeld_plan"]["months"] = {"A": "-----BBBBB++++", "B": "BBBBB-----++++"}
    return load_case(data)


def test_nrw_overlay_ticks_four_bonus_months_from_month_11_and_the_marriage_date_inside_their_boxes() -> None:
    form = get_map("elterngeld-nrw")
    result = produce(_with_bonus(), "elterngeld-nrw", today=TODAY)
    where = placements(form)
    values = result.parts[0].values
    nationality = {key: value for key, value in values.items() if key.startswith("p2:deutsch@")}  # 1.4.2, same page
    bonus = {key: value for key, value in values.items() if where[key].page == 2 and key not in nationality}
    four = next(k for k in where if k.startswith("p2:4(?="))
    start = next(k for k in where if k.startswith("p2:Partnerschaftsbonusmonate werden ab dem"))
    assert bonus == {four: "X", start: "11"}
    for key in bonus:
        placement = where[key]
        expected = bonus[key]
        assert overlay_text(result.pdf, placement).replace(" ", "") == expected, key
    page2 = [c for p in where.values() if p.page == 2 for c in p.cells]
    chars = overlay_chars(result.pdf, 2)
    assert len(chars) == 3 + len(nationality)  # X, 1, 1 (and the 1.4.2 "deutsch" ticks)
    for char in chars:
        assert any(cell.contains(char, tolerance=1.0) for cell in page2), char
    # the start month's digits sit in the form's two boxes between "ab dem" and ". Lebensmonat"
    assert [round(c.x0) for c in where[start].cells] == [290, 304]
    assert round(where[start].cells[0].bottom) == 322  # the boxes' own bottom line, not the next full-width rule
    since = [k for k in values if k.startswith("p1:Ich bin verheiratet \\(seit\\)")]
    assert [values[k] for k in since] == ["03.08.2019"]  # A's personal.marital_status_since; B has none
    assert overlay_text(result.pdf, where[since[0]]).replace(" ", "") == "03.08.2019"
    assert where[since[0]].cells[0].x0 > where[since[0]].anchor.x1  # right of "(seit):", in Elternteil 1's column
    save_pngs(result.pdf, "elterngeld-nrw-bonus", resolution=60)


def test_without_bonus_months_section_1_3_2_stays_empty(family: Case) -> None:
    result = produce(family, "elterngeld-nrw", today=TODAY)
    where = placements(get_map("elterngeld-nrw"))
    # page 2 also holds 1.4.2 Staatsangehörigkeit ("deutsch"), which is not section 1.3.2
    assert not [k for k in result.parts[0].values if where[k].page == 2 and not k.startswith("p2:deutsch@")]
