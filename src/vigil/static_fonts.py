"""The Urdu fonts, served by Vigil itself as static files (`vigil/fonts/<file>`) from where
Debian's fonts-noto-core puts them (scripts/system-deps.sh installs it): pages in Urdu need no
font from a CDN, and a reader without Noto on their machine gets Nastaliq all the same."""

from pathlib import Path

from django.contrib.staticfiles.finders import BaseFinder
from django.core.checks import Warning as CheckWarning
from django.core.files.storage import FileSystemStorage

FONT_DIRECTORY = Path("/usr/share/fonts/truetype/noto")
FONT_FILES = (
    "NotoNastaliqUrdu-Regular.ttf",
    "NotoNastaliqUrdu-Bold.ttf",
    "NotoNaskhArabic-Regular.ttf",
    "NotoNaskhArabic-Bold.ttf",
)
PREFIX = "vigil/fonts"


class UrduFontFinder(BaseFinder):
    """A static files finder for the four font files above, and nothing else of the folder."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.storage = FileSystemStorage(location=FONT_DIRECTORY)
        self.storage.prefix = PREFIX  # WhiteNoise and collectstatic place the files under it

    def _present(self):
        return [name for name in FONT_FILES if (FONT_DIRECTORY / name).is_file()]

    def check(self, **kwargs):
        if self._present():
            return []
        return [
            CheckWarning(
                "The Urdu fonts are not installed: pages in Urdu fall back to the reader's fonts.",
                hint="Run scripts/system-deps.sh (Debian's fonts-noto-core).",
                id="vigil.W010",
            )
        ]

    def find(self, path, find_all=False, **kwargs):
        find_all = find_all or kwargs.get("all", False)
        folder, _slash, name = path.rpartition("/")
        found = [str(FONT_DIRECTORY / name)] if folder == PREFIX and name in self._present() else []
        return found if find_all else (found[0] if found else None)

    def list(self, ignore_patterns):
        for name in self._present():
            yield name, self.storage
