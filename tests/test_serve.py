"""The hardened server's decisions, without starting it (the real server: tests/deploy/)."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path
from types import SimpleNamespace

import pytest

from workbench.errors import ServeRefused
from workbench.serve import check_data_outside, check_listen, is_loopback
from workbench.serve_limits import KernelState, busy_page, kernel_states, orphans, sessions

NOW = datetime(2026, 11, 25, 10, 0, tzinfo=timezone.utc)


@pytest.mark.parametrize("ip", ["127.0.0.1", "127.0.0.53", "::1", "[::1]", "localhost", "LOCALHOST"])
def test_loopback_addresses_are_recognised(ip: str) -> None:
    assert is_loopback(ip)


@pytest.mark.parametrize("ip", ["", "0.0.0.0", "::", "192.168.1.20", "10.0.0.1", "workbench.example", "127.0.0.1.evil"])
def test_addresses_other_machines_reach_are_not_loopback(ip: str) -> None:
    assert not is_loopback(ip)


def test_an_open_address_needs_a_token_a_proxy_or_the_hub() -> None:
    with pytest.raises(ServeRefused, match="nicht auf 0.0.0.0"):
        check_listen("0.0.0.0", token=False, behind_proxy=False, hub=False)
    check_listen("0.0.0.0", token=True, behind_proxy=False, hub=False)
    check_listen("0.0.0.0", token=False, behind_proxy=True, hub=False)
    check_listen("10.0.0.5", token=False, behind_proxy=False, hub=True)
    check_listen("127.0.0.1", token=False, behind_proxy=False, hub=False)


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
