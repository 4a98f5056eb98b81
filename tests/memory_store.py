"""A tiny in-memory stand-in for workbench.store.CaseStore (tests only, never shipped)."""

from __future__ import annotations

import copy
from dataclasses import dataclass
from typing import Any

from workbench.errors import WorkbenchError


class MemoryConflict(WorkbenchError):
    """Refused save, as StoreConflict does."""


@dataclass
class MemoryStored:
    case_id: str
    version: int
    data: dict[str, Any]


class MemoryStore:
    def __init__(self) -> None:
        self.versions: dict[str, list[dict[str, Any]]] = {}

    def save(self, data: dict[str, Any], *, expected_version: int | None, complete: bool | None = None,
             language: str = "de") -> int:
        history = self.versions.setdefault(data["case_id"], [])
        latest = len(history) or None
        if latest != expected_version:
            raise MemoryConflict("Der Fall wurde inzwischen von jemand anderem gespeichert.")
        history.append(copy.deepcopy(data))
        return len(history)

    def open(self, case_id: str, version: int | None = None) -> MemoryStored:
        history = self.versions[case_id]
        return MemoryStored(case_id, len(history), copy.deepcopy(history[-1]))
