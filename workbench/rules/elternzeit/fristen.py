"""Notice deadlines for Elternzeit (§ 16 Abs. 1 BEEG).

Elternzeit is not granted by an authority: the parent demands it in writing from the employer,
at the latest 7 weeks before it starts when it starts before the child's 3rd birthday, and 13
weeks before when it starts between the 3rd and the 8th birthday. A year of life is completed
at the end of the day before the birthday (§ 187 Abs. 2, § 188 Abs. 2 BGB), so Elternzeit that
starts *on* the 3rd birthday already needs 13 weeks.
"""

from __future__ import annotations

from datetime import date, timedelta

from workbench.errors import WorkbenchError

NOTICE_BEFORE_THIRD_BIRTHDAY = timedelta(weeks=7)   # § 16 Abs. 1 Satz 1 BEEG
NOTICE_THIRD_TO_EIGHTH = timedelta(weeks=13)        # § 16 Abs. 1 Satz 1 BEEG (Geburten ab 1.7.2015)


def geburtstag(geburt: date, jahre: int) -> date:
    """The child's ``jahre``-th birthday; a child born on 29 February has it on 1 March in other years.

    Rechtsgrundlage: § 187 Abs. 2 Satz 2, § 188 Abs. 2 BGB (the year of life ends with the day
    before the birthday; for 29 February that is 28 February).
    """
    try:
        return geburt.replace(year=geburt.year + jahre)
    except ValueError:  # 29 February in a year without it
        return date(geburt.year + jahre, 3, 1)


def anmeldefrist(beginn: date, geburt: date) -> date:
    """The last day the written demand for Elternzeit starting on ``beginn`` must reach the employer.

    7 weeks before a start before the 3rd birthday, 13 weeks before a start from the 3rd birthday
    up to the day before the 8th birthday. Raises WorkbenchError for a start before the birth or
    from the 8th birthday (no Elternzeit then).
    Rechtsgrundlage: § 16 Abs. 1 Satz 1 BEEG; § 15 Abs. 2 BEEG (up to the 8th birthday)
    """
    if beginn < geburt:
        raise WorkbenchError(f"Elternzeit kann nicht vor der Geburt ({geburt:%d.%m.%Y}) beginnen.")
    if beginn >= geburtstag(geburt, 8):
        raise WorkbenchError(f"Elternzeit endet spätestens mit dem 8. Geburtstag ({geburtstag(geburt, 8):%d.%m.%Y}).")
    if beginn < geburtstag(geburt, 3):
        return beginn - NOTICE_BEFORE_THIRD_BIRTHDAY
    return beginn - NOTICE_THIRD_TO_EIGHTH
