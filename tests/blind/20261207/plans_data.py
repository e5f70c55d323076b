"""Source data for the six blind-round-5 plans: renderers print from these and gold is written from them."""

PN = {"V": "Visibility", "R": "Recognition", "CD": "Career Development", "S": "Sustainability"}


def R(text, *, id=None, section=None, tf=None, owner=None, pillars=(), talent=(), sm=None, extra=None):
    return {"action_id": id, "parent_id": None, "section": section, "aim": None, "action_text": text,
            "details": None, "supporting_actions": None, "success_measures": sm, "timeframe": tf,
            "owner": owner, "resources": None, "pillars": list(pillars), "talent": list(talent),
            "page_start": None, "_extra": extra or {}}


# ---------------------------------------------------------------- 1. nested milestone tables (docx -> LO)
P1 = {"file": "ashcombe-university-tc-action-plan-2025-2028.pdf", "institution": "Ashcombe University",
      "title": "Technician Commitment Action Plan 2025\u20132028", "period": (2025, 2028),
      "layout": "word-nested-milestones", "stripped": False, "talent_annotated": False, "rows": []}
_p1 = {
    "V": [
        ("1.1", "Set up a technical staff network with its own page on the staff intranet",
         "Technical Network Coordinator", "June 2026",
         [("Network terms of reference agreed", "Nov 2025"), ("Intranet page live", "Feb 2026"), ("First network meeting", "Jun 2026")]),
        ("1.2", "Feature technicians and their facilities in the University\u2019s open day tours",
         "Student Recruitment Manager", "From autumn 2025",
         [("Tour scripts revised", "Sep 2025"), ("Technician-led stops at three open days", "Oct 2025")]),
        ("1.3", "Record the names of technical staff on every core facility web page",
         "Research Infrastructure Manager", "March 2026",
         [("Audit of facility pages", "Dec 2025"), ("All pages updated", "Mar 2026")]),
        ("1.4", "Invite a technician representative to sit on the University Research Culture Group",
         "Dean of Research", "January 2026",
         [("Nomination process run by the network", "Nov 2025"), ("Representative attends first meeting", "Jan 2026")]),
    ],
    "R": [
        ("2.1", "Introduce a Technician of the Year prize within the annual staff recognition scheme",
         "Head of Reward", "July 2026",
         [("Criteria drafted with technicians", "Jan 2026"), ("Nominations open", "Apr 2026"), ("Prize awarded", "Jul 2026")]),
        ("2.2", "Pay the application costs for technicians seeking registration with the Science Council",
         "HR Business Partner (Science)", "Ongoing",
         [("Budget confirmed for 2025/26", "Aug 2025"), ("Uptake reviewed", "Each July")]),
        ("2.3", "Ask research groups to list technical contributors in the acknowledgements of outputs",
         "Research Integrity Committee", "December 2026",
         [("Guidance note issued", "Apr 2026"), ("Spot check of 50 outputs", "Dec 2026")]),
        ("2.4", "Include technical staff in the long service celebration held each spring",
         "Events Team", "Spring 2026",
         [("Eligible technicians identified", "Jan 2026"), ("Celebration held", "Apr 2026")]),
    ],
    "CD": [
        ("3.1", "Agree a technical career framework with progression routes from grade 3 to grade 8",
         "Director of HR", "September 2027",
         [("Consultation with technicians", "Mar 2026"), ("Framework drafted", "Nov 2026"), ("Framework approved", "Sep 2027")]),
        ("3.2", "Provide a development allowance of \u00a3400 per technician each financial year",
         "Faculty Operating Officers", "From April 2026",
         [("Allowance included in budgets", "Feb 2026"), ("Claims process published", "Apr 2026")]),
        ("3.3", "Run an annual technician conference with workshops led by technical staff",
         "Technical Network Coordinator", "Each June",
         [("Programme committee formed", "Jan 2026"), ("First conference", "Jun 2026")]),
        ("3.4", "Offer shadowing placements in other schools for technicians who want to broaden their skills",
         "Organisational Development Manager", "Pilot 2026/27",
         [("Host schools recruited", "Sep 2026"), ("Ten placements completed", "Jun 2027")]),
    ],
    "S": [
        ("4.1", "Recruit two technical apprentices a year into hard-to-fill specialist roles",
         "Apprenticeships Manager", "From September 2026",
         [("Roles agreed with schools", "Mar 2026"), ("First apprentices start", "Sep 2026")]),
        ("4.2", "Capture procedures and know-how from technicians due to retire in a shared handbook",
         "Heads of Technical Services", "December 2027",
         [("Template agreed", "Jun 2026"), ("Handbook sections for all facilities", "Dec 2027")]),
        ("4.3", "Review technical staffing levels whenever a new teaching programme is approved",
         "Academic Planning Office", "From 2025/26",
         [("Step added to programme approval form", "Oct 2025")]),
        ("4.4", "Work towards LEAF Gold in the Life Sciences teaching laboratories",
         "Sustainability Officer with laboratory managers", "July 2028",
         [("LEAF Bronze", "Jul 2026"), ("LEAF Silver", "Jul 2027"), ("LEAF Gold", "Jul 2028")]),
    ],
}
P1_STRANDS = {"V": "Strand 1: Visibility", "R": "Strand 2: Recognition", "CD": "Strand 3: Career Development",
              "S": "Strand 4: Sustainability"}
