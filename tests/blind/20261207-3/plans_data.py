"""Source data for the six blind-round-7 plans (imported by make_plans.py; renderers print from it, gold is written from it)."""

PN = {"V": "Visibility", "R": "Recognition", "CD": "Career Development", "S": "Sustainability"}


def R(text, *, id=None, parent=None, section=None, aim=None, tf=None, owner=None, pillars=(), talent=(),
      sm=None, alt_ids=None, extra=None):
    d = {"action_id": id, "parent_id": parent, "section": section, "aim": aim, "action_text": text,
         "details": None, "supporting_actions": None, "success_measures": sm, "timeframe": tf,
         "owner": owner, "resources": None, "pillars": list(pillars), "talent": list(talent),
         "page_start": None, "_extra": extra or {}}
    if alt_ids:
        d["alt_action_ids"] = alt_ids
    return d


# ------------------------------------------------------------ 1. PowerPoint deck, native tables
P1 = {"file": "tarnwick-university-tc-action-plan-2026-2029-slides.pdf", "institution": "Tarnwick University",
      "title": "Technician Commitment Action Plan 2026\u20132029", "period": (2026, 2029),
      "layout": "pptx-slide-tables", "stripped": False, "talent_annotated": False, "rows": []}
P1_SLIDES = [  # (pillar, slide heading, [(action, lead, when)])
    ("V", "Strand 1 \u2013 Visibility (1 of 2)", [
        ("Compile a register of all technical staff, refreshed each August from HR records",
         "Workforce Information Team", "Aug 2026, then yearly"),
        ("Launch a \u2018Meet the Technicians\u2019 page on the external website with photographs and facility links",
         "Digital Communications", "Spring 2027"),
        ("Hold a technician showcase afternoon during Research Week",
         "Technical Network Chair", "Each June"),
    ]),
    ("V", "Strand 1 \u2013 Visibility (2 of 2)", [
        ("Reserve a technician seat on each Faculty Research and Innovation Committee",
         "Faculty Deans", "By Dec 2026"),
        ("Feature one technical team per issue in the staff e-bulletin",
         "Internal Communications Officer", "Monthly"),
    ]),
    ("R", "Strand 2 \u2013 Recognition", [
        ("Cover the first-year fees for technicians registering as RSciTech, RSci or CSci",
         "Director of Technical Services", "From Sept 2026"),
        ("Add a technician category to the Vice-Chancellor\u2019s Excellence Awards",
         "Head of Reward & Recognition", "2026/27 awards round"),
        ("Agree a guidance note on naming technical contributors in papers and datasets",
         "Research Integrity Lead", "Mar 2027"),
        ("Run a registration clinic with a Science Council licensed body twice a year",
         "Technical Training Coordinator", "Ongoing"),
    ]),
    ("CD", "Strand 3 \u2013 Career Development", [
        ("Publish a technical career map showing routes from Grade 3 to Grade 8",
         "HR Business Partner", "Dec 2027"),
        ("Set aside three paid days a year for each technician\u2019s own development",
         "Heads of School", "From Aug 2026"),
        ("Pair new technical managers with an experienced mentor for their first year",
         "Organisational Development", "Year 2"),
        ("Open the Aurora-style leadership programme to senior technicians",
         "Leadership Development Manager", "2027 cohort"),
    ]),
    ("S", "Strand 4 \u2013 Sustainability", [
        ("Create four technical apprenticeships in engineering and life sciences workshops",
         "Apprenticeship Manager", "By Sept 2027"),
        ("Include technician time in the full economic costing of every new grant bid",
         "Research Finance Manager", "Jan 2027"),
        ("Draw up a succession plan for single-person specialist roles",
         "Technical Managers Forum", "Jul 2027"),
        ("Review delivery of this plan at each termly Steering Group meeting",
         "TC Steering Group Chair", "Termly"),
    ]),
]
for pil, head, acts in P1_SLIDES:
    for a, lead, when in acts:
        P1["rows"].append(R(a, section=PN[pil], tf=when, owner=lead, pillars=[pil]))

