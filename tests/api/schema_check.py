"""Every API response a test receives is checked against the OpenAPI description the API
publishes: its status must be documented for the operation, its media type too, and a JSON body
must match the documented schema. `recording_api_responses` records them while a test runs."""

import json
import re
from contextlib import contextmanager

import jsonschema_rs
from django.test import Client
from django.urls import resolve

from vigil.api.api import api

PREFIX = "/api/v1/"
_SCHEMA = None


def openapi() -> dict:
    global _SCHEMA
    if _SCHEMA is None:
        _SCHEMA = json.loads(json.dumps(api.get_openapi_schema()))
    return _SCHEMA


def _template(path: str) -> str | None:
    route = resolve(path.split("?")[0]).route
    return "/" + re.sub(r"<(?:\w+:)?(\w+)>", r"{\1}", route)


def problems_with(method: str, path: str, response) -> list[str]:
    """What in the response breaks the published description (nothing: an empty list)."""
    schema = openapi()
    template = _template(path)
    operation = schema["paths"].get(template, {}).get(method.lower())
    where = f"{method} {path} → {response.status_code}"
    if operation is None:
        return [f"{where}: {template} {method} is not in the description"]
    documented = operation["responses"].get(str(response.status_code))
    if documented is None:
        return [f"{where}: status not documented"]
    media_type = response.get("Content-Type", "").split(";")[0].strip()
    content = documented.get("content", {})
    if not content:
        return [] if not response.content else [f"{where}: a body where none is documented"]
    if media_type not in content:
        return [f"{where}: {media_type} is not documented ({', '.join(content)})"]
    if not media_type.endswith("json"):
        return []
    body_schema = {**content[media_type]["schema"], "components": schema["components"]}
    validator = jsonschema_rs.validator_for(body_schema)
    body = json.loads(response.content)
    return [
        f"{where}: {error.message} at {list(error.instance_path)}"
        for error in validator.iter_errors(body)
    ]


@contextmanager
def recording_api_responses():
    """Record every API response test clients receive; yields the list of (method, path,
    response)."""
    recorded = []
    original = Client.request

    def request(self, **environ):
        response = original(self, **environ)
        path = environ.get("PATH_INFO", "")
        docs = path.endswith(("/openapi.json", "/docs"))
        if path.startswith(PREFIX) and not docs and not response.streaming:
            recorded.append((environ["REQUEST_METHOD"], path, response))
        return response

    Client.request = request
    try:
        yield recorded
    finally:
        Client.request = original
