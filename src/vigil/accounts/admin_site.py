"""The back office is for administrators who have passed their second factor, and no one else."""

from django.contrib import admin
from django.contrib.admin.apps import AdminConfig

from vigil.accounts import permissions


class VigilAdminSite(admin.AdminSite):
    site_header = "Vigil back office"

    def has_permission(self, request):
        user = request.user
        return permissions.can_use_back_office(user) and user.is_verified()


class VigilAdminConfig(AdminConfig):
    default_site = "vigil.accounts.admin_site.VigilAdminSite"
