"""``python -m workbench.serve FOLDER [--Class.trait=value …]``: what ``make run`` starts (docs/deploy.md)."""

from workbench.serve.app import main

raise SystemExit(main())
