"""Source data for the six blind-round-6 plans (mainstream layouts). Renderers print from these; gold is written from them."""

PN = {"V": "Visibility", "R": "Recognition", "CD": "Career Development", "S": "Sustainability"}


def R(text, *, id=None, section=None, aim=None, tf=None, owner=None, pillars=(), talent=(), sm=None, extra=None):
    return {"action_id": id, "parent_id": None, "section": section, "aim": aim, "action_text": text,
            "details": None, "supporting_actions": None, "success_measures": sm, "timeframe": tf,
            "owner": owner, "resources": None, "pillars": list(pillars), "talent": list(talent),
            "page_start": None, "_extra": extra or {}}


# ---------------------------------------------------------------- 1. long landscape Word table, stripped
P1 = {"file": "harrowfield-university-technician-commitment-action-plan-2025-2028.pdf",
      "institution": "University of Harrowfield", "title": "Technician Commitment Action Plan 2025\u20132028",
      "period": (2025, 2028), "layout": "word-long-table-rows-split", "stripped": True, "talent_annotated": True,
      "rows": []}
_p1 = [
    ("Know who our technicians are and where they work", [
        ("Carry out a census of every technical post across the faculties and professional services, including staff "
         "in roles that are not badged as technical, and publish an anonymised summary of the results to the "
         "Technical Staff Forum so that colleagues can see how the technical community is made up.",
         "Head of HR Insight, with Faculty Technical Managers", "By March 2026",
         "Census completed in all faculties and in the professional services that employ technical staff; summary "
         "published on the intranet; headcount, grade and contract data held in one place and refreshed each year "
         "from the HR system; gaps between departmental lists and HR records resolved.", ["V"], ["R3"]),
        ("Keep the technical staff directory current by asking line managers to confirm entries at each PDR round. Entries will show each person’s team, building and main areas of expertise, and new starters will be added during their first week.",
         "Technical Services Administrator", "Annually from 2026",
         "Directory checked each year; fewer than five per cent of entries out of date at the annual check.", ["V"], []),
        ("Map the specialist skills and equipment expertise held by technicians so that researchers can find the "
         "right person for a project, and make the map searchable on the staff intranet. The map will cover "
         "instruments, techniques, software and teaching support, and technicians will be able to edit their own "
         "entries.",
         "Research Infrastructure Manager", "Map live by December 2026",
         "Searchable map available; at least 80 per cent of technicians have an entry; enquiries from researchers "
         "logged and reported to the Steering Group.", ["V"], ["R13"]),
    ]),
    ("Make technical work visible inside and outside the University", [
        ("Run a monthly \u2018Behind the Bench\u2019 feature in the staff newsletter, written with or by technicians "
         "from a different area each month. Each feature will also be shared on the University’s social media channels and kept in an online archive that schools and applicants can browse.",
         "Internal Communications Officer", "Monthly from October 2025",
         "Ten features a year, covering every faculty over the life of the plan; readership figures reported to "
         "the Steering Group twice a year.", ["V"], ["R6"]),
        ("Hold an annual technician showcase with poster and demonstration sessions, open to all staff and to "
         "students, and invite colleagues from partner institutions in the region to take part and to present "
         "their own work alongside ours.",
         "Technician Commitment Lead", "Each June",
         "Showcase held every year of the plan with at least 30 contributions; feedback from attendees collected "
         "and used to shape the next event; partner institutions represented each year; photographs and short "
         "write-ups shared on the public web pages afterwards so that the event reaches people who could not "
         "attend on the day.", ["V"], ["R6"]),
        ("Include technicians in the planning and delivery of the University\u2019s science festival and school "
         "visit days, with time for this work agreed with their line manager in advance.",
         "Outreach and Widening Participation Manager", "From the 2026 festival",
         "Technicians lead at least a quarter of festival activities; time recorded in workload plans.", ["V"], ["R6"]),
    ]),
    ("Give technicians a voice where decisions are made", [
        ("Reserve a technician seat on the Research and Innovation Committee, the Education Committee and each "
         "Faculty Executive, with the terms of reference of each body updated to say so.",
         "University Secretary", "By July 2026",
         "Technician members in post on all named bodies; terms of reference amended and published; attendance "
         "and contributions reviewed by the Forum at the end of each academic year; a handover note prepared for "
         "each new member so that the role continues when people change.", ["V"], ["R12"]),
        ("Provide a short induction and a named buddy for technicians taking up committee roles for the first time. The induction will cover how papers are prepared, how decisions are recorded and how to raise items on behalf of technical colleagues.",
         "Governance Office", "Ongoing",
         "Every new technician committee member offered an induction within a month of appointment.", ["V"], ["R12"]),
        ("Set up a Technical Staff Forum that meets each term, is chaired by a technician and reports to the "
         "Technician Commitment Steering Group. Membership will be open to all technical staff, and meeting times will rotate so that colleagues on shift patterns and part-time contracts can attend.",
         "Technician Commitment Lead", "First meeting autumn 2025",
         "Forum meets three times a year; notes published; items raised tracked to a response.", ["V"], []),
    ]),
    ("Recognise the professional standing of technical staff", [
        ("Meet the full cost of professional registration and the first year of membership for any technician who "
         "applies, through a central fund administered by the Technical Services Office. Applicants will not need "
         "to ask their department for the money, and the fund will also cover the assessment fee where a second "
         "attempt is needed.",
         "Director of Technical Services", "From August 2025",
         "Central fund in place and advertised; number of applications and successful registrations reported each "
         "year; at least 40 newly registered technicians by the end of the plan; no applicant turned away for lack "
         "of funds.", ["R"], ["R10"]),
        ("Train six registration champions who can review applications and advise colleagues through the process, "
         "drawing on support from the licensed professional bodies. Champions will have time for this role recognised in their workload and will meet each term to share good practice.",
         "Registration Champions Coordinator", "December 2026",
         "Six champions trained and listed on the intranet; each supports at least three applicants a year.",
         ["R"], ["R10"]),
        ("Record registered and chartered status on the HR system so that the number of registered technicians can "
         "be reported each year.",
         "HR Systems Team", "By April 2026",
         "New field live in the HR system; first annual report produced.", ["R"], []),
    ]),
    ("Credit technical contributions fairly", [
        ("Issue guidance to research groups on acknowledging technical staff in papers, datasets and grant reports, "
         "including when co-authorship is appropriate, and use the CRediT roles as the reference point for these "
         "decisions so that practice is consistent across the faculties.",
         "Pro Vice-Chancellor (Research)", "By January 2027",
         "Guidance approved by the Research and Innovation Committee and circulated to all research groups; "
         "sample audit of outputs in 2027 and 2028 shows technical contributions acknowledged in a rising share "
         "of papers; case examples added to the research integrity training.", ["R"], ["R11"]),
        ("Add a technician category to the Vice-Chancellor\u2019s Excellence Awards and make sure the judging panel "
         "includes a technician.",
         "Head of Reward and Recognition", "Annual awards cycle",
         "Category in place from the next awards round; technician on the panel each year.", ["R"], ["R11"]),
        ("Nominate technicians for external prizes such as the THE Technician of the Year and the Papin Prizes, "
         "with help from Communications to prepare the entries.",
         "Technician Commitment Lead", "Each year",
         "At least three external nominations a year.", ["R"], ["R11"]),
    ]),
    ("Set out clear routes for progression", [
        ("Write role profiles for each technical grade from 3 to 8 that describe the expected skills, "
         "responsibilities and scope, and publish them alongside worked examples of how people have moved between "
         "grades. The profiles will be drafted by a group of technicians and managers from every faculty and "
         "tested with staff before they are adopted.",
         "HR Reward Manager and Technical Managers Group", "Draft by April 2026; final by September 2026",
         "Role profiles approved by the People Committee and used in all new technical recruitment; worked "
         "examples published; feedback from the testing sessions recorded and answered; technicians report "
         "greater clarity about progression in the 2027 survey.", ["CD"], ["R7"]),
        ("Agree a regrading route for technicians whose role has grown, with a clear timetable for decisions and an "
         "appeal step. Line managers will be briefed so that they can help technicians prepare a case, and outcomes will be monitored by grade, gender and ethnicity.",
         "Director of HR", "By December 2026",
         "Procedure published; decisions made within twelve weeks of a complete case.", ["CD"], ["R7"]),
        ("Pilot a technical specialist pathway so that senior technicians can progress on expertise rather than by "
         "taking on line management.",
         "Faculty Technical Managers", "Pilot 2026/27",
         "Pilot run in two faculties and evaluated; decision on roll-out by July 2027.", ["CD"], ["R7"]),
    ]),
    ("Develop skills and careers", [
        ("Protect at least five days a year for each technician to spend on training and development, and record "
         "the time taken through the PDR system.",
         "Line managers; monitored by HR", "From the 2025/26 PDR cycle",
         "Average training days per technician reported each year; target of five days met in every faculty by "
         "2027; barriers to release, such as lack of cover for teaching laboratories, identified and raised with "
         "Heads of School together with proposals for backfill.", ["CD"], ["R10"]),
        ("Launch a mentoring scheme that pairs technicians with mentors from technical, academic and professional "
         "services roles across the University. Mentors will be trained before they are matched, and the scheme will be open to technicians at every grade, including apprentices.",
         "Organisational Development", "Launch January 2026",
         "30 mentoring pairs in the first year; satisfaction survey after six months.", ["CD"], []),
        ("Offer a funded place each year on an external leadership programme for technical managers, and run an "
         "in-house course on managing technical teams.",
         "Organisational Development", "Annually",
         "One external place filled each year; in-house course delivered twice a year.", ["CD"], ["R15"]),
        ("Create a small fund for technicians to attend conferences and visit other institutions\u2019 facilities to "
         "learn new techniques.",
         "Technician Commitment Steering Group", "Ongoing, reviewed each July",
         "Fund spent in full each year; short reports from recipients shared with the Forum.", ["CD"], ["R10"]),
    ]),
    ("Build the technical workforce of the future", [
        ("Prepare a technical workforce plan for each faculty that identifies roles at risk from retirement and "
         "skills that are hard to recruit, and agree succession arrangements for the most critical posts. Plans "
         "will be refreshed each year as part of the faculty planning round.",
         "Faculty Operating Officers", "By June 2027",
         "Workforce plans in place for all faculties; critical single-person roles identified and each has a "
         "documented succession arrangement; plans refreshed annually and considered by the University Executive "
         "Board alongside the budget.", ["S"], ["R1"]),
        ("Recruit at least four laboratory technician apprentices a year and give each a trained workplace mentor. Apprentices will be placed where the workforce plan shows the greatest need, with a clear route into a permanent post on completion.",
         "Apprenticeships Manager", "Each September intake",
         "Four or more apprentices starting each year; completion and retention rates tracked.", ["S"], ["R9"]),
        ("Offer T Level industry placements in engineering and science workshops, working with two local colleges.",
         "Workshop Managers", "From 2026/27",
         "At least six placements a year; feedback from colleges and students.", ["S"], ["R9"]),
        ("Review technical job adverts and selection panels to widen the range of applicants, including the use of "
         "gender-neutral wording and diverse interview panels.",
         "Resourcing Team", "March 2026",
         "Revised advert template in use; applicant diversity data reported annually.", ["S"], ["R8", "R4"]),
    ]),
    ("Use people and resources sustainably", [
        ("Make sure technician time is costed into research grant applications wherever funders allow, with a guide "
         "and a costing tool for research support staff. The Research Office will check applications before submission and advise where technician time has been left out.",
         "Research Finance Manager", "By October 2026",
         "Guide and tool issued; share of eligible applications that include technician time rises each year.",
         ["S"], ["R5"]),
        ("Extend LEAF accreditation to all teaching laboratories and support technicians to lead the green lab audits.",
         "Sustainability Team", "Bronze by 2026; Silver by 2028",
         "All teaching laboratories accredited at Bronze by 2026 and Silver by 2028.", ["S"], []),
    ]),
    ("Track and report our progress", [
        ("Run a survey of all technical staff in the second year of the plan and compare the results with the 2024 "
         "baseline.",
         "Technician Commitment Steering Group", "Spring 2027",
         "Response rate of at least 50 per cent; results and the actions taken in response published.", ["S"], []),
        ("Report progress against this plan to the University Executive Board twice a year and publish a short "
         "summary on the Technician Commitment web page.",
         "Technician Commitment Lead", "Every six months",
         "Six progress reports over the life of the plan; summaries published.", ["S", "V"], []),
    ]),
]
for obj, acts in _p1:
    for text, owner, tf, sm, pil, tal in acts:
        P1["rows"].append(R(text, aim=obj, owner=owner, tf=tf, sm=sm, pillars=pil, talent=tal))

