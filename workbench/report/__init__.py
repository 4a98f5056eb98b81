"""What leaves the office on paper: the family handout and the sections of every topic.

The handout (:mod:`.handout`, layout ``templates/reports/handout.yaml``) draws its blocks with
:mod:`.blocks`; each topic turns the results of :mod:`workbench.evaluation` into
:class:`HandoutSection` s (:mod:`.leistungscheck`, :mod:`.lebenslagen`, :mod:`.kita`,
:mod:`.pflege`, :mod:`.vorsorge`), :mod:`.topics` gathers them for a case and prints them alone
(:func:`topic_pdf`); :mod:`.vergleich` draws the comparison's chart. The report never computes a
benefit itself: it asks the evaluation layer (ADR 0023).
"""

from workbench.report.blocks import HandoutPlan, HandoutSection, application_deadline, elternzeit_notice
from workbench.report.handout import HandoutPdf, handout_pdf, handout_plans, layout
from workbench.report.topics import topic_pdf, topic_sections

__all__ = ["HandoutPdf", "HandoutPlan", "HandoutSection", "application_deadline", "elternzeit_notice", "handout_pdf",
           "handout_plans", "layout", "topic_pdf", "topic_sections"]
