"""No module of the package reaches into another module's private names (issue 19, docs/architecture.md).

A name starting with ``_`` is the business of the module that defines it: importing it from
elsewhere (``from workbench.store.backup import _reseal``) or reading it off an imported
module (``engine._ranges``) ties two modules together behind their public API, and the package
moves of issue 19 would break such links silently. A helper two modules need is made public
where it belongs, or moved to a module both import. Dunder names (``__version__``) are public.
"""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "workbench"


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _target(node: ast.ImportFrom, module: str, is_package: bool) -> str:
    """The absolute module an ``import from`` names (relative imports resolved)."""
    if not node.level:
        return node.module or ""
    base = module.split(".") if is_package else module.split(".")[:-1]
    base = base[: len(base) - (node.level - 1)]
    return ".".join(base + ([node.module] if node.module else []))


def _private(name: str) -> bool:
    return name.startswith("_") and not (name.startswith("__") and name.endswith("__"))


def private_imports(source: str, module: str, is_package: bool = False) -> list[str]:
    """``module: line: imported.name`` for every private name of another workbench module ``source`` uses."""
    tree = ast.parse(source)
    found: list[str] = []
    module_aliases: dict[str, str] = {}  # local name -> workbench module it stands for
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            target = _target(node, module, is_package)
            if not target.startswith("workbench") or target == module:
                continue
            for alias in node.names:
                if _private(alias.name):
                    found.append(f"{module}:{node.lineno}: {target}.{alias.name}")
                else:
                    module_aliases[alias.asname or alias.name] = f"{target}.{alias.name}"
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.startswith("workbench"):
                    if alias.asname:  # import workbench.x as m
                        module_aliases[alias.asname] = alias.name
                    else:  # import workbench.x: used as workbench.x._y
                        module_aliases["workbench"] = "workbench"
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and _private(node.attr):
            base = node.value
            while isinstance(base, ast.Attribute):
                base = base.value
            if isinstance(base, ast.Name) and base.id in module_aliases and base.id not in ("self", "cls"):
                found.append(f"{module}:{node.lineno}: {module_aliases[base.id]} (…).{node.attr}")
    return found


def test_the_check_finds_a_private_name_imported_from_another_module() -> None:
    source = "from workbench.store.backup import _reseal, backup\nfrom . import _helper\n"
    assert private_imports(source, "workbench.store.pg_backup") == [
        "workbench.store.pg_backup:1: workbench.store.backup._reseal",
        "workbench.store.pg_backup:2: workbench.store._helper",  # relative to the package
    ]


def test_the_check_finds_a_private_name_read_off_an_imported_module() -> None:
    source = "from workbench.evaluation.elterngeld import engine\nengine._ranges([1, 2])\n"
    assert private_imports(source, "workbench.evaluation.elterngeld.optimize") == [
        "workbench.evaluation.elterngeld.optimize:2: workbench.evaluation.elterngeld.engine (…)._ranges",
    ]


def test_the_check_lets_public_names_dunders_and_own_names_pass() -> None:
    source = ("from workbench import __version__\nfrom workbench.report.blocks import draw_section\n"
              "class A:\n    def f(self) -> None:\n        self._check_key(None)\n")
    assert private_imports(source, "workbench.report") == []


def test_no_module_imports_a_private_name_of_another_module() -> None:
    found: list[str] = []
    for path in sorted(PACKAGE.rglob("*.py")):
        found += private_imports(path.read_text(encoding="utf-8"), _module_name(path), path.name == "__init__.py")
    assert found == [], "make the name public where it is part of the module's API, or move the helper:\n" + "\n".join(found)
