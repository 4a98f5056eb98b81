"""Rule maintenance: edit dated parameters, keep reform drafts beside them, compare and check.

Public surface (one concept per module):

- :mod:`~workbench.maintenance.roundtrip` – read and write params.yaml with comments and
  order kept (ruamel.yaml), unified diff, atomic write.
- :mod:`~workbench.maintenance.validation` – plausibility of a new dated value (type, unit,
  reference, periods) as :class:`~workbench.maintenance.validation.Problem` messages.
- :mod:`~workbench.maintenance.editing` – :func:`propose_value` (diff before saving) and
  :func:`add_value` (validate, show, write back).
- :mod:`~workbench.maintenance.reformen` – reform drafts (the maintainers' "what if" parameter sets) under
  ``reformen/<name>/<benefit>.yaml`` and the scope that evaluates a case "with reform X".
- :mod:`~workbench.maintenance.families` – example families and one evaluator per benefit.
- :mod:`~workbench.maintenance.changes` – "was ändert sich": families at two dates or with a reform.
- :mod:`~workbench.maintenance.pruefstand` – every acceptance example and reference case, pass/fail per rule.
"""

from workbench.maintenance.editing import ProposedChange, add_value, propose_value

__all__ = ["ProposedChange", "add_value", "propose_value"]
