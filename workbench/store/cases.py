"""The case store: every save of a case is a new version (docs/store.md).

Two backends share this module's logic (saving, conflicts, drafts, retention, encryption):

- SQLite, the embedded default (:mod:`workbench.store.sqlite`): ``$WORKBENCH_DATA/cases.sqlite``.
- PostgreSQL for several machines (:mod:`workbench.store.postgres`): chosen by
  ``WORKBENCH_STORE=postgresql://…`` (or a ``postgresql://`` location given to ``CaseStore``).

``CaseStore(...)`` opens the backend its location names, so callers never choose a class.

- Versions: ``save`` appends version 1, 2, ... in one transaction; old versions stay until the case is deleted.
- Conflicts (optimistic versioning): a save names the version it was based on. If another
  window or advisor saved meanwhile, the save is refused with :class:`StoreConflict` (a plain
  message saying who and when); the refused data is kept as a *conflict copy* beside the
  case and is also on the exception, so nothing is lost and nothing is overwritten. The check
  and the insert run in one transaction that holds the case's write lock (docs/adr/0015).
- Drafts: a dict that does not (yet) validate as a Case is stored with ``complete=False`` (saved after every field).
- Who saved: every version and conflict copy carries the advisor (``JUPYTERHUB_USER``, else
  ``WORKBENCH_ADVISOR``, else the login; never family data), shown in the history.
- Privacy: logs carry case ids and versions only; ``delete`` removes every version and conflict copy;
  ``purge`` deletes the cases whose last save is older than the retention period.
- Encryption at rest (optional): with a key (``WORKBENCH_KEY`` / ``WORKBENCH_KEY_FILE``) a new
  store encrypts the case data and the names with AES-256-GCM (:mod:`workbench.store.crypto`);
  case ids, version numbers, times and logins stay clear. An encrypted store refuses to open
  without its key.
- Full disk, read-only store, missing key: a message saying what to do (:mod:`workbench.store.trouble`).
- Backup, restore, key rotation: :mod:`workbench.store.backup`, :mod:`workbench.store.pg_backup` (``pg_dump``).
- Beside the cases, never pointing at one: the team's researched answers (:mod:`workbench.store.teamwissen`).
"""

from __future__ import annotations

import builtins
import json
import logging
from contextlib import AbstractContextManager
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from workbench.case import Case, dump_case, load_case, migrate
from workbench.errors import CaseNotFound, StoreConflict, StoreError, StoreUnavailable
from workbench.i18n import text
from workbench.store.crypto import Cipher, key_from_environment
from workbench.store.records import (
    CaseSummary, ConflictCopy, StoredCase, advisor, family_names, fold, now, parse_folder, parse_summary, parse_time, search_key,
    summary_json, to_payload, when,
)
from workbench.store.summaries import SummaryMixin
from workbench.store.schema import (
    SCHEMA_VERSION, TEAMWISSEN_SCHEMA, add_teamwissen, encryption_check, store_target, write_encryption,
)
from workbench.store.trouble import check_key

__all__ = ["HISTORY_FORMAT", "CaseStore", "open_store"]

log = logging.getLogger(__name__)

HISTORY_FORMAT = "workbench-case-history/1"


def open_store(location: Path | str | None = None, key: bytes | None = None) -> CaseStore:
    """The store at ``location`` (default: ``WORKBENCH_STORE``, else the SQLite file); same as ``CaseStore(...)``."""
    return CaseStore(location, key)


