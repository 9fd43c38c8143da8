import Foundation
import CustodesYAML
import Yams

/// Reading and writing the rules file. The reader walks the YAML tree itself, rather than decoding, so that every
/// mistake is reported with its line and the path of the field (`rules[2].weight`), and unknown keys are refused
/// instead of ignored: a misspelt parameter silently falling back to its default is how tuning goes wrong unseen.
extension RuleSet {
    public static func parse(_ text: String, file: String) throws(RulesError) -> RuleSet {
        let root: Node
        do {
            guard let node = try SafeYAML.compose(text) else {
                throw RulesError(file: file, line: nil, field: "", message: "the file is empty")
            }
            root = node
        } catch let error as RulesError {
            throw error
        } catch let refusal as SafeYAML.Refusal {
            throw RulesError(file: file, line: refusal.line, field: "", message: refusal.message)
        } catch {
            throw RulesError(file: file, line: nil, field: "", message: "is not valid YAML: \(error)")
        }
        let reader = YAMLFields(file: file)
        let top = try reader.mapping(root, "", keys: ["explanation", "rules", "risk", "exceptions"])

        var rules = RuleSet.standard
        if let node = top["explanation"] {
            let fields = try reader.mapping(node, "explanation", keys: [
                "before_assignment_minutes", "after_assignment_hours", "after_attendance_hours",
                "attendance_without_end_hours", "after_closure_days",
                "live_incident_hours",
                "custody_grace_hours", "roster_tolerance_before_minutes", "roster_tolerance_after_minutes",
                "at_work_workstation_prefixes",
            ])
            func value(_ key: String, _ current: Int) throws(RulesError) -> Int {
                guard let node = fields[key] else { return current }
                return try reader.integer(node, "explanation.\(key)", range: 0...100_000)
            }
            var e = rules.explanation
            e.beforeAssignmentMinutes = try value("before_assignment_minutes", e.beforeAssignmentMinutes)
            e.afterAssignmentHours = try value("after_assignment_hours", e.afterAssignmentHours)
            e.afterAttendanceHours = try value("after_attendance_hours", e.afterAttendanceHours)
            e.attendanceWithoutEndHours = try value("attendance_without_end_hours", e.attendanceWithoutEndHours)
            e.afterClosureDays = try value("after_closure_days", e.afterClosureDays)
            e.liveIncidentHours = try value("live_incident_hours", e.liveIncidentHours)
            e.custodyGraceHours = try value("custody_grace_hours", e.custodyGraceHours)
            e.rosterToleranceBeforeMinutes = try value("roster_tolerance_before_minutes", e.rosterToleranceBeforeMinutes)
            e.rosterToleranceAfterMinutes = try value("roster_tolerance_after_minutes", e.rosterToleranceAfterMinutes)
            if let list = fields["at_work_workstation_prefixes"] {
                guard let items = list.sequence else {
                    throw reader.error(list, "explanation.at_work_workstation_prefixes", "expected a list of prefixes")
                }
                e.atWorkWorkstationPrefixes = try items.enumerated().map { (index, item) throws(RulesError) in
                    let prefix = try reader.string(item, "explanation.at_work_workstation_prefixes[\(index)]")
                    guard !prefix.isEmpty else {
                        throw reader.error(item, "explanation.at_work_workstation_prefixes[\(index)]",
                                           "an empty prefix would count every workstation as at work")
                    }
                    return prefix
                }
            }
            rules.explanation = e
        }
        if let node = top["rules"] {
            let entries = try reader.mapping(node, "rules", keys: IndicatorName.allCases.map(\.rawValue))
            for (key, ruleNode) in entries.ordered {
                let name = IndicatorName(rawValue: key)!
                let path = "rules.\(key)"
                let fields = try reader.mapping(ruleNode, path, keys: ["enabled", "weight", "parameters", "rationale"])
                var rule = rules.rule(name)!
                if let enabled = fields["enabled"] { rule.enabled = try reader.bool(enabled, path + ".enabled") }
                if let weight = fields["weight"] { rule.weight = try reader.number(weight, path + ".weight", range: 0...1000) }
                if let parameters = fields["parameters"] {
                    let accepted = RuleSet.acceptedParameters(name)
                    let values = try reader.mapping(parameters, path + ".parameters", keys: accepted.sorted())
                    for (parameter, valueNode) in values.ordered {
                        // A share (of points, of look-ups) is at most the whole.
                        let range: ClosedRange<Double> = parameter.hasSuffix("_share") ? 0...1 : 0...1_000_000
                        rule.parameters[parameter] = try reader.number(valueNode, "\(path).parameters.\(parameter)",
                                                                       range: range)
                    }
                }
                rules.rules[rules.rules.firstIndex { $0.name == name }!] = rule
            }
        }
        if let node = top["risk"] {
            let fields = try reader.mapping(node, "risk", keys: [
                "half_life_days", "alert_threshold", "minimum_indicators", "strong_threshold", "learning_weeks",
                "indicator_window_days",
                "quiet_days", "maximum_evidence", "peer_prior_accesses", "peer_maximum_factor", "peer_minimum_ratio",
                "team_peer_prior_accesses",
                "shared_person_days", "shared_person_colleagues", "shared_person_station_share", "volume_cap",
                "other_people_share", "returns_spread_people",
                "case_work_hours", "case_work_share", "team_case_work_share", "case_work_through_links",
                "case_work_assignment_hours", "case_work_in_custody", "routine_list_people",
                "case_companion_days", "returns_without_details_share",
                "specific_minimum", "volume_focus_z", "volume_focus_share", "volume_focus_people",
            ])
            var r = rules.risk
            if let n = fields["half_life_days"] { r.halfLifeDays = try reader.number(n, "risk.half_life_days", range: 0.1...3650) }
            if let n = fields["alert_threshold"] { r.alertThreshold = try reader.number(n, "risk.alert_threshold", range: 0...100_000) }
            if let n = fields["minimum_indicators"] { r.minimumIndicators = try reader.integer(n, "risk.minimum_indicators", range: 1...10) }
            if let n = fields["strong_threshold"] { r.strongThreshold = try reader.number(n, "risk.strong_threshold", range: 0...100_000) }
            if let n = fields["learning_weeks"] { r.learningWeeks = try reader.integer(n, "risk.learning_weeks", range: 0...520) }
            if let n = fields["indicator_window_days"] { r.indicatorWindowDays = try reader.integer(n, "risk.indicator_window_days", range: 1...3650) }
            if let n = fields["quiet_days"] { r.quietDays = try reader.integer(n, "risk.quiet_days", range: 1...3650) }
            if let n = fields["maximum_evidence"] { r.maximumEvidence = try reader.integer(n, "risk.maximum_evidence", range: 1...100_000) }
            if let n = fields["peer_prior_accesses"] { r.peerPriorAccesses = try reader.number(n, "risk.peer_prior_accesses", range: 0...1_000_000) }
            if let n = fields["peer_maximum_factor"] { r.peerMaximumFactor = try reader.number(n, "risk.peer_maximum_factor", range: 0...1_000) }
            if let n = fields["peer_minimum_ratio"] { r.peerMinimumRatio = try reader.number(n, "risk.peer_minimum_ratio", range: 1...1_000) }
            if let n = fields["team_peer_prior_accesses"] { r.teamPeerPriorAccesses = try reader.number(n, "risk.team_peer_prior_accesses", range: 0...1_000_000) }
            if let n = fields["shared_person_days"] { r.sharedPersonDays = try reader.integer(n, "risk.shared_person_days", range: 0...365) }
            if let n = fields["shared_person_colleagues"] { r.sharedPersonColleagues = try reader.integer(n, "risk.shared_person_colleagues", range: 1...10_000) }
            if let n = fields["shared_person_station_share"] { r.sharedPersonStationShare = try reader.number(n, "risk.shared_person_station_share", range: 0...1) }
            if let n = fields["volume_cap"] { r.volumeCap = try reader.number(n, "risk.volume_cap", range: 0...100_000) }
            if let n = fields["other_people_share"] { r.otherPeopleShare = try reader.number(n, "risk.other_people_share", range: 0...1) }
            if let n = fields["returns_spread_people"] { r.returnsSpreadPeople = try reader.integer(n, "risk.returns_spread_people", range: 0...10_000) }
            if let n = fields["case_work_hours"] { r.caseWorkHours = try reader.integer(n, "risk.case_work_hours", range: 0...168) }
            if let n = fields["case_work_share"] { r.caseWorkShare = try reader.number(n, "risk.case_work_share", range: 0...1) }
            if let n = fields["team_case_work_share"] { r.teamCaseWorkShare = try reader.number(n, "risk.team_case_work_share", range: 0...1) }
            if let n = fields["case_work_through_links"] { r.caseWorkThroughLinks = try reader.bool(n, "risk.case_work_through_links") }
            if let n = fields["case_work_assignment_hours"] { r.caseWorkAssignmentHours = try reader.integer(n, "risk.case_work_assignment_hours", range: 0...720) }
            if let n = fields["case_work_in_custody"] { r.caseWorkInCustody = try reader.bool(n, "risk.case_work_in_custody") }
            if let n = fields["routine_list_people"] { r.routineListPeople = try reader.integer(n, "risk.routine_list_people", range: 0...1_000) }
            if let n = fields["case_companion_days"] { r.caseCompanionDays = try reader.integer(n, "risk.case_companion_days", range: 0...365) }
            if let n = fields["returns_without_details_share"] {
                r.returnsWithoutDetailsShare = try reader.number(n, "risk.returns_without_details_share", range: 0...1)
            }
            if let n = fields["specific_minimum"] { r.specificMinimum = try reader.number(n, "risk.specific_minimum", range: 0...10_000) }
            if let n = fields["volume_focus_z"] { r.volumeFocusZ = try reader.number(n, "risk.volume_focus_z", range: 0...100) }
            if let n = fields["volume_focus_share"] { r.volumeFocusShare = try reader.number(n, "risk.volume_focus_share", range: 0...1) }
            if let n = fields["volume_focus_people"] { r.volumeFocusPeople = try reader.integer(n, "risk.volume_focus_people", range: 1...10_000) }
            rules.risk = r
        }
        if let node = top["exceptions"] {
            guard let items = node.sequence else {
                throw reader.error(node, "exceptions", "expected a list of exceptions")
            }
            rules.exceptions = []
            for (index, item) in items.enumerated() {
                let path = "exceptions[\(index)]"
                let fields = try reader.mapping(item, path, keys: [
                    "rule", "staff_id", "person_id", "reason_contains", "from", "until", "granted_by", "granted_on", "why",
                ])
                func text(_ key: String, required: Bool) throws(RulesError) -> String? {
                    guard let node = fields[key] else {
                        if required { throw reader.error(item, path, "'\(key)' is required: every exception says who, when, why and until when") }
                        return nil
                    }
                    return try reader.string(node, "\(path).\(key)")
                }
                var rule: IndicatorName?
                if let name = try text("rule", required: true), name != "*" {
                    guard let parsed = IndicatorName(rawValue: name) else {
                        throw reader.error(fields["rule"]!, "\(path).rule",
                                           "'\(name)' is not a rule; expected * or one of \(IndicatorName.allCases.map(\.rawValue).joined(separator: ", "))")
                    }
                    rule = parsed
                }
                let exception = RuleException(
                    rule: rule, staffID: try text("staff_id", required: false),
                    personID: try text("person_id", required: false),
                    reasonContains: try text("reason_contains", required: false), from: try text("from", required: false),
                    until: try text("until", required: true)!, grantedBy: try text("granted_by", required: true)!,
                    grantedOn: try text("granted_on", required: true)!, why: try text("why", required: true)!)
                for (key, value) in [("from", exception.from), ("until", exception.until), ("granted_on", exception.grantedOn)] {
                    if let value, case .failure = CompiledException.parseDay(value) {
                        throw reader.error(fields[key]!, "\(path).\(key)", "'\(value)' is not a date written YYYY-MM-DD")
                    }
                }
                if exception.staffID == nil && exception.personID == nil && exception.reasonContains == nil {
                    throw reader.error(item, path, "an exception must name a staff_id, a person_id or a reason_contains; "
                                       + "excepting a rule for everyone is disabling it, which the rule's 'enabled' says openly")
                }
                rules.exceptions.append(exception)
            }
        }
        return rules
    }

