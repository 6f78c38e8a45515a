"""The claims ledger groups figures by the quantity they estimate (no HTML involved)."""

from __future__ import annotations

from datetime import date

import pytest

from pipeline.dates import dateline_date
from pipeline.ledger import build_ledger, date_ordinal, quantity_key
from tests.builders import casualty, count, deployment, exchange, summary, when


def _by_label(groups):
    return {g.label: g for g in groups}


def test_competing_estimates_from_two_articles_share_one_group():
    kyiv = summary("kyiv", casualty(4000, claimant="Ukraine's HUR"))
    seoul = summary("seoul", casualty(600, claimant="South Korea's NIS"))
    groups = build_ledger([kyiv, seoul])
    assert len(groups) == 1
    (group,) = groups
    assert group.label == "North Korean troops killed"
    assert [e.article_id for e in group.entries] == ["kyiv", "seoul"]
    assert group.values == [4000, 600]
    assert group.claimants == ["Ukraine's HUR", "South Korea's NIS"]
    assert group.competing


def test_same_figure_from_one_source_is_not_competing():
    a = summary("a", casualty(600, claimant="NIS"), casualty(600, claimant="NIS"))
    (group,) = build_ledger([a])
    assert not group.competing


def test_killed_wounded_and_combined_totals_stay_apart():
    s = summary(
        "a",
        casualty(300, kind="killed"),
        casualty(2700, kind="wounded"),
        casualty(3000, kind="killed_or_wounded"),
        casualty(2, kind="captured"),
    )
    labels = [g.label for g in build_ledger([s])]
    assert labels == [
        "North Korean troops killed",
        "North Korean troops wounded",
        "North Korean troops killed or wounded (combined)",
        "North Korean troops captured",
    ]


def test_casualties_of_another_group_are_another_quantity():
    s = summary(
        "a", casualty(300), casualty(50, affected="Ukrainian soldiers"), casualty(20, kind="killed")
    )
    groups = _by_label(build_ledger([s]))
    assert len(groups["North Korean troops killed"].entries) == 2
    assert len(groups["Ukrainian soldiers killed"].entries) == 1


def test_planned_and_completed_deployments_are_not_the_deployed_figure():
    s = summary(
        "a",
        deployment(8000, status="ongoing"),
        deployment(11000, status="unknown"),  # status not stated: people sent, still a stock
        deployment(5000, status="planned"),
        deployment(1200, status="completed"),
    )
    groups = _by_label(build_ledger([s]))
    assert set(groups) == {
        "Troops sent / deployed",
        "Troops planned to be sent",
        "Troops deployment completed",
    }
    assert groups["Troops sent / deployed"].values == [8000, 11000]
    assert groups["Troops planned to be sent"].values == [5000]
    assert groups["Troops deployment completed"].values == [1200]


def test_personnel_types_and_routes_are_separate_quantities():
    s = summary(
        "a",
        deployment(5000, personnel="construction_troops"),
        deployment(15000, personnel="workers"),
        deployment(10000),
        deployment(300, sending_state="Russia", host_state="North Korea"),
    )
    labels = {g.label for g in build_ledger([s])}
    assert labels == {
        "Troops sent / deployed",
        "Construction troops sent / deployed",
        "Workers sent / deployed",
        "Troops sent / deployed (Russia → North Korea)",
    }


def test_names_differing_in_case_space_or_apostrophe_are_one_route():
    a = deployment(1, sending_state="North Korea", host_state="Russia")
    b = deployment(2, sending_state="north  korea", host_state="RUSSIA")
    assert quantity_key(a) == quantity_key(b)
    c = casualty(1, affected="North Korea\u2019s troops")
    d = casualty(2, affected="north korea's troops")
    assert quantity_key(c) == quantity_key(d)


def test_exchanges_group_by_category_and_direction():
    s = summary(
        "a",
        exchange("weapons", item="artillery shells"),
        exchange("weapons", item="KN-23 missiles", status="suspected"),
        exchange("weapons", item="fighter jets", provider="Russia", recipient="North Korea"),
        exchange("fuel", item="refined oil", provider="Russia", recipient="North Korea"),
    )
    groups = _by_label(build_ledger([s]))
    assert set(groups) == {
        "Weapons and ammunition: North Korea → Russia",
        "Weapons and ammunition: Russia → North Korea",
        "Fuel: Russia → North Korea",
    }
    shells = groups["Weapons and ammunition: North Korea → Russia"]
    assert [e.record.item for e in shells.entries] == ["artillery shells", "KN-23 missiles"]
    assert all(e.value is None for e in shells.entries)  # no counts: never charted


