"""What only the PostgreSQL store has to get right: servers starting at once, purge racing a save,
no password in what it shows (docs/store.md, "PostgreSQL"; ADR 0015)."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta

import pytest

from tests.pg_server import PgServer, raw_sql
from workbench.errors import StoreError
from workbench.store import CaseStore
from workbench.store.postgres import LOCK_CLASS, PostgresCaseStore, display_location


def test_eight_servers_opening_an_empty_database_at_once_create_the_tables_once(database: Callable[[], str]) -> None:
    url = database()
    with ThreadPoolExecutor(8) as pool:
        stores = list(pool.map(lambda _: CaseStore(url), range(8)))
    assert all(isinstance(s, PostgresCaseStore) for s in stores)
    assert raw_sql(url, "SELECT version FROM schema_version") == [(4,)]
    stores[0].save({"case_id": "a-1"}, expected_version=None)
    assert stores[7].open("a-1").version == 1


def test_purge_keeps_a_case_that_another_server_saves_while_purge_waits_for_its_lock(
        database: Callable[[], str]) -> None:
    import psycopg

    url = database()
    store = CaseStore(url)
    store.save({"case_id": "alt-1"}, expected_version=None)
    store.save({"case_id": "alt-2"}, expected_version=None)
    old = (datetime.now(UTC) - timedelta(days=800)).isoformat()
    raw_sql(url, "UPDATE versions SET saved_at = ?", (old,))
    with psycopg.connect(url) as other:  # another server, in the middle of saving alt-1
        other.execute("SELECT pg_advisory_xact_lock(%s, hashtext('alt-1'))", (LOCK_CLASS,))
        result: list[list[tuple[str, datetime]]] = []
        purge = threading.Thread(target=lambda: result.append(store.purge(timedelta(days=730))))
        purge.start()
        for _ in range(200):  # until purge waits for the lock
            waiting = raw_sql(url, "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted")
            if waiting == [(1,)]:
                break
            time.sleep(0.05)
        assert waiting == [(1,)]
        other.execute("INSERT INTO versions (case_id, version, saved_at, saved_by, complete, family, search_key, data) "
                      "VALUES ('alt-1', 2, %s, 'eva', 0, '', '', '{\"case_id\": \"alt-1\"}')",
                      (datetime.now(UTC).isoformat(),))
        other.commit()  # the save is done: the lock goes
        purge.join(timeout=60)
    assert [case_id for case_id, _ in result[0]] == ["alt-2"]  # alt-1 was saved meanwhile: it stays
    assert store.open("alt-1").version == 2 and [s.case_id for s in store.list()] == ["alt-1"]


def test_messages_and_the_location_never_show_the_password(postgres_server: PgServer) -> None:
    url = postgres_server.url("gibt_es_nicht").replace("workbench@", "workbench:streng-geheim@")
    with pytest.raises(StoreError) as refused:
        CaseStore(url)
    assert "streng-geheim" not in str(refused.value)
    assert str(refused.value).startswith(f"Die Falldatenbank postgresql://workbench@127.0.0.1:{postgres_server.port}"
                                         "/gibt_es_nicht ist nicht erreichbar")
    assert display_location("postgresql://u:pw@db.example:5433/cases?sslmode=require") == \
        "postgresql://u@db.example:5433/cases"
