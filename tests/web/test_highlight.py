"""The highlighter: marks nest, crossing marks split, every character is escaped."""

from __future__ import annotations

from newsgraph.web.highlight import Mark, event_title, marks, party_names, render, speaker_classes


def test_nested_marks_nest_and_text_is_kept() -> None:
    html = render("He said hello today.", [Mark(8, 20, "quote", anchor="q-q1", fact="q-q1"),
                                          Mark(14, 19, "date", fact="d-0")])
    assert html == ('He said <span class="quote" id="q-q1" data-fact="q-q1">hello '
                    '<span class="date" data-fact="d-0">today</span>.</span>')


def test_crossing_marks_split_and_only_the_first_piece_has_the_anchor() -> None:
    html = str(render("abcdef", [Mark(0, 4, "a", anchor="x", fact="x"),
                                 Mark(2, 6, "b", anchor="y", fact="y")]))
    assert html.count('id="x"') == 1 and html.count('id="y"') == 1
    assert html.count('data-fact="y"') == 2  # split at the end of x
    assert html.count("<span") == html.count("</span>")
    assert html.replace('<span class="a" id="x" data-fact="x">', "").replace(
        '<span class="b" id="y" data-fact="y">', "").replace(
        '<span class="b" data-fact="y">', "").replace("</span>", "") == "abcdef"


def test_article_text_and_titles_are_escaped() -> None:
    text = 'x <script>alert(1)</script> "y"'
    html = str(render(text, [Mark(2, 10, "quote", title='"><img src=x onerror=alert(2)>')]))
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "<img" not in html and "&#34;&gt;&lt;img" in html


def test_marks_cover_quotes_events_dates_and_zones_of_an_article() -> None:
    article = {
        "quotes": [{"id": "q1", "type": "direct", "content": [[10, 20]], "cue": [[22, 26]],
                    "speaker_name": "Ann Lee", "speaker_mention": [[27, 34]],
                    "quote_text": "x"}],
        "facts": {"zones": [{"type": "caption", "start": 40, "end": 50}],
                  "events": [{"id": "ev1", "idx": 0, "start": 5, "end": 8, "type": "CONSULT",
                              "quad_class": 1, "actor": [{"name": "Ann Lee"}]}],
                  "dates": [{"idx": 0, "start": 12, "end": 16, "value": "2024-01-02"}],
                  "votes": [{"idx": 0, "yes": 3, "no": 1, "abstain": 0,
                             "spans": {"tally": [60, 70], "body": [52, 58]}}]},
    }
    got = {(m.cls, m.start, m.anchor) for m in marks(article)}
    assert ("quote sp-0", 10, "q-q1") in got
    assert ("cue", 22, "") in got and ("speaker", 27, "") in got
    assert ("event quad-1", 5, "ev-ev1") in got
    assert ("date", 12, "d-0") in got
    assert ("zone zone-caption", 40, "") in got
    assert ("vote vote-body", 52, "v-0") in got and ("vote vote-tally", 60, "") in got


def test_speakers_get_colours_in_order_of_appearance() -> None:
    quotes = [{"speaker_name": "B"}, {"speaker_name": "A"}, {"speaker_name": "B"},
              {"speaker_name": None}]
    assert speaker_classes(quotes) == {"B": "sp-0", "A": "sp-1"}



def test_party_names_mark_how_a_party_was_found() -> None:
    parties = [{"name": "Nairobi", "country": "KEN", "via": "model", "score": 0.55},
               {"name": "Kenya", "country": "KEN", "via": "place"},
               {"name": "Ruth Kessler", "country": None}]
    assert party_names(parties) == ("Nairobi (KEN) [guessed by the target model 0.55], "
                                    "Kenya (KEN) [read from the place], Ruth Kessler")


def test_a_country_taken_from_the_article_says_so() -> None:
    parties = [{"name": "the unions", "country": "GBR", "sector": "LAB",
                "country_via": "article"}]
    assert party_names(parties) == "the unions (GBR, by the article)"


def test_event_title_carries_the_marks() -> None:
    ev = {"type": "CONSULT", "quad_class": 1, "date": "2024-03-01",
          "actor": [{"name": "Ruth Kessler"}],
          "recipient": [{"name": "Nairobi", "via": "model", "score": 0.5}]}
    assert event_title(ev) == ("CONSULT (QuadClass 1): Ruth Kessler → Nairobi "
                               "[guessed by the target model 0.50]; 2024-03-01")


def test_event_title_says_when_no_actor_is_named() -> None:
    ev = {"type": "ASSAULT", "quad_class": 4, "actor": [],
          "recipient": [{"name": "Three soldiers"}]}
    assert event_title(ev) == "ASSAULT (QuadClass 4): (no actor named) → Three soldiers"
