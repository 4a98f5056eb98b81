"""No user-facing text is written into the UI code: every word a family or advisor reads comes from the catalog.

The catalog test (tests/test_catalog.py) checks that every key has German and English. This test
looks for the other way a translation goes missing: a German or English sentence, label or word
typed straight into ``workbench/ui`` or a notebook. It reads the code with ``ast`` and checks every
string constant (f-strings as a whole, markup removed) that is not a docstring, a catalog key, an
identifier, a CSS value or a log message. What remains may not contain a word. ``ALLOWED`` lists the
few literal texts that are the same in every language, each with its reason.
"""

from __future__ import annotations

import ast
import json
import re
from pathlib import Path

from workbench.i18n import catalog
from workbench.maintenance.paths import advisor_notebooks_dir, maintainers_dir

ROOT = Path(__file__).resolve().parents[1]
UI = ROOT / "workbench" / "ui"
# shown by the comparison and on the handout
VIEWS = [ROOT / "workbench" / name for name in ("evaluation/vergleich.py", "report/vergleich.py", "report/handout.py",
                                              "report/blocks.py")]
NOTEBOOKS = advisor_notebooks_dir()
MAINTAINERS = maintainers_dir()

ALLOWED = {
    "–": "a dash for 'no value' reads the same in both languages",
    "!": "the marker of a planner month with a problem (its text is in the cell's accessible name)",
    "Familienbüro workbench": "the PDF's creator in its metadata: the product's name, not shown on the page",
    "MMM yy": "a babel date pattern (month and year on a chart's axis, named in the page's language by babel)",
}
NOT_USER_FACING_CALLS = {"Layout", "add_class", "remove_class", "error", "info", "warning", "exception", "debug",
                         "strftime", "startswith", "endswith", "replace", "split", "get", "setdefault", "pop",
                         "observe", "getattr", "hasattr", "get_path", "set_path", "within", "join", "rsplit",
                         "compile", "fullmatch", "match", "sub", "search", "findall", "escape", "format", "log_failure"}
NOT_USER_FACING_KEYWORDS = {"names", "layout", "style", "button_style", "css_class", "bar_style", "display",
                            "width", "height", "grid_template_columns", "grid_gap", "flex_flow", "max_width", "margin"}
IDENTIFIER = re.compile(r"^[A-Za-z_][A-Za-z0-9_.\-:/\[\]]*$")
FILE_NAME = re.compile(r"^[\w.\-/]+\.(ttf|css|yaml|json|png|pdf|ipynb|sqlite)$")
TAG = re.compile(r"<[^<>]*>")
CAPITALISED = re.compile(r"(?<![\w.])[A-ZÄÖÜ][a-zäöüß]{2,}(?![\wÄÖÜäöüß])")  # "Weiter", "Saved": a word, not an identifier
CSS_CLASS = re.compile(r"wb-[\w-]+|jupyter-[\w-]+|widget-[\w-]+|mod-[\w-]+")


