# Data for blind round 12. Every wording here is new (not copied from the seeds or earlier rounds).
PN = {"V": "Visibility", "R": "Recognition", "CD": "Career Development", "S": "Sustainability"}

# ---------------------------------------------------------------- 1 transposed table (Calderbrook)
P1 = {"file": "calderbrook-university-tc-action-plan-2025-2028.pdf", "institution": "Calderbrook University",
      "title": "Technician Commitment Action Plan 2025\u20132028", "period": (2025, 2028),
      "layout": "docx-transposed-table-actions-as-columns", "stripped": False, "talent_annotated": False,
      "notes": "python-docx -> LibreOffice, A4 landscape, Liberation Sans. One transposed table per priority: each "
               "ACTION is a COLUMN, the first column holds the field names (Ref, Action, Lead, By when, Success looks "
               "like, Pillar). Visibility and Career Development have two tables each (5 + n columns). Action CD3 has "
               "two bulleted items in its Action cell: one gold row each, parent_id CD3. Pillar as printed in the "
               "Pillar row (two rows name two pillars)."}
# (priority heading, [(ref, action (str or list), lead, by when, success, [pillars])])
P1_TABLES = [
    ("Priority 1: Visibility", [
        ("V1", "Produce a short film for each faculty showing a day in the life of its technical teams",
         "Marketing and Communications", "Spring 2026", "Four films live on the public website and shown at open days", ["V"]),
        ("V2", "Put technician names and photographs on the entrance boards of every shared laboratory",
         "Building Managers", "December 2025", "Boards in place in all 31 shared labs", ["V"]),
        ("V3", "Hold an annual technical open house where researchers tour the workshops and core facilities",
         "Director of Technical Operations", "Each November", "At least 150 visitors a year", ["V"]),
        ("V4", "Create a technician profile template for the staff directory and help every technician complete it",
         "Digital Team", "July 2026", "80% of technicians with a completed profile", ["V"]),
        ("V5", "Report Technician Commitment progress as a standing item at Senate twice a year",
         "TC Champion (PVC Research)", "From October 2025", "Two Senate papers per year", ["V"]),
    ]),
    ("Priority 1: Visibility (continued)", [
        ("V6", "Enter technical teams and individuals for national awards such as the THE Technician of the Year",
         "TC Steering Group", "Annually", "Three nominations a year", ["V", "R"]),
        ("V7", "Set up a technician blog on the intranet written and edited by technicians",
         "Technician Network committee", "January 2026", "One post a fortnight", ["V"]),
    ]),
    ("Priority 2: Recognition", [
        ("R1", "Include a technician on the judging panel of every internal staff award",
         "Vice-Chancellor's Office", "2026 awards round", "A technician judge on each panel", ["R"]),
        ("R2", "Add a contributor statement to internal research reports that lists the technical staff involved",
         "Research Office", "September 2026", "Statement used in all internal reports", ["R"]),
        ("R3", "Pay professional registration fees for technicians who register with the Science Council or the Engineering Council",
         "Head of Technical Workforce", "Ongoing", "25 new registrations by 2028", ["R", "CD"]),
        ("R4", "Thank technical teams by name in the Vice-Chancellor's end-of-year message",
         "Vice-Chancellor's Office", "Each July", "Teams named every year", ["R"]),
    ]),
    ("Priority 3: Career Development", [
        ("CD1", "Write role profiles for technical grades 3 to 8 that show the skills needed to move up a grade",
         "HR Reward Team", "March 2027", "Profiles published and used in regrading cases", ["CD"]),
        ("CD2", "Give every technician a development conversation with their manager each year",
         "Line managers of technical staff", "Annually from 2026", "95% completion", ["CD"]),
        ("CD3", ["Launch a technical mentoring scheme matching new starters with experienced colleagues",
                 "Train twenty technicians a year as mentors"],
         "Technical Training Coordinator", "Pilot September 2026", "40 active mentoring pairs", ["CD"]),
        ("CD4", "Fund places for technicians on the regional technical leadership course",
         "Organisational Development", "2026-2028", "Eight places per year taken up", ["CD"]),
    ]),
    ("Priority 3: Career Development (continued)", [
        ("CD5", "Allow technicians to apply to the internal research culture fund for their own projects",
         "Research Culture Manager", "From 2025/26", "Six technician-led awards a year", ["CD", "R"]),
        ("CD6", "Publish worked examples of technicians who have progressed between job families",
         "HR Business Partner", "December 2026", "Ten case studies on the careers pages", ["CD"]),
    ]),
    ("Priority 4: Sustainability", [
        ("S1", "Build a technical workforce plan for each faculty that names posts at risk from retirement",
         "Faculty Operating Officers", "June 2026", "Plans approved by each faculty executive", ["S"]),
        ("S2", "Take on three technical apprentices a year and keep a budget line for their salaries",
         "Apprenticeship Lead", "From September 2025", "Nine apprentices in post by 2028", ["S"]),
        ("S3", "Record specialist knowledge held by single technicians in written procedures before they leave",
         "Heads of Technical Services", "Rolling", "Procedures held for all single-person equipment", ["S"]),
        ("S4", "Offer paid summer placements in technical teams for students from under-represented groups",
         "Widening Participation Office", "Summers 2026 and 2027", "Twelve placements in total", ["S"]),
    ]),
]

