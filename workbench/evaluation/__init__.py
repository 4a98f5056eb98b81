"""One place that applies the rules to a case, for every topic (issue 19, ADR 0023).

The rules (:mod:`workbench.rules`) take plain inputs and a date; the modules here read a
:class:`~workbench.case.Case`, turn its parts into those inputs and call the rules. The wizards,
the command line, the handout and the forms all ask this layer, so a case gives the same result
on every page and paper. The evaluation imports the rules, the case and the ground, never the
reports, the forms, the store, the wizards or the command line.

- :mod:`.lebenslagen`: ``mutterschutz_result``, ``elternzeit_result``
- :mod:`.kita`: ``kita_result``; :mod:`.pflege`: ``pflege_results``; :mod:`.vorsorge`:
  ``vorsorge_checklist``, ``vorsorge_kosten``
- :mod:`.vergleich`: ``plan_choices``, ``default_selection``, ``compare`` (the family comparison)

Import from the topic's module (``from workbench.evaluation.kita import kita_result``): a page
then loads only the rules of its topic.
"""
