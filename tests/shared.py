"""Where the tests find the shared fixtures (examples, official blank forms, case format).

The project's convention is a `shared/` folder beside the repository (`../shared`); a clone
elsewhere can point to it with WORKBENCH_SHARED. Tests that need it fail (never skip) when it
is missing, so a CI run cannot pass without the examples.
"""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def shared_dir() -> Path:
    """The shared folder: $WORKBENCH_SHARED, else ../shared, else /work/shared (this office's machines)."""
    for candidate in (os.environ.get("WORKBENCH_SHARED"), ROOT.parent / "shared", "/work/shared"):
        if candidate and (Path(candidate) / "examples").is_dir():
            return Path(candidate)
    raise FileNotFoundError("shared fixtures not found: set WORKBENCH_SHARED to the folder with examples/ and forms/")


SHARED = shared_dir()
