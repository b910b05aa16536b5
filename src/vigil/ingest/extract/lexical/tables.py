"""A language's word tables, loaded from `../tables/<language>.toml`, as phrase sets that match
on tokens.

An entry is one or more words; a word of the text matches a word of an entry when it equals it
or, in languages that glue endings to their words, starts with it (entries of three letters or
fewer must match whole: "оон" is not the start of every word that begins so).
"""

import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from babel import Locale

from ..kinds import Hedge
from .tokens import fold, words_of

TABLES = Path(__file__).resolve().parent.parent / "tables"
LANGUAGES = ("az", "ru", "tr", "ur")
# Words whose entries a phrase set remembers (see Phrases._rows): a long run of texts starts
# afresh past it rather than holding every word it ever read.
WORDS_REMEMBERED = 50_000


class Phrases:
    """Entries (phrases) → values, matched at a token position, longest first."""

    def __init__(self, entries: dict[str, object], prefix: bool):
        self.prefix = prefix
        self.by_first: dict[str, list[tuple[tuple[str, ...], object]]] = {}
        for phrase, value in entries.items():
            words = tuple(_entry_words(fold(phrase)))
            if words:
                self.by_first.setdefault(words[0], []).append((words, value))
        for rows in self.by_first.values():
            rows.sort(key=lambda row: -sum(len(w) for w in row[0]))
        self.longest_first = max((len(w) for w in self.by_first), default=0)
        # The lengths of the entries' first words (a star not counted), longest first: the only
        # beginnings of a word worth looking up.
        self.first_lengths = sorted({len(w.rstrip("*")) for w in self.by_first}, reverse=True)
        self.first_letters = {w[0] for w in self.by_first}
        self._rows_by_word: dict[str, list] = {}

    def word_matches(self, entry_word: str, word: str) -> bool:
        if word == entry_word:
            return True
        if entry_word.endswith("*"):  # a short beginning marked as one: "yıl*"
            return word.startswith(entry_word[:-1])
        if not self.prefix or not word.startswith(entry_word):
            return False
        # "BMT-nin", "BM'nin": an ending glued to a short name after a hyphen or apostrophe.
        return len(entry_word) > 3 or word[len(entry_word)] in "'’-"

    def match(self, tokens, index: int):
        """(index after the phrase, value) for the longest entry starting at tokens[index]."""
        word = tokens[index].low
        rows = self._rows_by_word.get(word)  # asked here: most words have been seen before
        if rows is None:
            rows = self._rows(word)
        best = None
        for words, value in rows:
            end = index + len(words)
            if end > len(tokens) or (best is not None and end <= best[0]):
                continue
            if all(self.word_matches(w, tokens[index + k].low) for k, w in enumerate(words)):
                best = (end, value)
        return best

    def spans(self, tokens, kinds) -> list[tuple[int, int, object]]:
        """(start, end, value) of each entry found from left to right at tokens of the given
        kinds, the longest at each place, none overlapping. A word no entry starts as (most
        words) is passed over without asking `match`, which would find nothing there."""
        found, index = [], 0
        while index < len(tokens):
            token = tokens[index]
            match = None
            if token.kind in kinds:
                rows = self._rows_by_word.get(token.low)
                if rows is None:
                    rows = self._rows(token.low)
                match = self.match(tokens, index) if rows else None
            if match:
                found.append((index, match[0], match[1]))
                index = match[0]
            else:
                index += 1
        return found

    def _rows(self, word: str) -> list:
        """The entries whose first word starts as `word` does, in the order `match` tries them
        (beginnings of the word, longest first). The same wherever the word stands, so worked
        out once per word and remembered: a text asks each table about each of its words."""
        rows = []
        if word and word[0] in self.first_letters:
            limit = min(len(word), self.longest_first)
            for length in self.first_lengths:
                if length <= limit:
                    rows += self.by_first.get(word[:length], ()) or self.by_first.get(
                        word[:length] + "*", ()
                    )
        if len(self._rows_by_word) >= WORDS_REMEMBERED:
            self._rows_by_word.clear()
        self._rows_by_word[word] = rows
        return rows

    def ends_at(self, tokens, end: int, reach: int = 6):
        """(start index, value) of the longest entry that ends just before tokens[end]."""
        for start in range(max(0, end - reach), end):
            found = self.match(tokens, start)
            if found and found[0] == end:
                return start, found[1]
        return None


@dataclass
class Tables:
    language: str
    raw: dict
    prefix: bool

    def phrases(self, entries) -> Phrases:
        if isinstance(entries, list):
            entries = {entry: True for entry in entries}
        return Phrases(entries, self.prefix)

    def section(self, *path, default=None):
        node = self.raw
        for key in path:
            node = node.get(key, {}) if isinstance(node, dict) else {}
        return node if node != {} else ({} if default is None else default)


