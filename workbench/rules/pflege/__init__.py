"""Care of relatives: care-insurance benefits (SGB XI) and time off for carers (PflegeZG, FPfZG)."""

from workbench.rules.pflege.freistellung import (
    Freistellung, ankuendigung_familienpflegezeit, ankuendigung_pflegezeit, darlehen_m, freistellungen,
    pflegeunterstuetzungsgeld_tag,
)
from workbench.rules.pflege.leistungen import (
    Option, PflegeLeistungen, kombination, leistungen, pflegegeld_m, sachleistung_m,
)

__all__ = [
    "Freistellung", "Option", "PflegeLeistungen", "ankuendigung_familienpflegezeit", "ankuendigung_pflegezeit",
    "darlehen_m", "freistellungen", "kombination", "leistungen", "pflegegeld_m", "pflegeunterstuetzungsgeld_tag",
    "sachleistung_m",
]
