"""The browser workbench: ipywidgets views that notebooks import and show.

Public surface:

- :class:`workbench.ui.start.StartPage` – the start page served by Voila.
- :class:`workbench.ui.quick.QuickCalculator` – the quick Elterngeld calculation.
- :class:`workbench.ui.widgets.MoneyInput` and :func:`workbench.ui.widgets.parse_money`.

Every text comes from the catalog (``workbench/messages/ui.yaml``); every widget
callback is wrapped by :func:`workbench.ui.callbacks.guarded`, because Voila drops
exceptions raised in callbacks without a trace.
"""
