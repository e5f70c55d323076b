"""Source data for the six blind-round-4 plans. Every renderer prints from these structures and
the gold files are written from them, so gold and PDF share one source."""

PN = {"V": "Visibility", "R": "Recognition", "CD": "Career Development", "S": "Sustainability"}


def R(text, *, id=None, parent=None, section=None, aim=None, details=None, sm=None, tf=None,
      owner=None, pillars=(), talent=(), resources=None, supporting=None, **extra):
    d = {"action_id": id, "parent_id": parent, "section": section, "aim": aim,
         "action_text": text, "details": details, "supporting_actions": supporting,
         "success_measures": sm, "timeframe": tf, "owner": owner, "resources": resources,
         "pillars": list(pillars), "talent": list(talent), "page_start": None}
    d["_extra"] = extra
    return d


# --------------------------------------------------------------------------- 1. rotated pillar
P1 = {
    "file": "lindhurst-technician-commitment-action-plan-2025-2028.pdf",
    "institution": "University of Lindhurst",
    "title": "Technician Commitment Action Plan 2025\u20132028",
    "period": (2025, 2028), "layout": "word-rotated-pillar", "stripped": False,
    "talent_annotated": False,
    "rows": [],
}
_p1 = [
    ("V", "V1", "Compile and publish an annual census of technical staff by school, grade and specialism",
     "Technical Services Manager", "Each October", "Census report shared with the TC Steering Group and published on the intranet"),
    ("V", "V2", "Create a \u2018Meet our technicians\u2019 profile series for the University news pages",
     "Communications Officer (Research)", "From January 2026, every two months", "12 profiles published by the end of 2026"),
    ("V", "V3", "Secure a technician seat on each Faculty Research Committee and on the Health and Safety Committee",
     "Chair of TC Steering Group", "By July 2026", "Technician members named in committee terms of reference"),
    ("V", "V4", "Hold a Lindhurst Technician Showcase open to staff, students and local schools",
     "TC Project Coordinator", "Summer 2026 and summer 2027", "Attendance above 150; positive feedback in the post-event survey"),
    ("R", "R1", "Fund professional registration fees (RSciTech, RSci, EngTech) for every technician who applies",
     "Head of HR Operations", "Ongoing from April 2025", "30 newly registered technicians by 2028"),
    ("R", "R2", "Add a technician category to the Vice-Chancellor\u2019s Staff Excellence Awards",
     "Director of People", "Next awards cycle (2026)", "Category launched with at least 10 nominations each year"),
    ("R", "R3", "Publish guidance on acknowledging technical contributions in papers and datasets",
     "Research Integrity Lead", "December 2025", "Guidance adopted by all research-intensive schools"),
    ("R", "R4", "Run writing workshops for technicians applying for Advance HE Associate Fellowship",
     "Academic Practice Team", "Twice a year", "Eight technicians awarded AFHEA by 2028"),
    ("CD", "CD1", "Map technical roles onto a single job family with defined progression criteria between grades 4 and 8",
     "HR Reward Partner", "Draft by March 2026; implement 2027", "Job family approved by University Executive Board"),
    ("CD", "CD2", "Ring-fence three days of protected development time per technician each year",
     "Heads of School", "From 2025/26 academic year", "Uptake recorded in PDR returns"),
    ("CD", "CD3", "Launch a cross-faculty mentoring scheme pairing new and experienced technicians",
     "Organisational Development", "Pilot in spring 2026", "25 mentoring pairs active"),
    ("CD", "CD4", "Include a conversation about technical careers in every annual PDR",
     "Line managers, supported by HR", "Annual PDR round", "PDR completion rate above 90%"),
    ("S", "S1", "Establish a technical apprenticeship programme with four Level 3 places per year",
     "Apprenticeship Lead", "First intake September 2026", "Four apprentices recruited each year"),
    ("S", "S2", "Produce a five-year technical workforce plan that identifies roles at risk from retirement",
     "Technical Services Manager with the Planning Office", "By end of 2026", "Workforce plan received by Executive Board"),
    ("S", "S3", "Cost technician time into all new research grant applications where eligible",
     "Research Development Office", "Ongoing", "Technician costs included in 80% of eligible bids"),
    ("S", "S4", "Achieve LEAF Silver accreditation in all teaching laboratories",
     "Sustainability Team and Laboratory Managers", "July 2027", "LEAF Silver awarded in every teaching lab"),
]
for pil, i, t, o, tf, sm in _p1:
    P1["rows"].append(R(t, id=i, section=PN[pil], owner=o, tf=tf, sm=sm, pillars=[pil]))

