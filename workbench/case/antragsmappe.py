"""What the office did with each application of a case (``antragsmappe``, new in ``workbench-case/4``).

The applications themselves follow from the case (:mod:`workbench.evaluation.antragsmappe`); the case
keeps what only the office knows: the day the family signed, the day the office forwarded the
application with its cover letter, the day of the decision and whether it was a refusal, and which
forms and documents are in the folder (ticked). The status is read from the dates, so it can never
contradict them: no date "vorbereitet", ``signed_on`` "unterschrieben", ``forwarded_on``
"weitergeleitet am …", ``decided_on`` "Bescheid am …" or, with ``rejected``, "abgelehnt". The
Widerspruch period follows from the decision's date (§ 37 Abs. 2 SGB X, § 84 SGG; the rules compute
it). Elternzeit is requested from the employer: its day is ``elternzeit.periods[].requested_on``.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Annotated, Any, Literal

from pydantic import BeforeValidator, Field, WithJsonSchema, model_validator

from workbench.case.fields import Identifier, IsoDate
from workbench.case.fields import CaseModel as _Model
from workbench.case.messages import problem

if TYPE_CHECKING:
    from workbench.case.model import Case

__all__ = ["ApplicationRecord", "Antragsmappe", "STATUSES", "check_applications"]

Forwarded = Literal["elterngeld", "kindergeld", "kinderzuschlag", "unterhaltsvorschuss", "wohngeld", "bildung_teilhabe"]
"""The applications the office forwards to an authority (Elternzeit goes to the employer)."""
PER_PARENT = ("elterngeld",)
"""Each parent applies on their own (§ 7 BEEG); every other application is one per household."""
STATUSES = ("vorbereitet", "unterschrieben", "weitergeleitet", "bescheid", "abgelehnt")
DOCUMENT_KEY_LENGTH = 40


def _document_key(value: Any) -> str:
    if not isinstance(value, str):
        raise problem("wrong_type", expected="string")
    if not re.fullmatch(rf"[a-z0-9_]{{1,{DOCUMENT_KEY_LENGTH}}}", value):
        raise problem("am_document_key", max=DOCUMENT_KEY_LENGTH)
    return value


DocumentKey = Annotated[str, BeforeValidator(_document_key),
                        WithJsonSchema({"type": "string", "pattern": f"^[a-z0-9_]{{1,{DOCUMENT_KEY_LENGTH}}}$"})]
"""The key of a form or document in ``rules/leistungen/offices.yaml`` (``geburtsurkunde``)."""


class ApplicationRecord(_Model, title="Antrag in der Mappe"):
    """One application's way through the office: signed, forwarded, decided; the documents in the folder."""

    benefit: Forwarded = Field(description="Welcher Antrag (Schlüssel in offices.yaml)")
    parent: Identifier | None = Field(default=None, description="Antragstellender Elternteil (nur Elterngeld)")
    signed_on: IsoDate | None = Field(default=None, description="Unterschrieben am")
    forwarded_on: IsoDate | None = Field(default=None, description="Mit Begleitschreiben weitergeleitet am")
    decided_on: IsoDate | None = Field(default=None, description="Datum des Bescheids (Tag der Aufgabe zur Post)")
    rejected: bool = Field(default=False, description="Der Bescheid lehnt ab")
    documents: list[DocumentKey] = Field(default_factory=list, max_length=30,
                                         description="Abgehakte Formulare und Unterlagen (Schlüssel aus offices.yaml)")

    @model_validator(mode="after")
    def _ordered(self) -> ApplicationRecord:
        if self.benefit in PER_PARENT and self.parent is None:
            raise problem("am_parent_missing", at="parent")
        if self.benefit not in PER_PARENT and self.parent is not None:
            raise problem("am_parent_not_here", at="parent")
        steps = [("signed_on", self.signed_on), ("forwarded_on", self.forwarded_on), ("decided_on", self.decided_on)]
        dated = [(name, day) for name, day in steps if day is not None]
        for (before, early), (name, late) in zip(dated, dated[1:]):
            if late < early:
                raise problem("am_order", at=name, before=before, day=early.isoformat())
        if self.rejected and self.decided_on is None:
            raise problem("am_rejected_without_decision", at="rejected")
        if len(set(self.documents)) != len(self.documents):
            raise problem("am_document_twice", at="documents")
        return self

    @property
    def status(self) -> str:
        """``vorbereitet`` → ``unterschrieben`` → ``weitergeleitet`` → ``bescheid`` or ``abgelehnt``."""
        if self.decided_on is not None:
            return "abgelehnt" if self.rejected else "bescheid"
        if self.forwarded_on is not None:
            return "weitergeleitet"
        return "unterschrieben" if self.signed_on is not None else "vorbereitet"

    def key(self) -> tuple[str, str | None]:
        return self.benefit, self.parent


class Antragsmappe(_Model, title="Antragsmappe"):
    """The office's record of a case's applications (one entry per application and applicant)."""

    applications: list[ApplicationRecord] = Field(default_factory=list, max_length=20, description="Anträge")

    def record(self, benefit: str, parent: str | None = None) -> ApplicationRecord | None:
        """The entry of ``benefit`` (by ``parent`` for Elterngeld), if the office has one."""
        for entry in self.applications:
            if entry.key() == (benefit, parent if benefit in PER_PARENT else None):
                return entry
        return None


def check_applications(case: Case) -> None:
    """Raise a case problem for an application named twice or a parent the household lacks."""
    mappe = case.antragsmappe
    if mappe is None:
        return
    parents = [p.id for p in case.household.parents]
    seen: set[tuple[str, str | None]] = set()
    for i, entry in enumerate(mappe.applications):
        if entry.parent is not None and entry.parent not in parents:
            raise problem("ls_unknown_ref", at=f"antragsmappe.applications[{i}].parent", id=entry.parent,
                          known=", ".join(parents))
        if entry.key() in seen:
            raise problem("am_twice", at=f"antragsmappe.applications[{i}]", benefit=entry.benefit)
        seen.add(entry.key())
