import CustodesModel

/// The rules file turned into what the event loop reads: enabled flags, weights, windows in seconds, marker weights
/// by bit, and exceptions with parsed dates.
struct CompiledRules {
    let enabled: [Bool]
    let weight: [Double]
    let markerWeights: [Double]
    let revisitLookback: Int64
    /// The share of their points a revisit, repeated look-up or linked look-up keeps when only a teammate's case
    /// explains the access and the user's own part in the person's case has ended; 0 leaves such access unscored.
    let teamLinkShare: Double
    let repeatMinimumDays: Int
    /// Days of looks at one person, explained only by a teammate's case in which the user had no part, from which
    /// the repeat rule weighs them; 0: never.
    let coveringMinimumDays: Int
    /// The share of a role's (or team's, or crew's) members whose returns set the days it returns to someone as its
    /// work (``RoutineReturns``).
    let repeatRoutineShare: Double
    let repeatWindow: Int64
    /// Days off duty of a return from which it keeps its points however widely the user's returns are spread
    /// (``Hit/offDutyReturn``); 0: never.
    let repeatOffDutyDays: Int
    /// The share of a repeated look-up's points that a return off duty inside the user's own case keeps
    /// (``DetectionEngine/ownCaseReturn(_:person:result:into:)``); 0: never counted.
    let ownCaseShare: Double
    /// The share of the self-or-associate weight a look at anyone but a partner, spouse or ex-partner keeps.
    let otherRelationShare: Double
    /// The peers' rate of looks at their own circle (per access) from which such a look is weighed against them.
    let circlePeerRateFloor: Double
    let linkedWindow: Int64
    let skewMinimum: Int
    let skewWindow: Int64
    /// How long a member of staff's look-ups with no link are kept: the skew's window, and at least the indicator
    /// window, over which the details they opened say whom their volume falls on (``VolumeFocus``).
    let lookupWindow: Int64
    let skewExcess: Double
    let skewZ: Double
    /// The z the skew must reach among the people whose contact details, address or photograph were opened; 0: the
    /// rule looks at all the people looked up only.
    let skewSensitiveZ: Double
    /// The fewest people of the watched group whose contact details, address or photograph the user opened with no
    /// link, for a skew among all the people they looked up (0: not asked).
    let skewDetailsMinimum: Int
    /// The exact binomial tail a skew must also pass, as standard deviations of a normal (0: not asked).
    let skewExactZ: Double
    let skewAges: ClosedRange<Int>
    /// The z both skew tests need when ages are unknown and the group is women of any age (0: as with ages).
    let skewAnyAgeZ: Double
    /// ``SkewPeers``: how many people the role's share counts for beside a team's (0: the role alone), and how far
    /// a team must stand apart from its role to be the peers.
    let skewTeamPriorPeople: Double
    /// ``IndicatorName/repeatedAttendance``: how many of a person's occurrences, and what share of them, the user
    /// must have attended.
    let attendanceMinimum: Int
    let attendanceShare: Double
    let skewTeamZ: Double
    let volumeMinimum: Int
    let volumeZ: Double
    let halfLife: Double
    let weighing: RiskLedger.Weighing
    /// How long before a return the user's opening of the person's case makes it case work, in seconds; 0: never.
    let caseWorkWindow: Int64
    let caseWorkShare: Double
    /// The same for a return that only a teammate's case explains.
    let teamCaseWorkShare: Double
    /// Whether an occurrence of someone linked to the person, opened before the return, makes it case work too.
    let caseWorkThroughLinks: Bool
    /// How long after the user's assignment to a linked person's occurrence began a look is case work; 0: never.
    let caseWorkAssignmentWindow: Int64
    /// Whether a custody team's member returning to someone in custody at their station is case work.
    let caseWorkInCustody: Bool
    /// How many other people looked up on the same earlier days make a return work on a list; 0: never.
    let routineListPeople: Int
    /// On how many earlier days another person in the same case makes a return a case worked as a whole; 0: never.
    let caseCompanionDays: Int
    /// The share a return keeps when the user opened none of the person's details in the repeat window.
    let returnsWithoutDetailsShare: Double
    let indicatorWindow: Int64
    let quiet: Int64
    let exceptions: [CompiledException]

