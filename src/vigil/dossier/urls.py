from django.urls import path

from vigil.dossier import publish_views, views

app_name = "dossier"

urlpatterns = [
    path("dossier/", views.dossier_page, name="page"),
    path("dossier/build/", views.build, name="build_new"),
    path("dossier/preview/", views.preview, name="preview"),
    path("dossier/builds/<int:pk>/", views.build_status, name="build"),
    path("dossier/builds/<int:pk>/download/", views.download, name="download"),
    path("publish/", publish_views.review, name="publish_review"),
    path("publish/<str:kind>/<int:pk>/", publish_views.publish_one, name="publish"),
    path("withdraw/<str:kind>/<int:pk>/", publish_views.withdraw_one, name="withdraw"),
]
