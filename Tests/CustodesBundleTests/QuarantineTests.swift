import CustodesBundle
import CustodesModel
import Foundation
import Testing

/// Every quarantine reason, each with the file, line and field it must name, and the good rows around it kept.
@Suite("Quarantine of bad rows")
struct QuarantineTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        let file: String
        let contents: String
        let line: Int
        let field: String
        let reason: QuarantineReason
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "too few fields", file: "audit.csv",
             contents: csv(auditHeader, "E1,2025-01-06T09:30:00Z,S1,rms,view,person,P1,,WS,", "E9,2025-01-06T09:31:00Z,S1"),
             line: 3, field: "", reason: .malformedRow),
        Case(name: "unterminated quote", file: "audit.csv",
             contents: csv(auditHeader, "E1,2025-01-06T09:30:00Z,S1,rms,view,person,P1,,WS,", "E9,2025-01-06T09:31:00Z,S1,rms,view,person,P1,,\"WS,"),
             line: 3, field: "", reason: .malformedRow),
        Case(name: "quote inside an unquoted field", file: "persons.csv",
             contents: csv("person_id,family_name,given_name,sex,birth_year,postcode,markers",
                           "P1,Testperson,Ann,female,1990,CX2 0AB,", "P2,O\"Brien,Bob,male,,,", "P3,Other,Cat,female,,,"),
             line: 3, field: "", reason: .malformedRow),
        Case(name: "empty required value", file: "staff.csv",
             contents: csv("staff_id,collar_number,display_name,role,team,station,start_date,end_date,home_postcode",
                           "S1,1,A,response_officer,Response A,Aldmere,2015-04-01,,", "S2,2,B,detective,,Aldmere,2015-04-01,,"),
             line: 3, field: "team", reason: .missingValue),
        Case(name: "time without an offset", file: "audit.csv",
             contents: csv(auditHeader, "E1,2025-01-06T09:30:00Z,S1,rms,view,person,P1,,WS,", "E2,2025-01-06T09:30:00,S1,rms,view,person,P1,,WS,"),
             line: 3, field: "at", reason: .invalidTime),
        Case(name: "impossible date", file: "staff.csv",
             contents: csv("staff_id,collar_number,display_name,role,team,station,start_date,end_date,home_postcode",
                           "S1,1,A,response_officer,Response A,Aldmere,2015-02-30,,", "S2,2,B,detective,CID,Aldmere,2015-04-01,,"),
             line: 2, field: "start_date", reason: .invalidTime),
        Case(name: "birth year that is not a year", file: "persons.csv",
             contents: csv("person_id,family_name,given_name,sex,birth_year,postcode,markers",
                           "P1,Testperson,Ann,female,nineteen,CX2 0AB,", "P2,Testperson,Bob,male,1988,,"),
             line: 2, field: "birth_year", reason: .invalidNumber),
        Case(name: "unknown role", file: "staff.csv",
             contents: csv("staff_id,collar_number,display_name,role,team,station,start_date,end_date,home_postcode",
                           "S1,1,A,response_officer,Response A,Aldmere,2015-04-01,,", "S2,2,B,constable,CID,Aldmere,2015-04-01,,"),
             line: 3, field: "role", reason: .unknownValue),
        Case(name: "unknown marker in a list", file: "persons.csv",
             contents: csv("person_id,family_name,given_name,sex,birth_year,postcode,markers",
                           "P1,Testperson,Ann,female,1990,,domestic_abuse_victim;vip", "P2,Testperson,Bob,male,1988,,"),
             line: 2, field: "markers", reason: .unknownValue),
        Case(name: "unknown audit field", file: "audit.csv",
             contents: csv(auditHeader, "E1,2025-01-06T09:30:00Z,S1,rms,view,person,P1,summary;shoe_size,WS,"),
             line: 2, field: "fields", reason: .unknownValue),
        Case(name: "event by an unknown member of staff", file: "audit.csv",
             contents: csv(auditHeader, "E1,2025-01-06T09:30:00Z,S1,rms,view,person,P1,,WS,", "E2,2025-01-06T09:31:00Z,S404,rms,view,person,P1,,WS,"),
             line: 3, field: "staff_id", reason: .unknownReference),
        Case(name: "event on an unknown person", file: "audit.csv",
             contents: csv(auditHeader, "E1,2025-01-06T09:30:00Z,S1,rms,view,person,P404,,WS,"),
             line: 2, field: "entity_id", reason: .unknownReference),
        Case(name: "assignment to an unknown occurrence", file: "assignments.csv",
             contents: csv("occurrence_id,staff_id,role,start,end", "O404,S1,attending,2025-01-06T09:00:00Z,",
                           "O1,S1,officer_in_case,2025-01-06T09:00:00Z,"),
             line: 2, field: "occurrence_id", reason: .unknownReference),
        Case(name: "link to an unknown person", file: "person_links.csv",
             contents: csv("person_id,linked_person_id,relation", "P1,P404,partner"),
             line: 2, field: "linked_person_id", reason: .unknownReference),
        Case(name: "shift ending before it starts", file: "rosters.csv",
             contents: csv("staff_id,start,end,kind", "S1,2025-01-06T17:00:00Z,2025-01-06T07:00:00Z,duty"),
             line: 2, field: "end", reason: .invalidPeriod),
        Case(name: "occurrence closed before it opened", file: "occurrences.csv",
             contents: csv("occurrence_id,category,opened_at,closed_at,station",
                           "O1,domestic_abuse,2025-01-06T08:00:00Z,,Aldmere",
                           "O2,theft,2025-01-06T08:00:00Z,2025-01-05T08:00:00Z,Aldmere"),
             line: 3, field: "closed_at", reason: .invalidPeriod),
        Case(name: "repeated staff id", file: "staff.csv",
             contents: csv("staff_id,collar_number,display_name,role,team,station,start_date,end_date,home_postcode",
                           "S1,1,A,response_officer,Response A,Aldmere,2015-04-01,,", "S2,2,B,detective,CID,Aldmere,2015-04-01,,",
                           "S1,3,C,pcso,Neighbourhood,Aldmere,2016-04-01,,"),
             line: 4, field: "staff_id", reason: .duplicateID),
        Case(name: "not JSON", file: "audit.jsonl",
             contents: """
                {"event_id":"J1","at":"2025-01-06T09:30:00Z","staff_id":"S1","system":"rms","action":"view","entity_type":"person","entity_id":"P1","fields":"","workstation":"WS","reason":""}
                {"event_id":"J2","at":"2025-01-06T09:31:00Z",
                """ + "\n",
             line: 2, field: "", reason: .malformedRow),
        Case(name: "JSON line missing a required field", file: "audit.jsonl",
             contents: """
                {"event_id":"J1","at":"2025-01-06T09:30:00Z","staff_id":"S1","system":"rms","action":"view","entity_type":"person","entity_id":"P1","workstation":"WS"}
                {"event_id":"J2","at":"2025-01-06T09:30:00Z","staff_id":"S1","system":"rms","action":"view","entity_type":"person","workstation":"WS"}
                """ + "\n",
             line: 2, field: "entity_id", reason: .missingValue),
    ]

    @Test("each bad row is quarantined with its file, line, field and reason", arguments: cases)
    func quarantined(_ example: Case) throws {
        var overrides: [String: String?] = [example.file: example.contents]
        if example.file == "audit.jsonl" { overrides["audit.csv"] = .some(nil) }
        let fixture = try BundleFixture(overrides)
        defer { fixture.remove() }
        let (report, _, entries, _) = try fixture.read()
        let entry = try #require(entries.first { $0.file == example.file })
        #expect(entries.filter { $0.file == example.file }.count == 1)
        #expect(entry.line == example.line)
        #expect(entry.field == example.field)
        #expect(entry.reason == example.reason)
        #expect(!entry.detail.isEmpty)
        #expect(!entry.original.isEmpty)
        let fileReport = try #require(report[file: example.file])
        #expect(fileReport.quarantinedByReason[example.reason] == 1)
        #expect(fileReport.accepted == fileReport.rowsRead - 1)
    }

    @Test("the original text of a quarantined row is kept exactly")
    func originalKept() throws {
        let row = "E2,2025-01-06T09:30:00,S1,rms,view,person,P1,\"summary,x\",WS,"
        let fixture = try BundleFixture(["audit.csv": csv(auditHeader, row)])
        defer { fixture.remove() }
        let (_, _, entries, _) = try fixture.read()
        #expect(entries.map(\.original) == [row])
        #expect(entries[0].message.hasPrefix("audit.csv:2: at: '2025-01-06T09:30:00' has no UTC offset"))
    }

    /// The people whose records and typed reasons fill an export must not drive an analyst's terminal through it.
    @Test("a quarantined value's control characters are escaped in the message printed, and kept in the original")
    func controlCharactersEscapedInMessage() throws {
        let row = "E2,2025-01-06T09:30:00Z,S1,rms,vi\u{1B}]0;owned\u{7}ew,person,P1,summary,WS,"
        let fixture = try BundleFixture(["audit.csv": csv(auditHeader, row)])
        defer { fixture.remove() }
        let (_, _, entries, _) = try fixture.read()
        #expect(entries.map(\.original) == [row])
        #expect(entries[0].message.contains("'vi\\u{1B}]0;owned\\u{7}ew' is not a"), "\(entries[0].message)")
        #expect(!entries[0].message.unicodeScalars.contains { $0.properties.generalCategory == .control })
        #expect("plain text, même accentuée".escapingControlCharacters == "plain text, même accentuée")
        #expect("a\tb\u{9B}c\u{7F}".escapingControlCharacters == "a\\u{9}b\\u{9B}c\\u{7F}")
    }

    @Test("the quarantine file records every column")
    func quarantineFile() throws {
        let fixture = try BundleFixture(["rosters.csv": csv("staff_id,start,end,kind", "S404,2025-01-06T07:00:00Z,2025-01-06T17:00:00Z,duty")])
        defer { fixture.remove() }
        let path = fixture.directory + "/q.csv"
        let sink = try QuarantineFile(path: path)
        let reader = try BundleReader(directory: fixture.directory, quarantine: sink)
        var report = BundleReport()
        _ = try reader.loadReference(report: &report)
        try sink.close()
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text == """
            file,line,field,reason,detail,original
            rosters.csv,2,staff_id,unknown_reference,no member of staff in staff.csv with staff_id 'S404',"S404,2025-01-06T07:00:00Z,2025-01-06T17:00:00Z,duty"

            """)
    }
}
