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
