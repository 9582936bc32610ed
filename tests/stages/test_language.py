"""Non-English text is recorded and skipped, not run silently through the English model."""

from pathlib import Path

import pytest

from newsgraph.analyze import build_pipeline
from newsgraph.cli import main
from newsgraph.options import Options
from newsgraph.records import Article
from newsgraph.stages.language import UNDETERMINED, detect

GERMAN = ("Der Bundestag hat am Donnerstag das neue Gesetz zur Energiewende beschlossen. "
          "Die Ministerin sagte, die Regierung werde die Kosten tragen.")
SPANISH = ("El presidente dijo el martes que el gobierno no aceptará las condiciones "
           "impuestas por los acreedores internacionales.")
ENGLISH = ("The minister said on Thursday that the government would pay the costs of the "
           "new energy law, which parliament passed after a long debate.")


def _run(text: str, options: Options | None = None) -> Article:
    article = Article(text)
    build_pipeline(options or Options()).run([article])
    return article


@pytest.mark.parametrize(("text", "code"), [(GERMAN, "de"), (SPANISH, "es")])
def test_other_languages_are_recorded_and_skip_the_english_stages(text: str, code: str) -> None:
    article = _run(text)
    assert article.status.startswith(f"skipped: language:{code} ")
    assert article.extra["language"]["code"] == code
    assert article.doc is None and not article.quotes and "events" not in article.extra


def test_english_is_analysed_and_recorded() -> None:
    article = _run(ENGLISH)
    assert article.status == "ok" and article.extra["language"]["code"] == "en"
    assert article.sentences


def test_too_short_to_tell_is_undetermined_and_analysed() -> None:
    assert detect("Obama said: 'Yes.'")["code"] == UNDETERMINED
    assert _run("Obama said: 'Yes.'").status == "ok"


def test_detection_is_deterministic() -> None:
    assert {str(detect(GERMAN)) for _ in range(5)} == {str(detect(GERMAN))}


def test_language_en_takes_the_text_as_english() -> None:
    article = _run(GERMAN, Options(language="en"))
    assert article.status == "ok" and article.extra["language"]["method"].startswith("given")


def test_cli_stores_the_skipped_article_and_counts_it(tmp_path: Path,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "de.txt").write_text(GERMAN, encoding="utf-8")
    (tmp_path / "en.txt").write_text(ENGLISH, encoding="utf-8")
    db = tmp_path / "s.db"
    assert main(["analyze", str(tmp_path), "--db", str(db), "--quiet"]) == 0
    err = capsys.readouterr().err
    assert "1 ok, 1 skipped" in err and "language:de 1" in err
    import sqlite3
    rows = sqlite3.connect(db).execute("SELECT status FROM articles ORDER BY status").fetchall()
    assert [r[0].split()[0] for r in rows] == ["ok", "skipped:"]


# Regression: an earnings table of abbreviations was "Dutch" (net, had, in) or "Swedish".
EARNINGS = ("Shr 37 cts vs 29 cts Net 2.4 mln vs 716,000 Revs 18.6 mln vs 15.3 mln "
            "Nine mths Shr 1.06 dlrs vs 83 cts Net 6.9 mln vs 5.7 mln Revs 52.4 mln "
            "vs 44.9 mln")


def test_a_table_of_figures_is_not_another_language() -> None:
    assert detect(EARNINGS)["code"] in (UNDETERMINED, "en")
    assert _run(EARNINGS).status == "ok"


def test_russian_and_french_prose_are_still_detected() -> None:
    russian = ("Президент заявил в четверг, что правительство не примет условия, "
               "выдвинутые международными кредиторами, и продолжит переговоры.")
    french = ("Le président a déclaré jeudi que le gouvernement n'accepterait pas les "
              "conditions imposées par les créanciers internationaux.")
    assert detect(russian)["code"] == "ru"
    assert detect(french)["code"] == "fr"


def test_one_word_repeated_is_no_language() -> None:
    # Regression: "x x x ..." was Somali at p=1.0 and the article was skipped.
    assert detect("x " * 200)["code"] == UNDETERMINED


def test_plain_english_prose_is_settled_by_its_function_words() -> None:
    from newsgraph.stages.language import plainly_english

    prose = " ".join([ENGLISH] * 2 + ["It was not clear when the work would start, or who "
                                      "would be in charge of it once they had begun."])
    verdict = plainly_english(prose)
    assert verdict is not None and verdict["code"] == "en"
    assert verdict["method"].startswith("English function words")
    assert detect(prose)["method"] == verdict["method"]
    for other in (GERMAN, SPANISH, EARNINGS, "x " * 200):
        assert plainly_english(other) is None  # langdetect decides these, as before