    /// The rules as YAML, with each rule's rationale as a comment: the file a force starts tuning from.
    public var yaml: String {
        func number(_ value: Double) -> String {
            value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
        }
        var out = """
            # Custodes detection rules. Copy this file, tune it, check it with `custodes rules test`, and pass it to
            # `custodes detect --rules FILE`. Unknown keys are refused. Times are in the units the key names.

            explanation:
              before_assignment_minutes: \(explanation.beforeAssignmentMinutes)
              after_assignment_hours: \(explanation.afterAssignmentHours)
              # An attending officer's part ends when they leave the scene: their attendance explains the write-up
              # for after_attendance_hours, not days of coming back to the people they met there.
              after_attendance_hours: \(explanation.afterAttendanceHours)
              # An attendance or a call taken with no end in assignments.csv is taken to have ended this long after
              # it began (0: open, as the file says, until the occurrence closes and after_closure_days after).
              attendance_without_end_hours: \(explanation.attendanceWithoutEndHours)
              after_closure_days: \(explanation.afterClosureDays)
              live_incident_hours: \(explanation.liveIncidentHours)
              custody_grace_hours: \(explanation.custodyGraceHours)
              roster_tolerance_before_minutes: \(explanation.rosterToleranceBeforeMinutes)
              roster_tolerance_after_minutes: \(explanation.rosterToleranceAfterMinutes)
              at_work_workstation_prefixes: [\(explanation.atWorkWorkstationPrefixes.map { quoted($0) }.joined(separator: ", "))]

            rules:

            """
        for rule in rules {
            out += wrapComment(rule.name.rationale, indent: "  ")
            out += "  \(rule.name.rawValue):\n    enabled: \(rule.enabled)\n    weight: \(number(rule.weight))\n"
            if !rule.parameters.isEmpty {
                out += "    parameters:\n"
                for key in rule.parameters.keys.sorted() {
                    out += "      \(key): \(number(rule.parameters[key]!))\n"
                }
            }
        }
        out += """

            risk:
              half_life_days: \(number(risk.halfLifeDays))
              alert_threshold: \(number(risk.alertThreshold))
              minimum_indicators: \(risk.minimumIndicators)
              strong_threshold: \(number(risk.strongThreshold))
              # In the data's first learning_weeks weeks (each with events; the first however short) an alert
              # needs strong_threshold, or a look at the user's own circle (0: never) that needs no baseline: a
              # partner's, or one the user's peers are known almost never to make (self_or_associate's
              # peer_rate_floor). Peer rates, routines and how widely each user's returns spread are learned
              # from the force's own data, and stand on days in its first weeks. Run a force's history of at
              # least this long before the period it reviews.
              learning_weeks: \(risk.learningWeeks)
              indicator_window_days: \(risk.indicatorWindowDays)
              quiet_days: \(risk.quietDays)
              maximum_evidence: \(risk.maximumEvidence)
              peer_prior_accesses: \(number(risk.peerPriorAccesses))
              peer_maximum_factor: \(number(risk.peerMaximumFactor))
              peer_minimum_ratio: \(number(risk.peerMinimumRatio))
              # A member of staff whose role is under half of their team is weighed against the rest of the team
              # too, and everyone else against the rest of their team's members in their role who mostly work
              # the same kind of case (assignments.csv's categories), the rate drawn towards the role's as if the
              # role had team_peer_prior_accesses more accesses; the higher rate is the peers' (0: the role alone). A neighbourhood sergeant does the team's work, and a transport
              # unit's constables check the same crowds night after night.
              # Whatever this is set to, where at least half of the staff are in a team that is (four fifths of)
              # their whole station, each role at its station is taken as the team, for team links too.
              team_peer_prior_accesses: \(number(risk.teamPeerPriorAccesses))
              # A revisit, repeated or linked look-up of a person that shared_person_colleagues other staff looked up
              # with no link in the shared_person_days before keeps a quarter of its points (0 days: never): a known
              # local name or a circulated suspect, not a woman one officer returns to alone. So does a look at
              # anyone in the user's own circle but a partner or ex-partner. Where the user's station is small,
              # shared_person_station_share of its other staff is enough (never fewer than 3; 0: off): at a
              # rural station of nine officers, eight colleagues is all of them.
              shared_person_days: \(risk.sharedPersonDays)
              shared_person_colleagues: \(risk.sharedPersonColleagues)
              shared_person_station_share: \(number(risk.sharedPersonStationShare))
              # Volume above peers (marked people, sensitive fields, off duty, linked people, the volume outlier)
              # adds at most volume_cap to risk (0: no cap); specific hits on anyone but the user's most sought-out
              # person keep other_people_share of their points (1: all). A person sought out again outranks volume.
              volume_cap: \(number(risk.volumeCap))
              other_people_share: \(number(risk.otherPeopleShare))
              # Returns spread over more than returns_spread_people people (each with a few points still
              # counting, or spared by the routine of the user's role or team; looks at the user's own circle
              # aside; people returned to only with case work count case_work_share each) keep
              # returns_spread_people over that number of their points (0: never), but a person returned to
              # off duty on repeat_lookups' off_duty_days keeps all of hers. One woman returned to is the
              # pattern; forty people returned to is work.
              returns_spread_people: \(risk.returnsSpreadPeople)
              # A return (a revisit, a repeated look-up) within case_work_hours of the user opening one of the
              # person's occurrences, or another person in one, is case work: it keeps case_work_share of its
              # points (0 hours: never). Reviewing a family or a network opens the case; a return to one woman does not.
              case_work_hours: \(risk.caseWorkHours)
              case_work_share: \(number(risk.caseWorkShare))
              # A return that only a teammate's case explains, with case work, keeps team_case_work_share (1: no
              # less than without): a colleague's case file read says less about work than one's own case opened.
              team_case_work_share: \(number(risk.teamCaseWorkShare))
              # With case_work_through_links, an occurrence of someone linked to the person, opened in those hours,
              # makes the return case work too: a cold case review reaches the victim's family through the case.
              case_work_through_links: \(risk.caseWorkThroughLinks)
              # A look at someone linked to a person in an occurrence the user was assigned to in the
              # case_work_assignment_hours before, while the assignment lasts, is case work too (0: never): an
              # enquiry's first days reach a missing girl's household; weeks on, a victim's family is a widening.
              case_work_assignment_hours: \(risk.caseWorkAssignmentHours)
              # With case_work_in_custody, a return by a member of a custody team (at least half of it custody
              # officers) to someone in custody at their station at the time is case work: the sergeant's business.
              case_work_in_custody: \(risk.caseWorkInCustody)
              # A return to a person looked up, on at least two earlier days, together with routine_list_people other
              # people the user returns to is work on a list (a plan's nominals checked weekly) and keeps
              # case_work_share (0: never).
              routine_list_people: \(risk.routineListPeople)
              # A return to a person looked up, on case_companion_days earlier days or more (two at least),
              # together with another person in one of her occurrences is a case worked as a whole (a hub's
              # referral: a child and her mother read day after day) and keeps case_work_share (0: never).
              case_companion_days: \(risk.caseCompanionDays)
              # A return (a revisit, a repeated look-up) to a person none of whose contact details, address or
              # photograph the user opened in the repeat window (their own part in her case aside) keeps
              # returns_without_details_share of its points (1: all); a look whose system logs no fields may have
              # opened them. An investigator back in an old case reads summaries and history; abuse of position
              # seeks where she lives and how to reach her.
              returns_without_details_share: \(number(risk.returnsWithoutDetailsShare))
              # With peer baselines, an alert under strong_threshold needs specific_minimum points of hits scored in
              # full (case work and people many colleagues also look up aside; people other than the most
              # sought-out at other_people_share) beside volume above peers (0: any).
              specific_minimum: \(number(risk.specificMinimum))
              # With peer baselines, volume alone opens an alert at strong_threshold only when at least
              # volume_focus_people people are behind it, at least volume_focus_share of them of one sex, and their
              # count of that sex is volume_focus_z standard deviations above what the role's peers' share predicts
              # (or the team's or crew's, as for volume, where it leans further the same way: a custody suite's
              # detention officers look up the men it detains)
              # and the user opened the details of at least as many people with no link in indicator_window_days,
              # leaning the same way by the exact binomial tail too; or when it leans to women and
              # a demographic skew is among the recent hits, or when half of it falls on one person, on
              # repeat_lookups' minimum_days (volume_focus_z 0: always). Harvesting women's contact details is
              # focused; a merge of duplicate records is not.
              volume_focus_z: \(number(risk.volumeFocusZ))
              volume_focus_share: \(number(risk.volumeFocusShare))
              volume_focus_people: \(risk.volumeFocusPeople)

            """
        if exceptions.isEmpty {
            out += """
                # Exceptions: each names a rule (or *), whom it covers (staff_id, person_id or reason_contains), until
                # when, and who granted it, when and why. For example:
                # - rule: repeat_lookups
                #   staff_id: S999999
                #   reason_contains: "tasking DA-2025-04"
                #   until: 2025-06-30
                #   granted_by: head of unit
                #   granted_on: 2025-04-02
                #   why: problem profile of repeat domestic abuse victims
                exceptions: []

                """
        } else {
            out += "exceptions:\n"
            for exception in exceptions {
                out += "  - rule: \(exception.rule?.rawValue ?? "\"*\"")\n"
                for (key, value) in [("staff_id", exception.staffID), ("person_id", exception.personID),
                                     ("reason_contains", exception.reasonContains), ("from", exception.from)] {
                    if let value { out += "    \(key): \(quoted(value))\n" }
                }
                out += "    until: \(quoted(exception.until))\n    granted_by: \(quoted(exception.grantedBy))\n"
                out += "    granted_on: \(quoted(exception.grantedOn))\n    why: \(quoted(exception.why))\n"
            }
        }
        return out
    }

    private func quoted(_ text: String) -> String { Self.doubleQuoted(text) }

    /// `text` as a YAML double-quoted scalar that reads back as exactly `text`, whatever it holds. Exceptions carry
    /// words typed by users (a rationale, a tasking reference); a control character, a line break or a quote spliced
    /// in raw would make the whole rules file unreadable and stop detection, so every character YAML does not take
    /// literally between double quotes is written as an escape.
    public static func doubleQuoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{85}": out += "\\N"
            case "\u{2028}": out += "\\L"
            case "\u{2029}": out += "\\P"
            default:
                let value = scalar.value
                if value < 0x20 || (0x7F...0x9F).contains(value) || value == 0xFEFF || value == 0xFFFE || value == 0xFFFF {
                    let hex = String(value, radix: 16, uppercase: true)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    private func wrapComment(_ text: String, indent: String) -> String {
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ") {
            if line.count + word.count + 1 > 110 - indent.count {
                lines.append(line)
                line = ""
            }
            line += (line.isEmpty ? "" : " ") + word
        }
        if !line.isEmpty { lines.append(line) }
        return lines.map { "\(indent)# \($0)\n" }.joined()
    }
}

