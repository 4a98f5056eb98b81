"""The advisor's "bitte prüfen" banner lists each unverified value as a phrase of its own (issue 24).

A description that leads into its number ("… je Kalendermonat bis zu") used to be run together with the
next one into "bitte prüfen: Tages- und Nachtpflege je Kalendermonat bis zu, Verhinderungspflege …".
"""

from __future__ import annotations

import re
from datetime import date

import pytest

from workbench.errors import plain_description
from workbench.parameter_tracking import UnverifiedValue, unverified_items, unverified_note
from workbench.ui.kit.parameter_notes import notes_html

TAGESPFLEGE = UnverifiedValue(
    "pflege", "tagespflege_m",
    "§ 41 Abs. 2 SGB XI: Tages- und Nachtpflege je Kalendermonat bis zu (neben Pflegegeld und Sachleistung, "
    "ohne Anrechnung)", date(2025, 1, 1), "Pflegeleistungs-Anpassung 2025 (nicht verifiziert)")
VERHINDERUNG = UnverifiedValue(
    "pflege", "verhinderungspflege_y", "§ 39 SGB XI: Verhinderungspflege je Kalenderjahr bis zu",
    date(2025, 7, 1), "Entlastungsbudget (nicht verifiziert)")


def test_each_unverified_value_is_a_list_item_with_its_name_topic_and_date() -> None:
    banner = notes_html((), (VERHINDERUNG, TAGESPFLEGE, TAGESPFLEGE), "de")
    items = re.findall(r"<li>(.*?)</li>", banner)
    assert items == ["Tages- und Nachtpflege je Kalendermonat – Pflege, Wert gültig ab 01.01.2025",
                     "Verhinderungspflege je Kalenderjahr – Pflege, Wert gültig ab 01.07.2025"]
    assert "bitte prüfen – diese Werte sind nicht verifiziert:" in banner and 'data-check="1"' in banner
    assert "bis zu" not in banner and "tagespflege_m" not in banner  # no snake_case key across the desk


def test_the_english_banner_and_the_command_line_note_read_whole_phrases_too() -> None:
    assert unverified_items((TAGESPFLEGE,), "en") == [
        "Tages- und Nachtpflege je Kalendermonat – care (Pflege), value valid from 1 Jan 2025"]
    assert unverified_note((TAGESPFLEGE, VERHINDERUNG), "de") == (
        "bitte prüfen: Tages- und Nachtpflege je Kalendermonat, Verhinderungspflege je Kalenderjahr")


def test_only_a_lead_in_to_the_number_is_dropped_a_separable_verb_stays() -> None:
    assert plain_description("§ 16 WoGG: vom Einkommen jedes Haushaltsmitglieds jeweils 10 % ab") == (
        "vom Einkommen jedes Haushaltsmitglieds jeweils 10 % ab")
    assert plain_description("§ 40 Abs. 2 SGB XI: Pflegehilfsmittel je Monat höchstens") == "Pflegehilfsmittel je Monat"


def test_no_banner_when_every_value_is_verified() -> None:
    assert notes_html((), (), "de") == ""


@pytest.mark.parametrize("language", ["de", "en"])
def test_every_parameter_folder_has_a_name_for_people(language: str) -> None:
    """walk10: the Neu-in-Bochum result listed "Aufenthaltstitel für das Kindergeld – zuzug, Wert gültig ab …": the
    folder's name, lower case, where the other topics say "Kita" or "Pflege"."""
    from pathlib import Path

    from workbench.errors import benefit_label

    rules = Path(__file__).parent.parent / "workbench" / "rules"
    for folder in sorted(p.parent.name for p in rules.glob("*/params.yaml")):
        assert benefit_label(folder, language) != folder, folder
