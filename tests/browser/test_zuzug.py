"""The wizard "Neu in Bochum / Moving to Bochum" in Chromium with the four fixture families of issue 21.

The families of ``tests/cases/zuzug`` (dates moved to the consultation month of the test server):
a Swedish family with the father still employed in Sweden (English), an Indian family with a Blue Card,
a Jordanian student who is a single mother (a title that does not entitle to Kindergeld), and a family
from Dortmund with a school child arriving in the middle of the school year.
"""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import Page, expect

from tests.browser.care_helpers import axe, next_step, open_topic, saved_case, shot


def _step(page: Page, step: int, lang: str) -> None:
    next_step(page, step, total=4, word="Next" if lang == "en" else "Weiter")


def test_swedish_family_reads_who_pays_first_and_the_difference(
        page: Page, voila_url: str, artifacts: Path, data_dir: Path) -> None:
    open_topic(page, voila_url, "zuzug.ipynb", "?lang=en")
    page.get_by_label("Moved into the Bochum home on").fill("2026-12-01")
    page.get_by_label("From where (country or town)").fill("Sweden")
    page.get_by_label("Married or registered partnership").check()
    page.get_by_label("Family benefit of the other country per child and month (€, if known)").fill("112")
    shot(page, artifacts, "zuzug-en-1-move")
    _step(page, 2, "en")
    page.get_by_label("First name of the 1st parent").fill("Anna")
    page.get_by_label("Nationality of the 1st parent").select_option(label="EU, EEA or Switzerland")
    page.get_by_label("First name of the 2nd parent").fill("Erik")
    page.get_by_label("Nationality of the 2nd parent").select_option(label="EU, EEA or Switzerland")
    page.get_by_label("The 2nd parent works").select_option(label="in another EU/EEA country or Switzerland")
    page.get_by_label("Country of work abroad (2nd parent)").fill("Sweden")
    axe(page, artifacts, "zuzug-en-eltern")
    _step(page, 3, "en")
    page.get_by_label("First name of the 1st child").fill("Nils")
    page.get_by_label("Date of birth of the 1st child").fill("20/05/2020")
    page.get_by_label("First name of the 2nd child (if any)").fill("Saga")
    page.get_by_label("Date of birth of the 2nd child (if any)").fill("10/03/2024")
    _step(page, 4, "en")
    expect(page.get_by_text("Difference Germany pays: €147.00 per child and month", exact=False)).to_be_visible()
    expect(page.get_by_text("So Sweden pays its full child benefit", exact=False)).to_be_visible()
    steps = page.get_by_role("table").first
    expect(steps.get_by_role("row", name="Register your address")).to_contain_text("15 Dec 2026")
    expect(steps.get_by_role("row", name="Apply for Kindergeld")).to_contain_text("30 Jun 2027")
    expect(page.get_by_role("row", name="Nils Legal right to all-day care")).to_be_visible()
    expect(page.get_by_role("row", name="Saga Legal right to a Kita place")).to_contain_text("1 Dec 2026")
    expect(page.get_by_role("link", name="Download the result as a PDF for the family")).to_be_visible()
    shot(page, artifacts, "zuzug-en-4-result")
    axe(page, artifacts, "zuzug-en-ergebnis")
    stored = saved_case(page, data_dir)
    assert stored["zuzug"]["parents"][1]["works"] == "abroad_eu"  # type: ignore[index]


