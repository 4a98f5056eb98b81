"""What the case store writes and shows besides SQL: the JSON payload, search keys, times, who saved.

Split from :mod:`workbench.store.cases` so that module holds the database logic only.
"""

from __future__ import annotations

import getpass
import json
import os
import unicodedata
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from workbench.case import Case, dump_case, load_case, strip_identifying
from workbench.errors import CaseError
from workbench.i18n import format_date, text

DISPLAY_ZONE = "Europe/Berlin"  # the office's clock, for times in messages
ADVISOR_ENV = "WORKBENCH_ADVISOR"


@dataclass(frozen=True)
class StoredCase:
    """One stored version of a case; ``data`` is case-format JSON, ``complete`` says it validated as a Case."""

    case_id: str
    version: int
    saved_at: datetime
    data: dict[str, Any]
    complete: bool


@dataclass(frozen=True)
class CaseSummary:
    """One line of the case list or of a case's history (no case data beyond the parents' names).

    ``saved_by`` is the advisor who saved this version (their hub or login name).
    """

    case_id: str
    family: str
    version: int
    saved_at: datetime
    complete: bool
    saved_by: str = ""
    topic: str = ""
    """The wizard topic the case belongs to (``elterngeld``, ``pflege`` …; :func:`case_topic`)."""
    has_plan: bool = False
    """Whether the case has an Elterngeld plan (the comparison page needs one)."""
    steps: dict[str, tuple[int, int]] = field(default_factory=dict)
    """Per wizard (its title key): the step the advisor was at and the furthest step reached (0-based)."""
    has_folder: bool = False
    """Whether the office keeps the case's applications (``antragsmappe``; the deadline list reads only these)."""

    def step_of(self, wizard: str) -> tuple[int, int] | None:
        return self.steps.get(wizard)


@dataclass(frozen=True)
class ConflictCopy:
    """Data of a refused save, kept so nothing typed is lost; ``based_on`` is the version it expected."""

    conflict_id: int
    case_id: str
    based_on: int | None
    saved_at: datetime
    data: dict[str, Any]


def to_payload(data: dict[str, Any] | Case, complete: bool | None) -> tuple[dict[str, Any], bool]:
    """The data as plain JSON and whether it is a complete case (an anonymous one without identifying fields)."""
    if isinstance(data, Case):
        return dump_case(data), complete is not False
    if not isinstance(data, dict):
        raise CaseError([text("store.not_a_dict", kind=type(data).__name__)])
    payload: dict[str, Any] = json.loads(json.dumps(data, default=_json_value, ensure_ascii=False))
    payload = strip_identifying(payload)  # an anonymous case's names never reach the disk, drafts included
    case_id = payload.get("case_id")
    if not isinstance(case_id, str) or not case_id.strip():
        raise CaseError([text("store.no_case_id")])
    if complete is False:
        return payload, False
    try:
        load_case(payload)
    except CaseError:
        if complete:
            raise
        return payload, False
    return payload, True


def _json_value(value: object) -> object:
    """Widget values in a draft: Decimal as a number, dates as ISO text (as in case-format JSON)."""
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, date):
        return value.isoformat()
    raise CaseError([text("store.not_json", kind=type(value).__name__)])


def family_names(payload: dict[str, Any]) -> str:
    """The parents' names of a case or a draft (``Eva & Jonas``); empty when none are entered yet."""
    household = payload.get("household")
    parents = household.get("parents") if isinstance(household, dict) else None
    names = [p.get("name") for p in parents if isinstance(p, dict)] if isinstance(parents, list) else []
    vorsorge = payload.get("vorsorge")
    if not any(isinstance(n, str) and n.strip() for n in names) and isinstance(vorsorge, dict):
        names = [vorsorge.get("person")]  # a Vorsorge case names the person who makes the Vollmacht
    # NUL cannot be stored in a PostgreSQL text column and is never part of a name
    return " & ".join(n.replace("\x00", "").strip() for n in names if isinstance(n, str) and n.strip())


TOPIC_PREFIXES = {"EG": "elterngeld", "LC": "leistungscheck", "MUTTERSCHUTZ": "mutterschutz",
                  "ELTERNZEIT": "elternzeit", "KI": "kita", "PF": "pflege", "VO": "vorsorge", "ZU": "zuzug"}
"""The case id prefixes the wizards give (``PF-20261125-3F2A``) and the topic each stands for."""


