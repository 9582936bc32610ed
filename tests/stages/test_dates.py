"""Dates stage: each rule on hand-built sentences, anchored to a known publication date."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from newsgraph.records import Article, Published
from newsgraph.stages.dates import DatesStage, find_dates, normalise, weekday_date

THU = dt.date(2022, 9, 15)  # Thursday 15 September 2022


@pytest.fixture(scope="module")
def nlp() -> Any:
    from newsgraph import nlp as nlp_mod

    return nlp_mod.load()


def values(nlp: Any, text: str, anchor: dt.date | None = THU) -> dict[str, Any]:
    return {d["text"]: d["value"] for d in find_dates(text, nlp(text), anchor)}


@pytest.mark.parametrize("text,expected", [
    ("The two leaders met on Thursday.", "2022-09-15"),  # the anchor day itself
    ("A committee voted on Wednesday.", "2022-09-14"),
    ("The talks ended on Friday.", "2022-09-09"),  # past: the Friday before
    ("The talks will resume on Friday.", "2022-09-16"),  # future tense: the next one
    ("He arrived last Thursday.", "2022-09-08"),  # "last" excludes the anchor day
])
def test_weekdays_follow_tense(nlp: Any, text: str, expected: str) -> None:
    found = [d for d in find_dates(text, nlp(text), THU) if d["rule"].startswith("weekday")]
    assert [d["value"] for d in found] == [expected]


def test_weekday_date_directions() -> None:
    assert weekday_date(THU, 3, "past") == THU
    assert weekday_date(THU, 3, "last") == THU - dt.timedelta(days=7)
    assert weekday_date(THU, 0, "future") == dt.date(2022, 9, 19)
    assert weekday_date(THU, 2, "nearest") == dt.date(2022, 9, 14)


def test_last_week_is_the_iso_week_before(nlp: Any) -> None:
    assert values(nlp, "Troops advanced last week.")["last week"] == "2022-W36"
    assert values(nlp, "Prices rose this week.")["this week"] == "2022-W37"


@pytest.mark.parametrize("text,span,expected", [
    ("Ukraine became a candidate in June.", "June", "2022-06"),
    ("The plant was occupied in October.", "October", "2021-10"),  # later month, past tense
    ("The summit will be held in October.", "October", "2022-10"),  # future tense
    ("Sales fell in March 2009.", "March 2009", "2009-03"),
    ("Dealers will close after October of next year.", "October of next year", "2023-10"),
])
def test_bare_months_past_unless_future(nlp: Any, text: str, span: str, expected: str) -> None:
    assert values(nlp, text)[span] == expected


def test_fuzzy_month_keeps_mod(nlp: Any) -> None:
    text = "Putin saw Xi in early February."
    found = find_dates(text, nlp(text), THU)
    assert [(d["text"], d["value"], d["mod"]) for d in found] == [
        ("early February", "2022-02", "early")]


@pytest.mark.parametrize("text,span,value,duration", [
    ("Attacks came in the past 24 hours.", "the past 24 hours", "2022-09-14/2022-09-15",
     "PT24H"),
    ("Prices fell over the past three days.", "the past three days", "2022-09-12/2022-09-15",
     "P3D"),
    ("The deal runs for two years.", "two years", "P2Y", "P2Y"),
    ("It is a fifty-year contract.", "fifty-year", "P50Y", "P50Y"),
])
def test_durations_and_ranges(nlp: Any, text: str, span: str, value: str,
                              duration: str) -> None:
    found = {d["text"]: d for d in find_dates(text, nlp(text), THU)}
    assert found[span]["value"] == value
    assert found[span]["duration"] == duration
    assert found[span]["type"] == "DURATION"


def test_age_is_not_a_duration(nlp: Any) -> None:
    assert values(nlp, "The 40-year-old man was arrested.") == {}


def test_a_day_after_names_the_day_before_the_anchor(nlp: Any) -> None:
    text = "Strikes went on, a day after it fired missiles at a dam."
    assert values(nlp, text)["a day"] == "2022-09-14"  # "after" is a signal, not extent


@pytest.mark.parametrize("text,span,expected", [
    ("It was photographed on 15 September, 2022 in Izium.", "15 September, 2022", "2022-09-15"),
    ("The deal was signed September 01, 2007.", "September 01, 2007", "2007-09-01"),
    ("The contract may be signed on September 22.", "September 22", "2022-09-22"),
    ("The contract was signed on September 12.", "September 12", "2022-09-12"),
    ("A hearing is scheduled for 11 December.", "11 December", "2022-12-11"),
    ("The plant opened in 1991.", "1991", "1991"),
    ("Growth slowed in the 1990s.", "the 1990s", "199"),
    ("Profit rose in the third quarter.", "the third quarter", "2022-Q3"),
    ("He resigned yesterday.", "yesterday", "2022-09-14"),
    ("Shares fell 3% today.", "today", "2022-09-15"),
    ("The company lost money last year.", "last year", "2021"),
    ("Earnings fell from the prior year.", "the prior year", "2021"),
])
def test_absolute_and_deictic(nlp: Any, text: str, span: str, expected: str) -> None:
    assert values(nlp, text)[span] == expected


@pytest.mark.parametrize("text,span,expected", [
    ("Sales fell in August, down 9% from the same month a year ago.",
     "the same month a year ago", "2021-08"),
    ("Profit in the second quarter of 2022 beat the same period last year.",
     "the same period last year", "2021-Q2"),
    ("Output rose 4% compared with the same period last year.",
     "the same period last year", "2021"),  # nothing named before: last year
    ("The firm lost money in 2005. Over the entire year it cut 900 jobs.",
     "the entire year", "2005"),
])
def test_anaphoric_expressions_follow_the_period_named_before(
        nlp: Any, text: str, span: str, expected: str) -> None:
    assert values(nlp, text)[span] == expected


@pytest.mark.parametrize("text,span,expected", [
    ("Sales rose in January 2006. A year earlier they fell.", "A year earlier", "2005-01"),
    ("Stocks plunged on 13 September and recovered two days later.", "two days later",
     "2022-09-15"),
    ("Exports were unchanged from a year earlier.", "a year earlier", "2021"),
    ("Profits rose in the first half of 2006.", "the first half of 2006", "2006-H1"),
    ("Output may recover during the second half of this year.", "the second half of this year",
     "2022-H2"),
])
def test_offsets_from_the_period_named_before_and_halves(
        nlp: Any, text: str, span: str, expected: str) -> None:
    assert values(nlp, text)[span] == expected


def test_later_with_nothing_named_before_is_unresolved(nlp: Any) -> None:
    assert values(nlp, "The plant reopened two days later.")["two days later"] is None


def test_entire_year_without_an_earlier_period_is_unresolved(nlp: Any) -> None:
    found = {d["text"]: d for d in find_dates("It grew over the whole year.",
                                              nlp("It grew over the whole year."), THU)}
    assert found["the whole year"]["value"] is None
    assert "unresolved" in found["the whole year"]["rule"]


def test_counts_and_decimals_are_not_dates(nlp: Any) -> None:
    found = values(nlp, "About 2000 workers earned 3.25 percent more. You may go.")
    assert found == {}


def test_unresolved_without_anchor(nlp: Any) -> None:
    text = "They met on Thursday and signed on 14 September, 2022."
    found = {d["text"]: d for d in find_dates(text, nlp(text), None)}
    assert found["Thursday"]["value"] is None
    assert "no-anchor" in found["Thursday"]["rule"]
    assert found["14 September, 2022"]["value"] == "2022-09-14"  # absolute: still resolved


def test_normalise_is_a_pure_function() -> None:
    assert normalise("last week", THU, "past").value == "2022-W36"
    assert normalise("Three weeks later", THU, "past").value is None
    assert normalise("the future", THU, "past").value == "FUTURE_REF"
    assert normalise("18:00 UTC", THU, "past").value == "2022-09-15T18:00Z"


def test_stage_anchors_on_published_and_records_it(nlp: Any) -> None:
    text = "The board met on Thursday."
    article = Article(text)
    article.published = Published("2022-09-15", "given")
    article.doc = nlp(text)
    DatesStage().process(article)
    [date] = article.extra["dates"]
    assert (date["start"], date["end"]) == (17, 25)
    assert date["value"] == "2022-09-15" and date["anchor"] == "2022-09-15"
    assert "anchor: published" in date["rule"]


def test_stage_infers_anchor_when_none_given(nlp: Any) -> None:
    text = ("Troops entered the city on Thursday. Soldiers patrol in Izium on 15 September, 2022."
            " Source: Getty / (Photo by A. Person/Agency via Getty Images) More text follows.")
    article = Article(text)
    article.doc = nlp(text)
    DatesStage().process(article)
    first = article.extra["dates"][0]
    assert first["value"] == "2022-09-15" and "anchor: inferred" in first["rule"]


@pytest.mark.parametrize("text,span,expected", [
    # a perfect progressive looks back, like any perfect
    ("Bond yields have been climbing in August.", "August", "2022-08"),
    # "since" names a start before the anchor whatever the verb
    ("Inflation is at its highest since September 20.", "September 20", "2021-09-20"),
    # a bare verb joined to a future one shares its tense
    ("The minister would sign the pact in May and visit the region in November.",
     "November", "2022-11"),
])
def test_tense_of_perfects_since_and_conjoined_verbs(nlp: Any, text: str, span: str,
                                                     expected: str) -> None:
    assert values(nlp, text)[span] == expected


@pytest.mark.parametrize("text,expected", [
    ("The fall in copper prices hurt miners.", {}),  # a drop, not the season
    ("Analysts blamed the fall of the euro.", {}),
    ("Orders slowed during the fall.", {"fall": "2022-FA"}),  # the one begun by mid-September
    ("The mine will reopen in the fall of next year.", {"fall of next year": "2023-FA"}),
    ("A cheaper phone goes on sale this spring.", {"this spring": "2022-SP"}),
])
def test_fall_the_drop_and_the_season(nlp: Any, text: str, expected: dict[str, str]) -> None:
    assert values(nlp, text) == expected


def test_two_digit_decade_takes_the_anchors_century(nlp: Any) -> None:
    text = "Rates were higher in the 40s."
    assert values(nlp, text, dt.date(1987, 3, 2))["the 40s"] == "194"
    assert values(nlp, text)["the 40s"] == "194"


def test_no_match_starts_inside_a_number_or_fraction(nlp: Any) -> None:
    assert "87 year" not in values(nlp, "Sales fell in the 2021/22 crop year.")
    assert values(nlp, "Net income was 3,815,000 dlrs, the firm said.") == {}


@pytest.mark.parametrize("text,span,expected", [
    # "the day" and its neighbours follow the day named last; sessions skip weekends
    ("Copper slumped on Monday. It ended 2% lower on the day.", "the day", "2022-09-12"),
    ("Copper slumped on Monday after a gain in the previous session.",
     "the previous session", "2022-09-09"),
    ("Grain rose on September 6 and slipped the following day.", "the following day",
     "2022-09-07"),
    ("The regulator acted on Tuesday and the bank replied the same day.", "the same day",
     "2022-09-13"),
    ("Tin firmed, after a sharp drop the day before.", "the day before", "2022-09-14"),
    ("The bourse ended flat for the day.", "the day", "2022-09-15"),  # none named: anchor
    # "the previous month/year/quarter" count back from the period named last
    ("Exports grew in July from the previous month.", "the previous month", "2022-06"),
    ("Output rose 4% in 2019 over the previous year.", "the previous year", "2018"),
    ("Costs fell in the first quarter of 2021 from the previous quarter.",
     "the previous quarter", "2020-Q4"),
    ("Output rose 4% in 2019, up from 3% the year before.", "the year before", "2018"),
    ("Orders rose 9% in 2020. For the year, sales were flat.", "the year", "2020"),
    ("Copper fell 5% in the week.", "the week", "2022-W37"),
    ("The index lost ground from the previous year.", "the previous year", "2021"),
    ("No one expected a crisis before the year 2030.", "the year 2030", "2030"),
])
def test_the_day_session_and_previous_period_follow_the_text(
        nlp: Any, text: str, span: str, expected: str) -> None:
    assert values(nlp, text)[span] == expected


@pytest.mark.parametrize("text", [
    "The session of parliament was adjourned.",  # a sitting, no date of its own
    "Sales in the year to June rose.",  # a span bounded elsewhere, not a calendar year
    "The team does day-to-day trading.",
])
def test_not_a_calendar_day_or_year(nlp: Any, text: str) -> None:
    found = find_dates(text, nlp(text), THU)
    assert not [d for d in found if "calendar:" in d["rule"]]


def test_early_and_late_weekdays_keep_the_day_and_a_mod(nlp: Any) -> None:
    text = "Nickel jumped late Tuesday and the mine shut early Monday morning."
    found = {d["text"]: d for d in find_dates(text, nlp(text), THU)}
    assert (found["late Tuesday"]["value"], found["late Tuesday"]["mod"]) == (
        "2022-09-13", "late")
    assert (found["early Monday morning"]["value"], found["early Monday morning"]["type"]) == (
        "2022-09-12TMO", "TIME")


@pytest.mark.parametrize("text,span,expected", [
    ("The miner sees lower output in fiscal 2024.", "fiscal 2024", "FY2024"),
    ("Dividends for the 2019/20 financial year were cut.", "the 2019/20 financial year",
     "FY2019"),
    ("Targets for FY23 were missed.", "FY23", "FY2023"),
    ("The chain expects losses in the current fiscal year.", "the current fiscal year",
     "FY2022"),
    ("Margins shrank last fiscal year.", "last fiscal year", "FY2021"),
])
def test_fiscal_years(nlp: Any, text: str, span: str, expected: str) -> None:
    assert values(nlp, text)[span] == expected


def test_fiscal_policy_is_not_a_date(nlp: Any) -> None:
    assert values(nlp, "Fiscal policy stayed loose.") == {}


@pytest.mark.parametrize("text,span,expected", [
    ("Reserves fell to 30 billion at end-2019.", "end-2019", "2019"),
    ("Debt stood at 9 billion at end-June.", "end-June", "2022-06"),
    ("Loan losses jumped at year-end.", "year-end", "2021"),  # looking back from September
    ("The lender aims to close the deal by year-end.", "year-end", "2022"),
    ("Hiring slowed at mid-year.", "mid-year", "2022"),  # July has passed
])
def test_end_and_mid_forms(nlp: Any, text: str, span: str, expected: str) -> None:
    assert values(nlp, text)[span] == expected


@pytest.mark.parametrize("text,span,expected", [
    ("Profit in the third quarter of 2021 beat the year-ago quarter.", "the year-ago quarter",
     "2020-Q3"),
    ("Rents in May were 6% above year-earlier levels.", "year-earlier", "2021-05"),
    ("Margins narrowed from the year-ago period.", "the year-ago period", "2021"),
])
def test_year_ago_adjectives_are_a_year_before_the_period_named(
        nlp: Any, text: str, span: str, expected: str) -> None:
    assert values(nlp, text)[span] == expected


@pytest.mark.parametrize("text,span,expected", [
    ("Silver was steady by midday.", "midday", "2022-09-15TMI"),
    ("Zinc fell on Monday. It had risen in morning trading.", "morning", "2022-09-12TMO"),
    ("The yen weakened in the afternoon.", "the afternoon", "2022-09-15TAF"),
])
def test_parts_of_the_day_follow_the_day_named(nlp: Any, text: str, span: str,
                                               expected: str) -> None:
    found = {d["text"]: d for d in find_dates(text, nlp(text), THU)}
    assert (found[span]["value"], found[span]["type"]) == (expected, "TIME")


def test_a_greeting_is_not_a_time(nlp: Any) -> None:
    assert values(nlp, "Good morning, the host said.") == {}


def test_a_year_before_at_the_end_of_a_clause_is_a_year_earlier(nlp: Any) -> None:
    text = "Rents hit a record in April, up from a low a year before, agents said."
    found = {d["text"]: d["value"] for d in find_dates(text, nlp(text), THU)}
    assert found["a year before"] == "2021-04"


@pytest.mark.parametrize("text,span,expected", [
    ("More banks may fail in the next few weeks.", "the next few weeks", "PXW"),
    ("Imports rose in the first eight months of the year.", "the first eight months", "P8M"),
])
def test_vague_or_leading_spans_keep_their_length(nlp: Any, text: str, span: str,
                                                  expected: str) -> None:
    assert values(nlp, text)[span] == expected


def test_model_spans_about_money_are_not_dates(nlp: Any) -> None:
    text = "The stock has traded between 12 and 18 dollars. Sales hit a seasonally adjusted 4.2."
    assert values(nlp, text) == {}


@pytest.mark.parametrize("text,span,expected", [
    ("Completion of the merger is anticipated in March.", "March", "2023-03"),
    ("Brokers forecast a recovery in February.", "February", "2023-02"),
])
def test_forecasting_verbs_look_ahead(nlp: Any, text: str, span: str, expected: str) -> None:
    assert values(nlp, text)[span] == expected


@pytest.mark.parametrize("text,span,expected", [
    ("Exchanges were shut on Labor Day.", "Labor Day", "2022-09-05"),
    ("Exchanges will close early on Thanksgiving Day.", "Thanksgiving Day", "2022-11-24"),
    ("Futures slid on Good Friday.", "Good Friday", "2022-04-15"),
    ("Bond desks were quiet on New Year's Eve 2019.", "New Year's Eve 2019", "2019-12-31"),
    ("Markets were closed for Martin Luther King Jr. Day.", "Martin Luther King Jr. Day",
     "2022-01-17"),
])
def test_holidays(nlp: Any, text: str, span: str, expected: str) -> None:
    assert values(nlp, text)[span] == expected


@pytest.mark.parametrize("text,span,expected", [
    # the ISO week holding most of those days: 22-28 August, not 29 August - 4 September
    ("Stocks slid in the last week of August.", "the last week of August", "2022-W34"),
    ("The board will meet in the first week of October.", "the first week of October",
     "2022-W40"),
])
def test_nth_week_of_a_month(nlp: Any, text: str, span: str, expected: str) -> None:
    assert values(nlp, text)[span] == expected


def test_past_sessions_are_a_range_not_the_past(nlp: Any) -> None:
    found = values(nlp, "The index rose over the past two sessions.")
    assert found == {"the past two sessions": "2022-09-13/2022-09-15"}


@pytest.mark.parametrize("text,span,expected", [
    # a weekday owning what a market did is past even under a modal or a present verb
    ("Brokers said Monday's slump should not alarm savers.", "Monday", "2022-09-12"),
    ("The yield is flat against Tuesday's close.", "Tuesday", "2022-09-13"),
    ("Investors await Friday's jobs report.", "Friday", "2022-09-16"),  # not an outcome
])
def test_weekday_owning_a_market_outcome_is_past(nlp: Any, text: str, span: str,
                                                 expected: str) -> None:
    assert values(nlp, text)[span] == expected


def test_year_to_date_and_midnight(nlp: Any) -> None:
    found = values(nlp, "The fund is down 7% year-to-date; the offer lapses at midnight.")
    assert found == {"year-to-date": "2022", "midnight": "2022-09-15T00:00"}


def test_quarterly_and_semiannual_sets(nlp: Any) -> None:
    found = values(nlp, "The trust pays a quarterly dividend and coupons semi-annually.")
    assert found == {"quarterly": "P3M", "semi-annually": "P6M"}


def test_a_year_before_a_unit_is_not_a_count(nlp: Any) -> None:
    found = values(nlp, "Net fell from a profit in the 2019 quarter.")
    assert found == {"2019": "2019"}


@pytest.mark.parametrize("text,span,expected", [
    ("The miner listed in 2011. That year, copper peaked.", "That year", "2011"),
    ("Capital spending will fall this calendar year.", "this calendar year", "2022"),
    ("The index slid for six trading days.", "six trading days", "P6D"),
    ("The index shed 9% in three sessions.", "three sessions", "P3D"),
])
def test_that_year_calendar_year_and_trading_day_counts(nlp: Any, text: str, span: str,
                                                        expected: str) -> None:
    assert values(nlp, text)[span] == expected


def test_a_comparison_point_is_not_a_new_reference(nlp: Any) -> None:
    text = ("Output fell in May to 40 units from 44 units a year before. Exports slipped to 9 "
            "units from 11 units a year before.")
    found = [d["value"] for d in find_dates(text, nlp(text), THU) if d["text"] == "a year before"]
    assert found == ["2021-05", "2021-05"]


def test_between_now_and_a_day_looks_ahead(nlp: Any) -> None:
    text = "Quotas stay unless a deal is struck between now and September 1."
    assert values(nlp, text)["September 1"] == "2023-09-01"


@pytest.mark.parametrize("text,span,expected", [
    ("The plant opens in April next year.", "April next year", "2023-04"),
    ("Profits slumped in May last year.", "May last year", "2021-05"),
    ("The tax applies from January 1 next year.", "January 1 next year", "2023-01-01"),
])
def test_month_or_day_with_a_relative_year(nlp: Any, text: str, span: str,
                                            expected: str) -> None:
    assert values(nlp, text)[span] == expected


def test_a_huge_count_is_no_date_and_no_crash(nlp: Any) -> None:
    text = "Cattle kill totalled 323,000 head, versus 317,000 week ago."
    assert "317,000 week ago" not in values(nlp, text)


@pytest.mark.parametrize("text,span,expected", [
    # a weekday inside a noun phrase dates the noun: past in a present-tense report
    ("A filing late Monday that the lender is for sale is lifting its shares.", "late Monday",
     "2022-09-12"),
    ("Dealers are weighing a memo Tuesday that hinted at job cuts.", "Tuesday", "2022-09-13"),
    # an outcome in a clause that looks ahead is still to come
    ("Brokers will study Friday's close for a signal.", "Friday", "2022-09-16"),
    # the subject of a prediction is the nearest such day, not the predicted one
    ("Tuesday's ballot should steady the currency.", "Tuesday", "2022-09-13"),
    ("Monday's rate cut could lift lenders' shares.", "Monday", "2022-09-12"),
])
def test_weekday_in_a_noun_phrase(nlp: Any, text: str, span: str, expected: str) -> None:
    assert values(nlp, text)[span] == expected


@pytest.mark.parametrize("text,span,expected", [
    ("The envoys will renew their April pact next week.", "April", "2022-04"),
    ("The bureau will release October payroll figures soon.", "October", "2021-10"),
    ("November's factory numbers will be out on Friday.", "November", "2021-11"),
    ("Rates will be set at its October meeting.", "October", "2022-10"),  # scheduled
    ("The bank will sell more bonds in the December quarter.", "December", "2022-12"),
    ("The grain will go out as November/December shipment cargo.", "November", "2022-11"),
    ("Wholesale prices for July, due September 30, are watched.", "September 30",
     "2022-09-30"),
])
def test_month_modifying_a_noun(nlp: Any, text: str, span: str, expected: str) -> None:
    assert values(nlp, text)[span] == expected


def test_weekday_in_a_title_is_no_date(nlp: Any) -> None:
    found = values(nlp, "The Sunday Herald reported the bid on Tuesday.")
    assert found == {"Tuesday": "2022-09-13"}


def test_present_passive_is_not_past(nlp: Any) -> None:
    text = "Rates are seen rising after the budget is unveiled October 4."
    assert values(nlp, text)["October 4"] == "2022-10-04"


def test_the_previous_weekday_counts_from_the_day_named(nlp: Any) -> None:
    text = "The peso slid on September 6 after rallying the previous Friday."
    found = values(nlp, text)
    assert found["the previous Friday"] == "2022-09-02"
    assert values(nlp, "Bonds had rallied the previous Monday.")["the previous Monday"] == \
        "2022-09-12"


@pytest.mark.parametrize("text", [
    "Turnover dried up the day before the auction.",
    "Spreads widened the week after the downgrade.",
])
def test_a_period_counted_from_an_event_is_unresolved(nlp: Any, text: str) -> None:
    found = find_dates(text, nlp(text), THU)
    assert [(d["text"], d["value"]) for d in found] in ([("the day", None)], [("the week", None)])


def test_half_of_a_month_is_the_month_with_a_mod(nlp: Any) -> None:
    text = "Refiners cut runs in second-half July."
    found = find_dates(text, nlp(text), THU)
    assert [(d["text"], d["value"], d["mod"]) for d in found] == [
        ("second-half July", "2022-07", "late")]


def test_the_past_week_keeps_its_length(nlp: Any) -> None:
    text = "Copper has lost 4% over the past week."
    found = find_dates(text, nlp(text), THU)
    assert [(d["value"], d["duration"]) for d in found] == [("2022-W36", "P1W")]


def test_a_period_counted_from_an_event_in_apposition_takes_the_day(nlp: Any) -> None:
    text = "Yields peaked on September 8, the day after the auction."
    assert values(nlp, text)["the day"] == "2022-09-08"
    text = "Following Monday's slide, brokers turned cautious."
    assert values(nlp, text) == {"Monday": "2022-09-12"}


@pytest.mark.parametrize("text,span,expected", [
    # a fiscal period is named, like company reports name it, by the year it ends in
    ("Net income for the year ended June 30, 2021 rose.", "the year", "FY2021"),
    ("Turnover in the year to March fell 3%.", "the year", "FY2022"),
    ("Profit in the second quarter ended May 31 doubled.", "the second quarter", "FY2022-Q2"),
    ("Margins in the first quarter ending October 31 may slip.", "the first quarter",
     "FY2022-Q1"),
    # ... and the calendar period when it ends with one
    ("Sales in the third quarter ended June 30 rose.", "the third quarter", "FY2022-Q3"),
    ("Sales in the second quarter ended June 30 rose.", "the second quarter", "2022-Q2"),
    ("Losses for the year ended December 31, 2020 narrowed.", "the year", "2020"),
    ("Jobless claims dipped in the week ended September 3.", "the week", "2022-W35"),
])
def test_period_named_by_the_day_it_ends(nlp: Any, text: str, span: str, expected: str) -> None:
    assert values(nlp, text)[span] == expected


def test_the_day_a_quarter_ends_takes_the_clause_time(nlp: Any) -> None:
    text = "Output in the fourth quarter ending August 31 rose."
    assert values(nlp, text)["August 31"] == "2022-08-31"
    text = "The firm changed its financial year to December 31."
    assert values(nlp, text)["financial year"] == "FY2022"  # no period ending then


def test_delivery_month_is_the_coming_one(nlp: Any) -> None:
    assert values(nlp, "March cocoa futures slid to a low.")["March"] == "2023-03"
    assert values(nlp, "Traders sold the spot October contract.")["October"] == "2022-10"


def test_month_found_by_the_model_still_reads_its_noun(nlp: Any) -> None:
    text = "Brokers expect robust March turnover at the exchange."
    assert values(nlp, text)["March"] == "2022-03"


def test_a_capitalised_daily_inside_a_name_is_no_set(nlp: Any) -> None:
    text = "The Economic Daily said exports rose."
    assert "Daily" not in values(nlp, text)


@pytest.mark.parametrize("text,span,expected", [
    ("The Nikkei had its worst week since June.", "its worst week", "2022-W37"),
    ("Gilts fell for the fourth straight session.", "the fourth straight session", "2022-09-15"),
    ("The miner listed in 2019, its best year.", "its best year", "2019"),
])
def test_a_ranked_period_is_the_one_reported(nlp: Any, text: str, span: str,
                                             expected: str) -> None:
    assert values(nlp, text)[span] == expected


def test_a_fraction_of_quarters_is_no_duration(nlp: Any) -> None:
    assert values(nlp, "The bank cut rates by three-quarters of a point today.") == {
        "today": "2022-09-15"}
    assert values(nlp, "Two quarters of the budget went on wages.") == {}
    assert values(nlp, "A rebound followed three quarters of contraction.") == {
        "three quarters": "P3Q"}


def test_a_point_after_since_is_no_antecedent(nlp: Any) -> None:
    text = "Output fell in August to its lowest since May 2020, the third straight month."
    assert values(nlp, text)["the third straight month"] == "2022-08"


@pytest.mark.parametrize("text,span,expected", [
    ("It was the steepest drop since Black Monday.", "Black Monday", "1987-10-19"),
    ("Brokers called it Black Monday after the rout.", "Monday", "2022-09-12"),
])
def test_black_monday(nlp: Any, text: str, span: str, expected: str) -> None:
    assert values(nlp, text)[span] == expected


@pytest.mark.parametrize("text,span,expected", [
    ("The fund has extended its offer until September 30.", "September 30", "2022-09-30"),
    ("The tariff was cut, effective October 3.", "October 3", "2022-10-03"),
    ("The dividend is payable October 20 to holders of record October 6.", "October 6",
     "2022-10-06"),
    ("The September 2 downgrade will weigh on the bank.", "September 2", "2022-09-02"),
    ("The ruling on October 12 will be made public.", "October 12", "2022-10-12"),
    ("Growth slowed after the March 11 quake.", "March 11", "2022-03-11"),
])
def test_day_named_with_a_thing_or_a_term(nlp: Any, text: str, span: str, expected: str) -> None:
    assert values(nlp, text)[span] == expected


def test_mid_day_is_a_part_of_the_day(nlp: Any) -> None:
    assert values(nlp, "The lender issued a statement around mid-day.")["mid-day"] == \
        "2022-09-15TMI"


@pytest.mark.parametrize("text,span,expected", [
    ("The insurer forecast higher premiums for 2023.", "2023", "2023"),
    ("The index ended 2021 near a record.", "2021", "2021"),
    ("Rate cuts may stretch into 2024.", "2024", "2024"),
])
def test_year_after_a_verb_or_for(nlp: Any, text: str, span: str, expected: str) -> None:
    assert values(nlp, text)[span] == expected


def test_weekday_joined_to_next_weekday_shares_its_week(nlp: Any) -> None:
    found = values(nlp, "The board meets next Monday and Tuesday.")
    assert found == {"next Monday": "2022-09-19", "Tuesday": "2022-09-20"}


@pytest.mark.parametrize("text,span,expected", [
    ("The merger went ahead in December.", "December", "2021-12"),  # 'went' is no plan
    ("Factories hired fewer workers than expected in October.", "October", "2021-10"),
    ("The listing is expected in October.", "October", "2022-10"),
])
def test_go_and_than_expected_do_not_look_ahead(nlp: Any, text: str, span: str,
                                                expected: str) -> None:
    assert values(nlp, text)[span] == expected


@pytest.mark.parametrize("text", [
    "In 1998, FY2005 and fy 07 sales fell 12.5% by 3:45 pm; the 1990s and '80s, 4/5/2006.",
    "2005-06-07 at 10.30am, 1900 19000 2019a a2019 20 05 FY 9 FYI fy0 1:5 0s 10 am",
    "Numbers ٣:٤٥ and ١٩٩٨ are digits too; F.Y. 2001; 12-13 am and 7 p.m.",
    "",
])
def test_digit_anchors_are_the_pattern_matches(text: str) -> None:
    """Trying the pattern only at digits and "fy" finds what scanning every offset does."""
    from newsgraph.stages.dates import _DIGIT_ANCHOR_RE, digit_anchors

    assert digit_anchors(text) == [m.span() for m in _DIGIT_ANCHOR_RE.finditer(text)]


def test_anchor_windows_hold_words_and_numbers(nlp: Any) -> None:
    """The windows come from the token arrays (anchor words) and digit anchors."""
    from newsgraph.stages.dates import ANCHOR_WINDOW, windows

    text = "x" * 100 + " It rose last week. " + "y" * 100 + " Sales in 1998 fell. " + "z" * 100
    lo_week, lo_year = text.index("week"), text.index("1998")
    assert windows(text, nlp(text)) == [
        (lo_week - ANCHOR_WINDOW, lo_week + 4 + ANCHOR_WINDOW),
        (lo_year - ANCHOR_WINDOW, lo_year + 4 + ANCHOR_WINDOW)]
    assert windows(text, nlp(text)) == windows(text)  # the regex path without a parse


FULL_DATES = ("On Tuesday, 4 March 2008 and Tuesday 4 March, 2008; March 4, 2008, "
              "Mon., Sept. 3 and 3/4/2008 or 2008-03-04; may 4 2008, 12 May, in May 2008 a "
              "Friday 13 June meeting; 1,5 May 2008 x2008-01-01 T4 March 2008 31 February 2009")


def test_full_date_rules_find_what_they_found_without_their_start_look_ahead() -> None:
    """The first-character look-ahead of the full-date rules only skips offsets where
    no match can start; BBC texts too, where the evaluation data is at hand."""
    import re

    from helpers import SHARED

    from newsgraph.eval.corpora import bbc_texts
    from newsgraph.stages.dates import compiled, rule_starts

    corpus = SHARED / "corpus" / "bbc.jsonl"
    texts = [FULL_DATES, FULL_DATES.lower(), FULL_DATES.upper()]
    texts += bbc_texts(corpus, 300) if corpus.exists() else []
    for name, pattern in compiled():
        start = rule_starts().get(name)
        if start is None:
            continue
        assert pattern.pattern.startswith(start)
        plain = re.compile(pattern.pattern[len(start):], pattern.flags)
        for text in texts:
            assert [m.span() for m in pattern.finditer(text)] == \
                [m.span() for m in plain.finditer(text)]
    assert [m.group(0) for m in dict(compiled())["date_dmy"].finditer(FULL_DATES)][:2] == [
        "Tuesday, 4 March 2008", "Tuesday 4 March, 2008"]


@pytest.mark.parametrize("span", [
    "March 2005", "May 1999", "December 1800", "February 2099", "1 January 2000",
    "29 February 2004", "31 December, 2004", "15 July 2006", "9 September 2001",
    # not the plain shapes: dateparser itself
    "29 February 2005", "31 April 2010", "March, 2005", "01 March 2005", "Sept 2005",
    "3 Sept. 2005", "March 12, 2005", "12 march 2005", "2005",
])
def test_plain_dates_read_as_dateparser_reads_them(span: str) -> None:
    """The direct reading of "12 March 2005" and "March 2005" is dateparser's."""
    from newsgraph.stages.dates import _parser, parse_absolute

    data = _parser().get_date_data(span)
    expected = None if data is None or data.date_obj is None else (
        data.date_obj.date(), str(data.period))
    parse_absolute.cache_clear()
    assert parse_absolute(span) == expected


def test_dateparser_results_are_cached_within_a_bound() -> None:
    from newsgraph.stages.dates import parse_absolute

    parse_absolute.cache_clear()
    assert parse_absolute("3 Sept. 2005") == parse_absolute("3 Sept. 2005")
    info = parse_absolute.cache_info()
    assert info.hits == 1 and info.maxsize is not None and info.maxsize <= 4096
