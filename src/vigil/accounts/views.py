"""Account security (second factor), invitations, and the audit log for administrators."""

import segno
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_not_required
from django.contrib.auth.forms import UserCreationForm
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe
from django_otp import devices_for_user, match_token
from django_otp import login as otp_login
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from vigil.accounts import audit_log, invitations, permissions, scoping
from vigil.accounts.forms import (
    AuditFilterForm,
    AuthenticatorCodeForm,
    InvitationForm,
    TokenForm,
)
from vigil.accounts.models import Invitation
from vigil.accounts.redirects import safe_next
from vigil.paging import paginate
from vigil.tabular import csv_download

BACKUP_CODES = 10


def _next_url(request, default="cases:list"):
    """A safe `next`, else the address of the URL named `default` ("" for none)."""
    return safe_next(request, reverse(default) if default else "")


def pass_second_factor(request, device) -> None:
    """Mark the session as past the second factor under a new session key, so a cookie taken
    before the code was entered never becomes privileged."""
    otp_login(request, device)
    request.session.cycle_key()


@require_safe
def security(request):
    devices = list(devices_for_user(request.user, confirmed=True))
    context = {
        "devices": devices,
        "required": permissions.needs_second_factor(request.user),
        "verified": request.user.is_verified(),
    }
    return render(request, "accounts/security.html", context)


def two_factor_setup(request):
    """Pair an authenticator app. Someone with a device must pass it before adding another."""
    user = request.user
    if any(devices_for_user(user, confirmed=True)) and not user.is_verified():
        return redirect(
            f"{_url('two_factor_verify')}?{urlencode({'next': _next_url(request, '')})}"
        )
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=_("Authenticator app"), confirmed=False)
    form = AuthenticatorCodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        allowed, _info = device.verify_is_allowed()
        if not allowed:
            form.add_error("token", _throttled_message())
        elif device.verify_token(form.cleaned_data["token"].replace(" ", "")):
            device.confirmed = True
            device.save()
            pass_second_factor(request, device)
            codes = _new_backup_codes(user)
            messages.success(request, _("Two-factor sign-in is on."))
            return render(
                request,
                "accounts/backup_codes.html",
                {"codes": codes, "next": _next_url(request)},
            )
        else:
            form.add_error("token", _("That code is not right. Check the clock on your phone."))
    qr = segno.make(device.config_url, error="m")
    context = {
        "form": form,
        "qr_svg": mark_safe(qr.svg_inline(scale=5, dark="#1b1b1b")),  # noqa: S308 - made by segno
        "secret": _base32(device),
        "next": _next_url(request, ""),
    }
    return render(request, "accounts/two_factor_setup.html", context)


def _base32(device) -> str:
    import base64

    return base64.b32encode(device.bin_key).decode()


def _new_backup_codes(user) -> list[str]:
    """Single-use codes for a lost phone; shown once, replaced each time they are made."""
    static, _created = StaticDevice.objects.get_or_create(
        user=user, name="Backup codes", defaults={"confirmed": True}
    )
    static.token_set.all().delete()
    codes = [StaticToken.random_token() for _ in range(BACKUP_CODES)]
    for code in codes:
        static.token_set.create(token=code)
    return codes


def two_factor_verify(request):
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        device = match_token(request.user, form.cleaned_data["token"].replace(" ", ""))
        if device is not None:
            pass_second_factor(request, device)
            return redirect(_next_url(request))
        throttled = any(not d.verify_is_allowed()[0] for d in devices_for_user(request.user))
        form.add_error(
            "token",
            _throttled_message()
            if throttled
            else _("That code is not right, or was already used."),
        )
    return render(
        request, "accounts/two_factor_verify.html", {"form": form, "next": _next_url(request, "")}
    )


def _throttled_message() -> str:
    return _(
        "That code is not right. After a wrong code Vigil waits a little longer each time "
        "before it accepts another: wait a few seconds, then enter the current code."
    )


def _url(name):
    from django.urls import reverse

    return reverse(f"accounts:{name}")


def invitation_list(request):
    if not permissions.is_admin(request.user):
        raise PermissionDenied(_("Only administrators may invite people."))
    form = InvitationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            invitation, token = invitations.create_invitation(
                email=data["email"],
                role=data["role"],
                case=data["case"],
                chapter=data["chapter"],
                invited_by=request.user,
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            invitations.send_invitation(invitation, token, request.build_absolute_uri("/"))
            messages.success(
                request, _("Invitation sent to %(email)s.") % {"email": invitation.email}
            )
            return redirect("accounts:invitations")
    invited = Invitation.objects.select_related("case", "chapter").order_by("-created_at", "-pk")
    context = {"form": form, "invitations": paginate(request, invited)}
    return render(request, "accounts/invitations.html", context)


@login_not_required
def accept_invitation(request, token):
    try:
        invitation = invitations.find_invitation(token)
    except invitations.InvitationError as error:
        return render(request, "accounts/invitation_invalid.html", {"reason": error}, status=410)
    form = UserCreationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            user = invitations.accept_invitation(token, form)
        except invitations.InvitationError as error:
            return render(
                request, "accounts/invitation_invalid.html", {"reason": error}, status=410
            )
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        messages.success(request, _("Welcome to Vigil."))
        return redirect("cases:list")
    return render(
        request, "accounts/invitation_accept.html", {"form": form, "invitation": invitation}
    )


@require_safe
def audit_log_page(request):
    if not permissions.can_view_audit_log(request.user):
        raise PermissionDenied(_("Only administrators may read the audit log."))
    form = AuditFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    entries = audit_log.filter_entries(**{k: v for k, v in filters.items() if v})
    if request.GET.get("format") == "csv":
        rows = audit_log.export_rows(entries)
        return csv_download(rows, audit_log.EXPORT_COLUMNS, "vigil-audit-log.csv")
    page = Paginator(entries, 100).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "form": form,
        "page": page,
        "entries": audit_log.describe(page),
        "query": query.urlencode(),
    }
    return render(request, "accounts/audit_log.html", context)


@require_safe
def pick(request, model):
    """One page of the rows of `model` ("recognition.actor") the person's forms may offer that
    match `?q=`, as JSON for the pickers of long lists: {"results": [{id, label}], "more": bool}.
    404 for a model no form offers."""
    number = request.GET.get("page", "")
    page = min(int(number), 500) if number.isdecimal() and 0 < len(number) < 4 else 1
    try:
        matches, more = scoping.matching_choices(
            request.user, model, request.GET.get("q", "").strip()[:200], max(page, 1)
        )
    except LookupError:
        raise Http404 from None
    return JsonResponse(
        {"results": matches, "more": more}, json_dumps_params={"ensure_ascii": False}
    )
