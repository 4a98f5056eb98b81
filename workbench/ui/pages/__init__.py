"""The pages of the workbench, one module or package per topic (the topic's word of docs/architecture.md).

Each names the function its notebook calls (``notebooks/<topic>.ipynb``: one import, one call):
``elterngeld`` (the wizard, the month planner, the quick calculation), ``vergleich`` (the plan
comparison), ``leistungscheck``, ``lebenslagen`` (Mutterschutz and Elternzeit), ``kita``,
``pflege``, ``vorsorge``, ``formulare`` and ``start``. Pages are built from
:mod:`workbench.ui.kit`; the kit never imports a page.
"""
