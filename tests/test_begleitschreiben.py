"""The cover letter with which the office forwards a signed application (issue 20)."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

from pypdf import PdfReader

from tests.test_antragsmappe import TWINS


def _run(*args: str, data: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "WORKBENCH_DATA": str(data)}
    return subprocess.run([sys.executable, "-m", "workbench", "begleitschreiben", *args],
                          capture_output=True, text=True, check=False, env=env)


def _text(pdf: Path) -> str:
    return " ".join(" ".join(page.extract_text().split()) for page in PdfReader(pdf).pages)


def test_the_elterngeld_letter_names_applicant_twins_receipt_and_enclosures(tmp_path: Path) -> None:
    out = _run(str(TWINS), "elterngeld", "--parent", "A", "--received", "2026-12-03", "--date", "2026-12-07",
               "-o", str(tmp_path / "eg.pdf"), data=tmp_path)
    assert out.returncode == 0, out.stderr
    assert stat.S_IMODE((tmp_path / "eg.pdf").stat().st_mode) == 0o600  # the family's data: owner-only
    body = _text(tmp_path / "eg.pdf")
    assert "Elterngeldstelle der Stadt Bochum" in body and "Bochum, 07.12.2026" in body
    assert "Antrag von: Aylin Yıldız, geb. 11.04.1992, Kortumstraße 12, 44787 Bochum" in body
    assert body.count("geb. 10.03.2026") == 2  # both twins
    # § 16 Abs. 2 Satz 2 SGB I: handed in at the municipality, the application counts as made that day
    assert "am 03.12.2026 bei uns eingegangen; er gilt nach § 16 Abs. 2 Satz 2 SGB I als an diesem Tag gestellt" in body
    assert "Geburtsbescheinigung für Elterngeld" in body


def test_kindergeld_is_tax_law_the_letter_claims_no_filing_date_and_takes_the_offices_own_address(
        tmp_path: Path) -> None:
    (tmp_path / "office.yaml").write_text(
        'name: "Stadt Bochum – Familienbüro"\naddress: ["Musterstraße 1", "44787 Bochum"]\n'
        'phone: "0234 000000"\nemail: "familienbuero@example.org"\n', encoding="utf-8")
    out = _run(str(TWINS), "kindergeld", "--received", "2026-12-03", "--anlage", "KG 1", "--anlage", "2 × Anlage Kind",
               "-o", str(tmp_path / "kg.pdf"), data=tmp_path)
    assert out.returncode == 0, out.stderr
    body = _text(tmp_path / "kg.pdf")
    assert "Stadt Bochum – Familienbüro · Musterstraße 1 · 44787 Bochum" in body
    assert "Familienkasse der Bundesagentur für Arbeit" in body
    assert "am 03.12.2026 bei uns eingegangen." in body and "SGB I" not in body
    assert "KG 1" in body and "2 × Anlage Kind" in body and "Steuer-Identifikationsnummern" not in body
    assert "(Telefon 0234 000000, familienbuero@example.org)" in body


def test_elternzeit_is_not_forwarded_and_an_unknown_parent_is_named(tmp_path: Path) -> None:
    out = _run(str(TWINS), "elternzeit", "-o", str(tmp_path / "ez.pdf"), data=tmp_path)
    assert out.returncode == 2 and "Elternzeit geht an den Arbeitgeber" in out.stderr
    out = _run(str(TWINS), "elterngeld", "--parent", "C", "-o", str(tmp_path / "x.pdf"), data=tmp_path)
    assert out.returncode == 2 and "keinen Elternteil „C“ (vorhanden: A, B)" in out.stderr
    assert not (tmp_path / "ez.pdf").exists() and not (tmp_path / "x.pdf").exists()
    (tmp_path / "x.pdf").write_bytes(b"schon da")
    out = _run(str(TWINS), "elterngeld", "-o", str(tmp_path / "x.pdf"), data=tmp_path)
    assert out.returncode == 2 and "nicht überschrieben" in out.stderr


def test_the_default_enclosures_count_per_child_forms_and_carry_no_advisor_notes(tmp_path: Path) -> None:
    out = _run(str(TWINS), "kinderzuschlag", "-o", str(tmp_path / "kiz.pdf"), data=tmp_path)
    assert out.returncode == 0, out.stderr
    body = _text(tmp_path / "kiz.pdf")
    assert "2 × KiZ 1 Anlage Kind" in body  # one per child, and the twins are two
    assert "bitte prüfen" not in body and "je Kind eine" not in body
    assert "Anlage zur antragstellenden Person und zum Partner oder zur Partnerin" in body  # issue 24: no "(in)"
