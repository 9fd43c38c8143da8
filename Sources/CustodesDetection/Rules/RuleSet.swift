import CustodesModel

/// Everything a force can tune about detection: the grace windows of the explanations, each indicator's weight and
/// parameters, how risk rolls up into alerts, and the exceptions it has granted.
///
/// The defaults are `RuleSet.standard`, kept identical to `rules/default.yaml` in the repository (a test holds them
/// together), which is the file a force copies and edits.
public struct RuleSet: Equatable, Sendable {
    public var explanation: ExplanationSettings
    public var rules: [Rule]
    public var risk: RiskSettings
    public var exceptions: [RuleException]

    public init(explanation: ExplanationSettings, rules: [Rule], risk: RiskSettings, exceptions: [RuleException] = []) {
        self.explanation = explanation
        self.rules = rules
        self.risk = risk
        self.exceptions = exceptions
    }

    public func rule(_ name: IndicatorName) -> Rule? { rules.first { $0.name == name } }
}

/// Grace windows: how long before and after a business link an access is still explained by it. All in minutes,
/// hours or days as the name says, so the rules file reads as a force would say it.
public struct ExplanationSettings: Equatable, Sendable {
    /// An access this long before an assignment was recorded is explained by it (records are often created late).
    public var beforeAssignmentMinutes: Int
    /// An assignment explains accesses until this long after it ends.
    public var afterAssignmentHours: Int
    /// An attending officer's assignment explains accesses until this long after it ends: the statement and the
    /// report written up within the shift or soon after. An attendance is over when the officer leaves the scene; coming
    /// back to a woman met there on the following days is what abuse of position looks like from inside a link, and
    /// the officer in case, the investigator and the others keep `afterAssignmentHours`.
    public var afterAttendanceHours: Int
    /// An attendance or a call taken that `assignments.csv` leaves with no end is taken to have ended this long
    /// after it began (0: open, as the file says, until the occurrence closes and `afterClosureDays` after). An
    /// officer leaves a scene within a shift and a call ends within the hour; an export that records when they began
    /// but not when they ended would otherwise keep the link open for as long as the occurrence stays open, and every
    /// return to the people met there inside it.
    public var attendanceWithoutEndHours: Int
    /// An occurrence's links explain accesses until this long after it closes (finishing paperwork, file review).
    public var afterClosureDays: Int
    /// A call handler or dispatcher on duty is explained for this long after an occurrence opens (a live incident).
    public var liveIncidentHours: Int
    /// A custody officer on duty at the suite is explained while the person is in custody, plus this long.
    public var custodyGraceHours: Int
    /// A shift is taken to start this much earlier than rostered (briefings, early starts).
    public var rosterToleranceBeforeMinutes: Int
    /// A shift is taken to end this much later than rostered (late finishes, unrecorded overtime).
    public var rosterToleranceAfterMinutes: Int
    /// Workstation name prefixes inside force premises or vehicles (station terminals, mobile data terminals). An
    /// access from one shows the user at work even when the roster does not, since rosters miss overtime; an access
    /// from anywhere else (remote access, a personal device) does not.
    public var atWorkWorkstationPrefixes: [String]

    /// `afterAttendanceHours` is `afterAssignmentHours` when not given; `attendanceWithoutEndHours` 0 (as recorded).
    public init(beforeAssignmentMinutes: Int, afterAssignmentHours: Int, afterAttendanceHours: Int? = nil,
                attendanceWithoutEndHours: Int = 0, afterClosureDays: Int, liveIncidentHours: Int,
                custodyGraceHours: Int, rosterToleranceBeforeMinutes: Int, rosterToleranceAfterMinutes: Int,
                atWorkWorkstationPrefixes: [String]) {
        self.beforeAssignmentMinutes = beforeAssignmentMinutes
        self.afterAssignmentHours = afterAssignmentHours
        self.afterAttendanceHours = afterAttendanceHours ?? afterAssignmentHours
        self.attendanceWithoutEndHours = attendanceWithoutEndHours
        self.afterClosureDays = afterClosureDays
        self.liveIncidentHours = liveIncidentHours
        self.custodyGraceHours = custodyGraceHours
        self.rosterToleranceBeforeMinutes = rosterToleranceBeforeMinutes
        self.rosterToleranceAfterMinutes = rosterToleranceAfterMinutes
        self.atWorkWorkstationPrefixes = atWorkWorkstationPrefixes
    }
}

