"""The Antragsmappe page (``notebooks/antragsmappe.ipynb``): a case's applications with office, deadline, status
and documents, the cover letter and "weitergeleitet" (issue 20, ADR 0037).

API: :func:`show_antragsmappe` (the notebook's call), :class:`AntragsmappePage`, :func:`no_case_page`.
"""

from workbench.ui.pages.antragsmappe.page import AntragsmappePage
from workbench.ui.pages.antragsmappe.show import antragsmappe_page, no_case_page, show_antragsmappe

__all__ = ["AntragsmappePage", "antragsmappe_page", "no_case_page", "show_antragsmappe"]
