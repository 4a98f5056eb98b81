"""Login through JupyterHub for ``workbench serve --hub`` (docs/deploy.md, ADR 0013).

JupyterHub starts one ``workbench serve --hub`` per advisor (``deploy/jupyterhub_config.py``).
That server is Voilà alone — no JupyterLab, no terminals, no contents API — and it lets in
only whom the hub says may use this advisor's server: the hub's own identity provider for
jupyter_server 2 (OAuth with the hub, the hub's API token and client id from the spawner's
environment), which Voilà accepts as ``identity_provider_class``.

One adaptation: jupyter_server prefixes an identity provider's routes with its base URL,
Voilà does not, so the OAuth callback is registered here under the advisor's prefix
(``/user/<name>/oauth_callback``).

Needs the optional ``hub`` extra (``pip install -e '.[hub]'``).
"""

from __future__ import annotations

from typing import Any

from jupyter_server.utils import url_path_join
from jupyterhub.singleuser.extension import JupyterHubAuthorizer, JupyterHubIdentityProvider

__all__ = ["HubAuthorizer", "HubIdentityProvider"]


class HubIdentityProvider(JupyterHubIdentityProvider):  # type: ignore[misc]  # jupyterhub is untyped
    """The hub's OAuth login, with its routes under the advisor's base URL."""

    def get_handlers(self) -> list[Any]:
        prefix = self.hub_auth.base_url  # JUPYTERHUB_SERVICE_PREFIX, e.g. /user/eva/
        return [(url_path_join(prefix, route), *rest) for route, *rest in super().get_handlers()]


class HubAuthorizer(JupyterHubAuthorizer):  # type: ignore[misc]
    """Only users with the hub's ``access:servers`` scope for this server may act."""
