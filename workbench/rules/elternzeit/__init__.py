"""Elternzeit (§§ 15–18 BEEG): dates the parent must keep towards the employer, the periods and their limits."""

from workbench.rules.elternzeit.fristen import anmeldefrist, geburtstag, kuendigungsschutz_ab
from workbench.rules.elternzeit.zeitraeume import (
    Bindung, Hinweis, Zeitraum, ZeitraumDaten, bindung, bindungsende, dauer_monate, lebensmonate_im_zeitraum, pruefe_zeitraeume,
    zeitraum_daten,
)

__all__ = [
    "Bindung", "Hinweis", "Zeitraum", "ZeitraumDaten", "anmeldefrist", "bindung", "bindungsende", "dauer_monate", "geburtstag",
    "kuendigungsschutz_ab", "lebensmonate_im_zeitraum", "pruefe_zeitraeume", "zeitraum_daten",
]
