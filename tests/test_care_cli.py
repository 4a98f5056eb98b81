"""``workbench kita|pflege|vorsorge``: the topic results on the command line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.test_care_case import care_case, kita_case, vorsorge_case
from workbench.cli import main


def write(tmp_path: Path, data: dict[str, object]) -> Path:
    path = tmp_path / "case.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_pflege_prints_the_options_side_by_side(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["pflege", str(write(tmp_path, care_case())), "--date", "2026-04-01"]) == 0
    out = capsys.readouterr().out
    assert "Kombination: 40 % Pflegedienst | 359,40 € | 598,80 € | 11.498,40 €" in out
    assert out.startswith("Stand: 01.04.2026")


def test_kita_in_english_and_as_pdf(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pdf = tmp_path / "kita.pdf"
    assert main(["kita", str(write(tmp_path, kita_case(household_income_y=38000))), "--language", "en",
                 "--date", "2025-12-01", "--pdf", str(pdf)]) == 0
    assert "Legal claim from (1st birthday, § 24 Abs. 2 SGB VIII) | 14 Mar 2026" in capsys.readouterr().out
    assert pdf.read_bytes()[:4] == b"%PDF"
    assert main(["kita", str(write(tmp_path, kita_case())), "--pdf", str(pdf)]) == 2
    assert "--force" in capsys.readouterr().err


def test_vorsorge_writes_the_family_summary(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pdf = tmp_path / "vorsorge.pdf"
    assert main(["vorsorge", str(write(tmp_path, vorsorge_case())), "--pdf", str(pdf)]) == 0
    assert "25,50 €" in capsys.readouterr().out and pdf.read_bytes()[:4] == b"%PDF"


def test_a_case_without_the_topic_exits_2_with_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["pflege", str(write(tmp_path, kita_case()))]) == 2
    assert capsys.readouterr().err.strip() == "Der Fall KI-TEST-1 enthält keinen Abschnitt „pflege“."


def test_the_elterngeld_handout_of_a_case_without_a_child_exits_2_with_a_hint(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["handout", str(write(tmp_path, care_case())), "-o", str(tmp_path / "h.pdf")]) == 2
    assert capsys.readouterr().err.startswith("household.children: dieser Fall hat kein Kind")


def test_the_family_pdf_is_readable_by_its_owner_only(tmp_path: Path) -> None:
    """The Vorsorge summary names the family's people: written like the handout and the exports (mode 600)."""
    pdf = tmp_path / "vorsorge.pdf"
    assert main(["vorsorge", str(write(tmp_path, vorsorge_case())), "--pdf", str(pdf)]) == 0
    assert pdf.stat().st_mode & 0o777 == 0o600
    assert main(["vorsorge", str(write(tmp_path, vorsorge_case())), "--pdf", str(pdf), "--force"]) == 0


def test_the_handout_of_a_kita_pflege_vorsorge_case_proposes_no_elterngeld_plan(tmp_path: Path) -> None:
    """A family with a one-year-old who came for the Kita, the care of a parent and a Vollmacht was handed
    "Ihr Elterngeld-Plan" with the optimizer's plan at the 300-€ minimum; the sheet is about their topics,
    as the wizards' sheets are. A case with a plan keeps its plans."""
    import pdfplumber

    root = Path(__file__).parent / "cases" / "lebenslagen"
    for name, title in (("kita-pflege-vorsorge", "Ihre Familienleistungen"), ("aylin-jonas", "Ihr Elterngeld-Plan")):
        out = tmp_path / f"{name}.pdf"
        assert main(["handout", str(root / f"{name}.json"), "-o", str(out)]) == 0
        with pdfplumber.open(out) as pdf:
            words = "\n".join(page.extract_text() or "" for page in pdf.pages)
        assert words.startswith(title)
        assert ("Höchstes Elterngeld" in words) is (name == "aylin-jonas")
