"""A recognition act's wording in the reader's language: on the act's page, the public page, its
feed, the map's details and the open-data JSON, the translation where one exists (said to be one)
and otherwise the quoted original with a note; the CSV keeps the original and names its language."""

import csv
import io
import json

import pytest
from django.conf import settings
from django.urls import reverse

from tests.conftest import body
from tests.recognition.conftest import act, state
from vigil.recognition.models import RecognitionAct
from vigil.recognition.translations import act_texts, save_act_translation

pytestmark = pytest.mark.django_db

ORIGINAL = "the genocide committed in the town"
AZ = "şəhərdə törədilmiş soyqırım"


@pytest.fixture
def public_act(published):
    return RecognitionAct.objects.get(case=published, wording=ORIGINAL)


def test_the_public_page_shows_the_reader_s_translation_and_says_it_is_one(client, public_act):
    save_act_translation(public_act, language="az", wording=AZ)
    page = client.get(f"/az/p/{public_act.case.slug}/").content.decode()
    assert f'<span lang="az" dir="ltr">“{AZ}”</span>' in page
    assert ORIGINAL not in page
    assert 'class="translation-note"' in page


def test_without_a_translation_the_public_page_quotes_the_original_and_says_so(client, public_act):
    page = client.get(f"/ur/p/{public_act.case.slug}/").content.decode()
    # The English words keep their own language and direction inside an Urdu page.
    assert f'<span lang="en" dir="ltr">“{ORIGINAL}”</span>' in page
    assert page.count('class="translation-note"') >= 2  # the case's summary and the act


def test_a_new_act_translation_shows_at_once_on_the_cached_public_page(client, public_act):
    url = f"/az/p/{public_act.case.slug}/"
    assert AZ not in client.get(url).content.decode()
    save_act_translation(public_act, language="az", wording=AZ)
    assert AZ in client.get(url).content.decode()


def test_the_open_data_json_is_in_the_reader_s_language_and_the_csv_keeps_the_original(
    client, public_act
):
    save_act_translation(public_act, language="az", wording=AZ)
    slug = public_act.case.slug
    rows = json.loads(body(client.get(f"/az/p/{slug}/data/recognitions.json")))["recognitions"]
    assert (rows[0]["wording"], rows[0]["wording_language"]) == (AZ, "az")
    assert rows[0]["original_language"] == "en"
    english = json.loads(body(client.get(f"/p/{slug}/data/recognitions.json")))["recognitions"]
    assert (english[0]["wording"], english[0]["wording_language"]) == (ORIGINAL, "en")
    response = client.get(f"/az/p/{slug}/data/recognitions.csv")
    row = next(csv.DictReader(io.StringIO(body(response))))
    assert (row["wording"], row["original_language"]) == (ORIGINAL, "en")


def test_the_feed_gives_the_reader_s_wording(client, public_act):
    save_act_translation(public_act, language="az", wording=AZ)
    assert AZ in client.get(f"/az/p/{public_act.case.slug}/feed.atom").content.decode()


def test_the_act_page_shows_the_reader_s_translation(alice_client, public_act):
    save_act_translation(public_act, language="az", wording=AZ)
    alice_client.cookies[settings.LANGUAGE_COOKIE_NAME] = "az"
    page = alice_client.get(public_act.get_absolute_url()).content.decode()
    assert f'<blockquote class="statement" lang="az" dir="ltr">{AZ}</blockquote>' in page
    assert 'class="translation-note"' in page


def test_the_map_details_give_the_wording_in_the_reader_s_language_with_its_note(
    alice_client, case, states
):
    pakistan = act(case, state("PAK"))
    save_act_translation(pakistan, language="ru", wording="совершённый геноцид")
    act(case, state("PAK"), "massacre")
    url = reverse("recognition:map_json", args=[case.slug])
    alice_client.cookies[settings.LANGUAGE_COOKIE_NAME] = "ru"
    acts = alice_client.get(url, {"country": "PAK"}).json()["acts"]
    by_wording = {a["wording"]: a for a in acts}
    assert by_wording["совершённый геноцид"]["wording_language"] == "ru"
    untranslated = by_wording["quoted words"]
    assert (untranslated["wording_language"], untranslated["wording_direction"]) == ("en", "ltr")
    assert untranslated["wording_note"]  # the page says the words are not yet translated
    assert untranslated["wording_note"] != by_wording["совершённый геноцид"]["wording_note"]


def test_the_wordings_of_many_acts_take_one_query(case, states, django_assert_num_queries):
    acts = [act(case, state(code)) for code in ("PAK", "FRA", "TUR")]
    save_act_translation(acts[0], language="tr", wording="soykırım")
    with django_assert_num_queries(1):
        texts = act_texts(acts, "tr")
    assert texts[acts[0].pk].wording == "soykırım" and texts[acts[0].pk].is_translation
    assert texts[acts[1].pk].not_yet_in == "tr" and texts[acts[1].pk].wording == "quoted words"
    with pytest.raises(ValueError):
        save_act_translation(acts[0], language="en", wording="x")


@pytest.fixture
def translator(django_user_model, published):
    """A viewer of the case given the translator's permission, and nothing else."""
    from django.contrib.auth.models import Permission

    from tests.personas import give_role
    from vigil.cases.models import CaseMembership

    user = django_user_model.objects.create_user("tamar", password="x")
    give_role(user, published, CaseMembership.Role.VIEWER)
    user.user_permissions.add(Permission.objects.get(codename="translate_act"))
    return user


def test_a_translator_translates_an_act_s_wording_and_changes_no_evidence(translator, public_act):
    from django.test import Client

    client = Client()
    client.force_login(translator)
    address = f"/cases/{public_act.case.slug}/recognition/acts/{public_act.pk}/translations/tr/"
    assert ORIGINAL in client.get(address).content.decode()  # beside the original
    assert client.post(address, {"wording": "kasabada işlenen soykırım"}).status_code == 302
    assert act_texts([public_act], "tr")[public_act.pk].wording == "kasabada işlenen soykırım"
    public_act.refresh_from_db()
    assert public_act.wording == ORIGINAL  # the quoted original stays the record
    edit = f"/cases/{public_act.case.slug}/recognition/acts/{public_act.pk}/edit/"
    assert client.get(edit).status_code == 403


def test_a_viewer_without_the_permission_may_not_translate_an_act(bob_client, public_act):
    address = f"/cases/{public_act.case.slug}/recognition/acts/{public_act.pk}/translations/tr/"
    assert bob_client.post(address, {"wording": "x"}).status_code == 403
    assert not public_act.translations.exists()


def test_the_act_page_offers_each_language_but_the_original(alice_client, public_act):
    save_act_translation(public_act, language="ru", wording="геноцид")
    page = alice_client.get(public_act.get_absolute_url()).content.decode()
    base = f"/cases/{public_act.case.slug}/recognition/acts/{public_act.pk}/translations/"
    for code in ("az", "ur", "ru", "tr"):
        assert f'href="{base}{code}/"' in page
    assert f'href="{base}en/"' not in page
    assert alice_client.get(f"{base}en/").status_code == 404
