"""Importing rows from CSV with a report per row, the same way for every kind of record.

A file with any invalid row imports nothing unless `skip_invalid` is set, in which case the valid
rows are imported and the invalid ones reported. Validation happens for every row before anything
is written. The writing happens in short transactions of `vigil.database.BATCH_ROWS` rows, so a
long file never locks other people out of the database; should a batch fail (a row the database
refuses, a database busy for too long), that batch is undone, the rows before it stay imported,
and the report says where the import stopped.
"""

import csv
import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice

from django import forms
from django.core.exceptions import ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.db import DatabaseError, transaction
from django.http import StreamingHttpResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext, pgettext

from vigil.csv_safe import DictWriter, unguard
from vigil.database import batches
from vigil.text_input import strip_control_characters
from vigil.uploads import UploadField


@dataclass
class RowReport:
    line: int
    label: str
    errors: list[str] = field(default_factory=list)
    fields: dict = field(default_factory=dict)
    imported: bool = False


@dataclass
class ImportReport:
    rows: list[RowReport] = field(default_factory=list)
    file_error: str = ""
    stopped: str = ""  # set when writing stopped part-way: which line, and what stayed imported

    @property
    def invalid(self) -> list[RowReport]:
        return [row for row in self.rows if row.errors]

    @property
    def imported(self) -> int:
        return sum(row.imported for row in self.rows)

    @property
    def ok(self) -> bool:
        return not self.file_error and not self.invalid

    def summary(self) -> str:
        """ "12 rows read, 11 imported, 1 with errors.", each count with its language's plural."""
        read, invalid = len(self.rows), len(self.invalid)
        parts = {
            "read": ngettext("%(n)s row read", "%(n)s rows read", read) % {"n": read},
            "imported": ngettext("%(n)s imported", "%(n)s imported", self.imported)
            % {"n": self.imported},
            "invalid": ngettext("%(n)s with errors", "%(n)s with errors", invalid) % {"n": invalid},
        }
        # One message around the parts, so that each language punctuates the list its own way.
        return pgettext("the counts of an import", "%(read)s, %(imported)s, %(invalid)s.") % parts


def run_import(
    stream,
    *,
    required: set[str],
    validate: Callable[[int, dict, dict], RowReport],
    create: Callable[[dict], object],
    skip_invalid: bool = False,
) -> ImportReport:
    """`validate(line, row, seen)` returns a RowReport (`seen` is shared across rows, for
    duplicates within the file); `create(fields)` writes one valid row."""
    report = ImportReport()
    reader = csv.DictReader(stream)
    missing = required - set(reader.fieldnames or [])
    if missing:
        report.file_error = _("the file lacks the columns: %(columns)s") % {
            "columns": ", ".join(sorted(missing))
        }
        return report
    seen: dict = {}
    for line, row in enumerate(reader, start=2):
        cells = {k: unguard(strip_control_characters(v or "")).strip() for k, v in row.items() if k}
        report.rows.append(validate(line, cells, seen))
    if report.invalid and not skip_invalid:
        return report
    _write(report, create)
    return report


def _write(report: ImportReport, create: Callable[[dict], object]) -> None:
    """Write the valid rows, one transaction per batch, marking each row once its batch is
    committed; on a failure, mark the row that failed and stop."""
    for batch in batches(row for row in report.rows if not row.errors):
        current = batch[0]
        try:
            with transaction.atomic():
                for current in batch:
                    create(current.fields)
        except (ValidationError, DatabaseError) as error:
            reason = "; ".join(error.messages) if isinstance(error, ValidationError) else error
            current.errors.append(_("not written: %(reason)s") % {"reason": reason})
            report.stopped = _(
                "The import stopped at line %(line)s: %(imported)s rows before it were "
                "imported; that row and the rows after it were not."
            ) % {"line": current.line, "imported": report.imported}
            return
        for row in batch:
            row.imported = True


def choice(value: str, choices, what: str, errors: list[str]) -> str:
    """Normalise a choice written by a person ("Crime against humanity") to its stored value."""
    key = value.strip().lower().replace(" ", "_").replace("-", "_")
    if key not in choices.values:
        errors.append(
            _("unknown %(what)s %(value)r (one of: %(choices)s)")
            % {"what": what, "value": value, "choices": ", ".join(choices.values)}
        )
    return key


