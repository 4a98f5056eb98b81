"""Teamwissen: the advisors' researched answers, kept in the store's database beside the cases (docs/teamwissen.md).

An entry is a question and its answer with the topic (and optionally the wizard step) it belongs to,
the source, the date it was researched and who researched it. Like a case, every change is a new
version (``teamwissen_versions``); marking an entry outdated is a version too, so the history shows
what the team believed when. Entries never hold family data: the tables have no case id column,
and :mod:`workbench.store.teamwissen_guard` refuses a text with personal numbers or a stored case's
people (ADR 0038). ``Teamwissen(CaseStore(...))`` works on both backends.
"""

from __future__ import annotations

import json
import logging
import re
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from workbench.clock import today
from workbench.errors import StoreConflict, StoreError
from workbench.i18n import text
from workbench.store.cases import CaseStore
from workbench.store.records import advisor, fold, now, parse_time, search_key
from workbench.store.teamwissen_guard import KnownPeople, case_problem, pattern_problem, people_of

__all__ = ["TOPICS", "Entry", "Teamwissen", "TeamwissenRefused"]

log = logging.getLogger(__name__)

TOPICS = ("allgemein", "elterngeld", "elternzeit", "mutterschutz", "kindergeld", "kinderzuschlag",
          "unterhaltsvorschuss", "wohngeld", "but", "leistungscheck", "kita", "pflege", "vorsorge",
          "formulare", "antragsmappe")
"""The topics an entry can belong to (``teamwissen.topic.<topic>`` names each); a wizard's topic is one of them."""

LIMITS = {"question": 500, "answer": 5000, "source": 500, "author": 100, "step": 100, "outdated": 500}
TEXT_FIELDS = ("question", "answer", "source")
STEP = re.compile(r"[a-z0-9_.]*")

_COLUMNS = ("v.entry_id, v.version, v.topic, v.step, v.question, v.answer, v.source, v.researched_on, v.author, "
            "v.saved_at, v.saved_by, v.outdated, e.promoted_to")
_LATEST = ("FROM teamwissen_versions v JOIN teamwissen e USING (entry_id) "
           "JOIN (SELECT entry_id, MAX(version) AS version FROM teamwissen_versions GROUP BY entry_id) latest "
           "USING (entry_id, version)")


class TeamwissenRefused(StoreError):
    """An entry that cannot be saved: a field missing or too long, an unknown topic, or family data in it.

    ``field`` names the field (``question``, ``answer``, ``source``, ``topic``, ``researched_on`` …).
    """

    def __init__(self, key: str, field: str, language: str = "de", **values: Any) -> None:
        self.key, self.field, self.values = key, field, values
        super().__init__(text(key, language, field=text(f"teamwissen.field.{field}", language), **values))

    def text(self, language: str) -> str:
        return text(self.key, language, field=text(f"teamwissen.field.{self.field}", language), **self.values)


@dataclass(frozen=True)
class Entry:
    """One version of a Teamwissen entry."""

    entry_id: int
    version: int
    topic: str
    step: str
    """The wizard step's title key (``ui.eg.step_income``) the entry is shown beside; empty: the whole topic."""
    question: str
    answer: str
    source: str
    researched_on: date
    author: str
    """Who researched it (an advisor, never family data)."""
    saved_at: datetime
    saved_by: str
    outdated: str = ""
    """Why the entry no longer holds ("" while it holds)."""
    promoted_to: str = ""
    """Where a maintainer took it over (a docs file, a rule comment); "" until then."""

    def as_json(self) -> dict[str, Any]:
        return {"id": self.entry_id, "version": self.version, "topic": self.topic, "step": self.step,
                "question": self.question, "answer": self.answer, "source": self.source,
                "researched_on": self.researched_on.isoformat(), "author": self.author,
                "saved_at": self.saved_at.isoformat(), "saved_by": self.saved_by,
                "outdated": self.outdated, "promoted_to": self.promoted_to}


def _entry(row: tuple[Any, ...]) -> Entry:
    return Entry(int(row[0]), int(row[1]), str(row[2]), str(row[3]), str(row[4]), str(row[5]), str(row[6]),
                 date.fromisoformat(str(row[7])), str(row[8]), parse_time(str(row[9])), str(row[10]),
                 str(row[11]), str(row[12] or ""))


def _search_key(topic: str, question: str, answer: str, source: str) -> str:
    """What the search looks in, case-folded and once more with umlauts spelled out, as the case list's key."""
    return search_key(topic, f"{question} {answer} {source}")