# ---------------------------------------------------------------- 2 mind map (Kestrel Bay)
P2 = {"file": "kestrel-bay-university-technician-commitment-mind-map.pdf", "institution": "Kestrel Bay University",
      "title": "Technician Commitment Action Plan 2025\u201327", "period": (2025, 2027),
      "layout": "reportlab-mind-map-a3-landscape", "stripped": False, "talent_annotated": False,
      "notes": "reportlab, one A3 landscape page, URW Gothic + DejaVu Sans. Central node holds the plan's name; four "
               "pillar branches (labelled 'Strand: <pillar>') with curved connectors to leaf nodes. Visibility and "
               "Recognition leaves are rounded boxes; Career Development and Sustainability leaves are plain text at "
               "the connector's end. Each leaf: action, then owner and date in smaller type. Pillar = the branch."}
# (pillar, [(action, owner, date)])
P2_BRANCHES = [
    ("V", [("Run technician-led lab tours at every undergraduate open day", "Recruitment Team", "From June 2025"),
           ("Show the technical staff of each research group on its web page", "Web Editors", "Dec 2025"),
           ("Launch a Technician Spotlight series in the weekly staff newsletter", "Internal Comms", "Monthly"),
           ("Hold a technical poster session at the annual research conference", "Research Office", "Each April")]),
    ("R", [("Create a Technical Excellence award within the university's staff awards", "HR Director", "2026"),
           ("Ask principal investigators to name technicians on conference posters", "Associate Deans Research", "Sep 2025"),
           ("Reward professional registration with a one-off payment", "Reward Manager", "Apr 2026"),
           ("Record technical contributions in the research information system", "Library Research Support", "2026-27")]),
    ("CD", [("Give each technician ten days of protected training time a year", "Heads of Department", "Ongoing"),
            ("Open the academic leadership programme to senior technicians", "Staff Development", "Jan 2026"),
            ("Set up job shadowing between technical teams in different faculties", "Technical Managers Forum", "Summer 2026"),
            ("Introduce a technical career map with clear promotion criteria", "HR Business Partners", "Jul 2027"),
            ("Support technicians to study for degree apprenticeships", "Apprenticeship Hub", "From Sep 2025")]),
    ("S", [("Review technical staffing in each school against its teaching load", "Deans of School", "Annually"),
           ("Start a technical trainee scheme for school leavers", "Technical Services", "Sep 2026"),
           ("Share specialist equipment staff between nearby universities", "Regional Technical Network", "2026"),
           ("Keep a register of skills that only one technician holds", "Technical Managers", "Mar 2026")]),
]

