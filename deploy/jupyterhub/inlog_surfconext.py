"""Example of a real login: SURFconext (OpenID Connect) through oauthenticator's GenericOAuthenticator.

Load it with WERKBOEK_HUB_INLOG=inlog_surfconext.py (jupyterhub_config.py calls load_subconfig) after
`pip install oauthenticator`. Register the hub with SURFconext first; the callback is
https://SERVER/hub/oauth_callback. Hub groups come from the login: one group per scholengroep
(named like its folder under WERKBOEK_GEBOUWD) and the trainer group.
"""

# ruff: noqa: F821  (`c` is provided by JupyterHub when it loads this file)

import os
import sys

for name in ("WERKBOEK_OAUTH_CLIENT_ID", "WERKBOEK_OAUTH_CLIENT_SECRET", "WERKBOEK_HUB_ADRES"):
    if not os.environ.get(name):
        sys.exit(
            f"Zet {name} voor de inlog met SURFconext (zie deploy/jupyterhub/inlog_surfconext.py)."
        )

c.JupyterHub.authenticator_class = "generic-oauth"
c.GenericOAuthenticator.client_id = os.environ["WERKBOEK_OAUTH_CLIENT_ID"]
c.GenericOAuthenticator.client_secret = os.environ["WERKBOEK_OAUTH_CLIENT_SECRET"]
c.GenericOAuthenticator.oauth_callback_url = (
    f"{os.environ['WERKBOEK_HUB_ADRES']}/hub/oauth_callback"
)
c.GenericOAuthenticator.authorize_url = "https://connect.surfconext.nl/oidc/authorize"
c.GenericOAuthenticator.token_url = "https://connect.surfconext.nl/oidc/token"
c.GenericOAuthenticator.userdata_url = "https://connect.surfconext.nl/oidc/userinfo"
c.GenericOAuthenticator.scope = ["openid"]
# 'sub' is a stable pseudonym per service: the hub (and its log) never holds a name or e-mail.
c.GenericOAuthenticator.username_claim = "sub"
# Groups from the institution's claim (e.g. an SBS collaboration per scholengroep); only members
# of a known group may log in. The admin can also set groups in the hub's admin page.
c.GenericOAuthenticator.manage_groups = True
c.GenericOAuthenticator.auth_state_groups_key = "oauth_user.eduperson_entitlement"
c.GenericOAuthenticator.allowed_groups = set(os.environ.get("WERKBOEK_HUB_GROEPEN", "").split())
c.JupyterHub.ip = "127.0.0.1"  # behind the school's https reverse proxy
