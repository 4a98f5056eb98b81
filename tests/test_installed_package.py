"""An installed workbench (a wheel in a fresh venv, not the editable checkout) finds its own data (ADR 0024).

The wheel is built from a copy of the package (``pip wheel --no-deps``), installed with its
dependencies into a new venv (pip's cache makes that quick), and run from a folder outside the
checkout: the Elterngeld of a shared example, the list of forms, a filled KG 1, ``params check``
(parameters and the shipped reform draft), the message catalogs in German, and Voilà's page
template. Nothing of the checkout is on the path: had any module reached out of the package
(``Path(__file__).parents[1] / "templates"``), these commands would fail here.

Needs pip to reach a package index (setuptools for the build, the dependencies): without one the
test is skipped and says so. About a minute with a warm pip cache.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.shared import BLANKS, EXAMPLES

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = EXAMPLES / "elterngeld" / "ex-money-021.json"
FAMILY = ROOT / "tests" / "forms" / "familie_mueller.json"
OFFLINE = ("Could not find a version", "No matching distribution", "Failed to establish a new connection",
           "Temporary failure in name resolution", "Network is unreachable", "ProxyError", "Max retries exceeded")


def _pip(args: list[str], python: str, cwd: Path) -> None:
    """Run pip; skip the test when it cannot reach an index, fail on any other problem."""
    out = subprocess.run([python, "-m", "pip", *args, "--disable-pip-version-check"], cwd=cwd,
                         capture_output=True, text=True, timeout=600)
    if out.returncode != 0:
        if any(sign in out.stdout + out.stderr for sign in OFFLINE):
            pytest.skip(f"pip cannot reach a package index to build or install the wheel: {' '.join(args[:2])}")
        raise AssertionError(f"pip {' '.join(args)} failed:\n{out.stdout[-3000:]}\n{out.stderr[-3000:]}")


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The python of a fresh venv with the wheel of this checkout and its dependencies."""
    base = tmp_path_factory.mktemp("installed")
    source = base / "source"  # a copy: building in the checkout would leave build/ and *.egg-info behind
    shutil.copytree(ROOT / "workbench", source / "workbench",
                    ignore=shutil.ignore_patterns("__pycache__", "*.pyc", ".ipynb_checkpoints"))
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, source / name)
    _pip(["wheel", ".", "--no-deps", "--quiet", "-w", str(base / "wheels")], sys.executable, source)
    wheels = sorted((base / "wheels").glob("workbench-*.whl"))
    assert len(wheels) == 1, wheels
    subprocess.run([sys.executable, "-m", "venv", str(base / "venv")], check=True, timeout=300)
    python = base / "venv" / "bin" / "python"
    _pip(["install", "--quiet", "--no-compile", str(wheels[0])], str(python), base)
    return python


def _run(python: Path, *args: str, cwd: Path, **env: str) -> subprocess.CompletedProcess[str]:
    """``args`` with the installed python in ``cwd`` (outside the checkout), no setting of the checkout's."""
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("WORKBENCH_", "PYTHON", "JUPYTER_PATH"))}
    clean |= {"WORKBENCH_TODAY": "2026-07-01", "WORKBENCH_DATA": str(cwd / "data")} | env
    return subprocess.run([str(python), *args], cwd=cwd, env=clean, capture_output=True, text=True, timeout=300)


@pytest.fixture
def elsewhere(tmp_path: Path) -> Path:
    folder = tmp_path / "buero"
    folder.mkdir()
    return folder


def test_the_installed_package_is_the_wheels_and_knows_no_checkout(installed: Path, elsewhere: Path) -> None:
    out = _run(installed, "-c", "import workbench, workbench.maintenance.paths as p, workbench.resources as r; "
               "print(workbench.__file__); print(p.checkout_dir(), p.maintainers_dir(), p.reference_cases_dir()); "
               "print(r.resource_path('templates', 'forms')); print(p.reformen_dir())", cwd=elsewhere)
    assert out.returncode == 0, out.stderr
    package, folders, maps, reformen = out.stdout.splitlines()
    site = installed.parent.parent / "lib"
    assert Path(package).is_relative_to(site) and not Path(package).is_relative_to(ROOT)
    assert folders == "None None None"
    assert Path(maps).is_relative_to(site) and (Path(reformen) / "mindestbetrag-400" / "elterngeld.yaml").is_file()


