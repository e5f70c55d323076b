# Data for blind round 11. Every wording here is new (not copied from the seeds).
PN = {"V": "Visibility", "R": "Recognition", "CD": "Career Development", "S": "Sustainability"}

# ---------------------------------------------------------------- 1 annual report (Wendlebury)
P1 = {"file": "wendlebury-technical-services-annual-report-2024-25.pdf", "institution": "University of Wendlebury",
      "title": "Technician Commitment Action Plan 2025\u20132028", "period": (2025, 2028),
      "layout": "annual-report-docx-many-non-action-tables", "stripped": False, "talent_annotated": False,
      "notes": "Technical Services annual report (docx -> LibreOffice, A4 portrait, Caladea). Staff-by-grade, "
               "budget, training-uptake and survey tables and a past-tense achievements list are NOT actions; only the "
               "Technician Commitment plan table near the end is. '(a)'/'(b)' items in one cell are rows with parent_id. "
               "Period/title are the plan's (2025-2028), not the report year 2024-25."}
# (section, ref, action, lead, target) ; action may be a list for (a)/(b) items
P1_ROWS = [
    ("V", "V1", "Give every technical team a named page on the Technical Services website, listing its people, "
                "its equipment and how to book its help", "Head of Technical Services", "March 2026"),
    ("V", "V2", "Invite technicians to co-present at the annual Research Showcase alongside the academics they work with",
     "Research Showcase committee", "Each June"),
    ("V", "V3", ["Add a technician representative to each School's Research and Innovation Committee",
                 "Report the number of technician members on University committees to the Technician Forum each year"],
     "Faculty Operating Officers", "By December 2025, then annually"),
    ("V", "V4", "Feature a technician story in every issue of the staff e-bulletin", "Internal Communications",
     "Monthly from October 2025"),
    ("R", "R1", "Fund registration fees for technicians applying to the Science Council and Engineering Council registers",
     "Technical Services", "Ongoing; review July 2026"),
    ("R", "R2", "Open a technician category in the Vice-Chancellor's Excellence Awards", "Vice-Chancellor's Office",
     "From the 2026 round"),
    ("R", "R3", "Agree a publication policy that names technical contributors as authors or in the acknowledgements",
     "Research Integrity Lead", "September 2026"),
    ("R", "R4", "Ask grant applicants to cost technician time by name on proposals where a technician is central",
     "Research Development Office", "From January 2026"),
    ("CD", "C1", "Map the technical job families onto a published career framework with example progression routes",
     "HR Business Partner (Technical)", "2026/27"),
    ("CD", "C2", ["Offer ten funded places a year on the regional technical leadership course",
                  "Pair each new technical manager with an experienced mentor for their first year"],
     "Organisational Development", "Annually from 2026"),
    ("CD", "C3", "Ring-fence five days a year of development time for every technician", "Heads of School",
     "From August 2025"),
    ("CD", "C4", "Run a secondment scheme that lets technicians spend up to three months in another department",
     "Technical Services with HR", "Pilot in 2026; full scheme 2027"),
    ("S", "S1", "Recruit four technical apprentices a year across the faculties", "Apprenticeship Manager",
     "Every September"),
    ("S", "S2", "Write a succession plan for each single-person specialist role", "Technical Managers",
     "July 2027"),
    ("S", "S3", "Bring the Technician Commitment steering group's report to the University Executive every year",
     "Pro-Vice-Chancellor (Research)", "Annually"),
]

# ---------------------------------------------------------------- 2 newspaper halves (Tarnside)
P2 = {"file": "tarnside-university-technician-commitment-action-plan-2024-2027.pdf", "institution": "Tarnside University",
      "title": "Technician Commitment Action Plan 2024\u20132027", "period": (2024, 2027),
      "layout": "reportlab-table-split-into-side-by-side-halves", "stripped": False, "talent_annotated": True,
      "notes": "One 30-row action table set newspaper-style: each A4 landscape page holds two halves side by side "
               "(rows 1-8 left, 9-16 right; then 17-23 left, 24-30 right), each half with its own header row. "
               "Theme column gives the pillar. [TCR ...] markers stripped from action_text, kept in talent."}
