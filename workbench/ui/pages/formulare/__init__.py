"""The forms page (``notebooks/formulare.ipynb``): the wizard that fills a case's forms, and the blanks it needs."""

from workbench.ui.pages.formulare.wizard import FormsWizard, preview_html, show_forms_wizard

__all__ = ["FormsWizard", "preview_html", "show_forms_wizard"]