# ---------------------------------------------------------------- 2. two-level header, merged pillar column
P2 = {"file": "stanmere-institute-tc-action-plan-2024-27.pdf", "institution": "Stanmere Institute",
      "title": "Technician Commitment Action Plan 2024\u20132027", "period": (2024, 2027),
      "layout": "word-two-level-header-merged-pillar", "stripped": False, "talent_annotated": True, "rows": []}
_p2 = {
    "V": [
        ("VIS-01", "Produce a single online directory of technical teams, showing each team\u2019s services, equipment "
         "and contact details.", "Head of Technical Operations", "Web Team", "Oct 2024", "Jun 2025",
         "Directory live and linked from every department\u2019s web page; entries checked each term.", ["R3"]),
        ("VIS-02", "Publish a profile of a technician or technical team on the Institute\u2019s news pages every month.",
         "Communications Manager", "Technician Network", "Oct 2024", "Ongoing",
         "Twelve profiles a year; page views reported to the Steering Group.", ["R6"]),
        ("VIS-03", "Bring technicians into open days and applicant visit days as guides and demonstrators.",
         "Student Recruitment Manager", "Laboratory Managers", "Jan 2025", "Jul 2025",
         "Technicians present at every open day; applicant feedback mentions laboratory tours.", []),
        ("VIS-04", "Give the Technician Network a standing item on the agenda of the Institute Operations Committee.",
         "Chief Operating Officer", "Network Chair", "Sep 2024", "Dec 2024",
         "Standing item in place; minutes record the Network\u2019s report at each meeting.", ["R12"]),
        ("VIS-05", "Create a welcome pack for new technical staff that explains the Technician Commitment and how to "
         "get involved in the Network.", "HR Onboarding Team", "TC Champions", "Jan 2025", "Sep 2025",
         "Pack issued to all new technical starters; included in induction checklist.", ["R8"]),
    ],
    "R": [
        ("REC-01", "Support technicians to apply for RSciTech, RSci and CSci through a writing retreat held twice a "
         "year.", "Professional Registration Lead", "Licensed body contacts", "Mar 2025", "Ongoing",
         "Two retreats a year; 25 registrations over the plan period.", ["R10"]),
        ("REC-02", "Reimburse the annual membership fee of one professional body for every registered technician.",
         "Finance Business Partner", "Heads of Department", "Aug 2024", "Jul 2027",
         "All claims paid within one month; uptake reported annually.", []),
        ("REC-03", "Include the contribution of technical staff in the Institute\u2019s research culture statement and "
         "its authorship policy.", "Research Integrity Officer", "Research Committee", "Jan 2025", "Dec 2025",
         "Both documents revised and approved by Academic Board.", ["R11"]),
        ("REC-04", "Hold an annual celebration for technical staff, with awards voted for by colleagues.",
         "TC Steering Group", "Events Team", "Apr 2025", "Apr 2027",
         "Event held each spring; at least 40 nominations a year.", []),
        ("REC-05", "Encourage technicians who teach to apply for Associate Fellowship of Advance HE, with a supported "
         "cohort each year.", "Academic Practice Unit", "Technical Managers", "Sep 2025", "Jul 2027",
         "Cohort of at least five technicians each year; fellowships awarded.", []),
    ],
    "CD": [
        ("CAR-01", "Map current technical roles against a common job family framework and remove inconsistent job "
         "titles.", "HR Reward Manager", "Technical Managers Forum", "Oct 2024", "Sep 2025",
         "All technical roles mapped; a single set of job titles in use.", ["R7"]),
        ("CAR-02", "Introduce a career conversation for every technician at their annual review, focused on future "
         "goals and the support needed to reach them.", "Line Managers", "HR Business Partners", "Apr 2025",
         "Ongoing", "Review form updated; 85 per cent of technicians report having the conversation.", []),
        ("CAR-03", "Offer short secondments between technical teams and into research groups to build new skills.",
         "Head of Technical Operations", "Research Group Leaders", "Sep 2025", "Jul 2026",
         "At least six secondments completed and written up.", ["R2"]),
        ("CAR-04", "Hold a central technical training budget so that smaller departments are not disadvantaged.",
         "Director of Finance", "TC Steering Group", "Aug 2025", "Jul 2027",
         "Budget allocated each year; spend by department reported.", ["R10"]),
        ("CAR-05", "Run a development programme for technicians who are new to supervising staff.",
         "Learning and Development", "Senior Technical Managers", "Jan 2026", "Dec 2026",
         "Programme delivered to two cohorts; participant evaluation.", ["R15"]),
    ],
    "S": [
        ("SUS-01", "Set up a technical apprenticeship scheme with at least two apprentices starting each year.",
         "Apprenticeship Coordinator", "Department Managers", "Sep 2025", "Sep 2027",
         "Scheme running; six apprentices recruited by 2027.", ["R9"]),
        ("SUS-02", "Build technician time into the full economic costing of new grant applications.",
         "Research Office", "Principal Investigators", "Jan 2025", "Jul 2025",
         "Costing template changed; share of bids with technician time monitored.", ["R5"]),
        ("SUS-03", "Carry out a profile of the technical workforce by age and skills to plan for coming retirements.",
         "HR Analytics", "Heads of Department", "Oct 2024", "Mar 2025",
         "Profile completed and discussed by the Executive; succession risks logged.", ["R1"]),
        ("SUS-04", "Share equipment and expertise with neighbouring universities through the regional technician "
         "network.", "Core Facilities Manager", "Regional Network Lead", "Jan 2025", "Ongoing",
         "Shared-use agreements signed with two partners.", ["R13"]),
        ("SUS-05", "Review progress against this plan at every Technician Commitment Steering Group meeting and "
         "publish an annual update.", "TC Steering Group Chair", "", "Sep 2024", "Jul 2027",
         "Annual update published each September.", []),
    ],
}
for pil, acts in _p2.items():
    for aid, text, lead, sup, st, end, sm, tal in acts:
        P2["rows"].append(R(text, id=aid, section=PN[pil], owner=lead, tf=f"{st} \u2013 {end}", sm=sm,
                            pillars=[pil], talent=tal, extra={"support": sup, "start": st, "end": end}))

