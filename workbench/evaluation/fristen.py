"""Fristen: across the cases whose applications the office keeps, what is due within a number of days and what
is overdue (issue 20, ADR 0037).

Four kinds, each from :func:`workbench.evaluation.mappe_status.folder`:

- ``antrag``: an application not forwarded yet whose window closes (§ 7 BEEG, § 70 EStG, § 4 UVG,
  § 6a BKGG, § 25 WoGG); forwarded, it is made and leaves the list.
- ``elternzeit``: an Elternzeit period not yet requested from the employer (7 or 13 weeks, § 16 Abs. 1 BEEG).
- ``widerspruch``: a decision whose objection period is still open (§ 37 Abs. 2 SGB X, § 84 SGG); a passed
  one is gone, nothing is left to do.
- ``unterlagen``: a signed application not forwarded yet with forms or documents not ticked, due when the
  application is (without a window: always listed).

The store never imports the evaluation (import contracts), so the callers (the start page, ``workbench
fristen``) read the cases and hand them over; :func:`fristen` only computes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any, Protocol

from workbench.errors import WorkbenchError
from workbench.evaluation.mappe_status import Eintrag, folder

if TYPE_CHECKING:
    from workbench.case import Case

KINDS = ("antrag", "elternzeit", "widerspruch", "unterlagen")
FOLDER_PAGE = "antragsmappe.ipynb"
"""The wizard page of a case's folder, relative to the start page (the deadline list links into it)."""
DEFAULT_DAYS = 7
"""The start page shows what is due this week (issue 20)."""


@dataclass(frozen=True)
class Frist:
    """One thing to do in one case: what, for which application, until when, with the steps behind the date."""

    case_id: str
    kind: str
    benefit: str
    parent: str | None
    due: date | None
    overdue: bool
    steps: tuple[str, ...] = ()
    missing: tuple[str, ...] = ()
    """``unterlagen``: the texts of the forms and documents not ticked."""
    family: str = ""
    """The names the case list shows (filled by the caller from the store's summary)."""
    who: str = ""
    """The applicant's first name (or id) where each parent applies on their own."""


@dataclass(frozen=True)
class Fristen:
    """What is due up to ``until`` and what is overdue on ``on``, soonest first; cases that could not be read."""

    on: date
    until: date
    items: tuple[Frist, ...]
    unreadable: tuple[str, ...] = field(default=())


def benefit_name(benefit: str, lang: str) -> str:
    """The application's name in ``lang`` (Elterngeld and Elternzeit from the folder's catalog, the rest from the
    Leistungscheck's)."""
    from workbench.i18n import text

    prefix = "antragsmappe" if benefit in ("elterngeld", "elternzeit") else "leistungen"
    return text(f"{prefix}.name.{benefit}", lang)


def words(f: Frist, lang: str) -> tuple[str, str]:
    """When (``bis 09.12.2026``, ``verpasst seit …``, ``ohne Frist``) and what (``Antrag weiterleiten: Elterngeld –
    Aylin``) of one deadline, as the list on the start page and ``workbench fristen`` show it."""
    from workbench.i18n import format_date, text

    when = (text("fristen.undated", lang) if f.due is None else
            text("fristen.overdue" if f.overdue else "fristen.until", lang, date=format_date(f.due, lang)))
    what = "" if f.kind == "elternzeit" else text(f"fristen.kind.{f.kind}", lang) + ": "
    return when, what + benefit_name(f.benefit, lang) + (f" – {f.who}" if f.who else "")


def folder_link(case_id: str) -> str:
    """The address of the case's application folder page (relative to the start page)."""
    from urllib.parse import quote

    return f"{FOLDER_PAGE}?case={quote(case_id, safe='')}"


def case_fristen(case: Case, on: date, language: str = "de", family: str = "") -> list[Frist]:
    """Every open deadline of ``case`` on ``on``, due or not."""
    found: list[Frist] = []
    for entry in folder(case, on, language):
        found += _of(case, entry, on, language, family)
    return found


def _of(case: Case, entry: Eintrag, on: date, lang: str, family: str) -> list[Frist]:
    out: list[Frist] = []
    case_id = case.case_id
    who = (case.parent(entry.parent).name or entry.parent) if entry.parent is not None else ""

    def add(kind: str, due: date | None, steps: tuple[str, ...] = (), missing: tuple[str, ...] = ()) -> None:
        out.append(Frist(case_id, kind, entry.benefit, entry.parent, due, due is not None and due < on,
                         steps, missing, family, who))

    antrag = entry.antrag
    if antrag is not None and not entry.forwarded:
        kind = "elternzeit" if entry.benefit == "elternzeit" else "antrag"
        add(kind, antrag.frist.bis, tuple(antrag.frist.explanation.render(lang)))
    record = entry.record
    if record is not None and record.signed_on is not None and not entry.forwarded and entry.missing:
        add("unterlagen", antrag.frist.bis if antrag is not None else None,
            missing=tuple(label for _, label in entry.missing))
    if entry.widerspruch is not None and entry.widerspruch.bis >= on:
        add("widerspruch", entry.widerspruch.bis, tuple(entry.widerspruch.explanation.render(lang)))
    return out


def fristen(cases: Iterable[tuple[str, str, Callable[[], Case]]], on: date, days: int = DEFAULT_DAYS,
            language: str = "de") -> Fristen:
    """The deadlines of ``cases`` due within ``days`` days from ``on`` or overdue, soonest first; undated
    missing documents come last. ``cases`` gives per case its id, the family's names and a loader.

    A case that cannot be read or computed (a draft, a Leistungscheck that lacks an entry) is named in
    ``unreadable`` instead of stopping the whole list.
    """
    until = on + timedelta(days=days)
    items: list[Frist] = []
    unreadable: list[str] = []
    for case_id, family, load in cases:
        try:
            found = case_fristen(load(), on, language, family)
        except WorkbenchError:
            unreadable.append(case_id)
            continue
        items += [f for f in found if f.due is None or f.due <= until]
    items.sort(key=lambda f: (f.due is None, f.due or on, f.case_id, KINDS.index(f.kind), f.benefit, f.parent or ""))
    return Fristen(on, until, tuple(items), tuple(unreadable))


class FolderSource(Protocol):
    """What :func:`office_fristen` needs of the case store (:class:`workbench.store.CaseStore` has it)."""

    def folder_cases(self) -> list[Any]: ...

    def open(self, case_id: str, version: int | None = None) -> Any: ...


def office_fristen(store: FolderSource, on: date, days: int = DEFAULT_DAYS, language: str = "de") -> Fristen:
    """:func:`fristen` of every case of ``store`` with an application folder (its latest version; reads only)."""
    from workbench.case import load_case

    def loader(case_id: str) -> Callable[[], Case]:
        return lambda: load_case(store.open(case_id).data)

    return fristen(((s.case_id, s.family, loader(s.case_id)) for s in store.folder_cases()), on, days, language)
