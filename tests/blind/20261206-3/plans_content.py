"""Content of the six blind-round-3 plans (fictional institutions). Imported by make_plans.py."""

# ----------------------------------------------------------------------------- 1. spreadsheet
THORNBURY = dict(
    key="thornbury-vale-tc-tracker-2025-28",
    institution="University of Thornbury Vale",
    title="Technician Commitment Action Plan 2025-2028",
    period=(2025, 2028), layout="spreadsheet", stripped=False, talent_annotated=False,
    objectives={
        "Visibility": "Make every technician identifiable and their work seen",
        "Recognition": "Help technicians gain formal and informal recognition",
        "Career Development": "Give technicians clear routes to progress",
        "Sustainability": "Plan for the technical workforce we will need",
    },
    # ref, pillar, action, owner, start, due, rag, pct, comment
    rows=[
        ("V-01", "Visibility", "Build and maintain a register of all technical staff, including those in professional services roles", "HR Systems Manager", "Sep-25", "Mar-26", "Green", 0.6, "Pulling from payroll job codes; 14 roles still unmapped."),
        ("V-02", "Visibility", "Launch a Technical Community page on the staff intranet with a searchable expertise directory", "TC Lead / Digital Comms", "Oct-25", "Jun-26", "Amber", 0.3, "Directory template agreed; content owners in two faculties not yet confirmed."),
        ("V-03", "Visibility", "Publish one technician profile per month in the all-staff bulletin", "Internal Communications", "Sep-25", "Ongoing", "Green", 0.5, "Five profiles run so far. Good response from Engineering."),
        ("V-04", "Visibility", "Hold an annual Technicians' Showcase open to staff, students and local employers", "Technical Steering Group (TSG)", "Jan-26", "Jun-26 then annually", "Amber", 0.1, "Venue booked; budget request with Finance."),
        ("V-05", "Visibility", "Secure two seats for technical staff on the Research and Innovation Committee", "PVC Research", "Sep-25", "Dec-25", "Red", 0.0, "Awaiting review of committee terms of reference - escalated to TSG Chair."),
        ("R-01", "Recognition", "Pay professional registration fees (RSciTech, RSci, EngTech) for any technician who applies", "Head of Technical Services", "Sep-25", "Ongoing", "Green", 0.7, "11 applications funded in 2025."),
        ("R-02", "Recognition", "Run two registration writing workshops each year with the Science Council", "Staff Development", "Nov-25", "Jul-28", "Green", 0.25, ""),
        ("R-03", "Recognition", "Add a technician category to the Vice-Chancellor's Excellence Awards", "Reward & Recognition Panel", "Sep-25", "Mar-26", "Green", 0.8, "Category approved; first winners announced at March ceremony."),
        ("R-04", "Recognition", "Agree guidance on acknowledging technical contributions in papers and data sets", "Research Integrity Officer", "Jan-26", "Dec-26", "Amber", 0.15, "Draft based on CRediT taxonomy out for comment."),
        ("R-05", "Recognition", "Nominate technicians for external awards such as the Papin Prizes each cycle", "TC Lead", "Feb-26", "Ongoing", "Not started", 0.0, ""),
        ("CD-01", "Career Development", "Map current technical roles to a single job family with grade descriptors", "HR Business Partner (Reward)", "Sep-25", "Jul-26", "Amber", 0.4, "Job evaluation panel capacity is the main risk."),
        ("CD-02", "Career Development", "Introduce protected CPD time of at least five days a year for every technician", "Faculty Operating Officers", "Jan-26", "Sep-26", "Red", 0.05, "Backfill cost not yet agreed by faculties."),
        ("CD-03", "Career Development", "Pilot a technician mentoring scheme pairing new starters with experienced staff", "Staff Development", "Oct-25", "Jun-26", "Green", 0.55, "9 pairs matched in first cohort."),
        ("CD-04", "Career Development", "Offer short secondments between faculty and core facility teams", "Technical Managers' Forum", "Apr-26", "Jul-27", "Not started", 0.0, "Dependent on CD-01."),
        ("CD-05", "Career Development", "Include career conversations in the annual review for all technical staff", "Line managers, supported by HR", "Sep-25", "Jul-26", "Green", 0.45, "Review form updated for 2025/26 cycle."),
        ("S-01", "Sustainability", "Produce a five-year technical workforce plan covering retirements and skills gaps", "Director of Research Services", "Jan-26", "Jan-27", "Amber", 0.2, "Data request to HR submitted; age profile received."),
        ("S-02", "Sustainability", "Recruit four technician apprentices a year across the faculties", "Apprenticeships Manager", "Sep-26", "Ongoing", "Not started", 0.0, "Levy funding confirmed for 2026 intake."),
        ("S-03", "Sustainability", "Cost technician time correctly on all new grant applications", "Research Finance", "Sep-25", "Mar-26", "Green", 0.65, ""),
        ("S-04", "Sustainability", "Enrol every laboratory in LEAF and reach Silver in half of them", "Sustainability Team", "Oct-25", "Jul-27", "Amber", 0.35, "31 of 58 labs enrolled; 6 at Bronze."),
        ("S-05", "Sustainability", "Survey technical staff every two years and report results to the TSG", "TSG Chair", "Mar-26", "Mar-28", "Green", 0.1, "Question set shared with NTDC for benchmarking."),
    ],
)

