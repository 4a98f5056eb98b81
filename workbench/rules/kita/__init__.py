"""Kita place and fee in Bochum: legal claim, registration dates, fee-free cases."""

from workbench.rules.kita.anspruch import KitaTermine, kita_termine, kindergartenjahr_beginn, rechtsanspruch_ab
from workbench.rules.kita.beitrag import Beitrag, beitrag, beitragsfrei_ab

__all__ = ["Beitrag", "KitaTermine", "beitrag", "beitragsfrei_ab", "kindergartenjahr_beginn", "kita_termine",
           "rechtsanspruch_ab"]
