"""The Leistungscheck and the Mutterschutz/Elternzeit in Leichte Sprache (ADR 0040): chosen like a language
in the Leistungscheck wizard and the CLI, the amounts and dates of the rules, the rules of Leichte Sprache."""

from __future__ import annotations

import base64
import io
import re
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.test_leichte_sprache import ABBREVIATIONS, NUMBER_WORDS, _sentences
from workbench.case import load_case
from workbench.evaluation.leistungscheck import leistungscheck
from workbench.evaluation.leistungscheck_ahead import monthly_total
from workbench.report import handout_pdf
from workbench.report.leistungscheck import leistungscheck_sections
from workbench.report.register import family_sheet_problems
from workbench.report.topics import topic_sections

CASES = Path(__file__).parent / "cases"
SINGLE = CASES / "familien" / "alleinerziehend.json"
AYLIN_JONAS = CASES / "lebenslagen" / "aylin-jonas.json"


def words(pdf: bytes) -> str:
    return "\n".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(pdf)).pages)


def easy_leistungscheck(path: Path) -> str:
    case = load_case(path).model_copy(update={"elterngeld_plan": None})
    return words(handout_pdf(case, "de-LS", leistungscheck_sections(case, "de"), plans=[]))


def follows_the_rules(body: str, case_id: str) -> None:
    assert family_sheet_problems(body, "de", (case_id,)) == []
    assert not ABBREVIATIONS.search(body), ABBREVIATIONS.search(body)
    assert not NUMBER_WORDS.search(body), NUMBER_WORDS.search(body)
    assert "(" not in body and ")" not in body
    for sentence in _sentences(body):
        assert len(sentence.split()) <= 14, sentence


def test_the_single_mothers_leistungscheck_in_leichte_sprache_names_each_benefit_with_the_rules_amount() -> None:
    body = easy_leistungscheck(SINGLE)
    follows_the_rules(body, "FAM-ALLEINERZIEHEND")
    check = leistungscheck(load_case(SINGLE))
    # Kindergeld 2 × 259 €, UVG 227 + 227 € (2026), from the rules of the check, not typed here
    assert check.results["kindergeld"].monthly == 518 and check.results["unterhaltsvorschuss"].monthly == 454
    assert "Sie können Kinder-Geld bekommen.\nDas sind etwa 518,00 Euro im Monat." in body
    assert "Sie können Unterhalts-Vorschuss bekommen.\nDas sind etwa 454,00 Euro im Monat.\nDen Antrag stellen Sie beim Jugend-Amt." in body
    total = monthly_total(check).granted
    assert f"Zusammen sind das etwa {total:,.2f}".replace(",", "X").replace(".", ",").replace("X", ".") in body
    for word in ("Kinder-Geld", "Kinder-Zuschlag", "Unterhalts-Vorschuss", "Wohn-Geld", "Bescheid"):
        assert f"\n{word}\n" in body, word  # the names of the benefits are explained
    assert "Eltern-Geld" not in body  # a sheet about the Leistungscheck alone
    assert body.startswith("Hilfen für Ihre Familie")


