"""The Ausfüllhilfen, one module per application: each builds a :class:`~workbench.forms.ausfuellhilfe.Sheet`."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from workbench.case import Case
from workbench.forms.ausfuellhilfe import Sheet
from workbench.forms.sheets import but, kiz, uvg, wohngeld

BUILDERS: dict[str, Callable[[Case, str, date], Sheet]] = {
    "uvg-ausfuellhilfe": uvg.build,
    "wohngeld-ausfuellhilfe": wohngeld.build,
    "but-bochum-ausfuellhilfe": but.build,
    "kiz-anlagen-ausfuellhilfe": kiz.build,
}
"""Form id (``workbench/templates/forms/<id>.yaml``, ``kind: sheet``) → the sheet's builder."""
