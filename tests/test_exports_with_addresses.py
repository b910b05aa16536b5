"""Every CSV and JSON export gives each record's id and address (issue #19, item 6), and a file
exported, corrected and imported again updates those records instead of adding them twice."""

import csv
import io
import json

import pytest
from django.core.management import call_command
from django.urls import reverse

from tests.conftest import body, signed_in
from vigil.campaigns.importers import import_contacts, import_members
from vigil.campaigns.models import Chapter, Contact, Member
from vigil.evidence.models import Claim, Source
from vigil.law.models import Element
from vigil.recognition.importer import import_recognitions
from vigil.recognition.models import RecognitionAct

pytestmark = pytest.mark.django_db

SITE = "http://testserver"


def csv_rows(response) -> list[dict]:
    assert response.status_code == 200
    return list(csv.DictReader(io.StringIO(body(response))))


def as_csv(rows: list[dict]) -> io.StringIO:
    stream = io.StringIO()
    writer = csv.DictWriter(stream, fieldnames=list(rows[0]))
    writer.writeheader()
    writer.writerows(rows)
    stream.seek(0)
    return stream


def command_output(*args) -> str:
    out = io.StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


# Open data --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("dataset", "model"),
    [("recognitions", RecognitionAct), ("figures", Claim), ("sources", Source)],
)
def test_every_open_data_row_names_its_record_and_address(client, published, dataset, model):
    address = reverse("public_data", args=[published.slug, dataset, "json"])
    rows = json.loads(body(client.get(address)))[dataset]
    assert rows
    for row in rows:
        record = model.objects.get(pk=row["id"], case=published)
        assert row["url"] == SITE + record.get_absolute_url()
    as_csv_rows = csv_rows(
        client.get(reverse("public_data", args=[published.slug, dataset, "csv"]))
    )
    assert [int(row["id"]) for row in as_csv_rows] == [row["id"] for row in rows]
    assert [row["url"] for row in as_csv_rows] == [row["url"] for row in rows]


def test_a_sources_web_address_is_its_own_column(client, published):
    rows = json.loads(
        body(client.get(reverse("public_data", args=[published.slug, "sources", "json"])))
    )
    for row in rows["sources"]:
        assert row["web_address"] == Source.objects.get(pk=row["id"]).url


# The command line: figures and the matrix ---------------------------------------------------------


def test_the_figures_command_gives_each_figures_claim_and_its_address(published, settings):
    settings.BASE_URL = "https://vigil.example.org"
    rows = list(
        csv.DictReader(io.StringIO(command_output("figures", published.slug, "--format=csv")))
    )
    assert rows
    for row in rows:
        claim = Claim.objects.get(pk=row["id"], case=published)
        assert row["url"] == "https://vigil.example.org" + claim.get_absolute_url()
        assert int(row["low"]) == claim.figure.low


def test_the_matrix_command_gives_each_elements_id_and_evidence_page(published, settings):
    settings.BASE_URL = "https://vigil.example.org"
    output = command_output("matrix", published.slug, "--crime=RS-6-a", "--format=json")
    elements = json.loads(output)["elements"]
    assert elements
    for row in elements:
        element = Element.objects.get(pk=row["id"])
        assert element.code == row["code"]
        page = reverse("law:element", args=[published.slug, "RS-6-a", element.number])
        assert row["url"] == "https://vigil.example.org" + page


# Recognitions: export, correct, import again ---------------------------------------------------


def test_recognitions_exported_and_imported_again_update_the_same_acts(alice, published):
    client = signed_in(alice, second_factor=False)
    rows = csv_rows(client.get(reverse("recognition:export_csv", args=[published.slug])))
    acts_before = RecognitionAct.objects.filter(case=published).count()
    assert [int(row["id"]) for row in rows] and all(row["url"].startswith(SITE) for row in rows)
    first = RecognitionAct.objects.get(pk=rows[0]["id"])
    sources_before = set(first.sources.values_list("pk", flat=True))
    rows[0]["wording"] = "the corrected words of the act"
    report = import_recognitions(published, as_csv(rows), user=alice)
    assert report.ok and report.imported == len(rows), [r.errors for r in report.rows]
    assert RecognitionAct.objects.filter(case=published).count() == acts_before
    first.refresh_from_db()
    assert first.wording == "the corrected words of the act"
    assert set(first.sources.values_list("pk", flat=True)) == sources_before


def test_a_row_found_by_its_address_alone_updates_that_act(alice, published):
    client = signed_in(alice, second_factor=False)
    rows = csv_rows(client.get(reverse("recognition:export_csv", args=[published.slug])))[:1]
    rows[0]["id"] = ""
    rows[0]["notes"] = "found by its address"
    report = import_recognitions(published, as_csv(rows), user=alice)
    assert report.ok, [r.errors for r in report.rows]
    act = RecognitionAct.objects.get(pk=int(rows[0]["url"].rstrip("/").rsplit("/", 1)[-1]))
    assert act.notes == "found by its address"


