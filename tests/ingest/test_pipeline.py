"""From files to sources with candidates; bad inputs refused by name, nothing half-stored."""

import io
import zipfile

import docx
import pytest

from tests.evidence.test_text import make_pdf
from vigil.evidence.models import ArchivedFile, Source
from vigil.ingest import collect, pipeline
from vigil.ingest.models import Candidate, IngestJob

pytestmark = pytest.mark.django_db

REPORT = (
    b"On 26 February 1992, 613 residents of Khojaly were killed, according to the "
    b"report. Article 6 of the Rome Statute defines genocide. Pakistan raised it at the OIC."
)


def ingest(case, tmp_path, files: dict[str, bytes]):
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    job = IngestJob.objects.create(case=case)
    return pipeline.run(job, collect.gather(sorted(tmp_path.iterdir())))


def outcomes(job):
    return {
        line["name"].rsplit("/", 1)[-1]: (line["outcome"], line["reason"]) for line in job.report
    }


def test_a_document_becomes_a_source_with_its_candidates(case, tmp_path):
    job = ingest(case, tmp_path, {"report.txt": REPORT})
    source = Source.objects.get()
    assert (job.stored, job.candidates) == (1, source.candidates.count())
    kinds = set(source.candidates.values_list("kind", flat=True))
    assert kinds == {"date", "figure", "legal_ref", "country", "organization"}
    assert source.language == "en" and source.access_level == "restricted"
    for candidate in source.candidates.all():
        assert source.text[candidate.start : candidate.end] == candidate.text


def test_the_same_bytes_again_are_a_no_op_that_says_so(case, tmp_path):
    ingest(case, tmp_path, {"report.txt": REPORT})
    candidates = Candidate.objects.count()
    again = pipeline.run(
        IngestJob.objects.create(case=case), collect.gather([tmp_path / "report.txt"])
    )
    assert (again.stored, again.already_present, again.candidates) == (0, 1, 0)
    assert "already in the archive" in again.report[0]["reason"]
    assert Source.objects.count() == 1 and Candidate.objects.count() == candidates


def test_pdf_docx_and_html_are_read(case, tmp_path):
    document = docx.Document()
    document.add_paragraph("On 11 July 1995 more than 8,000 men were killed.")
    buffer = io.BytesIO()
    document.save(buffer)
    html = (
        b"<html><head><script>var x = '613 killed';</script></head><body><nav>Home</nav>"
        b"<article><p>"
        + b"In 1993 the Security Council met. " * 5
        + b"</p></article></body></html>"
    )
    job = ingest(
        case,
        tmp_path,
        {
            "a.pdf": make_pdf("Over 700 civilians were taken hostage"),
            "b.docx": buffer.getvalue(),
            "c.html": html,
        },
    )
    assert job.stored == 3
    texts = {s.title: s.text for s in Source.objects.all()}
    assert "8,000 men were killed" in texts["b"]
    assert "var x" not in texts["c"]
    assert Candidate.objects.filter(source__title="a", kind="figure").exists()


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("empty.txt", b"", "is empty"),
        ("blob.txt", b"\x00\x01\x02\x03" * 50, "binary data"),
        ("broken.pdf", b"%PDF-1.4 not really", "damaged PDF"),
        ("fake.docx", b"not a zip", "not a Word document"),
        ("program.exe", b"MZ", "not accepted"),
    ],
)
def test_bad_files_are_refused_by_name_and_nothing_is_stored(case, tmp_path, name, data, reason):
    job = ingest(case, tmp_path, {name: data})
    outcome, message = outcomes(job)[name]
    assert outcome == "refused" and reason in message and name in message
    assert not Source.objects.exists() and not ArchivedFile.objects.exists()


def test_an_encrypted_pdf_is_refused(case, tmp_path):
    job = ingest(case, tmp_path, {"locked.pdf": make_pdf("secret", password="pw")})
    assert "encrypted" in outcomes(job)["locked.pdf"][1]


def test_a_file_over_the_limit_is_refused(case, tmp_path, settings):
    settings.MAX_UPLOAD_MB = 1
    job = ingest(case, tmp_path, {"big.txt": b"a" * (1024 * 1024 + 10)})
    assert "larger than the limit" in outcomes(job)["big.txt"][1]