# ---------------------------------------------------------------- 3 text converted to outlines (Ashcombe)
P3 = {"file": "royal-ashcombe-institute-tc-plan-outlined.pdf", "institution": "Royal Ashcombe Institute",
      "title": "Technician Commitment Action Plan 2026\u20132029", "period": (2026, 2029),
      "layout": "reportlab-ruled-table-text-to-outlines-ghostscript", "stripped": False, "talent_annotated": True,
      "notes": "reportlab ruled table (US Letter landscape, Carlito) whose text was then converted to vector outlines "
               "with Ghostscript pdfwrite -dNoOutputFonts: no text layer, no fonts, not a raster. Gold is as printed "
               "(checked on the pre-outline PDF). 'Focus area' section rows carry the pillar; TALENT numbers are in "
               "their own column ('TALENT rec.')."}
# (focus heading, pillar, [(no, action, owner, timescale, talent)])
P3_AREAS = [
    ("Focus area A \u2013 Visibility", "V", [
        ("A1", "Appoint a technician to every faculty research committee and the Institute's Research Strategy Board", "Provost", "Sept 2026", ["R12"]),
        ("A2", "Publish an annual report on the size, grades and make-up of the technical workforce", "HR Analytics", "Each January", ["R3"]),
        ("A3", "Organise school outreach days run by technicians in local secondary schools", "Public Engagement Manager", "Termly", ["R6"]),
        ("A4", "Map the Institute's technical facilities in an online directory open to partners", "Director of Research Infrastructure", "2027", []),
    ]),
    ("Focus area B \u2013 Recognition", "R", [
        ("B1", "Require grant proposals to include named technical staff costs wherever a technician will work on the project", "Research Finance", "From Aug 2026", ["R5"]),
        ("B2", "Name technicians as co-authors where they meet the authorship criteria, and in the acknowledgements otherwise", "Research Integrity Committee", "2026/27", ["R11"]),
        ("B3", "Introduce long-service and outstanding-contribution awards for technicians", "Director of People", "Dec 2026", ["R11"]),
        ("B4", "Cover the cost of professional registration and annual fees", "Technical Services", "Ongoing", ["R10"]),
    ]),
    ("Focus area C \u2013 Career Development", "CD", [
        ("C1", "Agree a technical career framework with promotion routes up to grade 9", "Head of Reward", "2027/28", ["R2", "R7"]),
        ("C2", "Provide a management essentials course for newly appointed technical supervisors", "Learning and Development", "From Jan 2027", ["R15"]),
        ("C3", "Allow technicians to lead small research projects and apply for seed funding as principal investigator", "Research Office", "2027", ["R2"]),
        ("C4", "Give technicians access to the Institute's conference travel fund", "Faculty Finance Managers", "Sept 2026", []),
    ]),
    ("Focus area D \u2013 Sustainability", "S", [
        ("D1", "Set up a technical workforce strategy group reporting to the Executive Board", "Chief Operating Officer", "Mar 2027", ["R1"]),
        ("D2", "Recruit two degree apprentices a year into engineering and science workshops", "Apprenticeship Manager", "Annually", ["R9"]),
        ("D3", "Check technician job adverts for biased wording and advertise them on diverse job boards", "Recruitment Team", "2026", ["R4", "R8"]),
        ("D4", "Join the regional technician network and host one of its meetings each year", "Technical Network Lead", "From 2026", ["R13"]),
    ]),
]

# ---------------------------------------------------------------- 4 pillar by row colour only (Brackenfield)
P4 = {"file": "brackenfield-university-technician-commitment-plan-colour-coded.pdf", "institution": "Brackenfield University",
      "title": "Technician Commitment Action Plan 2025\u20132027", "period": (2025, 2027),
      "layout": "reportlab-table-pillar-by-row-colour-only", "stripped": False, "talent_annotated": False,
      "notes": "reportlab, A4 portrait, DejaVu Sans Condensed. A colour key at the top (swatch + 'Blue = Visibility', "
               "...). Rows are ordered by target date, pillars interleaved, and each row is shaded in its pillar's "
               "colour; there is NO pillar column and no pillar headings, so the pillar is shown ONLY by the row fill "
               "(gold pillars = the fill's pillar, stripped=false because the document does state it, by colour). "
               "Table breaks across pages with a repeated header."}