    init(_ rules: RuleSet, reference: ReferenceData) {
        enabled = IndicatorName.allCases.map { rules.rule($0)?.enabled ?? false }
        weight = IndicatorName.allCases.map { rules.rule($0)?.weight ?? 0 }
        let vulnerable = rules.rule(.vulnerablePerson)
        markerWeights = PersonMarker.allCases.map { vulnerable?.parameters[$0.rawValue] ?? 0 }
        func parameter(_ name: IndicatorName, _ key: String) -> Double { rules.rule(name)?.parameter(key) ?? 0 }
        revisitLookback = Int64(parameter(.revisitAfterInvolvement, "lookback_days") * 86_400)
        teamLinkShare = rules.rule(.revisitAfterInvolvement)?.enabled == true
            ? parameter(.revisitAfterInvolvement, "team_link_share") : 0
        repeatMinimumDays = Int(parameter(.repeatLookups, "minimum_days"))
        coveringMinimumDays = Int(parameter(.repeatLookups, "covering_minimum_days"))
        repeatRoutineShare = parameter(.repeatLookups, "routine_share")
        repeatWindow = Int64(parameter(.repeatLookups, "window_days") * 86_400)
        repeatOffDutyDays = Int(parameter(.repeatLookups, "off_duty_days"))
        ownCaseShare = rules.rule(.repeatLookups)?.enabled == true ? parameter(.repeatLookups, "own_case_share") : 0
        otherRelationShare = parameter(.selfOrAssociate, "other_relation_share")
        circlePeerRateFloor = parameter(.selfOrAssociate, "peer_rate_floor")
        linkedWindow = Int64(parameter(.linkedExpansion, "window_days") * 86_400)
        skewMinimum = Int(parameter(.demographicSkew, "minimum_lookups"))
        skewWindow = Int64(parameter(.demographicSkew, "window_days") * 86_400)
        skewExcess = parameter(.demographicSkew, "minimum_excess_share")
        skewZ = parameter(.demographicSkew, "minimum_z")
        skewSensitiveZ = parameter(.demographicSkew, "sensitive_minimum_z")
        skewDetailsMinimum = Int(parameter(.demographicSkew, "minimum_details_people"))
        skewExactZ = parameter(.demographicSkew, "exact_minimum_z")
        attendanceMinimum = Int(parameter(.repeatedAttendance, "minimum_attendances"))
        attendanceShare = parameter(.repeatedAttendance, "minimum_share")
        skewTeamPriorPeople = parameter(.demographicSkew, "team_prior_people")
        skewTeamZ = parameter(.demographicSkew, "team_minimum_z")
        let from = Int(parameter(.demographicSkew, "group_age_from"))
        skewAges = from...max(from, Int(parameter(.demographicSkew, "group_age_to")))
        skewAnyAgeZ = parameter(.demographicSkew, "any_age_minimum_z")
        volumeMinimum = Int(parameter(.volumeOutlier, "minimum_count"))
        volumeZ = parameter(.volumeOutlier, "robust_z")
        halfLife = rules.risk.halfLifeDays
        weighing = RiskLedger.Weighing(volumeCap: rules.risk.volumeCap, otherPeopleShare: rules.risk.otherPeopleShare,
                                       spreadPeople: rules.risk.returnsSpreadPeople,
                                       caseWorkShare: rules.risk.caseWorkHours > 0 ? rules.risk.caseWorkShare : 0)
        caseWorkWindow = Int64(rules.risk.caseWorkHours) * 3600
        caseWorkShare = rules.risk.caseWorkShare
        teamCaseWorkShare = rules.risk.teamCaseWorkShare
        caseWorkThroughLinks = rules.risk.caseWorkThroughLinks
        caseWorkAssignmentWindow = Int64(rules.risk.caseWorkAssignmentHours) * 3600
        caseWorkInCustody = rules.risk.caseWorkInCustody
        routineListPeople = rules.risk.routineListPeople
        caseCompanionDays = rules.risk.caseCompanionDays
        returnsWithoutDetailsShare = rules.risk.returnsWithoutDetailsShare
        indicatorWindow = Int64(rules.risk.indicatorWindowDays) * 86_400
        lookupWindow = max(skewWindow, indicatorWindow)
        quiet = Int64(rules.risk.quietDays) * 86_400
        exceptions = rules.exceptions.map { CompiledException($0, reference: reference) }
    }

    func isEnabled(_ name: IndicatorName) -> Bool { enabled[Self.position(name)] }
    func weight(_ name: IndicatorName) -> Double { weight[Self.position(name)] }

    /// The indicator's place in `IndicatorName.allCases`, where its switches and weights are kept. A `switch`, not a
    /// search of `allCases`: asked several times for every access, the search (and the array it builds) showed in
    /// `perf`. `AccessTallyTests` holds the two in step.
    static func position(_ name: IndicatorName) -> Int {
        switch name {
        case .vulnerablePerson: 0
        case .revisitAfterInvolvement: 1
        case .sensitiveFields: 2
        case .offDuty: 3
        case .repeatLookups: 4
        case .linkedExpansion: 5
        case .demographicSkew: 6
        case .selfOrAssociate: 7
        case .newPairWithMarker: 8
        case .volumeOutlier: 9
        case .repeatedAttendance: 10
        }
    }

    /// The highest marker weight of a person's markers.
    func markerWeight(_ markers: MarkerSet) -> Double {
        var best = 0.0
        var bits = markers.rawValue
        var position = 0
        while bits != 0 {
            if bits & 1 != 0 { best = max(best, markerWeights[position]) }
            bits >>= 1
            position += 1
        }
        return best
    }
}

/// A rule exception with its dates parsed and identifiers resolved.
struct CompiledException {
    let source: RuleException
    let staff: StaffIndex?
    let person: PersonIndex?
    let from: Timestamp
    let until: Timestamp
    /// False when the exception names a member of staff or person not in the reference data: it then covers nothing,
    /// and the summary says so.
    let resolvable: Bool

    init(_ exception: RuleException, reference: ReferenceData) {
        source = exception
        staff = exception.staffID.flatMap { reference.staffByID[$0] }
        person = exception.personID.flatMap { reference.personByID[$0] }
        resolvable = (exception.staffID == nil || staff != nil) && (exception.personID == nil || person != nil)
        from = exception.from.flatMap { try? Self.parseDay($0).get() } ?? Timestamp(seconds: .min)
        // `until` is inclusive: the whole of that day.
        until = (try? Self.parseDay(exception.until).get()).map { $0.adding(seconds: 86_399) } ?? Timestamp(seconds: .min)
    }

    static func parseDay(_ text: String) -> Result<Timestamp, Timestamp.ParseError> {
        text.count == 10 ? Timestamp.parseDate(text) : .failure(.malformed)
    }

    func covers(_ hit: Hit, event: AuditEvent?) -> Bool {
        guard resolvable, hit.at >= from, hit.at <= until else { return false }
        if let rule = source.rule, rule != hit.indicator { return false }
        if let staff, staff != hit.staff { return false }
        if let person, person != hit.person { return false }
        if let text = source.reasonContains {
            guard let reason = event?.reason, reason.contains(text) else { return false }
        }
        return true
    }
}