def make_zip(entries: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def test_a_zip_is_unpacked_and_paths_that_escape_are_refused(case, tmp_path):
    bundle = make_zip(
        {
            "one.txt": REPORT,
            "sub/two.txt": b"In 1994 800,000 people were killed.",
            "../evil.txt": b"escape",
            "inner.zip": b"PK",
            "notes.exe": b"MZ",
        }
    )
    job = ingest(case, tmp_path, {"bundle.zip": bundle})
    result = outcomes(job)
    assert result["one.txt"][0] == "stored" and result["two.txt"][0] == "stored"
    assert "leaves the archive" in result["evil.txt"][1]
    assert "archives inside archives" in result["inner.zip"][1]
    assert "not accepted" in result["notes.exe"][1]
    assert not (tmp_path.parent / "evil.txt").exists()


def test_a_zip_bomb_is_refused(case, tmp_path, settings):
    settings.INGEST_MAX_TOTAL_MB = 5
    bomb = make_zip({"bomb.txt": b"0" * (20 * 1024 * 1024)})
    job = ingest(case, tmp_path, {"bomb.zip": bomb})
    assert job.refused == 1 and "more than 5 MB" in job.report[0]["reason"]
    assert not Source.objects.exists()


def test_a_highly_compressed_member_is_refused(case, tmp_path):
    bomb = make_zip({"bomb.txt": b"0" * (3 * 1024 * 1024)})
    job = ingest(case, tmp_path, {"bomb.zip": bomb})
    assert "zip bomb" in job.report[0]["reason"]


def test_too_many_files_in_a_zip_are_refused(case, tmp_path, settings):
    settings.INGEST_MAX_FILES = 2
    job = ingest(case, tmp_path, {"many.zip": make_zip({f"{i}.txt": b"x" for i in range(3)})})
    assert "holds 3 files; the limit is 2" in job.report[0]["reason"]


def test_normalisation_joins_hyphenated_words_and_spaces():
    from vigil.evidence.text import normalise

    assert normalise("geno-\ncide  was   com-\nmitted\u00a0here\r\n\r\n\r\n\r\nEnd") == (
        "genocide was committed here\n\nEnd"
    )


def _corrupt_crc(bundle: bytes, name: str) -> bytes:
    """The same zip with the stored CRC of `name` changed in both headers: its bytes no longer
    match, as after a bad download."""
    with zipfile.ZipFile(io.BytesIO(bundle)) as archive:
        crc = archive.getinfo(name).CRC.to_bytes(4, "little")
    wrong = (int.from_bytes(crc, "little") ^ 0xFFFFFFFF).to_bytes(4, "little")
    assert bundle.count(crc) == 2  # the local header and the central directory
    return bundle.replace(crc, wrong)


def test_a_damaged_zip_member_is_refused_alone_and_the_others_are_stored(case, tmp_path):
    bundle = make_zip({"good.txt": REPORT, "bad.txt": b"In 1994 800,000 people were killed."})
    job = ingest(case, tmp_path, {"bundle.zip": _corrupt_crc(bundle, "bad.txt")})
    result = outcomes(job)
    assert job.status == "done"
    assert result["good.txt"][0] == "stored"
    assert result["bad.txt"][0] == "refused" and "damaged" in result["bad.txt"][1]
    assert Source.objects.count() == 1


def numbered_documents(count: int):
    for number in range(count):
        text = f"Report {number}: on 26 February 1992, {number + 10} residents were killed."
        yield collect.Document(f"report-{number}.txt", text.encode())


def test_a_long_run_does_not_rewrite_its_growing_report_after_every_document(case):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    job = IngestJob.objects.create(case=case)
    with CaptureQueriesContext(connection) as queries:
        pipeline.run(job, numbered_documents(60))
    report_saves = [
        q
        for q in queries
        if q["sql"].startswith('UPDATE "ingest_ingestjob"') and '"report"' in q["sql"]
    ]
    assert len(report_saves) <= 60 // pipeline.REPORT_EVERY + 2
    job.refresh_from_db()
    assert (job.processed, len(job.report)) == (60, 60)


def test_a_run_that_fails_half_way_keeps_the_report_of_what_it_did(case):
    def failing():
        yield from numbered_documents(30)
        raise OSError("the disk went away")

    job = IngestJob.objects.create(case=case)
    with pytest.raises(OSError):
        pipeline.run(job, failing())
    job.refresh_from_db()
    assert (job.processed, len(job.report), job.stored) == (30, 30, 30)


def test_an_upload_and_an_ingested_file_keep_the_same_tidied_text(case, tmp_path):
    """One text pipeline (evidence/text.py): a source added by hand and the same file ingested
    in another case are stored with the same text, tidied the same way."""
    from vigil.cases.models import Case
    from vigil.evidence import services

    messy = "Geno-\ncide  was\u00a0 com-\nmitted\r\n\r\n\r\n\r\nat   Khojaly.\u00ad\n".encode()
    uploaded = services.add_source_from_bytes(
        case, data=messy, filename="notes.txt", metadata={"kind": "report", "title": "Notes"}
    ).source
    other = Case.objects.create(slug="other-case", title="Other case", place="Elsewhere")
    ingest(other, tmp_path, {"notes.txt": messy})
    ingested = Source.objects.get(case=other)

    assert uploaded.text == ingested.text == "Genocide was committed\n\nat Khojaly."
    assert uploaded.working_copies.get().tool == ingested.working_copies.get().tool
