from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path
from django.views.generic import RedirectView

from vigil.accounts import language_choice
from vigil.accounts import views as account_views
from vigil.api.api import urlpatterns as api_urlpatterns
from vigil.campaigns.views import events as campaign_events
from vigil.campaigns.views import rsvp as campaign_rsvp
from vigil.recognition import public_views as recognition_public
from vigil.recognition import views as recognition_views

urlpatterns = [
    path(
        "",
        RedirectView.as_view(pattern_name="cases:list", http_method_names=["get", "head"]),
        name="home",
    ),
    path("login/", auth_views.LoginView.as_view(), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("account/", include("vigil.accounts.urls")),
    path("account/", include("vigil.api.urls")),
    path("api/v1/", api_urlpatterns()),
    path("invite/<str:token>/", account_views.accept_invitation, name="accept_invitation"),
    path("pick/<str:model>/", account_views.pick, name="pick"),
    path(
        "password-reset/",
        auth_views.PasswordResetView.as_view(template_name="registration/reset_form.html"),
        name="password_reset",
    ),
    path(
        "password-reset/sent/",
        auth_views.PasswordResetDoneView.as_view(template_name="registration/reset_sent.html"),
        name="password_reset_done",
    ),
    path(
        "password-reset/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(
            template_name="registration/reset_confirm.html"
        ),
        name="password_reset_confirm",
    ),
    path(
        "password-reset/done/",
        auth_views.PasswordResetCompleteView.as_view(template_name="registration/reset_done.html"),
        name="password_reset_complete",
    ),
    path("cases/", include("vigil.dossier.case_urls")),
    path("cases/<slug:slug>/", include("vigil.evidence.urls")),
    path("cases/<slug:slug>/", include("vigil.law.urls")),
    path("cases/<slug:slug>/", include("vigil.recognition.urls")),
    path("actors/", recognition_views.actor_list, name="actors"),
    path("campaign/", include("vigil.campaigns.urls")),
    path("cases/<slug:slug>/", include("vigil.dossier.urls")),
    path("cases/<slug:slug>/", include("vigil.ingest.urls")),
    path(
        "map/world-<str:version>.svg",
        recognition_public.worldmap_shapes,
        name="worldmap_shapes",
    ),
    path("events.ics", campaign_events.ical_all, name="events_ical"),
    path("chapters/<int:pk>/events.ics", campaign_events.ical_chapter, name="chapter_ical"),
    path("admin/", admin.site.urls),
    # The language switch serves the public pages too.
    path("i18n/setlang/", language_choice.choose_language, name="set_language"),
]

# The public pages carry their language in their address ("/az/p/khojaly-1992/"), so a campaign
# can share a link in Urdu; English has none ("/p/khojaly-1992/").
# See vigil.accounts.language_choice.
urlpatterns += i18n_patterns(
    path("p/", include("vigil.dossier.public_urls")),
    path("events/<int:pk>/", campaign_rsvp.public_event, name="public_event"),
    path("events/<int:pk>/reply/<str:receipt>/", campaign_rsvp.public_reply, name="public_reply"),
    path("events/confirm/<str:token>/", campaign_rsvp.rsvp_confirm, name="rsvp_confirm"),
    prefix_default_language=False,
)

# A database that is only busy answers 503 with Retry-After; any other fault, the usual page.
handler400 = "vigil.ops.views.bad_request"
handler500 = "vigil.ops.views.server_error"
