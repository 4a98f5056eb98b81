"""Elternzeit (§§ 15–18 BEEG): dates the parent must keep towards the employer, the periods and their limits."""

from workbench.rules.elternzeit.fristen import anmeldefrist, geburtstag, kuendigungsschutz_ab
from workbench.rules.elternzeit.zeitraeume import (
    Hinweis, Zeitraum, ZeitraumDaten, bindungsende, dauer_monate, lebensmonate_im_zeitraum, pruefe_zeitraeume,
    zeitraum_daten,
)

__all__ = [
    "Hinweis", "Zeitraum", "ZeitraumDaten", "anmeldefrist", "bindungsende", "dauer_monate", "geburtstag",
    "kuendigungsschutz_ab", "lebensmonate_im_zeitraum", "pruefe_zeitraeume", "zeitraum_daten",
]