# ---------------------------------------------------------------- 3. bullet cells
P3 = {"file": "elmsworth-university-technician-commitment-action-plan-2026-2029.pdf",
      "institution": "Elmsworth University", "title": "Technician Commitment Action Plan 2026 to 2029",
      "period": (2026, 2029), "layout": "word-bulleted-cells", "stripped": False, "talent_annotated": False,
      "rows": []}
_p3 = {
    "V": [
        (["Set up a technician page on the University website",
          "Add a short profile for each technical team, with a photo where staff agree",
          "Link the page from every school\u2019s research facilities page"],
         "Marketing and Communications", "Q3 2026", "Page live; all schools linked to it"),
        (["Hold a technicians\u2019 away day each year",
          "Invite speakers from other Technician Commitment signatories",
          "Use part of the day to gather views on this plan"],
         "TC Working Group", "Annually (each May)", "Attendance above 60% of technical staff; feedback summary circulated"),
        (["Ask each school to name a technician to its School Board",
          "Give representatives time in their workload to prepare for meetings"],
         None, "By January 2027", "A technician member on every School Board"),
        (["Join the regional technician network",
          "Send at least two technicians to each network meeting",
          "Report back through the technical staff bulletin"],
         "Technical Services Manager", "Ongoing", "Meetings attended; bulletin items each term"),
    ],
    "R": [
        (["Promote professional registration at team meetings and at induction",
          "Fund registration fees for all technicians who apply",
          "Set up a peer review group for draft applications"],
         "Registration Lead", "Ongoing", "20 newly registered technicians by 2029"),
        (["Add a technician award to the annual staff awards",
          "Publicise the winners in the staff bulletin and on social media"],
         "HR Reward", "Annually (each May)", "Award presented each year"),
        (["Draft a statement on acknowledging technical staff in publications",
          "Ask the Research Committee to adopt it",
          "Check its use in a sample of papers each year"],
         None, "Q3 2026", "Statement adopted; sample shows technicians acknowledged"),
        (["Write to technicians to thank them when a nomination or award is received",
          "Copy the letter to their line manager"],
         "Pro Vice-Chancellor (Operations)", "Ongoing", "A letter sent for every award"),
    ],
    "CD": [
        (["Review technical job descriptions so that the same work is graded the same way",
          "Publish the agreed role profiles on the HR website"],
         "HR Business Partners", "By December 2026", "All technical job descriptions reviewed"),
        (["Offer a one-to-one career conversation to every technician",
          "Use the conversation to agree a development plan",
          "Record agreed actions in the PDR system"],
         "Line managers", "Annually (each May)", "90% of technicians with a recorded plan"),
        (["Run a workshop on writing promotion cases for technical staff",
          "Share anonymised examples of successful cases"],
         None, "Q1 2027", "Workshop held twice; number of promotion applications"),
        (["Create a technician mentoring scheme",
          "Train mentors from across the University",
          "Review each pairing after six months"],
         "Organisational Development", "Q3 2026", "25 mentoring pairs in the first year"),
    ],
    "S": [
        (["Recruit technical apprentices in areas with hard-to-fill posts",
          "Give each apprentice a workplace mentor",
          "Track retention after the apprenticeship ends"],
         "Apprenticeship Team", "Ongoing", "Four apprentices recruited each year"),
        (["Build a succession plan for single-person technical roles",
          "Document critical procedures and equipment knowledge"],
         "Heads of School", "By July 2027", "Plans in place for all single-person roles"),
        (["Include technician costs in research bids where funders allow",
          "Give research support staff a checklist for this"],
         None, "Q3 2026", "Checklist issued; share of bids that include technician time"),
        (["Survey technical staff every two years",
          "Compare the results with the previous survey",
          "Report the findings and our response to the University Executive"],
         "TC Working Group", "Spring 2027 and 2029", "Response rate above 50%"),
    ],
}
_n = 0
for pil, acts in _p3.items():
    for bullets, owner, tf, sm in acts:
        _n += 1
        P3["rows"].append(R(" ".join(bullets), id=str(_n), section=PN[pil], owner=owner, tf=tf, sm=sm,
                            pillars=[pil], extra={"bullets": bullets}))

