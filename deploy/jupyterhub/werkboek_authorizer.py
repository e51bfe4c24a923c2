"""Each user's server only does what Voila needs: no file browsing, no new kernels, no terminals."""

from __future__ import annotations

from jupyterhub.singleuser.extension import JupyterHubAuthorizer

# (resource, action) pairs of Jupyter Server's REST API that a Voila page uses. All else is refused,
# so a user cannot read scholengroep.toml (trainer key, store URL) through /api/contents or /files.
ALLOWED = {
    ("kernels", "read"),
    ("kernels", "execute"),  # the websocket of the page's own kernel
    ("kernelspecs", "read"),
    ("api", "read"),
    ("config", "read"),
}


class WorkbookAuthorizer(JupyterHubAuthorizer):
    """JupyterHub's scope check, limited to the calls a Voila page makes."""

    def is_authorized(self, handler, user, action, resource):  # type: ignore[no-untyped-def]
        if (resource, action) not in ALLOWED:
            self.log.warning("Geweigerd: %s op %s door %s", action, resource, user.username)
            return False
        return super().is_authorized(handler, user, action, resource)
