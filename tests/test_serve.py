"""The hardened server's decisions, without starting it (the real server: tests/deploy/)."""

from __future__ import annotations

import os
import re
from datetime import datetime, timedelta, timezone
from pathlib import Path
from types import SimpleNamespace

import pytest

from workbench.errors import ServeRefused
from workbench.maintenance.paths import REPO_DIR, advisor_notebooks_dir, maintainers_dir
from workbench.resources import jupyter_data_dir
from workbench.serve.app import (
    check_data_outside, check_listen, check_maintainers_outside, find_voila_template, is_loopback,
)
from workbench.serve.limits import KernelState, kernel_states, orphans, sessions
from workbench.serve.login import check_token, cookie_secret_for, new_token
from workbench.serve.pages import busy_page

NOW = datetime(2026, 11, 25, 10, 0, tzinfo=timezone.utc)


@pytest.mark.parametrize("ip", ["127.0.0.1", "127.0.0.53", "::1", "[::1]", "localhost", "LOCALHOST"])
def test_loopback_addresses_are_recognised(ip: str) -> None:
    assert is_loopback(ip)


@pytest.mark.parametrize("ip", ["", "0.0.0.0", "::", "192.168.1.20", "10.0.0.1", "workbench.example", "127.0.0.1.evil"])
def test_addresses_other_machines_reach_are_not_loopback(ip: str) -> None:
    assert not is_loopback(ip)


def test_an_open_address_needs_a_configured_token_or_the_hub() -> None:
    with pytest.raises(ServeRefused, match="nicht auf 0.0.0.0"):
        check_listen("0.0.0.0", token=False, behind_proxy=False, hub=False)
    check_listen("0.0.0.0", token=True, behind_proxy=False, hub=False)
    check_listen("10.0.0.5", token=False, behind_proxy=False, hub=True)
    check_listen("127.0.0.1", token=False, behind_proxy=False, hub=False)


def test_a_proxy_in_front_needs_both_the_served_address_and_a_token() -> None:
    """Issue 25: ``--behind-proxy --ip=0.0.0.0`` served the network without any check."""
    for token, origin in ((False, ""), (True, ""), (False, "https://workbench.example")):
        with pytest.raises(ServeRefused, match="--behind-proxy nur mit"):
            check_listen("0.0.0.0", token=token, behind_proxy=True, hub=False, allowed_origin=origin)
        with pytest.raises(ServeRefused, match="--behind-proxy nur mit"):
            check_listen("127.0.0.1", token=token, behind_proxy=True, hub=False, allowed_origin=origin)
    check_listen("0.0.0.0", token=True, behind_proxy=True, hub=False, allowed_origin="https://workbench.example")


def test_a_configured_token_shorter_than_32_characters_is_refused_in_german() -> None:
    for short in ("x", "geheim", "a" * 31):
        with pytest.raises(ServeRefused, match=f"Der Token ist {len(short)} Zeichen lang; die Workbench verlangt "
                                               "mindestens 32"):
            check_token(short)
    check_token("a" * 32)


def test_a_generated_token_is_long_random_and_new_each_time() -> None:
    tokens = {new_token() for _ in range(50)}
    assert len(tokens) == 50
    assert all(len(t) >= 43 and re.fullmatch(r"[A-Za-z0-9_-]+", t) for t in tokens)  # 256 bits, URL-safe
    check_token(next(iter(tokens)))


def test_the_served_folder_must_not_hold_the_maintainers_notebooks(tmp_path: Path) -> None:
    with pytest.raises(ServeRefused, match="Notebooks der Regelpflege"):
        check_maintainers_outside(tmp_path, tmp_path / "maintainers")
    with pytest.raises(ServeRefused, match="Notebooks der Regelpflege"):  # `workbench serve .` in the repository
        check_maintainers_outside(REPO_DIR, maintainers_dir())
    check_maintainers_outside(advisor_notebooks_dir(), maintainers_dir())


