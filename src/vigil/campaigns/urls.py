from django.urls import path

from vigil.campaigns.views import events, outreach, people

app_name = "campaigns"

urlpatterns = [
    path("", people.dashboard, name="dashboard"),
    path("chapters/", people.chapter_list, name="chapters"),
    path("chapters/<int:pk>/", people.chapter_detail, name="chapter"),
    path("chapters/<int:pk>/edit/", people.chapter_edit, name="chapter_edit"),
    path(
        "chapters/<int:pk>/translations/<str:language>/",
        people.chapter_translate,
        name="chapter_translate",
    ),
    path("members/", people.member_list, name="members"),
    path("members/new/", people.member_add, name="member_add"),
    path("members/import/", people.member_import, name="member_import"),
    path("members/export.csv", people.member_list_export, name="member_list_export"),
    path("members/<int:pk>/", people.member_detail, name="member"),
    path("members/<int:pk>/edit/", people.member_edit, name="member_edit"),
    path("members/<int:pk>/export.json", people.member_export, name="member_export"),
    path("members/<int:pk>/erase/", people.member_erase, name="member_erase"),
    path("members/<int:pk>/consents/", people.consent_add, name="consent_add"),
    path("consents/<int:pk>/withdraw/", people.consent_withdraw, name="consent_withdraw"),
    path("events/", events.event_list, name="events"),
    path("events/new/", events.event_add, name="event_add"),
    path("events/<int:pk>/", events.event_detail, name="event"),
    path("events/<int:pk>/edit/", events.event_edit, name="event_edit"),
    path("events/<int:pk>/outcome/", events.event_outcome, name="event_outcome"),
    path(
        "events/<int:pk>/translations/<str:language>/",
        events.event_translate,
        name="event_translate",
    ),
    path("rsvps/<int:pk>/check-in/", events.rsvp_check_in, name="rsvp_check_in"),
    path("rsvps/<int:pk>/cancel/", events.rsvp_cancel, name="rsvp_cancel"),
    path("anniversary/<slug:slug>/", events.anniversary, name="anniversary"),
    path("contacts/", outreach.contact_list, name="contacts"),
    path("contacts/new/", outreach.contact_add, name="contact_add"),
    path("contacts/import/", outreach.contact_import, name="contact_import"),
    path("contacts/export.csv", outreach.contact_list_export, name="contact_list_export"),
    path("contacts/<int:pk>/", outreach.contact_detail, name="contact"),
    path("interactions/<int:pk>/done/", outreach.follow_up_done, name="follow_up_done"),
    path("tasks/", outreach.task_list, name="tasks"),
    path("tasks/<int:pk>/status/", outreach.task_status, name="task_status"),
    path("materials/", outreach.material_list, name="materials"),
    path("materials/<int:pk>/", outreach.material_detail, name="material"),
    path(
        "materials/versions/<int:pk>/approve/",
        outreach.material_version_approve,
        name="material_version_approve",
    ),
    path("materials/<int:pk>/publish/", outreach.material_publish, name="material_publish"),
]
