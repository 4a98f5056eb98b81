"""A journey per wizard with the fixture families, every step as a screenshot (issue 24, "Done when").

The twins couple (``tests/cases/familien/zwillinge.json``) and the single mother (``alleinerziehend.json``;
expecting: ``handout/alleinerziehend-kurz.json``) are stored and opened in each wizard; every step is
saved as ``test-artifacts/journeys/<wizard>/NN-<step>.png`` and its text scanned for what issue 24 listed
(``journey_helpers.desk_problems``). One test per wizard, on the session's Voila server.
"""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import Page, expect

from tests.browser.journey_helpers import SINGLE, SINGLE_EXPECTING, TWINS, Journey, family, store

EG_STEPS = ["familie", "kind", "einkommen", "nach-der-geburt", "planen", "ergebnis"]


def render(voila_url: str, notebook: str, query: str) -> str:
    return f"{voila_url}/voila/render/{notebook}?{query}"


def test_elterngeld_journey_twins_and_expecting_single_mother(page: Page, voila_url: str, data_dir: Path) -> None:
    journey = Journey(page, "elterngeld")
    cid = store(data_dir, family(TWINS, "EG-20261207-J1"))
    journey.open(render(voila_url, "elterngeld.ipynb", f"case={cid}"))
    journey.walk([f"zwillinge-{s}" for s in EG_STEPS])
    expect(page.locator(".wb-totals")).to_be_visible()
    cid = store(data_dir, family(SINGLE_EXPECTING, "EG-20261207-J2"))
    journey.open(render(voila_url, "elterngeld.ipynb", f"case={cid}"))
    journey.walk([f"alleinerziehend-erwartet-{s}" for s in EG_STEPS], unborn=True)
    journey.assert_clean()


def test_leistungscheck_journey_single_mother_and_twins(page: Page, voila_url: str, data_dir: Path) -> None:
    journey = Journey(page, "leistungscheck")
    steps = ["familie", "kinder", "einkommen-wohnung", "ergebnis"]
    for name, path in (("alleinerziehend", SINGLE), ("zwillinge", TWINS)):
        cid = store(data_dir, family(path, f"LC-20261207-{name[:4].upper()}"))
        journey.open(render(voila_url, "leistungscheck.ipynb", f"case={cid}"))
        journey.walk([f"{name}-{s}" for s in steps])
        expect(page.locator(".wb-cards [data-benefit]")).to_have_count(6)
    journey.assert_clean()


def test_lebenslagen_journey_mutterschutz_and_elternzeit_of_the_twins(page: Page, voila_url: str, data_dir: Path) -> None:
    journey = Journey(page, "lebenslagen")
    cid = store(data_dir, family(TWINS, "MS-20261207-J1"))
    journey.open(render(voila_url, "mutterschutz.ipynb", f"case={cid}&today=2026-02-01"))
    journey.walk([f"mutterschutz-{s}" for s in ("familie", "geburt", "beschaeftigung", "ergebnis")])
    expect(page.locator("[data-ms=end]")).to_be_visible()
    cid = store(data_dir, family(TWINS, "EZ-20261207-J1"))
    journey.open(render(voila_url, "elternzeit.ipynb", f"case={cid}&today=2026-02-01"))
    journey.walk([f"elternzeit-{s}" for s in ("familie", "kind", "zeitraeume", "ergebnis")])
    expect(page.locator(".wb-ez-periods tr[data-period]")).to_have_count(2)
    journey.assert_clean()


