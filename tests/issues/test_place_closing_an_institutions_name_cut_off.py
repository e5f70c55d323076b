"""Blind round 8 (pennard-college): "Pennard College London – Technician Commitment Action Plan
2026–29" gave the institution "Pennard College": a name was read up to its head noun and an "of"
phrase, never a place set straight after the head, as in the registry's "Imperial College
London", "University College London" and "Queen's University Belfast". The words the registry's
names set after their head are now learned from models/institutions.csv
(normalise.meta.after_head_words) and close a name the same way; a longer word that only starts
with one ("Londonderry") does not."""
from __future__ import annotations

from normalise.meta import after_head_words, full_names, load_meta_config
from tests.tableplans import ruled_pdf, run


def test_place_after_the_head_closes_the_name():
    data = ruled_pdf(["Ref", "Action", "Lead", "Deadline"],
                     [["A1", "Publish a directory of technical staff and their skills", "Comms", "Mar 2027"],
                      ["A2", "Fund registration fees for every technician who asks", "HR", "Ongoing"]],
                     intro="Pennard College London – Technician Commitment Action Plan 2026–29")
    doc, _ = run(data, "pennard-college-plan.pdf")
    assert doc["institution"] == "Pennard College London"


def test_the_words_come_from_the_registry_and_stop_at_a_longer_word():
    cfg = load_meta_config()
    assert "London" in after_head_words(cfg.institution_heads, cfg.name_connectors)
    assert set(full_names("Kestrel College Londonderry campus. Kestrel College signed the Commitment.")) \
        == {"Kestrel College"}