P4_COLOURS = {"V": ("Blue", "#CFE0F7"), "R": ("Amber", "#FBE3B0"), "CD": ("Green", "#D3EDCB"), "S": ("Lilac", "#E6D9F2")}
# (no, pillar, action, responsible, target, measure)
P4_ROWS = [
    (1, "S", "Form a technical succession working group with members from every faculty", "Director of Estates and Facilities", "Oct 2025", "Group meets quarterly"),
    (2, "V", "Add a technician voice to the welcome talk for new academic staff", "Academic Induction Lead", "Oct 2025", "Talk given at each induction"),
    (3, "CD", "Survey technicians on the training they want and publish the results", "Technical Training Group", "Nov 2025", "Response rate above 60%"),
    (4, "R", "Write to each technician who passes ten years of service to thank them personally", "Vice-Chancellor", "Dec 2025", "Letters sent every year"),
    (5, "V", "Place a technician page on the university's public research website", "Web Team", "Jan 2026", "Page live with named contacts"),
    (6, "CD", "Offer technicians a place on the coaching programme run for academic staff", "Staff Development", "Feb 2026", "Ten technicians coached each year"),
    (7, "S", "Write a recruitment guide for technical managers on reaching a wider pool of applicants", "Equality and Diversity Team", "Mar 2026", "Guide in use for all technical adverts"),
    (8, "R", "Add a technical staff category to the annual research impact prizes", "Research and Enterprise", "Apr 2026", "Category awarded each year"),
    (9, "V", "Hold a technician takeover week on the university's social media channels", "Social Media Manager", "May 2026", "Reach of 20,000 views"),
    (10, "CD", "Pay for technicians to attend one external conference or course each year", "Heads of School", "From Jun 2026", "Budget spent in every school"),
    (11, "S", "Create two entry-level trainee technician posts for local school leavers", "Human Resources", "Sep 2026", "Both posts filled"),
    (12, "R", "Show technicians' contributions to each REF impact case study in its supporting evidence", "REF Manager", "Sep 2026", "Named in all case studies"),
    (13, "CD", "Build a skills passport that records the training and competencies of each technician", "Technical Training Group", "Dec 2026", "Passport used by 70% of technicians"),
    (14, "V", "Give technicians seats on the university's research culture committee", "PVC Research and Enterprise", "Jan 2027", "Two technician members"),
    (15, "S", "Review technical staffing levels whenever a new building or large instrument is planned", "Capital Projects Board", "Feb 2027", "Review part of every business case"),
    (16, "R", "Include a technician in the university's honorary awards nominations each year", "Honorary Awards Committee", "Mar 2027", "One nomination a year"),
    (17, "CD", "Set up a secondment route into research project roles for experienced technicians", "HR Business Partners", "May 2027", "Three secondments completed"),
    (18, "S", "Keep written handover notes for every specialist instrument", "Facility Managers", "Jul 2027", "Notes held for all instruments"),
]

# ---------------------------------------------------------------- 5 steering group minutes (Pennard Moor)
P5 = {"file": "university-of-pennard-moor-tc-steering-group-minutes-march-2026.pdf", "institution": "University of Pennard Moor",
      "title": "Technician Commitment Action Plan 2024\u20132027", "period": (2024, 2027),
      "layout": "docx-meeting-minutes-with-appendix-status-table", "stripped": False, "talent_annotated": False,
      "notes": "python-docx -> LibreOffice, A4 portrait, Carlito. Minutes of the Technician Commitment Steering Group "
               "(attendees, apologies, numbered minute items in prose). Several items end with 'ACTION: XY to ...' "
               "lines: those are the MEETING's actions (who does what before the next meeting), NOT plan actions, and "
               "are not in the gold. Only the rows of Appendix A, the TC action plan status table (Ref, Action, Owner, "
               "Due, RAG, Update), are gold. Pillar from the table's theme rows ('Theme 1 \u2013 Visibility'). "
               "Period/title are the plan's (2024-2027), not the meeting date."}