# --------------------------------------------------------------------------- 2. outlined design
P2 = {
    "file": "marsh-end-technicians-commitment-plan-2025-27.pdf",
    "institution": "Marsh End University",
    "title": "Technicians at Marsh End: Our Commitment Plan 2025\u201327",
    "period": (2025, 2027), "layout": "design-outlined", "stripped": False,
    "talent_annotated": False, "rows": [],
}
P2_STRANDS = [
    ("V", "Strand one", "Visibility", "Seen and heard across the university"),
    ("R", "Strand two", "Recognition", "Credit where it is due"),
    ("CD", "Strand three", "Career development", "Room to grow"),
    ("S", "Strand four", "Sustainability", "Skills for the long term"),
]
_p2 = [
    ("V", "Build a searchable directory of technical expertise and equipment on the staff intranet", "Digital Services and TC Champions", "Live by June 2026"),
    ("V", "Feature a technician story in every issue of the staff e-bulletin", "Internal Communications", "Monthly"),
    ("V", "Invite technicians to present at the annual research conference alongside academic colleagues", "Research Office", "Each conference from 2025"),
    ("V", "Give technicians a standing agenda item at School Boards", "Heads of School", "From September 2025"),
    ("R", "Reimburse the first year of professional body membership for every technician", "Technical Operations Director", "Ongoing"),
    ("R", "Nominate technical staff each year for the national Technician of the Year awards", "TC Working Group", "Annually"),
    ("R", "Recognise technical contributions through named credits on research outputs and facility web pages", "Associate Dean for Research", "From 2026"),
    ("CD", "Offer a technical leadership course for senior technicians moving into management", "Learning and Development", "Two cohorts per year"),
    ("CD", "Open short secondments between core facilities so technicians can widen their skills", "Facility Managers", "Pilot 2026, review 2027"),
    ("CD", "Agree clear written criteria for progression by personal promotion within technical grades", "HR Policy Team", "By December 2026"),
    ("CD", "Create a training budget of \u00a320,000 a year that technicians allocate themselves", "TC Working Group", "From April 2025"),
    ("S", "Offer paid summer placements for undergraduates considering technical careers", "Careers Service", "Summers 2026 and 2027"),
    ("S", "Record the skills of staff due to retire within five years and plan how knowledge is handed over", "Technical Operations Director", "Reviewed annually"),
    ("S", "Move shared instruments onto a single booking and charging system", "Core Facilities Board", "By March 2027"),
]
_sec2 = {s[0]: f"{s[1]}: {s[2]}" for s in P2_STRANDS}
for pil, t, o, tf in _p2:
    P2["rows"].append(R(t, section=_sec2[pil], owner=o, tf=tf, pillars=[pil]))

