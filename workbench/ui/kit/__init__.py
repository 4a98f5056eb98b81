"""The wizard kit: what every page of the workbench is built from. It never imports a page.

- :class:`~workbench.ui.kit.wizard.Wizard` runs :class:`~workbench.ui.kit.step.WizardStep` s of
  fields bound to case paths (:mod:`~workbench.ui.kit.fields`, :mod:`~workbench.ui.kit.lists`,
  one section per parent: :mod:`~workbench.ui.kit.parents`; the family step every wizard about a
  child opens with: :mod:`~workbench.ui.kit.familie`), validates, and saves with
  :class:`~workbench.ui.kit.saving.CaseSaver` (only real changes).
- :mod:`~workbench.ui.kit.page`: open the case a request names and show a wizard's page
  (``show_wizard_page``, ``open_case_wizard``, ``default_store``, ``failure_notice``).
- :mod:`~workbench.ui.kit.topic`: the steps of a topic page (``FieldsStep``, ``SectionsStep``)
  and ``show_topic_wizard``, which the Kita, Pflege and Vorsorge notebooks use.
- :class:`~workbench.ui.kit.header.PageHeader` (title and language switch),
  :func:`~workbench.ui.kit.theme.theme_style`, :func:`~workbench.ui.kit.callbacks.guarded`,
  the inputs of :mod:`~workbench.ui.kit.widgets` (``text_input``, ``MoneyInput``,
  ``FieldMessage``), :mod:`~workbench.ui.kit.preheat` (preheated kernels, timing of clicks),
  :mod:`~workbench.ui.kit.case_list` (the list of saved cases and the pages' addresses),
  :func:`~workbench.ui.kit.parameter_notes.notes_html` (provisional and unverified values).
"""
