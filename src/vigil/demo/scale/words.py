"""Realistic text for generated records: the words of the demonstration case's own texts, as often
as they occur there, mixed with a long tail of made-up names of people and places (an archive's
rare words), so an index holds both very common and very rare terms."""

import datetime
import itertools
import random
import re
from bisect import bisect
from pathlib import Path

DEMO_DIR = Path(__file__).resolve().parent.parent / "khojaly-1992"
# Syllables of made-up names: "Karabeov", "Lomita" ...
_SYLLABLES = re.findall(
    r"\w\w", "karabelomiarantashovevlinadoguzerihamoyuelinosulakersanikobachtuvedi"
)
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August")
MONTHS += ("September", "October", "November", "December")


class Writer:
    """Sentences, titles and names drawn from one seeded random generator."""

    def __init__(self, rng: random.Random, names: int = 30_000):
        self.rng = rng
        counts: dict[str, int] = {}
        for path in sorted(DEMO_DIR.iterdir()):
            for word in re.findall(r"[A-Za-z]{2,}", path.read_text(encoding="utf-8")):
                counts[word.lower()] = counts.get(word.lower(), 0) + 1
        self.words = sorted(counts)
        self._word_weights = list(itertools.accumulate(counts[w] for w in self.words))
        self.names = self._make_names(names)
        # Zipf: the n-th name is n times rarer than the first.
        self._name_weights = list(itertools.accumulate(1 / rank for rank in range(1, names + 1)))

    def _make_names(self, count: int) -> list[str]:
        names: set[str] = set()
        while len(names) < count:
            parts = self.rng.choices(_SYLLABLES, k=self.rng.randint(2, 4))
            names.add("".join(parts).capitalize())
        return sorted(names)

    def word(self) -> str:
        return self.words[bisect(self._word_weights, self.rng.random() * self._word_weights[-1])]

    def name(self) -> str:
        return self.names[bisect(self._name_weights, self.rng.random() * self._name_weights[-1])]

    def sentence(self, low: int = 8, high: int = 24) -> str:
        tokens = [
            self.name() if self.rng.random() < 0.12 else self.word()
            for _ in range(self.rng.randint(low, high))
        ]
        return " ".join(tokens).capitalize() + "."

    def paragraphs(self, sentences: int) -> str:
        lines, paragraph = [], []
        for _ in range(sentences):
            paragraph.append(self.sentence())
            if len(paragraph) >= self.rng.randint(3, 7):
                lines.append(" ".join(paragraph))
                paragraph = []
        lines.append(" ".join(paragraph))
        return "\n\n".join(line for line in lines if line)

    def title(self) -> str:
        return " ".join(self.word() for _ in range(self.rng.randint(3, 7))).capitalize() + (
            f" ({self.name()})"
        )

    def date(self, start_year: int = 1988, end_year: int = 2024) -> datetime.date:
        ordinal = self.rng.randint(
            datetime.date(start_year, 1, 1).toordinal(), datetime.date(end_year, 12, 31).toordinal()
        )
        return datetime.date.fromordinal(ordinal)

    def spoken_date(self, day: datetime.date) -> str:
        return f"{day.day} {MONTHS[day.month - 1]} {day.year}"

    def figure_statement(self, low: int, high: int | None, category: str) -> str:
        amount = f"between {low} and {high}" if high and high != low else f"at least {low}"
        place = self.name()
        return f"{amount.capitalize()} people were {category} in {place}, {self.sentence(4, 10)}"
