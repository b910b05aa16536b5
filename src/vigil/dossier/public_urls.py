from django.contrib.auth.decorators import login_not_required
from django.urls import path
from django.views.decorators.http import require_safe

from vigil.dossier import public_views
from vigil.public_cache.cache import public_page

urlpatterns = [
    path("<slug:slug>/", public_views.case_page, name="public_case"),
    path(
        "<slug:slug>/feed.atom",
        public_page(public_views.case_scope)(
            login_not_required(require_safe(public_views.CaseFeed()))
        ),
        name="public_feed",
    ),
    path("<slug:slug>/data/<str:dataset>.<str:fmt>", public_views.open_data, name="public_data"),
    path("materials/<int:pk>/<str:language>/", public_views.material_file, name="public_material"),
    path(
        "materials/<int:pk>/",
        public_views.material_version_link,
        name="public_material_version",
    ),
]
