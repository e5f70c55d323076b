"""Issue 13 (links): an action its progress report says was never begun ("Not started")
was linked to the later plan's action on the same subject, a different task (Glenmoray:
the photography competition "Not started: not run after 2020" -> a photography course for
research students), so its fate read "continued" where it was dropped. A stalled action
now keeps a link only from the completed actions' bar (fates.stalled_link_min); only the
progress report's words count (a plan's own status column says "Not started" of every new
action)."""
from __future__ import annotations

from tcpipe.dataset.links import ActionRef, link_plans, load_config, says_stalled

EARLIER = [
    ActionRef("e1", "Hold informal coffee mornings for technicians every month.", aim="Build a community."),
    ActionRef("e2", "Create a central training fund that technicians can apply to.", aim="Development."),
    ActionRef("e3", "Run an annual photography competition showing technicians at work in the library.",
              aim="Visibility."),
    ActionRef("e4", "Secure technician membership of each Faculty Research Committee.", aim="A voice."),
    ActionRef("e5", "Thank technicians publicly in the Vice-Chancellor's annual address.", aim="Celebrate."),
]
LATER = [
    ActionRef("l1", "Continue the monthly informal coffee mornings for technical staff.", aim="Community."),
    ActionRef("l2", "Run two rounds a year of the central training fund for technicians.", aim="Development."),
    ActionRef("l3", "Offer an annual photography course in the library for research students.", aim="Visibility."),
    ActionRef("l4", "Install energy meters in the research workshops.", aim="Facilities."),
]


def test_a_not_started_action_does_not_continue_into_a_weak_match():
    plain = link_plans(EARLIER, LATER)
    trap = [l for l in plain.links if l.from_row_id == "e3"]
    # without a report the trap is the photography action's best match: it is linked
    assert trap and all(l.score < load_config().fates.stalled_link_min for l in trap)
    res = link_plans(EARLIER, LATER, progress={"e3": "Not started. Not run after 2020 because of low interest."})
    assert not [l for l in res.links if l.from_row_id == "e3"]
    assert res.fates["e3"] == "dropped" and "l3" in res.new
    assert res.fates["e1"] == "continued"          # other actions keep their links


def test_a_close_match_of_a_not_started_action_still_continues():
    res = link_plans(EARLIER, LATER, progress={"e1": "Not started: no room booked yet."})
    assert res.fates["e1"] == "continued"


def test_says_stalled():
    cfg = load_config().fates
    assert says_stalled("Not started", cfg) and says_stalled("On hold until 2024.", cfg)
    assert not says_stalled("Started in 2021; on track.", cfg) and not says_stalled(None, cfg)
