"""The advisor's notes about the values behind a result: "vorläufig" and "bitte prüfen".

- *vorläufig*: a periodically updated value was due but is not entered yet; the result uses the
  latest known value (ADR 0019): "vorläufig: Werte für 2027 noch nicht hinterlegt – Stand der
  Werte: 2026".
- *bitte prüfen*: the result used a value whose reference says "(nicht verifiziert)"; the note
  names it in words. Only in the advisor's views, never on the family's sheets.
"""

from __future__ import annotations

import html
from collections.abc import Iterable

from workbench.parameter_tracking import ProvisionalValue, UnverifiedValue, provisional_note, unverified_note


def notes_html(provisional: Iterable[ProvisionalValue], unverified: Iterable[UnverifiedValue], language: str) -> str:
    """Both notes as HTML paragraphs (empty when the values are current and verified)."""
    out = ""
    note = provisional_note(provisional, language)
    if note:
        out += f'<p class="wb-note wb-provisional" data-provisional="1" lang="{language}">{html.escape(note)}</p>'
    check = unverified_note(unverified, language)
    if check:
        out += f'<p class="wb-note wb-check" data-check="1" lang="{language}">{html.escape(check)}</p>'
    return out