def test_vergleich_journey_twins_german_and_english(page: Page, voila_url: str, data_dir: Path) -> None:
    journey = Journey(page, "vergleich")
    cid = store(data_dir, family(TWINS, "VG-20261207-J1"))
    page.goto(render(voila_url, "vergleich.ipynb", f"case={cid}"), wait_until="commit", timeout=240_000)
    expect(page.locator(".wb-compare")).to_be_visible(timeout=240_000)
    page.wait_for_timeout(1500)
    journey.look("zwillinge-plaene", family_facing=True)
    page.get_by_role("button", name="Im Monatsplaner öffnen").first.click()
    expect(page.locator(".wb-panel .wb-focus-target")).to_be_focused()
    journey.look("zwillinge-monatsplaner", family_facing=True)
    cid = store(data_dir, family(SINGLE, "VG-20261207-J2"))
    page.goto(render(voila_url, "vergleich.ipynb", f"case={cid}"), wait_until="commit", timeout=240_000)
    expect(page.locator(".wb-compare")).to_be_visible(timeout=240_000)
    page.wait_for_timeout(1500)
    journey.look("alleinerziehend-plaene", family_facing=True)
    page.get_by_role("button", name="English").click()  # the family reads English: the page switches
    expect(page.get_by_role("heading", level=1)).to_have_text("Compare plans", timeout=60_000)
    page.wait_for_timeout(1500)
    journey.look("alleinerziehend-plans-english", "en", family_facing=True)
    journey.assert_clean()


def test_formulare_journey_twins_each_form_chosen(page: Page, voila_url: str, data_dir: Path) -> None:
    journey = Journey(page, "formulare")
    cid = store(data_dir, family(TWINS, "FO-20261207-J1"))
    page.goto(render(voila_url, "formulare.ipynb", f"case={cid}"), wait_until="commit", timeout=240_000)
    expect(page.get_by_role("heading", name="Formulare ausfüllen")).to_be_visible(timeout=240_000)
    journey.look("zwillinge-auswahl")
    choice = page.get_by_label("Formular")
    labels = [o.strip() for o in choice.locator("option").all_inner_texts() if o.strip()]
    assert len(labels) >= 3, labels
    ready = page.get_by_role("button", name="Formular ausfüllen").or_(page.get_by_role("heading", name="Fehlende Angaben"))
    for number, label in enumerate(labels[:4], 1):  # the Elterngeld forms, the Elternzeit letter, Kindergeld
        choice.select_option(label=label)
        page.wait_for_timeout(2500)
        expect(ready.first).to_be_visible(timeout=60_000)
        journey.look(f"zwillinge-formular-{number}")
    journey.assert_clean()


def test_kita_journey_twins(page: Page, voila_url: str, data_dir: Path) -> None:
    journey = Journey(page, "kita")
    cid = store(data_dir, family(TWINS, "KI-20261207-J1"))
    journey.open(render(voila_url, "kita.ipynb", f"case={cid}"))
    journey.walk(["zwillinge-kind-wunsch", "zwillinge-einkommen", "zwillinge-ergebnis"])
    journey.assert_clean()


def test_pflege_journey_single_mother_caring_for_her_mother(page: Page, voila_url: str, data_dir: Path) -> None:
    journey = Journey(page, "pflege")
    care = {"recipient": {"name": "Renate", "pflegegrad": 3, "relation": "parent", "at_home": True, "sach_percent": 40},
            "carer": {"parent": "A", "employed": True}}
    cid = store(data_dir, family(SINGLE, "PF-20261207-J1", care=care, elterngeld_plan=None, mutterschutz=None))
    journey.open(render(voila_url, "pflege.ipynb", f"case={cid}"))
    journey.walk(["alleinerziehend-pflegebeduerftige", "alleinerziehend-pflegeperson", "alleinerziehend-vergleich"])
    journey.assert_clean()


def test_vorsorge_journey_twins_mother(page: Page, voila_url: str, data_dir: Path) -> None:
    journey = Journey(page, "vorsorge")
    vorsorge = {"person": "Aylin", "agents": 2, "certification": True, "done": ["v_zweck"]}
    cid = store(data_dir, family(TWINS, "VO-20261207-J1", vorsorge=vorsorge))
    journey.open(render(voila_url, "vorsorge.ipynb", f"case={cid}"))
    journey.walk(["zwillinge-dokumente", "zwillinge-checkliste", "zwillinge-zusammenfassung"])
    journey.assert_clean()
