"""Walking a wizard step by step with a fixture family: a screenshot per step and a scan of what it shows (issue 24).

Each step lands in ``test-artifacts/journeys/<wizard>/NN-<step>.png`` to be looked at. The scan reads the
page's visible text (``innerText``: what the advisor reads aloud) and finds what issue 24 listed: case
paths (``household.parents[0]…``), child ids (``K1``) where the family has names, "(s)"-plurals, English
sentences in the German page, "Kind geboren am" for a child not yet born, error boxes; on the pages the
family looks at (the comparison) also "bitte prüfen"/"nicht verifiziert". The advisor's status line (the
case id) and the advisor's own checks stay: the advisor reads them, not the family.
"""

from __future__ import annotations

import copy
import json
import re
from pathlib import Path
from typing import Any

from playwright.sync_api import Page, expect

from tests.browser.test_start_page import KERNEL_READY_MS, screenshot
from tests.deploy.servers import ARTIFACTS
from workbench.report.register import family_sheet_problems
from workbench.store import CaseStore

CASES = Path(__file__).resolve().parents[1] / "cases"
TWINS = CASES / "familien" / "zwillinge.json"
SINGLE = CASES / "familien" / "alleinerziehend.json"
SINGLE_EXPECTING = CASES / "handout" / "alleinerziehend-kurz.json"
JOURNEYS = ARTIFACTS / "journeys"
RESULT = ".wb-topic-result, .wb-cards [data-benefit], .wb-totals, [data-ms=end], .wb-ez-periods"
"""What each wizard's last step shows once it has computed."""

_ERRORS = re.compile(r"Fehler W-|Traceback|Etwas ist schiefgegangen|Something went wrong|Error W-")
_UNBORN_WORDS = re.compile(r"Kind geboren am|born on", re.IGNORECASE)
_CHECK = re.compile(r"bitte\s+prüfen|nicht\s+verifiziert", re.IGNORECASE)
_SNAKE = re.compile(r"\b[a-z]+_[a-z_]+\b")
_SHORT = re.compile(r"\bLM \d")  # "in LM 3–11": the advisor's abbreviation of Lebensmonat


def family(path: Path, case_id: str, **changes: Any) -> dict[str, Any]:
    """A fixture family as stored under ``case_id`` (``changes`` replace top-level keys; None removes one)."""
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    data = copy.deepcopy(data)
    data["case_id"] = case_id
    for key, value in changes.items():
        if value is None:
            data.pop(key, None)
        else:
            data[key] = value
    return data


def store(data_dir: Path, data: dict[str, Any]) -> str:
    CaseStore(data_dir / "cases.sqlite").save(copy.deepcopy(data), expected_version=None)
    return str(data["case_id"])


def visible_text(page: Page) -> str:
    """What the page shows, without the advisor's save status (it names the case id on purpose)."""
    return str(page.evaluate("""() => {
        let text = document.body.innerText;
        for (const e of document.querySelectorAll('.wb-status')) { if (e.innerText) text = text.split(e.innerText).join(' '); }
        return text;
    }"""))


def desk_problems(body: str, language: str = "de", *, family_facing: bool = False, unborn: bool = False,
                  named_children: bool = True) -> list[str]:
    """What issue 24 says must not show across the desk (see the module docstring)."""
    found = [p for p in family_sheet_problems(body, language)
             # the advisor's pages keep the § (ADR 0035); abbreviations on family views: _SHORT below
             if not p.startswith(("internal id", "advisor's check", "path", "citation of the law", "abbreviation"))
             and (named_children or not p.startswith("child id"))]
    for match in re.finditer(r"\bhousehold\.|\w\[\d+\]", body):
        found.append(f"path: …{body[max(0, match.start() - 40):match.end() + 40]}…")
    for match in _SNAKE.finditer(body):
        found.append(f"path: …{body[max(0, match.start() - 40):match.end() + 40]}…")
    for pattern, label, applies in ((_ERRORS, "error", True), (_UNBORN_WORDS, "unborn child 'geboren'", unborn),
                                    (_CHECK, "advisor's check on a family view", family_facing),
                                    (_SHORT, "abbreviation on a family view", family_facing)):
        if applies:
            found += [f"{label}: …{body[max(0, m.start() - 40):m.end() + 40]}…" for m in pattern.finditer(body)]
    return [p.replace("\n", " ") for p in found]


class Journey:
    """Screenshots ``NN-<name>.png`` of one wizard's steps and the problems found on each."""

    def __init__(self, page: Page, wizard: str) -> None:
        self.page = page
        self.folder = JOURNEYS / wizard
        self.folder.mkdir(parents=True, exist_ok=True)
        for old in self.folder.glob("*.png"):
            old.unlink()
        self.number = 0
        self.problems: list[str] = []

    def look(self, name: str, language: str = "de", **scan: Any) -> str:
        """Screenshot the whole page as the next step and scan its text; returns the text."""
        self.number += 1
        self.page.wait_for_timeout(300)  # the last widget update painted
        screenshot(self.page, self.folder / f"{self.number:02d}-{name}.png")  # Voila scrolls inside its cells
        self.page.set_viewport_size({"width": 1200, "height": 900})
        body = visible_text(self.page)
        self.problems += [f"{self.number:02d}-{name}: {p}" for p in desk_problems(body, language, **scan)]
        return body

    def open(self, url: str, ready: str = "Weiter") -> None:
        self.page.goto(url, wait_until="commit", timeout=2 * KERNEL_READY_MS)
        expect(self.page.get_by_role("button", name=ready, exact=True)).to_be_visible(timeout=2 * KERNEL_READY_MS)

    def walk(self, names: list[str], word: str = "Weiter", waits: tuple[str, ...] = ("planen",), **scan: Any) -> None:
        """From step 1, look at each step and go on with ``word`` to the next (the last is only looked at)."""
        total = len(names)
        progress = self.page.locator(".wb-progress-text")
        for index, name in enumerate(names, 1):
            step_word = "Schritt" if word == "Weiter" else "Step"
            of = "von" if word == "Weiter" else "of"
            expect(progress).to_contain_text(f"{step_word} {index} {of} {total}", timeout=60_000)
            if name.endswith("planen"):  # the month planner draws its cells after the step shows
                expect(self.page.get_by_role("button", name=re.compile(r", Lebensmonat 1,")).first).to_be_visible(
                    timeout=60_000)
            if index == total:  # the result computes (and makes its PDF) after the step shows
                expect(self.page.locator(RESULT).first).to_be_visible(timeout=90_000)
            if index == total or name.endswith(waits):
                self.page.wait_for_timeout(2500)  # the result (the planner) computes after the step shows
            self.look(name, "de" if word == "Weiter" else "en", **scan)
            if index < total:
                self.page.get_by_role("button", name=word, exact=True).click()

    def assert_clean(self) -> None:
        assert self.problems == [], "\n".join(self.problems)