# ------------------------------------------------------------ 2. Word, headings and labelled paragraphs, no tables
P2 = {"file": "ellesmere-vale-university-technician-commitment-plan-2025-28.pdf",
      "institution": "University of Ellesmere Vale",
      "title": "Technician Commitment Plan 2025\u20132028", "period": (2025, 2028),
      "layout": "word-headings-labelled-paras", "stripped": False, "talent_annotated": False, "rows": []}
P2_DATA = [  # pillar, objective, [(short title, what, who, when, measure)]
    ("V", "Objective 1.1: Know who our technicians are and where they work", [
        ("A single technical staff list", "Build and maintain one list of technical staff across all departments, including those in professional services",
         "Head of HR Systems", "December 2025", "List covers every department and is checked twice a year"),
        ("Technicians on departmental web pages", "Ask every department to name its technical team on its public web pages",
         "Heads of Department", "July 2026", "At least 90% of department pages show their technicians"),
    ]),
    ("V", "Objective 1.2: Give technicians a voice where decisions are made", [
        ("Representation on the Estates Board", "Nominate a technician to the Estates and Laboratories Board for a two-year term",
         "Chief Operating Officer", "From January 2026", "Representative in post and attending"),
        ("Annual open forum", "Host an open forum each spring where technicians question the senior leadership team",
         "Pro-Vice-Chancellor (Research)", "Annually", "Attendance and questions logged; actions reported back"),
    ]),
    ("R", "Objective 2.1: Widen access to professional registration", [
        ("Paid registration", "Meet the annual registration fees of technicians holding RSciTech, RSci or CSci",
         "Technical Services Finance", "Ongoing", "Number of registrants grows by a third over the plan"),
        ("Registration champions", "Train four registered technicians as champions who help colleagues prepare applications",
         "Technician Development Lead", "Summer 2026", "Four champions trained and listed on the intranet"),
    ]),
    ("R", "Objective 2.2: Celebrate what technicians achieve", [
        ("Team award", "Introduce a technical team award in the annual Staff Celebration event",
         "Staff Recognition Panel", "2026 event", "Award presented each year"),
        ("Credit in outputs", "Write authorship and acknowledgement guidance that names technical contributions",
         "Research Culture Committee", "March 2027", "Guidance approved and linked from the research handbook"),
    ]),
    ("CD", "Objective 3.1: Make progression routes clear", [
        ("Role profiles", "Rewrite the generic technical role profiles for grades 4 to 7 with technicians and managers",
         "Reward Manager", "September 2026", "New profiles in use for all technical vacancies"),
        ("Progression guidance", "Publish guidance on how technicians can apply for regrading when their role grows",
         "HR Policy Team", "December 2026", "Guidance published; regrading cases tracked"),
    ]),
    ("CD", "Objective 3.2: Invest in skills and learning", [
        ("Learning budget", "Set up a central learning fund that technicians can bid into for courses and conferences",
         "Director of Research Services", "April 2026", "Fund launched; at least 40 awards per year"),
        ("Job shadowing", "Offer short job-shadowing placements between technical teams in different faculties",
         "Technical Network Committee", "2026/27", "Twenty placements completed"),
        ("Teaching skills", "Provide a short course on supporting student learning for technicians who teach in labs",
         "Academic Practice Unit", "Autumn term 2026", "Course delivered twice a year"),
    ]),
    ("S", "Objective 4.1: Secure the future technical workforce", [
        ("Apprentices", "Recruit a yearly intake of laboratory technician apprentices through the Levy",
         "Apprenticeships Officer", "From September 2026", "Three apprentices start each year"),
        ("Costing technicians", "Ensure technician time is requested on research grant applications wherever the funder allows",
         "Pre-Award Team", "Ongoing", "Share of bids including technical staff costs"),
        ("Plan oversight", "Review progress against this plan at every meeting of the Technician Commitment Group and report yearly to Senate",
         "Technician Commitment Group", "Quarterly", "Annual report to Senate"),
    ]),
]
for pil, obj, acts in P2_DATA:
    for title, what, who, when, meas in acts:
        P2["rows"].append(R(what, section=PN[pil], aim=obj.split(": ", 1)[1], tf=when, owner=who, pillars=[pil],
                            sm=meas, extra={"title": title}))

