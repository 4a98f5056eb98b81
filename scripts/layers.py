"""Today's layers of ``workbench/`` from the real imports: the table of docs/architecture.md.

    python scripts/layers.py

Reads the layers of the ``layers-today`` contract in pyproject.toml (the one ``lint-imports``
checks) and, from the import graph (grimp, which import-linter uses), prints per layer its
modules and the layers below that the layer imports. Paste the output over the table in
docs/architecture.md after a module is added or moved (tests/test_architecture_doc.py checks it).
"""

from __future__ import annotations

import sys
import tomllib
from pathlib import Path

import grimp

ROOT = Path(__file__).resolve().parents[1]


def layers() -> list[list[str]]:
    """The layers of the ``layers-today`` contract, top first, each a list of module names."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    contract = next(c for c in config["tool"]["importlinter"]["contracts"] if c["id"] == "layers-today")
    return [[name.strip() for name in layer.split(":")] for layer in contract["layers"]]


def main() -> int:
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    graph = grimp.build_graph("workbench")
    stack = layers()
    owner = {module: index for index, layer in enumerate(stack) for module in layer}

    def layer_of(module: str) -> int | None:
        parts = module.split(".")
        for end in range(len(parts), 1, -1):
            if ".".join(parts[:end]) in owner:
                return owner[".".join(parts[:end])]
        return None

    print("| layer | modules | imports layers |")
    print("| --- | --- | --- |")
    for index, layer in enumerate(stack):
        below: set[int] = set()
        for module in graph.modules:
            if layer_of(module) == index:
                below |= {b for i in graph.find_modules_directly_imported_by(module)
                          if (b := layer_of(i)) is not None and b != index}
        names = ", ".join(f"`{m.removeprefix('workbench.')}`" for m in layer)
        print(f"| {index + 1} | {names} | {', '.join(str(b + 1) for b in sorted(below)) or '–'} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
