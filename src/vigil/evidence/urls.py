from django.urls import path

from vigil.evidence import views

app_name = "evidence"

urlpatterns = [
    path("sources/", views.source_list, name="sources"),
    path("sources/upload/", views.source_upload, name="source_upload"),
    path("sources/web/", views.source_web, name="source_web"),
    path("sources/choices.json", views.source_choices, name="source_choices"),
    path("sources/<int:pk>/", views.source_detail, name="source"),
    path("sources/<int:pk>/edit/", views.source_edit, name="source_edit"),
    path("sources/<int:pk>/file/", views.source_file, name="source_file"),
    path("sources/<int:pk>/text/", views.source_text_edit, name="source_text_edit"),
    path("sources/<int:pk>/ocr/", views.source_ocr, name="source_ocr"),
    path("sources/<int:pk>/ocr/retry/", views.source_ocr_retry, name="source_ocr_retry"),
    path("sources/<int:pk>/text/<int:version>/", views.source_version, name="source_version"),
    path("sources/<int:pk>/claims/new/", views.claim_add, name="claim_add"),
    path("claims/<int:pk>/", views.claim_detail, name="claim"),
    path("claims/<int:pk>/edit/", views.claim_edit, name="claim_edit"),
    path("claims/<int:pk>/review/", views.claim_review, name="claim_review"),
    path("review/", views.review_queue, name="review_queue"),
    path("figures/", views.figures, name="figures"),
    path("search/", views.search, name="search"),
]
