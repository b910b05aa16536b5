"""Errors as data: every refusal and every invalid input is answered with an RFC 9457 problem
document (`application/problem+json`), the same shape for every endpoint.

    {"type": "about:blank", "title": "Unprocessable Content", "status": 422,
     "detail": "The request has invalid values.",
     "errors": [{"field": "statement", "location": "body", "reason": "This field is required."}]}
"""

from functools import partial
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


def _invalid_input(api, request, exc):
    errors = _field_errors_from_ninja(exc.errors)
    return problem_response(api, request, 422, "The request has invalid values.", errors=errors)


def _invalid_form(api, request, exc):
    return problem_response(api, request, 422, "The request has invalid values.", errors=exc.errors)


def _refused_by_rule(api, request, exc):
    errors = _field_errors_from_django(exc)
    return problem_response(api, request, 422, "Vigil's rules refuse this change.", errors=errors)


def _unauthenticated(api, request, exc):
    detail = "Send a personal API token (Authorization: Bearer …) or sign in."
    response = problem_response(api, request, 401, detail)
    response["WWW-Authenticate"] = 'Bearer realm="vigil"'
    return response


def _not_authorised(api, request, exc):
    return problem_response(api, request, 403, str(exc.message or "Not allowed."))


def _forbidden(api, request, exc):
    return problem_response(api, request, 403, str(exc) or "Not allowed.")


def _not_found(api, request, exc):
    return problem_response(api, request, 404, "No such record, or not one you may see.")


def _rate_limited(api, request, exc):
    detail = "This token has made its requests for this minute; try again later."
    response = problem_response(api, request, 429, detail, retry_after=exc.retry_after)
    response["Retry-After"] = str(exc.retry_after)
    return response


def _throttled(api, request, exc):
    return problem_response(api, request, 429, "Too many requests; try again later.")


def _http_error(api, request, exc):
    return problem_response(api, request, exc.status_code, str(exc.message))


# Each error ninja or Vigil's rules raise, and the problem document that answers it.
_HANDLERS = [
    (NinjaValidationError, _invalid_input),
    (FormInvalid, _invalid_form),
    (DjangoValidationError, _refused_by_rule),
    (AuthenticationError, _unauthenticated),
    (AuthorizationError, _not_authorised),
    (PermissionDenied, _forbidden),
    (Http404, _not_found),
    (RateLimited, _rate_limited),
    (Throttled, _throttled),
    (HttpError, _http_error),
]


def install(api) -> None:
    """Answer every error ninja and Vigil's rules raise as a problem document."""
    for exception, handler in _HANDLERS:
        api.add_exception_handler(exception, partial(handler, api))
