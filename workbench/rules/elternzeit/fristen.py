"""Notice deadlines and the start of the protection against dismissal for Elternzeit (§ 16 Abs. 1, § 18 Abs. 1 BEEG).

Elternzeit is not granted by an authority: the parent demands it in writing from the employer,
at the latest 7 weeks before it starts when it starts before the child's 3rd birthday, and 13
weeks before when it starts between the 3rd and the 8th birthday. A year of life is completed
at the end of the day before the birthday (§ 187 Abs. 2, § 188 Abs. 2 BGB), so Elternzeit that
starts *on* the 3rd birthday already needs 13 weeks. The employer may not dismiss from the demand
on, but at the earliest 8 (14) weeks before the start.
"""

from __future__ import annotations

from datetime import date, timedelta

from workbench.errors import UnsupportedPeriod, WorkbenchError
from workbench.i18n import format_date, text
from workbench.parameters import parameters
from workbench.rules.elterngeld.lebensmonate import completes_age_on

P = parameters("elternzeit")


def geburtstag(geburt: date, jahre: int) -> date:
    """The child's ``jahre``-th birthday; a child born on 29 February has it on 1 March in other years.

    It is the day the child completes ``jahre`` years (:func:`completes_age_on`).
    Rechtsgrundlage: § 187 Abs. 2 Satz 2, § 188 Abs. 2 BGB (the year of life ends with the day
    before the birthday; for 29 February that is 28 February).
    """
    return completes_age_on(geburt, jahre)


def _modelled(geburt: date, language: str) -> None:
    first = P.parameter("anmeldefrist_wochen").values[0].valid_from
    if geburt < first:
        raise UnsupportedPeriod(text("elternzeit.fehler.geburt_vor", language, first=format_date(first, language),
                                     geburt=format_date(geburt, language)))


def ab_drittem_geburtstag(beginn: date, geburt: date) -> bool:
    """Whether a period starting on ``beginn`` lies between the 3rd and the 8th birthday.

    Rechtsgrundlage: § 15 Abs. 2 Satz 2 BEEG, § 16 Abs. 1 Satz 1 Nr. 2 BEEG
    """
    return beginn >= geburtstag(geburt, int(P.value("anspruch_bis_jahre", geburt)))


def anmeldefrist(beginn: date, geburt: date, language: str = "de") -> date:
    """The last day the written demand for Elternzeit starting on ``beginn`` must reach the employer.

    7 weeks before a start before the 3rd birthday, 13 weeks before a start from the 3rd birthday
    up to the day before the 8th birthday. Raises WorkbenchError (in ``language``) for a start before
    the birth or from the 8th birthday (no Elternzeit then).
    Rechtsgrundlage: § 16 Abs. 1 Satz 1 BEEG; § 15 Abs. 2 BEEG (up to the 8th birthday)
    """
    _modelled(geburt, language)
    if beginn < geburt:
        raise WorkbenchError(text("elternzeit.fehler.vor_geburt", language, geburt=format_date(geburt, language)))
    limit = geburtstag(geburt, int(P.value("nach_drittem_geburtstag", geburt)["bis_jahre"]))
    if beginn >= limit:
        raise WorkbenchError(text("elternzeit.fehler.ab_achtem", language, limit=format_date(limit, language)))
    weeks = P.value("anmeldefrist_wochen", geburt)
    return beginn - timedelta(weeks=int(weeks["ab_drittem" if ab_drittem_geburtstag(beginn, geburt) else "bis_drittem"]))


def kuendigungsschutz_ab(beginn: date, geburt: date, verlangt: date | None = None) -> date:
    """First day of the protection against dismissal: the day of the demand, at the earliest 8 (14) weeks before the start.

    Rechtsgrundlage: § 18 Abs. 1 Satz 1–3 BEEG
    """
    weeks = P.value("kuendigungsschutz_vorlauf_wochen", geburt)
    earliest = beginn - timedelta(weeks=int(weeks["ab_drittem" if ab_drittem_geburtstag(beginn, geburt) else "bis_drittem"]))
    return earliest if verlangt is None else max(earliest, verlangt)
