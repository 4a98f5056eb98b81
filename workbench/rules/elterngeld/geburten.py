"""Which births the workbench computes: from the first one its Lohnsteuer programme covers.

The Elterngeld-Netto needs the Lohnsteuer of the assessment period (§ 2e BEEG); the parameter
``modellierte_geburten`` says from which birth the tax programmes are in the workbench. Births
after the newest programme are computed provisionally (ADR 0019); earlier ones are refused.
"""

from __future__ import annotations

from datetime import date

from workbench.errors import UnsupportedPeriod
from workbench.i18n import format_date, text
from workbench.parameters import parameters


def check_modelled(birth: date, language: str = "de") -> None:
    """Refuse births outside the modelled period with a message naming it."""
    first = parameters("elterngeld").parameter("modellierte_geburten").values[0].valid_from
    if birth < first:  # open-ended: births after the newest PAP year are computed provisionally (ADR 0019)
        raise UnsupportedPeriod(text("fehler.geburt_ausserhalb", language, first=format_date(first, language),
                                     birth=format_date(birth, language), first_year=str(first.year)))