P5_MINUTES = [
    ("Welcome and apologies", "The Chair welcomed members, in particular Dr Imogen Tanner, who joins the group as the "
     "new technical representative for the School of Life Sciences. Apologies were noted as above.", []),
    ("Minutes of the last meeting", "The minutes of the meeting held on 14 November 2025 were approved as a correct "
     "record. All actions from that meeting were complete apart from the survey report, which is covered under item 4.", []),
    ("Matters arising", "Members discussed the delay to the technician web pages. The Web Team has been short-staffed "
     "since January, and the pages will now go live after Easter. The group agreed that a simple holding page would be "
     "better than waiting.",
     ["ACTION: RP to ask the Web Team for a holding page by 31 March."]),
    ("Technician survey 2025: results", "GH presented the headline results of the autumn survey (68% response). "
     "Satisfaction with recognition had risen since 2022, but fewer than half of respondents knew how to progress to a "
     "higher grade. Members felt the career pathways work should be brought forward. Free-text comments about "
     "workload in the teaching labs will be passed to the Heads of School.",
     ["ACTION: GH to circulate the full survey report to members before the next meeting.",
      "ACTION: LM to share the workload comments with the Heads of School, anonymised."]),
    ("Action plan progress", "The group reviewed the status of each action in the plan (Appendix A). Seven actions "
     "are complete or on track. Two are red: the career framework, which is waiting for the University's job "
     "evaluation review, and the apprenticeship budget, which was not agreed in the last budget round.",
     ["ACTION: SA to raise the apprenticeship budget with the Chief Financial Officer."]),
    ("Technician Commitment self-assessment", "The self-assessment for the Institute of Technical Skills and Strategy "
     "is due in September. The Chair suggested a small writing group.",
     ["ACTION: Chair to invite three volunteers to form a writing group by April."]),
    ("Any other business", "Members thanked Keith Orme, who retires in May after 38 years as a workshop technician. "
     "The next meeting will be held on 11 June 2026 in the Senate Room.", []),
]
# (theme heading, [(ref, action, owner, due, rag, update)])
P5_APPENDIX = [
    ("Theme 1 \u2013 Visibility", [
        ("1.1", "Create web pages for each technical team with photographs, skills and contact details", "Web Team (RP)", "Dec 2025", "Red", "Delayed by staffing; holding page by March 2026."),
        ("1.2", "Invite technicians to present at the University's research week", "Research Office", "Annually (June)", "Green", "Four technician talks booked for June 2026."),
        ("1.3", "Include a technician story in every edition of the staff magazine", "Internal Communications", "Each edition", "Green", "Stories in all three editions this year."),
        ("1.4", "Place technical representatives on school boards and the University Research Committee", "Registrar", "Sep 2025", "Green", "Complete: representatives on all nine school boards."),
    ]),
    ("Theme 2 \u2013 Recognition", [
        ("2.1", "Launch a technician of the year award at the summer staff celebration", "HR Director", "Jul 2026", "Amber", "Criteria agreed; sponsor still to be confirmed."),
        ("2.2", "Ensure technical contributions are acknowledged in theses and journal papers", "Doctoral College", "2026", "Amber", "Guidance drafted for supervisors."),
        ("2.3", "Support technicians to apply for RSciTech, RSci and CSci registration", "Technical Development Lead (GH)", "Ongoing", "Green", "Nine applications submitted since September."),
        ("2.4", "Add technician representation to the panels that decide staff recognition payments", "Reward Manager", "Apr 2026", "Green", "Two technicians now sit on the panel."),
    ]),
    ("Theme 3 \u2013 Career Development", [
        ("3.1", "Develop a technical career framework linking job families, grades and skills", "HR Business Partner (LM)", "Jul 2026", "Red", "Paused until the job evaluation review reports."),
        ("3.2", "Offer technicians places on the aspiring leaders programme", "Organisational Development", "From Jan 2026", "Green", "Three technicians on the current cohort."),
        ("3.3", "Set up a technician training budget held centrally and open to all technical staff", "Director of Technical Services", "Apr 2026", "Amber", "Proposal with the Finance Committee."),
        ("3.4", "Run annual careers sessions explaining progression routes for technicians", "Careers Service", "Each autumn", "Green", "First session held in November 2025, 40 attended."),
    ]),
    ("Theme 4 \u2013 Sustainability", [
        ("4.1", "Recruit technical apprentices in engineering, chemistry and biosciences", "Director of Technical Services (SA)", "Sep 2026", "Red", "Budget not agreed; raised with the CFO."),
        ("4.2", "Analyse the age profile of technical staff and plan for upcoming retirements", "HR Analytics", "Dec 2025", "Green", "Complete; report to Executive in January."),
        ("4.3", "Offer placements in technical teams to students on science and engineering degrees", "Employability Team", "Summer 2026", "Amber", "Six host teams found; need ten."),
        ("4.4", "Produce a technical staff induction pack covering safety, facilities and the Technician Network", "Technician Network", "Mar 2026", "Green", "Draft pack reviewed at this meeting."),
    ]),
]