# --------------------------------------------------------------------------- 3. slide deck tables
P3 = {
    "file": "brackenfield-tc-action-plan-2026-2029-slides.pdf",
    "institution": "Brackenfield University",
    "title": "Technician Commitment: Action Plan 2026\u20132029",
    "period": (2026, 2029), "layout": "slides-tables", "stripped": False,
    "talent_annotated": True, "rows": [],
}
_p3 = [
    ("V", "Run an annual technician census and publish the headline figures", "Technical Strategy Lead", "Every November", ["R3"]),
    ("V", "Set up a technicians\u2019 channel on the staff intranet with news and vacancies", "Internal Comms", "By Sept 2026", ["R6"]),
    ("V", "Ensure two elected technicians sit on the University Research Committee", "Pro-Vice-Chancellor (Research)", "From 2026/27", ["R12"]),
    ("V", "Take technicians into local schools and science fairs as STEM ambassadors", "Outreach Team", "Termly", ["R6", "R9"]),
    ("V", "Produce a short film showing a day in the life of technicians across campus", "Marketing", "Spring 2027", ["R6"]),
    ("R", "Pay Science Council registration fees for technicians on request", "HR", "Ongoing", ["R10"]),
    ("R", "Hold a technician awards evening each summer", "TC Steering Group", "Annually, June", ["R11"]),
    ("R", "Name technical contributors in the acknowledgements of all facility-supported publications", "Facility Directors", "From Jan 2027", ["R11"]),
    ("R", "Support technicians to become registration assessors and champions", "Technical Strategy Lead", "By 2028", ["R10"]),
    ("CD", "Publish role profiles for technical grades 3 to 7 with example career routes", "HR Reward", "Dec 2026", ["R7"]),
    ("CD", "Introduce a transition fund for technicians who wish to undertake a PhD", "Doctoral College", "Pilot 2027", ["R2"]),
    ("CD", "Give every new technician a structured induction and a named buddy", "Line Managers", "From Sept 2026", ["R8"]),
    ("CD", "Enrol senior technicians on the Herschel or an equivalent leadership programme", "Organisational Development", "2 places a year", ["R15"]),
    ("CD", "Set aside a CPD fund that technicians can bid into for courses and conferences", "Faculty Operations Managers", "Annual", ["R10"]),
    ("S", "Recruit six technical apprentices across the three faculties", "Apprenticeships Manager", "By Sept 2028", ["R9"]),
    ("S", "Build a succession plan for single-person specialist roles", "Heads of Technical Services", "By March 2027", ["R1"]),
    ("S", "Include full technician costs in grant applications through the costing tool", "Research Finance", "Ongoing", ["R5"]),
    ("S", "Set up a regional equipment-sharing network with neighbouring universities", "Core Facilities Manager", "2027\u201328", ["R13"]),
    ("S", "Report progress against this plan to the Steering Group every quarter", "TC Project Officer", "Quarterly", ["R1"]),
    ("S", "Review recruitment adverts to attract applicants from under-represented groups", "EDI Manager", "By June 2027", ["R4"]),
]
for n, (pil, t, o, tf, tal) in enumerate(_p3, 1):
    P3["rows"].append(R(t, id=str(n), section=PN[pil], owner=o, tf=tf, pillars=[pil], talent=tal))

