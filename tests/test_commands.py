import csv
import io

import pytest
from django.core.management import CommandError, call_command

from tests.evidence.test_claims import figure_claim

pytestmark = pytest.mark.django_db


def test_figures_csv_has_one_row_per_figure_with_its_source(source, capsys):
    figure_claim(source, 161, None, status="verified")
    call_command("figures", source.case.slug, "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert rows[0]["display"] == "≥ 161"
    assert rows[0]["source"] == source.title
    assert rows[0]["locator"] == "p. 2"


def test_figures_names_an_unknown_case():
    with pytest.raises(CommandError, match="no case with the short name 'nope'"):
        call_command("figures", "nope")


def test_demo_user_prints_its_credentials_and_keeps_a_changed_password(db, capsys, monkeypatch):
    from django.contrib.auth import get_user_model

    monkeypatch.setenv("VIGIL_DEMO_USER", "tester")
    monkeypatch.setenv("VIGIL_DEMO_PASSWORD", "a-long-demo-password")
    call_command("demo_user")
    assert "user 'tester', password 'a-long-demo-password'" in capsys.readouterr().out
    user = get_user_model().objects.get(username="tester")
    assert user.check_password("a-long-demo-password")
