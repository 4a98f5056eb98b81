"""The application folder with what the office did: each application's status, its checklist with ticks,
what is still missing and until when a decision can be challenged (issue 20, ADR 0037).

:func:`workbench.evaluation.antragsmappe.antragsmappe` says which applications a case leads to and until
when each must arrive; the case's ``antragsmappe`` says what the office did (signed, forwarded, decided,
the ticked documents). :func:`folder` joins the two, one :class:`Eintrag` per application, and keeps an
application the office recorded even when the case no longer leads to it (a benefit granted meanwhile).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from workbench.clock import today as clock_today
from workbench.evaluation.antragsmappe import Antrag, antragsmappe
from workbench.explain import Explanation
from workbench.rules.antragsmappe.fristen import Frist, bekanntgabe, rechtsbehelfsfrist

if TYPE_CHECKING:
    from workbench.case import ApplicationRecord, Case

UVG_SUPPLEMENT_AGE = 12
"""The UVG application's supplement for children from 12 (§ 1 Abs. 1a UVG: conditions from the 12th birthday)."""


@dataclass(frozen=True)
class Eintrag:
    """One application of the folder: the computed application (if the case still leads to it), the office's
    record (if there is one), the checklist with ticks and the Widerspruch period of a decision."""

    benefit: str
    parent: str | None
    antrag: Antrag | None
    record: ApplicationRecord | None
    checklist: tuple[tuple[str, str], ...]
    """(key, text) of every form and document this family needs for it (``offices.yaml``)."""
    widerspruch: Frist | None
    forms: frozenset[str] = frozenset()
    """The keys of the checklist that are the application's own forms (the office fills them with the family)."""

    @property
    def status(self) -> str:
        return self.record.status if self.record is not None else "vorbereitet"

    @property
    def ticked(self) -> tuple[str, ...]:
        return tuple(self.record.documents) if self.record is not None else ()

    @property
    def missing(self) -> tuple[tuple[str, str], ...]:
        """The forms and documents not ticked yet."""
        return tuple(item for item in self.checklist if item[0] not in self.ticked)

    @property
    def missing_documents(self) -> tuple[tuple[str, str], ...]:
        """The documents (not the forms) not ticked yet: what the family still has to bring."""
        return tuple(item for item in self.missing if item[0] not in self.forms)

    @property
    def forwarded(self) -> bool:
        return self.record is not None and self.record.forwarded_on is not None


def widerspruch_bis(decided_on: date) -> Frist:
    """The last day for a Widerspruch (Einspruch, Klage) against a decision dated and posted on ``decided_on``.

    Known on the fourth day after posting (§ 37 Abs. 2 SGB X, § 122 Abs. 2 Nr. 1 AO), then one month
    (§ 84 Abs. 1 SGG, § 70 Abs. 1 VwGO, § 355 Abs. 1 AO), ending on a working day (§ 193 BGB).
    """
    known = bekanntgabe(decided_on)
    period = rechtsbehelfsfrist(known.bis)
    steps = Explanation()
    steps.extend(known.explanation)
    steps.extend(period.explanation)
    return Frist(period.bis, steps)


def needed(case: Case, benefit: str, parent: str | None, key: str, on: date) -> bool:
    """Whether the form or document ``key`` of ``offices.yaml`` concerns this family at all.

    Elterngeld: the proof of income only with income before the birth (§ 2c, § 2d BEEG), the Mutterschaftsgeld
    certificate only with Mutterschaftsleistungen (§ 3 BEEG), the hours confirmation only with work while
    receiving it (§ 1 Abs. 6 BEEG); UVG: the supplement only for a child of 12 or more (§ 1 Abs. 1a UVG).
    """
    if benefit == "elterngeld" and parent is not None:
        person = case.parent(parent)
        return {"einkommensnachweise": person.income_before_birth.kind != "none",
                "mutterschaftsgeld": person.maternity_benefit,
                "arbeitszeit": bool(person.income_after_birth)}.get(key, True)
    if benefit == "unterhaltsvorschuss" and key == "uvg_ergaenzung_12":
        return any(_age(child.birth_date, on) >= UVG_SUPPLEMENT_AGE for child in case.household.children)
    return True


def _age(born: date, on: date) -> int:
    return on.year - born.year - ((on.month, on.day) < (born.month, born.day))


def checklist(case: Case, benefit: str, parent: str | None, on: date, language: str) -> tuple[tuple[str, str], ...]:
    """(key, text) of the forms and documents of ``benefit`` this family needs, in the order of ``offices.yaml``."""
    from workbench.rules.leistungen.offices import office_info

    items = office_info(benefit, language, on)["checklist"]
    return tuple((key, label) for key, label in items if needed(case, benefit, parent, key, on))


def folder(case: Case, on: date | None = None, language: str | None = None) -> tuple[Eintrag, ...]:
    """Every application of ``case`` on ``on`` (today by default), the most urgent first, records last."""
    day = on or clock_today()
    lang = language or case.language
    records = list(case.antragsmappe.applications) if case.antragsmappe is not None else []
    out: list[Eintrag] = []
    for antrag in antragsmappe(case, day).antraege:
        record = _take(records, antrag.benefit, antrag.parent)
        out.append(_entry(case, antrag.benefit, antrag.parent, antrag, record, day, lang))
    out += [_entry(case, r.benefit, r.parent, None, r, day, lang) for r in records]
    return tuple(out)


def _take(records: list[ApplicationRecord], benefit: str, parent: str | None) -> ApplicationRecord | None:
    for record in records:
        if record.key() == (benefit, parent if benefit == "elterngeld" else None):
            records.remove(record)
            return record
    return None


def _entry(case: Case, benefit: str, parent: str | None, antrag: Antrag | None, record: ApplicationRecord | None,
           day: date, lang: str) -> Eintrag:
    from workbench.rules.leistungen.offices import offices

    decided = record.decided_on if record is not None else None
    forms = frozenset(str(item["key"]) for item in offices()[benefit]["forms"])
    return Eintrag(benefit, parent, antrag, record, checklist(case, benefit, parent, day, lang),
                   widerspruch_bis(decided) if decided is not None else None, forms)


def with_record(case: Case, benefit: str, parent: str | None, **changes: object) -> Case:
    """``case`` with the folder entry of ``benefit`` (by ``parent``) changed as ``changes`` say (a new case;
    the entry and the folder are created when missing). Validated like a loaded case."""
    from workbench.case import dump_case, load_case

    data = dump_case(case)
    who = parent if benefit == "elterngeld" else None
    entries = (data.get("antragsmappe") or {}).get("applications", [])
    entry = next((e for e in entries if e["benefit"] == benefit and e.get("parent") == who), None)
    if entry is None:
        entry = {"benefit": benefit, **({"parent": who} if who is not None else {})}
        entries.append(entry)
    for name, value in changes.items():
        entry[name] = value.isoformat() if isinstance(value, date) else value
    data["antragsmappe"] = {"applications": entries}
    return load_case(data)


def enclosure_keys(entry: Eintrag) -> tuple[str, ...] | None:
    """What the cover letter lists: the ticked forms and documents; None (all of them) when nothing is ticked."""
    ticked = tuple(key for key, _ in entry.checklist if key in entry.ticked)
    return ticked or None
