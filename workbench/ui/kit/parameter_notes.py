"""The advisor's notes about the values behind a result: "vorläufig" and "bitte prüfen".

- *vorläufig*: a periodically updated value was due but is not entered yet; the result uses the
  latest known value (ADR 0019): "vorläufig: Werte für 2027 noch nicht hinterlegt – Stand der
  Werte: 2026".
- *bitte prüfen*: the result used a value whose reference says "(nicht verifiziert)"; the note
  lists each one as a phrase of its own with its topic and the date its value holds from
  (one run-on sentence of descriptions read as "… je Kalendermonat bis zu, …", issue 24). Only in the
  advisor's views, never on the family's sheets.
"""

from __future__ import annotations

import html
from collections.abc import Iterable

from workbench.i18n import text
from workbench.parameter_tracking import ProvisionalValue, UnverifiedValue, provisional_note, unverified_items


def notes_html(provisional: Iterable[ProvisionalValue], unverified: Iterable[UnverifiedValue], language: str) -> str:
    """Both notes as HTML paragraphs (empty when the values are current and verified)."""
    out = ""
    note = provisional_note(provisional, language)
    if note:
        out += f'<p class="wb-note wb-provisional" data-provisional="1" lang="{language}">{html.escape(note)}</p>'
    items = unverified_items(unverified, language)
    if items:
        lines = "".join(f"<li>{html.escape(item)}</li>" for item in items)
        out += (f'<div class="wb-note wb-check-list" data-check="1" lang="{language}">'
                f'<p>{html.escape(text("params.unverified_heading", language))}</p><ul>{lines}</ul></div>')
    return out
