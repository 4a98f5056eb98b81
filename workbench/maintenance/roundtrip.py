"""params.yaml as text that keeps its comments, order and quoting (ruamel.yaml round trip).

A file read and written back without changes is byte for byte the same (tested for every
params.yaml). Writing is atomic: the new text goes to a temporary file in the same folder,
is flushed to disk and then replaces the old file in one step, so a crash never leaves a
half-written parameter file.
"""

from __future__ import annotations

import difflib
import io
import os
import tempfile
from decimal import Decimal
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.representer import RoundTripRepresenter


def _represent_decimal(representer: RoundTripRepresenter, value: Decimal) -> Any:
    """Write a Decimal as the YAML number it is, exactly (no binary float in between)."""
    if value == value.to_integral_value() and value.as_tuple().exponent >= 0:  # type: ignore[operator]
        return representer.represent_scalar("tag:yaml.org,2002:int", str(int(value)))
    return representer.represent_scalar("tag:yaml.org,2002:float", format(value, "f"))


def yaml_handler() -> YAML:
    """A round-trip YAML reader/writer set up like our parameter files (2/4/2 indent, long lines)."""
    handler = YAML()
    handler.preserve_quotes = True
    handler.width = 100_000  # never re-wrap the long descriptions and references
    handler.indent(mapping=2, sequence=4, offset=2)
    handler.representer.add_representer(Decimal, _represent_decimal)
    return handler


def load(text: str) -> Any:
    """The round-trip document of a params.yaml text."""
    return yaml_handler().load(text)


def dump(document: Any) -> str:
    """The text of a round-trip document."""
    out = io.StringIO()
    yaml_handler().dump(document, out)
    return out.getvalue()


def unified_diff(old: str, new: str, path: Path) -> str:
    """The change as a unified diff with three lines of context ('' when nothing changed)."""
    name = path.as_posix()
    return "".join(difflib.unified_diff(
        old.splitlines(keepends=True), new.splitlines(keepends=True), fromfile=name, tofile=name))


def write_atomic(path: Path, text: str) -> None:
    """Replace ``path`` with ``text`` in one step, keeping the file's permissions."""
    mode = path.stat().st_mode & 0o777 if path.exists() else 0o644
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
