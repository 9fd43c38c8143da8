import CustodesDetection
import Foundation
import Testing

@Suite("The rules file")
struct RulesFileTests {
    static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path

    @Test("rules/default.yaml in the repository is exactly the built-in rules")
    func defaultFile() throws {
        let path = Self.repositoryRoot + "/rules/default.yaml"
        #expect(try RuleSet.parse(try String(contentsOfFile: path, encoding: .utf8), file: path) == RuleSet.standard)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == RuleSet.standard.yaml)
    }

    @Test("the YAML rendering reads back to the same rules, exceptions included")
    func roundTrip() throws {
        var rules = RuleSet.standard
        rules.rules[0].weight = 2.5
        rules.risk.alertThreshold = 25
        rules.risk.caseWorkHours = 6
        rules.risk.caseWorkShare = 0.5
        rules.risk.specificMinimum = 12
        rules.risk.sharedPersonStationShare = 0.5
        rules.risk.learningWeeks = 5
        let skew = rules.rules.firstIndex { $0.name == .demographicSkew }!
        rules.rules[skew].parameters["minimum_details_people"] = 5
        rules.explanation.afterClosureDays = 10
        rules.exceptions = [RuleException(rule: .repeatLookups, staffID: "S100093", reasonContains: "tasking \"DA\"",
                                          until: "2025-06-30", grantedBy: "Head of unit", grantedOn: "2025-04-02",
                                          why: "problem profile")]
        #expect(try RuleSet.parse(rules.yaml, file: "rules.yaml") == rules)
    }

    @Test("words typed by users read back exactly, whatever characters they hold")
    func typedWordsRoundTrip() throws {
        // Every control character, the line and paragraph separators, a byte-order mark, quotes, backslashes, a
        // YAML comment and document marker, and text beyond the basic plane.
        let awkward = (0..<0x20).map { String(UnicodeScalar(UInt8($0))) }.joined()
            + "\u{7F}\u{85}\u{9F}\u{A0}\u{2028}\u{2029}\u{FEFF} \" \\ \\\" # not a comment\n---\n...: [x] {y} 'z' é 🚓"
        var rules = RuleSet.standard
        rules.exceptions = [RuleException(rule: .offDuty, staffID: "S1" + awkward, personID: awkward,
                                          reasonContains: "tasking\u{1}" + awkward, from: "2025-01-01",
                                          until: "2025-06-30", grantedBy: awkward, grantedOn: "2025-04-02",
                                          why: "alert 3: " + awkward)]
        #expect(try RuleSet.parse(rules.yaml, file: "rules.yaml") == rules)
        for scalar in rules.yaml.unicodeScalars where scalar.value < 0x20 {
            #expect(scalar == "\n", "a raw control character \(scalar.value) in the rules file")
        }
    }