# ------------------------------------------------------------ 3. Word mixed orientation, cover/contents/glossary
P3 = {"file": "harlow-fen-institute-technical-staff-commitment-2025-2028.pdf", "institution": "Harlow Fen Institute",
      "title": "Technical Staff Commitment: Action Plan 2025\u20132028", "period": (2025, 2028),
      "layout": "word-mixed-orientation", "stripped": False, "talent_annotated": True, "rows": []}
P3_DATA = [  # id, area, action, accountable, deadline, talent
    ("1.1", "V", "Map every technical role in the Institute and publish the headcount by department", "Head of People Analytics", "Q2 2026", ["R3"]),
    ("1.2", "V", "Produce short video profiles of technicians for the Institute\u2019s LinkedIn channel", "Communications Manager", "Quarterly", ["R6"]),
    ("1.3", "V", "Invite technical staff to present at the annual Science Open Day", "Public Engagement Officer", "Every July", ["R6"]),
    ("1.4", "V", "Give the Technical Staff Forum a standing item at the Institute Executive twice a year", "Chief Operating Officer", "From 2026", ["R12"]),
    ("1.5", "V", "Set up a technicians\u2019 channel on the staff messaging platform", "Technical Forum Secretary", "Jan 2026", []),
    ("2.1", "R", "Reimburse professional registration fees for all eligible technical staff", "Head of Technical Operations", "Ongoing", ["R10"]),
    ("2.2", "R", "Nominate technicians for national awards such as the THE Technician of the Year", "Awards Coordinator", "Annually", ["R11"]),
    ("2.3", "R", "Record technical contributions in the Institute\u2019s research outputs repository", "Library Research Support", "Dec 2026", ["R11"]),
    ("2.4", "R", "Recognise long service of technical staff at the annual staff dinner", "HR Director", "From 2025", []),
    ("3.1", "CD", "Agree a technical job family with four levels and clear criteria for moving between them", "Reward and Pay Manager", "Mar 2027", ["R7"]),
    ("3.2", "CD", "Build technician development goals into the annual appraisal form", "Organisational Development Manager", "Sept 2026", ["R10"]),
    ("3.3", "CD", "Fund secondments of technicians into academic research projects", "Deputy Director (Research)", "2026\u20132028", ["R2"]),
    ("3.4", "CD", "Run a management skills course for technical supervisors", "Learning and Development", "Twice yearly", ["R15"]),
    ("3.5", "CD", "Expand the technician mentoring scheme to include external mentors from partner institutes", "Mentoring Coordinator", "Year 2", []),
    ("4.1", "S", "Write a five-year technical workforce plan linked to the Institute strategy", "Director of Operations", "Jun 2026", ["R1"]),
    ("4.2", "S", "Offer T Level industry placements in analytical and engineering labs", "Schools Liaison Manager", "From Sept 2026", ["R9"]),
    ("4.3", "S", "Add technician costs to the standard research proposal costing template", "Research Finance", "Apr 2026", ["R5"]),
    ("4.4", "S", "Publish job adverts for technical roles on diverse recruitment boards", "Recruitment Team", "Ongoing", ["R8"]),
    ("4.5", "S", "Sign the Institute\u2019s laboratories up to LEAF accreditation", "Sustainability Manager", "Dec 2027", []),
    ("4.6", "S", "Report progress against this plan to the Technical Staff Forum each term", "Technician Commitment Lead", "Termly", ["R1"]),
]
for i, a, act, own, tf, tal in P3_DATA:
    P3["rows"].append(R(act, id=i, section=PN[a], tf=tf, owner=own, pillars=[a], talent=tal))