def _literal(node: ast.AST) -> str | None:
    """The text of a string constant or an f-string (expressions as {})."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "".join(v.value if isinstance(v, ast.Constant) and isinstance(v.value, str) else "{}" for v in node.values)
    return None


def _visible(literal: str) -> str:
    """What a reader would see of the literal: no tags, attributes, placeholders, entities or CSS."""
    out = TAG.sub(" ", literal)
    out = re.sub(r"^[^<]*?>", " ", out) if "<" not in out and ">" in out else out  # the end of a tag begun elsewhere
    out = re.sub(r"<[^>]*$", " ", out)  # a tag that continues in the next expression
    out = re.sub(r"\{[^}]*\}", " ", out)
    out = re.sub(r"&[a-z]+;|&#\d+;", " ", out)
    out = re.sub(r"[\w-]+=\"[^\"]*\"?", " ", out)  # attributes of a tag split by expressions
    return out


def _annotations(tree: ast.AST) -> set[ast.AST]:
    """Every node inside a type annotation (forward references like ``"Case"``) or ``__all__``."""
    roots: list[ast.AST] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.arg) and node.annotation is not None:
            roots.append(node.annotation)
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.returns is not None:
            roots.append(node.returns)
        elif isinstance(node, ast.AnnAssign):
            roots.append(node.annotation)
        elif isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == "__all__" for t in node.targets):
            roots.append(node.value)  # names of the module's public surface
    return {inner for root in roots for inner in ast.walk(root)}


def _skipped(node: ast.AST, parents: dict[ast.AST, ast.AST]) -> bool:
    parent = parents.get(node)
    if isinstance(parent, ast.Expr):
        return True  # docstring or a bare string
    if isinstance(parent, ast.JoinedStr):
        return True  # checked as part of the whole f-string
    if isinstance(parent, ast.keyword) and parent.arg in NOT_USER_FACING_KEYWORDS:
        return True
    if isinstance(parent, ast.Compare) or isinstance(parent, ast.Subscript):
        return True  # comparisons and dict lookups with keys
    if isinstance(parent, ast.Dict) and node in parent.keys:
        return True
    call = parent if isinstance(parent, ast.Call) else parents.get(parent) if isinstance(parent, ast.keyword) else None
    if isinstance(call, ast.Call):
        name = call.func.attr if isinstance(call.func, ast.Attribute) else getattr(call.func, "id", "")
        if name in NOT_USER_FACING_CALLS or name == "text" or name == "show" or name == "show_localized":
            return True
    return False


def hard_coded_texts(source: str, where: str) -> list[str]:
    tree = ast.parse(source)
    parents = {child: node for node in ast.walk(tree) for child in ast.iter_child_nodes(node)}
    annotations = _annotations(tree)
    keys = catalog()
    found = []
    for node in ast.walk(tree):
        literal = _literal(node)
        if literal is None or node in annotations or _skipped(node, parents):
            continue
        stripped = literal.strip()
        if not stripped or stripped in keys or stripped in ALLOWED:
            continue
        if IDENTIFIER.match(stripped) and not CAPITALISED.search(stripped) or FILE_NAME.match(stripped):
            continue  # a key, a path, an id, a CSS class, a URL part, a file name
        if re.fullmatch(r"[\s%a-zA-Z.:/\-]*", stripped) and "%" in stripped:
            continue  # a strftime format
        visible = " ".join(t for t in _visible(literal).split() if not CSS_CLASS.fullmatch(t))
        if re.search(r"[A-Za-zÄÖÜäöüß]{2,}\s+[A-Za-zÄÖÜäöüß]{2,}", visible) or CAPITALISED.search(visible):
            found.append(f"{where}:{getattr(node, 'lineno', '?')}: {literal!r}")
    return found


def test_the_ui_code_holds_no_user_facing_text_outside_the_catalog() -> None:
    found = [hit for path in [*sorted(UI.rglob("*.py")), *VIEWS]
             for hit in hard_coded_texts(path.read_text(encoding="utf-8"), str(path.relative_to(ROOT)))]
    assert not found, "texts without a catalog key (put them into workbench/messages):\n" + "\n".join(found)


def test_the_notebooks_hold_no_user_facing_text() -> None:
    found = []
    for path in sorted([*NOTEBOOKS.rglob("*.ipynb"), *MAINTAINERS.rglob("*.ipynb")]):
        for cell in json.loads(path.read_text(encoding="utf-8"))["cells"]:
            source = "".join(cell["source"])
            if cell["cell_type"] == "code":
                found += hard_coded_texts(source, str(path.relative_to(ROOT)))
            elif source.strip() and path.parent != MAINTAINERS:
                # the maintainers' notebooks open in JupyterLab with a German note on top; their views
                # (workbench/ui/maintainers) take every shown text from the catalog
                found.append(f"{path.relative_to(ROOT)}: a markdown cell shows text in one language only")
    assert not found, "\n".join(found)


def test_the_check_finds_a_german_label_and_an_english_sentence() -> None:
    code = 'import ipywidgets as w\nb = w.Button(description="Weiter")\nh = w.HTML(f"<p>{x} was saved</p>")\n'
    found = hard_coded_texts(code, "example.py")
    assert sorted(hit.split(": ", 1)[1] for hit in found) == ["'<p>{} was saved</p>'", "'Weiter'"]
    assert not hard_coded_texts('t = text("ui.wizard.next", "de")\nc = f\'<td class="wb-k-{k}">{v}</td>\'\n', "ok.py")