class Teamwissen:
    """The Teamwissen of one store: ``Teamwissen(CaseStore())``; every method runs in its own transaction."""

    def __init__(self, store: CaseStore, language: str = "de") -> None:
        self.store = store
        self.language = language

    # -- writing -----------------------------------------------------------------------------------

    def add(self, *, topic: str, question: str, answer: str, source: str, researched_on: date | str,
            step: str = "", author: str = "") -> Entry:
        """Record a new entry (version 1); TeamwissenRefused names the field that cannot be taken."""
        values = self._checked(topic=topic, step=step, question=question, answer=answer, source=source,
                               researched_on=researched_on, author=author or advisor())
        with self.store._transaction() as conn:
            row = conn.execute("INSERT INTO teamwissen (created_at, created_by, promoted_to) VALUES (?, ?, '') "
                               "RETURNING entry_id", (now(), advisor())).fetchone()
            entry_id = int(row[0])
            self._insert(conn, entry_id, 1, values, "")
        log.info("teamwissen entry %d added", entry_id)
        return self.get(entry_id)

    def edit(self, entry_id: int, expected_version: int, **changes: Any) -> Entry:
        """Save a new version with ``changes`` (any of add's fields); refused if someone saved meanwhile.

        A changed entry holds again: the new version is not outdated (the edit is the correction).
        """
        current = self.get(entry_id)
        fields = {k: getattr(current, k) for k in ("topic", "step", "question", "answer", "source",
                                                    "researched_on", "author")}
        unknown = set(changes) - set(fields)
        if unknown:
            raise TypeError(f"unknown fields {sorted(unknown)}")
        values = self._checked(**{**fields, **changes})
        return self._new_version(entry_id, expected_version, values, "")

    def mark_outdated(self, entry_id: int, reason: str, expected_version: int | None = None) -> Entry:
        """Mark the entry outdated with ``reason`` (a new version; the text stays as it was)."""
        reason = " ".join(reason.split())
        if not reason:
            raise TeamwissenRefused("teamwissen.missing", "outdated", self.language)
        if len(reason) > LIMITS["outdated"]:
            raise TeamwissenRefused("teamwissen.too_long", "outdated", self.language, limit=LIMITS["outdated"])
        refused = pattern_problem(reason) or case_problem(reason, self._people())
        if refused:
            raise TeamwissenRefused(refused, "outdated", self.language)
        current = self.get(entry_id)
        values = {k: getattr(current, k) for k in ("topic", "step", "question", "answer", "source", "author")}
        values["researched_on"] = current.researched_on.isoformat()
        return self._new_version(entry_id, current.version if expected_version is None else expected_version,
                                 values, reason)

    def mark_promoted(self, entry_id: int, where: str) -> None:
        """Note where a maintainer took the entry over (``docs/teamwissen/…``); not a new version."""
        self.get(entry_id)
        with self.store._transaction() as conn:
            conn.execute("UPDATE teamwissen SET promoted_to = ? WHERE entry_id = ?", (where[:500], entry_id))

    # -- reading -----------------------------------------------------------------------------------

    def get(self, entry_id: int, version: int | None = None) -> Entry:
        """The latest version of the entry, or the given one; StoreError if there is none."""
        which = "" if version is None else " AND v.version = ?"
        params: tuple[Any, ...] = (entry_id,) if version is None else (entry_id, version)
        with self.store._connect() as conn:
            row = conn.execute(f"SELECT {_COLUMNS} FROM teamwissen_versions v JOIN teamwissen e USING (entry_id) "
                               f"WHERE v.entry_id = ?{which} ORDER BY v.version DESC LIMIT 1", params).fetchone()
        if row is None:
            raise StoreError(text("teamwissen.not_found", self.language, id=entry_id))
        return _entry(row)

    def history(self, entry_id: int) -> list[Entry]:
        """Every version of the entry, newest first."""
        with self.store._connect() as conn:
            rows = conn.execute(f"SELECT {_COLUMNS} FROM teamwissen_versions v JOIN teamwissen e USING (entry_id) "
                                "WHERE v.entry_id = ? ORDER BY v.version DESC", (entry_id,)).fetchall()
        if not rows:
            raise StoreError(text("teamwissen.not_found", self.language, id=entry_id))
        return [_entry(r) for r in rows]

    def search(self, words: str = "", topic: str = "", *, outdated: bool = False, limit: int = 50) -> list[Entry]:
        """The latest versions whose question, answer, source or topic contain every word, newest first.

        ``topic`` narrows to one topic; outdated entries are left out unless ``outdated``. ``müller``,
        ``MÜLLER`` and ``mueller`` find the same, as in the case list.
        """
        if not self._has_tables():
            return []
        terms = fold(words).split()
        clauses = [self.store.contains_sql.format(column="v.search_key") for _ in terms]
        params: list[Any] = list(terms)
        if topic:
            clauses.append("v.topic = ?")
            params.append(topic)
        if not outdated:
            clauses.append("v.outdated = ''")
        where = " AND ".join(clauses) or "TRUE"
        with self.store._connect() as conn:
            rows = conn.execute(f"SELECT {_COLUMNS} {_LATEST} WHERE {where} ORDER BY v.saved_at DESC, v.entry_id DESC "
                                "LIMIT ?", (*params, max(0, limit))).fetchall()
        return [_entry(r) for r in rows]

    def for_step(self, topics: str | tuple[str, ...], step: str, limit: int = 5) -> list[Entry]:
        """What the team knows for a wizard step: entries of the step first, then those of the whole topic.

        ``topics``: the wizard's topics (the Leistungscheck has several); an entry names its step by the
        step's title key, one without a step belongs to every step of its topic. Several wizards share a
        step (the family step): an entry is shown only in the wizards of its topic. Without topics (a
        wizard the Teamwissen does not know yet) the entries that name the step are shown. Outdated
        entries are never shown beside a step.
        """
        wanted = tuple(t for t in ((topics,) if isinstance(topics, str) else topics) if t in TOPICS)
        if not self._has_tables() or not (wanted or step):
            return []
        if wanted:
            where, params = f"v.topic IN ({', '.join('?' for _ in wanted)}) AND v.step IN ('', ?)", (*wanted, step)
        else:
            where, params = "v.step = ?", (step,)
        with self.store._connect() as conn:
            rows = conn.execute(f"SELECT {_COLUMNS} {_LATEST} WHERE v.outdated = '' AND {where} "
                                "ORDER BY CASE WHEN v.step = ? THEN 0 ELSE 1 END, v.saved_at DESC LIMIT ?",
                                (*params, step, max(0, limit))).fetchall()
        return [_entry(r) for r in rows]

    # -- internals ---------------------------------------------------------------------------------

    def _has_tables(self) -> bool:
        """False for a read-only store of schema 3 (it cannot be upgraded: no Teamwissen there yet)."""
        return getattr(self.store, "has_teamwissen", True)

    def _checked(self, **values: Any) -> dict[str, Any]:
        """The values cleaned (whitespace) and checked: required, limits, topic, date, no family data."""
        lang = self.language
        for name in (*TEXT_FIELDS, "author", "step"):
            values[name] = str(values.get(name) or "").replace("\x00", "").strip()
        for name in (*TEXT_FIELDS, "author"):
            if not values[name]:
                raise TeamwissenRefused("teamwissen.missing", name, lang)
        for name, limit in LIMITS.items():
            if len(values.get(name, "")) > limit:
                raise TeamwissenRefused("teamwissen.too_long", name, lang, limit=limit)
        if values["topic"] not in TOPICS:
            raise TeamwissenRefused("teamwissen.unknown_topic", "topic", lang, topic=values["topic"],
                                    topics=", ".join(TOPICS))
        if not STEP.fullmatch(values["step"]):
            raise TeamwissenRefused("teamwissen.bad_step", "step", lang)
        values["researched_on"] = self._date(values["researched_on"])
        people = None
        for name in (*TEXT_FIELDS, "author"):
            refused = pattern_problem(values[name])
            if refused is None:
                people = self._people() if people is None else people
                refused = case_problem(values[name], people)
            if refused:
                raise TeamwissenRefused(refused, name, lang)
        return values

    def _date(self, value: date | str) -> str:
        if isinstance(value, date):
            day = value
        else:
            try:
                raw = str(value).strip()
                day = (datetime.strptime(raw, "%d.%m.%Y").date() if "." in raw else date.fromisoformat(raw))
            except ValueError:
                raise TeamwissenRefused("teamwissen.bad_date", "researched_on", self.language,
                                        value=str(value)) from None
        if day > today():
            raise TeamwissenRefused("teamwissen.future_date", "researched_on", self.language, value=day.isoformat())
        return day.isoformat()

    def _people(self) -> list[KnownPeople]:
        """The people of every stored case's latest version (for the check; kept nowhere)."""
        with self.store._connect() as conn:
            rows = conn.execute("SELECT v.case_id, v.data FROM versions v JOIN (SELECT case_id, MAX(version) AS "
                                "version FROM versions GROUP BY case_id) latest USING (case_id, version)").fetchall()
        return [people_of(str(case_id), self.store._load(data, "versions.data", str(case_id)))
                for case_id, data in rows]

    def _new_version(self, entry_id: int, expected: int, values: dict[str, Any], outdated: str) -> Entry:
        with self.store._transaction() as conn:
            self.store._lock_case(conn, f"teamwissen/{entry_id}")
            row = conn.execute("SELECT MAX(version) FROM teamwissen_versions WHERE entry_id = ?", (entry_id,)).fetchone()
            latest = int(row[0]) if row and row[0] is not None else 0
            if latest != expected:
                raise StoreConflict(text("teamwissen.conflict", self.language, id=entry_id, version=latest),
                                    case_id=f"teamwissen/{entry_id}", latest_version=latest, refused=values,
                                    conflict_id=None)
            self._insert(conn, entry_id, latest + 1, values, outdated)
        log.info("teamwissen entry %d version %d%s", entry_id, latest + 1, " (outdated)" if outdated else "")
        return self.get(entry_id)

    def _insert(self, conn: Any, entry_id: int, version: int, values: dict[str, Any], outdated: str) -> None:
        conn.execute("INSERT INTO teamwissen_versions (entry_id, version, saved_at, saved_by, topic, step, question, "
                     "answer, source, researched_on, author, outdated, search_key) "
                     "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                     (entry_id, version, now(), advisor(), values["topic"], values["step"], values["question"],
                      values["answer"], values["source"], values["researched_on"], values["author"], outdated,
                      _search_key(values["topic"], values["question"], values["answer"], values["source"])))


def entries_json(entries: list[Entry]) -> str:
    """Entries as JSON text (the CLI's ``--json``)."""
    return json.dumps([e.as_json() for e in entries], ensure_ascii=False, indent=2)