# (id, action, theme, who, when, talent)
P2_ROWS = [
    (1, "Launch a technician directory on the intranet, searchable by skill and facility", "V", "Digital Services", "Jan 2025", ["R6"]),
    (2, "Display technician names and photographs at the entrance to each core facility", "V", "Facility managers", "Summer 2025", []),
    (3, "Hold a Technician Showcase week every spring with open labs and workshop tours", "V", "TC Steering Group", "Annually (March)", ["R6"]),
    (4, "Include technical staff in the welcome talks given to new research students", "V", "Doctoral College", "Each October", []),
    (5, "Secure a technician seat on the Research Culture Committee and on Senate", "V", "University Secretary", "By Sept 2025", ["R12"]),
    (6, "Encourage technicians to write for The Conversation and the University blog", "V", "Press Office", "Ongoing", []),
    (7, "Record short videos of technicians explaining their roles for school outreach", "V", "Outreach team", "2025-26", ["R6"]),
    (8, "Create a shared calendar of technician network events across the region", "V", "Technician Network Chair", "Termly", ["R13"]),
    (9, "Pay first-year fees for RSciTech, RSci and CSci registration", "R", "Technical Services Director", "From April 2025", ["R10"]),
    (10, "Run registration writing clinics with an assessor from a licensed body", "R", "Professional Registration Champion", "Twice a year", ["R10"]),
    (11, "Add a technical contribution statement to the template for journal submissions", "R", "Library Research Support", "Dec 2025", ["R11"]),
    (12, "Nominate technicians for the national Technician of the Year awards", "R", "Heads of Department", "Annually", ["R11"]),
    (13, "Thank technicians by name in the University annual review", "R", "Communications", "Each autumn", []),
    (14, "Recognise long service and exceptional effort through the staff reward scheme", "R", "HR Reward", "Ongoing", []),
    (15, "Review the technical role profiles so that duties match grades", "CD", "HR with Technical Managers", "By July 2026", ["R2", "R7"]),
    (16, "Publish worked examples of technicians who moved between grades or into academic posts", "CD", "HR", "2026", ["R2"]),
    (17, "Give all technicians an annual development conversation with a written plan", "CD", "Line managers", "Yearly from 2025", []),
    (18, "Set aside a training fund that technicians can bid into for courses and conferences", "CD", "Technical Services Director", "April each year", ["R10"]),
    (19, "Offer a management essentials programme for technicians who lead teams", "CD", "Staff Development", "From Jan 2026", ["R15"]),
    (20, "Create job-shadowing placements with local industry partners", "CD", "Knowledge Exchange Office", "2026-27", []),
    (21, "Support technicians to take Level 4 and Level 6 apprenticeships while in post", "CD", "Apprenticeship Hub", "Ongoing", ["R9"]),
    (22, "Write a technical workforce plan covering skills at risk over the next five years", "S", "Technical Services Director", "Dec 2025", ["R1"]),
    (23, "Double the intake of technical apprentices to six a year", "S", "Apprenticeship Hub", "By 2027", ["R9"]),
    (24, "Advertise technical vacancies through community job fairs and schools", "S", "Recruitment team", "Ongoing", ["R4", "R8"]),
    (25, "Use gender-neutral wording and a salary range in every technical job advert", "S", "Recruitment team", "From Jan 2025", ["R8"]),
    (26, "Record specialist know-how in written procedures before staff retire", "S", "Technical Managers", "Rolling", []),
    (27, "Share equipment and technical staff across faculties through a single booking system", "S", "Research Infrastructure Group", "2026", []),
    (28, "Include technician costs in the full economic costing of every new grant", "S", "Research Finance", "From Aug 2025", ["R5"]),
    (29, "Survey the technical community every two years and publish the results", "S", "TC Steering Group", "2025 and 2027", ["R3"]),
    (30, "Report progress on this plan to the University Executive Board twice a year", "S", "Pro Vice-Chancellor (Research)", "Biannual", ["R1", "R3"]),
]

