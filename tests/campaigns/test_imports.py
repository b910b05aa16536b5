import io

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from vigil.campaigns.importers import import_contacts, import_members
from vigil.campaigns.models import Contact, Member

pytestmark = pytest.mark.django_db


def csv_of(header, *rows):
    return io.StringIO("\n".join([header, *rows]) + "\n")


MEMBERS = "display_name,pseudonymous,legal_name,email,phone,chapters,languages"
CONTACTS = "name,kind,role,organisation,email,country,actor,chapter"


def test_members_import_with_chapters_and_pseudonyms(chapter):
    report = import_members(
        csv_of(MEMBERS, "Nightingale,yes,Leyla S,leyla@example.org,,Berlin chapter,en")
    )
    assert report.ok and report.imported == 1
    member = Member.objects.get()
    assert member.is_pseudonymous and list(member.chapters.all()) == [chapter]


@pytest.mark.parametrize(
    ("row", "message"),
    [
        (",no,,a@example.org,,,", "no name shown"),
        ("A,no,,not-an-email,,,", "malformed email 'not-an-email'"),
        ("A,no,,a@example.org,,Atlantis chapter,", "unknown chapter 'Atlantis chapter'"),
    ],
)
def test_bad_member_rows_are_reported_and_nothing_imported(chapter, row, message):
    report = import_members(csv_of(MEMBERS, "Good,no,,good@example.org,,,", row))
    assert any(message in e for e in report.rows[1].errors)
    assert not Member.objects.exists()


def test_a_member_email_already_known_or_repeated_is_a_duplicate(chapter):
    Member.objects.create(display_name="Old", email="old@example.org")
    report = import_members(
        csv_of(
            MEMBERS, "A,no,,old@example.org,,,", "B,no,,b@example.org,,,", "C,no,,b@example.org,,,"
        )
    )
    assert "already exists" in report.rows[0].errors[0]
    assert report.rows[2].errors == ["duplicate of row 3 in this file"]


def test_contacts_import_linked_to_actors(chapter, states):
    report = import_contacts(
        csv_of(CONTACTS, "A. Deputy,parliamentarian,MP,Bundestag,,DEU,DEU,Berlin chapter")
    )
    assert report.ok
    contact = Contact.objects.get()
    assert contact.actor.country_code == "DEU" and contact.chapter == chapter


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ("X,astronaut,,,,,,", "unknown kind 'astronaut'"),
        ("X,journalist,,,bad@,,,", "malformed email"),
        ("X,journalist,,,,XYZ,,", "unknown country code 'XYZ'"),
        ("X,journalist,,,,,Nowhere Council,", "unknown actor 'Nowhere Council'"),
    ],
)
def test_bad_contact_rows_are_reported(states, row, message):
    report = import_contacts(csv_of(CONTACTS, row))
    assert any(message in e for e in report.rows[0].errors), report.rows[0].errors
    assert not Contact.objects.exists()


def test_the_commands_exit_non_zero_unless_skip_invalid(chapter, tmp_path, capsys):
    path = tmp_path / "members.csv"
    path.write_text(csv_of(MEMBERS, "A,no,,a@example.org,,,", "B,no,,bad,,,").getvalue())
    with pytest.raises(CommandError, match="nothing was imported"):
        call_command("import_members", str(path))
    assert "line 3 (B): malformed email 'bad'" in capsys.readouterr().out
    call_command("import_members", str(path), "--skip-invalid")
    assert Member.objects.count() == 1
    with pytest.raises(CommandError, match="no such file"):
        call_command("import_contacts", str(tmp_path / "missing.csv"))


def test_the_web_import_shows_the_report(administrator_client, chapter):
    from django.core.files.uploadedfile import SimpleUploadedFile

    upload = SimpleUploadedFile("m.csv", f"{MEMBERS}\nA,no,,bad,,,\n".encode())
    page = administrator_client.post(
        reverse("campaigns:member_import"), {"file": upload}
    ).content.decode()
    assert "malformed email" in page and "Nothing was imported." in page
