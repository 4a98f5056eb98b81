"""The UI plumbing: texts in both languages, guarded callbacks, the served Voila settings."""

import json
import logging
import re
import sys
from pathlib import Path

import pytest

from workbench.i18n import catalog
from workbench.resources import VOILA_TEMPLATE, jupyter_data_dir
from workbench.ui.kit.callbacks import guarded

ROOT = Path(__file__).resolve().parents[1]


def test_every_ui_text_exists_in_german_and_english() -> None:
    ui = {k: v for k, v in catalog().items() if k.startswith("ui.")}
    assert ui
    for key, texts in ui.items():
        assert texts.get("de", "").strip() and texts.get("en", "").strip(), key


def test_every_text_key_used_by_the_ui_is_in_the_catalog() -> None:
    used: set[str] = set()
    for path in (ROOT / "workbench" / "ui").rglob("*.py"):
        used |= set(re.findall(r"[\"'](ui\.[a-z_]+\.[a-z_]+)[\"']", path.read_text(encoding="utf-8")))
    assert used and used <= set(catalog())


def test_a_failing_callback_is_logged_under_a_reference_without_personal_data_and_reported_on_the_page(
    caplog: pytest.LogCaptureFixture,
) -> None:
    shown: list[str] = []

    def handler(_button: object) -> None:
        raise ValueError("Eva Muster, 3.000 €")  # entered data must not reach the log

    with caplog.at_level(logging.ERROR, logger="workbench.ui"):
        guarded(handler, shown.append)(None)
    assert len(shown) == 1 and re.fullmatch(r"W-[0-9A-F]{4}", shown[0])
    logged = caplog.records[-1].getMessage()
    assert shown[0] in logged and "handler" in logged and "ValueError" in logged
    assert "Eva" not in logged and "3.000" not in logged
    assert caplog.records[-1].exc_info is None


def test_voila_serves_locally_without_sources_or_tracebacks_and_culls_kernels() -> None:
    config = json.loads((ROOT / "voila.json").read_text(encoding="utf-8"))
    assert config["Voila"]["ip"] == "127.0.0.1"
    voila = config["VoilaConfiguration"]
    assert voila["strip_sources"] is True and voila["show_tracebacks"] is False
    assert voila["theme"] == "light" and voila["preheat_kernel"] is True
    assert voila["template"] == "workbench"
    assert voila["allow_template_override"] == voila["allow_theme_override"] == "NO"
    pools = config["VoilaKernelManager"]["kernel_pools_config"]
    assert pools["default"]["pool_size"] == 0 and pools["start.ipynb"]["pool_size"] >= 1
    assert config["MappingKernelManager"]["cull_idle_timeout"] > 0
    assert config["VoilaExporter"]["language_code"] == "de"


def test_the_workbench_template_builds_on_voilas_lab_template() -> None:
    template = jupyter_data_dir() / "voila" / "templates" / VOILA_TEMPLATE  # package data (ADR 0024)
    assert json.loads((template / "conf.json").read_text(encoding="utf-8")) == {"base_template": "lab"}
    assert "voila/render/start.ipynb" in (template / "tree-lab.html").read_text(encoding="utf-8")


def test_the_pages_load_only_the_widget_manager_of_the_installed_lab_extensions() -> None:
    """Issue 23: every JupyterLab extension in the environment is a remoteEntry the browser fetches and
    evaluates before the page's kernel connects. Voilà's "Render with Voilà" preview button and the
    Pygments theme (sources are stripped) do nothing on an advisor's page; only the widget manager is needed.
    A newly installed extension fails here until it is denied or wanted."""
    config = json.loads((ROOT / "voila.json").read_text(encoding="utf-8"))
    root = Path(sys.prefix) / "share" / "jupyter" / "labextensions"
    installed = {str(p.parent.relative_to(root)) for pattern in ("*/package.json", "@*/*/package.json")
                 for p in root.glob(pattern)}
    denied = set(config["VoilaConfiguration"]["extension_denylist"])
    assert installed - denied == {"@jupyter-widgets/jupyterlab-manager"}
