"""The comparison page (``notebooks/vergleich.ipynb``): the case's plans side by side, the month planner
for an own plan, the search for the best split from the family's wishes, and the handout.

API: :func:`show_vergleich` (the notebook's call), :class:`VergleichPage`, :func:`no_case_page`.
"""

from workbench.ui.pages.vergleich.page import VergleichPage
from workbench.ui.pages.vergleich.show import no_case_page, show_vergleich

__all__ = ["VergleichPage", "no_case_page", "show_vergleich"]
