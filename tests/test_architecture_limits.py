"""No module in ``workbench/`` over 400 lines and no function over 80 lines (issue 19).

A module longer than that holds more than one thing and wants splitting into modules named after
what they hold; a function longer than that does more than one step and wants its steps named (the
Kinderzuschlag and Wohngeld engines show how: one function per step of the law). Lines are the
file's lines; a function's are those from its ``def`` to its last line (methods and nested
functions count on their own, decorators not).
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "workbench"
MODULE_LINES = 400
FUNCTION_LINES = 80

def too_long(source: str, name: str) -> list[str]:
    """What in one module's source is over the limits, as "name: N lines" / "name:function(): N lines"."""
    found = []
    lines = len(source.splitlines())
    if lines > MODULE_LINES:
        found.append(f"{name}: {lines} lines (at most {MODULE_LINES})")
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            length = (node.end_lineno or node.lineno) - node.lineno + 1
            if length > FUNCTION_LINES:
                found.append(f"{name}:{node.lineno} {node.name}(): {length} lines (at most {FUNCTION_LINES})")
    return found


def test_no_module_over_400_lines_and_no_function_over_80_lines() -> None:
    modules = sorted(PACKAGE.rglob("*.py"))
    assert len(modules) > 100, "the package's modules were not found"
    found = []
    for path in modules:
        found += too_long(path.read_text(encoding="utf-8"), path.relative_to(ROOT).as_posix())
    assert found == [], "split these into modules or steps named after what they hold:\n" + "\n".join(found)


def test_the_limits_are_measured_as_documented() -> None:
    body = "".join(f"    x{i} = {i}\n" for i in range(FUNCTION_LINES - 2))
    at_limit = f"def steps():\n    \"\"\"Doc.\"\"\"\n{body}"
    assert too_long(at_limit, "m.py") == []
    over = at_limit + "    return x0\n"
    assert too_long(over, "m.py") == [f"m.py:1 steps(): {FUNCTION_LINES + 1} lines (at most {FUNCTION_LINES})"]
    method = "class A:\n" + "".join("    " + line + "\n" for line in over.splitlines())
    assert too_long(method, "m.py") == [f"m.py:2 steps(): {FUNCTION_LINES + 1} lines (at most {FUNCTION_LINES})"]
    assert too_long("x = 1\n" * MODULE_LINES, "m.py") == []
    assert too_long("x = 1\n" * (MODULE_LINES + 1), "m.py") == [f"m.py: {MODULE_LINES + 1} lines (at most 400)"]

