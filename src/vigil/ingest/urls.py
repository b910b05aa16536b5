from django.urls import path

from vigil.ingest import views

app_name = "ingest"

urlpatterns = [
    path("ingest/", views.ingest_page, name="page"),
    path("ingest/jobs/<int:pk>/", views.job_status, name="job"),
    path("ingest/sources/<int:pk>/", views.source_review, name="review"),
    path("ingest/sources/<int:pk>/accept-kind/", views.accept_kind, name="accept_kind"),
    path("ingest/candidates/<int:pk>/accept/", views.accept, name="accept"),
    path("ingest/candidates/<int:pk>/reject/", views.reject, name="reject"),
]
