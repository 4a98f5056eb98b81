"""Start and stop real servers (Voilà, JupyterHub) for the browser and deploy tests, on loopback only.

Each server runs in its own process group, so teardown also reaches the kernels and the
single-user servers it started; its output goes to a log file in ``test-artifacts/``.
"""

from __future__ import annotations

import os
import re
import secrets
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Sequence
from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = Path(os.environ.get("WORKBENCH_TEST_ARTIFACTS", ROOT / "test-artifacts"))
TOKEN = secrets.token_urlsafe(32)
"""The login token of every ``workbench.serve`` the tests start (``WORKBENCH_TOKEN``); plain ``voila`` ignores it."""
AUTH = {"Authorization": f"token {TOKEN}"}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class Server:
    proc: subprocess.Popen[bytes]
    url: str
    log: Path
    log_file: IO[Any]

    def log_text(self) -> str:
        self.log_file.flush()
        return self.log.read_text(errors="replace")

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait()
        with suppress(ProcessLookupError):  # kernels, single-user servers, the proxy
            os.killpg(self.proc.pid, signal.SIGKILL)
        self.log_file.close()


RUNNING_AT = re.compile(r"is running at:\s*(?:Workbench:\s*)?(http://127\.0\.0\.1:\d+)/")
"""Voilà's line naming the address it listens on (another one than asked when the port was taken meanwhile)."""


def start(args: Sequence[str], *, ready: str, env: dict[str, str], name: str,
          cwd: Path = ROOT, port: int, timeout: float = 90) -> Server:
    """Start ``python args…`` and wait until ``ready`` (a path) answers on ``port``.

    A free port can be taken by another process before the server binds it (kernels of other
    servers on a shared machine pick ports too); Voilà then moves to the next port and says so.
    For Voilà (and ``workbench.serve``) the address is therefore read from its log, and nothing
    answering on the asked port counts before that line: it could be somebody else's server.
    """
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    log = ARTIFACTS / f"{name}.log"
    log_file = log.open("w")
    proc = subprocess.Popen([sys.executable, *args], cwd=cwd, stdout=log_file, stderr=subprocess.STDOUT,
                            env={**os.environ, "PYTHONUNBUFFERED": "1", **env}, start_new_session=True)
    server = Server(proc, f"http://127.0.0.1:{port}", log, log_file)
    voila = any(arg in ("voila", "workbench.serve") for arg in args)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            server.stop()
            raise RuntimeError(f"{name} exited with {proc.returncode}:\n{log.read_text()[-3000:]}")
        if voila:
            found = RUNNING_AT.search(server.log_text())
            if found is None:
                time.sleep(0.2)
                continue
            server.url = found.group(1)
        with suppress(OSError):
            with urllib.request.urlopen(urllib.request.Request(server.url + ready, headers=AUTH), timeout=2):
                return server
        time.sleep(0.2)
    server.stop()
    raise TimeoutError(f"{name} did not answer within {timeout} s:\n{log.read_text()[-3000:]}")


@dataclass(frozen=True)
class Reply:
    status: int
    headers: dict[str, str]
    body: str


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: Any, **kwargs: Any) -> None:
        return None


def get(url: str, *, follow: bool = True, headers: dict[str, str] | None = None, timeout: float = 120,
        login: bool = True) -> Reply:
    """One GET; any status is a reply (4xx/5xx are not exceptions). The path is sent as written.

    ``login``: with the tests' token (``Authorization: token …``), as a logged-in advisor.
    """
    opener = urllib.request.build_opener() if follow else urllib.request.build_opener(_NoRedirect)
    request = urllib.request.Request(url, headers={**(AUTH if login else {}), **(headers or {})})
    try:
        with opener.open(request, timeout=timeout) as response:
            return Reply(response.status, dict(response.headers), response.read().decode("utf-8", "replace"))
    except urllib.error.HTTPError as error:
        body = error.read().decode("utf-8", "replace")
        return Reply(error.code, dict(error.headers), body)
