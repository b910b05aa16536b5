"""Vigil serves the Urdu fonts itself, from Debian's files: no CDN, and a reader without Noto on
their machine still gets Nastaliq."""

from pathlib import Path

import pytest

from vigil.static_fonts import FONT_DIRECTORY, FONT_FILES

pytestmark = pytest.mark.skipif(
    not (FONT_DIRECTORY / FONT_FILES[0]).is_file(), reason="fonts-noto-core is not installed"
)


@pytest.mark.parametrize("name", FONT_FILES)
def test_each_urdu_font_is_served_as_a_static_file(client, name):
    response = client.get(f"/static/vigil/fonts/{name}")
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == (FONT_DIRECTORY / name).read_bytes()


def test_nothing_else_of_the_font_folder_is_served(client):
    others = sorted(p.name for p in FONT_DIRECTORY.glob("*.ttf") if p.name not in FONT_FILES)
    assert others, "the folder holds other fonts, which must stay unserved"
    assert client.get(f"/static/vigil/fonts/{others[0]}").status_code == 404


def test_the_stylesheet_names_the_served_files():
    css = (Path(__file__).parent.parent / "src/vigil/static/vigil/vigil.css").read_text()
    for name in FONT_FILES:
        assert f'url("fonts/{name}")' in css