class CaseStore(SummaryMixin):
    """The case store; ``CaseStore(location, key)`` opens the SQLite or the PostgreSQL backend.

    ``location``: a SQLite file, a ``postgresql://`` URL, or None for ``WORKBENCH_STORE`` / the
    default file. ``key`` defaults to WORKBENCH_KEY / WORKBENCH_KEY_FILE. A new store is created
    encrypted when there is a key; an encrypted store without the right key, and a key given for
    a store that is not encrypted, are refused (StoreError). Every method runs in its own short
    connection, so one store object is safe across processes and threads.
    """

    path: Path | None = None  # the SQLite file; None for a server
    location: str = ""  # where, for messages (never a password)
    contains_sql = "instr({column}, ?) > 0"  # substring test of the dialect
    teamwissen_schema = TEAMWISSEN_SCHEMA  # the Teamwissen tables in the backend's dialect (schema 4)

    def __new__(cls, path: Path | str | None = None, key: bytes | None = None) -> CaseStore:
        if cls is CaseStore:
            if isinstance(store_target(path), str):
                from workbench.store.postgres import PostgresCaseStore
                cls = PostgresCaseStore
            else:
                from workbench.store.sqlite import SqliteCaseStore
                cls = SqliteCaseStore
        return super().__new__(cls)

    def _setup(self, key: bytes | None) -> None:
        """What every backend sets first: who saves, and the cipher."""
        self._user = advisor()
        key = key if key is not None else key_from_environment()
        self._cipher: Cipher | None = Cipher(key) if key is not None else None

    # -- the backend's part ----------------------------------------------------------------------

    def _connect(self) -> AbstractContextManager[Any]:
        """A connection (autocommit, ``?`` placeholders), closed afterwards; errors as StoreError."""
        raise NotImplementedError

    def _transaction(self) -> AbstractContextManager[Any]:
        """One write transaction, committed at the end, rolled back on an exception."""
        raise NotImplementedError

    def _lock_case(self, conn: Any, case_id: str) -> None:
        """Take the case's write lock for the rest of the transaction (SQLite: BEGIN IMMEDIATE did)."""

    def _compact(self) -> None:
        """Make deleted rows go from the storage as far as the backend can."""

    # -- writing ---------------------------------------------------------------------------------

    def save(self, data: dict[str, Any] | Case, *, expected_version: int | None,
             complete: bool | None = None, language: str = "de") -> int:
        """Append a new version of the case and return its number (1 for a new case).

        ``expected_version`` is the version the caller opened (``None``: a new case). Unless it is
        still the latest, the save is refused with StoreConflict and the data kept as a conflict
        copy. ``complete=None`` decides by validating; ``True`` insists (CaseError if invalid);
        ``False`` stores a draft even if it validates. A full disk or a read-only store gives
        StoreUnavailable, in ``language`` like the conflict messages.
        """
        try:
            return self._save(data, expected_version, complete, language)
        except StoreUnavailable as exc:
            raise StoreUnavailable(exc.key, language, **exc.values) from exc.__cause__

    def _save(self, data: dict[str, Any] | Case, expected_version: int | None, complete: bool | None,
              language: str) -> int:
        payload, is_complete = to_payload(data, complete)
        case_id = payload["case_id"]
        with self._transaction() as conn:
            self._lock_case(conn, case_id)  # compare-and-set: nobody else writes this case until COMMIT
            latest = _latest(conn, case_id)
            if latest is None and expected_version is not None:
                log.info("save refused: case %s was deleted (expected version %d)", case_id, expected_version)
                raise StoreConflict(text("store.conflict_deleted", language, case_id=case_id), case_id=case_id,
                                    latest_version=None, refused=payload, conflict_id=None)
            if latest is not None and expected_version != latest[0]:
                conflict_id = self._keep_conflict(conn, case_id, expected_version, payload)
                conn.execute("COMMIT")  # the copy is kept even though the save is refused
                raise self._conflict(case_id, expected_version, latest, payload, conflict_id, language)
            version = self._append(conn, case_id, latest, payload, is_complete)
        log.info("saved case %s version %d (%s)", case_id, version, "complete" if is_complete else "draft")
        return version

    def import_json(self, source: dict[str, Any] | Path | str) -> int:
        """Validate a case-format file (path, JSON text or dict) and store it as a new case or a new version."""
        payload = dump_case(load_case(source))
        case_id = payload["case_id"]
        with self._transaction() as conn:
            self._lock_case(conn, case_id)
            version = self._append(conn, case_id, _latest(conn, case_id), payload, True)
        log.info("imported case %s as version %d", case_id, version)
        return version

    def delete(self, case_id: str) -> int:
        """Delete every version and conflict copy of the case; the number of rows deleted (0: unknown id)."""
        with self._transaction() as conn:
            self._lock_case(conn, case_id)
            versions, conflicts = _delete_case(conn, case_id)
        self._compact()
        log.info("deleted case %s (%d versions, %d conflict copies)", case_id, versions, conflicts)
        return versions + conflicts

    def prune_drafts(self, case_id: str | None = None) -> int:
        """Delete the drafts a later complete version supersedes, of one case or all; how many.

        Drafts are saved after every field and pile up; once the case was saved complete they
        are no longer needed. The latest version and every complete version always stay, and
        version numbers are never reused (the history then has gaps).
        """
        sql = ("DELETE FROM versions WHERE complete = 0 AND EXISTS (SELECT 1 FROM versions AS later "
               "WHERE later.case_id = versions.case_id AND later.complete = 1 AND later.version > versions.version)")
        params: tuple[str, ...] = ()
        if case_id is not None:
            sql, params = sql + " AND case_id = ?", (case_id,)
        with self._transaction() as conn:
            count = int(conn.execute(sql, params).rowcount)
        self._compact()
        log.info("pruned %d drafts (%s)", count, case_id or "all cases")
        return count

    def purge(self, older_than: timedelta, *, dry_run: bool = False) -> builtins.list[tuple[str, datetime]]:
        """Delete every case whose latest save is older than ``older_than`` (all versions, drafts, copies).

        Returns the cases concerned (case id, time of the last save), oldest first; with
        ``dry_run`` nothing is deleted. The retention period is the office's (docs/datenschutz.md).
        Each case is locked and its age checked again before it goes, so a save that arrives
        meanwhile (another server) keeps the case.
        """
        cutoff = (datetime.now(UTC) - older_than).isoformat(timespec="microseconds")
        query = ("SELECT case_id, MAX(saved_at) AS last_save FROM versions GROUP BY case_id "
                 "HAVING MAX(saved_at) < ? ORDER BY last_save, case_id")
        with self._transaction() as conn:
            due = [(str(r[0]), parse_time(r[1])) for r in conn.execute(query, (cutoff,)).fetchall()]
            if not dry_run:
                kept = set()
                for case_id in sorted(c for c, _ in due):  # one lock order for every server: no deadlock
                    self._lock_case(conn, case_id)
                    last = conn.execute("SELECT MAX(saved_at) FROM versions WHERE case_id = ?", (case_id,)).fetchone()
                    if last is None or last[0] is None or last[0] >= cutoff:
                        kept.add(case_id)
                        continue
                    _delete_case(conn, case_id)
                due = [d for d in due if d[0] not in kept]
        if not dry_run:
            self._compact()
        log.info("purge older than %d days: %d cases%s", older_than.days, len(due), " (dry run)" if dry_run else "")
        return due

    # -- reading ---------------------------------------------------------------------------------

    def open(self, case_id: str, version: int | None = None) -> StoredCase:
        """The latest version of the case, or the given one; CaseNotFound if there is none."""
        which, params = ("", (case_id,)) if version is None else (" AND version = ?", (case_id, version))
        with self._connect() as conn:
            row = conn.execute("SELECT case_id, version, saved_at, data, complete FROM versions WHERE case_id = ?"
                               f"{which} ORDER BY version DESC LIMIT 1", params).fetchone()
            if row is None:
                latest = _latest(conn, case_id)
                if latest is None:
                    raise CaseNotFound(text("store.not_found", case_id=case_id))
                raise CaseNotFound(text("store.version_not_found", case_id=case_id, version=version, latest=latest[0]))
        # old versions stay as they were saved; they are read through the format migration
        return StoredCase(row[0], int(row[1]), parse_time(row[2]),
                          migrate(self._load(row[3], "versions.data", row[0])), bool(row[4]))

    def list(self, search: str = "", limit: int = 50, offset: int = 0) -> builtins.list[CaseSummary]:
        """Latest version of each case, newest first; every word of ``search`` must occur in the id or a name.

        ``offset`` skips that many cases (the case list's pages). Each line carries the case's topic,
        whether it has an Elterngeld plan and its wizard steps from the ``summary`` column written
        with each version, so listing never reads the case data (issue 24).
        """
        words = fold(search).split()
        latest = (f"SELECT v.case_id, v.family, v.version, v.saved_at, v.complete, v.saved_by, {self.summary_sql} "
                  "FROM versions v "
                  "JOIN (SELECT case_id, MAX(version) AS version FROM versions GROUP BY case_id) latest "
                  "USING (case_id, version)")
        if self._cipher is not None:  # names are encrypted: decrypt, then search here
            with self._connect() as conn:
                rows = conn.execute(latest + " ORDER BY v.seq DESC").fetchall()
            found = [s for s in map(self._summary, rows)
                     if all(word in search_key(s.case_id, s.family) for word in words)]
            return found[max(0, offset):max(0, offset) + max(0, limit)]
        where = " AND ".join(self.contains_sql.format(column="v.search_key") for _ in words) or "TRUE"
        with self._connect() as conn:
            rows = conn.execute(f"{latest} WHERE {where} ORDER BY v.seq DESC LIMIT ? OFFSET ?",
                                (*words, max(0, limit), max(0, offset))).fetchall()
        return [self._summary(row) for row in rows]

    def history(self, case_id: str) -> builtins.list[CaseSummary]:
        """Every version of the case, newest first, with who saved it; CaseNotFound if there is none."""
        with self._connect() as conn:
            rows = conn.execute(f"SELECT v.case_id, v.family, v.version, v.saved_at, v.complete, v.saved_by, {self.summary_sql} "
                                "FROM versions v WHERE v.case_id = ? ORDER BY v.version DESC", (case_id,)).fetchall()
        if not rows:
            raise CaseNotFound(text("store.not_found", case_id=case_id))
        return [self._summary(row) for row in rows]

    def export_json(self, case_id: str) -> dict[str, Any]:
        """The latest complete version as case-format JSON (drafts are never exported)."""
        with self._connect() as conn:
            row = conn.execute("SELECT data FROM versions WHERE case_id = ? AND complete = 1 "
                               "ORDER BY version DESC LIMIT 1", (case_id,)).fetchone()
            if row is None and _latest(conn, case_id) is None:
                raise CaseNotFound(text("store.not_found", case_id=case_id))
        if row is None:
            raise StoreError(text("store.no_complete_version", case_id=case_id))
        return self._load(row[0], "versions.data", case_id)

    def export_history(self, case_id: str) -> dict[str, Any]:
        """Everything stored about one case, for a family's request for its data (Art. 15, 20 DSGVO).

        Every version (drafts included) and every conflict copy, oldest first, with when and by
        whom it was saved, as one JSON object of format ``workbench-case-history/1``.
        """
        with self._connect() as conn:
            rows = conn.execute("SELECT version, saved_at, saved_by, complete, data FROM versions WHERE case_id = ? "
                                "ORDER BY version", (case_id,)).fetchall()
            copies = conn.execute("SELECT conflict_id, based_on, saved_at, saved_by, data FROM conflicts "
                                  "WHERE case_id = ? ORDER BY conflict_id", (case_id,)).fetchall()
        if not rows:
            raise CaseNotFound(text("store.not_found", case_id=case_id))
        return {
            "format": HISTORY_FORMAT, "case_id": case_id, "exported_at": now(),
            "versions": [{"version": r[0], "saved_at": r[1], "saved_by": r[2], "complete": bool(r[3]),
                          "data": self._load(r[4], "versions.data", case_id)} for r in rows],
            "conflict_copies": [{"conflict_id": r[0], "based_on": r[1], "saved_at": r[2], "saved_by": r[3],
                                 "data": self._load(r[4], "conflicts.data", case_id)} for r in copies],
        }

    @property
    def encrypted(self) -> bool:
        """Whether case data and names are stored encrypted."""
        return self._cipher is not None

    def conflict_copies(self, case_id: str) -> builtins.list[ConflictCopy]:
        """The data of refused saves of this case, newest first (empty when there were none)."""
        with self._connect() as conn:
            rows = conn.execute("SELECT conflict_id, case_id, based_on, saved_at, data FROM conflicts "
                                "WHERE case_id = ? ORDER BY conflict_id DESC", (case_id,)).fetchall()
        return [ConflictCopy(int(r[0]), r[1], r[2], parse_time(r[3]), self._load(r[4], "conflicts.data", r[1]))
                for r in rows]

    # -- internals -------------------------------------------------------------------------------

    def _open_schema(self, conn: Any, tables: set[str], schema: str) -> str | None:
        """Create the tables in a new store, else check the schema version; the encryption check value."""
        if "schema_version" not in tables:
            for statement in filter(str.strip, schema.split(";")):  # one by one: executescript would COMMIT
                conn.execute(statement)
            conn.execute("INSERT INTO schema_version (version) VALUES (?)", (SCHEMA_VERSION,))
            if self._cipher is not None:
                write_encryption(conn, self._cipher)
            return self._cipher.check_value() if self._cipher is not None else None
        found = conn.execute("SELECT MAX(version) FROM schema_version").fetchone()[0]
        if found is None or found > SCHEMA_VERSION:
            raise StoreError(text("store.schema_too_new", path=self.location, found=found, known=SCHEMA_VERSION))
        if found < 2:  # version 1 had no store_meta: it is a store without encryption
            conn.execute("CREATE TABLE store_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
            conn.execute("INSERT INTO schema_version (version) VALUES (2)")
        if found < 3:  # version 3: the list's summary of each version (topic, plan), filled once for the latest
            self._add_summaries(conn)
        if found < 4:  # version 4: the Teamwissen tables (workbench/store/teamwissen.py)
            add_teamwissen(conn, self.teamwissen_schema)
        return encryption_check(conn)

    def _check_key(self, check: str | None) -> None:
        check_key(check, self._cipher, self.location)  # missing, wrong or superfluous key: StoreUnavailable

    def _dump(self, payload: dict[str, Any], column: str, case_id: str) -> str:
        plain = json.dumps(payload, ensure_ascii=False)
        return plain if self._cipher is None else self._cipher.seal(plain, f"{column}/{case_id}")

    def _load(self, stored: str, column: str, case_id: str) -> dict[str, Any]:
        plain = stored if self._cipher is None else self._cipher.open(stored, f"{column}/{case_id}")
        data: dict[str, Any] = json.loads(plain)
        return data

    def _summary(self, row: tuple[Any, ...]) -> CaseSummary:
        family = row[1] if self._cipher is None or not row[1] else self._cipher.open(row[1], f"versions.family/{row[0]}")
        topic, has_plan, steps = parse_summary(row[6] if len(row) > 6 else "")
        return CaseSummary(row[0], family, int(row[2]), parse_time(row[3]), bool(row[4]), str(row[5]),
                           topic, has_plan, steps, parse_folder(row[6] if len(row) > 6 else ""))

    def _append(self, conn: Any, case_id: str, latest: tuple[int, str, str] | None,
                payload: dict[str, Any], complete: bool) -> int:
        """Insert the next version (creating the case when it is new); its number."""
        version = 1 if latest is None else latest[0] + 1
        if latest is None:
            conn.execute("INSERT INTO cases (case_id, created_at) VALUES (?, ?)", (case_id, now()))
        family = family_names(payload)
        if self._cipher is None:
            stored_family, key = family, search_key(case_id, family)
        else:  # the names are encrypted too; the search then decrypts them (list)
            stored_family, key = self._cipher.seal(family, f"versions.family/{case_id}") if family else "", ""
        steps = self._steps(conn, case_id) if latest is not None else {}  # where the wizards were stays
        conn.execute("INSERT INTO versions (case_id, version, saved_at, saved_by, complete, family, search_key, data, "
                     "summary) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                     (case_id, version, now(), self._user, int(complete), stored_family, key,
                      self._dump(payload, "versions.data", case_id), summary_json(payload, steps)))
        return version

    def _keep_conflict(self, conn: Any, case_id: str, based_on: int | None, payload: dict[str, Any]) -> int:
        row = conn.execute("INSERT INTO conflicts (case_id, based_on, saved_at, saved_by, data) "
                           "VALUES (?, ?, ?, ?, ?) RETURNING conflict_id",
                           (case_id, based_on, now(), self._user,
                            self._dump(payload, "conflicts.data", case_id))).fetchone()
        return int(row[0])

    def _conflict(self, case_id: str, expected: int | None, latest: tuple[int, str, str], payload: dict[str, Any],
                  conflict_id: int, language: str) -> StoreConflict:
        version, saved_at, saved_by = latest
        who = text("store.by_window", language) if saved_by == self._user else text("store.by_user", language, user=saved_by)
        key = "store.conflict_exists" if expected is None else "store.conflict_newer"
        message = text(key, language, case_id=case_id, version=version, who=who,
                       when=when(parse_time(saved_at), language))
        log.info("save refused: case %s expected version %s, latest %d; conflict copy %d",
                 case_id, expected, version, conflict_id)
        return StoreConflict(message, case_id=case_id, latest_version=version, refused=payload, conflict_id=conflict_id)


def _latest(conn: Any, case_id: str) -> tuple[int, str, str] | None:
    row = conn.execute("SELECT version, saved_at, saved_by FROM versions WHERE case_id = ? "
                       "ORDER BY version DESC LIMIT 1", (case_id,)).fetchone()
    return None if row is None else (int(row[0]), str(row[1]), str(row[2]))


def _delete_case(conn: Any, case_id: str) -> tuple[int, int]:
    """Delete the case with every version and conflict copy; (versions, conflict copies) deleted."""
    conflicts = int(conn.execute("DELETE FROM conflicts WHERE case_id = ?", (case_id,)).rowcount)
    versions = int(conn.execute("DELETE FROM versions WHERE case_id = ?", (case_id,)).rowcount)
    conn.execute("DELETE FROM cases WHERE case_id = ?", (case_id,))
    return versions, conflicts