/// One indicator's settings.
public struct Rule: Equatable, Sendable {
    public var name: IndicatorName
    public var enabled: Bool
    /// Risk points per hit (multiplied by the marker weight for `vulnerable_person`).
    public var weight: Double
    /// Named numeric parameters; each rule documents the ones it reads, and unknown names are refused on loading.
    public var parameters: [String: Double]

    public init(name: IndicatorName, enabled: Bool = true, weight: Double, parameters: [String: Double] = [:]) {
        self.name = name
        self.enabled = enabled
        self.weight = weight
        self.parameters = parameters
    }

    public func parameter(_ key: String) -> Double {
        parameters[key] ?? RuleSet.standard.rule(name)?.parameters[key] ?? 0
    }
}

/// How indicator hits become risk and alerts.
public struct RiskSettings: Equatable, Sendable {
    /// A hit's points halve after this many days.
    public var halfLifeDays: Double
    /// Risk at or above which an alert opens, given enough different indicators.
    public var alertThreshold: Double
    /// Different indicators needed (within the indicator window) to open an alert at the threshold.
    public var minimumIndicators: Int
    /// Risk at or above which an alert opens whatever the number of indicators.
    public var strongThreshold: Double
    /// For how many of the data's first weeks (each week with events counts, the first however short) an alert
    /// needs the strong threshold, or a look at the user's own circle; 0 never. Peer rates, the routines of roles and
    /// teams, the names many colleagues read and how widely each user's returns spread are all learned from the
    /// force's own data, and in its first weeks they stand on days: a neighbourhood officer returning each week to
    /// twenty local youths has returned to two of them on three days, which is the shape of one person sought out.
    public var learningWeeks: Int
    /// How far back different indicators are counted.
    public var indicatorWindowDays: Int
    /// An open alert with no new evidence for this long is left as it is; later evidence opens a new one.
    public var quietDays: Int
    /// The most evidence events listed on one alert (the count of all is kept).
    public var maximumEvidence: Int
    /// How many of the force's own accesses a member of staff's rate of a volume indicator (see
    /// ``IndicatorName/isVolume``) is shrunk towards their peers' rate by: the weight of the peers' rate, in
    /// accesses, so a user with little history is not far from their peers. 0 scores every volume hit in full.
    public var peerPriorAccesses: Double
    /// The most a volume hit's points are multiplied by, however far the user is above their peers.
    public var peerMaximumFactor: Double
    /// How many times their peers' rate a user's (shrunk) rate must exceed before a peer-relative hit scores at all;
    /// above it, points grow with the excess. Among thirty analysts doing the same research, half are above the
    /// average by chance; this keeps them out.
    public var peerMinimumRatio: Double
    /// With peer baselines, a member of staff whose role is under half of their team (team and station) is weighed
    /// against the rest of their team as well, and everyone else against the rest of their crew (the team's members
    /// in their role who mostly work the same kind of case, ``WorkingTeams/specialisms(of:)``), the rate drawn
    /// towards the role's as if the role had this many more accesses; the higher of the two rates is the peers'; 0
    /// weighs against the role alone. A role that spans functions (sergeants of
    /// response, neighbourhood, custody and CID teams) has no one habit: a neighbourhood sergeant opening local
    /// people's contact details does what the neighbourhood team does, not what sergeants do. A role spans units
    /// too: a transport unit's constables check the same crowds each night, unlike a town's response shift.
    public var teamPeerPriorAccesses: Double
    /// How many days of colleagues' look-ups with no link make a person's community (``PersonCommunity``); 0 scores
    /// person-specific hits in full whoever else looks the person up.
    public var sharedPersonDays: Int
    /// How many other members of staff must have looked a person up with no link in those days (a circulated name,
    /// a briefing, an investigation) before a revisit, repeated look-up or linked look-up of that person keeps only a quarter of its
    /// points and no longer shows, alone, the user returning to one person.
    public var sharedPersonColleagues: Int
    /// Where the user's station is small, a share of its other staff is enough instead (never fewer than
    /// ``PersonCommunity/fewestColleagues``; 0: always `sharedPersonColleagues`). At a rural station of nine
    /// officers every one of them reads the same local names, and eight colleagues is all of them.
    public var sharedPersonStationShare: Double
    /// The most that volume above peers (the peer-relative indicators and the volume outlier, faded like every hit)
    /// adds to risk; 0 leaves it uncapped. Research and data work far above peers reaches it and stays there, so a
    /// person sought out again outranks any amount of volume (see ``RiskLedger``).
    public var volumeCap: Double
    /// The share of their points that specific hits (a revisit, a repeated look-up, a look at one's own circle) keep
    /// when they are on anyone but the member of staff's most sought-out person; 1 sums every person in full. Abuse
    /// of position is one person sought out again and again; many people each returned to a few times is the daily
    /// work of neighbourhood officers, safeguarding officers and analysts (see ``RiskLedger``).
    public var otherPeopleShare: Double
    /// Over how many people a member of staff's returns may spread before each counts less: returns to more people
    /// than this (each still holding a few points, or spared by the routine of their role or team), keep this number
    /// over the number of people of their points (a look at one's own circle, and a return made off duty on many
    /// days, aside); 0 never discounts. Only when people are weighed apart (`otherPeopleShare`
    /// below 1). Returning to one person is the shape of abuse of position; returning to forty is work, and on a force
    /// where whole teams return to the same people as their job it opened most false alerts (see ``RiskLedger``).
    public var returnsSpreadPeople: Int
    /// How many hours before a return (a revisit, a repeated look-up) the user's opening of one of the person's
    /// occurrences, or of another person in one, makes the return case work (``RecentRecords``); 0 never does.
    public var caseWorkHours: Int
    /// The share of its points a return that came with case work keeps.
    public var caseWorkShare: Double
    /// The share a return that only a teammate's case explains keeps when it came with case work (the user opened
    /// one of the person's cases, another person in one, or a linked person's case, in the hours before); 1 leaves
    /// it as it is. Reading the case file of a
    /// colleague's case says less about work than opening one's own: it is how a colleague covering the case works,
    /// and how an officer drawn to its victim reads about her. So it keeps more than `caseWorkShare`, and counts as
    /// case work in the evidence an alert needs (``RiskLedger``).
    public var teamCaseWorkShare: Double
    /// Whether a return also comes with case work when the user opened, in those hours, an occurrence of someone
    /// linked to the person (`person_links.csv`): a cold case review reaches the victim's mother through the case.
    public var caseWorkThroughLinks: Bool
    /// How many hours after the user's assignment to an occurrence began a look at someone linked to a person in it
    /// (`person_links.csv`) is case work, while the assignment lasts; 0 never. An enquiry's first days reach the
    /// people around its people: a missing girl's household and friends at each episode, a victim's next of kin not
    /// yet on the record. Weeks into the case, her family looked up with nothing of the case opened is a widening.
    public var caseWorkAssignmentHours: Int
    /// Whether a return by a member of a custody team (at least half of it custody officers) to someone in custody
    /// at their station (a custody occurrence there open at the look, plus the custody grace) is case work. Custody
    /// officers have the suite as a link already; the sergeant in their team does not, and returned to the same
    /// detainees on each of their nights, with nobody else's unexplained looks to show the person widely read. An
    /// officer elsewhere at the station returning to a detainee is not weighed so.
    public var caseWorkInCustody: Bool
    /// How many other people, looked up with no link on at least two of the earlier days on which the user looked a
    /// person up, make a return to that person work on a list (a plan's nominals checked weekly) that keeps
    /// `caseWorkShare` of its points; 0 never does.
    public var routineListPeople: Int
    /// On how many earlier days (two at least) a person looked up together with another person in one of her
    /// occurrences makes a return to her a case worked as a whole, keeping `caseWorkShare` of its points; 0 never
    /// does. A multi-agency hub re-reads a referral's child and mother, or a woman and her partner, day after day
    /// with no assignment: whichever it opens first each day is not a woman sought out.
    public var caseCompanionDays: Int
    /// The share of its points a return (a revisit, a repeated look-up) keeps when the user opened none of the
    /// person's contact details, address or photograph with no link within the repeat window; 1 weighs every return
    /// alike. An access whose system does not log what was opened counts as one that may have. Abuse of position
    /// seeks a person's contact details, address and photograph; an investigator back in an old case's people reads
    /// their summary, history and warnings. On every blind force that names what a look opened, the detectives,
    /// offender managers and analysts alerted on returns alone had opened none of them.
    public var returnsWithoutDetailsShare: Double
    /// With peer baselines, the points of evidence scored in full (returns that came with case work, and hits on
    /// people many colleagues also look up, aside) that an alert under the strong threshold needs beside volume
    /// above peers, weighed by person as risk is (the most sought-out person's in full, everyone else's at
    /// `otherPeopleShare`); 0 asks only for some. A detective far above peers who looked someone up twice is volume
    /// with a coincidence, not a person sought out.
    public var specificMinimum: Double
    /// With peer baselines, how many standard deviations the count of one sex among the people behind a user's
    /// volume above peers must stand above what their role's peers' share predicts (a binomial test, as for the
    /// demographic skew) for volume to open an alert without evidence about particular people, at the strong
    /// threshold; 0 does not ask. Abuse of position for a sexual purpose seeks out people of one sex: a harvest of
    /// women's contact details, a night's browsing of young women's photographs. A conference's worth of victims and
    /// their families, or a merge of duplicate records, spreads across both much as the role's work does.
    public var volumeFocusZ: Double
    /// The share of one sex among those people that volume alone needs whatever the peers' share: a user whose
    /// volume is half women and half men is not seeking out either, however few their peers look up of one.
    public var volumeFocusShare: Double
    /// The fewest people of known sex behind the volume for its focus to be judged at all: two women in a row say
    /// nothing about whom someone seeks out.
    public var volumeFocusPeople: Int

