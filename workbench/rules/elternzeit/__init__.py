"""Elternzeit (§§ 15–18 BEEG): dates the parent must keep towards the employer."""

from workbench.rules.elternzeit.fristen import anmeldefrist, geburtstag

__all__ = ["anmeldefrist", "geburtstag"]