# ---------------------------------------------------------------- 4. designed annual report, two columns, stripped
P4 = {"file": "tarrant-vale-technicians-report-and-action-plan-2025-28.pdf",
      "institution": "University of Tarrant Vale",
      "title": "Technicians at Tarrant Vale: Technician Commitment Report and Action Plan 2025\u201328",
      "period": (2025, 2028), "layout": "report-two-column", "stripped": True, "talent_annotated": True, "rows": []}
P4_SECTIONS = {"V": "Making technical work seen", "R": "Credit where it is due", "CD": "Room to grow",
               "S": "Building for the future"}
_p4 = {
    "V": [
        ("1", "Technicians on the map",
         "We will complete a count of technical staff in every school and professional service, including staff "
         "whose job titles do not say technician, and keep the figures up to date each year.",
         "HR Information Team", "December 2025", ["V"], ["R3"]),
        ("2", "Open labs",
         "We will open selected teaching and research laboratories to the public during the city science week, with "
         "technicians leading the tours and demonstrations.",
         "Public Engagement Office", "Each March from 2026", ["V"], ["R6"]),
        ("3", "A stronger online presence",
         "We will refresh the technical services web pages so that each facility lists the technicians who run it "
         "and the techniques they can offer.",
         "Digital Communications", "September 2026", ["V"], ["R6"]),
        ("4", "Seats at the table",
         "We will ensure that technical staff are represented on the Senate working groups that deal with space, "
         "equipment and teaching timetables.",
         "Academic Registrar", "July 2026", ["V"], ["R12"]),
    ],
    "R": [
        ("5", "Registration for all who want it",
         "We will pay registration fees and provide protected time for technicians preparing applications to the "
         "Science Council and Engineering Council registers.",
         "Head of Technical Services", "Ongoing", ["R"], ["R10"]),
        ("6", "Honest credit",
         "We will adopt the CRediT taxonomy in the University\u2019s publications policy so that technical "
         "contributions to research outputs are named.",
         "Research Policy Manager", "March 2027", ["R"], ["R11"]),
        ("7", "Celebrating excellence",
         "We will introduce a long-service and excellence award for technical staff, presented at the annual staff "
         "celebration.",
         "Reward Team", "Summer 2026", ["R"], ["R11"]),
        ("8", "Teaching recognition",
         "We will support technicians who teach to gain Advance HE fellowship through a dedicated strand of the "
         "University\u2019s accredited scheme.",
         "Centre for Learning and Teaching", "From September 2026", ["R"], []),
    ],
    "CD": [
        ("9", "Pathways made visible",
         "We will publish a technical career framework that sets out the grades, expectations and evidence needed to "
         "move from one level to the next.",
         "Director of People", "April 2027", ["CD"], ["R7"]),
        ("10", "Time to learn",
         "We will give every technician access to a personal development budget and agree protected time for "
         "training in their annual review.",
         "Heads of School", "From 2025/26", ["CD"], ["R10"]),
        ("11", "Leading technical teams",
         "We will run a leadership course for technical managers, delivered with two partner universities in the "
         "region.",
         "Organisational Development", "First cohort January 2027", ["CD"], ["R15"]),
        ("12", "Moving between roles",
         "We will offer secondments that let technicians spend up to six months in a research group, a teaching "
         "team or another facility.",
         "Technical Managers Group", "2026\u20132028", ["CD"], ["R2"]),
    ],
    "S": [
        (None, "Apprentices and trainees",
         "We will take on at least three technical apprentices each year and create two trainee technician posts "
         "for recent graduates.",
         "Apprenticeship Hub", "Each September", ["S"], ["R9"]),
        (None, "Planning ahead",
         "We will produce a technical workforce plan that identifies posts at risk through retirement and agree "
         "cover arrangements for them.",
         "Workforce Planning Group", "October 2026", ["S"], ["R1"]),
        (None, "Greener laboratories",
         "We will support technicians to take part in the LEAF programme in every laboratory building, aiming for "
         "Gold accreditation in at least four.",
         "Sustainability Manager", "2028", ["S"], []),
        (None, "Checking our progress",
         "We will review this plan every six months at the Technician Commitment Steering Group and repeat the "
         "technician survey in 2027.",
         "TC Steering Group", "Six-monthly", ["S"], []),
    ],
}
for pil, acts in _p4.items():
    for aid, title, text, owner, tf, pils, tal in acts:
        P4["rows"].append(R(text, id=aid, section=P4_SECTIONS[pil], owner=owner, tf=tf, pillars=pils, talent=tal,
                            extra={"title": title}))

