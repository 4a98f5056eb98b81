"""JupyterHub for the Familienbüro: every advisor logs in and gets the workbench (docs/deploy.md).

    jupyterhub -f deploy/jupyterhub_config.py        # as the service user, from the repository

- The hub and its proxy (configurable-http-proxy from npm, ``node_modules/.bin``) listen on
  127.0.0.1:8000; TLS and the office network come from a reverse proxy in front (nginx/Caddy).
- Each advisor gets one ``workbench serve --hub`` (Voilà only: the wizards, no JupyterLab,
  no terminal, no code) under ``/user/<login>/``; the hub's OAuth decides who may open it.
- One service user per role (docs/deploy.md): the hub runs as ``workbench-hub`` (its database
  and cookie secret), the advisors' servers as ``WORKBENCH_SERVER_USER`` (``workbench``: the
  one shared case store ``WORKBENCH_DATA``, a folder only that user can read), started through
  ``sudo -u`` (the sudoers line is in docs/deploy.md); the repository belongs to the maintainers
  and is read-only for both. Without ``WORKBENCH_SERVER_USER`` (the test) the servers run as the
  hub's user. ``saved_by`` records the advisor's login.
- The servers' kernels do not inherit the hub's API token (``workbench serve`` drops it from
  their environment), and every page carries a Content-Security-Policy.
- Who may log in: ``WORKBENCH_ADVISORS`` (comma-separated logins). How: ``WORKBENCH_HUB_AUTH``,
  default ``pam`` (the machine's accounts); for the city's directory use LDAP or OAuth
  (docs/deploy.md shows both). The test (tests/deploy/test_jupyterhub.py) loads this file and
  swaps in a shared-password login.

Environment (all optional): ``WORKBENCH_HUB_BIND`` (http://127.0.0.1:8000),
``WORKBENCH_HUB_STATE`` (/var/lib/workbench/hub: hub database, cookie secret),
``WORKBENCH_DATA`` (/var/lib/workbench/data: the shared case store),
``WORKBENCH_MAX_PAGES`` (6: pages with a kernel per advisor),
``WORKBENCH_SERVER_USER`` (unset: the hub's user; in production ``workbench``),
``WORKBENCH_FORMS_DIR`` (unset: ``forms/`` in the data folder; passed to the servers).
"""

import os
import sys
from pathlib import Path

from jupyterhub.spawner import LocalProcessSpawner

c = get_config()  # noqa: F821 - provided by JupyterHub when it loads this file

REPO = Path(__file__).resolve().parents[1]
STATE = Path(os.environ.get("WORKBENCH_HUB_STATE", "/var/lib/workbench/hub"))
DATA = Path(os.environ.get("WORKBENCH_DATA", "/var/lib/workbench/data"))
SERVER_USER = os.environ.get("WORKBENCH_SERVER_USER", "").strip()
ADVISORS = {name.strip() for name in os.environ.get("WORKBENCH_ADVISORS", "").split(",") if name.strip()}
STATE.mkdir(parents=True, exist_ok=True, mode=0o700)


class WorkbenchSpawner(LocalProcessSpawner):
    """One ``workbench serve --hub`` per advisor, as the servers' service user (not the hub's).

    No per-advisor system account: the servers run no code of the advisor (Voilà only
    accepts widget messages), and all of them must read and write the one case store,
    which only the servers' user may read (0700/0600). Logins stay separate in the hub.
    The hub itself needs no root: it starts the servers through ``sudo -u $WORKBENCH_SERVER_USER``.
    """

    def make_preexec_fn(self, name):  # no setuid in the hub's process: sudo changes the user
        return None

    def user_env(self, env):
        env["USER"] = self.user.name  # the advisor's login: saved_by in the store
        env["HOME"] = os.path.expanduser(f"~{SERVER_USER}") if SERVER_USER else str(STATE / "home")
        return env

    def move_certs(self, paths):  # internal TLS is not used: everything is on loopback
        return {}


c.JupyterHub.bind_url = os.environ.get("WORKBENCH_HUB_BIND", "http://127.0.0.1:8000")
c.JupyterHub.hub_bind_url = "http://127.0.0.1:8081"
c.JupyterHub.db_url = f"sqlite:///{STATE / 'jupyterhub.sqlite'}"  # the hub's logins and servers, no case data
c.JupyterHub.cookie_secret_file = str(STATE / "jupyterhub_cookie_secret")
c.JupyterHub.cleanup_servers = True  # stopping the hub stops the advisors' servers

c.ConfigurableHTTPProxy.command = [str(REPO / "node_modules" / ".bin" / "configurable-http-proxy")]
c.ConfigurableHTTPProxy.api_url = "http://127.0.0.1:8001"
c.ConfigurableHTTPProxy.pid_file = str(STATE / "proxy.pid")

c.JupyterHub.authenticator_class = os.environ.get("WORKBENCH_HUB_AUTH", "pam")
c.Authenticator.allowed_users = ADVISORS
c.PAMAuthenticator.open_sessions = False  # servers run as the service user, not as the advisor

c.JupyterHub.spawner_class = WorkbenchSpawner
SERVE = [sys.executable, "-m", "workbench.serve", str(REPO / "notebooks"), "--hub",
         f"--WorkbenchVoila.max_sessions={int(os.environ.get('WORKBENCH_MAX_PAGES', '6'))}"]
# -n: never ask for a password; -E: keep the spawner's environment (JUPYTERHUB_*, WORKBENCH_DATA),
# allowed by the SETENV tag of the sudoers line in docs/deploy.md
c.Spawner.cmd = (["sudo", "-n", "-E", "-u", SERVER_USER, "--"] if SERVER_USER else []) + SERVE
c.Spawner.popen_kwargs = {"cwd": str(REPO)}  # Voilà reads voila.json from here
c.Spawner.environment = {"WORKBENCH_DATA": str(DATA)}
# The store's own settings reach the advisors' servers when the hub's unit sets them: the key file's
# path (the file itself is readable by the servers' user only) and a shared PostgreSQL store; and the
# folder of the official blanks when it is not `forms/` in the data folder (docs/deploy.md, "Folders").
for _name in ("WORKBENCH_KEY_FILE", "WORKBENCH_STORE", "WORKBENCH_FORMS_DIR"):
    if os.environ.get(_name):
        c.Spawner.environment[_name] = os.environ[_name]
c.Spawner.http_timeout = 120  # a busy machine needs a while to start a server
c.Spawner.start_timeout = 120
c.JupyterHub.shutdown_on_logout = True  # logging out stops the advisor's server and kernels