# ---------------------------------------------------------------- 3 whiteboard (Hollinsclough)
P3 = {"file": "hollinsclough-institute-tc-workshop-board-2025.pdf", "institution": "Hollinsclough Institute",
      "title": "Technician Commitment Action Plan 2025\u20132027", "period": (2025, 2027),
      "layout": "reportlab-whiteboard-sticky-notes-rotated", "stripped": False, "talent_annotated": False,
      "notes": "Miro-style board export, one large custom page. Four clusters of rotated/offset sticky notes under a "
               "cluster title per pillar; each note holds an action and an owner in small type. The 'Parking lot' "
               "cluster (questions), the voting legend and the facilitator's notes are not actions."}
# cluster -> list of (action, owner)
P3_CLUSTERS = [
    ("V", "Be seen", [
        ("Put a technician spotlight on the Institute home page every month", "KT (Comms)"),
        ("Name the technical team on every facility webpage", "Facilities leads"),
        ("Invite technicians to speak at the Friday science seminars", "Dr Helen Ames"),
        ("Run lab open days for local schools with technicians as hosts", "Outreach - JB"),
        ("Add a technician item to every all-staff meeting agenda", "Director's office"),
    ]),
    ("R", "Be valued", [
        ("Pay the fees for professional registration", "Finance / RP"),
        ("Set up a peer-nominated Technician Prize", "HR - Sunita"),
        ("Credit technicians in papers and datasets they helped produce", "Research Committee"),
        ("Send a thank-you note from the Director for outstanding work", "Director"),
        ("Write technician roles into grant bids by name", "Grants Office - MO"),
    ]),
    ("CD", "Grow careers", [
        ("Publish a career map for technical grades 3 to 8", "HR - Sunita"),
        ("Give every technician protected training time each month", "Line managers"),
        ("Start a mentoring scheme pairing junior and senior technicians", "TC Champions"),
        ("Fund conference trips for two technicians each year", "Training budget - RP"),
        ("Offer project management training to senior technicians", "L&D - Craig"),
        ("Let technicians shadow colleagues in partner institutes", "KT + partner labs"),
    ]),
    ("S", "Keep skills here", [
        ("Take on an apprentice in the glasshouse and growth-room team", "Horticulture - DW"),
        ("Write down the know-how for the electron microscope before its specialist retires", "Imaging - Priya"),
        ("Build a skills register for the whole technical workforce", "TC Champions"),
        ("Review technical staffing every year in the business plan", "COO"),
    ]),
]
P3_PARKING = ["Who pays for registration after year 1?", "Do PhD students count as technical staff?",
              "Link to the Athena Swan plan?"]

# ---------------------------------------------------------------- 4 infographic (Oakhanger)
P4 = {"file": "oakhanger-university-technician-commitment-infographic-2026-2029.pdf", "institution": "Oakhanger University",
      "title": "Our Technician Commitment 2026\u20132029", "period": (2026, 2029),
      "layout": "reportlab-infographic-numbered-circles-pillar-bands", "stripped": False, "talent_annotated": False,
      "notes": "Canva-style tall infographic (2 pages 612x1584 pt). Each numbered circle 01..18 is an action: "
               "action_text = the bold short title, details = the one-sentence description beside it (GOLD_FORMAT: "
               "'details' is the elaboration a prediction may match on). Owner/timeframe from the small 'Lead | By' "
               "line. Coloured band per pillar gives the pillar. Big statistics and the footer are not actions."}
