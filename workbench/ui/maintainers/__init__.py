"""Maintainer views for JupyterLab (`make lab`), one per notebook in ``maintainers/`` of the repository.

- :class:`~workbench.ui.maintainers.parameter_editor.ParameterEditor` – browse every
  benefit's dated parameters and add a value (validation, diff, then save).
- :class:`~workbench.ui.maintainers.changes_view.ChangesView` – was ändert sich: example
  families at two dates or with a reform, as a table and a bar chart.
- :class:`~workbench.ui.maintainers.pruefstand_view.PruefstandView` – every acceptance
  example and reference case, pass/fail per rule with the differences.

All logic lives in :mod:`workbench.maintenance`; these classes only wire widgets to it.
"""
