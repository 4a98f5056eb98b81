"""Moving to Bochum: entitlement of foreign nationals, EU coordination, the first steps, school and care."""

from workbench.rules.zuzug.anspruch import Berechtigung, Elternteil, berechtigung, haushalt_berechtigt
from workbench.rules.zuzug.koordinierung import Koordinierung, rangfolge
from workbench.rules.zuzug.schule import Ganztag, ganztag, klasse, schulpflicht_ab

__all__ = ["Berechtigung", "Elternteil", "Ganztag", "Koordinierung", "berechtigung", "ganztag",
           "haushalt_berechtigt", "klasse", "rangfolge", "schulpflicht_ab"]
