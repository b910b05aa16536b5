from django.urls import path

from vigil.law import views

app_name = "law"

urlpatterns = [
    path("law/", views.crimes_compared, name="compare"),
    path("law/consider/", views.consider, name="consider"),
    path("law/claims/<int:pk>/", views.claim_links, name="claim_links"),
    path("law/links/<int:pk>/delete/", views.unlink, name="unlink"),
    path("law/<str:code>/", views.crime_matrix, name="matrix"),
    path("law/<str:code>/<int:number>/", views.element_evidence, name="element"),
]
