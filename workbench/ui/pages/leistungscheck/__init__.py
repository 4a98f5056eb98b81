"""The Leistungscheck page (``notebooks/leistungscheck.ipynb``): Familie → Kinder → Einkommen und Wohnen →
Ergebnis, the benefits of the family per month with their offices, forms and deadlines.

API: :func:`show_leistungscheck_wizard` (the notebook's call), :class:`LeistungscheckWizard`, :func:`new_case`.
"""

from workbench.ui.pages.leistungscheck.wizard import LeistungscheckWizard, new_case, show_leistungscheck_wizard

__all__ = ["LeistungscheckWizard", "new_case", "show_leistungscheck_wizard"]