def test_entries_sorted_by_date_and_undated_kept_last():
    s = summary(
        "a",
        casualty(100, time=when("2024-12", "In December")),
        casualty(2000),  # no time, and no article date: undated, still listed
        casualty(600, time=when("2025-02", "in February")),
        casualty(300, time=when("2025", "this year")),
    )
    (group,) = build_ledger([s])
    assert [e.value for e in group.entries] == [100, 300, 600, 2000]
    assert [e.date for e in group.entries] == ["2024-12", "2025", "2025-02", None]
    assert [e.value for e in group.undated] == [2000]
    assert len(group.dated) == 3


def test_article_date_dates_records_without_their_own_time():
    old = summary("old", casualty(600))
    new = summary("new", casualty(2000), casualty(100, time=when("2024-12", "In December")))
    undated = summary("nodate", casualty(1))
    published = {"old": date(2025, 2, 13), "new": date(2025, 8, 27)}
    (group,) = build_ledger([new, undated, old], published)
    got = [(e.article_id, e.value, e.date, e.date_basis) for e in group.entries]
    assert got == [
        ("new", 100, "2024-12", "claim"),  # the record's own time wins over the article's
        ("old", 600, "2025-02-13", "article"),
        ("new", 2000, "2025-08-27", "article"),
        ("nodate", 1, None, None),
    ]


def test_entries_point_back_to_their_article_and_record():
    a = summary("a", deployment(10), casualty(20), exchange())
    b = summary("b", casualty(30))
    groups = _by_label(build_ledger([a, b]))
    killed = groups["North Korean troops killed"].entries
    assert [(e.article_index, e.record_index) for e in killed] == [(0, 1), (1, 0)]
    assert a.records[1] is killed[0].record


def test_ranges_and_vague_counts():
    s = summary(
        "a",
        deployment(None, count=count(None, "range", low=10000, high=12000)),
        deployment(None),  # "thousands": no number
    )
    (group,) = build_ledger([s])
    assert [e.value for e in group.entries] == [11000, None]
    assert group.values == [11000]


def test_ungrounded_records_can_be_left_out():
    s = summary("a", casualty(5), casualty(6))
    s.casualties[1].grounding.grounded = False
    assert len(build_ledger([s])[0].entries) == 2
    assert len(build_ledger([s], include_ungrounded=False)[0].entries) == 1


def test_group_order_is_stable_people_before_exchanges():
    s = summary("a", exchange(), casualty(1), deployment(2, personnel="workers"), deployment(3))
    keys = [(g.key.record_type, g.key.subtype) for g in build_ledger([s])]
    assert keys == [
        ("deployment", "troops"),
        ("deployment", "workers"),
        ("casualty", "killed"),
        ("exchange", "weapons"),
    ]


def test_date_ordinal_puts_partial_dates_mid_period():
    assert date_ordinal("2025-03-10") == date(2025, 3, 10).toordinal()
    assert date_ordinal("2025-03") == date(2025, 3, 15).toordinal()
    assert date_ordinal("2025") == date(2025, 7, 2).toordinal()


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        (
            "Headline\n\nSEOUL, Nov. 18, 2025 (Korea Wire Service) - Pyongyang sent ...",
            "2025-11-18",
        ),
        (" date 2025-06-26 North Korean To Send 6,000 More Troops", "2025-06-26"),
        ("Titel\n\nSeoul, 14. Oktober 2025 (Dienst) - Nordkorea hat ...", "2025-10-14"),
        ("Statement\nOttawa, 17 November 2025\n\n1. We condemn ...", "2025-11-17"),
        ("Headline\n\nNorth Korea has sent troops since September 2024, officials said.", None),
        ("No date here at all.", None),
    ],
)
def test_article_date_from_its_dateline(head, expected):
    got = dateline_date(head)
    assert (got.isoformat() if got else None) == expected


def test_a_date_deep_in_the_article_is_not_its_date():
    text = "Headline\n\n" + "Filler sentence about the war. " * 40 + "\nSEOUL, Nov. 18, 2025 - x"
    assert dateline_date(text) is None


def test_latest_is_the_most_recent_dated_number():
    s = summary(
        "a",
        casualty(2000, time=when("2025-08", "in August")),
        casualty(100, time=when("2024-12", "In December")),
        casualty(None, time=when("2025-09", "in September")),  # "hundreds": no number
        casualty(5000),  # undated
    )
    (group,) = build_ledger([s])
    assert group.latest is not None and group.latest.value == 2000
    assert build_ledger([summary("b", casualty(7))])[0].latest is None