# ---------------------------------------------------------------- 5. intranet data table printed from Chromium
P5 = {"file": "brackenmoor-university-tc-action-plan-intranet-2025-2027.pdf",
      "institution": "Brackenmoor University", "title": "Technician Commitment Action Plan 2025\u20132027",
      "period": (2025, 2027), "layout": "html-datatable-print", "stripped": False, "talent_annotated": False,
      "rows": []}
_p5 = [
    ("V", "Launch a technicians\u2019 channel on the staff intranet with news, events and vacancies", "Internal Comms", "Oct 2025", "Complete"),
    ("V", "Produce a short film about technical roles for use at open days and careers fairs", "Marketing", "Mar 2026", "On track"),
    ("V", "Publish a termly technician spotlight in the Vice-Chancellor\u2019s bulletin", "TC Project Officer", "Termly", "On track"),
    ("V", "Add technical staff to the University\u2019s public expertise finder", "Research Office", "Jun 2026", "At risk"),
    ("V", "Secure a technician place on the People and Culture Committee", "Chief People Officer", "Jan 2026", "Complete"),
    ("V", "Run a technician-led stand at the city science festival each year", "Public Engagement Lead", "Annually (June)", "Not started"),
    ("R", "Pay professional registration fees for technicians from a central budget", "Director of Technical Services", "Ongoing", "On track"),
    ("R", "Hold two registration workshops a year with a licensed professional body", "TC Project Officer", "Twice yearly", "On track"),
    ("R", "Name technical staff in the acknowledgements of every core facility publication", "Core Facility Managers", "From Jan 2026", "At risk"),
    ("R", "Create a technician category in the annual Brackenmoor Staff Awards", "HR Reward", "Jul 2026", "On track"),
    ("R", "Nominate at least two technicians a year for national awards", "TC Steering Group", "Annually", "Behind"),
    ("R", "Mark each completed registration with a letter of thanks from the Vice-Chancellor", "VC\u2019s Office", "Ongoing", "Not started"),
    ("CD", "Agree a technical job family with role profiles for grades 2 to 8", "HR Reward", "Dec 2026", "At risk"),
    ("CD", "Introduce a promotion route for technicians based on contribution and expertise", "Director of People", "Sep 2027", "Not started"),
    ("CD", "Offer work shadowing between technical teams in different faculties", "Faculty Technical Managers", "From Feb 2026", "On track"),
    ("CD", "Fund places on the HEaTED technical management programme", "Learning and Development", "Each academic year", "On track"),
    ("CD", "Set a target of five days\u2019 training per technician per year and report uptake", "Heads of Department", "Jul 2026", "Behind"),
    ("CD", "Run a coaching programme for senior technicians moving into leadership roles", "Organisational Development", "Mar 2027", "Not started"),
    ("S", "Recruit technical apprentices into hard-to-fill roles in engineering and life sciences", "Apprenticeship Lead", "Sep 2026", "On track"),
    ("S", "Offer work experience placements for local school and college students in technical teams", "Widening Participation", "Summer 2026", "Not started"),
    ("S", "Cost technician time into grant applications using the research costing tool", "Research Finance", "From Apr 2026", "At risk"),
    ("S", "Produce a succession plan for technical roles held by a single person", "Faculty Operating Officers", "Dec 2026", "Not started"),
    ("S", "Join the LEAF scheme in all teaching laboratories", "Sustainability Office", "Jun 2027", "On track"),
    ("S", "Report progress to the University Executive twice a year", "TC Steering Group", "Six-monthly", "On track"),
]
for i, (pil, text, owner, due, status) in enumerate(_p5, 1):
    P5["rows"].append(R(text, id=str(i), section=None, owner=owner, tf=due, pillars=[pil], extra={"status": status}))

