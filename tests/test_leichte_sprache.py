"""The family's handout in Leichte Sprache (issue 24, ADR 0035): chosen like a language, in the CLI and on
the comparison page, and written after the rules of the Netzwerk Leichte Sprache."""

from __future__ import annotations

import base64
import io
import json
import re
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from workbench.case import Case, load_case
from workbench.report import handout_pdf
from workbench.report.leichte_sprache import abschnitte, long_date
from workbench.report.handout import handout_plans
from workbench.report.register import HANDOUT_LANGUAGES, family_sheet_problems
from workbench.report.topics import topic_sections

CASES = Path(__file__).parent / "cases"
TWINS = CASES / "familien" / "zwillinge.json"
SINGLE = CASES / "handout" / "alleinerziehend-kurz.json"
ABBREVIATIONS = re.compile(r"§|€|\b(?:z\. ?B|bzw|ggf|usw|ca|inkl|evtl|Abs|Nr|LM|BEEG|EStG|MuSchG|SGB)\b\.?")
NUMBER_WORDS = re.compile(r"\b(?:zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|elf|zwölf)\b", re.IGNORECASE)


def _words(pdf: bytes) -> str:
    return "\n".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(pdf)).pages)


def _easy(path: Path) -> str:
    case = load_case(path)
    return _words(handout_pdf(case, "de-LS", topic_sections(case, "de")))


def _sentences(body: str) -> list[str]:
    lines = [line.strip(" •") for line in body.splitlines() if line.strip() and not line.startswith("Seite ")]
    return [s for line in lines for s in re.split(r"(?<=[.?!])\s+", line) if s]


@pytest.mark.parametrize("path", [TWINS, SINGLE], ids=lambda p: p.stem)
def test_the_easy_handout_follows_the_rules_of_leichte_sprache(path: Path) -> None:
    body = _easy(path)
    assert family_sheet_problems(body, "de", (load_case(path).case_id,)) == []
    assert not ABBREVIATIONS.search(body), ABBREVIATIONS.search(body)
    assert not NUMBER_WORDS.search(body), NUMBER_WORDS.search(body)  # numbers as digits
    assert "(" not in body and ")" not in body  # no brackets: each thing is said in its own sentence
    for sentence in _sentences(body):
        assert len(sentence.split()) <= 14, sentence  # short sentences, one statement each
    for word in ("Basis-Eltern-Geld", "Lebens-Monat", "Mutter-Schutz", "Eltern-Zeit", "Bescheid"):
        assert f"\n{word}\n" in body, word  # the hard words are explained
    assert "\nPartnerschafts-Bonus\n" not in body  # a word the sheet does not use is not explained


def test_the_single_mothers_easy_handout_names_the_days_after_the_mutterschutz() -> None:
    # due 20.03.2027, protection 8 weeks after the birth until 15.05.2027 (§ 3 Abs. 2 MuSchG); Lebensmonat 2 runs
    # until 19.05.2027: the 4 days after it are paid as Elterngeld (§ 3 Abs. 1 Satz 2 BEEG)
    body = " ".join(_easy(SINGLE).split())  # lines wrap where the page ends them
    assert "Ihr Kind kommt wahrscheinlich am 20. März 2027 auf die Welt." in body
    assert "Vom 20. März 2027 bis zum 15. Mai 2027 ist Sara im Mutter-Schutz." in body
    assert "Vom 16. Mai 2027 bis zum 19. Mai 2027 bekommt Sara 140,65 Euro Eltern-Geld." in body
    assert "Zusammen bekommt Sara 12.799,45 Euro Eltern-Geld." in body
    assert "Eltern-Geld-Plus Sie bekommen halb so viel Geld im Monat." in body


def test_the_twins_easy_handout_gives_each_period_with_dates_and_euros() -> None:
    body = " ".join(_easy(TWINS).split())
    assert "Ihre 2 Kinder sind am 10. März 2026 geboren." in body
    assert "Vom 10. März 2026 bis zum 9. Juni 2026 ist Aylin im Mutter-Schutz." in body
    assert "Vom 10. Juni 2026 bis zum 9. März 2027 bekommt Aylin Basis-Eltern-Geld." in body
    assert "Das sind jeden Monat 1.648,05 Euro." in body
    assert "Zusammen bekommt Ihre Familie 18.771,29 Euro Eltern-Geld." in body
    # § 7 Abs. 1 Satz 2 BEEG: for Lebensmonat 1 the application must arrive within Lebensmonat 4 (ends 9 July)
    assert "Der Antrag muss spätestens am 9. Juli 2026 bei der Eltern-Geld-Stelle sein." in body
    assert "Dieser Tag ist schon vorbei. Sprechen Sie bitte bald mit Ihrer Beratung." in body  # today: 7 Dec 2026


def test_runs_join_months_of_the_same_kind_and_amount() -> None:
    case = load_case(TWINS)
    runs = abschnitte(case, handout_plans(case)[0], "A")
    assert [(r.kind, r.start, r.end) for r in runs] == [("maternity", date(2026, 3, 10), date(2026, 6, 9)),
                                                        ("basis", date(2026, 6, 10), date(2027, 3, 9))]
    assert long_date(date(2026, 3, 10), "de") == "10. März 2026"


def test_the_cli_writes_the_easy_handout_and_offers_the_language(tmp_path: Path) -> None:
    from workbench.cli.elterngeld import HANDOUT_LANGUAGES as CLI_LANGUAGES

    assert CLI_LANGUAGES == HANDOUT_LANGUAGES
    out = tmp_path / "ls.pdf"
    done = subprocess.run([sys.executable, "-m", "workbench", "handout", str(TWINS), "-o", str(out), "--language",
                           "de-LS"], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert "Ein Merk-Blatt in Leichter Sprache" in _words(out.read_bytes())
    assert oct(out.stat().st_mode & 0o777) == "0o600"


def test_the_comparison_page_makes_the_easy_handout() -> None:
    from tests.test_vergleich_page import stored_page

    page, _ = stored_page()
    page.handout_language.value = "de-LS"
    page._handout()
    assert 'download="Merkblatt-Leichte-Sprache-' in page.handout_link.value
    data = page.handout_link.value.split("base64,", 1)[1].split('"', 1)[0]
    assert "Ein Merk-Blatt in Leichter Sprache" in _words(base64.b64decode(data))


def test_the_english_handout_stays_as_it_was() -> None:
    case = load_case(TWINS)
    assert "Your Elterngeld plan – handout for the family" in _words(handout_pdf(case, "en"))


@pytest.mark.parametrize("language", ["de", "en", "de-LS"])
@pytest.mark.parametrize("path", [TWINS, SINGLE], ids=lambda p: p.stem)
def test_the_handouts_of_the_twins_and_the_single_mother_are_rendered_as_png(path: Path, language: str,
                                                                            tmp_path: Path) -> None:
    """Every page in test-artifacts/handout-<family>-<language>-N.png, to look at (issue 24)."""
    from tests.test_report_handout import render_pages

    case = load_case(path)
    words = "en" if language == "en" else "de"
    target = tmp_path / "handout.pdf"
    target.write_bytes(handout_pdf(case, language, topic_sections(case, words)))
    pages = render_pages(target, f"handout-{path.stem}-{'leichte-sprache' if language == 'de-LS' else language}")
    assert 2 <= len(pages) <= (6 if language == "de-LS" else 5)  # the twins' Kita block in Leichte Sprache (ADR 0043)
    assert family_sheet_problems(_words(target.read_bytes()), words, (case.case_id,)) == []