# band -> list of (title, description, lead, by)
P4_BANDS = [
    ("V", [
        ("Technician profiles online", "We will publish a short profile of every technical team on the University website.", "Web Team", "2026"),
        ("A seat at the table", "We will make sure technicians sit on every faculty research committee.", "Faculty Deans", "2027"),
        ("Open workshop days", "We will open our workshops and labs to visitors twice a year, hosted by technicians.", "Technical Services", "Every year"),
        ("Stories in the news", "We will pitch technician stories to local media and the staff newsletter.", "Press Office", "Ongoing"),
    ]),
    ("R", [
        ("Registration paid for", "We will cover the cost of professional registration for any technician who applies.", "Technical Services", "From 2026"),
        ("Named on the work", "We will ask research teams to credit technicians in papers, posters and data.", "Research Office", "2027"),
        ("Awards that fit", "We will add a technician prize to the annual staff awards.", "HR", "2026"),
        ("Say thank you", "We will celebrate technical achievements at a yearly Technicians' Day.", "TC Champions", "Each November"),
    ]),
    ("CD", [
        ("Clear career paths", "We will publish routes between technical grades with real examples.", "HR", "2027"),
        ("Time to learn", "We will protect six days a year of training for every technician.", "Line Managers", "From 2026"),
        ("Leaders of tomorrow", "We will fund places on a technical leadership programme each year.", "Organisational Development", "Annually"),
        ("Mentors for all", "We will match every new technician with a mentor in their first year.", "TC Champions", "2026"),
        ("Try something new", "We will offer short secondments to other teams and to industry partners.", "HR", "2028"),
    ]),
    ("S", [
        ("Grow our own", "We will recruit technical apprentices in every faculty.", "Apprenticeships Team", "2026\u20132029"),
        ("Plan for the future", "We will write a five-year technical workforce plan.", "Director of Technical Services", "2027"),
        ("Keep the know-how", "We will record specialist methods before experienced staff retire.", "Technical Managers", "Ongoing"),
        ("Fair recruitment", "We will widen where we advertise technical jobs to reach under-represented groups.", "HR Recruitment", "2026"),
        ("Check our progress", "We will survey technicians every two years and report what we find.", "TC Steering Group", "2027 and 2029"),
    ]),
]

# ---------------------------------------------------------------- 5 progress letter (Bexmoor)
P5 = {"file": "university-of-bexmoor-tc-progress-letter-october-2025.pdf", "institution": "University of Bexmoor",
      "title": "Technician Commitment Action Plan 2024\u20132027: progress update", "period": (2024, 2027),
      "layout": "reportlab-letter-prose-progress", "stripped": False, "talent_annotated": False,
      "notes": "Two-page letter on letterhead, dated 14 October 2025, 'Dear Colleagues'. One paragraph per action, "
               "naming its id and status in words. action_text = the action as the letter states it (the clause "
               "after the id); 'status' is the gold status in words normalised to Complete / On track / Behind "
               "schedule / Not started; owner and timeframe only where the paragraph names them."}
# (id, pillar, lead-in template, action clause, rest of paragraph, status, owner, timeframe)
P5_ROWS = [
    ("V1", "V", "Action V1, to {a}, is complete.",
     "create a single web page listing every technical facility and the people who run it",
     " The page went live in June and has been viewed more than four thousand times.", "Complete", None, None),
    ("V2", "V", "Under Action V2 we committed to {a}.",
     "invite a technician to speak at each School's research away-day",
     " Five of the eight Schools have done so; the remaining three have dates in the spring, so this action is on track.",
     "On track", None, "Spring 2026"),
    ("V3", "V", "Action V3 ({a}) is behind schedule.",
     "add technician representation to the Senate and the Research Committee",
     " The Senate review has delayed the change to its membership until next summer; the Research Committee seat has been filled.",
     "Behind schedule", None, "Summer 2026"),
    ("V4", "V", "Our plan under Action V4 is to {a}.",
     "publish a termly technician newsletter edited by technicians themselves",
     " Two issues have appeared and the editorial group, led by Amira Castell, is planning the third; it is on track.",
     "On track", "Amira Castell", "Termly"),
    ("R1", "R", "Action R1, which is to {a}, is complete.",
     "meet the cost of professional registration fees for all technical staff",
     " Twenty-three colleagues have registered with our support this year.", "Complete", None, None),
    ("R2", "R", "Action R2 asks us to {a}.",
     "introduce a technician category in the University's annual awards",
     " The category was approved by the Awards Panel but the first round will not open until March, so we report it as on track.",
     "On track", "Awards Panel", "March 2026"),
    ("R3", "R", "Action R3, to {a}, has not yet started.",
     "agree authorship and acknowledgement guidance for technical contributions",
     " The Research Integrity Committee will take it up in January.", "Not started", "Research Integrity Committee", "January 2026"),
    ("C1", "CD", "Action C1 is to {a}.",
     "publish a technical career framework with example pathways between grades",
     " A draft has been shared with the trade unions; consultation has taken longer than we hoped and the action is now behind schedule.",
     "Behind schedule", None, None),
    ("C2", "CD", "Under Action C2, to {a}, progress is good.",
     "give every technician at least five days of protected development time a year",
     " Most departments are recording the time, and the action is on track.", "On track", None, "Each year"),
    ("C3", "CD", "Action C3 ({a}) is complete.",
     "launch a mentoring scheme for technicians",
     " Thirty-one pairs have been matched since February, coordinated by Learning and Development.", "Complete",
     "Learning and Development", None),
    ("C4", "CD", "Action C4, to {a}, is behind schedule.",
     "fund technicians to attend one external conference a year",
     " Only nine of the forty requests could be met from this year's budget; we will ask for more in the 2026 budget round.",
     "Behind schedule", None, None),
    ("S1", "S", "Action S1, to {a}, is on track.",
     "recruit five technical apprentices each year",
     " Four started in September and a fifth will join in January.", "On track", None, "Each year"),
    ("S2", "S", "We have not started Action S2, which is to {a}.",
     "map the skills held by only one member of staff and plan how to pass them on",
     " This will begin once the workforce survey closes in December.", "Not started", None, "December 2025"),
    ("S3", "S", "Action S3, to {a}, is complete.",
     "include technical staffing in each School's annual planning return",
     " All Schools reported technical staffing for the first time this year.", "Complete", None, None),
    ("S4", "S", "Finally, Action S4 commits us to {a}.",
     "report progress on the plan to the University Executive Board every six months",
     " The first report was made in April and the second is due next month; it is on track.", "On track",
     "University Executive Board", "Every six months"),
]