P3_GLOSSARY = [
    ("Apprenticeship", "A paid job with training that leads to a recognised qualification."),
    ("LEAF", "Laboratory Efficiency Assessment Framework: a scheme to make laboratories more sustainable."),
    ("RSciTech", "Registered Science Technician, awarded by the Science Council through licensed bodies."),
    ("T Level", "A two-year technical qualification for 16 to 19 year olds that includes an industry placement."),
    ("TALENT", "The TALENT Commission report (2022) and its recommendations on technical skills, roles and careers."),
    ("Technical Staff Forum", "The elected group that represents technicians and will monitor delivery of this plan."),
]

# ------------------------------------------------------------ 4. inline numbered actions in one cell with (Lead: X)
P4 = {"file": "cranmere-university-tc-plan-2026-2028.pdf", "institution": "Cranmere University",
      "title": "Technician Commitment Action Plan 2026\u20132028", "period": (2026, 2028),
      "layout": "word-inline-numbered-cell", "stripped": False, "talent_annotated": False, "rows": []}
P4_DATA = [  # ref, pillar, objective, timescale, [(action, lead)]
    ("V1", "V", "Make the technical community easy to find", "By July 2026", [
        ("set up a searchable directory of technical staff and their expertise", "Digital Services"),
        ("add a technician spotlight to the monthly all-staff newsletter", "Internal Comms"),
        ("map technicians working outside faculties, including Estates and IT", "HR"),
    ]),
    ("V2", "V", "Increase technician involvement in university governance", "2026/27", [
        ("elect two technician members to the Staff Consultative Forum", "Technical Network"),
        ("include technicians on interview panels for senior technical posts", "HR"),
    ]),
    ("R1", "R", "Support professional registration", "Ongoing, reviewed each January", [
        ("pay registration fees for RSciTech, RSci and EngTech applicants", "Technical Services"),
        ("run a writing retreat for technicians preparing registration portfolios", "Staff Development"),
        ("record registration status on the HR system", "HR"),
    ]),
    ("R2", "R", "Acknowledge technical contributions", "December 2026", [
        ("adopt a contributor roles statement for all research outputs", "Research Office"),
        ("invite technicians to co-present at the University research conference", "Research Office"),
    ]),
    ("CD1", "CD", "Provide clear career routes", "September 2027", [
        ("publish case studies of technicians who have progressed between grades", "Technical Network"),
        ("introduce a career conversation within each technician's annual review", "HR"),
        ("create a development pathway from apprentice to senior technician", "Staff Development"),
    ]),
    ("CD2", "CD", "Grow leadership capability", "From 2027", [
        ("offer places on the Emerging Leaders programme to technical staff", "Organisational Development"),
        ("establish a coaching pool open to technical managers", "Organisational Development"),
    ]),
    ("S1", "S", "Plan for the technical workforce of the future", "Years 1-2", [
        ("carry out a skills gap analysis across all technical teams", "Faculty Technical Managers"),
        ("take on two graduate technical trainees each year", "HR"),
        ("share specialist equipment and expertise with neighbouring colleges", "Research Infrastructure Group"),
    ]),
    ("S2", "S", "Keep the Commitment on track", "Twice yearly", [
        ("survey technicians on their experience of the Commitment", "TC Working Group"),
        ("present a progress report to the University Executive Board", "TC Working Group"),
    ]),
]
P4_AREAS = {"V": "Priority area: Visibility", "R": "Priority area: Recognition",
            "CD": "Priority area: Career development", "S": "Priority area: Sustainability"}
for ref, pil, obj, ts, acts in P4_DATA:
    for k, (a, lead) in enumerate(acts, 1):
        P4["rows"].append(R(a, id=f"{ref}.{k}", parent=ref, section=PN[pil], aim=obj, tf=ts, owner=lead, pillars=[pil],
                            alt_ids=[str(k)]))

# ------------------------------------------------------------ 5. scan of a ruled Word table, stripped pillars
P5 = {"file": "penhallow-university-tc-action-plan-2025-2027-scan.pdf", "institution": "Penhallow University",
      "title": "Technician Commitment Action Plan 2025 - 2027", "period": (2025, 2027),
      "layout": "scan-ruled-table", "stripped": True, "talent_annotated": True, "rows": []}