def test_a_row_naming_no_act_of_the_case_is_a_new_act_and_so_still_a_duplicate(alice, published):
    client = signed_in(alice, second_factor=False)
    rows = csv_rows(client.get(reverse("recognition:export_csv", args=[published.slug])))[:1]
    rows[0]["id"] = "999999"
    acts = RecognitionAct.objects.count()
    report = import_recognitions(published, as_csv(rows), user=alice)
    assert not report.ok and report.imported == 0 and RecognitionAct.objects.count() == acts
    assert report.rows[0].errors[0].startswith("duplicate of an existing act")


# Members and contacts ----------------------------------------------------------------------------


@pytest.fixture
def berlin(db):
    return Chapter.objects.create(name="Berlin chapter", city="Berlin", country_code="DEU")


@pytest.fixture
def carol(django_user_model, berlin):
    user = django_user_model.objects.create_user("carol")
    berlin.coordinators.add(user)
    return user


def test_members_exported_and_imported_again_update_the_same_members(carol, berlin):
    lark = Member.objects.create(display_name="Lark", legal_name="L. Hidden", email="l@example.org")
    lark.chapters.add(berlin)
    outsider = Member.objects.create(display_name="Elsewhere", email="e@example.org")
    rows = csv_rows(signed_in(carol).get(reverse("campaigns:member_list_export")))
    # Only the members whose personal data the coordinator may see.
    assert [int(row["id"]) for row in rows] == [lark.pk] and str(outsider.pk) not in str(rows)
    assert rows[0]["url"] == SITE + lark.get_absolute_url()
    assert (rows[0]["legal_name"], rows[0]["chapters"]) == ("L. Hidden", "Berlin chapter")
    rows[0]["skills"] = "translation"
    report = import_members(as_csv(rows))
    assert report.ok and report.imported == 1, [r.errors for r in report.rows]
    assert Member.objects.count() == 2
    lark.refresh_from_db()
    assert (lark.skills, lark.email, lark.legal_name) == (
        "translation",
        "l@example.org",
        "L. Hidden",
    )


def test_a_volunteer_may_not_export_members(django_user_model, berlin):
    volunteer = django_user_model.objects.create_user("victor")
    berlin.volunteers.add(volunteer)
    assert signed_in(volunteer).get(reverse("campaigns:member_list_export")).status_code == 403


def test_contacts_exported_and_imported_again_update_the_same_contacts(
    carol, berlin, administrator
):
    deputy = Contact.objects.create(
        name="A deputy", kind="parliamentarian", chapter=berlin, email="d@example.org"
    )
    elsewhere = Contact.objects.create(name="An editor", kind="journalist", email="x@example.org")
    rows = csv_rows(signed_in(carol).get(reverse("campaigns:contact_list_export")))
    by_id = {int(row["id"]): row for row in rows}
    assert set(by_id) == {deputy.pk, elsewhere.pk}
    assert by_id[deputy.pk]["url"] == SITE + deputy.get_absolute_url()
    # The coordinator sees the e-mail of their chapter's contact only.
    assert (by_id[deputy.pk]["email"], by_id[elsewhere.pk]["email"]) == ("d@example.org", "")
    by_id[deputy.pk]["role"] = "Chair of the foreign affairs committee"
    by_id[elsewhere.pk]["notes"] = "Covers the region"
    report = import_contacts(as_csv(rows))
    assert report.ok and report.imported == 2, [r.errors for r in report.rows]
    assert Contact.objects.count() == 2
    deputy.refresh_from_db()
    elsewhere.refresh_from_db()
    assert deputy.role == "Chair of the foreign affairs committee"
    # An e-mail the export left empty (not the exporter's to see) is kept.
    assert (elsewhere.notes, elsewhere.email) == ("Covers the region", "x@example.org")


def test_a_contact_row_without_an_id_is_still_a_duplicate_by_name(administrator):
    Contact.objects.create(name="A deputy", kind="parliamentarian")
    rows = csv_rows(signed_in(administrator).get(reverse("campaigns:contact_list_export")))
    rows[0]["id"] = rows[0]["url"] = ""
    report = import_contacts(as_csv(rows))
    assert not report.ok and Contact.objects.count() == 1


def test_the_exports_of_acts_members_and_contacts_are_streamed(administrator_client, case):
    # Sent as the rows are read, so neither memory nor the first byte waits for every row.
    for url in (
        reverse("recognition:export_csv", args=[case.slug]),
        reverse("recognition:export_json", args=[case.slug]),
        reverse("campaigns:member_list_export"),
        reverse("campaigns:contact_list_export"),
    ):
        response = administrator_client.get(url)
        assert response.status_code == 200 and response.streaming, url


def test_an_address_of_another_kind_of_record_names_none(administrator, berlin):
    member = Member.objects.create(display_name="Lark")
    deputy = Contact.objects.create(name="A deputy", kind="parliamentarian", chapter=berlin)
    rows = csv_rows(signed_in(administrator).get(reverse("campaigns:contact_list_export")))
    rows[0]["id"] = ""
    rows[0]["url"] = SITE + member.get_absolute_url()  # a member's address, not a contact's
    rows[0]["name"] = "Renamed"
    report = import_contacts(as_csv(rows))
    assert not report.ok and report.imported == 0
    assert "is not the address of a record of this kind" in report.rows[0].errors[0]
    deputy.refresh_from_db()
    assert deputy.name == "A deputy"
