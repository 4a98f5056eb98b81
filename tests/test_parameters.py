"""Every parameter file is valid: each value has a reference, no periods overlap."""

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from workbench.errors import ParameterError, UnsupportedPeriod
from workbench.parameters import parameter_files, parse_parameter_file


def test_every_parameter_file_loads_with_references_and_without_overlaps() -> None:
    files = parameter_files()
    for benefit, path in files.items():
        pset = parse_parameter_file(benefit, path)
        for param in pset.parameters.values():
            for v in param.values:
                assert v.reference.strip(), f"{benefit}.{param.name} {v.valid_from} has no reference"
            periods = param.periods()
            for (start_a, end_a), (start_b, _) in zip(periods, periods[1:]):
                assert end_a is not None and end_a < start_b


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "params.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_value_without_reference_is_refused(tmp_path: Path) -> None:
    path = _write(tmp_path, """
x:
  description: "§ 1 Test: a value"
  unit: euro
  values:
    - valid_from: 2025-01-01
      value: 10
""")
    with pytest.raises(ParameterError, match="reference"):
        parse_parameter_file("t", path)


def test_overlapping_periods_are_refused(tmp_path: Path) -> None:
    path = _write(tmp_path, """
x:
  description: "§ 1 Test: a value"
  unit: euro
  values:
    - valid_from: 2025-01-01
      valid_until: 2026-06-30
      value: 10
      reference: "§ 1 Testgesetz"
    - valid_from: 2026-01-01
      value: 11
      reference: "§ 1 Testgesetz"
""")
    with pytest.raises(ParameterError, match="overlaps"):
        parse_parameter_file("t", path)


def test_a_duplicate_key_is_refused_instead_of_silently_overwritten(tmp_path: Path) -> None:
    path = _write(tmp_path, """
x:
  description: "§ 1 Test: a value"
  unit: euro
  values:
    - valid_from: 2025-01-01
      value: 10
      reference: "§ 1 Testgesetz"
x:
  description: "§ 1 Test: again"
  unit: euro
  values:
    - valid_from: 2025-01-01
      value: 12
      reference: "§ 1 Testgesetz"
""")
    with pytest.raises(ParameterError, match="duplicate"):
        parse_parameter_file("t", path)


def test_lookup_by_date_reads_exact_decimals_and_refuses_dates_before_the_first_value(tmp_path: Path) -> None:
    path = _write(tmp_path, """
x:
  description: "§ 1 Test: a value"
  unit: share
  values:
    - valid_from: 2025-01-01
      value: 0.1
      reference: "§ 1 Testgesetz"
    - valid_from: 2026-01-01
      valid_until: 2026-12-31
      value: 0.2
      reference: "§ 1 Testgesetz"
""")
    pset = parse_parameter_file("t", path)
    assert pset.value("x", date(2025, 12, 31)) == Decimal("0.1")
    assert pset.value("x", date(2026, 1, 1)) == Decimal("0.2")
    with pytest.raises(UnsupportedPeriod, match="erst ab dem 01.01.2025 modelliert. Unterstützt werden Daten ab 2025"):
        pset.value("x", date(2024, 12, 31))
    with pytest.raises(UnsupportedPeriod, match="gilt nach dem Gesetz nur vom 01.01.2025 bis 31.12.2026"):
        pset.value("x", date(2027, 1, 1))


PERIODIC = {  # issue 15: what the law renews periodically (rhythm, where the value is published)
    ("leistungen", "kindergeld_betrag_m"), ("leistungen", "kinderfreibetrag_saechlich_y"),
    ("grundsicherung", "regelbedarf_m"), ("leistungen", "uvg_mindestunterhalt_m"), ("leistungen", "but_schulbedarf_y"),
    ("kinderzuschlag", "hoechstbetrag_m"), ("kinderzuschlag", "wohnkosten_existenzminimum_y"),
    ("wohngeld", "hoechstbetraege_m"), ("wohngeld", "koeffizienten"),
    ("steuer", "bbg_rv"), ("steuer", "bbg_kvpv"), ("steuer", "grundfreibetrag"), ("steuer", "tarif_32a"),
    ("pflege", "pflegegeld_m"), ("pflege", "sachleistung_m"), ("pflege", "bbg_kv_y"),
    ("elterngeld", "geringfuegigkeitsgrenze_m"), ("elterngeld", "gkv_zusatzbeitrag_pap"),
}
CLOSED_BY_LAW = {  # the only values that end: a law ended the rule (ADR 0019)
    ("leistungen", "kindergeld_staffel_m"), ("pflege", "verhinderungspflege_y"), ("pflege", "kurzzeitpflege_y"),
    ("steuer", "kv_zusatz_ag_durchschnitt"), ("steuer", "mindestvorsorgepauschale"),
}


