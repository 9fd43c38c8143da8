import CustodesBundle
import CustodesModel
import Foundation
import Testing

/// A small, valid bundle written to a temporary folder, with any file replaceable, so each test states only the
/// rows it is about.
struct BundleFixture {
    let directory: String

    static let files: [String: String] = [
        "staff.csv": """
            staff_id,collar_number,display_name,role,team,station,start_date,end_date,home_postcode
            S1,1001,Alex Example,response_officer,Response A,Aldmere,2015-04-01,,CX1 0AA
            S2,1002,Sam Example,detective,CID,Aldmere,2012-09-01,,

            """,
        "rosters.csv": """
            staff_id,start,end,kind
            S1,2025-01-06T07:00:00Z,2025-01-06T17:00:00Z,duty

            """,
        "persons.csv": """
            person_id,family_name,given_name,sex,birth_year,postcode,markers
            P1,Testperson,Ann,female,1990,CX2 0AB,domestic_abuse_victim
            P2,Testperson,Bob,male,1988,CX2 0AB,

            """,
        "person_links.csv": """
            person_id,linked_person_id,relation
            P1,P2,ex_partner

            """,
        "occurrences.csv": """
            occurrence_id,category,opened_at,closed_at,station
            O1,domestic_abuse,2025-01-06T08:00:00Z,2025-01-20T12:00:00Z,Aldmere

            """,
        "occurrence_persons.csv": """
            occurrence_id,person_id,role
            O1,P1,victim
            O1,P2,suspect

            """,
        "assignments.csv": """
            occurrence_id,staff_id,role,start,end
            O1,S1,officer_in_case,2025-01-06T09:00:00Z,2025-01-20T12:00:00Z

            """,
        "declared_associations.csv": """
            staff_id,person_id,relation,declared_on
            S2,P2,friend,2020-05-01

            """,
        "audit.csv": """
            event_id,at,staff_id,system,action,entity_type,entity_id,fields,workstation,reason
            E1,2025-01-06T09:30:00Z,S1,rms,view,person,P1,summary;contact,WS-1,
            E2,2025-01-06T09:35:00Z,S1,pnc,search,person,P2,identity,WS-1,case work
            E3,2025-01-06T10:00:00Z,S2,rms,view,occurrence,O1,,WS-2,

            """,
    ]

    /// Writes the default bundle with `overrides` replacing (or, with nil, removing) files.
    init(_ overrides: [String: String?] = [:]) throws {
        directory = NSTemporaryDirectory() + "custodes-test-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        var contents = Self.files.mapValues { Optional($0) }
        for (name, text) in overrides { contents[name] = text }
        for (name, text) in contents {
            guard let text else { continue }
            try Data(text.utf8).write(to: URL(fileURLWithPath: directory + "/" + name))
        }
    }

    func remove() { try? FileManager.default.removeItem(atPath: directory) }

    /// Reads the whole bundle, returning the report, the events in the order the stream gave them, and the
    /// quarantined rows.
    /// With `threads` above 1, files are read on that many cores and the runs merged on a thread of their own;
    /// `pieceBytes` is then the smallest piece a file may be cut into.
    func read(runSize: Int = 1_000_000, threads: Int = 1, pieceBytes: Int? = nil) throws
        -> (BundleReport, [AuditEvent], [QuarantineEntry], ReferenceData) {
        let (report, events, quarantined, reference, _) = try timedRead(runSize: runSize, threads: threads,
                                                                         pieceBytes: pieceBytes)
        return (report, events, quarantined, reference)
    }

    /// The same, with the stream's timings (which say whether the pieces joined up).
    func timedRead(runSize: Int = 1_000_000, threads: Int = 1, pieceBytes: Int? = nil) throws
        -> (BundleReport, [AuditEvent], [QuarantineEntry], ReferenceData, AuditStreamTimings) {
        let sink = QuarantineCollector()
        let reader = try BundleReader(directory: directory, quarantine: sink)
        var report = BundleReport()
        let reference = try reader.loadReference(report: &report)
        var events: [AuditEvent] = []
        var stream = reader.auditEvents(reference: reference, runSize: runSize)
        stream.threads = threads
        if let pieceBytes { stream.minimumPieceBytes = pieceBytes }
        let timings = try stream.forEach(report: &report) { events.append($0) }
        return (report, events, sink.entries, reference, timings)
    }
}

extension BundleFixture {
    /// Reads the whole bundle in `lanes` lanes (``AuditEventStream/forEachLane(report:lanes:_:)``), taking from
    /// the lanes in turn a few events at a time, as threads would; returns the report and each lane's events.
    func readLanes(runSize: Int = 1_000_000, threads: Int, lanes: Int) throws -> (BundleReport, [[AuditEvent]]) {
        let reader = try BundleReader(directory: directory, quarantine: QuarantineCollector())
        var report = BundleReport()
        let reference = try reader.loadReference(report: &report)
        var stream = reader.auditEvents(reference: reference, runSize: runSize)
        stream.threads = threads
        var events = [[AuditEvent]](repeating: [], count: lanes)
        try stream.forEachLane(report: &report, lanes: lanes) { given in
            while given.contains(where: { $0.nextTime != nil }) {
                for (lane, source) in given.enumerated() {
                    for _ in 0..<7 where source.nextTime != nil {
                        let time = source.nextTime
                        let event = try source.take()
                        #expect(event.at == time)
                        events[lane].append(event)
                    }
                }
            }
        }
        return (report, events)
    }
}

/// Rows under a header, for brevity in tests.
func csv(_ header: String, _ rows: String...) -> String {
    ([header] + rows).joined(separator: "\n") + "\n"
}

let auditHeader = "event_id,at,staff_id,system,action,entity_type,entity_id,fields,workstation,reason"

/// Numbers from a fixed seed (a 64-bit linear congruential generator), so that a randomised test that fails fails
/// again the same way. Each test target that needs it has this copy: targets share no test code.
struct SeededNumbers {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    /// The next number below `bound`.
    mutating func next(_ bound: UInt64) -> UInt64 {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return (state >> 33) % bound
    }
}