# --------------------------------------------------------------------------- 4. RAG dashboard
P4 = {
    "file": "ravensworth-tc-progress-dashboard-june-2026.pdf",
    "institution": "Ravensworth University",
    "title": "Technician Commitment Action Plan 2024\u20132027: Progress Dashboard",
    "period": (2024, 2027), "layout": "rag-dashboard", "stripped": False,
    "talent_annotated": False, "rows": [],
}
_p4 = [
    ("V", "V-01", "Launch a Technician Commitment web hub with news, case studies and contacts", "Comms Manager", "Dec 2024", "B", 100,
     "Hub launched in November 2024 with 2,300 page views in the first six months. Content is now maintained by two technician editors from Life Sciences and Engineering."),
    ("V", "V-02", "Publish quarterly technician spotlights in the staff newsletter", "Comms Manager", "Quarterly", "G", 75,
     "Six spotlights published to date. The spring issue slipped because of the newsletter redesign, but the schedule has since recovered."),
    ("V", "V-03", "Appoint technician representatives to each Faculty Executive", "Faculty Deans", "Sep 2025", "A", 50,
     "Two of four faculties have appointed representatives. Science and Engineering are revising their terms of reference and expect to confirm names in the autumn term."),
    ("V", "V-04", "Deliver a technician-led public open day during British Science Week", "Outreach Officer", "Mar 2025, Mar 2026", "G", 80,
     "The 2025 open day drew 410 visitors and 22 technician volunteers. Planning for 2026 is well advanced, with two additional departments taking part."),
    ("V", "V-05", "Map all staff in technical roles, including those outside the science faculties", "HR Information Team", "Jun 2025", "R", 20,
     "The HR system holds no technical role flag, so a manual exercise has begun in Estates and Library Services. Extra analyst time has been requested from the People Committee."),
    ("R", "R-01", "Create a professional registration fund covering application and annual fees", "Director of Technical Services", "Apr 2025", "B", 100,
     "Fund of \u00a38,000 agreed and open. Eleven technicians have claimed fees so far, mostly for RSciTech."),
    ("R", "R-02", "Hold registration drop-in sessions with the Institute of Science and Technology", "TC Champions", "Twice yearly", "G", 60,
     "Sessions held in October and March with 35 attendees in total. The next session will be recorded for staff on the Coastal campus."),
    ("R", "R-03", "Include technical staff on the shortlisting panel for the annual Research Excellence Awards", "Research Office", "Nov 2025", "A", 40,
     "Agreed in principle by the Research Office. Panel membership for the 2025 round was fixed before the decision, so the change takes effect next year."),
    ("R", "R-04", "Write an authorship and acknowledgement policy that covers technical contributions", "Research Integrity Manager", "Jul 2026", "A", 30,
     "First draft circulated to the Research Integrity Committee. Comments from two faculties raised questions about data papers, which are being worked through."),
    ("CD", "CD-01", "Develop a technical career framework with progression routes from Grade 3 to Grade 8", "HR Business Partner (Technical)", "Dec 2026", "A", 45,
     "Role profiles for Grades 3 to 5 are drafted. Work on Grades 6 to 8 paused while the job evaluation review concludes; risk to the December date."),
    ("CD", "CD-02", "Provide funded places on accredited management training for technical supervisors", "Staff Development", "Annual", "G", 70,
     "Fourteen supervisors completed the ILM Level 3 course this year. A second cohort starts in September."),
    ("CD", "CD-03", "Establish a technician mentoring programme linked to the university scheme", "Staff Development", "Jan 2026", "R", 10,
     "Not started because the university mentoring platform is being replaced. A paper-based interim scheme has been proposed to the Steering Group."),
    ("CD", "CD-04", "Offer job shadowing between departments for technicians at Grades 4 and 5", "Technical Managers Forum", "From Sep 2025", "G", 55,
     "Nine shadowing placements have taken place. Feedback is positive; line managers ask for more notice of placement dates."),
    ("S", "S-01", "Recruit technical apprentices into hard-to-fill specialisms", "Apprenticeship Coordinator", "Sep 2025 intake", "B", 100,
     "Three apprentices started in September 2025 in glassblowing, electron microscopy and mechanical workshop roles."),
    ("S", "S-02", "Conduct a technical skills audit to find gaps and single points of failure", "Director of Technical Services", "Mar 2026", "A", 50,
     "Survey returned by 61% of technical staff. Analysis is under way and a report to the Executive is expected after the summer."),
    ("S", "S-03", "Agree a policy for costing technician time on externally funded projects", "Research Finance Manager", "Dec 2025", "G", 85,
     "Policy drafted and tested on twelve bids. Final approval is scheduled for the next Finance Committee."),
    ("S", "S-04", "Extend LEAF accreditation from the pilot laboratories to all wet laboratories", "Sustainability Manager", "Jul 2027", "G", 40,
     "Eighteen of forty-five laboratories hold LEAF Bronze. Silver audits are booked for the pilot laboratories in the spring."),
    ("S", "S-05", "Review fixed-term technical contracts and move recurring posts onto open-ended contracts", "HR Operations", "Jun 2026", "R", 15,
     "Data on fixed-term posts has been collected but the review group has not yet met. Escalated to the Director of People."),
]
P4_THEMES = {"V": "Theme 1 \u2013 Visibility", "R": "Theme 2 \u2013 Recognition",
             "CD": "Theme 3 \u2013 Career Development", "S": "Theme 4 \u2013 Sustainability"}
for pil, i, t, o, tf, rag, pct, com in _p4:
    P4["rows"].append(R(t, id=i, section=PN[pil], owner=o, tf=tf, pillars=[pil], rag=rag, pct=pct, comment=com))