class ImportCommandMixin:
    """What every `vigil import-*` command does with a report: one line per row, a summary, and a
    non-zero exit when errors stopped the import."""

    def add_import_arguments(self, parser):
        from pathlib import Path

        parser.add_argument("file", type=Path)
        parser.add_argument(
            "--skip-invalid",
            action="store_true",
            help="import the valid rows and report the invalid ones",
        )

    def open_csv(self, path):
        from django.core.management.base import CommandError

        if not path.is_file():
            raise CommandError(_("no such file: %(path)s") % {"path": path})
        return path.open(encoding="utf-8-sig", newline="")

    def import_file(self, path, importer: Callable, label: str, skip_invalid: bool) -> None:
        """Run `importer(stream, skip_invalid=…)` on the CSV at `path` and report on it."""
        from django.core.management.base import CommandError

        from vigil.audit.log import acting_as

        try:
            with self.open_csv(path) as stream, acting_as(label=label):
                report = importer(stream, skip_invalid=skip_invalid)
        except UnicodeDecodeError:
            raise CommandError(
                _("%(path)s is not UTF-8 text; save it as CSV (UTF-8)") % {"path": path}
            ) from None
        self.finish(report, path, skip_invalid)

    def finish(self, report: ImportReport, path, skip_invalid: bool) -> None:
        from django.core.management.base import CommandError

        if report.file_error:
            raise CommandError(
                _("%(path)s: %(error)s") % {"path": path, "error": report.file_error}
            )
        for row in report.rows:
            where = {"line": row.line, "label": row.label}
            for error in row.errors:
                self.stdout.write(
                    _("line %(line)s (%(label)s): %(error)s") % {**where, "error": error}
                )
            if row.imported:
                self.stdout.write(_("line %(line)s (%(label)s): imported") % where)
        self.stdout.write(report.summary())
        if report.stopped:
            raise CommandError(report.stopped)
        if report.invalid and not skip_invalid:
            raise CommandError(_("nothing was imported: fix the errors or use --skip-invalid"))


class ImportForm(forms.Form):
    file = UploadField(label=gettext_lazy("CSV file"))
    skip_invalid = forms.BooleanField(
        required=False, label=gettext_lazy("Import the valid rows even if some rows have errors")
    )


def read_upload(form: ImportForm) -> str | None:
    """The uploaded CSV as text, or None after adding a clear error to the form."""
    raw = form.cleaned_data["file"].read()
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        form.add_error("file", gettext_lazy("The file is not UTF-8 text; save it as CSV (UTF-8)."))
        return None


# Rows read from the database per round trip by the exports (QuerySet.iterator's chunk_size).
EXPORT_CHUNK = 500


def in_chunks(queryset) -> Iterator[list]:
    """The records of `queryset` in lists of EXPORT_CHUNK, read a chunk per round trip (with the
    queryset's prefetches done per chunk): an export that needs a lookup per chunk (translations,
    say) makes it once a list, so its queries grow with the chunks, never with the rows."""
    records = queryset.iterator(chunk_size=EXPORT_CHUNK)
    while chunk := list(islice(records, EXPORT_CHUNK)):
        yield chunk


class _Echo:
    """A file whose write gives back the text written: each CSV line goes out as it is made."""

    def write(self, text: str) -> str:
        return text


def csv_download(rows: Iterable[dict], columns: list[str], filename: str):
    """`rows` as a CSV attachment in `columns` (every cell guarded, see vigil.csv_safe), sent line
    by line as `rows` yields them: pass a generator and neither memory nor the time to the first
    byte grows with the number of rows."""
    writer = DictWriter(_Echo(), fieldnames=columns)

    def lines():
        yield writer.writeheader()
        for row in rows:
            yield writer.writerow(row)

    response = StreamingHttpResponse(lines(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def json_parts(document: dict, key: str, rows: Iterable[dict]) -> Iterator[str]:
    """The text of `document` with `rows` as the list under `key` (the same object
    `json.dumps({**document, key: list(rows)})` gives), a row at a time, so that the whole list
    is never in memory: the list comes last, one row a line."""
    head = json.dumps(document, ensure_ascii=False, cls=DjangoJSONEncoder)
    yield (head[:-1] + ", " if document else "{") + json.dumps(key) + ": ["
    for number, row in enumerate(rows):
        line = json.dumps(row, ensure_ascii=False, cls=DjangoJSONEncoder)
        yield ("," if number else "") + "\n" + line
    yield "\n]}\n"


def json_download(document: dict, key: str, rows: Iterable[dict]):
    """`document` with `rows` as the list under `key`, as JSON sent row by row (see
    `json_parts`)."""
    return StreamingHttpResponse(json_parts(document, key, rows), content_type="application/json")
