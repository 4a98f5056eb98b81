"""``python -m workbench …``: the `workbench` command without the console script (as ``python -m workbench.cli``)."""

from workbench.cli.app import main

raise SystemExit(main())
