import time

from django.conf import settings
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode

from vigil.accounts import permissions
from vigil.audit.log import acting_as


class AuditActorMiddleware:
    """Attributes audited changes made during a request to the signed-in user."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user if request.user.is_authenticated else None
        with acting_as(user):
            return self.get_response(request)


class SecondFactorMiddleware:
    """Administrators and coordinators reach nothing until they have passed a second factor:
    those without an authenticator are sent to set one up, the others to enter a code."""

    # Pages such a person still needs: the second-factor pages themselves and signing out.
    EXEMPT_URL_NAMES = ("accounts:two_factor_setup", "accounts:two_factor_verify", "logout")

    def __init__(self, get_response):
        self.get_response = get_response
        self._exempt_paths = None

    def __call__(self, request):
        user = request.user
        if (
            user.is_authenticated
            and not user.is_verified()
            and permissions.needs_second_factor(user)
            and not self._is_exempt(request.path_info)
        ):
            from django_otp import user_has_device

            name = "two_factor_verify" if user_has_device(user) else "two_factor_setup"
            query = urlencode({"next": request.get_full_path()})
            return redirect(f"{reverse('accounts:' + name)}?{query}")
        return self.get_response(request)

    def _is_exempt(self, path: str) -> bool:
        if self._exempt_paths is None:
            self._exempt_paths = tuple(reverse(name) for name in self.EXEMPT_URL_NAMES)
        from django.conf import settings

        return path in self._exempt_paths or path.startswith("/" + settings.STATIC_URL)


PRIVILEGES_SESSION_KEY = "vigil_privileges"


class SessionRotationMiddleware:
    """A new session key whenever what the signed-in person may do changes (a role granted or
    taken, made administrator or not): a cookie copied before the change never gains the new
    privileges. (Signing in and passing the second factor rotate it where they happen.)"""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.user.is_authenticated:
            fingerprint = permissions.privilege_fingerprint(request.user)
            known = request.session.get(PRIVILEGES_SESSION_KEY)
            if known != fingerprint:
                if known is not None:
                    request.session.cycle_key()
                request.session[PRIVILEGES_SESSION_KEY] = fingerprint
        return self.get_response(request)


SESSION_REFRESHED_KEY = "vigil_refreshed"


class SessionRefreshMiddleware:
    """Sessions are saved only when they change, so that reading never writes to the database
    (readers would queue behind editors for the write lock). To keep the idle expiry moving, a
    signed-in session is saved again once its last save is SESSION_REFRESH_SECONDS old: it ends
    between VIGIL_SESSION_HOURS less that interval and VIGIL_SESSION_HOURS after the last
    request."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        session = request.session
        if not session.is_empty():
            now = int(time.time())
            age = now - session.get(SESSION_REFRESHED_KEY, 0)
            # A changed session is saved with a new expiry: note when, even if it changed anyway.
            if session.modified or age >= settings.SESSION_REFRESH_SECONDS:
                session[SESSION_REFRESHED_KEY] = now
        return response
