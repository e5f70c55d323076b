"""Source data for the six blind-round-10 plans (renderers print from it; gold is written from it)."""

PN = {"V": "Visibility", "R": "Recognition", "CD": "Career Development", "S": "Sustainability"}

# ------------------------------------------------------------------ 1. Notion page, inline database
P1 = {"file": "kilnsey-university-technician-commitment-plan-notion.pdf",
      "institution": "Kilnsey University", "title": "Technician Commitment Plan 2025\u20132027",
      "period": (2025, 2027), "layout": "notion-page-inline-database", "stripped": False, "talent_annotated": False,
      "notes": "Notion page printed by chromium (Letter). Each row of the inline database 'Action tracker' is an "
               "action; Status is a select chip (not a timeframe), Owner person chips (names), Due a date, Pillar "
               "multi-select chips. Callouts and open toggles hold no actions."}
# (action, status, [owners], due, [pillars])
P1_ROWS = [
    ("Build a searchable directory of every technical post, grouped by department and specialism",
     "In progress", ["Megan Oduya"], "December 12, 2025", ["V"]),
    ("Add a 'Meet our technicians' strip to each department's home page",
     "Not started", ["Tom Ashworth"], "March 31, 2026", ["V"]),
    ("Record a short podcast series in which technicians describe a day in their role",
     "Not started", ["Leila Haddad"], "June 30, 2026", ["V"]),
    ("Reserve one seat for an elected technician on the University Research and Innovation Committee",
     "Done", ["Graham Pell"], "October 1, 2025", ["V", "S"]),
    ("Run a technician stand at the summer open days so applicants meet the people behind the labs",
     "Not started", ["Tom Ashworth", "Leila Haddad"], "July 4, 2026", ["V"]),
    ("Pay annual membership of a professional body for technicians working towards registration",
     "In progress", ["Rosa Benn"], "January 31, 2026", ["R"]),
    ("Hold two registration surgeries a year with an external assessor from the Science Council",
     "Not started", ["Megan Oduya"], "May 15, 2026", ["R"]),
    ("Introduce a technician category in the Vice-Chancellor's Excellence Awards",
     "Done", ["Graham Pell"], "November 20, 2025", ["R"]),
    ("Agree a departmental checklist for naming technical staff in papers, datasets and theses",
     "In progress", ["Dr Anika Rao"], "April 30, 2026", ["R"]),
    ("Write a technical career framework with four levels and published criteria for moving between them",
     "In progress", ["Rosa Benn"], "September 30, 2026", ["CD"]),
    ("Ring-fence two training days a year for every technician, recorded in the appraisal system",
     "Not started", ["Sam Whitcombe"], "February 27, 2026", ["CD"]),
    ("Pair new senior technicians with a mentor from another faculty for their first year",
     "Not started", ["Leila Haddad"], "January 15, 2027", ["CD"]),
    ("Offer short secondments into the Research Office and the Doctoral College",
     "Not started", ["Sam Whitcombe", "Dr Anika Rao"], "March 1, 2027", ["CD"]),
    ("Fund places on the regional technical leadership programme for team leaders",
     "In progress", ["Rosa Benn"], "June 1, 2026", ["CD"]),
    ("Map the specialist skills held by only one person and plan cover for each of them",
     "Not started", ["Graham Pell"], "August 31, 2026", ["S"]),
    ("Recruit two laboratory technician apprentices each September",
     "In progress", ["Sam Whitcombe"], "September 7, 2026", ["S"]),
    ("Include technician time as a costed line in every research grant submitted from 2026",
     "Not started", ["Dr Anika Rao"], "April 1, 2026", ["S"]),
    ("Survey the technical community every other year and publish the headline results",
     "Not started", ["Megan Oduya"], "November 30, 2026", ["S"]),
    ("Report progress on this plan to the People Committee each term",
     "In progress", ["Graham Pell"], "December 18, 2025", ["S"]),
]

# ------------------------------------------------------------------ 2. Excel printed with headings
P2 = {"file": "lowmoor-university-tc-action-plan-2024-27-workbook.pdf",
      "institution": "Lowmoor University", "title": "Technician Commitment Action Plan 2024\u20132027",
      "period": (2024, 2027), "layout": "xlsx-print-headings-gridlines-outline", "stripped": False,
      "talent_annotated": True,
      "notes": "openpyxl workbook printed by LibreOffice Calc with row/column headings and gridlines; rows under each "
               "strand are grouped (outline). Column letters and row numbers are not data. '(a) (b)' lines in one "
               "Action cell are separate rows with parent_id."}