# ----------------------------------------------------------------------------- 2. strategy + appendix
MARLOWE = dict(
    key="marlowe-bay-technical-excellence-strategy",
    institution="Marlowe Bay University",
    title="Technician Commitment Action Plan 2025-2028",
    period=(2025, 2028), layout="strategy-appendix", stripped=True, talent_annotated=False,
    strands=[
        ("Strand 1 \u2013 Seen and heard", [
            ("1", "Create a single online directory of technical staff and the facilities they run", "Head of Technical Operations", "By July 2026", "Directory live with 90% of staff listed", ["V"]),
            ("2", "Feature a technical team in every issue of the university magazine, Marlowe Matters", "Communications Office", "Each issue from Spring 2026", "Eight features published by 2028", ["V"]),
            ("3", "Reserve a technician place on each faculty research committee and on Senate's Education Committee", "University Secretary", "From September 2026", "Technicians sitting on all six committees", ["V"]),
            ("4", "Run a technician-led stand at the Marlowe Bay Science Festival each year", "Public Engagement Manager", "Annually, June", "Stand delivered in 2026, 2027 and 2028", ["V"]),
        ]),
        ("Strand 2 \u2013 Valued", [
            ("5", "Fund professional registration and the first year of membership fees for technical staff", "Technical Excellence Board", "Ongoing from 2025/26", "60 newly registered technicians by 2028", ["R"]),
            ("6", "Add technical contributions to the criteria for the annual Research Culture Prize", "Research Culture Lead", "For the 2026 round", "Revised criteria published", ["R"]),
            ("7", "Write guidance for authors on naming technicians in papers, theses and data records", "Library Research Services", "By December 2026", "Guidance adopted by all faculties", ["R"]),
            ("8", "Support technicians who teach to apply for Associate Fellowship of Advance HE", "Academic Practice Unit", "Two cohorts a year", "20 technicians awarded AFHEA", ["R"]),
        ]),
        ("Strand 3 \u2013 Growing", [
            ("9", "Agree a technical career framework with role profiles from entry level to head of facility", "Director of HR", "Consultation 2026; in place by 2027", "Framework approved by the Joint Negotiating Committee", ["CD"]),
            ("10", "Open the university's leadership programme to senior technical staff", "Organisational Development", "From January 2026", "At least four technical places per intake", ["CD"]),
            ("11", "Set up a shadowing scheme between core facilities and faculty workshops", "Technical Managers Group", "Pilot in 2026/27", "15 placements completed", ["CD"]),
            ("12", "Give every technician a learning budget of \u00a3300 a year for training and conferences", "Faculty Finance Managers", "Annually from August 2026", "Budget used by 75% of staff", ["CD"]),
            ("13", "Train line managers of technical staff to hold career conversations during appraisal", "HR Learning Team", "By March 2027", "90% of technical line managers trained", ["CD"]),
        ]),
        ("Strand 4 \u2013 Future-ready", [
            ("14", "Draw up succession plans for specialist roles where the post holder is due to retire within five years", "Heads of School with HR", "Reviewed each spring", "Plans in place for every at-risk role", ["S"]),
            ("15", "Create six technical apprenticeships and two T Level industry placements each year", "Early Careers Team", "From September 2026", "18 apprentices recruited by 2028", ["S"]),
            ("16", "Include full technician costs in research bids through the costing tool", "Research Finance Office", "By April 2026", "Technician time present in 95% of eligible bids", ["S"]),
            ("17", "Bring shared equipment onto one booking system so that instruments and expertise can be found across campus", "Core Facilities Manager", "Phased, 2026-2027", "150 instruments bookable online", ["S"]),
            ("18", "Repeat the technician survey in 2027 and report progress to the Technical Excellence Board twice a year", "TC Working Group", "Survey spring 2027; reports twice yearly", "Response rate above 50%", ["S"]),
        ]),
    ],
)