P5_DATA = [  # no, aim, action, lead, timescale, pillars (guide), talent (guide)
    ("1", "Identify all technical staff", "Complete a census of technical staff in every school and service, and repeat it every two years", "HR Information Manager", "Nov 2025", ["V"], ["R3"]),
    ("2", "Raise the profile of technicians", "Publish a technician story on the university blog every month", "Marketing Officer", "Monthly", ["V"], ["R6"]),
    ("3", "Raise the profile of technicians", "Bring technicians into school outreach days to talk about technical careers", "Widening Participation Team", "Each term", ["V", "S"], ["R6"]),
    ("4", "Technician voice", "Create a Technical Staff Council that meets every two months and reports to the Provost", "Provost's Office", "From Jan 2026", ["V"], ["R12"]),
    ("5", "Professional recognition", "Provide one-to-one support for staff applying for EngTech, RSciTech or RSci", "Technical Skills Lead", "Ongoing", ["R"], ["R10"]),
    ("6", "Professional recognition", "Meet the cost of annual membership of a professional body for each registered technician", "Finance Business Partner", "From April 2026", ["R"], ["R10"]),
    ("7", "Reward and credit", "Set up a technician category in the university's annual staff awards", "Staff Awards Panel", "2026", ["R"], ["R11"]),
    ("8", "Reward and credit", "Make sure technical colleagues are named in the acknowledgements of published papers", "Associate Deans for Research", "Ongoing", ["R"], ["R11"]),
    ("9", "Career pathways", "Develop a technical career framework with grade descriptors and example roles", "HR Reward", "Jul 2026", ["CD"], ["R7"]),
    ("10", "Career pathways", "Allow technicians to move into research or teaching roles through internal secondments", "Deputy Vice-Chancellor", "2026-27", ["CD"], ["R2"]),
    ("11", "Training and development", "Guarantee each technician at least five days of training or CPD a year", "Heads of School", "Annually", ["CD"], ["R10"]),
    ("12", "Training and development", "Launch a leadership course for senior technicians who manage teams", "Staff Development Unit", "Autumn 2026", ["CD"], ["R15"]),
    ("13", "Training and development", "Set up a mentoring scheme linking junior and senior technicians", "Technician Network", "Spring 2026", ["CD"], []),
    ("14", "Future workforce", "Recruit technical apprentices into the chemistry and physics teaching labs", "Apprenticeship Coordinator", "Sept 2026", ["S"], ["R9"]),
    ("15", "Future workforce", "Produce a succession plan for roles held by technicians within five years of retirement", "Technical Managers Group", "Dec 2026", ["S"], ["R1"]),
    ("16", "Future workforce", "Check that research grant applications include the cost of the technical support they need", "Research Development Office", "Ongoing", ["S"], ["R5"]),
    ("17", "Shared facilities", "Bring specialist instruments into a shared core facility with a dedicated technical team", "Director of Research Infrastructure", "2027", ["S"], []),
    ("18", "Monitoring the plan", "Survey technical staff every year and use the results to update this action plan", "TC Steering Group", "Every March", ["S"], ["R1"]),
]
for no, aim, act, lead, ts, pil, tal in P5_DATA:
    P5["rows"].append(R(act, id=no, aim=aim, tf=ts, owner=lead, pillars=pil, talent=tal))

# ------------------------------------------------------------ 6. progress report: summary counts, then per-action table
P6 = {"file": "castlegate-institute-tc-progress-report-2025.pdf", "institution": "Castlegate Institute of Science",
      "title": "Technician Commitment Action Plan 2023\u20132026: Progress Report", "period": (2023, 2026),
      "layout": "word-progress-report", "stripped": False, "talent_annotated": True, "rows": []}
