from django.urls import path

from vigil.recognition import views

app_name = "recognition"

urlpatterns = [
    path("recognition/", views.overview, name="overview"),
    path("recognition/map.json", views.details_json, name="map_json"),
    path("recognition/acts/new/", views.act_add, name="act_add"),
    path("recognition/acts/<int:pk>/", views.act_detail, name="act"),
    path("recognition/acts/<int:pk>/edit/", views.act_edit, name="act_edit"),
    path(
        "recognition/acts/<int:pk>/translations/<str:language>/",
        views.act_translate,
        name="act_translate",
    ),
    path("recognition/pipeline/", views.pipeline, name="pipeline"),
    path("recognition/pipeline/add/", views.target_add, name="target_add"),
    path("recognition/targets/<int:pk>/", views.target_detail, name="target"),
    path("recognition/targets/<int:pk>/move/", views.target_move, name="target_move"),
    path("recognition/import/", views.import_acts, name="import"),
    path("recognition/export.csv", views.export_acts, {"fmt": "csv"}, name="export_csv"),
    path("recognition/export.json", views.export_acts, {"fmt": "json"}, name="export_json"),
]
