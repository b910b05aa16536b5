"""Where a `next` parameter may send someone: only to an address on this site. Every view that
redirects to `next` goes through here, so a link from elsewhere cannot bounce a signed-in person
to another site."""

from django.shortcuts import redirect
from django.utils.http import url_has_allowed_host_and_scheme


def safe_next(request, default: str = "") -> str:
    """The request's `next` (POST, else GET) if it stays on this site, else `default`."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    # Only a path on this site: anything else would be taken by redirect() for a URL name.
    on_site = url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure())
    if on_site and target.startswith("/"):
        return target
    return default


def redirect_next(request, default, *args, **kwargs):
    """Redirect to the request's safe `next`, else to `default` (a URL, a URL name or a model)."""
    target = safe_next(request)
    return redirect(target) if target else redirect(default, *args, **kwargs)
