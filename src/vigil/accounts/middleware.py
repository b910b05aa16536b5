from vigil.accounts.audit import acting_as


class AuditActorMiddleware:
    """Attributes audited changes made during a request to the signed-in user."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user if request.user.is_authenticated else None
        with acting_as(user):
            return self.get_response(request)