# strand rows, then data rows: (ref, objective, action or [sub-actions], lead, target, measure, talent)
P2_STRANDS = [
    ("V", "Strand 1: Visibility", [
        ("1.1", "Make the technical community easy to find",
         "Publish an online map of technical teams, their locations and the equipment they look after",
         "Head of Technical Services", "Dec 2024", "Map live on the staff intranet", "R3"),
        ("1.2", "Make the technical community easy to find",
         "Give every technician a profile page in the University's research portal",
         "Library Research Support", "Mar 2025", "80% of technicians with a profile", "R6"),
        ("1.3", "Tell the story of technical work",
         ["Commission a photo series of technicians at work for use across University channels",
          "Feature a technician in each issue of the staff magazine"],
         "Marketing & Communications", "Sep 2025", "Images in the photo library; one feature per issue", "R6"),
        ("1.4", "Give technicians a voice",
         "Create a Technician Forum that meets twice a term and reports to the Provost's Group",
         "Technician Commitment Champion", "Jan 2025", "Forum terms of reference agreed", "R12"),
        ("1.5", "Give technicians a voice",
         "Invite technicians to help plan the annual research culture week",
         "Research Culture Manager", "Annually from May 2025", "Technician-led sessions in the programme", ""),
    ]),
    ("R", "Strand 2: Recognition", [
        ("2.1", "Support professional registration",
         "Cover the application fee for RSciTech, RSci, CSci or EngTech for any technician who applies",
         "Director of HR", "From Aug 2024", "30 registrations by 2027", "R10"),
        ("2.2", "Support professional registration",
         "Train four registration mentors who can review draft applications",
         "Technician Commitment Champion", "Jun 2025", "Four mentors trained", "R10"),
        ("2.3", "Celebrate technical achievement",
         "Nominate technicians for external prizes, including national technician awards, every year",
         "Deans of Faculty", "Each spring", "At least three nominations a year", "R11"),
        ("2.4", "Credit technical contributions fairly",
         "Adopt the CRediT roles in the University publications policy so technical input is acknowledged",
         "Pro-Vice-Chancellor (Research)", "Jul 2025", "Policy revised and approved", "R11"),
    ]),
    ("CD", "Strand 3: Career Development", [
        ("3.1", "Clear routes for progression",
         "Review technical job descriptions against a common set of role profiles",
         "HR Business Partners", "Nov 2025", "All technical roles mapped to a profile", "R7"),
        ("3.2", "Clear routes for progression",
         ["Pilot a progression route from grade 5 to grade 6 in two faculties",
          "Extend the route to all faculties if the pilot is successful"],
         "Director of HR", "Pilot 2025/26; roll-out 2026/27", "Route evaluated and extended", "R7"),
        ("3.3", "Learning and development",
         "Set up a technical skills budget that teams can bid into for specialist courses",
         "Head of Technical Services", "Apr 2025", "Budget allocated each year", "R10"),
        ("3.4", "Learning and development",
         "Open the academic staff development programme to technicians who teach or demonstrate",
         "Academic Development Unit", "Sep 2025", "Technicians enrolled each year", "R2"),
        ("3.5", "Leadership",
         "Run a cohort-based management course for technical managers",
         "Organisational Development", "Jan 2026", "Two cohorts completed", "R15"),
    ]),
    ("S", "Strand 4: Sustainability", [
        ("4.1", "Plan the future workforce",
         "Produce a technical workforce plan that identifies posts at risk from retirements",
         "Head of Technical Services", "Jun 2026", "Plan approved by Executive Board", "R1"),
        ("4.2", "Plan the future workforce",
         "Take on three apprentices a year through the University's apprenticeship levy",
         "Apprenticeships Manager", "Each September", "Nine apprentices by 2027", "R9"),
        ("4.3", "Share facilities and expertise",
         "Move shared equipment onto a single booking system with technician time included in the charge",
         "Research Infrastructure Group", "Dec 2025", "Booking system in use across faculties", "R5"),
        ("4.4", "Share facilities and expertise",
         "Join the regional technician network and host one of its meetings",
         "Technician Commitment Champion", "2026", "Meeting hosted", "R13"),
        ("4.5", "Monitor the Commitment",
         "Complete the Stage 2 self-assessment and submit it for peer review",
         "Technician Commitment Steering Group", "Jul 2027", "Self-assessment submitted", ""),
    ]),
]