# --------------------------------------------------------------------------- 5. Google Docs export
P5 = {
    "file": "kingsmere-university-technician-commitment-plan-2025-2028.pdf",
    "institution": "Kingsmere University",
    "title": "Technician Commitment Action Plan 2025\u20132028",
    "period": (2025, 2028), "layout": "gdocs-html", "stripped": False,
    "talent_annotated": False, "rows": [],
    "body_marker": "Staff and students often do not know which technical teams",
}
P5_AREAS = [("V", "Commitment area 1: Visibility"), ("R", "Commitment area 2: Recognition"),
            ("CD", "Commitment area 3: Career Development"), ("S", "Commitment area 4: Sustainability")]
# (pillar, id, action, footnote number on heading or None, context paragraph or None, owner, deadline, measure, footnote in measure)
_p5 = [
    ("V", "1.1", "Publish an online map showing where technical teams are based and what they do", None,
     "Staff and students often do not know which technical teams exist or how to reach them.",
     "Technical Services Coordinator", "June 2026", "Map live and linked from every school\u2019s web pages", None),
    ("V", "1.2", "Recruit a network of technician ambassadors to speak at open days", 1, None,
     "Student Recruitment", "First ambassadors in post by October 2025", "15 active ambassadors", None),
    ("V", "1.3", "Invite a technician representative to join Senate\u2019s Research and Innovation Committee", None, None,
     "University Secretary", "September 2026", "Representative attends at least three meetings a year", None),
    ("V", "1.4", "Hold an annual Technicians\u2019 Away Day with talks, posters and laboratory tours", None, None,
     "TC Steering Group", "Every July", "At least half of technical staff attend", None),
    ("R", "2.1", "Launch a supported route to RSciTech and RSci registration", 2,
     "Applicants will be paired with a registered colleague who has been through the process.",
     "Head of Technical Services", "Launch January 2026", "20 registrations by July 2028", None),
    ("R", "2.2", "Introduce a peer-nominated Technician of the Term award", None, None,
     "TC Steering Group", "Termly from autumn 2025", "Nine awards made by 2028", None),
    ("R", "2.3", "Record technical contributions to research outputs in the university repository", None, None,
     "Library Research Support", "December 2026", "Contributor role field in use for all new deposits", None),
    ("CD", "3.1", "Set out progression routes for technicians in a published career framework", None, None,
     "HR Business Partner", "April 2027", "Framework approved by the People Committee and promoted to all technical staff", None),
    ("CD", "3.2", "Provide protected time for training equal to five days per year", None, None,
     "Heads of Department", "From 2025/26", "Training records show an average of five days per technician", None),
    ("CD", "3.3", "Run a Step Up development programme for aspiring technical managers", 3, None,
     "People Development", "First cohort spring 2026", "Two cohorts of 12 completed", None),
    ("CD", "3.4", "Enable technicians to study for part-time degrees with fee support", None, None,
     "Director of People", "Scheme open September 2026", "Five technicians enrolled", None),
    ("S", "4.1", "Develop a technical workforce plan covering recruitment, retention and retirement", None,
     "The plan will draw on the 2025 census and on exit interview data.",
     "Director of Technical Services", "March 2027", "Plan adopted by University Executive", None),
    ("S", "4.2", "Take on T Level industry placement students in technical teams", None, None,
     "Schools and Colleges Liaison", "From September 2026", "Eight placements a year", None),
    ("S", "4.3", "Share underused equipment with local businesses and colleges", None, None,
     "Research Facilities Manager", "Ongoing", "External bookings logged each quarter", None),
    ("S", "4.4", "Survey technicians every two years on the impact of this plan", None, None,
     "TC Steering Group", "Spring 2026 and spring 2028", "Response rate above 50%", 4),
]
P5_FOOTNOTES = {
    1: "Ambassadors receive a half-day briefing from the Student Recruitment team before their first event.",
    2: "RSciTech and RSci are awarded by the Science Council through licensed bodies such as the Institute of Science and Technology.",
    3: "Step Up replaces the former Supervisory Skills course, which closed in 2024.",
    4: "The 2024 baseline survey had a response rate of 38%.",
}
_sec5 = dict(P5_AREAS)
for pil, i, t, fn, ctx, o, dl, ms, fn2 in _p5:
    P5["rows"].append(R(t, id=i, section=_sec5[pil], details=ctx, owner=o, tf=dl, sm=ms, pillars=[pil], fn=fn, fn2=fn2))

