"""A Voila server for the browser benchmarks (voila.py, load.py): started on a free loopback port, stopped whole.

The server runs from the repository root (it reads the real ``voila.json``) with ``WORKBENCH_DATA``
pointing at the benchmark's own case store and ``PYTHONPATH`` at this checkout, so its kernels
import the ``workbench`` measured here. It runs in its own process group, so that stopping it
ends its kernels too.
"""

from __future__ import annotations

import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Sequence
from contextlib import suppress
from pathlib import Path
from typing import IO

ROOT = Path(__file__).resolve().parents[1]
TOKEN = secrets.token_urlsafe(32)
"""The login token of a ``workbench.serve`` started here (plain ``voila`` ignores it); send it as
``Authorization: token …`` (``AUTH_HEADERS``)."""
AUTH_HEADERS = {"Authorization": f"token {TOKEN}"}
CHROMIUM = os.environ.get("CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"


def start_server(module_args: Sequence[str], data: Path,
                 output: IO[bytes] | int = subprocess.DEVNULL) -> tuple[subprocess.Popen[bytes], str]:
    """Start ``python -m <module_args> --port=<free port>``; return the process and its URL once Voila serves.

    ``output`` takes the server's stdout and stderr (default: discarded). A server that does not
    serve within a minute is stopped and ``RuntimeError`` raised.
    """
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen([sys.executable, "-m", *module_args, f"--port={port}"],
                            cwd=ROOT, env={**os.environ, "WORKBENCH_DATA": str(data), "PYTHONPATH": str(ROOT),
                                 "WORKBENCH_TOKEN": TOKEN},
                            stdout=output, stderr=subprocess.STDOUT, start_new_session=True)
    url = f"http://127.0.0.1:{port}"
    for _ in range(600):
        with suppress(OSError):
            with urllib.request.urlopen(url + "/voila/static/voila.js", timeout=2):
                return proc, url
        time.sleep(0.1)
    stop_server(proc)
    raise RuntimeError(f"{module_args[0]} did not start")


def stop_server(proc: subprocess.Popen[bytes]) -> None:
    """SIGTERM, up to 20 s to shut down, then SIGKILL for the whole process group (kernels included)."""
    proc.send_signal(signal.SIGTERM)
    with suppress(subprocess.TimeoutExpired):
        proc.wait(timeout=20)
    with suppress(ProcessLookupError):
        os.killpg(proc.pid, signal.SIGKILL)
