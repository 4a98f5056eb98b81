"""The browser workbench: ipywidgets views that notebooks import and show (one import, one call).

- :mod:`workbench.ui.kit` – the wizard kit every page is built from (wizard, steps, fields,
  lists, saving, widgets, header, theme, preheat, the page framework). It never imports a page.
- :mod:`workbench.ui.pages` – one module or package per topic, each with the ``show_…`` function
  its notebook calls.
- :mod:`workbench.ui.maintainers` – the maintainers' views for JupyterLab.

Every text comes from the catalog (``workbench/messages/*.yaml``); every widget callback is
wrapped by :func:`workbench.ui.kit.callbacks.guarded`, because Voila drops exceptions raised in
callbacks without a trace.
"""
