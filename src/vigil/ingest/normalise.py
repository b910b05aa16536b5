"""Text normalisation before extraction, and language detection."""

import re
import unicodedata

import py3langid

from vigil.text_input import KEPT, PAGE_BREAK, strip_control_characters

# "geno-\ncide" → "genocide"; a hyphen at a line end between two lower-case letters.
LINE_END_HYPHEN = re.compile(r"(?<=[a-zà-ÿ])-\n(?=[a-zà-ÿ])")
SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
BLANK_LINES = re.compile(r"\n{3,}")


def normalise(text: str) -> str:
    """NFC Unicode, no control characters but line ends, tabs and page breaks, no hyphenation at
    line ends, single spaces, at most one blank line."""
    text = strip_control_characters(text, keep=KEPT + PAGE_BREAK)
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\u00ad", "")  # soft hyphens
    text = LINE_END_HYPHEN.sub("", text)
    text = "\n".join(SPACES.sub(" ", line).strip() for line in text.split("\n"))
    return BLANK_LINES.sub("\n\n", text).strip()


def detect_language(text: str) -> str:
    """An ISO 639-1 code for the text's language ("" for text too short to tell)."""
    sample = text[:5000]
    if len(sample.split()) < 5:
        return ""
    language, _score = py3langid.classify(sample)
    return language