def _german_family(page: Page, voila_url: str, arrival: str, place: str, parents: list[tuple[str, str, str, str]],
                   children: list[tuple[str, str]], abroad: bool = True) -> None:
    open_topic(page, voila_url, "zuzug.ipynb")
    page.get_by_label("Einzug in Bochum am").fill(arrival)
    if not abroad:
        page.get_by_label("Zuzug", exact=True).select_option(label="aus einer anderen Stadt in Deutschland")
    page.get_by_label("Woher (Staat oder Stadt)").fill(place)
    _step(page, 2, "de")
    if len(parents) == 1:
        page.get_by_label("Eltern im Haushalt").select_option(label="ein Elternteil (alleinerziehend)")
    for n, (name, citizenship, title, works) in enumerate(parents, start=1):
        page.get_by_label(f"Vorname des {n}. Elternteils").fill(name)
        page.get_by_label(f"Staatsangehörigkeit des {n}. Elternteils").select_option(label=citizenship)
        if title:
            page.get_by_label(f"Aufenthaltstitel des {n}. Elternteils (nur Drittstaaten)").select_option(label=title)
        page.get_by_label(f"Der {n}. Elternteil arbeitet").select_option(label=works)
    _step(page, 3, "de")
    for n, (name, birth) in enumerate(children, start=1):
        suffix = " (falls da)" if n == 2 else ""
        page.get_by_label(f"Vorname des {n}. Kindes{suffix}").fill(name)
        page.get_by_label(f"Geburtstag des {n}. Kindes{suffix}").fill(birth)
    _step(page, 4, "de")


def test_blue_card_entitles_and_a_student_title_does_not(page: Page, voila_url: str, artifacts: Path) -> None:
    _german_family(page, voila_url, "01.10.2026", "Indien",
                   [("Priya", "anderer Staat (Drittstaat)", "Aufenthaltserlaubnis zum Familiennachzug (§§ 27 ff. AufenthG)",
                     "nicht"),
                    ("Arjun", "anderer Staat (Drittstaat)", "Blaue Karte EU",
                     "in Deutschland (oder Elternzeit, Arbeitslosengeld)")], [("Meera", "01.06.2023")])
    benefits = page.get_by_role("table").nth(1)
    expect(benefits.get_by_role("row", name="Kindergeld", exact=False).first).to_contain_text("ja")
    expect(benefits.get_by_role("row", name="Elterngeld")).to_contain_text("ja")
    shot(page, artifacts, "zuzug-blaue-karte")

    _german_family(page, voila_url, "01.09.2026", "Jordanien",
                   [("Amal", "anderer Staat (Drittstaat)", "Studium (§ 16b AufenthG)", "nicht")], [("Yara", "12.04.2022")])
    benefits = page.get_by_role("table").nth(1)
    expect(benefits.get_by_role("row", name="Kindergeld", exact=False).first).to_contain_text("nein")
    expect(benefits.get_by_role("row", name="Kinderzuschlag")).to_contain_text("nein")
    expect(benefits.get_by_role("row", name="Wohngeld")).to_contain_text("ja")
    expect(page.get_by_text("Kein Anspruch auf Kindergeld und Kinderzuschlag mit diesem Aufenthaltstitel",
                            exact=False)).to_be_visible()
    shot(page, artifacts, "zuzug-studium")
    axe(page, artifacts, "zuzug-de-ergebnis")


def test_family_from_dortmund_with_a_school_child(page: Page, voila_url: str, artifacts: Path) -> None:
    _german_family(page, voila_url, "01.12.2026", "Dortmund",
                   [("Julia", "deutsch", "", "in Deutschland (oder Elternzeit, Arbeitslosengeld)"),
                    ("Tobias", "deutsch", "", "in Deutschland (oder Elternzeit, Arbeitslosengeld)")],
                   [("Lena", "01.02.2018"), ("Paul", "01.03.2021")], abroad=False)
    expect(page.get_by_role("row", name="Lena Schulpflicht: 3. Klasse, sofort anmelden")).to_be_visible()
    expect(page.get_by_role("row", name="Lena Kein Rechtsanspruch auf Ganztag", exact=False)).to_be_visible()
    expect(page.get_by_role("row", name="Paul Rechtsanspruch auf Ganztag", exact=False)).to_contain_text("01.08.2027")
    expect(page.get_by_text("Der Familienkasse die neue Adresse mitteilen", exact=False)).to_be_visible()
    shot(page, artifacts, "zuzug-dortmund")