P6_DATA = [  # ref, pillar, action, talent, update, status
    ("V1", "V", "Create a technician profiles page on the Institute intranet", ["R6"],
     "The page went live in March 2024 with 46 profiles. Technicians update their own entries through a simple form. Page views are reported to the Steering Group each quarter.", "Complete"),
    ("V2", "V", "Hold an annual technician conference open to partner institutions", ["R13"],
     "The first conference ran in June 2024 with 120 delegates. The second is booked for June 2025 and will include a poster session. Feedback from delegates was strongly positive.", "On track"),
    ("V3", "V", "Include technicians in the Institute's public engagement festival", ["R6"],
     "Four technical teams ran stands at the 2024 festival. Planning for 2025 has started, but two teams have asked for cover so that staff can attend.", "On track"),
    ("V4", "V", "Add a technician member to the Health and Safety Committee", ["R12"],
     "The terms of reference have not yet been changed. The committee will consider the request at its autumn meeting. We expect a member to be appointed by January.", "Delayed"),
    ("R1", "R", "Pay professional registration fees for technical staff", ["R10"],
     "Fees were paid for 31 technicians in 2024. The budget has been renewed for the current year. Numbers registering have doubled since the plan began.", "Complete"),
    ("R2", "R", "Run an internal Technician Excellence Award", ["R11"],
     "The award was launched in 2024 and received 18 nominations. Winners were announced at the summer staff event. The panel will review the criteria before the next round.", "On track"),
    ("R3", "R", "Publish a policy on crediting technical work in publications", ["R11"],
     "A draft policy was written with input from three departments. Consultation has been slower than planned because of competing priorities. It will go to the Research Committee next term.", "Delayed"),
    ("R4", "R", "Support technicians to apply for Advance HE fellowship", [],
     "No work has started on this action. It has been moved to the final year of the plan. The Academic Practice team has agreed to help design a scheme.", "Not started"),
    ("CD1", "CD", "Introduce a technical career pathway with clear progression points", ["R7"],
     "A working group has mapped the current grades and roles. A draft pathway is being tested with two technical teams. Final approval is expected in the spring.", "On track"),
    ("CD2", "CD", "Offer every technician a personal development review each year", [],
     "All technical staff had a review in the 2024 cycle. Managers received guidance on discussing career goals. Completion rates will be checked again in December.", "Complete"),
    ("CD3", "CD", "Fund places on external training courses for technical staff", ["R10"],
     "A fund of \u00a320,000 supported 54 training places last year. Demand exceeded the budget, so a bid has been made to increase it. Priority went to staff who had not trained recently.", "On track"),
    ("CD4", "CD", "Set up a technical leadership programme", ["R15"],
     "The programme design was agreed, but the external provider withdrew. A new provider is being sought. The first cohort will start later than planned.", "Delayed"),
    ("S1", "S", "Recruit technical apprentices in engineering and life sciences", ["R9"],
     "Three apprentices joined in September 2024. One has already completed the first year of study. Two more posts are planned for 2025.", "On track"),
    ("S2", "S", "Produce a technical workforce plan covering skills and succession", ["R1"],
     "Data on age profile and skills has been gathered from each department. The analysis is under way. A draft plan will be shared with Heads of Department in the new year.", "On track"),
    ("S3", "S", "Include technical staff costs in research grant proposals", ["R5"],
     "Guidance for applicants has been updated. The Research Office now checks every proposal for technical costs. Around two thirds of proposals included them last year.", "Complete"),
    ("S4", "S", "Achieve LEAF Silver in all teaching laboratories", [],
     "Bronze has been achieved in five laboratories. Silver requires new equipment that has not been funded. The Sustainability team is looking for alternative funding.", "Delayed"),
    ("S5", "S", "Carry out a survey of technical staff at the midpoint of the plan", ["R1"],
     "The survey closed in May 2025 with a 64% response rate. Results have been shared with all staff. The findings will shape the next action plan.", "Complete"),
]
for ref, pil, act, tal, upd, st in P6_DATA:
    P6["rows"].append(R(act, id=ref, section=PN[pil], pillars=[pil], talent=tal, extra={"update": upd, "status": st}))
