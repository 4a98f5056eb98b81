"""The workbench server: Voilà with a token login and safeguards (docs/deploy.md, ADR 0013, ADR 0017).

``python -m workbench.serve FOLDER``, ``workbench serve`` and ``make run`` start :func:`main`;
its settings come from ``voila.json`` (class ``WorkbenchVoila``). The modules:

- :mod:`~workbench.serve.app`: :class:`WorkbenchVoila` (the refusals at start, the headers and the
  Content-Security-Policy, the routes) and :func:`main`;
- :mod:`~workbench.serve.handler`: the render route, which page requests get a kernel;
- :mod:`~workbench.serve.page_requests`: which notebook a request names and where it comes from;
- :mod:`~workbench.serve.limits`: the rate limit and the session limit;
- :mod:`~workbench.serve.advisors`: whose page holds which kernel, every advisor's share of the pages (ADR 0033);
- :mod:`~workbench.serve.lifecycle`: a closed page's kernel shut down (its goodbye, the reaper; ADR 0031);
- :mod:`~workbench.serve.pools`: the preheat pools of every page, sized from the office's advisors;
- :mod:`~workbench.serve.login`: the token login on one machine; :mod:`~workbench.serve.hub`: the
  login through JupyterHub (``--hub``);
- :mod:`~workbench.serve.pages`: the short German/English pages answered instead of a wizard.
"""

from workbench.serve.app import CONTENT_SECURITY_POLICY, WorkbenchVoila, main

__all__ = ["CONTENT_SECURITY_POLICY", "WorkbenchVoila", "main"]