# ------------------------------------------------------------------ 3. RACI matrix
P3 = {"file": "pennick-institute-of-technology-tc-raci-2026-2029.pdf",
      "institution": "Pennick Institute of Technology",
      "title": "Technician Commitment Action Plan 2026\u20132029: Responsibility Matrix",
      "period": (2026, 2029), "layout": "raci-matrix-word", "stripped": False, "talent_annotated": False,
      "notes": "RACI matrix (python-docx -> LibreOffice, A4 landscape). owner = the role(s) whose column holds R "
               "(joined ', ' in column order); A/C/I roles are not owners. Section rows 'Commitment area N - Pillar'."}
P3_ROLES = ["TC Lead", "HR", "Heads of School", "Technician Network", "Comms Team", "Finance"]
P3_AREAS = [
    ("V", "Commitment area 1 \u2013 Visibility", [
        ("1.1", "Keep an accurate list of everyone in a technical role, updated after each HR data release",
         "R A C I - -", "Each quarter"),
        ("1.2", "Launch a Technicians at Pennick web hub with news, contacts and events",
         "A - I C R -", "September 2026"),
        ("1.3", "Hold a yearly technical showcase open to staff, students and local employers",
         "A - C R C I", "June 2027, 2028 and 2029"),
        ("1.4", "Ensure every School board has a technician member with full voting rights",
         "C A R C - -", "By January 2027"),
        ("1.5", "Include technicians in school visits and science fair demonstrations",
         "I - C R A -", "Ongoing"),
    ]),
    ("R", "Commitment area 2 \u2013 Recognition", [
        ("2.1", "Reimburse professional body subscriptions for technicians who are registered",
         "A R - I - C", "From April 2026"),
        ("2.2", "Run peer support groups for colleagues preparing registration applications",
         "R I - R - -", "Twice yearly"),
        ("2.3", "Add an outstanding technical contribution prize to the annual staff awards",
         "C A - C R -", "December 2026"),
        ("2.4", "Publish guidance on acknowledging technical staff in research outputs",
         "R - A C I -", "March 2027"),
    ]),
    ("CD", "Commitment area 3 \u2013 Career Development", [
        ("3.1", "Design a technical career pathway from trainee to technical manager",
         "A R C C - I", "Draft by July 2027"),
        ("3.2", "Make sure every technician has an annual development review with a written plan",
         "I A R - - -", "Each review cycle"),
        ("3.3", "Start a mentoring scheme that links technicians across Schools",
         "R C I R - -", "October 2026"),
        ("3.4", "Create a fund for technicians to attend conferences and specialist training",
         "R - C I - A", "2026/27 onwards"),
        ("3.5", "Offer work shadowing in other Schools and in partner companies",
         "A C R I - -", "From 2027"),
    ]),
    ("S", "Commitment area 4 \u2013 Sustainability", [
        ("4.1", "Build technical staffing needs into School five-year plans",
         "C A R - - C", "Annual planning round"),
        ("4.2", "Create a trainee technician scheme for school leavers and career changers",
         "A R C - I C", "First intake September 2027"),
        ("4.3", "Cost technician time in every grant application that uses core facilities",
         "C - I - - R", "From August 2026"),
        ("4.4", "Join the Green Labs scheme and support technicians to lead it in each building",
         "A - C R I -", "Bronze level by 2028"),
        ("4.5", "Review this plan with the Technician Network each year and report to Council",
         "R I I C - -", "Every July"),
    ]),
]

# ------------------------------------------------------------------ 4. roadmap graphic
P4 = {"file": "strathallan-university-technician-roadmap-2025-2028.pdf",
      "institution": "Strathallan University", "title": "Technician Commitment Roadmap 2025\u20132028",
      "period": (2025, 2028), "layout": "roadmap-timeline-graphic", "stripped": False, "talent_annotated": False,
      "notes": "reportlab drawing, A3 landscape. Each milestone box is an action; owner = the 'Lead:' line in the box; "
               "timeframe = the term on the axis the box's connector meets (printed as term name under the session "
               "label, gold writes 'Autumn 2025/26'). Pillar is stated only by the box colour and the legend."}