for pil, acts in _p1.items():
    for i, t, o, tf, ms in acts:
        P1["rows"].append(R(t, id=i, section=PN[pil], tf=tf, owner=o, pillars=[pil], extra={"ms": ms}))

# ---------------------------------------------------------------- 2. rotated landscape pages (reportlab + pypdf)
P2 = {"file": "pennard-institute-technician-commitment-plan-2026-29.pdf",
      "institution": "Pennard Institute of Technology", "title": "Technician Commitment Plan 2026\u201329",
      "period": (2026, 2029), "layout": "rotated-landscape", "stripped": False, "talent_annotated": True,
      "rows": []}
_p2 = [
    ("V", "Hold termly open lab afternoons where technicians show their work to academic and professional services staff", "Technical Services Director", "Termly from Jan 2026", ["R6"]),
    ("V", "Ensure technical staff are named on the Institute\u2019s equipment and expertise database", "Research Facilities Manager", "By Dec 2026", []),
    ("V", "Publish a quarterly technical services newsletter written by technicians", "Technical Communications Group", "Quarterly", []),
    ("V", "Give technicians a seat on each School Executive", "Heads of School", "From Sept 2026", ["R1"]),
    ("R", "Create a technician category in the Institute\u2019s annual Excellence Awards", "Director of People", "2026 awards round", []),
    ("R", "Support technicians to apply for RSciTech, RSci and RTech registration, covering fees in the first year", "HR Learning and Development", "Ongoing", ["R8"]),
    ("R", "Credit technical staff as co-authors where their contribution meets the authorship criteria", "Associate Dean Research", "Policy update by Mar 2027", ["R2", "R7"]),
    ("R", "Record technical contributions to teaching in module handbooks", "Programme Leaders", "2026/27 handbooks", []),
    ("CD", "Set up a technician mentoring programme open to all grades", "Organisational Development", "Launch Apr 2027", ["R9"]),
    ("CD", "Allow technicians to spend up to five days a year on training of their choosing", "Line managers", "Annually", []),
    ("CD", "Develop a route for technicians to progress to Technical Specialist and Technical Manager roles", "HR Reward Lead", "Proposal by Jul 2027", ["R3", "R10"]),
    ("CD", "Sponsor two technicians a year to study for a part-time degree or apprenticeship", "Technical Services Director", "From 2027/28", []),
    ("S", "Analyse the age profile of the technical workforce and plan for replacing critical skills", "Workforce Planning Manager", "Annually each March", ["R12"]),
    ("S", "Offer paid summer internships in technical teams for local college students", "Widening Participation Team", "Summer 2027 onwards", ["R14"]),
    ("S", "Include technical staff costs in research bids wherever funders permit", "Research Office", "Ongoing", []),
    ("S", "Reduce single-use plastics in laboratories through a technician-led green labs group", "Green Labs Group", "2026\u20132029", []),
]
for k, (pil, t, o, tf, tal) in enumerate(_p2, 1):
    P2["rows"].append(R(t, id=None, section=PN[pil], tf=tf, owner=o, pillars=[pil], talent=tal))

# ---------------------------------------------------------------- 3. phone photo of a printed table (image-only)
P3 = {"file": "coldharbour-tc-action-plan-photo-2025.pdf", "institution": "University of Coldharbour",
      "title": "Technician Commitment Action Plan 2025\u201327", "period": (2025, 2027),
      "layout": "phone-photo", "stripped": True, "talent_annotated": False, "rows": []}
