"""Where the tests find the shared fixtures (examples, official blank forms, case format).

The project's convention is a `shared/` folder beside the repository (`../shared`); a clone
elsewhere points to it with WORKBENCH_SHARED. The lookup is the package's own
(:func:`workbench.maintenance.paths.shared_dir`, which the Prüfstand uses too), so tests and
maintainer tools agree. Every test reaches the folder through this module, never through a path
of its own. Tests that need it fail (never skip) when it is missing, so a CI run cannot pass
without the examples.
"""

from __future__ import annotations

from pathlib import Path

from workbench.maintenance.paths import SHARED_ENV, shared_dir as _find_shared


def shared_dir() -> Path:
    """The shared folder: ``$WORKBENCH_SHARED``, else ``../shared`` beside the repository."""
    found = _find_shared()
    if found is None:
        raise FileNotFoundError(f"shared fixtures not found: set {SHARED_ENV} to the folder with examples/ and forms/")
    return found


SHARED = shared_dir()
EXAMPLES = SHARED / "examples"
"""The worked examples (``examples/elterngeld/*.json``: a case and the expected result)."""
BLANKS = SHARED / "forms"
"""The official blank forms (never committed to the repository; ``$WORKBENCH_FORMS_DIR`` for the server)."""