def test_an_installed_package_keeps_the_maintainers_folder_it_is_given_apart(tmp_path: Path,
                                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    """Without a checkout the folder comes from WORKBENCH_MAINTAINERS_DIR; the refusal follows it."""
    office = tmp_path / "office"
    monkeypatch.setenv("WORKBENCH_MAINTAINERS_DIR", str(office / "regelpflege"))
    assert maintainers_dir() == office / "regelpflege"
    with pytest.raises(ServeRefused, match="Notebooks der Regelpflege"):
        check_maintainers_outside(office, maintainers_dir())


def test_voila_finds_the_package_template_also_without_the_venv_link(tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """An installed wheel has no link in share/jupyter: the serve start adds the package's folder to JUPYTER_PATH."""
    from jupyter_core import paths as jupyter_paths
    from voila.paths import collect_template_paths

    monkeypatch.setenv("JUPYTER_PATH", "")  # restored after the test
    with monkeypatch.context() as bare:  # a Jupyter installation without the template
        bare.setattr(jupyter_paths, "jupyter_path", lambda *subdirs: [str(tmp_path)])
        package = find_voila_template()
    assert package == jupyter_data_dir() and (package / "voila" / "templates" / "workbench" / "index.html.j2").is_file()
    assert os.environ["JUPYTER_PATH"] == str(package)
    found = collect_template_paths(["voila", "nbconvert"], "workbench", prune=True)
    assert str(package / "voila" / "templates" / "workbench") in found
    assert find_voila_template() == package and os.environ["JUPYTER_PATH"] == str(package)  # found now: added once


def test_the_data_folder_must_lie_outside_the_served_folder(tmp_path: Path) -> None:
    served = tmp_path / "notebooks"
    served.mkdir()
    with pytest.raises(ServeRefused, match="liegt im freigegebenen Notebook-Ordner"):
        check_data_outside(served, served / "daten")
    with pytest.raises(ServeRefused):
        check_data_outside(served, served)
    check_data_outside(served, tmp_path / "daten")
    check_data_outside(served, tmp_path / "notebooks-daten")  # a sibling with a similar name is fine


def _kernel(kid: str, connections: int, quiet_s: float, pooled: bool = False) -> KernelState:
    return KernelState(kid, connections, NOW - timedelta(seconds=quiet_s), pooled)


def test_orphans_are_unconnected_quiet_kernels_oldest_first_never_pooled_or_connected_ones() -> None:
    kernels = [_kernel("open-tab", 1, 3600), _kernel("closed-long-ago", 0, 3600),
               _kernel("just-loading", 0, 5), _kernel("pool", 0, 9000, pooled=True),
               _kernel("closed", 0, 400)]
    assert orphans(kernels, NOW, grace_s=300) == ["closed-long-ago", "closed"]
    assert sessions(kernels) == 4


def test_the_busy_page_says_what_to_do_in_german_and_english() -> None:
    page = busy_page(12)
    assert '<html lang="de">' in page
    assert "Es sind schon 12 Seiten der Workbench geöffnet" in page
    assert "Bitte ein nicht mehr benötigtes Fenster" in page
    assert "12 pages of the workbench are open already" in page


class _StartingKernel:
    @property
    def last_activity(self) -> datetime:
        from traitlets import TraitError

        raise TraitError("The 'last_activity' trait expected a datetime, not the NoneType None.")


class _Manager:
    """What the limit reads of jupyter_server's kernel manager: one running, one starting kernel."""

    _kernel_connections = {"running": 1, "starting": 0}
    _pools: dict[str, list[object]] = {}

    def list_kernel_ids(self) -> list[str]:
        return ["running", "starting"]

    def get_kernel(self, kernel_id: str) -> object:
        return _StartingKernel() if kernel_id == "starting" else SimpleNamespace(last_activity=NOW)


def test_a_kernel_still_starting_counts_as_a_session_and_is_no_orphan() -> None:
    """Ten pages opened at once: reading a starting kernel's unset last_activity raised and gave a 500."""
    states = kernel_states(_Manager())
    assert [s.kernel_id for s in states] == ["running", "starting"]
    assert states[0].last_activity == NOW
    assert sessions(states) == 2
    assert orphans(states, datetime.now(timezone.utc), grace_s=300) == []


def test_make_lab_opens_the_maintainers_folder_and_make_run_serves_only_the_advisors_folder() -> None:
    """One place says where the maintainers' notebooks are; the Makefile follows it."""
    makefile = (REPO_DIR / "Makefile").read_text(encoding="utf-8")
    assert f"MAINTAINERS_DIR := {maintainers_dir().relative_to(REPO_DIR)}\n" in makefile
    assert "--ServerApp.root_dir=$(MAINTAINERS_DIR)" in makefile
    assert f"-m workbench.serve {advisor_notebooks_dir().relative_to(REPO_DIR)}/ --port=$(PORT)" in makefile


def test_the_workbench_command_passes_the_proxy_settings_through(monkeypatch: pytest.MonkeyPatch) -> None:
    import argparse

    import workbench.serve
    from workbench.cli.serve import add_serve_parser

    seen: list[list[str]] = []
    monkeypatch.setattr(workbench.serve, "main", lambda options: seen.append(list(options)) or 0)
    parser = argparse.ArgumentParser()
    add_serve_parser(parser.add_subparsers())
    args = parser.parse_args(["serve", "--behind-proxy", "--allowed-origin", "https://wb.example", "--port", "9000"])
    assert args.func(args) == 0
    assert seen == [["notebooks/", "--port=9000", "--allowed-origin=https://wb.example", "--behind-proxy"]]


def test_a_fixed_token_keeps_logins_across_restarts_and_a_new_token_ends_them() -> None:
    token = "a" * 43
    assert cookie_secret_for(token) == cookie_secret_for("a" * 43)  # same key after a restart
    assert cookie_secret_for(token) != cookie_secret_for("b" * 43)  # a new token logs everyone out
    assert len(cookie_secret_for(token)) == 32 and token.encode() not in cookie_secret_for(token)
