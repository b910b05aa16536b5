from django.contrib.auth import views as auth_views
from django.urls import path, reverse_lazy

from vigil.accounts import views

app_name = "accounts"
urlpatterns = [
    path("", views.security, name="security"),
    path("two-factor/setup/", views.two_factor_setup, name="two_factor_setup"),
    path("two-factor/", views.two_factor_verify, name="two_factor_verify"),
    path(
        "password/",
        auth_views.PasswordChangeView.as_view(
            success_url=reverse_lazy("accounts:security"),
            template_name="accounts/password_change.html",
        ),
        name="password_change",
    ),
    path("invitations/", views.invitation_list, name="invitations"),
    path("audit/", views.audit_log_page, name="audit_log"),
]