def _entry_words(phrase: str) -> list[str]:

    words = []
    for word in phrase.split():
        star = word.endswith("*")
        parts = words_of(word.rstrip("*"))
        if star and parts:
            parts[-1] += "*"
        words += parts
    return words


def _all_words(node) -> list[str]:
    if isinstance(node, str):
        return node.split()
    if isinstance(node, dict):
        return [w for key, value in node.items() for w in _all_words(key) + _all_words(value)]
    if isinstance(node, list):
        return [w for item in node for w in _all_words(item)]
    return []


def _by_value(table: dict[str, list[str]]) -> dict[str, str]:
    return {phrase: value for value, phrases in table.items() for phrase in phrases}


@lru_cache(maxsize=8)
def raw_table(language: str) -> dict:
    """The language's TOML table as it is written (the English rules read their words here)."""
    return tomllib.loads((TABLES / f"{language}.toml").read_text())


def tables_for(language: str, additions=()) -> "LanguageTables":
    """The language's tables: its TOML file with `additions` merged over it, the (table,
    phrase, value) rows users added in the back office (`ingest.WordTableEntry`). Built once per
    language and set of additions, so a saved addition is read at the next run, by every
    process, with no cache to clear."""
    return _tables(language, tuple(sorted(additions)))


@lru_cache(maxsize=16)
def _tables(language: str, additions: tuple) -> "LanguageTables":
    raw = tomllib.loads((TABLES / f"{language}.toml").read_text())
    for table, phrase, value in additions:
        *path, last = table.split(".")
        node = raw
        for key in path:
            node = node.setdefault(key, {})
        if value:  # a name that stands for a code or a canonical name
            node.setdefault(last, {}).setdefault(value, []).append(phrase)
        else:
            node.setdefault(last, []).append(phrase)
    return LanguageTables(language, raw, raw.get("prefix_matching", True))


class LanguageTables(Tables):
    """The phrase sets each extractor uses, built once per language."""

    def __init__(self, language: str, raw: dict, prefix: bool):
        super().__init__(language, raw, prefix)
        self.abbreviations = {fold(w) for w in _all_words(raw) if w.endswith(".")}
        self._read_dates()
        self._read_numbers()
        self._read_figures(self.section("figures"))
        self._read_legal(self.section("legal"))
        self._read_countries(self.section("countries"), language, prefix)
        self.organizations = self.phrases(_by_value(self.section("organizations")))

    def _read_dates(self) -> None:
        section = self.section
        self.months = self.phrases(
            {m: int(n) for n, names in section("months").items() for m in names}
        )
        self.year_after = self.phrases(section("dates", "year_after", default=[]))
        self.year_before = self.phrases(section("dates", "year_before", default=[]))
        self.first_day = self.phrases(section("dates", "first_day", default=[]))
        self.day_joiners = self.phrases(section("dates", "range_joiners", default=[]))
        self.recurring = self.phrases(section("dates", "recurring", default=[]))
        self.last_year = self.phrases(section("dates", "last_year", default=[]))
        self.year_after_name = section("dates", "year_after_name", default=False)

    def _read_numbers(self) -> None:
        numbers = self.section("numbers")
        # Number words match whole ("altı" is six, "altında" is not).
        self.number_words = Phrases(numbers.get("words", {}), prefix=False)
        self.scales = Phrases(numbers.get("scales", {}), prefix=True)
        self.vague = self.phrases(numbers.get("vague", []))

    def _read_figures(self, figures: dict) -> None:
        categories = ("killed", "wounded", "missing", "hostage", "displaced")
        self.categories = self.phrases(
            {phrase: c for c in categories for phrase in figures.get(c, [])}
        )
        self.hedge_before = self.phrases(_hedges(figures, "before"))
        self.hedge_after = self.phrases(_hedges(figures, "after"))
        self.range_before = self.phrases(figures.get("range_before", []))
        self.range_between = self.phrases(figures.get("range_between", []))
        self.not_counted_after = self.phrases(figures.get("not_counted_after", []))
        self.not_counted_before = self.phrases(figures.get("not_counted_before", []))
        self.population = self.phrases(figures.get("population", []))
        # Counts in a clause with these words are rates or releases, not tolls.
        self.ordinal_suffixes = {fold(suffix) for suffix in figures.get("ordinal_suffixes", [])}
        self.rates = self.phrases(figures.get("rates", []) + figures.get("releases", []))
        # Counts in a clause with these words are feared or supposed, not told ("sabah yüzlərlə
        # qurban olacaq", "ہزاروں اور مارے جائیں گے").
        self.hypothetical = self.phrases(figures.get("hypothetical", []))
        self.hedge_suffixes = {
            fold(suffix): bound
            for bound in (Hedge.LOWER, Hedge.UPPER)
            for suffix in figures.get(f"{bound}_suffix", [])
        }
        self.included = self.phrases(figures.get("included", []))
        self.list_joiners = self.phrases(figures.get("list_joiners", []))

    def _read_legal(self, legal: dict) -> None:
        self.article = self.phrases(legal.get("article", []))
        self.resolution = self.phrases(legal.get("resolution", []))
        self.resolution_marks = self.phrases(legal.get("resolution_number_marks", []))
        self.legal_joiners = self.phrases(legal.get("list_joiners", []))
        # A court that applies one instrument alone: its articles are that instrument's.
        self.courts = self.phrases(_by_value(legal.get("courts", {})))
        # "её статьи 3 и 5": a word before the article that points back to the instrument
        # named before it.
        self.pointing_back = self.phrases(legal.get("pointing_back", []))
        # "60/147 от 16 декабря 2005 года", "28 Nisan 2006 tarihli 1674": a resolution's date
        # inside a list of them, with the words before and after it.
        self.resolution_date_before = self.phrases(legal.get("resolution_date_before", []))
        self.resolution_date_after = self.phrases(legal.get("resolution_date_after", []))
        self.instrument_after_article = legal.get("instrument_after_article", False)
        self.article_number_first = legal.get("article_number_first", False)
        self.instruments = self.phrases(_by_value(legal.get("instruments", {})))
        self.instrument_kinds = self.phrases(legal.get("kinds", {}))
        self.bodies = self.phrases(_by_value(legal.get("bodies", {})))
        # Paragraphs of an article (see provisions.py) and national laws, whose articles are
        # not labelled.
        self.parts = self.phrases(legal.get("parts", []))
        self.part_glue = self.phrases(legal.get("part_glue", []))
        self.part_ordinals = Phrases(legal.get("part_ordinals", {}), prefix=self.prefix)
        self.part_letters = legal.get("part_letters", {})
        self.national_laws = self.phrases(legal.get("national_laws", []))

    def _read_countries(self, countries: dict, language: str, prefix: bool) -> None:
        names = _by_value(countries.get("names", {}))
        names.update(_locale_country_names(language))
        for excluded in countries.get("not_countries", []):
            names.pop(fold(excluded), None)
        self.country_names = CountryNames(names, prefix)
        self.country_adjectives = self.phrases(_by_value(countries.get("adjectives", {})))
        self.state_nouns = self.phrases(countries.get("state_nouns", []))
        self.adjective_joins = set(countries.get("adjective_joins", []))
        self.adjective_compounds = set(countries.get("adjective_compounds", []))


