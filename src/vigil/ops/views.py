import sys

from django.db import OperationalError
from django.http import HttpResponse
from django.template import loader
from django.views import defaults
from django.views.decorators.csrf import requires_csrf_token

from vigil.database import is_busy

# A busy spell outlasts a request's wait for a lock (VIGIL_DB_WAIT_SECONDS); a little longer
# than that wait is a fair time to come back.
RETRY_AFTER_SECONDS = 10


def _caused_by_busy_database(error: BaseException | None) -> bool:
    """Whether `error`, or an error it was raised while handling, is a busy database. (Django's
    session store, for one, reports a failed save as "session interrupted", a 400.)"""
    while error is not None:
        if isinstance(error, OperationalError) and is_busy(error):
            return True
        error = error.__cause__ or error.__context__
    return False


def busy(request=None) -> HttpResponse:
    """The 503 page: try again shortly, with a Retry-After header. It renders without the
    request, so no context processor touches the busy database."""
    page = loader.get_template("503.html").render({"retry_after": RETRY_AFTER_SECONDS})
    response = HttpResponse(page, status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response


@requires_csrf_token
def bad_request(request, exception):
    if _caused_by_busy_database(exception):
        return busy()
    return defaults.bad_request(request, exception)


@requires_csrf_token
def server_error(request):
    """As the 500 handler, this sees what views and middleware raised (the exception being
    handled); a database that was only busy (locked by a long write, a lock timeout) gets the
    503 page instead of the 500 one."""
    if _caused_by_busy_database(sys.exc_info()[1]):
        return busy()
    return defaults.server_error(request)