# ----------------------------------------------------------------------------- 3. poster
KINGSMERE = dict(
    key="kingsmere-tc-poster-2025-27",
    institution="Kingsmere University",
    title="Our Technician Commitment 2025-2027",
    period=(2025, 2027), layout="poster", stripped=False, talent_annotated=False,
    panels=[
        ("Visibility", "V", (0.0, 0.45, 0.47), [
            ("Put a named technical contact on every lab and workshop door and web page", "Faculty Technical Managers", "by Dec 2025"),
            ("Film short \u201cday in the life\u201d clips of technicians for Open Days", "Marketing & Student Recruitment", "2026"),
            ("Launch a quarterly Technical Community newsletter", "TC Champions Network", "from Jan 2026"),
            ("Invite technicians to present at the annual Research Culture Day", "Research Office", "each May"),
        ]),
        ("Recognition", "R", (0.42, 0.2, 0.55), [
            ("Cover RSciTech, RSci and CSci fees for all applicants", "Technical Services Director", "ongoing"),
            ("Add a \u201cTechnician of the Year\u201d category to the Kingsmere Staff Awards", "HR Reward Team", "2026 awards"),
            ("Credit technical staff in published outputs using CRediT roles", "Research Integrity Group", "by Sep 2026"),
            ("Hold a celebration event for newly registered technicians", "TC Steering Group", "annually"),
        ]),
        ("Career Development", "CD", (0.85, 0.42, 0.05), [
            ("Publish a technical career map showing routes from Grade 4 to Grade 8", "HR Business Partners", "by Jul 2026"),
            ("Give each technician five days of protected development time a year", "Heads of Department", "from Aug 2025"),
            ("Launch a reverse-mentoring scheme between technicians and senior leaders", "Organisational Development", "pilot 2026"),
            ("Fund places on HEaTED and IST training courses", "TC Steering Group", "ongoing"),
            ("Offer secondments into the new Digital Fabrication Hub", "Hub Manager", "2026\u201327"),
        ]),
        ("Sustainability", "S", (0.18, 0.5, 0.2), [
            ("Recruit technician apprentices in engineering, chemistry and the arts", "Early Careers Lead", "3 per year"),
            ("Record technical roles and retirement dates in a workforce plan", "Workforce Planning Manager", "by Mar 2026"),
            ("Take part in LEAF in every teaching laboratory", "Green Labs Group", "by Jul 2027"),
            ("Review progress against this plan with technicians each term", "TC Steering Group", "termly"),
        ]),
    ],
)

