"""Issue #13: Essex 2020-23 defines "Excellence in Education Awards (EEA)" and then writes
"Offer support with completing EEA applications"; its 2024-27 successor writes "To encourage
nominations for University Awards, such as Excellence in Education Awards ..., and to
support with the application process". The acronym shared no word with the full name, so the
continuation ranked fourth for its later action and was missed. Acronyms a plan defines (the
initials of the words before the brackets spell it) are now read as their full names in
both plans (models/links.yaml similarity.expand_acronyms)."""
from __future__ import annotations

import numpy as np

from tcpipe.dataset.links import ActionRef, acronyms, load_config, similarity

EARLIER = [
    ActionRef("e1", "Continue to encourage technicians to apply for Excellence in Education Awards (EEA)."),
    ActionRef("e2", "Offer support with completing EEA applications."),
    ActionRef("e3", "Run an annual survey of technician engagement in committees."),
    ActionRef("e4", "Hold informal coffee mornings for technical staff."),
]
LATER = [
    ActionRef("l1", "Review technical representation on committees every year."),
    ActionRef("l2", "Help technicians write nominations for the Excellence in Education Awards."),
    ActionRef("l3", "Continue the twice termly informal coffee mornings."),
    ActionRef("l4", "Publish the action plan on the website."),
]


def test_a_defined_acronym_meets_its_full_name_in_the_other_plan():
    sim = similarity(EARLIER, LATER, load_config())
    assert sim.parts["words"][1, 1] > 0            # "EEA applications" and "Excellence in Education Awards"
    assert int(np.argmax(sim.score[1])) == 1


def test_only_initials_that_spell_it_define_an_acronym():
    table = acronyms(["Department Operating Budgets (DOB)", "the T-PIKE project (see below)",
                      "Performance and Development Reviews (PDRs)", "Technician Commitment (2024)",
                      "new staff (NS) induction"])
    assert table == {"DOB": "Department Operating Budgets", "PDR": "Performance and Development Reviews",
                     "NS": "new staff"}
