"""The actor network's nodes are coded parties only: an uncoded thing an event is aimed at
("rejected the referendum") is kept on the event but is no node."""

from newsgraph.store.query import _parties


def test_uncoded_things_are_not_network_parties() -> None:
    parties = [
        {"name": "Baghdad", "country": "IRQ", "sector": "GOV", "entity": "e1"},
        {"name": "referendum", "country": None, "sector": None, "entity": None},
        {"name": "activists", "country": None, "sector": "CVL", "entity": None},
    ]
    assert _parties(parties) == (("Baghdad", "IRQ"), ("activists", None))
