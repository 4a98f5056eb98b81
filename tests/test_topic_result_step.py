"""The last step of the topic wizards (Kita, Pflege, Vorsorge, Neu in Bochum): what the advisor sees while it computes."""

from __future__ import annotations

from typing import Any

from workbench.ui.kit.topic import SectionsStep


def test_the_result_says_it_is_being_computed_until_it_is_there() -> None:
    """walk10: after "Weiter" the Kita and Neu-in-Bochum results stood as an empty box under "Ergebnis" for about 2 s
    on the office machine (the family's PDF is made with them); the advisor could take it for a failure."""
    seen: list[str] = []

    def render(data: dict[str, Any], language: str) -> str:
        seen.append(step.output.value)  # what the page shows while this runs
        return "<p>fertig</p>"

    step = SectionsStep("de", "ui.kita.step_result", render)
    step.widget  # built
    step.shown({})
    assert "Das Ergebnis wird berechnet" in seen[0] and 'role="status"' in seen[0]
    assert step.output.value.endswith("<p>fertig</p>") and "berechnet" not in step.output.value
    english = SectionsStep("en", "ui.kita.step_result", lambda d, lang: (seen.append(english.output.value), "")[1])
    english.widget
    english.shown({})
    assert "The result is being computed" in seen[1]