def test_the_installed_package_computes_the_examples_elterngeld(installed: Path, elsewhere: Path) -> None:
    example = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    (elsewhere / "fall.json").write_text(json.dumps(example["case"], ensure_ascii=False), encoding="utf-8")
    out = _run(installed, "-m", "workbench", "elterngeld", "fall.json", cwd=elsewhere)
    assert out.returncode == 0, out.stderr
    result = json.loads(out.stdout)
    parent = result["parents"]["A"]
    expected = example["expected"]["parents"]["A"]
    assert (parent["netto_before"], parent["elterngeld_netto"], parent["basis_monthly"]) == (2091.84, 1989.34, 1293.07)
    assert [(m["month"], m["amount"]) for m in parent["months"]] == [(m["month"], m["amount"]) for m in expected["months"]]
    out = _run(installed, "-m", "workbench", "elterngeld", "gibt-es-nicht.json", cwd=elsewhere)
    assert out.returncode == 2 and "Traceback" not in out.stderr and out.stderr.strip()


def test_the_installed_package_lists_and_fills_the_forms_and_says_when_a_blank_is_missing(
        installed: Path, elsewhere: Path) -> None:
    out = _run(installed, "-m", "workbench", "forms", "list", cwd=elsewhere)
    assert out.returncode == 0, out.stderr
    ids = [line.split()[0] for line in out.stdout.splitlines() if line.strip()]
    assert ids == ["but-bochum-ausfuellhilfe", "elterngeld-bund", "elterngeld-nrw-gewinnermittlung",
                   "elterngeld-nrw-selbststaendige", "elterngeld-nrw", "elternzeit-brief", "kg1-anlage-kind", "kg1",
                   "kg5a", "kiz-anlagen-ausfuellhilfe", "kiz1", "mietbescheinigung", "uvg-ausfuellhilfe",
                   "wohngeld-ausfuellhilfe"]
    assert "Antrag auf Kindergeld" in out.stdout
    shutil.copy(FAMILY, elsewhere / "familie.json")
    empty = elsewhere / "leer"
    empty.mkdir()
    out = _run(installed, "-m", "workbench", "fill", "kg1", "familie.json", "-o", "kg1.pdf", "--date", "2026-04-20",
               cwd=elsewhere, WORKBENCH_FORMS_DIR=str(empty))
    assert out.returncode == 2 and "Traceback" not in out.stderr
    assert f"fehlt im Formularordner {empty}" in out.stderr and "WORKBENCH_FORMS_DIR" in out.stderr
    if not BLANKS.is_dir():
        pytest.fail(f"the official blanks are not at {BLANKS}")
    out = _run(installed, "-m", "workbench", "fill", "kg1", "familie.json", "-o", "kg1.pdf", "--date", "2026-04-20",
               cwd=elsewhere, WORKBENCH_FORMS_DIR=str(BLANKS))
    assert out.returncode == 0, out.stderr
    values = {str(v.get("/V")) for v in (PdfReader(elsewhere / "kg1.pdf").get_fields() or {}).values() if v.get("/V")}
    assert "Müller-Lüdenscheidt" in values and "Jörg" in values
    # an Ausfüllhilfe needs no blank: the sheets' package is installed with the maps
    out = _run(installed, "-m", "workbench", "fill", "kiz-anlagen-ausfuellhilfe", "familie.json", "-o", "kiz.pdf",
               "--date", "2026-04-20", cwd=elsewhere, WORKBENCH_FORMS_DIR=str(empty))
    assert out.returncode == 0, out.stderr
    assert "Anlage Einkommen" in "".join(page.extract_text() for page in PdfReader(elsewhere / "kiz.pdf").pages)


def test_the_installed_package_checks_its_parameters_and_reform_draft_and_finds_its_voila_template(
        installed: Path, elsewhere: Path) -> None:
    out = _run(installed, "-m", "workbench", "params", "check", cwd=elsewhere)
    package = Path(__file__).resolve().parents[1] / "workbench"
    files = len(list(package.glob("rules/*/params.yaml"))) + sum(1 for d in (package / "reformen").iterdir() if d.is_dir())
    assert files >= 13  # every benefit's parameters and the reform draft, all shipped in the wheel
    assert (out.returncode, out.stdout) == (0, f"Alle {files} Parameterdateien und Entwürfe sind gültig.\n"), out.stderr
    out = _run(installed, "-m", "workbench", "params", "diff", "--reform", "mindestbetrag-400", "--date", "2026-06-15",
               cwd=elsewhere)
    assert out.returncode == 0 and "elterngeld.basiselterngeld_mindestbetrag_m: 300 → 400" in out.stdout, out.stderr
    out = _run(installed, "-c", "from workbench.serve.app import find_voila_template; "
               "from voila.paths import collect_template_paths; print(find_voila_template()); "
               "print(collect_template_paths(['voila', 'nbconvert'], 'workbench', prune=True)[0])", cwd=elsewhere)
    assert out.returncode == 0, out.stderr
    data_dir, template = out.stdout.splitlines()
    assert Path(data_dir).is_relative_to(installed.parent.parent / "lib")
    assert template == str(Path(data_dir) / "voila" / "templates" / "workbench")
    assert (Path(template) / "index.html.j2").is_file()
