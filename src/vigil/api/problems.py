"""Errors as data: every refusal and every invalid input is answered with an RFC 9457 problem
document (`application/problem+json`), the same shape for every endpoint.

    {"type": "about:blank", "title": "Unprocessable Content", "status": 422,
     "detail": "The request has invalid values.",
     "errors": [{"field": "statement", "location": "body", "reason": "This field is required."}]}
"""

from http import HTTPStatus

from django.core.exceptions import PermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404, HttpResponse
from ninja import Schema
from ninja.errors import AuthenticationError, AuthorizationError, HttpError, Throttled
from ninja.errors import ValidationError as NinjaValidationError

from vigil.api.tokens import RateLimited

MEDIA_TYPE = "application/problem+json"
# Where ninja's validation error locations name the request part, and the names of the
# operation's parameters that are not part of what the client sent.
_LOCATIONS = {"body", "query", "path", "header", "cookie", "file", "form"}
_PARAMETER_NAMES = {"payload", "filters", "data"}


class FieldError(Schema):
    field: str | None
    location: str
    reason: str


class Problem(Schema):
    type: str = "about:blank"
    title: str
    status: int
    detail: str
    errors: list[FieldError] = []
    retry_after: int | None = None


def problem_response(api, request, status: int, detail: str, **extra) -> HttpResponse:
    body = Problem(title=HTTPStatus(status).phrase, status=status, detail=detail, **extra)
    response = api.create_response(request, body.model_dump(), status=status)
    response["Content-Type"] = MEDIA_TYPE
    return response


def _field_errors_from_ninja(errors) -> list[dict]:
    found = []
    for error in errors:
        location = [str(part) for part in error.get("loc", ())]
        where = location[0] if location and location[0] in _LOCATIONS else "body"
        parts = [p for p in location if p not in _LOCATIONS and p not in _PARAMETER_NAMES]
        found.append({"field": ".".join(parts) or None, "location": where, "reason": error["msg"]})
    return found


def _field_errors_from_django(error: DjangoValidationError) -> list[dict]:
    if hasattr(error, "error_dict"):
        return [
            {"field": None if field == "__all__" else field, "location": "body", "reason": text}
            for field, texts in error.message_dict.items()
            for text in texts
        ]
    return [{"field": None, "location": "body", "reason": text} for text in error.messages]


class FormInvalid(Exception):
    """A Django form refused the input: its errors, field by field."""

    def __init__(self, form):
        super().__init__("invalid form")
        self.errors = [
            {"field": None if field == "__all__" else field, "location": "body", "reason": text}
            for field, texts in form.errors.items()
            for text in texts
        ]


def install(api) -> None:
    """Answer every error ninja and Vigil's rules raise as a problem document."""

    @api.exception_handler(NinjaValidationError)
    def invalid_input(request, exc):
        return problem_response(
            api,
            request,
            422,
            "The request has invalid values.",
            errors=_field_errors_from_ninja(exc.errors),
        )

    @api.exception_handler(FormInvalid)
    def invalid_form(request, exc):
        return problem_response(
            api, request, 422, "The request has invalid values.", errors=exc.errors
        )

    @api.exception_handler(DjangoValidationError)
    def refused_by_rule(request, exc):
        return problem_response(
            api,
            request,
            422,
            "Vigil's rules refuse this change.",
            errors=_field_errors_from_django(exc),
        )

    @api.exception_handler(AuthenticationError)
    def unauthenticated(request, exc):
        response = problem_response(
            api,
            request,
            401,
            "Send a personal API token (Authorization: Bearer …) or sign in.",
        )
        response["WWW-Authenticate"] = 'Bearer realm="vigil"'
        return response

    @api.exception_handler(AuthorizationError)
    def not_authorised(request, exc):
        return problem_response(api, request, 403, str(exc.message or "Not allowed."))

    @api.exception_handler(PermissionDenied)
    def forbidden(request, exc):
        return problem_response(api, request, 403, str(exc) or "Not allowed.")

    @api.exception_handler(Http404)
    def not_found(request, exc):
        return problem_response(api, request, 404, "No such record, or not one you may see.")

    @api.exception_handler(RateLimited)
    def rate_limited(request, exc):
        response = problem_response(
            api,
            request,
            429,
            "This token has made its requests for this minute; try again later.",
            retry_after=exc.retry_after,
        )
        response["Retry-After"] = str(exc.retry_after)
        return response

    @api.exception_handler(Throttled)
    def throttled(request, exc):
        return problem_response(api, request, 429, "Too many requests; try again later.")

    @api.exception_handler(HttpError)
    def http_error(request, exc):
        return problem_response(api, request, exc.status_code, str(exc.message))
