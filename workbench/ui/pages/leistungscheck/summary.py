"""The top of the Leistungscheck's result: the day it is computed for, the monthly total, the months ahead.

Issue 24 (ADR 0034): the family hears which day the amounts are for, what they get together a month, and
in which coming month a birthday or an age limit changes an amount. The texts come from
:func:`workbench.report.leistungscheck.check_json` (``as_of``, ``total``, ``changes_ahead``), so the
handout says the same.
"""

from __future__ import annotations

import html
from typing import Any

from workbench.evaluation.leistungscheck_ahead import MONTHS_AHEAD
from workbench.i18n import text


def summary_html(result: dict[str, Any], language: str) -> str:
    """The day of the check, what the family gets a month together, and the months ahead where that changes."""
    lang = language
    total = "".join(f'<p class="wb-total" data-total="{"open" if i else "granted"}"><strong>{html.escape(line)}</strong></p>'
                    if i == 0 else f'<p class="wb-total" data-total="open">{html.escape(line)}</p>'
                    for i, line in enumerate(result["total"]["text"]))
    changes = result["changes_ahead"]
    ahead = ("".join(f'<li data-change="{html.escape(c["from"])}">{html.escape(c["text"])}</li>' for c in changes)
             if changes else "")
    ahead_block = (f'<h4>{html.escape(text("desk.lc.ahead_heading", lang))}</h4>'
                   + (f'<ul class="wb-ahead">{ahead}</ul>' if ahead
                      else f'<p class="wb-ahead">{html.escape(text("desk.lc.ahead_none", lang, months=MONTHS_AHEAD))}</p>'))
    return (f'<section class="wb-card wb-summary" lang="{lang}"><p class="wb-as-of">{html.escape(result["as_of"])}</p>'
            f"{total}{ahead_block}</section>")
