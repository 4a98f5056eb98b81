"""The Elterngeld pages: the six-step wizard (``notebooks/elterngeld.ipynb``), its steps, the month
planner the comparison page reuses, and the quick calculation of the start page.

API: :func:`show_elterngeld_wizard` (the notebook's call), :class:`ElterngeldWizard`,
:func:`new_case`, :func:`open_elterngeld_wizard`, :class:`Monatsplaner`, :class:`QuickCalculator`.
"""

from workbench.ui.pages.elterngeld.monatsplaner import Monatsplaner
from workbench.ui.pages.elterngeld.quick import QuickCalculator
from workbench.ui.pages.elterngeld.wizard import ElterngeldWizard, new_case, open_elterngeld_wizard, show_elterngeld_wizard

__all__ = ["ElterngeldWizard", "Monatsplaner", "QuickCalculator", "new_case", "open_elterngeld_wizard",
           "show_elterngeld_wizard"]