# ----------------------------------------------------------------------------- 4. Word report, landscape table section
ASHCOMBE = dict(
    key="ashcombe-tc-action-plan-2026-29",
    institution="Ashcombe University",
    title="Technician Commitment Action Plan 2026-2029",
    period=(2026, 2029), layout="word-landscape-section", stripped=False, talent_annotated=True,
    # priority heading, pillar, items; item = (id, text, talent, lead, timescale, measure, subs)
    priorities=[
        ("Priority 1 \u2013 Visibility", "V", [
            ("1.1", "Raise the profile of technical staff across the University", ["R6"], None, None, None, [
                ("1.1.1", "Add a technical staff section to each School's web pages, listing teams and specialist skills", "School Managers", "By end of 2026", "All 14 Schools have a technical staff section"),
                ("1.1.2", "Produce a yearly \u201cTechnicians at Ashcombe\u201d report for the University Executive Board", "Technician Commitment Lead", "Each October", "Report received and minuted by UEB"),
                ("1.1.3", "Use the University's social media channels to share technicians' work at least once a month", "Digital Communications", "Monthly from January 2026", "12 posts a year; engagement tracked"),
            ]),
            ("1.2", "Give technicians a voice in decision-making", ["R12"], None, None, None, [
                ("1.2.1", "Elect a technician representative to Council's People Committee", "Director of Governance", "From 2026/27", "Representative in post"),
                ("1.2.2", "Create a Technical Staff Forum that meets each term and reports to the TC Steering Group", "TC Steering Group Chair", "First meeting spring 2026", "Three meetings a year with minutes published"),
            ]),
            ("1.3", "Identify all staff in technical roles, including those outside laboratories, through the HR system", ["R3"], "HR Information Manager", "By July 2026", "Technical flag set for all relevant posts", []),
        ]),
        ("Priority 2 \u2013 Recognition", "R", [
            ("2.1", "Support professional registration", ["R10"], None, None, None, [
                ("2.1.1", "Pay registration and annual fees for technicians registering with a licensed body", "Director of Technical Services", "Ongoing", "45 registrations by 2029"),
                ("2.1.2", "Train six registration assessors and mentors from among our own staff", "Staff Development Manager", "By December 2026", "Six trained assessors"),
            ]),
            ("2.2", "Recognise technical contributions to research and teaching", ["R11"], None, None, None, [
                ("2.2.1", "Add a question on technical contributions to the internal peer review of grant proposals", "Research Development Office", "From April 2026", "Question used in all internal reviews"),
                ("2.2.2", "Nominate at least two technicians a year for national awards", "TC Steering Group", "Annually", "Nominations submitted each year"),
                ("2.2.3", "Thank individual technicians by name at graduation ceremonies in their School", "Heads of School", "Summer 2026 onwards", "Named at every ceremony"),
            ]),
        ]),
        ("Priority 3 \u2013 Career development", "CD", [
            ("3.1", "Build clear career pathways", ["R7"], None, None, None, [
                ("3.1.1", "Review all technical role profiles against the sector's job family framework", "HR Reward Manager", "2026\u20132027", "Profiles reviewed and regraded where needed"),
                ("3.1.2", "Publish promotion criteria for technical staff on the intranet", "HR Policy Team", "By March 2027", "Criteria published; first promotion round held"),
            ]),
            ("3.2", "Widen access to development", ["R10", "R15"], None, None, None, [
                ("3.2.1", "Reserve places for technicians on the Aspiring Leaders programme", "Organisational Development", "From 2026/27 cohort", "Four technicians per cohort"),
                ("3.2.2", "Hold an annual technical skills exchange with neighbouring universities", "Technical Managers' Network", "Each July", "Exchange held with at least two partners"),
                ("3.2.3", "Make job shadowing available to any technician who asks for it", "Line managers", "Ongoing", "Requests met within three months"),
            ]),
        ]),
        ("Priority 4 \u2013 Sustainability", "S", [
            ("4.1", "Plan the technical workforce", ["R1", "R3"], None, None, None, [
                ("4.1.1", "Produce a technical workforce plan for each Faculty, covering skills at risk and retirements", "Faculty Directors of Operations", "By September 2027", "Plans approved by Faculty boards"),
                ("4.1.2", "Record technician effort on every research grant costed from 2026", "Research Finance", "From January 2026", "Audit shows 90% compliance"),
            ]),
            ("4.2", "Grow new entry routes", ["R9"], None, None, None, [
                ("4.2.1", "Take on at least five apprentices each year in technical roles", "Apprenticeship Coordinator", "Each September", "15 apprentices by 2029"),
                ("4.2.2", "Offer paid summer placements for local college students", "Widening Participation Team", "Summers 2026\u20132028", "10 placements per summer"),
            ]),
            ("4.3", "Monitor and report progress on this plan to the University Executive Board twice a year", [], "TC Steering Group", "Every six months", "Reports submitted on time", []),
        ]),
    ],
)

