"""Every field map fits its blank, and a filled form holds exactly the case's values (read back with pdfplumber)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from pypdf import PdfReader, PdfWriter
from pypdf.generic import NameObject, TextStringObject

from workbench.case import Case
from workbench.errors import FormError
from workbench.forms import produce
from workbench.forms.blanks import edition_differences, load_blank
from workbench.forms.registry import all_maps, get_map
from workbench.forms.verify import page_text, read_fields

from tests.forms.conftest import BLANKS, TODAY, save_pngs

ACROFORMS = sorted(f.id for f in all_maps().values() if f.kind == "acroform")
OFFERED = sorted(f.id for f in all_maps().values() if f.kind == "acroform" and f.part_of is None)


@pytest.mark.parametrize("form_id", ACROFORMS)
def test_every_mapped_field_exists_in_the_blank_with_its_on_state(form_id: str) -> None:
    form = get_map(form_id)
    blank = load_blank(form)
    assert edition_differences(form, blank.fields) == []
    for spec in form.fields:
        info = blank.fields[spec.field]
        if spec.checkbox:
            assert spec.checkbox in info.states, (spec.field, info.states)
        if spec.comb:
            assert info.comb, f"{spec.field} is not a comb field in the blank"


def _expected(result: produce.__class__) -> dict[str, str]:  # type: ignore[name-defined]
    out: dict[str, str] = {}
    for part in result.parts:
        for name, value in part.values.items():
            if part.rename:
                root, _, rest = name.partition(".")
                name = f"{root}-{part.rename}.{rest}"
            out[name] = value
    return out


@pytest.mark.parametrize("form_id", OFFERED)
def test_a_filled_form_reads_back_exactly_the_cases_values(form_id: str, family: Case) -> None:
    result = produce(family, form_id, today=TODAY)
    assert result.missing == []
    expected = _expected(result)
    assert expected, "nothing was filled"
    # the federal form nests some fields named "txt.x" under a parent "txt"; pypdf calls them "txt.x"
    read = {name.replace("txt.txt.", "txt."): value for name, value in read_fields(result.pdf).items()}
    # values the blank itself holds (the NRW Gewinnermittlung's computed sums are "0") stay as they were
    preset = {name: value for part in result.parts if part.rename is None
              for name, value in read_fields(load_blank(get_map(part.form_id)).data).items()}
    assert read == {**preset, **expected}
    save_pngs(result.pdf, f"{form_id}-filled")


@pytest.mark.parametrize("form_id", OFFERED)
def test_a_flattened_form_has_no_fields_and_its_text_holds_the_values(form_id: str, family: Case) -> None:
    result = produce(family, form_id, today=TODAY, flatten=True)
    assert read_fields(result.pdf) == {}
    text = " ".join(page_text(result.pdf).split())
    for part in result.parts:
        form = get_map(part.form_id)
        comb = {s.field for s in form.fields if s.comb or s.max_length}
        for name, value in part.values.items():
            if value.startswith("/") or name in comb:
                continue  # ticks are drawn, comb digits are spaced into cells
            for line in value.splitlines():  # a multiline field's lines each (other labels may sit between them)
                assert " ".join(line.split()) in text, (name, value)
    # no larger than its blanks: pypdf's field-by-field flattening once left every intermediate
    # page content in the file (the federal Elterngeld form came out at 24 MB from a 3 MB blank)
    blanks = sum(len(load_blank(get_map(part.form_id)).data) for part in result.parts)
    assert len(result.pdf) <= 1.2 * blanks, (len(result.pdf), blanks)
    save_pngs(result.pdf, f"{form_id}-flat")


def test_kg1_holds_the_familys_values_with_umlauts_comb_cells_and_ticks(family: Case) -> None:
    fields = read_fields(produce(family, "kg1", today=TODAY).pdf)
    p1 = "topmostSubform[0].Seite1[0].Punkt-1[0]."
    assert fields[p1 + "Pkt-1-Zeile-1[0].Name-Antragsteller[0]"] == "Müller-Lüdenscheidt"
    assert fields[p1 + "Pkt-1-Zeile-2[0].Vorname-Antragsteller[0]"] == "Jörg"
    assert [fields[p1 + f"Steuer-ID[0].Steuer-ID-{i}[0]"] for i in range(1, 5)] == ["86", "095", "742", "719"]
    assert fields[p1 + "Familienstand[0].#area[12].verheiratet[0]"] == "/1"
    assert p1 + "Familienstand[0].#area[12].ledig[0]" not in fields
    assert fields["topmostSubform[0].Seite1[0].Punkt-3[0].IBAN[0]"] == "DE89370400440532013000"
    assert fields["topmostSubform[0].Seite1[0].#area[0].Überschrift[0].Anzahl-Anlagen[0]"] == "2"
    # one Anlage Kind per child, oldest first, each under its own name
    ank = "topmostSubform[0]-AnK{}.Page1[0].Frage-1[0].Pkt-1-Zeile-3[0].Vorname-Kind[0]"
    assert fields[ank.format(1)] == "Lönne" and fields[ank.format(2)] == "Jürgen"
    assert fields["topmostSubform[0]-AnK2.Page1[0].Kopfzeile[0].Überschrift[0].lfd-Nr[0]"] == "2"


def test_the_elterngeld_form_ticks_the_planned_lebensmonate(family: Case) -> None:
    fields = {k.replace("txt.txt.", "txt."): v for k, v in read_fields(produce(family, "elterngeld-bund", today=TODAY).pdf).items()}
    form = get_map("elterngeld-bund")
    ticked = {s.source: s.equals for s in form.fields
              if isinstance(s.source, str) and s.source.startswith("=plan") and s.field in fields}
    # A: "-----BBBBB", B: "BBBBB-----PP"
    assert ticked == {**{f"=plan.{{applicant}}.{m}": "basis" for m in range(6, 11)},
                      **{f"=plan.{{other}}.{m}": "basis" for m in range(1, 6)},
                      "=plan.{other}.11": "plus", "=plan.{other}.12": "plus"}
    assert fields["txt.vorname2b 1"] == "Ayşe"
    assert fields["txt.steuer2b_1"] == "86095742719"


def test_a_blank_of_another_edition_is_reported_not_filled(family: Case, tmp_path: Path) -> None:
    for name in ("kg1_anlage_kind_2025-09.pdf",):
        shutil.copy(BLANKS / name, tmp_path / name)
    reader = PdfReader(BLANKS / "kg1_antrag_kindergeld_2025-09.pdf")
    reader.decrypt("")
    writer = PdfWriter(clone_from=reader)
    for page in writer.pages:  # a "new edition": one field renamed
        for annotation in page.get("/Annots") or ():
            obj = annotation.get_object()
            if obj.get("/T") == "Name-Antragsteller[0]":
                obj[NameObject("/T")] = TextStringObject("Familienname-Antragsteller[0]")
    with open(tmp_path / "kg1_antrag_kindergeld_2025-09.pdf", "wb") as handle:
        writer.write(handle)
    with pytest.raises(FormError) as caught:
        produce(family, "kg1", today=TODAY, directory=tmp_path)
    message = str(caught.value)
    assert "kg1_antrag_kindergeld_2025-09.pdf" in message
    assert "KG 1 - 01.25 - Stand September 2025" in message
    assert "Pkt-1-Zeile-1[0].Name-Antragsteller[0] (fehlt)" in message
    assert get_map("kg1").download in message


def test_a_missing_blank_names_the_file_and_the_download_page(family: Case, tmp_path: Path) -> None:
    with pytest.raises(FormError) as caught:
        produce(family, "kiz1", today=TODAY, directory=tmp_path)
    assert caught.value.messages[0] == (f"Vordruck kiz1_antrag_kinderzuschlag_2024-09.pdf fehlt im Formularordner {tmp_path}")
    assert get_map("kiz1").download in caught.value.messages[1]


def test_flattened_month_ticks_print_black_not_in_the_pages_last_colour(family: Case, tmp_path: Path) -> None:
    """Page 18 of the federal form sets a pale blue last; the flattened ticks must not inherit it."""
    import io
    import subprocess

    from PIL import Image
    from pypdf import PdfReader

    filled = PdfReader(io.BytesIO(produce(family, "elterngeld-bund", today=TODAY).pdf))
    ticked = [[float(x) for x in a.get_object()["/Rect"]] for a in filled.pages[17].get("/Annots", [])
              if a.get_object().get("/AS") not in (None, "/Off")]
    assert len(ticked) == 12  # A: months 6-10, B: 1-5 basis and 11-12 plus
    flat = tmp_path / "flat.pdf"
    flat.write_bytes(produce(family, "elterngeld-bund", today=TODAY, flatten=True).pdf)
    subprocess.run(["pdftoppm", "-r", "72", "-f", "18", "-l", "18", "-png", str(flat), str(tmp_path / "p")], check=True)
    image = Image.open(next(tmp_path.glob("p*.png"))).convert("RGB")
    for x0, y0, x1, y1 in ticked:  # inside the box, away from its grey border
        inner = image.crop((int(x0) + 3, int(image.height - y1) + 3, int(x1) - 2, int(image.height - y0) - 2))
        darkest = min(inner.getpixel((x, y)) for x in range(inner.width) for y in range(inner.height))
        assert max(darkest) < 60, darkest  # black tick (pale blue was about (200, 220, 240))
