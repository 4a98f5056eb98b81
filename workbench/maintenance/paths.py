"""Where the tools find the folders that are not package data: notebooks, reform drafts, examples, cases.

The package's own data (field maps, templates, messages, ``params.yaml``, the reform drafts it ships)
is found through ``importlib.resources`` (:mod:`workbench.resources`). The folders here lie beside
the package: in the checkout (an editable install, ``make install``) they are the repository's own
folders; an installed package (a wheel) has no repository around it and gets them from the
environment (docs/deploy.md, "Folders"):

======================  =============================  ======================================
folder                  variable                       in the checkout
======================  =============================  ======================================
maintainers' notebooks  ``WORKBENCH_MAINTAINERS_DIR``  ``maintainers/``
advisors' notebooks     – (``workbench serve DIR``)    ``notebooks/``
reform drafts           ``WORKBENCH_REFORMEN``         ``workbench/reformen/`` (package data)
shared examples         ``WORKBENCH_SHARED``           ``../shared`` beside the checkout
reference cases         –                              ``tests/cases``
======================  =============================  ======================================

Every location can also be passed explicitly (tests work on copies).
"""

from __future__ import annotations

import os
from pathlib import Path

from workbench.resources import resource_path

SHARED_ENV = "WORKBENCH_SHARED"
MAINTAINERS_ENV = "WORKBENCH_MAINTAINERS_DIR"
REFORMEN_ENV = "WORKBENCH_REFORMEN"
REFORMEN_ENV_OLD = "WORKBENCH_DRAFTS"
"""The variable's name before the reform drafts got their own word (still read)."""


def checkout_dir() -> Path | None:
    """The repository the package lies in (the editable checkout); None for an installed package.

    A checkout is recognised by its ``pyproject.toml`` of the project beside the package folder; a
    wheel's package lies in ``site-packages`` with nothing of the repository around it.
    """
    root = resource_path().parent
    project = root / "pyproject.toml"
    if project.is_file() and 'name = "workbench"' in project.read_text(encoding="utf-8"):
        return root
    return None


REPO_DIR = checkout_dir()


def advisor_notebooks_dir() -> Path | None:
    """The advisors' wizards: ``notebooks/`` of the checkout, the folder ``make run`` serves; None when installed.

    An installed package serves the folder named on the command line (``workbench serve DIR``).
    """
    return REPO_DIR / "notebooks" if REPO_DIR is not None else None


def maintainers_dir() -> Path | None:
    """The maintainers' notebooks (they write ``params.yaml``): ``$WORKBENCH_MAINTAINERS_DIR``, else ``maintainers/``.

    A sibling of :func:`advisor_notebooks_dir`, never inside it: the advisors' server has no
    route to these notebooks at all, whatever the encoding of a path (issue 25). Only
    ``make lab`` (JupyterLab with its token login, on 127.0.0.1) opens this folder. None for an
    installed package without the variable: there are no maintainers' notebooks to keep apart.
    """
    configured = os.environ.get(MAINTAINERS_ENV)
    if configured:
        return Path(configured)
    return REPO_DIR / "maintainers" if REPO_DIR is not None else None


def reformen_dir() -> Path:
    """The reform drafts: ``$WORKBENCH_REFORMEN`` (formerly ``$WORKBENCH_DRAFTS``), else the package's ``reformen/``.

    In the checkout the package's folder is the repository's ``workbench/reformen/``, where the
    maintainers add a proposal; an installed package's folder is read-only, so an office with its
    own proposals names their folder.
    """
    configured = os.environ.get(REFORMEN_ENV) or os.environ.get(REFORMEN_ENV_OLD)
    return Path(configured) if configured else resource_path("reformen")


def shared_dir() -> Path | None:
    """The shared fixtures (examples): ``$WORKBENCH_SHARED``, else ``../shared`` beside the checkout; None if absent.

    No absolute path of any one machine: a checkout elsewhere sets the variable (the tests use
    this lookup too, ``tests/shared.py``).
    """
    beside_checkout = REPO_DIR.parent / "shared" if REPO_DIR is not None else None
    for candidate in (os.environ.get(SHARED_ENV), beside_checkout):
        if candidate and (Path(candidate) / "examples").is_dir():
            return Path(candidate)
    return None


def reference_cases_dir() -> Path | None:
    """Reference cases as data (``tests/cases``) of the checkout; None for an installed package."""
    return REPO_DIR / "tests" / "cases" if REPO_DIR is not None else None


def maintainer_notebook(name: str) -> Path:
    """The maintainer notebook ``name`` (``"jahreswechsel.ipynb"``) in :func:`maintainers_dir`.

    Code, messages and tests name a maintainer notebook only through this helper, so the folder
    can move in one place. Without a configured folder: ``maintainers/<name>``, as the checkout has it.
    """
    return (maintainers_dir() or Path("maintainers")) / name


def maintainer_notebook_label(name: str) -> str:
    """The notebook as maintainers read it in messages: its path in the repository (``maintainers/jahreswechsel.ipynb``)."""
    path = maintainer_notebook(name)
    return str(path.relative_to(REPO_DIR)) if REPO_DIR is not None and path.is_relative_to(REPO_DIR) else str(path)
