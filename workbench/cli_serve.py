"""``workbench serve``: the hardened Voilà server of :mod:`workbench.serve` on the command line.

    workbench serve [notebooks/] [--port=8866] [--ip=ADDR] [--behind-proxy] [--hub] [Voilà options]

Every option after ``serve`` goes to the server unchanged (Voilà's ``--Class.trait=value``
too); without a folder it serves ``notebooks/`` of the working directory. Exit status 2 with
one line when a setting is refused (an address other machines reach without a token, shown
tracebacks, the data folder inside the served folder).
"""

from __future__ import annotations

import argparse


def cmd_serve(args: argparse.Namespace) -> int:
    from workbench.serve import main

    options: list[str] = list(args.options)
    if not any(not option.startswith("-") for option in options):
        options.insert(0, "notebooks/")
    return main(options)


def add_serve_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """``workbench serve``."""
    p = sub.add_parser("serve", help="die Workbench im Browser bereitstellen (Voilà, abgesichert; docs/deploy.md)",
                       description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("options", nargs=argparse.REMAINDER, help="Ordner und Voilà-Optionen (z. B. --port=8870)")
    p.set_defaults(func=cmd_serve)
