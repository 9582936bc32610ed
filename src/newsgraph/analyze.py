"""The default pipeline and the one-call API: text in, article record out."""

from __future__ import annotations

from .options import Options
from .pipeline import Pipeline, Stage
from .records import Article, Published


def default_stages(options: Options | None = None) -> list[Stage]:
    """The stages of a full analysis, in order."""
    from .stages.dates import DatesStage
    from .stages.entities import EntitiesStage
    from .stages.events import EventsStage
    from .stages.language import LanguageStage
    from .stages.link import LinkStage
    from .stages.places import PlacesStage
    from .stages.quantities import QuantitiesStage
    from .stages.quotes import QuotesStage
    from .stages.repair import RepairStage
    from .stages.segment import SegmentStage
    from .stages.votes import VotesStage

    opts = options or Options()
    return [
        RepairStage(),
        LanguageStage(check=opts.language != "en"),
        SegmentStage(opts.model, opts.max_chars),
        EntitiesStage(),
        QuotesStage(),
        DatesStage(),
        PlacesStage(),
        LinkStage(),
        EventsStage(learned_targets=opts.learned_targets),
        VotesStage(),
        QuantitiesStage(),
    ]


def build_pipeline(options: Options | None = None) -> Pipeline:
    return Pipeline(default_stages(options))


def analyze_text(text: str, published: str | None = None,
                 options: Options | None = None) -> Article:
    """Analyse one text; the returned article's ``status`` says whether it worked."""
    article = Article(text, source={"kind": "text"})
    if published:
        article.published = Published(published, "given by the caller")
    build_pipeline(options).run([article])
    return article
