"""``workbench forms add``: a downloaded blank is recognised by its fingerprint and copied in owner-only."""

from __future__ import annotations

import io
import stat
from pathlib import Path

import pytest
from pypdf import PdfReader, PdfWriter

from tests.shared import BLANKS
from workbench.cli.app import main
from workbench.errors import FormError
from workbench.forms.blanks import sha256_of
from workbench.forms.install import add_blank, recognise
from workbench.forms.registry import get_map


def _resaved(name: str) -> bytes:
    """The blank saved again with another producer: same fields and text, another sha256 (a "new edition")."""
    reader = PdfReader(str(BLANKS / name))
    if reader.is_encrypted:
        reader.decrypt("")
    writer = PdfWriter(clone_from=reader)
    writer.add_metadata({"/Producer": "Neue Ausgabe der Behörde"})
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def test_a_blank_downloaded_under_any_name_goes_in_under_its_maps_name_owner_only(tmp_path: Path) -> None:
    download = tmp_path / "Downloads" / "Antrag(1).pdf"
    download.parent.mkdir()
    download.write_bytes((BLANKS / "kg1_anlage_kind_2025-09.pdf").read_bytes())
    folder = tmp_path / "formulare"

    said = add_blank(download, folder)

    target = folder / "kg1_anlage_kind_2025-09.pdf"
    assert sha256_of(target) == get_map("kg1-anlage-kind").sha256
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert "Anlage Kind" in said and str(target) in said
    assert "schon im Formularordner" in add_blank(download, folder)  # a second time: nothing to do


def test_a_blank_without_fields_is_recognised_by_its_sha256() -> None:
    found = recognise((BLANKS / "elterngeld_antrag_nrw_2025-05_flat.pdf").read_bytes())
    assert found.exact and found.form is not None and found.form.id == "elterngeld-nrw"


def test_another_edition_names_the_form_it_seems_to_be_and_is_not_copied(tmp_path: Path) -> None:
    newer = tmp_path / "kg1_neu.pdf"
    newer.write_bytes(_resaved("kg1_antrag_kindergeld_2025-09.pdf"))
    found = recognise(newer.read_bytes())
    assert not found.exact and found.form is not None and found.form.id == "kg1" and found.share == 1.0

    with pytest.raises(FormError) as raised:
        add_blank(newer, tmp_path / "formulare")
    assert "scheint „Antrag auf Kindergeld (KG 1)" in raised.value.messages[0]
    assert "100 % der zugeordneten Felder" in raised.value.messages[0]
    assert "Feldzuordnung kg1 muss für diese Ausgabe geprüft werden" in raised.value.messages[1]
    assert not (tmp_path / "formulare").exists()


def test_another_edition_of_a_blank_without_fields_is_recognised_by_its_text_anchors() -> None:
    found = recognise(_resaved("elterngeld_antrag_nrw_2025-05_flat.pdf"))
    assert not found.exact and found.form is not None and found.form.id == "elterngeld-nrw"
    assert found.share > 0.9


def test_a_pdf_that_is_none_of_the_forms_is_refused_in_english_too(tmp_path: Path) -> None:
    with pytest.raises(FormError, match="is none of the workbench's blanks"):
        add_blank(BLANKS / "uvg_antrag_berlin_2025-03.pdf", tmp_path, language="en")
    text_file = tmp_path / "brief.pdf"
    text_file.write_text("kein PDF")
    assert recognise(text_file.read_bytes()).form is None


def test_the_cli_adds_what_it_knows_reports_the_rest_and_exits_2(tmp_path: Path,
                                                                  capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "formulare"
    code = main(["forms", "add", str(BLANKS / "kiz1_antrag_kinderzuschlag_2024-09.pdf"),
                 str(tmp_path / "fehlt.pdf"), "--forms-dir", str(folder)])
    printed = capsys.readouterr().out
    assert code == 2
    assert (folder / "kiz1_antrag_kinderzuschlag_2024-09.pdf").is_file()
    assert "übernommen" in printed and "lässt sich nicht lesen" in printed and "Traceback" not in printed


def test_the_forms_page_shows_the_blanks_and_takes_an_upload(tmp_path: Path) -> None:
    from workbench.ui.pages.formulare.vordrucke import BlankShelf

    shelf = BlankShelf("de", tmp_path)
    shelf.widget.selected_index = 0  # opening the section reads the folder
    assert shelf.table.value.count("fehlt") == 9 and "bereit" not in shelf.table.value

    said = shelf.add([("Antrag.pdf", (BLANKS / "kiz1_antrag_kinderzuschlag_2024-09.pdf").read_bytes()),
                      ("kg1_neu.pdf", _resaved("kg1_antrag_kindergeld_2025-09.pdf"))])
    assert said[0][0] and "Kinderzuschlag" in said[0][1]
    assert not said[1][0] and "scheint „Antrag auf Kindergeld (KG 1)" in said[1][1]
    shelf.refresh()
    assert shelf.table.value.count("bereit") == 1 and shelf.table.value.count("fehlt") == 8
    assert stat.S_IMODE((tmp_path / "kiz1_antrag_kinderzuschlag_2024-09.pdf").stat().st_mode) == 0o600
