"""Every test keeps its cases in a temporary data folder, never in the advisor's store.

Store tests that take ``store_location`` run twice: on a SQLite file and on an empty database of
a private PostgreSQL server that ``postgres_server`` starts once per session (tests/pg_server.py).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.pg_server import PgServer, why_not


@pytest.fixture(autouse=True)
def temporary_workbench_data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    data = tmp_path / "workbench-data"
    monkeypatch.setenv("WORKBENCH_DATA", str(data))
    monkeypatch.delenv("WORKBENCH_STORE", raising=False)  # never the office's server
    monkeypatch.delenv("WORKBENCH_ADVISOR", raising=False)
    return data


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PgServer]:
    """A PostgreSQL server for this test session; skipped with the reason where none can run.

    In CI (``CI=true``) .ci/run installs the package, so a missing server fails instead.
    """
    reason = why_not()
    if reason is not None:
        if os.environ.get("CI") == "true":
            pytest.fail(f"PostgreSQL store tests cannot run in CI: {reason}")
        pytest.skip(reason)
    server = PgServer()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def database(postgres_server: PgServer) -> Iterator[Callable[[], str]]:
    """New empty databases on the test server, dropped afterwards."""
    made: list[str] = []

    def make() -> str:
        made.append(postgres_server.new_database())
        return made[-1]

    yield make
    for url in made:
        postgres_server.drop(url)


@pytest.fixture(params=["sqlite", "postgresql"])
def store_location(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Path | str]:
    """Where a test's store lives: a new SQLite file, or a new database on the test server."""
    if request.param == "sqlite":
        yield tmp_path / "data" / "cases.sqlite"
        return
    server: PgServer = request.getfixturevalue("postgres_server")
    url = server.new_database()
    try:
        yield url
    finally:
        server.drop(url)

