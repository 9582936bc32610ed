"""Actor coding: country and sector from the words naming an actor."""

import pytest

from newsgraph.nlp import load
from newsgraph.stages import actors as act


@pytest.fixture(scope="module")
def nlp():
    return load()


def _code(nlp, sentence: str) -> tuple[str | None, str | None]:
    doc = nlp(sentence)
    head = next(t for t in doc if t.dep_ in ("nsubj", "nsubjpass"))
    code = act.code_tokens(act.phrase_tokens(head), head)
    if code.sector is None and code.kind == "country":
        code.sector = "GOV"
    return code.country, code.sector


@pytest.mark.parametrize("sentence,expected", [
    ("Russian Foreign Minister Sergei Lavrov said the talks were excellent.", ("RUS", "GOV")),
    ("Russian forces launched attacks on several villages.", ("RUS", "MIL")),
    ("A US Senate committee took the first step.", ("USA", "LEG")),
    ("Kyiv says it recaptured the town.", ("UKR", "GOV")),
    ("The UN nuclear watchdog demanded access to the plant.", ("IAEA", "IGO")),
    # national bodies of the UK named without the country
    ("The Home Office rejected the request.", ("GBR", "GOV")),
    ("The Scottish Executive lost its appeal.", ("GBR", "GOV")),
    ("The Court of Session threw out the case.", ("GBR", "JUD")),
    # a generic role takes its qualifier's sector (regression: "leader" and "spokesman"
    # made every one of them GOV)
    ("The union leader rejected the offer.", (None, "LAB")),
    ("A police spokesman denied the report.", (None, "COP")),
    ("The opposition leader criticised the budget.", (None, "OPP")),
    ("The Foreign Ministry spokeswoman denied the report.", (None, "GOV")),
])
def test_actor_cases(nlp, sentence, expected):
    assert _code(nlp, sentence) == expected


def test_demonym_inside_a_person_name_is_no_clue(nlp):
    doc = nlp("Ukraine health minister German Kovalenko praised the ruling.")
    head = next(t for t in doc if t.dep_ == "nsubj")
    assert act.code_tokens(act.phrase_tokens(head), head).country == "UKR"


@pytest.mark.parametrize("name,code", [("Kyiv", "UKR"), ("Kryvyi Rih", "UKR"),
                                       ("Germany", "DEU"), ("Nowhereville Xq", None)])
def test_place_country(name, code):
    """Capitals and countries from the actor data, other places from the gazetteer."""
    assert act.place_country(name) == code


def test_phrase_codes_are_cached_but_independent(nlp):
    """Cached phrase codes must not be shared objects: callers fill in their fields."""
    doc = nlp("Russian forces attacked. Russian forces retreated.")
    heads = [t for t in doc if t.dep_ == "nsubj"]
    first = act.code_tokens(act.phrase_tokens(heads[0]), heads[0])
    first.country = "XXX"
    again = act.code_tokens(act.phrase_tokens(heads[1]), heads[1])
    assert (again.country, again.sector) == ("RUS", "MIL")


def test_capital_name_used_as_an_adjective_is_no_clue(nlp):
    """"Male MPs" are not the Maldives' (Malé is its capital); "Kyiv says" still is."""
    assert _code(nlp, "Male MPs jeered during the debate.")[0] is None
    assert _code(nlp, "Kyiv says the talks failed.")[0] == "UKR"


def test_a_capitalised_sector_word_counts_only_when_capitalised() -> None:
    """Regression: "oppose house arrests" was coded as a legislature (LEG)."""
    lex = act.lexicon()
    assert lex.sector_of(["house", "arrests"]) is None
    assert lex.sector_of(["the", "House"]) == "LEG"
    assert lex.sector_of(["the", "committee"]) == "LEG"  # a lower-case entry still counts


def test_whom_a_person_spoke_to_is_not_their_employer() -> None:
    """Regression: "told the BBC Mr Howard had ..." coded Howard as a journalist (JRN)."""
    from helpers import run_until

    article = run_until("Sources told the BBC Mr Howard had always backed the plan. "
                        "The BBC reporter Ann Lee said so.", "entities")
    codes = {e.name: act.entity_code(e, article.doc) for e in article.entities or []}
    assert codes["Howard"].sector is None
    assert codes["Ann Lee"].sector == "JRN"  # an employer named before a plain name stays


def test_a_party_spokesman_with_a_brief_is_the_partys(nlp):
    """"Tory foreign affairs spokesman": lower-case words between the party and the role
    keep the role in the party (it used to be GOV); a capitalised office of its own
    ("Labour Foreign Secretary") is the government's."""
    assert act.code_tokens(list(nlp("Tory foreign affairs spokesman"))).sector == "PTY"
    assert act.code_tokens(list(nlp("Labour Foreign Secretary"))).sector == "GOV"


def _parties(text: str) -> list[dict]:
    from helpers import run_until

    article = run_until(text, "events")
    return [p for e in article.extra["events"] for p in e["actor"] + e["recipient"]]


def test_a_sector_takes_the_country_the_article_is_about() -> None:
    """In a report on one country, "the government" and "the unions" are its own (GBR
    GOV, GBR LAB), flagged ``country_via: "article"`` (they had no country); a report that
    names two countries about equally assumes neither."""
    text = ("Britain's economy grew last year. The government rejected a pay claim by the "
            "unions on Monday. Workers in Britain will vote on a strike.")
    found = {p["name"]: p for p in _parties(text)}
    assert found["government"]["country"] == "GBR"
    assert found["government"]["country_via"] == "article"
    mixed = ("Britain and France held talks. France and Britain disagreed on fishing. The "
             "government rejected a pay claim by the unions on Monday.")
    assert all(p.get("country_via") is None for p in _parties(mixed))


def test_a_lone_place_mention_is_no_home_country() -> None:
    text = "A court in Vienna rejected a motion brought by relatives of the banker."
    assert all(p.get("country_via") is None for p in _parties(text))
