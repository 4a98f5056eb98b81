""""Das Team weiß dazu: …" beside every wizard step: the Teamwissen entries of the wizard's topic and the step.

The :class:`~workbench.ui.kit.wizard.Wizard` shows a :class:`TeamHint` under every step and calls
:meth:`TeamHint.show` with its own title key and the step's whenever a step is entered, so no page does
anything for it. The wizard's topics come from :data:`WIZARD_TOPICS` (a wizard not listed there uses the
middle of its title key, ``ui.zuzug.title`` → ``zuzug``); an entry names its step by the step's title key,
and the steps an advisor can choose from are :data:`WIZARD_STEPS` (a test keeps it in step with the
wizards). A store that is not the office's (tests' memory store) or that cannot be read shows nothing:
the hint is a help, never a reason for an error on the page.
"""

from __future__ import annotations

import html
import logging
from typing import TYPE_CHECKING, Any

import ipywidgets as w

from workbench.errors import WorkbenchError
from workbench.i18n import format_date, text

if TYPE_CHECKING:
    from workbench.store.teamwissen import Teamwissen

log = logging.getLogger(__name__)

WIZARD_TOPICS: dict[str, tuple[str, ...]] = {
    "ui.eg.title": ("elterngeld",),
    "ui.lc.title": ("leistungscheck", "kindergeld", "kinderzuschlag", "unterhaltsvorschuss", "wohngeld", "but"),
    "ui.ms.title": ("mutterschutz",),
    "ui.ez.title": ("elternzeit",),
    "ui.kita.title": ("kita",),
    "ui.pflege.title": ("pflege",),
    "ui.vorsorge.title": ("vorsorge",),
}
"""The Teamwissen topics whose entries a wizard (by its title key) shows."""

WIZARD_STEPS: dict[str, tuple[str, ...]] = {
    "elterngeld": ("ui.eg.step_family", "ui.eg.step_child", "ui.eg.step_income", "ui.eg.step_work",
                   "ui.eg.step_planner", "ui.eg.step_result"),
    "leistungscheck": ("ui.eg.step_family", "ui.lc.step_children", "ui.lc.step_income", "ui.lc.step_result"),
    "mutterschutz": ("ui.eg.step_family", "ui.ms.step_birth", "ui.ms.step_work", "ui.ms.step_result"),
    "elternzeit": ("ui.eg.step_family", "ui.ez.step_child", "ui.ez.step_periods", "ui.ez.step_result"),
    "kita": ("ui.kita.step_child", "ui.kita.step_income", "ui.kita.step_result"),
    "pflege": ("ui.pflege.step_recipient", "ui.pflege.step_carer", "ui.pflege.step_result"),
    "vorsorge": ("ui.vorsorge.step_plan", "ui.vorsorge.step_checklist", "ui.vorsorge.step_result"),
}
"""The steps of each topic's wizard (title keys), in their order: what an entry can be shown beside. Several
wizards share the family step (``ui.eg.step_family``); an entry's topic says in which of them it shows."""

for _wizard_topics in WIZARD_TOPICS.values():  # the Leistungscheck's benefits share its steps
    for _topic in _wizard_topics[1:]:
        WIZARD_STEPS.setdefault(_topic, WIZARD_STEPS[_wizard_topics[0]])


def wizard_topics(title_key: str) -> tuple[str, ...]:
    """The topics of a wizard: listed, else the middle of its title key (``ui.zuzug.title`` → ``zuzug``)."""
    if title_key in WIZARD_TOPICS:
        return WIZARD_TOPICS[title_key]
    parts = title_key.split(".")
    return (parts[1],) if len(parts) == 3 else ()


def teamwissen_of(store: Any, language: str = "de") -> Teamwissen | None:
    """The Teamwissen of the wizard's store, None for a store that is not the office's (a test's memory store)."""
    from workbench.store import CaseStore
    from workbench.store.teamwissen import Teamwissen

    return Teamwissen(store, language) if isinstance(store, CaseStore) else None


def entry_html(entry: Any, language: str, level: int = 3) -> str:
    """One entry: the question as a summary that opens the answer, then source, date and who."""
    meta = text("teamwissen.line.meta", language, topic=text(f"teamwissen.topic.{entry.topic}", language),
                step="", source=entry.source, date=format_date(entry.researched_on, language), author=entry.author,
                version=entry.version)
    return (f'<details class="wb-team-entry" data-entry="{entry.entry_id}"><summary>{html.escape(entry.question)}'
            f'</summary><p>{html.escape(entry.answer)}</p><p class="wb-team-meta">{html.escape(meta)}</p></details>')


class TeamHint:
    """The box under a wizard step; hidden while the team knows nothing about the step."""

    def __init__(self, store: Any, language: str) -> None:
        self.store = store
        self.language = language
        self.widget = w.HTML(layout=w.Layout(display="none"))
        self.widget.add_class("wb-team-hint")
        self._where: tuple[str, str] = ("", "")

    def show(self, wizard_key: str, step_key: str, language: str | None = None) -> None:
        """Show the entries for ``step_key`` of the wizard ``wizard_key`` (read now: another tab's entry counts)."""
        self.language = language or self.language
        self._where = (wizard_key, step_key)
        self.refresh()

    def refresh(self) -> None:
        wizard_key, step_key = self._where
        team = teamwissen_of(self.store, self.language)
        entries: list[Any] = []
        if team is not None and (wizard_key or step_key):
            try:
                entries = team.for_step(wizard_topics(wizard_key), step_key)
            except WorkbenchError as error:  # the store's trouble shows on the page's own saves, not here
                log.info("teamwissen hint not shown: %s", type(error).__name__)
        if not entries:
            self.widget.value = ""
            self.widget.layout.display = "none"
            return
        lang = self.language
        items = "".join(entry_html(e, lang) for e in entries)
        self.widget.value = (f'<aside class="wb-team" lang="{lang}" aria-label="{html.escape(text("teamwissen.ui.heading", lang))}">'
                             f'<p class="wb-team-title"><strong>{html.escape(text("teamwissen.ui.team_knows", lang))}'
                             f"</strong></p>{items}</aside>")
        self.widget.layout.display = None