P4_TERMS = ["Autumn", "Spring", "Summer"]
P4_YEARS = ["2025/26", "2026/27", "2027/28"]
# (term index 0..8, pillar, action, lead)
P4_BOXES = [
    (0, "S", "Set up a Technician Commitment steering group with technician members from every school", "Vice-Principal (Research)"),
    (0, "V", "Count and map all technical staff across the three campuses", "Head of Technical Services"),
    (1, "V", "Start a quarterly technician e-bulletin", "Internal Communications"),
    (1, "R", "Open a fund that pays professional registration fees", "Director of People"),
    (2, "CD", "Agree a training entitlement of five days a year for every technician", "Organisational Development"),
    (2, "V", "Celebrate technicians at the first Technician Day", "Steering Group"),
    (3, "R", "Add technician awards to the Principal's Medals", "Principal's Office"),
    (3, "CD", "Publish technical role profiles for grades 4 to 8", "HR Reward Team"),
    (4, "S", "Welcome the first cohort of modern apprentices in laboratory science", "Apprenticeship Coordinator"),
    (4, "V", "Put technicians on the panel of the research culture committee", "Vice-Principal (Research)"),
    (5, "CD", "Launch a mentoring programme for early-career technicians", "Technician Network"),
    (5, "S", "Include technician costs in the full economic costing of grant bids", "Research Finance"),
    (6, "R", "Support ten technicians to achieve RSciTech or RSci", "Registration Champions"),
    (6, "S", "Complete a skills-gap review of specialist facilities", "Head of Technical Services"),
    (7, "CD", "Introduce a promotion route for technicians based on expertise", "Director of People"),
    (7, "V", "Host a Scottish technician symposium on campus", "Technician Network"),
    (8, "S", "Submit the Stage 3 self-assessment and the next action plan", "Steering Group"),
]

# ------------------------------------------------------------------ 5. filled fillable form
P5 = {"file": "harbury-metropolitan-university-tc-action-plan-form-2026-29.pdf",
      "institution": "Harbury Metropolitan University",
      "title": "Technician Commitment Action Plan 2026\u20132029",
      "period": (2026, 2029), "layout": "filled-acroform", "stripped": False, "talent_annotated": False,
      "notes": "reportlab AcroForm, A4. Values live only in the widgets (Action multiline text, Lead, Deadline text, "
               "Pillar combo box); page text holds only labels. The last four blocks and the sign-off are not actions "
               "(blocks empty; sign-off filled with a name)."}
# (action, lead, deadline, pillar)
P5_ROWS = [
    ("Create a technician section in the staff newsletter with a named editor", "Internal Communications Manager", "October 2026", "V"),
    ("Photograph and name technical teams on the door of every teaching laboratory", "Faculty Operations Managers", "January 2027", "V"),
    ("Invite technicians to present at the University's annual teaching and learning conference", "Academic Quality Office", "June 2027", "V"),
    ("Add technical staff numbers and roles to the annual workforce report", "HR Information Team", "Each December", "V"),
    ("Run a recognition week each November with events in every faculty", "Technician Steering Group", "November annually", "R"),
    ("Meet the cost of professional registration for any technician who applies", "Director of People", "From April 2026", "R"),
    ("Nominate at least two technicians a year for national awards", "Deans", "Ongoing", "R"),
    ("Include technical staff in the University's long service awards", "Reward Manager", "September 2026", "R"),
    ("Publish job families for technical roles with clear grade descriptors", "HR Business Partner (Technical)", "March 2027", "CD"),
    ("Offer every technician an annual conversation about career aspirations", "Line Managers", "From 2026/27", "CD"),
    ("Fund two places a year on an external leadership course for technical managers", "Organisational Development", "2027 and 2028", "CD"),
    ("Open the University coaching pool to technicians as coaches and coachees", "Organisational Development", "January 2027", "CD"),
    ("Support technicians who want to study for a part-time degree", "Head of Technical Services", "Ongoing", "CD"),
    ("Introduce a technician apprenticeship in engineering workshops", "Apprenticeship Lead", "September 2027", "S"),
    ("Write succession plans for the ten most specialised technical posts", "Head of Technical Services", "July 2027", "S"),
    ("Set a standard rate for technician time on externally funded projects", "Research Finance Manager", "December 2026", "S"),
    ("Join the LEAF programme in all wet laboratories", "Sustainability Team", "Silver award by 2028", "S"),
    ("Ask technicians about their experience through a short pulse survey each year", "Technician Steering Group", "Each May", "S"),
    ("Report progress against this plan to the Executive Board twice a year", "Pro-Vice-Chancellor (Research)", "March and September", "S"),
]
P5_SIGNOFF = ("Prof. Dana Whitlock, Pro-Vice-Chancellor (Research)", "14 April 2026")

