"""Vote patterns: tally, against, abstained, sponsors, consistency."""

from newsgraph.stages.votes import find_votes

TEXT = ("The 15-member Security Council on Friday adopted a resolution calling for a truce. "
        "The text, drafted by France and Mexico, was approved by 12 of the 15 member states. "
        "Russia and China voted against it, while one country — India — abstained.")


def _sents(text):
    out, start = [], 0
    for part in text.split(". "):
        end = start + len(part) + 1
        out.append((start, min(end, len(text))))
        start = end + 1
    return out


def test_vote_fields():
    vote = find_votes(TEXT, _sents(TEXT))[0]
    assert (vote["yes"], vote["no"], vote["abstain"]) == (12, 2, 1)
    assert vote["no_members"] == ["Russia", "China"]
    assert vote["abstain_members"] == ["India"]
    assert vote["sponsors"] == ["France", "Mexico"]
    assert vote["outcome"] == "passed" and vote["consistent"] is True
    assert vote["motion"].startswith("resolution calling for a truce")


def test_inconsistent_counts_are_flagged():
    text = "The bill was approved by 10 of the 15 members. Two members voted against it."
    vote = find_votes(text, _sents(text))[0]
    assert vote["consistent"] is False


def test_vote_of_pattern():
    text = "The assembly passed the motion by a vote of 30 to 5."
    vote = find_votes(text, [(0, len(text))])[0]
    assert (vote["yes"], vote["no"]) == (30, 5)


def test_stage_skips_articles_without_a_tally():
    """The stage looks for a tally in the whole text before reading any sentence."""
    from newsgraph.analyze import default_stages
    from newsgraph.records import Article
    from newsgraph.stages.votes import VotesStage

    article = Article("The council met on Monday. It did not vote.")
    for stage in default_stages():
        stage.process_batch([article])
    assert article.extra["votes"] == []
    article = Article("The assembly passed the motion by a vote of 30 to 5.")
    for stage in default_stages():
        stage.process_batch([article])
    VotesStage().process(article)
    assert [(v["yes"], v["no"]) for v in article.extra["votes"]] == [(30, 5)]