# --------------------------------------------------------------------------- 6. roman numerals, letter
P6 = {
    "file": "stanmore-institute-technician-commitment-action-plan-2025-2028.pdf",
    "institution": "Stanmore Institute of Science",
    "title": "Technician Commitment Action Plan 2025 to 2028",
    "period": (2025, 2028), "layout": "roman-subactions-letter", "stripped": True,
    "talent_annotated": False, "rows": [],
}
# sections -> list of (roman, statement, lead, timescale, subs[(letter, text, pillars)] or pillars)
P6_SECTIONS = [
    ("Priority 1. Profile and voice", [
        ("i", "Make the technical community visible across the Institute.", "Director of Operations", "2025\u20132026",
         [("a", "Publish a directory of technical staff and their specialisms on the intranet", ["V"]),
          ("b", "Add technician case studies to the Institute\u2019s annual research review", ["V"])]),
        ("ii", "Give technicians a formal voice in decision-making.", "Chief Operating Officer", "By July 2026",
         [("a", "Create a Technical Staff Forum that meets each term and reports to the Executive", ["V"]),
          ("b", "Reserve a technician place on the Research Strategy Committee", ["V"])]),
        ("iii", "Organise a biennial open lab week for local schools, led by technicians.", "Public Engagement Manager", "2026 and 2028",
         ["V"]),
    ]),
    ("Priority 2. Credit and reward", [
        ("iv", "Increase professional registration among technical staff.", "Technical Development Manager", "Ongoing, reviewed each spring",
         [("a", "Cover application and renewal fees for RSciTech, RSci, CSci and EngTech", ["R"]),
          ("b", "Train four registration mentors to support applicants through the process", ["R"]),
          ("c", "Report registration numbers in the annual people report", ["R"])]),
        ("v", "Acknowledge technical work fairly.", "Research Governance Office", "By December 2026",
         [("a", "Amend the publication policy to require acknowledgement of technical contributions", ["R"]),
          ("b", "Enter technicians for external awards such as the Papin Prizes", ["R"])]),
    ]),
    ("Priority 3. Skills and progression", [
        ("vi", "Define clear career pathways for technical roles.", "Head of Reward", "2026\u20132027",
         [("a", "Write role profiles for each technical grade using a common template", ["CD"]),
          ("b", "Publish a promotion procedure for technicians based on contribution", ["CD"])]),
        ("vii", "Widen access to training and development.", "Staff Development Manager", "From January 2026",
         [("a", "Allocate a personal development budget of \u00a3500 per technician per year", ["CD"]),
          ("b", "Offer work shadowing and short secondments to partner institutes", ["CD"]),
          ("c", "Provide line-management training for all technical supervisors", ["CD"])]),
    ]),
    ("Priority 4. Future workforce", [
        ("viii", "Introduce new entry routes into technical careers.", "Apprenticeships Coordinator", "First intake September 2026",
         [("a", "Recruit two laboratory technician apprentices each year", ["S"]),
          ("b", "Host work experience weeks for sixth-form students interested in technical roles", ["S", "V"])]),
        ("ix", "Plan for the loss of specialist knowledge through retirement.", "Director of Operations", "By March 2027", ["S"]),
        ("x", "Monitor delivery of this plan through the Technician Commitment Steering Group, reporting twice a year.",
         "TC Steering Group Chair", "Twice yearly", ["S"]),
    ]),
]
for sec, items in P6_SECTIONS:
    for rn, stmt, lead, ts, subs in items:
        if subs and isinstance(subs[0], tuple):
            for letter, t, pil in subs:
                P6["rows"].append(R(t, id=f"{rn}.{letter}", parent=rn, section=sec, aim=stmt.rstrip("."),
                                    owner=lead, tf=ts, pillars=pil))
        else:
            P6["rows"].append(R(stmt.rstrip("."), id=rn, section=sec, owner=lead, tf=ts, pillars=subs))

PLANS = [P1, P2, P3, P4, P5, P6]
