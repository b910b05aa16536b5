import json
from collections import Counter
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from vigil.ingest.evaluation import KINDS

DEVSET = Path(__file__).parent / "devset"


def test_it_prints_scores_per_kind_and_overall_last(capsys):
    call_command("eval_extract", str(DEVSET))
    lines = capsys.readouterr().out.strip().splitlines()
    assert lines[-1].startswith("overall F1 ")
    assert any(line.startswith("figures") for line in lines)


def test_the_arithmetic_on_a_known_miss_and_false_alarm(tmp_path, capsys):
    (tmp_path / "docs").mkdir()
    (tmp_path / "truth").mkdir()
    (tmp_path / "docs" / "one.txt").write_text("On 26 February 1992, 613 people were killed.")
    (tmp_path / "truth" / "one.json").write_text(
        json.dumps(
            {
                "dates": ["1992-02-26", "1992-03-01"],
                "figures": [{"category": "wounded", "value": 613}],
                "legal_refs": [],
                "countries": [],
                "organizations": [],
            }
        )
    )
    call_command("eval_extract", str(tmp_path))
    out = capsys.readouterr().out
    # dates: 1 found of 2 → P 1.00, R 0.50; figures: wrong category → 0/1/1.
    assert "dates                1.00      0.50    0.67  1/0/1" in out
    assert "figures              0.00      0.00    0.00  0/1/1" in out
    assert out.strip().splitlines()[-1] == "overall F1 0.40"


def test_a_folder_without_docs_is_named(tmp_path):
    with pytest.raises(CommandError, match="must hold docs/ and truth/"):
        call_command("eval_extract", str(tmp_path))


def test_the_development_set_is_labelled_texts_in_the_five_languages():
    docs = sorted(p.stem for p in (DEVSET / "docs").glob("*.txt"))
    labelled = sorted(p.stem for p in (DEVSET / "truth").glob("*.json"))
    assert docs == labelled
    readme = (DEVSET / "README.md").read_text()
    languages = Counter()
    for name in docs:
        assert f"`{name}`" in readme, f"{name} is not described in the dev set's README"
        truth = json.loads((DEVSET / "truth" / f"{name}.json").read_text())
        assert set(truth) == {"language", *KINDS}
        languages[truth["language"]] += 1
    assert languages["en"] >= 12
    for language in ("az", "ru", "tr", "ur"):
        assert languages[language] >= 12, language


def test_it_prints_each_language_apart(capsys):
    call_command("eval_extract", str(DEVSET))
    out = capsys.readouterr().out
    for language in ("az", "en", "ru", "tr", "ur"):
        assert f"{language} overall F1 " in out


def test_the_extractors_keep_their_quality_on_the_development_set():
    from vigil.ingest.evaluation import evaluate

    # Floors under today's figures per language (issue #18 prints them): a change that loses
    # ground in one language fails here even when the others gain. With the third blind
    # round's texts the set is harder than before (0.95-1.00 without them).
    floors = {"en": 0.98, "az": 0.94, "ru": 0.94, "tr": 0.93, "ur": 0.94}
    languages = evaluate(DEVSET).languages
    for language, floor in floors.items():
        assert languages[language].overall.f1 >= floor, language


def test_it_scores_the_text_as_ingestion_normalises_it(tmp_path, capsys):
    # A PDF's text layer hyphenates at line ends; reviewers see the word whole, and so does
    # the score.
    (tmp_path / "docs").mkdir()
    (tmp_path / "truth").mkdir()
    (tmp_path / "docs" / "one.txt").write_text("In all 613 residents were mas-\nsacred.")
    (tmp_path / "truth" / "one.json").write_text(
        json.dumps({"figures": [{"category": "killed", "value": 613}]})
    )
    call_command("eval_extract", str(tmp_path))
    assert "figures              1.00      1.00    1.00  1/0/0" in capsys.readouterr().out


def test_each_rule_is_scored_for_its_true_and_false_positives(tmp_path, capsys):
    (tmp_path / "docs").mkdir()
    (tmp_path / "truth").mkdir()
    (tmp_path / "docs" / "one.txt").write_text("On 26 February 1992, 613 people were killed.")
    truth = {kind: [] for kind in KINDS}
    truth.update(
        language="en", dates=["1992-02-26"], figures=[{"category": "wounded", "value": 613}]
    )
    (tmp_path / "truth" / "one.json").write_text(json.dumps(truth))
    call_command("eval_extract", str(tmp_path))
    lines = capsys.readouterr().out.splitlines()
    rows = {line.split()[0]: line.split()[1:] for line in lines if line.startswith("en.")}
    # The date rule found the one date (precision 1, all of the dates); the figure rule's
    # "killed" is not the labelled "wounded" (precision 0, none of the figures).
    assert rows == {
        "en.date.day_month_year": ["1.00", "1.00", "1/0"],
        "en.figure.category_after": ["0.00", "0.00", "0/1"],
    }
