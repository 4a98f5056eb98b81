"""The Lebenslagen pages: Mutterschutz (``notebooks/mutterschutz.ipynb``) and Elternzeit
(``notebooks/elternzeit.ipynb``), with the timeline both show.

API: :func:`show_mutterschutz_wizard`, :func:`show_elternzeit_wizard` (the notebooks' calls),
:class:`MutterschutzWizard`, :class:`ElternzeitWizard`, :func:`new_case`, :func:`timeline_svg`.
"""

from workbench.ui.pages.lebenslagen.elternzeit import ElternzeitWizard
from workbench.ui.pages.lebenslagen.mutterschutz import MutterschutzWizard
from workbench.ui.pages.lebenslagen.page import new_case
from workbench.ui.pages.lebenslagen.show import show_elternzeit_wizard, show_mutterschutz_wizard
from workbench.ui.pages.lebenslagen.zeitleiste import timeline_svg

__all__ = ["ElternzeitWizard", "MutterschutzWizard", "new_case", "show_elternzeit_wizard", "show_mutterschutz_wizard",
           "timeline_svg"]
