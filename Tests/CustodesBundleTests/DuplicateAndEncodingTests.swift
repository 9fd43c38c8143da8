import Foundation
import CustodesBundle
import CustodesModel
import Testing

@Suite("Duplicates and encodings")
struct DuplicateAndEncodingTests {
    static let events = [
        "E1,2025-01-06T09:30:00Z,S1,rms,view,person,P1,summary;contact,WS-1,",
        "E2,2025-01-06T09:35:00Z,S1,pnc,search,person,P2,identity,WS-1,\"case work, urgent\"",
        "E3,2025-01-06T10:00:00Z,S2,rms,view,occurrence,O1,,WS-2,",
        "E4,2025-01-06T11:00:00Z,S2,custody,view,custody_image,P2,photo,WS-2,",
        "E5,2025-01-06T11:05:00Z,S2,pnc,search,vehicle,CX12ABC,vehicles,WS-2,",
    ]

    static let jsonLines = [
        #"{"event_id":"E1","at":"2025-01-06T09:30:00Z","staff_id":"S1","system":"rms","action":"view","entity_type":"person","entity_id":"P1","fields":["summary","contact"],"workstation":"WS-1","reason":null}"#,
        #"{"reason":"case work, urgent","event_id":"E2","at":"2025-01-06T09:35:00Z","staff_id":"S1","system":"pnc","action":"search","entity_type":"person","entity_id":"P2","fields":"identity","workstation":"WS-1","extra":{"x":1}}"#,
        #"{"event_id":"E3","at":"2025-01-06T10:00:00Z","staff_id":"S2","system":"rms","action":"view","entity_type":"occurrence","entity_id":"O1","fields":"","workstation":"WS-2","reason":""}"#,
        #"{"event_id":"E4","at":"2025-01-06T11:00:00Z","staff_id":"S2","system":"custody","action":"view","entity_type":"custody_image","entity_id":"P2","fields":"photo","workstation":"WS\u002D2"}"#,
        #"{"event_id":"E5","at":"2025-01-06T11:05:00Z","staff_id":"S2","system":"pnc","action":"search","entity_type":"vehicle","entity_id":"CX12ABC","fields":"vehicles","workstation":"WS-2","reason":""}"#,
    ]

    @Test("a repeated event id is counted and skipped; the first copy is kept")
    func duplicates() throws {
        let fixture = try BundleFixture([
            "audit.csv": csv(auditHeader, Self.events[0], Self.events[1], Self.events[0]),
            "audit_again.csv": csv(auditHeader, Self.events[1], Self.events[2]),
        ])
        defer { fixture.remove() }
        let (report, events, quarantined, _) = try fixture.read()
        #expect(quarantined.isEmpty)
        #expect(events.map(\.eventID) == ["E1", "E2", "E3"])
        #expect(report[file: "audit.csv"]?.duplicates == 1)
        #expect(report[file: "audit.csv"]?.accepted == 2)
        #expect(report[file: "audit_again.csv"]?.duplicates == 1)
        #expect(report[file: "audit_again.csv"]?.accepted == 1)
    }

    /// A copy of an event carries its member of staff; two systems that number their events alike can give two
    /// accesses by different staff the same id in the same second, and neither may be lost.
    @Test("the same id and time by another member of staff is a second access, not a copy")
    func sameIDOtherStaff() throws {
        let other = Self.events[0].replacingOccurrences(of: ",S1,", with: ",S2,")
        #expect(other != Self.events[0])
        let fixture = try BundleFixture([
            "audit.csv": csv(auditHeader, Self.events[0], other, Self.events[0], other),
        ])
        defer { fixture.remove() }
        for threads in [1, 2] {
            let (report, events, _, _) = try fixture.read(runSize: 1, threads: threads)
            #expect(events.map(\.eventID) == ["E1", "E1"])
            #expect(Set(events.map(\.staff)).count == 2)
            #expect(report[file: "audit.csv"]?.duplicates == 2)
            #expect(report[file: "audit.csv"]?.accepted == 2)
        }
    }

    @Test("reading a bundle twice over is idempotent")
    func idempotent() throws {
        let all = csv(auditHeader, Self.events[0], Self.events[1], Self.events[2], Self.events[3], Self.events[4])
        let once = try BundleFixture(["audit.csv": all])
        let twice = try BundleFixture(["audit.csv": all, "audit_copy.csv": all])
        defer { once.remove(); twice.remove() }
        let (_, eventsOnce, _, _) = try once.read()
        let (report, eventsTwice, _, _) = try twice.read()
        #expect(eventsOnce == eventsTwice)
        #expect(report.duplicates == 5)
    }