_p3 = [
    ("C1", "V", "Produce a short film about technical roles for the staff induction programme", "Comms Team", "Dec 2025"),
    ("C2", "V", "Add a technicians section to the annual research report", "Research Office", "Annually"),
    ("C3", "V", "Arrange a technician speaker at each faculty away day", "Faculty Deans", "2026"),
    ("C4", "R", "Reward technical staff who lead outreach events with a certificate and points", "HR Reward", "From Jan 2026"),
    ("C5", "R", "Pay professional body fees for technicians on grades 3 to 6", "Faculty Managers", "Ongoing"),
    ("C6", "R", "Add a contributor role for technicians in the research data repository", "Library Services", "Jul 2026"),
    ("C7", "CD", "Write a training plan for each technician as part of annual review", "Line Managers", "Annual review"),
    ("C8", "CD", "Start a buddy scheme for newly appointed technical staff", "Technical Network", "Mar 2026"),
    ("C9", "CD", "Fund places on the Technical Leadership course for senior technicians", "OD Team", "2026 and 2027"),
    ("C10", "S", "Recruit technical apprentices in engineering and chemistry", "Apprenticeship Lead", "Sep 2026"),
    ("C11", "S", "Share expensive equipment between schools through one booking system", "Facilities Board", "Dec 2026"),
    ("C12", "S", "Plan succession for specialist posts held by one person", "Heads of Technical Services", "Jun 2027"),
]
for i, pil, t, o, tf in _p3:
    P3["rows"].append(R(t, id=i, section=None, tf=tf, owner=o, pillars=[pil]))

# ---------------------------------------------------------------- 4. matrix: pillars x years (HTML -> Chromium)
P4 = {"file": "wexcombe-university-technician-commitment-matrix-2025-28.pdf",
      "institution": "Wexcombe University", "title": "Technician Commitment Action Plan 2025/26 \u2013 2027/28",
      "period": (2025, 2028), "layout": "matrix-pillar-year", "stripped": False, "talent_annotated": False,
      "rows": []}
YEARS = ["2025/26", "2026/27", "2027/28"]
_p4 = {
    ("2025/26", "V"): [("Launch a technicians\u2019 page on the University website", "Marketing"),
                       ("Map where technicians work and publish the map internally", None)],
    ("2025/26", "R"): [("Agree a statement on crediting technicians in publications", "Research Committee")],
    ("2025/26", "CD"): [("Survey technicians on their training needs", "OD Team"),
                        ("Set aside a training fund for technical staff", None)],
    ("2025/26", "S"): [("Review which technical posts have no cover or deputy", "HR")],
    ("2026/27", "V"): [("Run the first Wexcombe technician showcase", "TC Working Group")],
    ("2026/27", "R"): [("Open the staff awards to nominations for technical teams", "HR"),
                       ("Fund registration fees for professional bodies", None)],
    ("2026/27", "CD"): [("Pilot a mentoring scheme for technicians", "OD Team")],
    ("2026/27", "S"): [("Take on the first cohort of technical apprentices", "Apprenticeships Office"),
                       ("Join the regional technical skills partnership", None)],
    ("2027/28", "V"): [("Report on technician numbers and roles to the University Council", "Director of Operations")],
    ("2027/28", "R"): [("Review the grading of technical roles against sector benchmarks", "HR")],
    ("2027/28", "CD"): [("Publish a career pathway for technicians from apprentice to manager", "HR"),
                        ("Evaluate the mentoring pilot and extend it", None)],
    ("2027/28", "S"): [("Submit a renewed self-assessment to the Technician Commitment", "TC Working Group")],
}
for y in YEARS:
    for pil in ("V", "R", "CD", "S"):
        for t, o in _p4[(y, pil)]:
            P4["rows"].append(R(t, section=PN[pil], tf=y, owner=o, pillars=[pil], extra={"year": y}))

# ---------------------------------------------------------------- 5. floating text boxes (odt -> LO)
P5 = {"file": "foxlease-university-technician-commitment-priorities-2024-2027.pdf",
      "institution": "Foxlease University", "title": "Technician Commitment Priorities 2024\u20132027",
      "period": (2024, 2027), "layout": "odt-text-boxes", "stripped": False, "talent_annotated": True,
      "rows": []}