# ------------------------------------------------------------------ 6. fax-quality scan
P6 = {"file": "glenrothy-research-institute-tc-plan-2023-26-fax.pdf",
      "institution": "Glenrothy Research Institute", "title": "Technician Commitment Action Plan 2023\u201326",
      "period": (2023, 2026), "layout": "fax-scan-1bit-skewed", "stripped": False, "talent_annotated": True,
      "notes": "Typed table (reportlab) rasterised at 150 dpi, thresholded to 1-bit, skewed ~2 degrees, speckle; "
               "image-only PDF with a fax header line on each page. Priority rows are sections."}
P6_SECT = {"V": "PRIORITY A \u2013 VISIBILITY", "R": "PRIORITY B \u2013 RECOGNITION",
           "CD": "PRIORITY C \u2013 CAREER DEVELOPMENT", "S": "PRIORITY D \u2013 SUSTAINABILITY"}
# (ref, pillar, action, who, when, talent)
P6_ROWS = [
    ("A1", "V", "Produce a list of all technical staff and their line managers for the Institute directory", "HR Manager", "Sept 2023", "R3"),
    ("A2", "V", "Write short profiles of each technical team for the Institute website", "Comms Officer", "Mar 2024", "R6"),
    ("A3", "V", "Give technicians a standing item at the monthly science meeting", "Director of Science", "From Oct 2023", "R12"),
    ("A4", "V", "Involve technicians in the open day and in visits from local schools", "Public Engagement Lead", "Annually", "R6"),
    ("A5", "V", "Display technicians' names on the equipment they manage", "Facility Managers", "Dec 2023", ""),
    ("B1", "R", "Pay registration fees for technicians seeking RSciTech or RSci", "Head of Operations", "Apr 2024", "R10"),
    ("B2", "R", "Name technicians in the acknowledgements of every paper that used their work", "Group Leaders", "Ongoing", "R11"),
    ("B3", "R", "Start an annual prize for technical innovation", "Director", "Jun 2024", "R11"),
    ("B4", "R", "Put technicians forward for external awards", "Technician Champion", "Each year", "R11"),
    ("C1", "CD", "Agree a set of technical role profiles with clear steps between grades", "HR Manager", "Jul 2024", "R7"),
    ("C2", "CD", "Give each technician a personal training budget of 500 pounds a year", "Head of Operations", "From Apr 2024", "R10"),
    ("C3", "CD", "Let technicians spend up to ten days a year working in another group", "Group Leaders", "2024/25", "R2"),
    ("C4", "CD", "Provide line management training for senior technicians", "HR Manager", "Jan 2025", "R15"),
    ("C5", "CD", "Set up a technician mentoring circle with a partner university", "Technician Champion", "Sept 2024", "R13"),
    ("D1", "S", "Write a five-year plan for the technical workforce", "Director of Operations", "Mar 2025", "R1"),
    ("D2", "S", "Take on one technical apprentice each year", "Head of Operations", "From Sept 2024", "R9"),
    ("D3", "S", "Offer summer placements to undergraduates interested in technical careers", "Facility Managers", "Summers 2024 and 2025", "R9"),
    ("D4", "S", "Include full technician costs in all grant applications", "Grants Office", "From Jan 2024", "R5"),
    ("D5", "S", "Survey technical staff in 2024 and again in 2026", "Technician Champion", "Nov 2024, Nov 2026", ""),
    ("D6", "S", "Review progress on this plan at the Operations Committee every quarter", "Director of Operations", "Quarterly", ""),
]