/// Typed access to YAML nodes, each failure naming the file, line and field.
struct YAMLFields {
    let file: String

    /// The entries of a mapping with string keys, in file order, refusing keys outside `keys`.
    struct Entries {
        var ordered: [(String, Node)] = []
        subscript(key: String) -> Node? { ordered.first { $0.0 == key }?.1 }
    }

    func error(_ node: Node, _ field: String, _ message: String) -> RulesError {
        RulesError(file: file, line: node.mark?.line, field: field, message: message)
    }

    func mapping(_ node: Node, _ path: String, keys: [String]) throws(RulesError) -> Entries {
        guard let mapping = node.mapping else { throw error(node, path, "expected a mapping of keys to values") }
        var entries = Entries()
        for (keyNode, value) in mapping {
            guard let key = keyNode.string else { throw error(keyNode, path, "keys must be text") }
            let field = path.isEmpty ? key : "\(path).\(key)"
            guard keys.contains(key) else {
                throw error(keyNode, field, "unknown key; expected one of \(keys.joined(separator: ", "))")
            }
            guard entries[key] == nil else { throw error(keyNode, field, "given twice") }
            entries.ordered.append((key, value))
        }
        return entries
    }

    func number(_ node: Node, _ path: String, range: ClosedRange<Double>) throws(RulesError) -> Double {
        guard let text = node.scalar?.string, let value = Double(text), range.contains(value) else {
            throw error(node, path, "expected a number from \(range.lowerBound) to \(range.upperBound)")
        }
        return value
    }

    func integer(_ node: Node, _ path: String, range: ClosedRange<Int>) throws(RulesError) -> Int {
        guard let text = node.scalar?.string, let value = Int(text), range.contains(value) else {
            throw error(node, path, "expected a whole number from \(range.lowerBound) to \(range.upperBound)")
        }
        return value
    }

    func bool(_ node: Node, _ path: String) throws(RulesError) -> Bool {
        switch node.scalar?.string {
        case "true": return true
        case "false": return false
        default: throw error(node, path, "expected true or false")
        }
    }

    func string(_ node: Node, _ path: String) throws(RulesError) -> String {
        guard let text = node.scalar?.string else { throw error(node, path, "expected text") }
        return text
    }
}