# ---------------------------------------------------------------- 6 two-column table per action (Dunmarsh)
P6 = {"file": "dunmarsh-metropolitan-university-tc-action-plan-2025-28.pdf", "institution": "Dunmarsh Metropolitan University",
      "title": "Technician Commitment Action Plan 2025\u20132028", "period": (2025, 2028),
      "layout": "docx-one-two-column-table-per-action", "stripped": False, "talent_annotated": True,
      "notes": "Word (python-docx -> LibreOffice, A4 portrait, Carlito). One small two-column table per action: merged "
               "title row 'Action 1.2: <short title>', then Description / Lead / Support / Milestones (bulleted) / "
               "Success measure. Tables are allowed to break across pages. action_text = the short title, details = "
               "the Description; owner = Lead (Support kept in the extra 'support' key); timeframe = the milestones "
               "joined with '; ' (their dates are the only timing the plan gives); the milestone bullets are "
               "milestones, not sub-actions, so they are not rows. TALENT given in the Description as '(TALENT R..)'"
               " in a few tables."}
# strand -> list of (id, title, description, lead, support, milestones, success, talent)
P6_STRANDS = [
    ("V", "Strand 1: Visibility", [
        ("1.1", "Technician pages on the staff intranet",
         "Build a set of intranet pages that introduce each technical team, its services and its contacts.",
         "Head of Technical Operations", "Digital Experience Team",
         ["Content gathered from all teams by February 2026", "Pages launched in May 2026", "Reviewed each summer"],
         "Pages live for all 14 technical teams", []),
        ("1.2", "Technicians at public engagement events",
         "Make sure technicians take part in the science festival, open days and school visits, with time allowed for it.",
         "Public Engagement Manager", "Technical Managers",
         ["Named technician lead for each event from 2026", "Festival stand run by technicians in June 2026"],
         "At least 30 technicians involved in public engagement each year", ["R6"]),
        ("1.3", "Representation on decision-making bodies",
         "Reserve places for elected technicians on the Research Committee and each Faculty Board.",
         "University Secretary", "Faculty Executive Officers",
         ["Terms of reference changed by December 2025", "First elections in February 2026"],
         "Technicians sit on every Faculty Board", ["R12"]),
        ("1.4", "Technical staff in University communications",
         "Show technicians at work in prospectuses, social media and the annual report.",
         "Marketing and Communications", "Technician Network",
         ["Photo library of technical work by April 2026", "Quarterly social media feature"],
         "Technicians appear in every edition of the annual report", []),
    ]),
    ("R", "Strand 2: Recognition", [
        ("2.1", "Support for professional registration",
         "Pay application and first-year fees and provide mentors for technicians seeking RSciTech, RSci, CSci or EngTech.",
         "Director of Technical Services", "Registration Champions",
         ["Fee scheme open from October 2025", "Two mentoring cohorts a year"],
         "60 newly registered technicians by 2028", ["R10"]),
        ("2.2", "Credit for technical contributions to research",
         "Adopt a contributor roles policy so that technical work is acknowledged in outputs, datasets and funding bids.",
         "Pro Vice-Chancellor (Research)", "Library and Research Integrity Office",
         ["Policy drafted by March 2026", "Approved by Senate in June 2026"],
         "Policy in force and monitored through the repository", ["R11"]),
        ("2.3", "A technician award in the staff excellence awards",
         "Create a dedicated category, judged with technical staff on the panel.",
         "HR Reward and Recognition", "Technician Network",
         ["Category launched for the 2026 awards", "Results shared in Technician News"],
         "Award made every year", []),
    ]),
    ("CD", "Strand 3: Career Development", [
        ("3.1", "A technical career framework",
         "Set out the skills expected at each technical grade and show how staff can move between grades and roles.",
         "HR Business Partner", "Trade unions and Technical Managers",
         ["Consultation in spring 2026", "Framework published September 2026", "Used in appraisals from 2027"],
         "Framework published and used in all technical appraisals", ["R2", "R7"]),
        ("3.2", "Protected time for development",
         "Give every technician ten days a year for training, conferences and personal development.",
         "Deans of Faculty", "Line managers",
         ["Agreed by the Executive in November 2025", "Time recorded in appraisals from 2026"],
         "90% of technicians use their development days", []),
        ("3.3", "Leadership and management training",
         "Offer a course for senior technicians who manage people, budgets or facilities.",
         "Organisational Development", "Technical Services",
         ["Pilot cohort of 12 in 2026", "Two cohorts a year from 2027"],
         "40 technicians complete the course by 2028", ["R15"]),
        ("3.4", "Apprenticeships for existing staff",
         "Use the apprenticeship levy to fund higher and degree apprenticeships for technicians already in post.",
         "Apprenticeship Manager", "Faculty Technical Managers",
         ["Information sessions each term", "First learners enrolled September 2026"],
         "15 technicians enrolled on an apprenticeship by 2028", ["R9"]),
        ("3.5", "Secondments and job rotation",
         "Let technicians try roles in other teams or with partner organisations for up to six months.",
         "Technical Services", "HR and partner organisations",
         ["Scheme rules agreed by June 2026", "First placements in 2027"],
         "At least eight secondments completed", []),
    ]),
    ("S", "Strand 4: Sustainability", [
        ("4.1", "A technical workforce plan",
         "Forecast the technical skills the University will need over ten years and plan recruitment and training around them.",
         "Director of Technical Services", "Strategic Planning Office",
         ["Skills audit completed by April 2026", "Plan approved by the Executive in December 2026"],
         "Plan approved and reviewed every year", ["R1"]),
        ("4.2", "Trainee technician scheme",
         "Recruit trainee technicians from local colleges each year and train them to a recognised standard.",
         "Apprenticeship Manager", "Local further education colleges",
         ["Partnership agreement signed in 2026", "First six trainees start September 2026"],
         "Six trainees a year, with 80% retained after training", ["R4"]),
        ("4.3", "Succession planning for specialist roles",
         "Identify posts where a single person holds critical knowledge and arrange shadowing and documentation.",
         "Technical Managers", "HR",
         ["At-risk roles listed by March 2026", "Handover plans in place by 2027"],
         "Every at-risk role has a written handover plan", []),
        ("4.4", "Monitoring and review of the plan",
         "Keep a steering group that meets each term and reports progress to the University Executive.",
         "Chair of the Technician Commitment Steering Group", "Technician Network",
         ["Termly meetings", "Annual progress report each July"],
         "Annual report published on the website", ["R3"]),
    ]),
]