    @Test("a partial file changes only what it names")
    func partial() throws {
        let rules = try RuleSet.parse("rules:\n  off_duty:\n    weight: 7\n", file: "r.yaml")
        #expect(rules.rule(.offDuty)?.weight == 7)
        #expect(rules.rule(.vulnerablePerson) == RuleSet.standard.rule(.vulnerablePerson))
        let risk = try RuleSet.parse("risk:\n  case_work_hours: 6\n  case_work_share: 0.5\n  specific_minimum: 12\n"
                                     + "  team_case_work_share: 0.8\n", file: "r.yaml").risk
        #expect(risk.caseWorkHours == 6 && risk.caseWorkShare == 0.5 && risk.specificMinimum == 12)
        #expect(risk.teamCaseWorkShare == 0.8)
        let explanation = try RuleSet.parse("explanation:\n  after_attendance_hours: 24\n", file: "r.yaml").explanation
        #expect(explanation.afterAttendanceHours == 24 && explanation.afterAssignmentHours == 72)
        let open = try RuleSet.parse("explanation:\n  attendance_without_end_hours: 0\n", file: "r.yaml").explanation
        #expect(open.attendanceWithoutEndHours == 0 && RuleSet.standard.explanation.attendanceWithoutEndHours == 12)
        #expect(risk.alertThreshold == RuleSet.standard.risk.alertThreshold)
        let links = try RuleSet.parse("risk:\n  case_work_through_links: false\n  routine_list_people: 5\n"
                                      + "  case_work_assignment_hours: 24\n  case_companion_days: 0\n", file: "r.yaml").risk
        #expect(!links.caseWorkThroughLinks && links.routineListPeople == 5 && links.caseWorkAssignmentHours == 24)
        #expect(links.caseCompanionDays == 0 && RuleSet.standard.risk.caseCompanionDays == 3)
        let details = try RuleSet.parse("risk:\n  returns_without_details_share: 1\n", file: "r.yaml").risk
        #expect(details.returnsWithoutDetailsShare == 1 && RuleSet.standard.risk.returnsWithoutDetailsShare == 0.5)
        #expect(RuleSet.standard.risk.caseWorkAssignmentHours == 72)
        let team = try RuleSet.parse("risk:\n  team_peer_prior_accesses: 0\n", file: "r.yaml").risk
        #expect(team.teamPeerPriorAccesses == 0 && RuleSet.standard.risk.teamPeerPriorAccesses == 100)
        #expect(try !RuleSet.parse("risk:\n  case_work_in_custody: false\n", file: "r.yaml").risk.caseWorkInCustody)
        #expect(RuleSet.standard.risk.caseWorkInCustody)
        #expect(try RuleSet.parse(RuleSet.standard.yaml.replacingOccurrences(
            of: "case_work_through_links: true", with: "case_work_through_links: false"), file: "r.yaml")
            .risk.caseWorkThroughLinks == false)
    }

    struct BadFile: CustomTestStringConvertible, Sendable {
        let text: String
        let line: Int?
        let field: String
        let message: String
        var testDescription: String { field }
    }

    @Test("mistakes are named with line and field", arguments: [
        BadFile(text: "rules:\n  off_duty:\n    wieght: 7\n", line: 3, field: "rules.off_duty.wieght",
                message: "unknown key"),
        BadFile(text: "rules:\n  off_duty:\n    weight: heavy\n", line: 3, field: "rules.off_duty.weight",
                message: "expected a number"),
        BadFile(text: "rules:\n  snooping: {}\n", line: 2, field: "rules.snooping", message: "unknown key"),
        BadFile(text: "rules:\n  repeat_lookups:\n    parameters:\n      minimum_dayz: 2\n", line: 4,
                field: "rules.repeat_lookups.parameters.minimum_dayz", message: "unknown key"),
        BadFile(text: "risk:\n  minimum_indicators: 0\n", line: 2, field: "risk.minimum_indicators",
                message: "expected a whole number"),
        BadFile(text: "rules:\n  revisit_after_involvement:\n    parameters:\n      team_link_share: 1.5\n", line: 4,
                field: "rules.revisit_after_involvement.parameters.team_link_share", message: "expected a number"),
        BadFile(text: "risk:\n  shared_person_days: 400\n", line: 2, field: "risk.shared_person_days",
                message: "expected a whole number"),
        BadFile(text: "risk:\n  other_people_share: 1.5\n", line: 2, field: "risk.other_people_share",
                message: "expected a number"),
        BadFile(text: "risk:\n  shared_person_station_share: 1.5\n", line: 2,
                field: "risk.shared_person_station_share", message: "expected a number"),
        BadFile(text: "risk:\n  volume_cap: -1\n", line: 2, field: "risk.volume_cap", message: "expected a number"),
        BadFile(text: "risk:\n  returns_spread_people: 0.5\n", line: 2, field: "risk.returns_spread_people",
                message: "expected a whole number"),
        BadFile(text: "risk:\n  learning_weeks: -1\n", line: 2, field: "risk.learning_weeks",
                message: "expected a whole number"),
        BadFile(text: "risk:\n  case_work_hours: 200\n", line: 2, field: "risk.case_work_hours",
                message: "expected a whole number"),
        BadFile(text: "risk:\n  case_work_share: 2\n", line: 2, field: "risk.case_work_share",
                message: "expected a number"),
        BadFile(text: "risk:\n  team_case_work_share: -0.5\n", line: 2, field: "risk.team_case_work_share",
                message: "expected a number"),
        BadFile(text: "risk:\n  specific_minimum: -5\n", line: 2, field: "risk.specific_minimum",
                message: "expected a number"),
        BadFile(text: "risk:\n  case_work_through_links: maybe\n", line: 2, field: "risk.case_work_through_links",
                message: "expected true or false"),
        BadFile(text: "risk:\n  case_work_in_custody: 2\n", line: 2, field: "risk.case_work_in_custody",
                message: "expected true or false"),
        BadFile(text: "risk:\n  team_peer_prior_accesses: -1\n", line: 2, field: "risk.team_peer_prior_accesses",
                message: "expected a number"),
        BadFile(text: "risk:\n  case_work_assignment_hours: 1000\n", line: 2,
                field: "risk.case_work_assignment_hours", message: "expected a whole number"),
        BadFile(text: "risk:\n  routine_list_people: -1\n", line: 2, field: "risk.routine_list_people",
                message: "expected a whole number"),
        BadFile(text: "risk:\n  case_companion_days: 400\n", line: 2, field: "risk.case_companion_days",
                message: "expected a whole number"),
        BadFile(text: "risk:\n  returns_without_details_share: 2\n", line: 2,
                field: "risk.returns_without_details_share", message: "expected a number"),
        BadFile(text: "rules:\n  self_or_associate:\n    parameters:\n      other_relation_share: 2\n", line: 4,
                field: "rules.self_or_associate.parameters.other_relation_share", message: "expected a number"),
        BadFile(text: "exceptions:\n  - rule: off_duty\n    staff_id: S1\n    until: 2025-01-01\n    granted_by: me\n    granted_on: 2024-12-01\n",
                line: 2, field: "exceptions[0]", message: "'why' is required"),
        BadFile(text: "exceptions:\n  - rule: off_duty\n    until: 2025-01-01\n    granted_by: me\n    granted_on: 2024-12-01\n    why: all\n",
                line: 2, field: "exceptions[0]", message: "an exception must name"),
        BadFile(text: "exceptions:\n  - rule: off_duty\n    staff_id: S1\n    until: next week\n    granted_by: me\n    granted_on: 2024-12-01\n    why: x\n",
                line: 4, field: "exceptions[0].until", message: "is not a date"),
    ])
    func mistakes(_ bad: BadFile) {
        do {
            _ = try RuleSet.parse(bad.text, file: "rules.yaml")
            Issue.record("accepted a bad file")
        } catch {
            #expect(error.file == "rules.yaml")
            #expect(error.line == bad.line)
            #expect(error.field == bad.field)
            #expect(error.message.contains(bad.message), "\(error.message)")
        }
    }
}
