"""Where the maintenance tools find drafts, shared examples and reference cases.

Every location can be passed explicitly (tests work on copies); the defaults are the
repository's folders, overridable by environment variables for other installations.
"""

from __future__ import annotations

import os
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parents[1]
REPO_DIR = PACKAGE_DIR.parent


def drafts_dir() -> Path:
    """Draft parameter sets: ``$WORKBENCH_DRAFTS``, else ``drafts/`` in the repository."""
    return Path(os.environ.get("WORKBENCH_DRAFTS") or REPO_DIR / "drafts")


def shared_dir() -> Path | None:
    """The shared fixtures (examples): ``$WORKBENCH_SHARED``, ``../shared``, ``/work/shared``; None if absent."""
    for candidate in (os.environ.get("WORKBENCH_SHARED"), REPO_DIR.parent / "shared", "/work/shared"):
        if candidate and (Path(candidate) / "examples").is_dir():
            return Path(candidate)
    return None


def reference_cases_dir() -> Path:
    """Reference cases as data (``tests/cases``) in the repository."""
    return REPO_DIR / "tests" / "cases"


MAINTAINER_NOTEBOOKS = REPO_DIR / "notebooks" / "maintainers"
"""The maintainers' notebooks; every reference to one goes through :func:`maintainer_notebook` (the folder may move)."""


def maintainer_notebook(name: str) -> Path:
    """The maintainer notebook ``name`` (``"jahreswechsel.ipynb"``) in :data:`MAINTAINER_NOTEBOOKS`."""
    return MAINTAINER_NOTEBOOKS / name


def maintainer_notebook_label(name: str) -> str:
    """The notebook as maintainers read it in messages: its path relative to ``notebooks/``."""
    path = maintainer_notebook(name)
    notebooks = REPO_DIR / "notebooks"
    return str(path.relative_to(notebooks)) if path.is_relative_to(notebooks) else str(path)
