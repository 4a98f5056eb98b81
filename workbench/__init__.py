"""Advisor workbench of the Familienbüro Bochum.

All rules live in :mod:`workbench.rules`; the case file model in :mod:`workbench.case`;
the command line in :mod:`workbench.cli`. Notebooks only import and call.
"""

__version__ = "0.1.0"
