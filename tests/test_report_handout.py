"""The handout as the family takes it home: text read back with pdfplumber, every page rendered to PNG.

The family is Lena and Tom (tests/cases/vergleich/familie-lena-tom.json, invented; the amounts of the
shared example ex-money-021): born 13.05.2026, Lena 10 Basis months then 4 months Partnerschaftsbonus,
Tom months 11–12 Basis then the bonus.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pdfplumber
import pytest

from workbench.case import load_case
from workbench.errors import WorkbenchError
from workbench.i18n import catalog, format_money
from workbench.report import HandoutPlan, handout_pdf, handout_plans, layout
from workbench.report.handout import BLOCK_KEYS, TEMPLATE
from workbench.evaluation.elterngeld.optimize import evaluate
from workbench.evaluation.vergleich import compare, plan_choices

ARTIFACTS = Path(os.environ.get("WORKBENCH_TEST_ARTIFACTS", Path(__file__).resolve().parents[1] / "test-artifacts"))
FAMILY = Path(__file__).resolve().parent / "cases" / "vergleich" / "familie-lena-tom.json"
OWN = [{"name": "Tom länger zu Hause", "months": {"A": "BBBBBBB", "B": "-------BBBBBBB"}}]


def family(**extra: Any) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(FAMILY.read_text(encoding="utf-8"))
    return {**data, **extra}


def words(pdf: bytes, path: Path) -> str:
    path.write_bytes(pdf)
    with pdfplumber.open(path) as doc:
        return "\n".join(page.extract_text() or "" for page in doc.pages)


def render_pages(pdf: Path, name: str) -> list[Path]:
    """Each page as PNG in test-artifacts (pdftoppm -r 60), to look at."""
    if shutil.which("pdftoppm") is None:
        pytest.skip("pdftoppm (poppler-utils) is not installed; .ci/run installs it")
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    prefix = ARTIFACTS / name
    for old in ARTIFACTS.glob(f"{name}-*.png"):
        old.unlink()
    subprocess.run(["pdftoppm", "-r", "60", "-png", str(pdf), str(prefix)], check=True, timeout=120)
    return sorted(ARTIFACTS.glob(f"{name}-*.png"))


def test_the_german_handout_has_the_totals_per_parent_the_deadlines_and_every_page_as_png(tmp_path: Path) -> None:
    case = load_case(family(elterngeld_alternatives=OWN))
    target = tmp_path / "merkblatt-de.pdf"
    content = words(handout_pdf(case, "de"), target)
    own = evaluate(case, dict(case.elterngeld_plan.months))  # type: ignore[union-attr]
    # the family's plan: Lena 15.209,62 €, Tom 5.652,60 €, together 20.862,22 €
    assert format_money(own.result.parents["A"].total, "de") == "15.209,62 €"
    for amount in ("15.209,62 €", "5.652,60 €", "20.862,22 €"):
        assert amount in content
    assert "Ihr Plan „Tom länger zu Hause“" in content
    assert "12.09.2026" in content            # application: Lebensmonat 4 ends (§ 7 Abs. 1 BEEG)
    assert "25.03.2026" in content            # Lena's Elternzeit from 13.05.2026: 7 weeks before
    assert "23.01.2027" in content            # Tom's Elternzeit from 13.03.2027: 7 weeks before
    assert "Elterngeldstelle" in content and "Lebensmonat" in content
    assert "Partnerschaftsbonus: 2 bis 4 zusätzliche Monate ElterngeldPlus" in content  # terms explained
    pages = render_pages(target, "handout-de")
    assert 1 <= len(pages) <= 2 and all(p.stat().st_size > 5000 for p in pages)


def test_the_english_handout_has_english_money_and_dates(tmp_path: Path) -> None:
    case = load_case(family(language="en"))
    target = tmp_path / "handout-en.pdf"
    content = words(handout_pdf(case, "en"), target)
    for amount in ("€15,209.62", "€5,652.60", "€20,862.22"):
        assert amount in content
    assert "12 Sep 2026" in content and "25 Mar 2026" in content and "23 Jan 2027" in content
    assert "Next steps" in content and "Only the Elterngeldstelle decides" in content
    pages = render_pages(target, "handout-en")
    assert 1 <= len(pages) <= 2


def test_the_comparisons_plans_go_on_the_handout_in_their_order(tmp_path: Path) -> None:
    case = load_case(family(elterngeld_alternatives=OWN))
    view = compare(case, plan_choices(case)[:4])
    plans = [HandoutPlan(col.name, col.plan) for col in view.columns]
    content = words(handout_pdf(case, "de", plans=plans), tmp_path / "vergleich.pdf")
    for col in view.columns:
        assert col.name in content and format_money(col.total, "de") in content
    # the first plan is the chosen one: its month table
    assert f"{view.columns[0].name}: Monat für Monat" in content


def test_own_plans_are_on_the_handout_of_the_command_line(tmp_path: Path) -> None:
    case_file = tmp_path / "case.json"
    case_file.write_text(json.dumps(family(elterngeld_alternatives=OWN)), encoding="utf-8")
    out = tmp_path / "out.pdf"
    run = subprocess.run([sys.executable, "-m", "workbench.cli", "handout", str(case_file), "-o", str(out),
                          "--language", "en"], capture_output=True, text=True, timeout=180)
    assert run.returncode == 0, run.stderr
    content = words(out.read_bytes(), out)
    assert "Your plan “Tom länger zu Hause”" in content and "€18,345.31" in content
    titles = [p.title for p in handout_plans(load_case(family(elterngeld_alternatives=OWN)))]
    assert titles[:3] == ["Ihr Plan", "Ihr Plan „Tom länger zu Hause“", "Bestes für den Haushalt (Optimierung)"]
    assert len(titles) <= layout().max_plans


def test_every_block_of_the_layout_is_known_and_names_catalog_keys() -> None:
    spec = layout()
    assert [b["block"] for b in spec.blocks][:2] == ["title", "family"]
    keys = [key for b in spec.blocks for k in BLOCK_KEYS if k in b for key in ([b[k]] if isinstance(b[k], str) else b[k])]
    keys += [f"{b}_text" for b in next(b for b in spec.blocks if b["block"] == "terms")["terms"]]
    assert keys and all(k in catalog() for k in keys), [k for k in keys if k not in catalog()]
    assert TEMPLATE.parent.name == "reports" and TEMPLATE.parent.parent.name == "templates"


def test_a_layout_with_an_unknown_block_is_refused_with_the_file_named(tmp_path: Path) -> None:
    bad = tmp_path / "handout.yaml"
    bad.write_text("page: {margin_mm: 15, font_size: 9, max_plans: 4}\nblocks:\n  - block: weather\n", encoding="utf-8")
    with pytest.raises(WorkbenchError, match=r"handout\.yaml: unbekannte Blöcke \['weather'\]"):
        layout(bad)


def test_the_money_sentence_adds_up_with_the_tables_when_the_mutterschutz_ends_part_way() -> None:
    """Sara's Mutterschutz ends on 15.05.2027 in Lebensmonat 2 (20.04.–19.05.2027): the federal calculator's
    tables pay nothing in that month, the household's money counts the four days after it (§ 3 Abs. 1 Satz 2
    BEEG: 140,65 €). The sentence read "Elterngeld 12.799,45 €" above a table summing to 12.658,80 €."""
    import io

    from pypdf import PdfReader

    from workbench.report.topics import topic_sections

    case = load_case(Path(__file__).parent / "cases" / "handout" / "alleinerziehend-kurz.json")
    pdf = handout_pdf(case, "de", topic_sections(case, "de"))
    body = " ".join(" ".join(p.extract_text() or "" for p in PdfReader(io.BytesIO(pdf)).pages).split())
    assert "Elterngeld 12.658,80 € wie in den Tabellen und 140,65 € für die Tage nach dem Mutterschutz" in body
    assert "Summe 12.658,80 €" in body
    english = handout_pdf(case.model_copy(update={"language": "en"}), "en", topic_sections(case, "en"))
    words = " ".join(" ".join(p.extract_text() or "" for p in PdfReader(io.BytesIO(english)).pages).split())
    assert "Elterngeld €12,658.80 as in the tables and €140.65 for the days after the maternity protection" in words