def test_mutterschutz_and_elternzeit_in_leichte_sprache_with_the_two_years_of_each_parent(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WORKBENCH_TODAY", "2026-04-01")
    case = load_case(AYLIN_JONAS)
    body = words(handout_pdf(case, "de-LS", topic_sections(case, "de")))
    follows_the_rules(body, case.case_id)
    # born 01.06.2026, two weeks early: the protection period runs 04.05.–10.08.2026 (99 days)
    assert "Der Mutter-Schutz beginnt am 4. Mai 2026.\nEr endet am 10. August 2026." in body
    # § 16 Abs. 1 Satz 2, 4 BEEG: Aylin's two years begin with her protection after the birth, Jonas's with his leave
    assert "Die 2 Jahre gehen vom 2. Juni 2026 bis zum 1. Juni 2028.\nDer Mutter-Schutz nach der Geburt zählt" in body
    assert "Die 2 Jahre gehen vom 1. Juni 2027 bis zum 31. Mai 2029." in body
    assert "\nEltern-Zeit\n" in body and "\nMutter-Schutz\n" in body
    assert "eigenes Blatt" not in body  # nothing left for another sheet


def test_a_protection_period_that_is_over_is_told_in_the_past(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WORKBENCH_TODAY", "2026-12-07")
    case = load_case(AYLIN_JONAS)
    body = words(handout_pdf(case, "de-LS", topic_sections(case, "de")))
    assert "Der Mutter-Schutz war vom 4. Mai 2026 bis zum 10. August 2026." in body
    assert "nicht kündigen" not in body  # the protection against dismissal ended four months after the birth


def test_the_cli_makes_the_lebenslagen_sheet_in_leichte_sprache(tmp_path: Path) -> None:
    out = tmp_path / "ls.pdf"
    run = subprocess.run([sys.executable, "-m", "workbench.cli", "handout", str(AYLIN_JONAS), "--language", "de-LS",
                          "-o", str(out)], capture_output=True, text=True, timeout=180)
    assert run.returncode == 0, run.stderr
    assert "Im 1. Brief sagt Jonas" in words(out.read_bytes())


def test_the_leistungscheck_wizard_offers_the_handout_in_leichte_sprache() -> None:
    from tests.memory_store import MemoryStore
    from tests.test_leistungscheck_wizard import fill_single_parent
    from workbench.ui.pages.leistungscheck.steps import ErgebnisStep
    from workbench.ui.pages.leistungscheck.wizard import LeistungscheckWizard, new_case

    wizard = LeistungscheckWizard(new_case(), MemoryStore(), autosave_delay=0)
    fill_single_parent(wizard)
    result = wizard.steps[3]
    assert isinstance(result, ErgebnisStep)
    assert [value for _label, value in result.pdf_language.options] == ["de", "de-LS", "en"]
    result.pdf_language.value = "de-LS"
    result.make_pdf.click()
    assert "leichte-sprache.pdf" in result.download.value
    link = re.search(r'href="data:application/pdf;base64,([^"]+)"', result.download.value)
    assert link is not None
    body = words(base64.b64decode(link.group(1)))
    assert "Ein Merk-Blatt in Leichter Sprache" in body and "Sie können Unterhalts-Vorschuss bekommen." in body


def test_the_elternzeit_wizard_makes_the_lebenslagen_handout_in_the_language_chosen() -> None:
    import json

    from tests.memory_store import MemoryStore
    from workbench.ui.pages.lebenslagen.elternzeit import ElternzeitWizard

    data = json.loads(AYLIN_JONAS.read_text(encoding="utf-8"))
    wizard = ElternzeitWizard(data, MemoryStore(), autosave_delay=0, today=date(2026, 4, 1))
    for _ in range(3):
        wizard._on_next()
    result = wizard.steps[3]
    assert wizard.index == 3
    assert [value for _label, value in result.pdf_language.options] == ["de", "de-LS", "en"]  # type: ignore[attr-defined]
    result.pdf_language.value = "de-LS"  # type: ignore[attr-defined]
    result.make_pdf.click()  # type: ignore[attr-defined]
    link = re.search(r'href="data:application/pdf;base64,([^"]+)"', result.download.value)  # type: ignore[attr-defined]
    assert link is not None and "leichte-sprache.pdf" in result.download.value  # type: ignore[attr-defined]
    body = words(base64.b64decode(link.group(1)))
    assert "Ein Merk-Blatt in Leichter Sprache" in body
    assert "Die 2 Jahre gehen vom 1. Juni 2027 bis zum 31. Mai 2029." in body  # Jonas, § 16 Abs. 1 Satz 2 BEEG
    result.pdf_language.value = "de"  # type: ignore[attr-defined]
    result.make_pdf.click()  # type: ignore[attr-defined]
    link = re.search(r'href="data:application/pdf;base64,([^"]+)"', result.download.value)  # type: ignore[attr-defined]
    assert link is not None
    german = " ".join(words(base64.b64decode(link.group(1))).split())
    assert "Elternzeit" in german and "01.06.2027 bis 31.05.2029" in german
