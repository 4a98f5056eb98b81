"""Every notebook runs headless from top to bottom and is committed without outputs."""

from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

from workbench.maintenance.paths import REPO_DIR, advisor_notebooks_dir, maintainers_dir

NOTEBOOKS = advisor_notebooks_dir()
ALL_NOTEBOOKS = sorted(p for folder in (NOTEBOOKS, maintainers_dir()) for p in folder.rglob("*.ipynb")
                       if ".ipynb_checkpoints" not in p.parts)


def test_there_is_a_start_notebook() -> None:
    assert NOTEBOOKS / "start.ipynb" in ALL_NOTEBOOKS


def test_the_maintainer_notebooks_are_executed_and_checked_too() -> None:
    names = {p.name for p in ALL_NOTEBOOKS if p.parent == maintainers_dir()}
    assert names == {"parameter.ipynb", "was-aendert-sich.ipynb", "pruefstand.ipynb", "jahreswechsel.ipynb"}


def test_no_maintainer_notebook_lies_in_the_folder_the_advisors_server_serves() -> None:
    """Issue 25: a notebook under ``notebooks/`` is reachable by every advisor, whatever a route check says."""
    assert NOTEBOOKS not in maintainers_dir().parents and maintainers_dir() != NOTEBOOKS
    served = {p.name for p in NOTEBOOKS.rglob("*.ipynb")}
    assert not served & {"parameter.ipynb", "was-aendert-sich.ipynb", "pruefstand.ipynb", "jahreswechsel.ipynb"}
    # the advisors' server renders top-level notebooks only (workbench/serve/page_requests.py)
    assert all(p.parent == NOTEBOOKS for p in ALL_NOTEBOOKS if NOTEBOOKS in p.parents)


@pytest.mark.parametrize("path", ALL_NOTEBOOKS, ids=lambda p: str(p.relative_to(REPO_DIR)))
def test_the_notebook_executes_without_error(path: Path) -> None:
    notebook = nbformat.read(path, as_version=4)
    client = NotebookClient(notebook, timeout=120, kernel_name="python3",
                            resources={"metadata": {"path": str(path.parent)}})
    client.execute()
    errors = [o for c in notebook.cells for o in c.get("outputs", []) if o.get("output_type") == "error"]
    assert not errors


@pytest.mark.parametrize("path", ALL_NOTEBOOKS, ids=lambda p: str(p.relative_to(REPO_DIR)))
def test_the_notebook_is_committed_without_outputs(path: Path) -> None:
    notebook = nbformat.read(path, as_version=4)
    for cell in notebook.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None, f"clear the outputs of {path.name}"


@pytest.mark.parametrize("path", ALL_NOTEBOOKS, ids=lambda p: str(p.relative_to(REPO_DIR)))
def test_the_notebook_is_thin(path: Path) -> None:
    """Logic lives in the package: a code cell holds one import or one call."""
    notebook = nbformat.read(path, as_version=4)
    for cell in notebook.cells:
        if cell.cell_type == "code":
            lines = [ln for ln in cell.source.splitlines() if ln.strip() and not ln.startswith("#")]
            assert len(lines) <= 1, f"{path.name}: move this cell's code into workbench/ui"
