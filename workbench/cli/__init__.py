"""The `workbench` command line (README.md, "Command line"): :func:`main` parses the arguments and runs a command.

``workbench …`` (the console script), ``python -m workbench.cli …`` and the tests call :func:`main`;
:func:`build_parser` is the whole command. One module per command group, each with its
``add_<group>_parser``, registered in :mod:`~workbench.cli.app`:

- :mod:`~workbench.cli.elterngeld`: ``elterngeld``, ``optimize``, ``compare``, ``handout``;
- :mod:`~workbench.cli.leistungscheck`: ``check`` (the Leistungscheck);
- :mod:`~workbench.cli.lebenslagen`: ``mutterschutz``, ``elternzeit``;
- :mod:`~workbench.cli.topics`: ``kita``, ``pflege``, ``vorsorge``;
- :mod:`~workbench.cli.forms`: ``forms list|check|inspect``, ``fill``;
- :mod:`~workbench.cli.params`: ``params show|diff|check``;
- :mod:`~workbench.cli.store`: ``cases …``, ``backup``, ``restore``, ``purge``, ``key …``;
- :mod:`~workbench.cli.serve`: ``serve`` (:mod:`workbench.serve`).
"""

from workbench.cli.app import build_parser, main

__all__ = ["build_parser", "main"]
