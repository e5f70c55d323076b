"""Issue 13 (links), found on the Kelderby pair: "A one-day teaching skills workshop" (each
year; its report: "Complete. Delivered in 2021 and 2022; now part of the standard staff
training offer") kept a weak link (0.19) to a new one-off on the same subject, "Film a
virtual tour of the teaching laboratories" (June 2025), so it read "continued" where the
gold says "completed", and the film was not new. A recurring action its report calls
complete keeps a link below fates.completed_link_min only when the later action goes on
too: one whose timeframe is not read as a one-off (fates.one_off)."""
from __future__ import annotations

from tcpipe.dataset.links import ActionRef, link_plans, load_config

EARLIER = [
    ActionRef("e1", "Hold informal coffee mornings for technicians every month.", aim="Build a community.",
              recurrence="monthly"),
    ActionRef("e2", "Open a central training fund round that technicians can apply to.", aim="Development.",
              recurrence="annual"),
    ActionRef("e3", "Secure technician membership of each Faculty Research Committee.", aim="A voice.",
              recurrence="once"),
]
DONE = {"e2": "Complete: rounds held in 2022 and 2023; now part of the standard offer."}


def _later(recurrence: str | None) -> list[ActionRef]:
    return [
        ActionRef("l1", "Continue the monthly informal coffee mornings for technical staff.", aim="Community.",
                  recurrence="monthly"),
        ActionRef("l2", "Run two rounds a year of the central training fund for technicians.", aim="Development.",
                  recurrence=recurrence),
        ActionRef("l3", "Install energy meters in the research workshops.", aim="Facilities.", recurrence="once"),
    ]


def test_a_recurring_action_done_is_not_carried_into_a_one_off():
    plain = link_plans(EARLIER, _later("once"))
    weak = [l for l in plain.links if (l.from_row_id, l.to_row_id) == ("e2", "l2")]
    assert weak and weak[0].score < load_config().fates.completed_link_min   # a link below the completed bar
    res = link_plans(EARLIER, _later("once"), progress=DONE)
    assert ("e2", "l2") not in {(l.from_row_id, l.to_row_id) for l in res.links}
    assert res.fates["e2"] == "completed" and "l2" in res.new


def test_a_recurring_action_done_goes_on_in_a_later_action_that_recurs_or_is_unread():
    for rec in ("twice yearly", "ongoing", None):
        res = link_plans(EARLIER, _later(rec), progress=DONE)
        assert ("e2", "l2") in {(l.from_row_id, l.to_row_id) for l in res.links}, rec
        assert res.fates["e2"] == "continued", rec