def case_topic(payload: dict[str, Any]) -> str:
    """The topic of a case or draft: by the prefix of its id, else by what it holds (an imported file)."""
    case_id = payload.get("case_id")
    prefix = case_id.split("-", 1)[0].upper() if isinstance(case_id, str) else ""
    if prefix in TOPIC_PREFIXES:
        return TOPIC_PREFIXES[prefix]
    # an imported family file may hold several parts: the one a family comes for first (a Kita part beside an
    # Elterngeld plan is the plan's family; a move to Bochum is its own wizard)
    for key, topic in (("care", "pflege"), ("vorsorge", "vorsorge"), ("zuzug", "zuzug"), ("elterngeld_plan", "elterngeld"),
                       ("kita", "kita"), ("elternzeit", "elternzeit"), ("mutterschutz", "mutterschutz")):
        if payload.get(key):
            return topic
    household = payload.get("household")
    return "leistungscheck" if isinstance(household, dict) and household.get("benefits") else "elterngeld"


def summary_json(payload: dict[str, Any], steps: dict[str, Any] | None = None) -> str:
    """The ``versions.summary`` column: topic, whether there is an Elterngeld plan or a folder, the wizard steps.

    Written with every version so the case list needs no case data (issue 24); it holds no family
    data (the topic is also readable from the case id), so it stays clear in an encrypted store.
    """
    plan = payload.get("elterngeld_plan")
    months = plan.get("months") if isinstance(plan, dict) else None
    has_plan = isinstance(months, dict) and any(isinstance(m, str) and m.strip("-") for m in months.values())
    folder = isinstance(payload.get("antragsmappe"), dict)  # the office keeps its applications (ADR 0037)
    return json.dumps({"topic": case_topic(payload), "plan": has_plan, "folder": folder, "steps": steps or {}},
                      sort_keys=True)


def parse_folder(stored: str | None) -> bool:
    """Whether the summary column says the case has an application folder (false before it was written)."""
    try:
        data = json.loads(stored) if stored else {}
    except ValueError:
        return False
    return isinstance(data, dict) and data.get("folder") is True


def parse_summary(stored: str | None) -> tuple[str, bool, dict[str, tuple[int, int]]]:
    """Topic, has a plan, steps from the column (empty for a version saved before schema 3)."""
    try:
        data = json.loads(stored) if stored else {}
    except ValueError:
        data = {}
    steps = {str(k): (int(v[0]), int(v[1])) for k, v in (data.get("steps") or {}).items()
             if isinstance(v, list) and len(v) == 2}
    return str(data.get("topic") or ""), bool(data.get("plan")), steps


_TRANSLITERATE = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})


def fold(value: str) -> str:
    return unicodedata.normalize("NFC", value).casefold()


def search_key(case_id: str, family: str) -> str:
    """Case id and names case-folded, once as written and once with umlauts spelled out (Müller → mueller)."""
    plain = fold(f"{case_id} {family}")
    return f"{plain} | {unicodedata.normalize('NFC', f'{case_id} {family}').lower().translate(_TRANSLITERATE)}"


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="microseconds")


def parse_time(value: str) -> datetime:
    return datetime.fromisoformat(value)


def advisor() -> str:
    """Who saves (never family data): the JupyterHub user, else ``WORKBENCH_ADVISOR``, else the login name.

    Under JupyterHub the hub sets ``JUPYTERHUB_USER`` to the advisor it authenticated, so it wins
    over a setting; ``WORKBENCH_ADVISOR`` names the advisor where several share one system login
    (a container's user, a service account).
    """
    for variable in ("JUPYTERHUB_USER", ADVISOR_ENV):
        name = os.environ.get(variable, "").strip()
        if name:
            return name
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "?"


def office_time(moment: datetime) -> datetime:
    """A stored UTC time on the office's clock (Europe/Berlin; the machine's zone without tz data)."""
    try:
        return moment.astimezone(ZoneInfo(DISPLAY_ZONE))
    except ZoneInfoNotFoundError:
        return moment.astimezone()


def when(moment: datetime, language: str) -> str:
    """``12:31 Uhr`` today, else ``24.11.2026, 12:31 Uhr`` (office time)."""
    local, today = office_time(moment), office_time(datetime.now(UTC)).date()
    clock = local.strftime("%H:%M")
    if local.date() == today:
        return text("store.when_today", language, time=clock)
    return text("store.when_day", language, day=format_date(local.date(), language), time=clock)
