"""What leaves the office on paper: the family handout and the sections of every topic.

The handout (:mod:`.handout`, layout ``templates/reports/handout.yaml``) draws its blocks with
:mod:`.blocks`; each topic turns the results of :mod:`workbench.evaluation` into
:class:`HandoutSection` s (:mod:`.leistungscheck`, :mod:`.lebenslagen`, :mod:`.kita`,
:mod:`.pflege`, :mod:`.vorsorge`), :mod:`.topics` gathers them for a case and prints them alone
(:func:`topic_pdf`); :mod:`.vergleich` draws the comparison's chart. The report never computes a
benefit itself: it asks the evaluation layer (ADR 0023).

The names below are loaded on first use (PEP 562): the pages import the topics' texts
(``workbench.report.lebenslagen``, ``.vergleich``) at start, the PDF library (fpdf2, about 25 MiB
and a second of start-up per kernel) only when a PDF is made (issue 23, ADR 0033).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from workbench.report.blocks import HandoutPlan, application_deadline, elternzeit_notice
    from workbench.report.handout import HandoutPdf, handout_pdf, handout_plans, layout
    from workbench.report.sections import HandoutSection
    from workbench.report.topics import topic_pdf, topic_sections

_HOME = {"HandoutPlan": "blocks", "application_deadline": "blocks", "elternzeit_notice": "blocks",
         "HandoutSection": "sections", "HandoutPdf": "handout", "handout_pdf": "handout",
         "handout_plans": "handout", "layout": "handout", "topic_pdf": "topics", "topic_sections": "topics"}

__all__ = ["HandoutPdf", "HandoutPlan", "HandoutSection", "application_deadline", "elternzeit_notice", "handout_pdf",
           "handout_plans", "layout", "topic_pdf", "topic_sections"]


def __getattr__(name: str) -> Any:
    """Load a public name's module when it is first asked for."""
    home = _HOME.get(name)
    if home is None:
        raise AttributeError(f"module 'workbench.report' has no attribute {name!r}")
    return getattr(importlib.import_module(f"workbench.report.{home}"), name)