# ----------------------------------------------------------------------------- 5. web page (CSS grid, no table)
BRACKENRIDGE = dict(
    key="brackenridge-tc-action-plan-web",
    institution="Brackenridge University",
    title="Technician Commitment action plan 2024-2027",
    period=(2024, 2027), layout="web-grid", stripped=False, talent_annotated=False,
    groups=[
        ("Visibility", "V", [
            ("V1", "Map every technical post in the University and keep the list up to date each year", "Workforce Insight Team", "March 2025, then annually", "Complete", 100),
            ("V2", "Create a \u201cMeet our technicians\u201d gallery on the public website", "Web & Digital Team", "September 2025", "On track", 70),
            ("V3", "Include technical staff in the induction talks given to new research students", "Doctoral College", "Each October", "On track", 60),
            ("V4", "Hold a technician open day for schools in the region during British Science Week", "Outreach Office", "March 2026 and March 2027", "At risk", 20),
            ("V5", "Ensure a technician sits on the Research Culture Steering Group", "Dean of Research Culture", "December 2024", "Complete", 100),
        ]),
        ("Recognition", "R", [
            ("R1", "Set up a central fund to pay for professional registration fees", "Technical Services Board", "January 2025", "Complete", 100),
            ("R2", "Run peer support sessions for technicians preparing registration applications", "Registered Technician Network", "Termly", "On track", 50),
            ("R3", "Recognise technical staff in the University's long service and excellence awards", "HR Reward", "June 2025", "On track", 80),
            ("R4", "Add a field for technical contributors to the research outputs system", "Research Information Systems", "July 2026", "Not started", 0),
            ("R5", "Encourage technicians who support teaching to apply for Advance HE fellowship", "Centre for Teaching Excellence", "Ongoing", "On track", 40),
        ]),
        ("Career development", "CD", [
            ("CD1", "Design a technician career pathway with clear steps between grades", "HR Business Partner (Technical)", "December 2026", "At risk", 25),
            ("CD2", "Fund 20 places each year on accredited technical training", "Staff Learning & Development", "Annually", "On track", 55),
            ("CD3", "Launch a mentoring programme matching technicians across faculties", "Technical Mentoring Lead", "April 2025", "Complete", 100),
            ("CD4", "Offer management training to technicians who supervise others", "Leadership Academy", "2025\u20132026", "On track", 45),
            ("CD5", "Allow technicians to spend up to 10% of their time on projects outside their team", "Heads of Technical Services", "Pilot from September 2025", "Not started", 0),
        ]),
        ("Sustainability", "S", [
            ("S1", "Review technician workloads and staffing levels in every core facility", "Director of Research Infrastructure", "June 2025", "Complete", 100),
            ("S2", "Develop a level 3 laboratory technician apprenticeship with a local further education college", "Apprenticeships Hub", "September 2026", "On track", 35),
            ("S3", "Carry out exit interviews with all technical staff who leave and report themes annually", "HR Operations", "From January 2025", "On track", 65),
            ("S4", "Reduce energy use of cold storage through a freezer sharing and defrosting programme", "Sustainable Labs Officer", "March 2027", "On track", 30),
            ("S5", "Report progress on this plan to the Technical Services Board every quarter", "Technician Commitment Lead", "Quarterly", "On track", 60),
        ]),
    ],
)

# ----------------------------------------------------------------------------- 6. scan
LOXLEY = dict(
    key="loxley-marine-tc-plan-scan",
    institution="Loxley Institute for Marine Research",
    title="Technician Commitment Action Plan 2025-2028",
    period=(2025, 2028), layout="scan-two-column", stripped=False, talent_annotated=False,
    areas=[
        ("Visibility", "V", [
            ("Profile a member of technical staff in each edition of the Institute newsletter, Tideline", "Communications Officer", "Quarterly", "Four profiles a year"),
            ("Include technical staff in the crew lists and acknowledgements of every research cruise report", "Marine Operations Manager", "From the 2025 season", "All cruise reports name technical crew"),
            ("Invite technicians to lead tours during the Institute's annual open weekend", "Outreach Coordinator", "Each September", "Half of tours led by technicians"),
            ("Add a technical staff member to the Institute's Management Board as a full member", "Director", "By April 2026", "Seat filled"),
        ]),
        ("Recognition", "R", [
            ("Meet the cost of professional registration for all technical staff who apply", "Head of Technical Services", "Ongoing", "12 registrations by 2028"),
            ("Nominate technicians for the Papin Prizes and the Marine Technology Society awards", "Awards Panel", "Each award cycle", "At least one nomination a year"),
            ("Introduce a twice-yearly Director's commendation for technical excellence", "Director's Office", "From January 2026", "Two commendations a year"),
        ]),
        ("Career development", "CD", [
            ("Agree a set of technical role profiles linked to the Institute's grading structure", "HR Manager", "By December 2026", "Profiles adopted"),
            ("Support seagoing technicians to complete sea survival and specialist instrument training", "Marine Operations Manager", "Before each cruise season", "All crew certificates current"),
            ("Set up short placements for technicians at partner institutes in the UK and Europe", "Head of Technical Services", "2026-2028", "Three placements completed"),
            ("Offer coaching to technicians moving into team leader roles", "HR Manager", "From 2025/26", "All new team leaders offered coaching"),
        ]),
        ("Sustainability", "S", [
            ("Write succession plans for the mooring, sensor calibration and workshop teams", "Heads of Section", "By March 2027", "Plans reviewed by Management Board"),
            ("Recruit a trainee marine technician each year through a paid traineeship", "HR Manager", "Annually from 2026", "Three trainees recruited"),
            ("Include technician time in the full economic costing of all new research bids", "Finance Manager", "From September 2025", "Costing checked on every bid"),
            ("Survey technical staff every two years to track progress on this plan", "TC Working Group", "2026 and 2028", "Results published to all staff"),
        ]),
    ],
)
