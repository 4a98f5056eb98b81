"""The package's own data, found through ``importlib.resources`` (issue 19: a self-contained package).

Everything the workbench needs to run ships inside the package and is found from the package
itself, never from the folder the process was started in or from the checkout around it (ADR 0024):

========================================  ==================================================
``workbench/templates/forms/*.yaml``      the field maps of the official forms (``forms/registry.py``)
``workbench/templates/reports/``          the handout's layout (``handout.yaml``)
``workbench/templates/voila/templates/``  Voilà's page template ``workbench`` (``templates/`` is laid
                                          out as a Jupyter data folder: ``voila/templates/<name>``)
``workbench/messages/*.yaml``             the message catalogs (``i18n.py``)
``workbench/rules/<benefit>/``            ``params.yaml`` of each benefit, ``offices.yaml``, ``checklist.yaml``
``workbench/maintenance/families.yaml``   the example families of "was ändert sich"
``workbench/reformen/<name>/``            the reform drafts shipped with the package (``$WORKBENCH_REFORMEN``)
``workbench/ui/theme.css``                the wizards' style sheet
========================================  ==================================================

What does not ship with the package comes from configured folders: the official blanks
(``$WORKBENCH_FORMS_DIR``), the office's cases (``$WORKBENCH_DATA``, ``$WORKBENCH_STORE``), the
maintainers' notebooks and a writable copy of the rules (``$WORKBENCH_MAINTAINERS_DIR``,
``$WORKBENCH_RULES_DIR``; docs/deploy.md).

The data is installed as files (a wheel, or the editable checkout, where these paths are the
repository's own and the maintainers write ``params.yaml`` in place). Only if an importer hands
out something else (a zip) is a resource copied to a temporary file for the life of the process
(``as_file``).
"""

from __future__ import annotations

import atexit
from contextlib import ExitStack
from importlib.resources import as_file, files
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

PACKAGE = "workbench"

_extracted = ExitStack()
atexit.register(_extracted.close)


def resource(*parts: str) -> Traversable:
    """The package data ``workbench/<parts…>`` (a file or a folder), as ``importlib.resources`` finds it."""
    node: Traversable = files(PACKAGE)
    for part in parts:
        node = node.joinpath(part)
    return node


def resource_path(*parts: str) -> Path:
    """The package data ``workbench/<parts…>`` as a path of the file system.

    In a wheel or the editable checkout this is the file itself; otherwise (a package imported from
    a zip, which pip never installs) a copy that lives as long as the process
    (``importlib.resources.as_file``; folders only from Python 3.12 on).
    """
    node = resource(*parts)
    if isinstance(node, Path):
        return node
    return _extracted.enter_context(as_file(node))


def read_text(*parts: str) -> str:
    """The text (UTF-8) of the package file ``workbench/<parts…>``."""
    return resource(*parts).read_text(encoding="utf-8")


def beside(module: str, name: str) -> Traversable:
    """The package file ``name`` in the package of ``module`` (pass ``__name__``): data kept next to its code.

    Moving the module together with its data file keeps this working, wherever the package lies.
    """
    return files(module.rpartition(".")[0]).joinpath(name)


VOILA_TEMPLATE = "workbench"
"""The name of the workbench's Voilà template (``voila.json``: ``VoilaConfiguration.template``)."""


def jupyter_data_dir() -> Path:
    """``workbench/templates`` as a Jupyter data folder: Voilà finds the template at ``voila/templates/workbench`` in it.

    ``workbench serve`` adds it to ``JUPYTER_PATH`` when no other Jupyter data folder has the
    template (an installed wheel); ``make install`` links the same folder into the venv for a
    plain ``voila`` in the checkout.
    """
    return resource_path("templates")


def data_dir() -> Path:
    """The office's data folder: ``$WORKBENCH_DATA``, else ``~/.local/share/workbench`` (cases, forms, office.yaml)."""
    import os

    configured = os.environ.get("WORKBENCH_DATA")
    return Path(configured).expanduser() if configured else Path.home() / ".local" / "share" / "workbench"


def safe_yaml(text: str) -> Any:
    """``yaml.safe_load`` with libyaml's parser when PyYAML has it (the wheels do): the same safe
    constructors and results, about 25 times faster (the message catalogs took 1.4 s of a wizard kernel's
    start with the pure-Python scanner, 0.05 s with libyaml; issue 23)."""
    import yaml

    return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))  # noqa: S506 - a SafeLoader
