"""Mutterschutz (MuSchG) and Mutterschaftsgeld (§ 24i SGB V): periods, protection against dismissal, money."""

from workbench.rules.mutterschutz.mutterschaftsgeld import (
    Mutterschaftsgeld, bemessungsmonate, mutterschaftsgeld,
)
from workbench.rules.mutterschutz.schutzfristen import (
    FehlgeburtSchutz, Schutzfristen, monate_mit_mutterschaftsleistungen, schutzfrist_beginn, schutzfrist_ende,
    schutzfrist_fehlgeburt, schutzfristen, verlorene_tage, wochen_nach_entbindung,
)

__all__ = [
    "FehlgeburtSchutz", "Mutterschaftsgeld", "Schutzfristen", "bemessungsmonate", "monate_mit_mutterschaftsleistungen",
    "mutterschaftsgeld", "schutzfrist_beginn", "schutzfrist_ende", "schutzfrist_fehlgeburt", "schutzfristen",
    "verlorene_tage", "wochen_nach_entbindung",
]
