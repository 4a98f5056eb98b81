"""deploy/jupyterhub_config.py read as JupyterHub reads it, without starting the hub (the real hub: test_jupyterhub.py)."""

from __future__ import annotations

import runpy
from pathlib import Path

import pytest
from traitlets.config import Config

from tests.deploy.servers import ROOT

CONFIG = ROOT / "deploy" / "jupyterhub_config.py"


def _load(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, **env: str) -> Config:
    monkeypatch.setenv("WORKBENCH_HUB_STATE", str(tmp_path / "hub"))
    monkeypatch.setenv("WORKBENCH_DATA", str(tmp_path / "daten"))
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    config = Config()
    runpy.run_path(str(CONFIG), init_globals={"get_config": lambda: config})
    return config


def test_with_a_server_user_the_hub_starts_the_servers_through_sudo_as_that_user(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """One service user per role: the hub (its secrets) is not the user that holds the case store."""
    config = _load(monkeypatch, tmp_path, WORKBENCH_SERVER_USER="workbench")
    cmd = config.Spawner.cmd
    assert cmd[:6] == ["sudo", "-n", "-E", "-u", "workbench", "--"]
    assert cmd[7:11] == ["-m", "workbench.serve", str(ROOT / "notebooks"), "--hub"]
    assert (tmp_path / "hub").stat().st_mode & 0o777 == 0o700


def test_without_a_server_user_the_servers_run_as_the_hubs_user(monkeypatch: pytest.MonkeyPatch,
                                                               tmp_path: Path) -> None:
    monkeypatch.delenv("WORKBENCH_SERVER_USER", raising=False)
    config = _load(monkeypatch, tmp_path)
    assert config.Spawner.cmd[1:5] == ["-m", "workbench.serve", str(ROOT / "notebooks"), "--hub"]
    assert "sudo" not in config.Spawner.cmd


def test_the_store_key_file_and_a_shared_store_reach_the_servers(monkeypatch: pytest.MonkeyPatch,
                                                                 tmp_path: Path) -> None:
    """An encrypted store needs its key in every advisor's server, else each page says the key is missing."""
    monkeypatch.delenv("WORKBENCH_FORMS_DIR", raising=False)
    config = _load(monkeypatch, tmp_path, WORKBENCH_KEY_FILE="/etc/workbench/key",
                   WORKBENCH_STORE="postgresql://workbench@db/cases")
    assert config.Spawner.environment == {"WORKBENCH_DATA": str(tmp_path / "daten"),
                                          "WORKBENCH_KEY_FILE": "/etc/workbench/key",
                                          "WORKBENCH_STORE": "postgresql://workbench@db/cases"}


def test_the_configured_forms_folder_reaches_the_servers(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """The official blanks come from a configured folder (docs/deploy.md, "Folders"), also under the hub."""
    monkeypatch.delenv("WORKBENCH_KEY_FILE", raising=False)
    monkeypatch.delenv("WORKBENCH_STORE", raising=False)
    config = _load(monkeypatch, tmp_path, WORKBENCH_FORMS_DIR="/srv/workbench/vordrucke")
    assert config.Spawner.environment == {"WORKBENCH_DATA": str(tmp_path / "daten"),
                                          "WORKBENCH_FORMS_DIR": "/srv/workbench/vordrucke"}


def test_without_store_settings_only_the_data_folder_is_passed(monkeypatch: pytest.MonkeyPatch,
                                                               tmp_path: Path) -> None:
    monkeypatch.delenv("WORKBENCH_KEY_FILE", raising=False)
    monkeypatch.delenv("WORKBENCH_STORE", raising=False)
    monkeypatch.delenv("WORKBENCH_FORMS_DIR", raising=False)
    assert _load(monkeypatch, tmp_path).Spawner.environment == {"WORKBENCH_DATA": str(tmp_path / "daten")}