    @Test("JSON Lines and CSV give the same events")
    func jsonlMatchesCSV() throws {
        let csvBundle = try BundleFixture(["audit.csv": csv(auditHeader, Self.events[0], Self.events[1], Self.events[2],
                                                           Self.events[3], Self.events[4])])
        let jsonBundle = try BundleFixture(["audit.csv": nil,
                                            "audit.jsonl": Self.jsonLines.joined(separator: "\n") + "\n"])
        defer { csvBundle.remove(); jsonBundle.remove() }
        let (csvReport, fromCSV, csvQuarantine, _) = try csvBundle.read()
        let (jsonReport, fromJSON, jsonQuarantine, _) = try jsonBundle.read()
        #expect(csvQuarantine.isEmpty)
        #expect(jsonQuarantine.isEmpty)
        #expect(fromCSV.count == 5)
        #expect(fromJSON == fromCSV)
        #expect(csvReport[file: "audit.csv"]?.accepted == jsonReport[file: "audit.jsonl"]?.accepted)
    }

    @Test("JSON Lines: text beyond ASCII, escapes and surrogate pairs decode as in CSV; invalid UTF-8 is quarantined")
    func jsonlUnicode() throws {
        let reason = "vérifié \u{1F600} \"quoted\"\ttab"
        let csvBundle = try BundleFixture(["audit.csv": csv(auditHeader,
            "E1,2025-01-06T09:30:00Z,S1,rms,view,person,P1,summary,WS-1,\"vérifié \u{1F600} \"\"quoted\"\"\ttab\"")])
        let jsonBundle = try BundleFixture(["audit.csv": nil, "audit.jsonl":
            #"{"event_id":"E1","at":"2025-01-06T09:30:00Z","staff_id":"S1","system":"rms","action":"view","entity_type":"person","entity_id":"P1","fields":["summary"],"workstation":"WS-1","reason":"v\u00e9rifié \ud83d\ude00 \"quoted\"\ttab"}"# + "\n"])
        defer { csvBundle.remove(); jsonBundle.remove() }
        let (_, fromCSV, csvQuarantine, _) = try csvBundle.read()
        let (_, fromJSON, jsonQuarantine, _) = try jsonBundle.read()
        #expect(csvQuarantine.isEmpty && jsonQuarantine.isEmpty)
        #expect(fromCSV.map(\.reason) == [reason])
        #expect(fromJSON == fromCSV)

        // A byte that cannot start a UTF-8 sequence, inside a value: the line is quarantined, the next one kept.
        let broken = try BundleFixture(["audit.csv": nil])
        defer { broken.remove() }
        var bytes = Array(#"{"event_id":"E1","at":"2025-01-06T09:30:00Z","staff_id":"S1","system":"rms","action":"view","entity_type":"person","entity_id":"P1","fields":"","workstation":"WS-"#.utf8)
        bytes += [0xFF] + Array(#"1","reason":""}"#.utf8) + [10]
        bytes += Array(#"{"event_id":"E2","at":"2025-01-06T09:31:00Z","staff_id":"S1","system":"rms","action":"view","entity_type":"person","entity_id":"P1","fields":"","workstation":"WS-1","reason":""}"#.utf8) + [10]
        try Data(bytes).write(to: URL(fileURLWithPath: broken.directory + "/audit.jsonl"))
        let (_, events, quarantined, _) = try broken.read()
        #expect(events.map(\.eventID) == ["E2"])
        #expect(quarantined.count == 1)
        #expect(quarantined.first?.line == 1)
        #expect(quarantined.first?.detail.contains("invalid UTF-8") == true)
    }

    /// Short ASCII text is made from its bytes without the general path (``ShortText``); text beyond ASCII of the
    /// same length, and an empty reason, must come out as the general path makes them.
    @Test("short values beyond ASCII, at 15 and 16 bytes, and an empty reason decode as written")
    func shortValues() throws {
        let workstations = ["café", "WS-ü", "123456789012345", "1234567890123456", "ÿ", "A"]
        let rows = workstations.enumerated().map { number, workstation in
            "E\(number),2025-01-06T09:3\(number):00Z,S1,rms,view,person,P1,summary,\(workstation),"
                + (number % 2 == 0 ? "" : "ré")
        }
        let fixture = try BundleFixture(["audit.csv": csv(auditHeader, rows[0], rows[1], rows[2], rows[3], rows[4], rows[5])])
        defer { fixture.remove() }
        for threads in [1, 2] {
            let (_, events, quarantined, _) = try fixture.read(runSize: 2, threads: threads)
            #expect(quarantined.isEmpty)
            #expect(events.map(\.workstation) == workstations)
            #expect(events.map(\.reason) == ["", "ré", "", "ré", "", "ré"])
            #expect(events.map { Array($0.workstation.utf8) } == workstations.map { Array($0.utf8) })
        }
    }

    @Test("identifiers of every length from 1 to 40 bytes resolve, and one differing only past byte 16 does not")
    func identifierLengths() throws {
        // The identifier tables compare the first 16 bytes as two words and keep longer keys aside; every length
        // around those boundaries must find its own record and no other.
        let ids = (1...40).map { length in String(repeating: "Q", count: length - 1) + "7" }
        let persons = ["person_id,family_name,given_name,sex,birth_year,postcode,markers",
                       "P1,Testperson,Ann,female,1990,CX2 0AB,", "P2,Testperson,Bob,male,1988,CX2 0AB,"]
            + ids.map { "\($0),Example,Pat,unknown,,," }
        var audit = [auditHeader]
        for (index, id) in ids.enumerated() {
            audit.append("E\(index),2025-01-06T09:\(String(format: "%02d", index)):00Z,S1,rms,view,person,\(id),summary,WS-1,")
        }
        audit.append("X1,2025-01-06T10:00:00Z,S1,rms,view,person,\(String(repeating: "Q", count: 20))8,summary,WS-1,")
        let fixture = try BundleFixture(["persons.csv": persons.joined(separator: "\n") + "\n",
                                         "audit.csv": audit.joined(separator: "\n") + "\n"])
        defer { fixture.remove() }
        let (_, events, quarantined, reference) = try fixture.read()
        #expect(events.map { reference.persons[Int($0.entity)].personID } == ids)
        #expect(quarantined.map(\.reason) == [.unknownReference])
    }

    @Test("CSV quoting: commas, quotes and line breaks inside fields, CRLF endings and a byte order mark")
    func quoting() throws {
        let persons = "\u{FEFF}person_id,family_name,given_name,sex,birth_year,postcode,markers\r\n"
            + "P1,\"Test, person\",\"Ann \"\"Annie\"\"\",female,1990,,\r\n"
            + "P2,\"Multi\nline\",Bob,male,,,\r\n"
            + "\r\n"
            + "P3,Other,Cat,female,,,\"child;missing_person\"\r\n"
        let links = csv("person_id,linked_person_id,relation", "P1,P3,bogus")
        let fixture = try BundleFixture(["persons.csv": persons, "person_links.csv": links, "audit.csv": csv(auditHeader)])
        defer { fixture.remove() }
        let (_, _, quarantined, reference) = try fixture.read()
        #expect(reference.persons.map(\.familyName) == ["Test, person", "Multi\nline", "Other"])
        #expect(reference.persons[0].givenName == "Ann \"Annie\"")
        #expect(reference.persons[2].markers == MarkerSet([.child, .missingPerson]))
        // Only the link with an unknown relation is quarantined: every person row parsed.
        #expect(quarantined.map(\.line) == [2])
    }

    @Test("line numbers count physical lines, including those inside quoted fields and blank ones")
    func lineNumbers() throws {
        let audit = auditHeader + "\n"
            + "E1,2025-01-06T09:30:00Z,S1,rms,view,person,P1,,\"WS\n1\",\n"
            + "\n"
            + "E2,2025-01-06T09:30:00Z,S9,rms,view,person,P1,,WS,\n"
        let fixture = try BundleFixture(["audit.csv": audit])
        defer { fixture.remove() }
        let (_, events, quarantined, _) = try fixture.read()
        #expect(events.map(\.workstation) == ["WS\n1"])
        #expect(quarantined.map(\.line) == [5])
    }

    @Test("a file with a header and no rows is fine; a file with no header is an error")
    func emptyFiles() throws {
        let headerOnly = try BundleFixture(["declared_associations.csv": "staff_id,person_id,relation,declared_on\n"])
        defer { headerOnly.remove() }
        #expect(try headerOnly.read().0[file: "declared_associations.csv"]?.rowsRead == 0)
        let empty = try BundleFixture(["declared_associations.csv": ""])
        defer { empty.remove() }
        #expect(throws: BundleError.emptyFile(file: empty.directory + "/declared_associations.csv")) {
            _ = try empty.read()
        }
    }
}
