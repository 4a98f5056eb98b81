"""``workbench serve``: the hardened Voilà server of :mod:`workbench.serve` on the command line.

    workbench serve [FOLDER] [--port 8866] [--ip ADDR] [--behind-proxy --allowed-origin URL] [--hub]

Serves ``notebooks/`` of the working directory (where ``voila.json`` is read) unless a
folder is given, with a token login (``WORKBENCH_TOKEN`` or a new one; the start page's link
with it is printed). Exit status 2 with one line when a setting is refused (a token shorter
than 32 characters, an address other machines reach without a fixed token, a proxy without
allowed origin and token, shown tracebacks, the data or maintainers' folder inside the
served folder). Any other Voilà option: ``python -m workbench.serve FOLDER --Class.trait=value``.
"""

from __future__ import annotations

import argparse


def cmd_serve(args: argparse.Namespace) -> int:
    from workbench.serve import main

    options = [args.folder]
    if args.port is not None:
        options.append(f"--port={args.port}")
    if args.ip is not None:
        options.append(f"--ip={args.ip}")
    if args.allowed_origin is not None:
        options.append(f"--allowed-origin={args.allowed_origin}")
    options += ["--behind-proxy"] * args.behind_proxy + ["--hub"] * args.hub
    return main(options)


def add_serve_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """``workbench serve``."""
    p = sub.add_parser("serve", help="die Workbench im Browser bereitstellen (Voilà, abgesichert; docs/deploy.md)")
    p.add_argument("folder", nargs="?", default="notebooks/", help="Notebook-Ordner (Standard: notebooks/)")
    p.add_argument("--port", type=int, help="Port (Standard aus voila.json: 8866)")
    p.add_argument("--ip", help="Adresse (Standard 127.0.0.1; andere nur mit festem WORKBENCH_TOKEN oder --hub)")
    p.add_argument("--behind-proxy", action="store_true",
                   help="ein Reverse-Proxy steht davor (nur mit --allowed-origin und WORKBENCH_TOKEN)")
    p.add_argument("--allowed-origin", help="die Adresse, unter der der Proxy die Workbench zeigt, z. B. https://workbench.example")
    p.add_argument("--hub", action="store_true", help="von JupyterHub gestartet (deploy/jupyterhub_config.py)")
    p.set_defaults(func=cmd_serve)
