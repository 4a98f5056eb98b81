"""``scripts/cli_outputs.py``: the byte-identical check of the command line's outputs (issue 19, docs/architecture.md).

Two dumps of the same code must be identical (nothing depends on the day or on where the cases
were written), and ``compare`` must name every file that changed or went missing.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType

import pytest

from tests.shared import EXAMPLES

SCRIPT = Path(__file__).resolve().parents[1] / "scripts" / "cli_outputs.py"
SUBSET = "*-aylin-jonas"  # tests/cases/lebenslagen: Elterngeld, Mutterschutz and Elternzeit in one case
DAY = "2026-09-15"  # not 1 July: the Leistungscheck of a case without a benefits year uses the office's day
COMMANDS = ["elterngeld", "check", "mutterschutz", "elternzeit", "pflege", "schema"]


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("cli_outputs", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["cli_outputs"] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def dumps(tmp_path_factory: pytest.TempPathFactory) -> tuple[ModuleType, Path, Path]:
    script = _script()
    first, second = tmp_path_factory.mktemp("first"), tmp_path_factory.mktemp("second")
    assert script.dump(first, DAY, SUBSET, COMMANDS) == 6
    assert script.dump(second, DAY, SUBSET, COMMANDS) == 6
    return script, first, second


def _stdout(path: Path) -> str:
    text = path.read_text(encoding="utf-8")
    return text.split("--- stdout\n", 1)[1].split("--- stderr\n", 1)[0]


def test_two_dumps_of_the_same_code_are_identical(dumps: tuple[ModuleType, Path, Path],
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    script, first, second = dumps
    assert script.compare(first, second) == []
    assert script.main(["compare", str(first), str(second)]) == 0
    assert capsys.readouterr().out == "identical\n"


def test_the_dump_holds_the_real_outputs_on_the_fixed_day(dumps: tuple[ModuleType, Path, Path]) -> None:
    _, first, _ = dumps
    case = first / "tests-cases-lebenslagen-aylin-jonas"
    mutterschutz = json.loads(_stdout(case / "mutterschutz.txt"))
    assert mutterschutz["protection"]["start"] == "2026-05-04" and mutterschutz["protection"]["days"] == 99
    elternzeit = json.loads(_stdout(case / "elternzeit.txt"))
    assert elternzeit["today"] == DAY  # WORKBENCH_TODAY, not the day the dump ran
    assert json.loads(_stdout(case / "check.txt"))["date"] == DAY  # no benefits year: the office's day
    pflege = (case / "pflege.txt").read_text(encoding="utf-8")
    assert pflege == "exit 2\n--- stdout\n--- stderr\nDer Fall LL-beispiel-aylin enthält keinen Abschnitt „pflege“.\n"
    assert "Address" in json.loads(_stdout(first / "_global" / "schema.txt"))["$defs"]


def test_compare_names_an_edited_and_a_missing_file(dumps: tuple[ModuleType, Path, Path], tmp_path: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    script, first, _ = dumps
    edited = tmp_path / "edited"
    edited.mkdir()
    for path in first.rglob("*.txt"):
        target = edited / path.relative_to(first)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(path.read_bytes())
    elterngeld = edited / "tests-cases-lebenslagen-aylin-jonas" / "elterngeld.txt"
    elterngeld.write_text(elterngeld.read_text(encoding="utf-8").replace('"valid": true', '"valid": false', 1),
                          encoding="utf-8")
    (edited / "_global" / "schema.txt").unlink()
    assert script.main(["compare", str(first), str(edited)]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out[0] == f"only in {first}: _global/schema.txt"
    assert out[1].startswith("differs: tests-cases-lebenslagen-aylin-jonas/elterngeld.txt line ")
    assert "'\"valid\": true,' != '\"valid\": false,'" in out[1]
    assert out[2] == "2 differences"


def test_every_shared_example_is_a_case_of_the_dump() -> None:
    labels = {case.label for case in _script().collect_cases()}
    examples = sorted((EXAMPLES / "elterngeld").glob("*.json"))
    assert len(examples) == 40
    assert {f"shared-elterngeld-{path.stem}" for path in examples} <= labels
    assert {"docs-leistungscheck-paar", "tests-cases-vergleich-familie-lena-tom", "tests-built-pflege"} <= labels
