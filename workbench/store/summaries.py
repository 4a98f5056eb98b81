"""The case list's summary of each case, and where each wizard left it (issue 24, ADR 0034).

A mixin of :class:`workbench.store.cases.CaseStore` (split from it by size): ``count`` for the list's pages,
``remember_step`` / ``last_step`` for the wizard's place, and the upgrade that adds ``versions.summary``
to a store of schema 2. The column itself is written with every version by ``CaseStore._append``
(:func:`workbench.store.records.summary_json`).
"""

from __future__ import annotations

import builtins
from contextlib import AbstractContextManager
from typing import Any

from workbench.store.records import CaseSummary, fold, parse_summary, summary_json


class SummaryMixin:
    """What the case list and the wizards' place need beyond saving and reading cases."""

    summary_sql = "v.summary"  # "''" for a read-only store of schema 2 (never upgraded)
    contains_sql: str
    _cipher: Any

    def _connect(self) -> AbstractContextManager[Any]:
        raise NotImplementedError

    def _transaction(self) -> AbstractContextManager[Any]:
        raise NotImplementedError

    def _lock_case(self, conn: Any, case_id: str) -> None: ...

    def _load(self, stored: str, column: str, case_id: str) -> dict[str, Any]:
        raise NotImplementedError

    def list(self, search: str = "", limit: int = 50, offset: int = 0) -> list[CaseSummary]:
        raise NotImplementedError

    def count(self, search: str = "") -> int:
        """How many cases :meth:`list` finds for ``search`` without a limit (the case list's pages)."""
        words = fold(search).split()
        if self._cipher is not None:  # names are encrypted: they are decrypted to search them, as in list
            return len(self.list(search, limit=1 << 62))
        where = " AND ".join(self.contains_sql.format(column="v.search_key") for _ in words) or "TRUE"
        with self._connect() as conn:
            row = conn.execute("SELECT COUNT(*) FROM versions v JOIN (SELECT case_id, MAX(version) AS version "
                               f"FROM versions GROUP BY case_id) latest USING (case_id, version) WHERE {where}",
                               tuple(words)).fetchone()
        return int(row[0])

    def folder_cases(self) -> builtins.list[CaseSummary]:
        """The cases whose latest version has an application folder, newest first (the deadline list, ADR 0037).

        Reads the summary column only, like the case list; the cases themselves are opened by the caller.
        """
        return [s for s in self.list(limit=1 << 62) if s.has_folder]

    def _add_summaries(self, conn: Any) -> None:
        """Schema 2 → 3: add ``versions.summary`` and fill it for each case's latest version (read once, here)."""
        columns = [d[0] for d in conn.execute("SELECT * FROM versions LIMIT 0").description]
        if "summary" not in columns:
            conn.execute("ALTER TABLE versions ADD COLUMN summary TEXT NOT NULL DEFAULT ''")
        rows = conn.execute("SELECT v.seq, v.case_id, v.data FROM versions v JOIN (SELECT case_id, MAX(version) AS "
                            "version FROM versions GROUP BY case_id) latest USING (case_id, version)").fetchall()
        for seq, case_id, data in rows:
            conn.execute("UPDATE versions SET summary = ? WHERE seq = ?",
                         (summary_json(self._load(data, "versions.data", case_id)), seq))
        conn.execute("INSERT INTO schema_version (version) VALUES (3)")

    def _steps(self, conn: Any, case_id: str) -> dict[str, Any]:
        row = conn.execute(f"SELECT {self.summary_sql} FROM versions v WHERE v.case_id = ? "
                           "ORDER BY v.version DESC LIMIT 1", (case_id,)).fetchone()
        return {k: list(v) for k, v in parse_summary(row[0] if row else "")[2].items()}

    def remember_step(self, case_id: str, wizard: str, step: int, furthest: int) -> None:
        """Note in the latest version's summary that ``wizard`` shows step ``step`` (0-based), reached ``furthest``.

        Not a new version: the case did not change, only where the advisor is (issue 24: a saved case
        reopens at the step where it was left). A case not saved yet has nothing to note.
        """
        with self._transaction() as conn:
            self._lock_case(conn, case_id)
            row = conn.execute("SELECT version, data FROM versions WHERE case_id = ? ORDER BY version DESC LIMIT 1",
                               (case_id,)).fetchone()
            if row is None:
                return
            steps = self._steps(conn, case_id)
            steps[wizard] = [max(0, step), max(0, step, furthest)]
            payload = self._load(row[1], "versions.data", case_id)
            conn.execute("UPDATE versions SET summary = ? WHERE case_id = ? AND version = ?",
                         (summary_json(payload, steps), case_id, int(row[0])))

    def last_step(self, case_id: str, wizard: str) -> tuple[int, int] | None:
        """The step ``wizard`` showed when the case was last left and the furthest reached; None if never noted."""
        with self._connect() as conn:
            row = conn.execute(f"SELECT {self.summary_sql} FROM versions v WHERE v.case_id = ? "
                               "ORDER BY v.version DESC LIMIT 1", (case_id,)).fetchone()
        return parse_summary(row[0] if row else "")[2].get(wizard)

