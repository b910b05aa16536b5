from vigil.accounts import permissions


def roles(request):
    """What the navigation may offer the signed-in person (each answer from the permissions)."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {
        "is_administrator": permissions.is_admin(user),
        "sees_campaigns": permissions.can_view_campaigns(user),
        "coordinates": permissions.can_coordinate_any(user),
    }
