"""The office's "today": the calendar day, or ``$WORKBENCH_TODAY`` (an ISO date) for rehearsals and tests.

The year change is rehearsed by setting the day (``WORKBENCH_TODAY=2027-01-04``): the wizards'
consultation date, the topic commands' default ``--date`` and ``params check`` follow it.
"""

from __future__ import annotations

import os
from datetime import date

TODAY_ENV = "WORKBENCH_TODAY"


def today() -> date:
    """``$WORKBENCH_TODAY`` if set (ISO date), else the calendar day."""
    raw = os.environ.get(TODAY_ENV)
    return date.fromisoformat(raw) if raw else date.today()
