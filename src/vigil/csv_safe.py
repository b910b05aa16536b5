"""Every CSV Vigil writes goes through these writers, so no cell can run as a spreadsheet formula.

A text cell that begins with `=`, `+`, `-`, `@`, a tab or a carriage return is what Excel,
LibreOffice and Google Sheets treat as a formula (`=HYPERLINK(…)`, `=cmd|' /C calc'!A0`). As
OWASP recommends, such a cell is written with a leading apostrophe, which spreadsheets show as
text and people can still read. The rule is reversible: `unguard` (which every CSV importer
applies) gives back the value exactly, and a value that itself began with apostrophes before
such a character keeps them.
"""

import csv
import re

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
# Apostrophes (possibly none) followed by a trigger: the values that gain one apostrophe.
_NEEDS_GUARD = re.compile(r"^'*[=+\-@\t\r]")


def guard(value):
    """The cell as written: text that a spreadsheet would run gets a leading apostrophe."""
    if isinstance(value, str) and _NEEDS_GUARD.match(value):
        return "'" + value
    return value


def unguard(value: str) -> str:
    """The value `guard` was given, from the cell it wrote (other text passes unchanged)."""
    if value.startswith("'") and _NEEDS_GUARD.match(value[1:]):
        return value[1:]
    return value


class Writer:
    """`csv.writer` that guards every cell."""

    def __init__(self, stream, **options):
        self._writer = csv.writer(stream, **options)

    def writerow(self, row):
        return self._writer.writerow([guard(value) for value in row])

    def writerows(self, rows):
        for row in rows:
            self.writerow(row)


class DictWriter(csv.DictWriter):
    """`csv.DictWriter` that guards every cell."""

    def writerow(self, rowdict):
        return super().writerow({key: guard(value) for key, value in rowdict.items()})

    def writerows(self, rowdicts):
        for rowdict in rowdicts:
            self.writerow(rowdict)
