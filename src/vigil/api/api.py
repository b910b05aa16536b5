"""The machine API, version 1: one NinjaAPI, its routers, who may call it and how errors read.

Every operation runs as the calling person (the audit log names them), after the same permission
functions as the pages; the OpenAPI description is generated from these functions' signatures.
"""

import functools

from ninja import NinjaAPI
from ninja.openapi.docs import Swagger

from vigil.api import problems
from vigil.api.auth import SessionAuth, TokenAuth
from vigil.api.endpoints import (
    cases,
    claims,
    dossier,
    events,
    ingest,
    law,
    outreach,
    publishing,
    recognition,
    search,
    sources,
)
from vigil.audit.log import acting_as

DESCRIPTION = """Vigil's data as JSON, under the same rules as its pages.

Authenticate with a personal API token (make one on your account page, under "API tokens") sent
as `Authorization: Bearer vigil_…`, or with a signed-in browser session (then send the
`X-CSRFToken` header on every request that changes something). Lists page by cursor: follow
`next` until it is null. Every record carries its `id` and `url`, its address on the web. Errors
are RFC 9457 problem documents (`application/problem+json`)."""


class VigilAPI(NinjaAPI):
    def get_openapi_schema(self, *args, **kwargs):
        """The generated description, with every error answer typed as a problem document."""
        schema = super().get_openapi_schema(*args, **kwargs)
        for operations in schema.get("paths", {}).values():
            for operation in operations.values():
                for status, response in operation.get("responses", {}).items():
                    content = response.get("content", {})
                    if int(status) >= 400 and "application/json" in content:
                        content[problems.MEDIA_TYPE] = content.pop("application/json")
        return schema


def _as_caller(view):
    """Run the operation as the calling person: the audit log names them, token or session."""

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        with acting_as(request.user):
            return view(request, *args, **kwargs)

    return wrapper


api = VigilAPI(
    title="Vigil API",
    version="1",
    description=DESCRIPTION,
    urls_namespace="api",
    auth=[TokenAuth(), SessionAuth()],
    docs=Swagger(settings={"persistAuthorization": False}),
    docs_url="/docs",
    openapi_url="/openapi.json",
)
problems.install(api)
api.add_decorator(_as_caller)
for module in (
    cases,
    sources,
    search,
    claims,
    law,
    recognition,
    publishing,
    events,
    outreach,
    ingest,
    dossier,
):
    api.add_router("", module.router)


def urlpatterns():
    """The API's URL patterns. Its own authentication decides every operation (401 as data, not a
    redirect to the sign-in page), so the site's login requirement steps aside for them."""
    patterns, app_name, namespace = api.urls
    for pattern in patterns:
        pattern.callback.login_required = False
    return patterns, app_name, namespace
