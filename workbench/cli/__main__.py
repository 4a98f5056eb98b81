"""``python -m workbench.cli …``: the `workbench` command without the console script."""

from workbench.cli.app import main

raise SystemExit(main())
