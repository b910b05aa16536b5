"""Personal API tokens on the account: make one (shown once), see them, revoke one."""

from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from vigil.api import tokens
from vigil.api.forms import TokenCreateForm
from vigil.api.models import ApiToken


def token_list(request):
    form = TokenCreateForm(request.POST or None)
    new_token = None
    if request.method == "POST" and form.is_valid():
        _record, new_token = tokens.create_token(
            request.user,
            name=form.cleaned_data["name"],
            scope=form.cleaned_data["scope"],
            expires_at=form.expires_at(),
        )
        form = TokenCreateForm()
    context = {
        "form": form,
        "new_token": new_token,
        # Only the person's own tokens, never anyone else's.
        "tokens": ApiToken.objects.filter(user=request.user)[:100],
    }
    return render(request, "api/tokens.html", context)


@require_POST
def token_revoke(request, pk):
    record = ApiToken.objects.filter(user=request.user, pk=pk).first()
    if record is None:
        raise Http404(_("No such token of yours."))
    tokens.revoke_token(record)
    return redirect("api_tokens")
