"""Example of a real login from the school's ELO (LMS) with LTI 1.3, through ltiauthenticator.

Load it with WERKBOEK_HUB_INLOG=inlog_lti.py (jupyterhub_config.py calls load_subconfig) after
`pip install jupyterhub-ltiauthenticator`. Register the hub as an external tool in the ELO first;
the ELO gives the issuer and the client id. Groups (a scholengroep, the trainer group) are set by
the admin on /hub/admin or through the hub's REST API: LTI itself carries no hub groups.
"""

# ruff: noqa: F821  (`c` is provided by JupyterHub when it loads this file)

import os
import sys

for name in ("WERKBOEK_LTI_ISSUER", "WERKBOEK_LTI_CLIENT_ID", "WERKBOEK_LTI_AUTHORIZE_URL"):
    if not os.environ.get(name):
        sys.exit(f"Zet {name} voor de inlog via de ELO (zie deploy/jupyterhub/inlog_lti.py).")

c.JupyterHub.authenticator_class = "ltiauthenticator.lti13.auth.LTI13Authenticator"
c.LTI13Authenticator.issuer = os.environ["WERKBOEK_LTI_ISSUER"]
c.LTI13Authenticator.client_id = set(os.environ["WERKBOEK_LTI_CLIENT_ID"].split())
c.LTI13Authenticator.authorize_url = os.environ["WERKBOEK_LTI_AUTHORIZE_URL"]
c.LTI13Authenticator.jwks_endpoint = os.environ.get(
    "WERKBOEK_LTI_JWKS_URL", f"{os.environ['WERKBOEK_LTI_ISSUER']}/.well-known/jwks.json"
)
# 'sub' is the ELO's stable pseudonym for a person: no name or e-mail in the hub or its log.
c.LTI13Authenticator.username_key = "sub"
c.Authenticator.allow_all = (
    True  # whoever the ELO sends in; the scholengroep group decides the rest
)
c.JupyterHub.ip = "127.0.0.1"  # behind the school's https reverse proxy
