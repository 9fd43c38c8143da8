import CustodesDetection
import CustodesModel

/// The readable summary `custodes detect` prints: what was explained, what fired, and the top alerts.
enum DetectionReportText {
    static func render(_ run: DetectionRun, budget: Int?, out: String, show: Int, quarantined: Int,
                       quarantinePath: String) -> String {
        let s = run.summary
        var lines: [String] = []
        lines.append("Audit events: \(s.events.formatted()) (\(run.report.duplicates.formatted()) duplicates skipped, "
                     + "\(quarantined.formatted()) rows quarantined\(quarantined > 0 ? " to \(quarantinePath)" : ""))")
        lines.append("Accesses to people and occurrences: \(s.inScope.formatted()); explained \(s.explained.formatted()) "
                     + "(\(percent(s.explainedShare))); \(s.outOfScope.formatted()) other records (vehicles, locations, "
                     + "intelligence) not scored")
        if run.teams.teamsAreStations {
            lines.append("Teams: \(run.teams.staffInStationTeams.formatted()) of \(run.reference.staff.count.formatted()) "
                         + "staff are in a team that is (nearly) their whole station, so staff.csv's team is taken to "
                         + "hold stations: each role at its station is taken as a team (team links, team and crew peers, "
                         + "custody teams)")
        }
        let unrostered = run.reference.staffWithoutShifts
        if unrostered > 0 {
            lines.append("Rosters: \(unrostered.formatted()) of \(run.reference.staff.count.formatted()) staff have no "
                         + "shift in rosters.csv, so when they work is unknown: they are taken as on the roster "
                         + "throughout their service, and no look of theirs then is weighed as made off duty")
        }
        if s.sessions > 0 {
            let prefixes = run.atWorkPrefixes.isEmpty ? "none set" : run.atWorkPrefixes.joined(separator: ", ")
            let byTerminal = s.sessionsAtWorkByTerminal
            lines.append("Sittings: \(s.sessions.formatted()); put at work by their terminal before anything else did "
                         + "(explanation.at_work_workstation_prefixes: \(prefixes)): \(byTerminal.formatted())"
                         + (byTerminal == 0 ? ", as no workstation name matched: set the prefixes of the force's "
                            + "station terminals and vehicles in the rules file" : ""))
        }
        if run.reference.birthYearsMostlyMissing {
            let births = run.reference.womenBirthYears
            lines.append("Birth years: \(births.withoutYear.formatted()) of \(births.women.formatted()) women in "
                         + "persons.csv have none, so ages are unknown: demographic_skew counts women of any age")
        }
        lines.append("")
        lines.append("Explained by:")
        for kind in ExplanationKind.allCases {
            let count = s.explainedByKind[kind] ?? 0
            var line = "  \(kind.rawValue.padding(14, left: false)) \(count.formatted().padding(12, left: true))  \(percent(Double(count) / Double(max(s.inScope, 1))))"
            if kind == .assigned {
                let roles = AssignmentRole.allCases.compactMap { role in
                    s.explainedByAssignmentRole[role].map { "\(role.rawValue) \($0.formatted())" }
                }
                line += "  (\(roles.joined(separator: ", ")))"
                if s.attendanceFollowUps > 0 {
                    line += "; \(s.attendanceFollowUps.formatted()) of the attending ones in the days after the "
                        + "attendance, as its follow-up (a return to a person then is weighed)"
                }
            }
            lines.append(line)
        }
        lines.append("")
        // Per role, so a force sees at once whether its data look like what the rules expect: a role whose work is
        // mostly unexplained, or that fires rules on most accesses, needs its links exported or the rules tuned.
        lines.append("Explained share and hits by role:")
        for role in StaffRole.allCases {
            guard let total = s.inScopeByRole[role], total > 0 else { continue }
            let explained = s.explainedByRole[role] ?? 0
            let perThousand = Double(s.hitsByRole[role] ?? 0) * 1000 / Double(total)
            lines.append("  \(role.rawValue.padding(22, left: false)) \(percent(Double(explained) / Double(total)).padding(7, left: true)) explained of \(total.formatted().padding(9, left: true)) accesses; \(String(format: "%.1f", perThousand)) hits per 1,000")
        }
        lines.append("")
        lines.append("Indicator hits (scored; at or below the peers' rate, not scored):")
        for name in IndicatorName.allCases {
            var note = s.atPeerRate[name].map { "  (\($0.formatted()) at peer rate)" } ?? ""
            if name == .demographicSkew, s.skewTests > 0 {
                note += "  (\(s.skewTests.formatted()) weekly tests, \(s.skewTestsByTeam.formatted()) of them against a "
                    + "team that stands apart from its role)"
            }
            lines.append("  \(name.rawValue.padding(26, left: false)) \((s.hits[name] ?? 0).formatted().padding(10, left: true))\(note)")
        }
        let suppressed = s.suppressedByException.reduce(0, +)
        if !s.suppressedByException.isEmpty {
            lines.append("Exceptions suppressed \(suppressed.formatted()) hit(s): "
                         + s.suppressedByException.enumerated().map { "#\($0.offset + 1): \($0.element)" }.joined(separator: ", "))
        }
        for index in s.unresolvableExceptions {
            lines.append("Warning: exception #\(index + 1) names a member of staff or person not in the bundle; it covers nothing.")
        }
        lines.append("")
        let within = run.alerts.filter { !$0.overBudget }
        lines.append("Alerts: \(run.alerts.count.formatted()) written to \(out)"
                     + (budget.map { " (budget \($0) a week: \(within.count) reached by the queue, \(run.alerts.count - within.count) never reached)" } ?? ""))
        if s.learningWeeks > 0 {
            let held = "\(s.heldInLearning.formatted()) member\(s.heldInLearning == 1 ? "" : "s") of staff held back then "
                + "(risk over the threshold, under the strong one)"
            lines.append(s.learningEndedAt.map {
                "Learning weeks: until \($0.iso8601.prefix(10)) (the data's first \(s.learningWeeks) weeks) an alert needed "
                    + "the strong threshold while baselines formed: \(held)"
            } ?? "Learning weeks: the data are all within the first \(s.learningWeeks) weeks, so every alert needed the "
                + "strong threshold (give a longer history, or set risk.learning_weeks): \(held)")
        }
        for alert in within.sorted(by: { $0.score > $1.score }).prefix(show) {
            lines.append("  \(alert.alertID)  \(alert.staffID)  score \(alert.score)  opened \(alert.openedAt.iso8601)  "
                         + alert.indicators.map(\.rawValue).joined(separator: ", "))
            lines.append("      \(alert.why)")
        }
        lines.append("")
        lines.append("Time: reference data \(seconds(run.referenceSeconds)); audit events read and parsed in "
                     + "\(seconds(run.readSeconds)), sorted by time in \(seconds(run.sortSeconds)), explained and "
                     + "scored in \(seconds(run.detectSeconds))\(run.mergesAlongside ? " (merging alongside)" : ""); "
                     + "event pass (parse, explain, score) "
                     + "\(Int(run.eventPassRate).formatted()) events/s")
        // Alert sentences quote the force's data (workstations, occurrence references): none may drive the terminal.
        return lines.map(\.escapingControlCharacters).joined(separator: "\n")
    }

    static func percent(_ share: Double) -> String { "\(Double(Int(share * 1000)) / 10)%" }

    static func seconds(_ value: Double) -> String { "\(Double(Int(value * 10)) / 10) s" }
}
