"""API authentication besides the session: DRF's token, under the same lockout as the login form."""

from axes.handlers.proxy import AxesProxyHandler
from django.conf import settings
from django.contrib.auth.signals import user_login_failed
from rest_framework import authentication, exceptions

# What a failed token attempt is recorded as: no account to blame, so only the address counts.
TOKEN_CREDENTIALS = {"username": "", "token_api": True}


def lockout_parameters(request, credentials=None) -> list[str]:
    """django-axes' AXES_LOCKOUT_PARAMETERS: a password counts against the account and the address
    (each alone reaching the limit locks); a token against the address only."""
    if credentials and credentials.get("token_api"):
        return ["ip_address"]
    return ["username", "ip_address"]


class TokenAuthentication(authentication.TokenAuthentication):
    """``Authorization: Token <key>``. A wrong token counts as a failed login of the address; a
    locked address is refused with 429 before its token is looked at."""

    def authenticate(self, request):
        if not authentication.get_authorization_header(request).lower().startswith(b"token "):
            return None
        django_request = request._request
        if not AxesProxyHandler.is_allowed(django_request, TOKEN_CREDENTIALS):
            raise exceptions.Throttled(wait=int(settings.AXES_COOLOFF_TIME.total_seconds()))
        try:
            return super().authenticate(request)
        except exceptions.AuthenticationFailed:
            user_login_failed.send(sender=type(self), credentials=dict(TOKEN_CREDENTIALS), request=django_request)
            raise