# ---------------------------------------------------------------- 6. spreadsheet, one sheet per pillar
P6 = {"file": "kingsreach-university-tc-action-plan-2025-27-workbook.pdf",
      "institution": "Kingsreach University", "title": "Technician Commitment Action Plan 2025\u20132027",
      "period": (2025, 2027), "layout": "spreadsheet-sheet-per-pillar", "stripped": False, "talent_annotated": False,
      "rows": []}
_p6 = {
    "V": [
        ("V-01", "Build a list of all technical staff from payroll and departmental records and keep it updated each term", "HR Systems", "31/03/2026", "Green", "First extract complete; faculties checking"),
        ("V-02", "Produce a welcome booklet for new technicians covering networks, training and the Technician Commitment", "TC Coordinator", "Sept 2026", "Amber", "Draft with design team"),
        ("V-03", "Feature technical staff in the University\u2019s annual research review", None, "Dec 2026", None, None),
        ("V-04", "Give technicians a standing place on the Health and Safety Committee and the Estates User Group", "Registrar", "Jan 2026", "Green", None),
        ("V-05", "Organise a technical staff conference every other year, alternating with a partner university", "Technical Network", "2026 and 2028", "Amber", "Venue to be confirmed"),
    ],
    "R": [
        ("R-01", "Fund registration fees and first-year membership for technicians registering with a professional body", "Finance", "Ongoing", "Green", "14 applications supported so far"),
        ("R-02", "Set up a peer support group that meets monthly to help colleagues prepare registration applications", "Registration Champions", "Nov 2025", "Green", None),
        ("R-03", "Write guidance on authorship and acknowledgement of technical staff and send it to all research groups", "Research Integrity Lead", "Jun 2026", "Red", "Delayed: waiting for policy review"),
        ("R-04", "Include technical achievements in the nominations for the University\u2019s annual awards", None, "Annually", None, None),
        ("R-05", "Thank technical teams publicly at the end of each academic year with a celebration event", "Vice-Chancellor\u2019s Office", "July each year", "Green", None),
    ],
    "CD": [
        ("CD-01", "Introduce a technical career framework with defined levels and the skills expected at each", "HR Reward", "Mar 2027", "Amber", "Consultation with unions planned"),
        ("CD-02", "Ensure every technician has an annual development review with a written training plan", "Line managers", "Ongoing", "Amber", None),
        ("CD-03", "Provide funded places on accredited technical and management courses", "Staff Development", "Each year", "Green", None),
        ("CD-04", "Set up cross-faculty job shadowing so technicians can learn techniques used elsewhere", None, "Apr 2026", None, "Not yet started"),
        ("CD-05", "Create a route for experienced technicians to move into teaching or research support roles", "Director of HR", "2027", "Red", "Needs funding decision"),
    ],
    "S": [
        ("S-01", "Take on technical apprentices each year in at least three faculties", "Apprenticeships Team", "Sept 2025 onwards", "Green", None),
        ("S-02", "Identify technical posts at risk from retirement and plan for the transfer of knowledge", "Faculty Managers", "Dec 2026", "Amber", None),
        ("S-03", "Agree a standard rate for technician time in grant costings", "Research Finance", "Jun 2026", "Green", "Rate approved by Finance Committee"),
        ("S-04", "Share specialist equipment with other regional universities through an online booking system", "Core Facilities", None, None, None),
        ("S-05", "Report to the University Executive on progress against this plan every six months", "TC Steering Group", "Six-monthly", "Green", None),
    ],
}
for pil, acts in _p6.items():
    for aid, text, lead, dl, rag, com in acts:
        P6["rows"].append(R(text, id=aid, section=PN[pil], owner=lead, tf=dl, pillars=[pil],
                            extra={"rag": rag, "comments": com}))
