"""Where the maintenance tools find drafts, shared examples and reference cases.

Every location can be passed explicitly (tests work on copies); the defaults are the
repository's folders, overridable by environment variables for other installations.
"""

from __future__ import annotations

import os
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parents[1]
REPO_DIR = PACKAGE_DIR.parent


def advisor_notebooks_dir() -> Path:
    """The advisors' wizards: ``notebooks/`` in the repository, the folder ``make run`` serves."""
    return REPO_DIR / "notebooks"


def maintainers_dir() -> Path:
    """The maintainers' notebooks (they write ``params.yaml``): ``maintainers/`` in the repository.

    A sibling of :func:`advisor_notebooks_dir`, never inside it: the advisors' server has no
    route to these notebooks at all, whatever the encoding of a path (issue 25). Only
    ``make lab`` (JupyterLab with its token login, on 127.0.0.1) opens this folder.
    """
    return REPO_DIR / "maintainers"


def drafts_dir() -> Path:
    """Draft parameter sets: ``$WORKBENCH_DRAFTS``, else ``drafts/`` in the repository."""
    return Path(os.environ.get("WORKBENCH_DRAFTS") or REPO_DIR / "drafts")


SHARED_ENV = "WORKBENCH_SHARED"


def shared_dir() -> Path | None:
    """The shared fixtures (examples): ``$WORKBENCH_SHARED``, else ``../shared`` beside the repository; None if absent.

    No absolute path of any one machine: a checkout elsewhere sets the variable (the tests use
    this lookup too, ``tests/shared.py``).
    """
    for candidate in (os.environ.get(SHARED_ENV), REPO_DIR.parent / "shared"):
        if candidate and (Path(candidate) / "examples").is_dir():
            return Path(candidate)
    return None


def reference_cases_dir() -> Path:
    """Reference cases as data (``tests/cases``) in the repository."""
    return REPO_DIR / "tests" / "cases"


def maintainer_notebook(name: str) -> Path:
    """The maintainer notebook ``name`` (``"jahreswechsel.ipynb"``) in :func:`maintainers_dir`.

    Code, messages and tests name a maintainer notebook only through this helper, so the folder
    can move in one place.
    """
    return maintainers_dir() / name


def maintainer_notebook_label(name: str) -> str:
    """The notebook as maintainers read it in messages: its path in the repository (``maintainers/jahreswechsel.ipynb``)."""
    path = maintainer_notebook(name)
    return str(path.relative_to(REPO_DIR)) if path.is_relative_to(REPO_DIR) else str(path)