def _hedges(figures: dict, side: str) -> dict[str, str]:
    """The hedging phrases written before (or after) a figure, each with the bound it sets:
    "lower" ("at least"), "upper" ("up to") or "approx" ("about")."""
    return {
        phrase: bound
        for bound in (Hedge.LOWER, Hedge.UPPER, Hedge.APPROX)
        for phrase in figures.get(f"{bound}_{side}", [])
    }


class CountryNames(Phrases):
    """Country names from the locale data: in languages that glue endings on, each word of a
    name may take an ending of up to four letters, and lose its final vowel to it ("Армения"
    → "Армении", "Azerbaycan" → "Azerbaycan'da"); a name of fewer than five letters must
    match whole. A name is written with a capital where the script has them."""

    VOWELS = "аяеоыиaeıioöuüəy"

    def __init__(self, entries: dict[str, object], prefix: bool):
        if prefix:
            entries = {" ".join(self._stem(w) for w in p.split()): v for p, v in entries.items()}
        super().__init__(entries, prefix)

    def _stem(self, word: str) -> str:
        if len(word) < 6:
            return word
        return word[:-1] if word[-1] in self.VOWELS else word

    def word_matches(self, entry_word: str, word: str) -> bool:
        if word == entry_word or not self.prefix:
            return word == entry_word
        word = word.split("'")[0].split("’")[0] or word  # "Türkiye'den": the name before its ending
        if len(entry_word) < 5:  # "Iran'da", not "Iranian"
            return word.startswith(entry_word) and word[len(entry_word)] in "'’-"
        return word.startswith(entry_word) and len(word) - len(entry_word) <= 4

    def match(self, tokens, index: int):
        if tokens[index].text[:1].islower():
            return None
        return super().match(tokens, index)


@lru_cache(maxsize=8)
def _locale_country_names(language: str) -> dict[str, str]:
    import pycountry

    names = {}
    for code, name in Locale(language).territories.items():
        if len(code) != 2 or not code.isalpha():
            continue
        country = pycountry.countries.get(alpha_2=code)
        if country is not None:
            names[fold(name)] = country.alpha_3
    return names