# ---------------------------------------------------------------- 6 year planner (Whitlow Bridge)
P6 = {"file": "whitlow-bridge-university-technician-commitment-year-planner-2025-26.pdf", "institution": "Whitlow Bridge University",
      "title": "Technician Commitment Year Planner 2025\u201326", "period": (2025, 2026),
      "layout": "reportlab-calendar-year-planner-a3-landscape", "stripped": False, "talent_annotated": False,
      "notes": "reportlab, one A3 landscape page, Liberation Sans Narrow. A year planner grid: months Sep..Aug as "
               "columns (a year band row '2025' over Sep-Dec and '2026' over Jan-Aug), commitment areas (pillars) as "
               "rows, each cell holding 0-3 bulleted short actions. The month (with its year) is the timeframe; no "
               "owners are printed (gold owner null). Pillar = the row."}
MONTHS = ["Sep", "Oct", "Nov", "Dec", "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug"]
# pillar -> {month: [actions]}
P6_GRID = {
    "V": {"Sep": ["Welcome event for new technical staff"],
          "Nov": ["Technician stand at the research staff conference", "Publish technical team profiles online"],
          "Jan": ["Technicians' feature in the alumni magazine"],
          "Mar": ["Technician-run stalls at British Science Week"],
          "Jun": ["Showcase technical projects at the summer exhibition"]},
    "R": {"Oct": ["Open nominations for the technician awards"],
          "Dec": ["Announce technician award winners at the winter reception"],
          "Feb": ["Check acknowledgement of technicians in published papers"],
          "May": ["Promote RSciTech and RSci registration with drop-in clinic"],
          "Jul": ["Thank-you lunch for technical teams"]},
    "CD": {"Sep": ["Agree personal development plans with every technician"],
           "Oct": ["Launch the mentoring pilot"],
           "Jan": ["Open bids to the technician development fund", "Leadership course for senior technicians begins"],
           "Apr": ["Job shadowing week across faculties"],
           "Jun": ["Review of technical career pathways"],
           "Aug": ["Evaluate the mentoring pilot"]},
    "S": {"Nov": ["Review vacancies and hard-to-fill technical posts"],
          "Feb": ["Advertise technical apprenticeships", "Agree succession plans for key facilities"],
          "Mar": ["Hold a technical careers fair for local schools"],
          "Jul": ["Host summer technical interns", "Update the technical workforce plan"]},
}
P6_ROWHEAD = {"V": "Visibility", "R": "Recognition", "CD": "Career Development", "S": "Sustainability"}
