import io

import pytest
from pypdf import PdfWriter

from vigil.evidence.text import PDF, UnreadableDocument, extract_text, media_type_for


def make_pdf(text: str | None = None, password: str | None = None) -> bytes:
    """A real one-page PDF; with text, drawn in the standard Helvetica font."""
    writer = PdfWriter()
    page = writer.add_blank_page(width=300, height=200)
    if text:
        from pypdf.generic import DecodedStreamObject, DictionaryObject, NameObject

        font = DictionaryObject(
            {
                NameObject("/Type"): NameObject("/Font"),
                NameObject("/Subtype"): NameObject("/Type1"),
                NameObject("/BaseFont"): NameObject("/Helvetica"),
            }
        )
        page[NameObject("/Resources")] = DictionaryObject(
            {NameObject("/Font"): DictionaryObject({NameObject("/F1"): writer._add_object(font)})}
        )
        stream = DecodedStreamObject()
        stream.set_data(f"BT /F1 12 Tf 20 100 Td ({text}) Tj ET".encode())
        page[NameObject("/Contents")] = writer._add_object(stream)
    if password:
        writer.encrypt(password)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_it_reads_the_text_layer_of_a_pdf():
    assert "613 residents" in extract_text(make_pdf("613 residents"), PDF, "r.pdf")


def test_it_refuses_an_encrypted_pdf_by_name():
    with pytest.raises(UnreadableDocument, match=r"locked\.pdf is an encrypted PDF"):
        extract_text(make_pdf("secret", password="pw"), PDF, "locked.pdf")


def test_it_refuses_a_damaged_pdf():
    with pytest.raises(UnreadableDocument, match="damaged"):
        extract_text(b"%PDF-1.7\n garbage that is not a pdf", PDF, "broken.pdf")


def test_it_refuses_a_pdf_without_text():
    with pytest.raises(UnreadableDocument, match="no readable text"):
        extract_text(make_pdf(), PDF, "scan.pdf")


def test_it_refuses_a_file_named_pdf_that_is_not():
    with pytest.raises(UnreadableDocument, match="not a PDF"):
        media_type_for("report.pdf", b"hello")


def test_it_refuses_other_types():
    with pytest.raises(UnreadableDocument, match="not accepted"):
        media_type_for("program.exe", b"MZ...")


def test_it_refuses_binary_data_named_txt():
    with pytest.raises(UnreadableDocument, match="binary"):
        extract_text(b"\x00\x01\x02\x03PK\x00\x00" * 50, "text/plain", "data.txt")


def test_it_refuses_an_empty_file():
    with pytest.raises(UnreadableDocument, match="empty"):
        extract_text(b"", "text/plain", "nothing.txt")


TURKISH = (
    "Xocalı şəhərindən qaçan sakinlər Ağdama doğru getdilər. Şahitlər gecənin soyuğunu, "
    "yolların çətinliyini və itkin düşənləri xatırlayırlar. Güzel ağaçlar, öğrenciler, "
    "çocuklar ve yaşlılar şehirden ayrıldı; ölüm ve göç üzerine tanıklıklar toplandı."
)
FRENCH = (
    "Les réfugiés ont fui vers Agdam pendant la nuit. Les témoignages recueillis en février "
    "décrivent des familles séparées, des blessés soignés à l'hôpital et des disparus dont "
    "on n'a jamais retrouvé la trace. Le rapport précise que les chiffres restent contestés."
)


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        (TURKISH, "utf-8"),
        (TURKISH, "utf-16"),
        (FRENCH, "cp1252"),
        (FRENCH, "latin-1"),
        (TURKISH.replace("ə", "e").replace("Ə", "E"), "iso-8859-9"),
    ],
)
def test_it_reads_text_in_common_encodings(text, encoding):
    assert extract_text(text.encode(encoding), "text/plain", "t.txt") == text


def test_it_keeps_the_main_text_of_a_web_page_without_its_chrome():
    page = (
        "<html><head><script>alert('x')</script><title>T</title></head><body>"
        "<nav>Home | About | Donate</nav>"
        "<article><h1>Report</h1><p>"
        + "Witnesses described the night of 25 to 26 February 1992. " * 8
        + "</p></article><footer>Copyright footer text</footer></body></html>"
    ).encode()
    text = extract_text(page, "text/html", "page.html")
    assert "Witnesses described the night" in text
    assert "alert" not in text
    assert "Donate" not in text
