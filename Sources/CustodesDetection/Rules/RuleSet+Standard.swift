extension RuleSet {
    /// Marker weights for `vulnerable_person`: how much an unexplained look at someone with the marker counts.
    public static let standardMarkerWeights: [String: Double] = [
        "domestic_abuse_victim": 3, "sexual_offence_victim": 3, "stalking_victim": 3, "child": 3, "sex_worker": 3,
        "vulnerable_adult": 2, "mental_health": 2, "missing_person": 2, "substance_misuse": 1, "custody_detainee": 1,
    ]

    /// The defaults, tuned on simulated forces with seeds that the evaluation never uses (see docs/detection.md).
    public static let standard = RuleSet(
        explanation: ExplanationSettings(
            beforeAssignmentMinutes: 60, afterAssignmentHours: 72, afterAttendanceHours: 12,
            attendanceWithoutEndHours: 12, afterClosureDays: 7,
            liveIncidentHours: 2,
            custodyGraceHours: 2, rosterToleranceBeforeMinutes: 60, rosterToleranceAfterMinutes: 180,
            atWorkWorkstationPrefixes: ["WS-", "MDT-"]),
        rules: [
            Rule(name: .vulnerablePerson, weight: 2, parameters: standardMarkerWeights),
            Rule(name: .revisitAfterInvolvement, weight: 6, parameters: ["lookback_days": 365, "team_link_share": 0.75]),
            Rule(name: .sensitiveFields, weight: 5),
            Rule(name: .offDuty, weight: 1),
            Rule(name: .repeatLookups, weight: 4, parameters: [
                "minimum_days": 3, "window_days": 90, "covering_minimum_days": 4, "routine_share": 0.5,
                "off_duty_days": 5, "own_case_share": 0.75,
            ]),
            Rule(name: .linkedExpansion, weight: 5, parameters: ["window_days": 30]),
            Rule(name: .demographicSkew, weight: 9, parameters: [
                "minimum_lookups": 5, "window_days": 56, "minimum_excess_share": 0.15, "minimum_z": 4,
                "sensitive_minimum_z": 4, "exact_minimum_z": 3.5, "team_prior_people": 200, "team_minimum_z": 3,
                "group_age_from": 16, "group_age_to": 35, "minimum_details_people": 3, "any_age_minimum_z": 5,
            ]),
            Rule(name: .selfOrAssociate, weight: 20, parameters: ["other_relation_share": 0.75, "peer_rate_floor": 0.001]),
            Rule(name: .newPairWithMarker, weight: 1),
            Rule(name: .volumeOutlier, weight: 6, parameters: ["minimum_count": 10, "robust_z": 5]),
            Rule(name: .repeatedAttendance, weight: 8, parameters: ["minimum_attendances": 4, "minimum_share": 0.5]),
        ],
        risk: RiskSettings(halfLifeDays: 10, alertThreshold: 20, minimumIndicators: 2, strongThreshold: 30,
                           learningWeeks: 3, indicatorWindowDays: 30, quietDays: 30, maximumEvidence: 100, peerPriorAccesses: 100,
                           peerMaximumFactor: 3, peerMinimumRatio: 2, teamPeerPriorAccesses: 100,
                           sharedPersonDays: 28,
                           sharedPersonColleagues: 8, sharedPersonStationShare: 0.25, volumeCap: 30,
                           otherPeopleShare: 0.1,
                           returnsSpreadPeople: 2,
                           caseWorkHours: 12, caseWorkShare: 0.25, teamCaseWorkShare: 0.5,
                           caseWorkThroughLinks: true, caseWorkAssignmentHours: 72,
                           caseWorkInCustody: true,
                           routineListPeople: 3, caseCompanionDays: 3,
                           returnsWithoutDetailsShare: 0.5,
                           specificMinimum: 10,
                           volumeFocusZ: 1.5, volumeFocusShare: 0.8, volumeFocusPeople: 3))

    /// The parameters each rule reads; any other name in a rules file is refused.
    public static func acceptedParameters(_ name: IndicatorName) -> Set<String> {
        Set(standard.rule(name)?.parameters.keys.map { $0 } ?? [])
    }
}