def test_every_periodically_updated_parameter_names_its_rhythm_and_where_the_new_value_is_published() -> None:
    sets = {b: parse_parameter_file(b, p) for b, p in parameter_files().items()}
    for benefit, name in PERIODIC:
        param = sets[benefit].parameters[name]
        assert param.updated in ("yearly", "biennial", "every_3_years"), (benefit, name)
        assert param.published_in and len(param.published_in) > 20, (benefit, name)
    assert sets["wohngeld"].parameters["koeffizienten"].updated == "biennial"  # § 43 WoGG
    assert sets["pflege"].parameters["pflegegeld_m"].next_update() == date(2028, 1, 1)  # § 30 SGB XI
    assert sets["leistungen"].parameters["kindergeld_betrag_m"].next_update() == date(2027, 1, 1)


def test_only_values_a_law_ended_carry_valid_until() -> None:
    closed = {(b, n) for b, p in parameter_files().items() for n, param in parse_parameter_file(b, p).parameters.items()
              if any(v.valid_until is not None for v in param.values)}
    assert closed == CLOSED_BY_LAW
    for benefit, path in parameter_files().items():
        for line in path.read_text(encoding="utf-8").splitlines():
            if "valid_until:" in line:
                assert "# kept:" in line, (benefit, line)  # each kept end says which law ended the rule


@pytest.mark.parametrize("body, message", [
    ("  updated: yearly\n", "needs 'published_in'"),
    ('  published_in: "BGBl. I"\n', "needs 'updated'"),
    ("  updated: monthly\n  published_in: \"BGBl. I\"\n", "updated"),
])
def test_a_rhythm_without_its_publication_source_is_refused(tmp_path: Path, body: str, message: str) -> None:
    path = _write(tmp_path, 'x:\n  description: "§ 1 Test: a value"\n  unit: share\n' + body
                  + '  values:\n    - {valid_from: 2025-01-01, value: 0.1, reference: "§ 1 Testgesetz"}\n')
    with pytest.raises(ParameterError, match=message):
        parse_parameter_file("t", path)


def test_a_lookup_after_the_due_update_is_provisional_and_recorded_per_block(tmp_path: Path) -> None:
    from workbench.parameter_tracking import provisional_note, tracking

    path = _write(tmp_path, 'x:\n  description: "§ 1 Test: a value"\n  unit: share\n  updated: yearly\n'
                  '  published_in: "Testverordnung (BGBl. I)"\n  values:\n'
                  '    - {valid_from: 2025-01-01, value: 0.1, reference: "§ 1 Testgesetz"}\n'
                  '    - {valid_from: 2026-01-01, value: 0.2, reference: "§ 1 Testgesetz (nicht verifiziert)"}\n')
    pset = parse_parameter_file("t", path)
    assert pset.value("x", date(2026, 6, 1)) == Decimal("0.2")  # outside a block: no bookkeeping
    with tracking() as outer:
        with tracking() as inner:
            assert pset.value("x", date(2026, 12, 31)) == Decimal("0.2")
        assert inner.provisional == () and len(inner.unverified) == 1
        assert pset.value("x", date(2027, 3, 1)) == Decimal("0.2")  # the newest value stays in force
        assert pset.value("x", date(2027, 3, 1)) == Decimal("0.2")  # memoised, still recorded
    assert [(v.name, v.valid_from, v.due, v.published_in) for v in outer.provisional] == [
        ("x", date(2026, 1, 1), date(2027, 1, 1), "Testverordnung (BGBl. I)")]
    assert provisional_note(outer.provisional) == "vorläufig: Werte für 2027 noch nicht hinterlegt – Stand der Werte: 2026"
    assert provisional_note(outer.provisional, "en") == "provisional: values for 2027 not yet available – values as of 2026"


def test_tracking_is_per_thread_so_parallel_requests_do_not_mix(tmp_path: Path) -> None:
    import threading

    from workbench.parameter_tracking import tracking

    path = _write(tmp_path, 'x:\n  description: "§ 1 Test: a value"\n  unit: share\n  updated: yearly\n'
                  '  published_in: "Testverordnung (BGBl. I)"\n  values:\n'
                  '    - {valid_from: 2026-01-01, value: 0.2, reference: "§ 1 Testgesetz"}\n')
    pset = parse_parameter_file("t", path)
    seen: dict[str, int] = {}
    barrier = threading.Barrier(2)

    def work(name: str, on: date) -> None:
        with tracking() as used:
            barrier.wait()
            for _ in range(200):
                pset.value("x", on)
            barrier.wait()
        seen[name] = len(used.provisional)

    threads = [threading.Thread(target=work, args=("2026", date(2026, 5, 1))),
               threading.Thread(target=work, args=("2027", date(2027, 5, 1)))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert seen == {"2026": 0, "2027": 1}
