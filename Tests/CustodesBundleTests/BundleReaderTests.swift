import CustodesBundle
import CustodesModel
import Foundation
import Testing

@Suite("Reading a bundle")
struct BundleReaderTests {
    @Test("a valid bundle is accepted whole, with references resolved")
    func validBundle() throws {
        let fixture = try BundleFixture()
        defer { fixture.remove() }
        let (report, events, quarantined, reference) = try fixture.read()
        #expect(quarantined.isEmpty)
        #expect(report.quarantined == 0)
        #expect(report[file: "staff.csv"]?.accepted == 2)
        #expect(report[file: "audit.csv"]?.accepted == 3)
        #expect(events.map(\.eventID) == ["E1", "E2", "E3"])
        #expect(events[0].person == reference.personByID["P1"])
        #expect(events[0].fields == [.summary, .contact])
        #expect(events[2].occurrence == reference.occurrenceByID["O1"])
        #expect(events[1].reason == "case work")
        #expect(reference.persons[0].markers == MarkerSet(.domesticAbuseVictim))
        #expect(reference.staff[0].homePostcode == "CX1 0AA")
        #expect(reference.staff[1].homePostcode == nil)
        #expect(reference.occurrences[0].closedAt?.iso8601 == "2025-01-20T12:00:00Z")
        #expect(reference.declaredAssociations.count == 1)
    }

