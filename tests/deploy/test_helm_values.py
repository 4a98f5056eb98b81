"""The Zero to JupyterHub values (deploy/zero-to-jupyterhub/): valid, no secret in them, the store from a secret.

``helm`` cannot be installed here (no package registry ships it) and the chart cannot be
downloaded, so the values are checked against the schema in the repository (written for the
subset of the chart's keys we use) plus the checks that matter for the store; ``helm template``
runs in addition where ``helm`` and a local copy of the chart (``WORKBENCH_Z2JH_CHART``) exist.
"""

from __future__ import annotations

import copy
import json
import os
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml
from jsonschema import Draft202012Validator

ROOT = Path(__file__).resolve().parents[2]
FOLDER = ROOT / "deploy" / "zero-to-jupyterhub"
COMMAND = ["workbench", "serve", "--hub"]
SECRET_NAMES = re.compile(r"KEY|SECRET|PASSWORD|TOKEN|STORE")
CREDENTIAL_URL = re.compile(r"://[^/@\s:]+:[^@\s]+@")  # user:password@ in a URL
KEY_TEXT = re.compile(r"^[A-Za-z0-9_-]{43}=$")  # a workbench key (workbench key new)
SECRET_KEYS = {"client_secret", "cookie_secret", "api_token", "password", "crypt_key", "secret_token"}


def values() -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load((FOLDER / "config.yaml").read_text(encoding="utf-8"))
    return loaded


def _strings(node: Any, where: str = "") -> list[tuple[str, str]]:
    if isinstance(node, dict):
        return [s for key, value in node.items() for s in _strings(value, f"{where}.{key}")]
    if isinstance(node, list):
        return [s for i, value in enumerate(node) for s in _strings(value, f"{where}[{i}]")]
    return [(where, str(node))] if isinstance(node, str) else []


def _keys(node: Any) -> list[str]:
    if isinstance(node, dict):
        return [*map(str, node), *(k for value in node.values() for k in _keys(value))]
    if isinstance(node, list):
        return [k for value in node for k in _keys(value)]
    return []


def problems(config: dict[str, Any]) -> list[str]:
    """What is wrong with a values file: schema errors, then the checks the schema cannot express."""
    schema = json.loads((FOLDER / "values.schema.json").read_text(encoding="utf-8"))
    found = [f"schema: {'/'.join(map(str, e.absolute_path))}: {e.message}"
             for e in Draft202012Validator(schema).iter_errors(config)]
    if found:
        return found
    user = config["singleuser"]
    if user["cmd"] != COMMAND:
        found.append(f"singleuser.cmd is {user['cmd']}, not {COMMAND}")
    store = user["extraEnv"].get("WORKBENCH_STORE")
    if not (isinstance(store, dict) and "secretKeyRef" in store.get("valueFrom", {})):
        found.append("WORKBENCH_STORE does not come from a Kubernetes secret")
    for part in ("hub", "singleuser"):
        for name, value in config.get(part, {}).get("extraEnv", {}).items():
            if SECRET_NAMES.search(name) and not isinstance(value, dict):
                found.append(f"{part}.extraEnv.{name} is written in plain text")
    for where, text in _strings(config):
        if CREDENTIAL_URL.search(text) or KEY_TEXT.match(text):
            found.append(f"{where} holds a credential")
    found += [f"hub.config sets {key}" for key in _keys(config["hub"].get("config", {})) if key.lower() in SECRET_KEYS]
    if user.get("uid", 0) == 0:
        found.append("the servers would run as root")
    if user.get("storage", {}).get("type") != "none":
        found.append("advisors get their own volumes: cases belong in the store only")
    return found


def test_the_values_pass_the_schema_and_the_checks() -> None:
    assert problems(values()) == []


def test_the_checks_catch_a_plain_store_url_a_key_a_typo_and_another_command() -> None:
    def broken(change: Any) -> list[str]:
        config = copy.deepcopy(values())
        change(config)
        return problems(config)

    def plain_store(c: dict[str, Any]) -> None:
        c["singleuser"]["extraEnv"]["WORKBENCH_STORE"] = "postgresql://workbench:geheim@pg:5432/cases"

    assert broken(plain_store) == ["WORKBENCH_STORE does not come from a Kubernetes secret",
                                   "singleuser.extraEnv.WORKBENCH_STORE is written in plain text",
                                   ".singleuser.extraEnv.WORKBENCH_STORE holds a credential"]
    assert broken(lambda c: c["singleuser"]["extraEnv"].update(WORKBENCH_KEY="A" * 43 + "=")) == [
        "singleuser.extraEnv.WORKBENCH_KEY is written in plain text", ".singleuser.extraEnv.WORKBENCH_KEY holds a credential"]
    assert broken(lambda c: c["hub"]["config"]["GenericOAuthenticator"].update(client_secret="x")) == [
        "hub.config sets client_secret"]
    assert broken(lambda c: c["singleuser"].update(cmd=["jupyterhub-singleuser"])) == [
        "singleuser.cmd is ['jupyterhub-singleuser'], not ['workbench', 'serve', '--hub']"]
    typo = broken(lambda c: c.update(singelUser={}))
    assert len(typo) == 1 and "'singelUser' was unexpected" in typo[0]
    assert broken(lambda c: c["singleuser"].update(uid=0)) == ["the servers would run as root"]


def test_the_image_runs_the_same_command_as_the_user_of_the_values_with_the_postgres_driver() -> None:
    dockerfile = (FOLDER / "Dockerfile").read_text(encoding="utf-8")
    assert f'CMD {json.dumps(COMMAND)}' in dockerfile
    assert f"USER {values()['singleuser']['uid']}" in dockerfile
    assert "'.[hub,postgres]'" in dockerfile and "postgresql-client" in dockerfile
    assert '"psycopg[binary]' in (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    ignored = (ROOT / ".dockerignore").read_text(encoding="utf-8").split()
    assert {"data/", "*.sqlite", ".venv", "*.key"} <= set(ignored)  # no case data or key ends up in the image


@pytest.mark.skipif(shutil.which("helm") is None or not os.environ.get("WORKBENCH_Z2JH_CHART"),
                    reason="helm and a local copy of the jupyterhub chart (WORKBENCH_Z2JH_CHART) are not available; "
                           "the values were checked against values.schema.json instead")
def test_helm_template_renders_the_values() -> None:
    out = subprocess.run(["helm", "template", "workbench", os.environ["WORKBENCH_Z2JH_CHART"],
                          "-f", str(FOLDER / "config.yaml")], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert "workbench-store" in out.stdout and "geheim" not in out.stdout
