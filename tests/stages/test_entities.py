"""Entities: in-article clustering, canonical names, roles and descriptions."""

from __future__ import annotations

from helpers import run_until

from newsgraph.records import Entity


def entity(text: str, name: str) -> Entity:
    for e in run_until(text, "entities").entities or []:
        if e.name == name:
            return e
    raise AssertionError(f"no entity named {name!r}")


def test_surname_and_honorific_join_the_full_name() -> None:
    text = ("Russian President Vladimir Putin met officials. Mr Putin said little. "
            "Putin left early.")
    e = entity(text, "Vladimir Putin")
    assert len(e.mentions) == 3
    assert e.role == "president" and e.gender == "m"


def test_family_name_first_is_clustered() -> None:
    text = "Chinese leader Xi Jinping arrived. Mr Xi spoke first."
    assert len(entity(text, "Xi Jinping").mentions) == 2


def test_title_before_name_gives_role_and_organisation() -> None:
    text = "White House spokesman John Kirby said the talks were useful."
    e = entity(text, "John Kirby")
    assert e.role == "spokesman"
    assert e.organisation == "White House"


def test_apposition_gives_role() -> None:
    text = "Pavlo Kyrylenko, the Donetsk regional governor, said the town was shelled."
    e = entity(text, "Pavlo Kyrylenko")
    assert e.role is not None and e.role.endswith("governor")


def test_description_joins_the_only_matching_person() -> None:
    text = ("Russian President Vladimir Putin met Chinese leader Xi Jinping. "
            "Later the Russian president spoke to reporters.")
    e = entity(text, "Vladimir Putin")
    assert any(m.text == "the Russian president" for m in e.mentions)


def test_name_particle_keeps_the_name_whole() -> None:
    text = "In Kyiv, Ursula von der Leyen held talks. Ms Von der Leyen said more aid was coming."
    e = entity(text, "Ursula von der Leyen")
    assert e.gender == "f"
    assert len(e.mentions) == 2


def test_names_across_a_line_break_have_single_spaces_and_no_edge_whitespace() -> None:
    """Regression: a name took the line break with it ('Joe\\n')."""
    text = ("The statement came from Joe\nBiden on Monday. "
            "Later Ana\nRuiz Vidal of Spain spoke.")
    names = [e.name for e in run_until(text, "entities").entities or []]
    assert names and all(n == " ".join(n.split()) for n in names), names


def test_a_surname_after_an_honorific_is_a_person_whatever_its_label() -> None:
    """Regression: the tagger labels "Mr Clarke" ORG or GPE, so it stayed apart from
    "Charles Clarke" and a later "he" went to someone else."""
    for text in ("Home Secretary Charles Clarke spoke on Monday. Mr Clarke later dismissed "
                 "the proposal.", "Charles Clarke spoke on Monday. Later Mr Clarke said the "
                 "plan was fair."):
        people = [e for e in run_until(text, "entities").entities or [] if "Clarke" in e.name]
        assert [(e.name, e.label, len(e.mentions)) for e in people] == [
            ("Charles Clarke", "PERSON", 2)], text


def test_text_argument_gives_the_same_entities() -> None:
    """The stage passes the article text (Doc.text is rebuilt on every access)."""
    from newsgraph.stages.entities import cluster_entities

    text = ("Russian President Vladimir Putin met the Chinese leader Xi Jinping. Mr Putin "
            "said the president of the SCO, the Shanghai Cooperation Organisation, agreed.")
    doc = run_until(text, "segment").doc
    assert cluster_entities(doc, doc.text) == cluster_entities(doc)
    assert {e.name for e in cluster_entities(doc, text)} >= {"Vladimir Putin", "Xi Jinping"}