_p5 = {
    "V": [("Appoint a technician champion in every school to promote the Commitment locally", "Technical Services Manager", "By March 2025", ["R1"]),
          ("Tell stories of technical work through the University\u2019s social media channels each month", "Digital Communications", "Monthly", []),
          ("Show the technical team structure on each school\u2019s website", "School Managers", "Summer 2025", []),
          ("Include technicians in visits by funders and VIP guests", "Vice-Principal (Research)", "Ongoing", ["R6"])],
    "R": [("Nominate technicians for external awards such as the THE Technician of the Year", "TC Champions", "Annually", []),
          ("Review job descriptions so that they describe the real scope of technical work", "HR Reward", "2025\u201326", ["R4"]),
          ("Acknowledge technical support in the annual teaching awards", "Academic Registrar", "From June 2025", [])],
    "CD": [("Create a technical training calendar covering both specialist and general skills", "Staff Development", "September 2025", ["R9"]),
           ("Support technicians to gain teaching qualifications such as AFHEA", "Learning and Teaching Unit", "2025\u20132027", []),
           ("Give every technician access to a career conversation with someone outside their line", "Technical Network", "From 2025", []),
           ("Fund attendance at national technician conferences", "Heads of School", "Each year", [])],
    "S": [("Build a bank of technical apprenticeship roles shared across schools", "Apprenticeships Team", "By 2026", ["R14"]),
          ("Make sure new buildings are planned with technical staff input from the start", "Estates Projects", "Ongoing", []),
          ("Keep a register of single points of failure in technical services", "Technical Services Manager", "Reviewed yearly", ["R12"])],
}
P5_AREAS = {"V": "Commitment area A \u2013 Visibility", "R": "Commitment area B \u2013 Recognition",
            "CD": "Commitment area C \u2013 Career Development", "S": "Commitment area D \u2013 Sustainability"}
_n = 0
for pil, acts in _p5.items():
    for t, o, tf, tal in acts:
        _n += 1
        P5["rows"].append(R(t, id=str(_n), section=PN[pil], tf=tf, owner=o, pillars=[pil], talent=tal))

# ---------------------------------------------------------------- 6. AcroForm (reportlab acroform)
P6 = {"file": "royal-calder-college-tc-action-plan-form-2025-27.pdf", "institution": "Royal Calder College",
      "title": "Technician Commitment Action Plan 2025\u201327", "period": (2025, 2027),
      "layout": "acroform", "stripped": False, "talent_annotated": False, "rows": []}
_p6 = {
    "V": [("Put technicians' names and photos on lab doors", "Estates and School Managers", "Dec 2025"),
          ("Give the technical network a slot at College Forum", "Principal's Office", "Each term"),
          ("Post a monthly technician profile on the College blog", "Communications", "Monthly")],
    "R": [("Fund first-year fees for professional registration", "HR", "Ongoing"),
          ("Add technicians to the College teaching prize", "Vice-Principal Education", "2026 round"),
          ("Name technicians on research outputs they supported", "Research Office", "From Jan 2026")],
    "CD": [("Offer one study day per month to every technician", "Line Managers", "From Oct 2025"),
           ("Agree promotion criteria for technical grades", "HR Reward", "Jul 2026"),
           ("Pair new technicians with a mentor for a year", "Technical Network", "Sep 2025")],
    "S": [("Recruit one technical apprentice per faculty", "Apprenticeships Lead", "Sep 2026"),
          ("Record critical skills held by staff near retirement", "Heads of Faculty", "Mar 2026"),
          ("Share core equipment through a single booking site", "Research Facilities Manager", "Dec 2026"),
          ("Run a green labs audit in all teaching spaces", "Sustainability Officer", "2026/27")],
}
P6_PRIORITIES = {"V": "Priority 1 \u2013 Visibility", "R": "Priority 2 \u2013 Recognition",
                 "CD": "Priority 3 \u2013 Career Development", "S": "Priority 4 \u2013 Sustainability"}
_n = 0
for pil, acts in _p6.items():
    for t, o, tf in acts:
        _n += 1
        P6["rows"].append(R(t, id=f"{pil}{sum(1 for r in P6['rows'] if r['pillars'] == [pil]) + 1}",
                            section=PN[pil], tf=tf, owner=o, pillars=[pil]))

PLANS = [P1, P2, P3, P4, P5, P6]
