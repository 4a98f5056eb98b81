"""The family handout: a PDF whose text says the totals, the dates and who decides, in German or English."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from tests.shared import SHARED
from workbench.case import load_case
from workbench.i18n import format_money
from workbench.report import HandoutSection, application_deadline, elternzeit_notice, handout_pdf
from workbench.evaluation.elterngeld.optimize import optimize

EXAMPLE = SHARED / "examples" / "elterngeld" / "ex-money-021.json"


def example_data() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(EXAMPLE.read_text(encoding="utf-8"))["case"]
    return data


def pdf_text(pdf: bytes) -> str:
    reader = PdfReader(io.BytesIO(pdf))
    return "\n".join(page.extract_text() or "" for page in reader.pages)


@pytest.fixture(scope="module")
def german() -> tuple[bytes, str]:
    pdf = handout_pdf(load_case(example_data()))
    return pdf, pdf_text(pdf)


def test_the_handout_is_a_pdf_of_one_or_two_pages(german: tuple[bytes, str]) -> None:
    pdf, _ = german
    assert pdf.startswith(b"%PDF")
    assert 1 <= len(PdfReader(io.BytesIO(pdf)).pages) <= 2


def test_the_german_handout_shows_the_familys_total_the_best_plans_total_and_who_decides(german: tuple[bytes, str]) -> None:
    _, content = german
    case = load_case(example_data())
    best = optimize(case, "household_income", top=1).plans[0].total  # the comparison's best: the household's money
    assert "20.862,22 €" in content
    assert format_money(best, "de") in content
    # the first page leads with the family's chosen plan by name, in plain words
    assert "Ihr gewählter Plan: „Ihr Plan“" in content and 'Dieses Merkblatt beschreibt vor allem den Plan „Ihr Plan“' in content
    assert "Eva: Basiselterngeld in LM 1–10;" in content
    assert "Elterngeldstelle" in content
    assert "Familienbüro Bochum" in content


def test_the_application_deadline_keeps_month_1_paid_and_is_printed(german: tuple[bytes, str]) -> None:
    # born 13.05.2026: an application arriving in Lebensmonat 4 (13.08.–12.09.2026) still pays months 1–3
    birth = load_case(example_data()).plan_child().birth_date
    assert application_deadline(birth, 1).isoformat() == "2026-09-12"
    assert "12.09.2026" in german[1]


def test_the_elternzeit_notice_is_seven_weeks_before_it_starts(german: tuple[bytes, str]) -> None:
    from datetime import date

    birth = load_case(example_data()).plan_child().birth_date
    assert elternzeit_notice(date(2027, 3, 13), birth) == date(2027, 1, 23)
    assert "23.01.2027" in german[1]


def test_extra_sections_from_other_topics_are_printed_with_their_table() -> None:
    section = HandoutSection(heading="Kindergeld", paragraphs=("Für Mia: monatlich",),
                             rows=(("Kind", "Betrag"), ("Mia Öztürk", "259,00 €")))
    pdf = handout_pdf(load_case(example_data()), "de", sections=[section])
    words = "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    assert "Kindergeld" in words and "Mia Öztürk" in words and "259,00 €" in words


def test_the_english_handout_uses_english_words_and_money_format() -> None:
    content = pdf_text(handout_pdf(load_case(example_data()), "en"))
    assert "€20,862.22" in content
    assert "12 Sep 2026" in content
    assert "Elterngeldstelle decides" in content


def test_names_with_umlauts_and_quotes_are_printed_as_typed() -> None:
    data = example_data()
    data["household"]["parents"][1]["name"] = 'Jörg "JJ" Müller-Lüdenscheidt'
    content = pdf_text(handout_pdf(load_case(data)))
    assert 'Jörg "JJ" Müller-Lüdenscheidt' in content


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "workbench.cli", *args], capture_output=True, text=True, timeout=180)


def test_the_command_writes_the_handout_and_refuses_to_overwrite_it_without_force(tmp_path: Path) -> None:
    case = tmp_path / "case.json"
    case.write_text(json.dumps(example_data()), encoding="utf-8")
    out = tmp_path / "merkblatt.pdf"
    first = run("handout", str(case), "-o", str(out), "--language", "en")
    assert first.returncode == 0, first.stderr
    assert "€20,862.22" in pdf_text(out.read_bytes())
    again = run("handout", str(case), "-o", str(out))
    assert again.returncode == 2 and "--force" in again.stderr
    forced = run("handout", str(case), "-o", str(out), "--force")
    assert forced.returncode == 0, forced.stderr
    assert "20.862,22 €" in pdf_text(out.read_bytes())


def test_the_command_exits_with_2_on_a_bad_case_without_traceback(tmp_path: Path) -> None:
    data = example_data()
    data["household"]["parents"][0]["income_before_birth"]["tax_class"] = 9
    case = tmp_path / "case.json"
    case.write_text(json.dumps(data), encoding="utf-8")
    out = tmp_path / "merkblatt.pdf"
    result = run("handout", str(case), "-o", str(out))
    assert result.returncode == 2
    assert "tax_class" in result.stderr and "Traceback" not in result.stderr + result.stdout
    assert not out.exists()
    missing = run("handout", str(tmp_path / "nope.json"), "-o", str(out))
    assert missing.returncode == 2 and "Traceback" not in missing.stderr


def test_a_missing_font_gives_a_clear_message_naming_the_package(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from workbench.report import pdf
    from workbench.errors import WorkbenchError

    monkeypatch.setattr(pdf, "FONT_DIR", tmp_path)  # the report layer's fonts (report/pdf.py)
    with pytest.raises(WorkbenchError, match="fonts-dejavu-core"):
        handout_pdf(load_case(example_data()))


def test_a_mothers_elternzeit_notice_follows_the_end_of_her_mutterschutz() -> None:
    # ex-money-020: mother with Mutterschaftsgeld, born 17.09.2025; the protection period ends
    # 8 weeks later on 12.11.2025, Elternzeit can start on 13.11.2025: notice by 25.09.2025.
    import json
    from datetime import date

    from workbench.case import load_case
    from workbench.evaluation.elterngeld.engine import mutterschutz_ende

    case = load_case(json.loads((SHARED / "examples" / "elterngeld" / "ex-money-020.json").read_text())["case"])
    assert mutterschutz_ende(case) == date(2025, 11, 12)
    text_de = pdf_text(handout_pdf(case))
    assert "13.11.2025" in text_de and "25.09.2025" in text_de


def test_chart_axis_labels_keep_the_thousands() -> None:
    from decimal import Decimal

    from workbench.report.blocks import whole_euros

    assert whole_euros(Decimal(2000), "de") == "2.000 €"
    assert whole_euros(Decimal(1500), "en") == "€1,500"
    assert whole_euros(Decimal(0), "de") == "0 €"
