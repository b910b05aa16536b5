"""The marks a search folds away in Arabic script (Urdu, Arabic, Persian): the short vowels and
other harakat (U+064B–U+065F), the superscript alef (U+0670) and the tatweel (U+0640), which
stretches a word without changing it. A writer adds them or leaves them out at will, and SQLite's
tokenizer splits a word at each vowel mark, so the index and the query both leave them out: a
word is found with or without its marks.

The same folding is written three ways, from the one list below: in Python for the query, and in
each database's SQL for the index (SQLite has no `translate`, so one `replace` per mark).
"""

MARKS = "".join(chr(code) for code in range(0x064B, 0x0660)) + "\u0670\u0640"
_FOLD = str.maketrans("", "", MARKS)


def fold_marks(text: str) -> str:
    """`text` without the marks."""
    return text.translate(_FOLD)


def sqlite_fold(expression: str) -> str:
    """SQL for SQLite: the value of `expression` without the marks."""
    for mark in MARKS:
        expression = f"replace({expression}, char({ord(mark)}), '')"
    return expression


def postgres_fold(expression: str) -> str:
    """SQL for PostgreSQL: the value of `expression` without the marks (`translate` drops each
    character of its second argument that the third does not replace)."""
    letters = "".join(f"\\{ord(mark):04X}" for mark in MARKS)
    return f"translate({expression}, U&'{letters}', '')"