    public init(halfLifeDays: Double, alertThreshold: Double, minimumIndicators: Int, strongThreshold: Double,
                learningWeeks: Int = 0, indicatorWindowDays: Int, quietDays: Int, maximumEvidence: Int, peerPriorAccesses: Double = 0,
                peerMaximumFactor: Double = 4, peerMinimumRatio: Double = 1.5, teamPeerPriorAccesses: Double = 0, sharedPersonDays: Int = 0,
                sharedPersonColleagues: Int = 20, sharedPersonStationShare: Double = 0, volumeCap: Double = 0,
                otherPeopleShare: Double = 1, returnsSpreadPeople: Int = 0, caseWorkHours: Int = 0, caseWorkShare: Double = 0.25,
                teamCaseWorkShare: Double = 1, caseWorkThroughLinks: Bool = false,
                caseWorkAssignmentHours: Int = 0, caseWorkInCustody: Bool = false, routineListPeople: Int = 0, caseCompanionDays: Int = 0,
                returnsWithoutDetailsShare: Double = 1,
                specificMinimum: Double = 0, volumeFocusZ: Double = 0, volumeFocusShare: Double = 0,
                volumeFocusPeople: Int = 1) {
        self.halfLifeDays = halfLifeDays
        self.alertThreshold = alertThreshold
        self.minimumIndicators = minimumIndicators
        self.strongThreshold = strongThreshold
        self.learningWeeks = learningWeeks
        self.indicatorWindowDays = indicatorWindowDays
        self.quietDays = quietDays
        self.maximumEvidence = maximumEvidence
        self.peerPriorAccesses = peerPriorAccesses
        self.peerMaximumFactor = peerMaximumFactor
        self.peerMinimumRatio = peerMinimumRatio
        self.teamPeerPriorAccesses = teamPeerPriorAccesses
        self.sharedPersonDays = sharedPersonDays
        self.sharedPersonColleagues = sharedPersonColleagues
        self.sharedPersonStationShare = sharedPersonStationShare
        self.volumeCap = volumeCap
        self.otherPeopleShare = otherPeopleShare
        self.returnsSpreadPeople = returnsSpreadPeople
        self.caseWorkHours = caseWorkHours
        self.caseWorkShare = caseWorkShare
        self.teamCaseWorkShare = teamCaseWorkShare
        self.caseWorkThroughLinks = caseWorkThroughLinks
        self.caseWorkAssignmentHours = caseWorkAssignmentHours
        self.caseWorkInCustody = caseWorkInCustody
        self.routineListPeople = routineListPeople
        self.caseCompanionDays = caseCompanionDays
        self.returnsWithoutDetailsShare = returnsWithoutDetailsShare
        self.specificMinimum = specificMinimum
        self.volumeFocusZ = volumeFocusZ
        self.volumeFocusShare = volumeFocusShare
        self.volumeFocusPeople = volumeFocusPeople
    }
}

/// A recorded decision that hits of a rule are legitimate for a member of staff, a person, or a tasking, until a
/// date. Nothing is excepted silently: every exception names who granted it, when and why, and suppressed hits are
/// counted in the detection summary.
public struct RuleException: Equatable, Sendable {
    /// The rule excepted, or nil for every rule.
    public var rule: IndicatorName?
    public var staffID: String?
    public var personID: String?
    /// Applies to accesses whose reason contains this text (a tasking reference).
    public var reasonContains: String?
    public var from: String?
    public var until: String
    public var grantedBy: String
    public var grantedOn: String
    public var why: String

    public init(rule: IndicatorName?, staffID: String? = nil, personID: String? = nil, reasonContains: String? = nil,
                from: String? = nil, until: String, grantedBy: String, grantedOn: String, why: String) {
        self.rule = rule
        self.staffID = staffID
        self.personID = personID
        self.reasonContains = reasonContains
        self.from = from
        self.until = until
        self.grantedBy = grantedBy
        self.grantedOn = grantedOn
        self.why = why
    }
}
