"""The Elterngeld of a case: each parent's amounts, the plan check, the optimizer, the variants.

- :mod:`.engine`: ``compute_elterngeld(case)`` (the amounts of the case's plan with the
  explanation and the plan check), ``plan_situation``, the Mutterschutz months of a parent
- :mod:`.optimize`: ``optimize(case)`` (the best plans), ``evaluate(case, months)`` (one plan),
  built on :mod:`.optimize_model` (the case as a search problem) and :mod:`.optimize_search`
- :mod:`.variants`: ``ready_variants(case)`` (ready-made plans); :mod:`.compare`:
  ``compare_plans``, ``standard_plans`` (``workbench compare``)

The pure rules they apply (Elterngeld-Netto, amounts, planning rules, Lebensmonate) are in
:mod:`workbench.rules.elterngeld`. Import from the module (``from
workbench.evaluation.elterngeld.engine import compute_elterngeld``): the result page then loads
no optimizer.
"""
