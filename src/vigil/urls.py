from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path
from django.views.generic import RedirectView

from vigil.campaigns.views import events as campaign_events
from vigil.recognition import views as recognition_views

urlpatterns = [
    path("", RedirectView.as_view(pattern_name="cases:list"), name="home"),
    path("login/", auth_views.LoginView.as_view(), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("cases/", include("vigil.cases.urls")),
    path("cases/<slug:slug>/", include("vigil.evidence.urls")),
    path("cases/<slug:slug>/", include("vigil.law.urls")),
    path("cases/<slug:slug>/", include("vigil.recognition.urls")),
    path("actors/", recognition_views.actor_list, name="actors"),
    path("campaign/", include("vigil.campaigns.urls")),
    path("cases/<slug:slug>/", include("vigil.dossier.urls")),
    path("cases/<slug:slug>/", include("vigil.ingest.urls")),
    path("p/", include("vigil.dossier.public_urls")),
    path("events/<int:pk>/", campaign_events.public_event, name="public_event"),
    path("events.ics", campaign_events.ical_all, name="events_ical"),
    path("chapters/<int:pk>/events.ics", campaign_events.ical_chapter, name="chapter_ical"),
    path("admin/", admin.site.urls),
    path("i18n/", include("django.conf.urls.i18n")),
]