    @Test("missing files are all named in one error")
    func missingFiles() throws {
        let fixture = try BundleFixture(["rosters.csv": nil, "audit.csv": nil])
        defer { fixture.remove() }
        #expect(throws: BundleError.missingFiles(directory: fixture.directory,
                                                 files: ["rosters.csv", "audit.csv or audit.jsonl"])) {
            _ = try BundleReader(directory: fixture.directory, quarantine: QuarantineCollector())
        }
    }

    @Test("missing columns are named with the file, before any row is read")
    func missingColumns() throws {
        let fixture = try BundleFixture(["rosters.csv": "staff_id,start,kind\nS1,2025-01-06T07:00:00Z,duty\n"])
        defer { fixture.remove() }
        #expect(throws: BundleError.missingColumns(file: fixture.directory + "/rosters.csv", columns: ["end"])) {
            _ = try fixture.read()
        }
    }

    @Test("extra columns are ignored and columns may come in any order")
    func extraColumns() throws {
        let fixture = try BundleFixture([
            "rosters.csv": "kind,comment,end,start,staff_id\nduty,\"night, extended\",2025-01-06T17:00:00Z,2025-01-06T07:00:00Z,S1\n",
        ])
        defer { fixture.remove() }
        let (_, _, quarantined, reference) = try fixture.read()
        #expect(quarantined.isEmpty)
        #expect(reference.rosters.first?.end.iso8601 == "2025-01-06T17:00:00Z")
    }

    @Test("a folder that is not there is a clear error")
    func notADirectory() {
        #expect(throws: BundleError.notADirectory("/nonexistent/bundle")) {
            _ = try BundleReader(directory: "/nonexistent/bundle", quarantine: QuarantineCollector())
        }
    }

    @Test("events come out in time order whatever the file order")
    func timeOrder() throws {
        let fixture = try BundleFixture([
            "audit.csv": csv(auditHeader,
                             "E3,2025-01-06T12:00:00Z,S1,rms,view,person,P1,,WS,",
                             "E1,2025-01-06T10:00:00+01:00,S1,rms,view,person,P1,,WS,"),
            "audit_b.csv": csv(auditHeader, "E2,2025-01-06T11:00:00Z,S2,rms,view,person,P2,,WS,"),
        ])
        defer { fixture.remove() }
        let (_, events, _, _) = try fixture.read()
        #expect(events.map(\.eventID) == ["E1", "E2", "E3"])
        #expect(events[0].at.iso8601 == "2025-01-06T09:00:00Z")
    }

    /// `count` audit rows of two members of staff, out of time order over a day.
    static func outOfOrderRows(_ count: Int) -> [String] {
        (0..<count).map { number in
            let minute = (number * 37) % 600
            return "E\(number),2025-01-06T\(String(format: "%02d", 8 + minute / 60)):\(String(format: "%02d", minute % 60)):00Z,S\(number % 2 + 1),rms,view,person,P\(number % 2 + 1),summary,WS,"
        }
    }

    @Test("spilling sorted runs to disk gives the same stream as sorting in memory")
    func externalSort() throws {
        var rows = Self.outOfOrderRows(200)
        rows.append(rows[17])  // a duplicate that lands in another run
        let fixture = try BundleFixture(["audit.csv": csv(auditHeader, rows[0]) + rows.dropFirst().joined(separator: "\n") + "\n"])
        defer { fixture.remove() }
        let (inMemoryReport, inMemory, _, _) = try fixture.read()
        let (spilledReport, spilled, _, _) = try fixture.read(runSize: 7)
        #expect(inMemory.count == 200)
        #expect(spilled == inMemory)
        #expect(spilledReport == inMemoryReport)
        #expect(spilledReport[file: "audit.csv"]?.duplicates == 1)
        #expect(zip(spilled, spilled.dropFirst()).allSatisfy { AuditEvent.timeOrder($0, $1) })
    }

    @Test("the stream says how many rows it read, once, before it hands on the first event, on one core or several")
    func rowsReadFirst() throws {
        var rows = Self.outOfOrderRows(200)
        rows.append(rows[17])  // read, then skipped as a duplicate
        let fixture = try BundleFixture(["audit.csv": csv(auditHeader, rows[0]) + rows.dropFirst().joined(separator: "\n") + "\n"])
        defer { fixture.remove() }
        for (runSize, threads) in [(1_000_000, 1), (7, 1), (1_000_000, 2), (7, 3)] {
            let reader = try BundleReader(directory: fixture.directory, quarantine: QuarantineCollector())
            var report = BundleReport()
            let reference = try reader.loadReference(report: &report)
            var stream = reader.auditEvents(reference: reference, runSize: runSize)
            stream.threads = threads
            stream.minimumPieceBytes = 1
            var said: [Int] = []
            var eventsBefore: Int?
            var events = 0
            stream.onRead = { rows in
                said.append(rows)
                eventsBefore = events
            }
            try stream.forEach(report: &report) { _ in events += 1 }
            #expect(said == [201], "run size \(runSize), \(threads) threads")
            #expect(eventsBefore == 0 && events == 200, "run size \(runSize), \(threads) threads")
        }
    }

    @Test("reading on several cores gives one core's stream, reports and quarantine")
    func severalCores() throws {
        var files: [String: String?] = ["audit.csv": nil]
        for file in 0..<3 {
            var rows: [String] = []
            for number in 0..<3_000 {
                let shared = number % 5 == 0  // every fifth event is in all three files, at the same time
                let minute = (number * 37 + (shared ? 0 : file * 11)) % 600
                let id = shared ? "E\(number)" : "E\(file)-\(number)"
                let at = "2025-01-06T\(String(format: "%02d", 8 + minute / 60)):\(String(format: "%02d", minute % 60)):00Z"
                rows.append("\(id),\(at),S\(number % 2 + 1),rms,view,person,P\(number % 2 + 1),summary,WS,")
            }
            rows[100 + file] = "E-bad-\(file),not a time,S1,rms,view,person,P1,summary,WS,"
            files["audit_\(file).csv"] = csv(auditHeader, rows[0]) + rows.dropFirst().joined(separator: "\n") + "\n"
        }
        let fixture = try BundleFixture(files)
        defer { fixture.remove() }
        let (oneReport, one, oneQuarantine, _) = try fixture.read()
        // The shared fifth once each; of the three bad rows, file 0's replaces a shared event the others still have.
        #expect(one.count == 3 * 2_400 + 600 - 2)
        #expect(oneReport.duplicates == 2 * 600 - 1)
        for (runSize, threads, pieceBytes) in [(1_000_000, 2, nil), (500, 2, nil), (700, 3, nil), (1_000_000, 2, 1),
                                               (500, 3, 1), (300, 4, 1)] {
            let (report, events, quarantined, _, timings) = try fixture.timedRead(runSize: runSize, threads: threads,
                                                                                  pieceBytes: pieceBytes)
            #expect(events == one, "run size \(runSize), \(threads) threads, pieces from \(pieceBytes ?? 0) bytes")
            #expect(report == oneReport)
            #expect(quarantined == oneQuarantine)
            #expect(!timings.filesReadAgain)
        }
        // Split into lanes by member of staff (as `detect --threads` merges them), each lane is its staff's part of
        // the same stream, in the same order, with the same counts of duplicates.
        for (runSize, threads, lanes) in [(1_000_000, 1, 2), (500, 1, 3), (1_000_000, 2, 2), (500, 2, 2), (700, 3, 3),
                                          (500, 2, 8)] {
            let (report, split) = try fixture.readLanes(runSize: runSize, threads: threads, lanes: lanes)
            for lane in 0..<lanes {
                #expect(split[lane] == one.filter { Int($0.staff) % lanes == lane },
                        "run size \(runSize), \(threads) threads, lane \(lane) of \(lanes)")
            }
            #expect(report == oneReport)
        }
    }

    /// 9,000 rows of 59 bytes or so, estimated at 90 bytes a row as about 5,900 events.
    @Test("a lane per part where the spilled runs' files stay few, a lane per thread up to four where they would not")
    func lanesForParts() throws {
        let rows = (0..<9_000).map { number in
            "E\(number),2025-01-06T08:\(String(format: "%02d", number % 60)):00Z,S\(number % 2 + 1),rms,view,person,P1,summary,WS,"
        }
        let fixture = try BundleFixture(["audit.csv": csv(auditHeader, rows[0]) + rows.dropFirst().joined(separator: "\n")
                                             + "\n"])
        defer { fixture.remove() }
        let reader = try BundleReader(directory: fixture.directory, quarantine: QuarantineCollector())
        var report = BundleReport()
        let reference = try reader.loadReference(report: &report)
        func lanes(runSize: Int, threads: Int, parts: Int) -> Int {
            var stream = reader.auditEvents(reference: reference, runSize: runSize)
            stream.threads = threads
            return stream.lanes(forParts: parts)
        }
        #expect(lanes(runSize: 1_000_000, threads: 2, parts: 8) == 8)
        #expect(lanes(runSize: 1_000_000, threads: 4, parts: 16) == 16)
        // Spilled every 20 events a core on two threads: about 300 spills, of 8 files each with a lane per part, where
        // every 50 events would be about 120 spills, under a thousand files.
        #expect(lanes(runSize: 100, threads: 2, parts: 8) == 8)
        #expect(lanes(runSize: 40, threads: 2, parts: 8) == 2)
        #expect(lanes(runSize: 40, threads: 3, parts: 12) == 3)
        #expect(lanes(runSize: 40, threads: 8, parts: 32) == 4)
        #expect(lanes(runSize: 40, threads: 6, parts: 18) == 3)
        // More parts than a merge may split into lanes: never more lanes than it allows.
        #expect(lanes(runSize: 1_000_000, threads: 2, parts: AuditEventStream.mostLanes + 2) == 2)
    }

    @Test("a file cut into pieces on several cores reads as one: CRLF, blank lines, JSON Lines, rows quarantined in every piece")
    func pieces() throws {
        var csvRows: [String] = []
        var jsonRows: [String] = []
        for number in 0..<2_000 {
            let at = "2025-01-06T\(String(format: "%02d", 8 + number % 10)):\(String(format: "%02d", number % 60)):00Z"
            let time = number % 97 == 0 ? "not a time" : at
            csvRows.append("C\(number),\(time),S\(number % 2 + 1),rms,view,person,P1,summary,WS,\"a, b\"")
            jsonRows.append(#"{"event_id":"J\#(number)","at":"\#(time)","staff_id":"S2","system":"pnc","action":"search","entity_type":"person","entity_id":"P2","fields":"identity","workstation":"WS","reason":"stop"}"#)
            if number % 13 == 0 { csvRows.append(""); jsonRows.append("") }
        }
        let fixture = try BundleFixture(["audit.csv": auditHeader + "\r\n" + csvRows.joined(separator: "\r\n") + "\r\n",
                                         "audit_pnc.jsonl": jsonRows.joined(separator: "\n") + "\n"])
        defer { fixture.remove() }
        let (oneReport, one, oneQuarantine, _) = try fixture.read()
        #expect(one.count == 2 * (2_000 - 21))
        #expect(oneQuarantine.count == 2 * 21)
        for threads in 2...5 {
            let (report, events, quarantined, _, timings) = try fixture.timedRead(threads: threads, pieceBytes: 1)
            #expect(events == one, "\(threads) threads")
            #expect(report == oneReport)
            #expect(quarantined == oneQuarantine)
            #expect(!timings.filesReadAgain, "the pieces joined up")
        }
    }

    @Test("when several files fail on several cores, the error is the first file's, as on one core")
    func firstFailure() throws {
        // The larger file, read first on several cores, fails too; the first file's error is the one reported.
        let header = "event_id,at,staff_id,system,action,entity_type,entity_id,fields,workstation"
        let rows = (0..<2_000).map { "B\($0),2025-01-06T09:00:00Z,S1,rms,view,person,P1,summary,WS" }
        let fixture = try BundleFixture(["audit_a.csv": "event_id,at,staff_id\nA1,2025-01-06T09:00:00Z,S1\n",
                                         "audit_b.csv": header + "\n" + rows.joined(separator: "\n") + "\n"])
        defer { fixture.remove() }
        let first = BundleError.missingColumns(file: fixture.directory + "/audit_a.csv",
                                               columns: ["system", "action", "entity_type", "entity_id", "fields",
                                                         "workstation", "reason"])
        #expect(throws: first) { _ = try fixture.read() }
        for threads in 2...4 {
            for _ in 0..<3 {
                #expect(throws: first, "\(threads) threads") { _ = try fixture.read(threads: threads, pieceBytes: 1) }
            }
        }
    }

    @Test("when a cut falls inside a quoted field that spans lines, the file is read whole and nothing changes")
    func pieceInsideQuotes() throws {
        let long = (0..<400).map { "line \($0) of a long note" }.joined(separator: "\n")
        var rows = (0..<10).map { "A\($0),2025-01-06T09:0\($0):00Z,S1,rms,view,person,P1,summary,WS," }
        rows.append("B1,2025-01-06T10:00:00Z,S1,rms,view,person,P1,summary,WS,\"\(long)\"")
        rows.append("B2,not a time,S1,rms,view,person,P1,summary,WS,")
        rows += (0..<10).map { "C\($0),2025-01-06T11:0\($0):00Z,S2,rms,view,person,P2,summary,WS," }
        let fixture = try BundleFixture(["audit.csv": csv(auditHeader, rows[0]) + rows.dropFirst().joined(separator: "\n") + "\n"])
        defer { fixture.remove() }
        let (oneReport, one, oneQuarantine, _) = try fixture.read()
        #expect(one.count == 21)
        #expect(oneQuarantine.map(\.line) == [412])
        let (report, events, quarantined, _, timings) = try fixture.timedRead(threads: 2, pieceBytes: 1)
        #expect(timings.filesReadAgain)
        #expect(events == one)
        #expect(report == oneReport)
        #expect(quarantined == oneQuarantine)
    }

    @Test("an unclosed quote that runs to the end of the file, across pieces of blank lines, reads as on one core")
    func unclosedQuoteAcrossPieces() throws {
        let valid = (0..<50).map { "E\($0),2025-01-06T09:\(String(format: "%02d", $0)):00Z,S1,rms,view,person,P1,summary,WS," }
        let text = auditHeader + "\n" + "X1,2025-01-06T09:00:00Z,S1,rms,view,person,P1,summary,WS,\"never closed\n"
            + String(repeating: "\n", count: 4_000) + valid.joined(separator: "\n") + "\n"
        let fixture = try BundleFixture(["audit.csv": text])
        defer { fixture.remove() }
        let (oneReport, one, oneQuarantine, _) = try fixture.read()
        #expect(one.isEmpty, "the unclosed quote takes the rest of the file into one malformed row")
        #expect(oneQuarantine.count == 1)
        for threads in 2...4 {
            let (report, events, quarantined, _) = try fixture.read(threads: threads, pieceBytes: 1)
            #expect(events == one, "\(threads) threads")
            #expect(report == oneReport)
            #expect(quarantined == oneQuarantine)
        }
    }

    @Test("a consumer that fails stops the merge on several cores, its error reaches the caller and the spilled runs go")
    func consumerFailure() throws {
        struct Enough: Error {}
        var rows: [String] = []
        for number in 0..<150_000 {  // many runs of 10,000, so the merge is far from done when the consumer stops
            rows.append("E\(number),2025-01-06T09:\(String(format: "%02d", number % 60)):00Z,S1,rms,view,person,P1,summary,WS,")
        }
        let fixture = try BundleFixture(["audit.csv": csv(auditHeader, rows[0]) + rows.dropFirst().joined(separator: "\n") + "\n",
                                         "audit_2.csv": csv(auditHeader, "X1,2025-01-06T10:00:00Z,S2,rms,view,person,P2,summary,WS,")])
        defer { fixture.remove() }
        let reader = try BundleReader(directory: fixture.directory, quarantine: QuarantineCollector())
        var report = BundleReport()
        let reference = try reader.loadReference(report: &report)
        var stream = reader.auditEvents(reference: reference, runSize: 10_000)
        stream.threads = 2
        let temporary = fixture.directory + "/tmp"
        try FileManager.default.createDirectory(atPath: temporary, withIntermediateDirectories: true)
        stream.temporaryDirectory = temporary
        var seen = 0
        #expect(throws: Enough.self) {
            try stream.forEach(report: &report) { _ in
                seen += 1
                if seen == 20_000 { throw Enough() }
            }
        }
        #expect(seen == 20_000)
        #expect(try FileManager.default.contentsOfDirectory(atPath: temporary).isEmpty, "the spilled runs are removed")
    }

    @Test("identifiers longer than sixteen bytes resolve as well as short ones")
    func longIdentifiers() throws {
        let longStaff = "FORCE-HQ-STAFF-000000000123"
        let longPerson = "NOMINAL-RECORD-2025-000000000456"
        let fixture = try BundleFixture([
            "staff.csv": csv("staff_id,collar_number,display_name,role,team,station,start_date,end_date,home_postcode",
                             "\(longStaff),1,A Long,detective,CID,Aldmere,2015-04-01,,",
                             "S1,2,B Short,detective,CID,Aldmere,2015-04-01,,"),
            "persons.csv": csv("person_id,family_name,given_name,sex,birth_year,postcode,markers",
                               "\(longPerson),Long,Lee,female,1990,,", "P1,Short,Sue,female,1991,,"),
            "rosters.csv": csv("staff_id,start,end,kind"), "person_links.csv": csv("person_id,linked_person_id,relation"),
            "occurrence_persons.csv": csv("occurrence_id,person_id,role"),
            "assignments.csv": csv("occurrence_id,staff_id,role,start,end"),
            "declared_associations.csv": csv("staff_id,person_id,relation,declared_on"),
            "audit.csv": csv(auditHeader,
                             "E1,2025-01-06T09:30:00Z,\(longStaff),rms,view,person,\(longPerson),,WS,",
                             "E2,2025-01-06T09:31:00Z,S1,rms,view,person,P1,,WS,",
                             "E3,2025-01-06T09:32:00Z,\(longStaff)X,rms,view,person,P1,,WS,"),
        ])
        defer { fixture.remove() }
        let (_, events, quarantined, reference) = try fixture.read()
        #expect(events.map(\.staff) == [reference.staffByID[longStaff]!, reference.staffByID["S1"]!])
        #expect(events.map(\.entity) == [reference.personByID[longPerson]!, reference.personByID["P1"]!])
        #expect(quarantined.map(\.field) == ["staff_id"])
    }
}
