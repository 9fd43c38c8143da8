import CustodesBundle
import CustodesModel
import Foundation

/// libFuzzer target: a bundle whose one file is the fuzzer's input. The first byte chooses the file (any of the
/// reference files, or the audit file as CSV or JSON Lines); the rest is its content. Every input must end in a
/// report or a `BundleError`, never a crash, a hang or a leak: bad rows are quarantined and reading goes on.
/// Built and run by `scripts/fuzz` (see docs/security.md).

/// A small, valid bundle, as in the bundle tests, which each input changes one file of.
enum Fixture {
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


    static let directory: String = {
        let base = FileManager.default.fileExists(atPath: "/dev/shm") ? "/dev/shm/" : NSTemporaryDirectory()
        let directory = base + "custodes-fuzz-bundle-" + String(getpid())
        try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        return directory
    }()

    static let names = files.keys.sorted() + ["audit.jsonl"]
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzBundle(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size > 0 else { return 0 }
    let choice = Fixture.names[Int(data[0]) % Fixture.names.count]
    let directory = Fixture.directory
    for (name, text) in Fixture.files where name != choice {
        FileManager.default.createFile(atPath: directory + "/" + name, contents: Data(text.utf8))
    }
    let jsonl = directory + "/audit.jsonl"
    if choice == "audit.jsonl" {
        try? FileManager.default.removeItem(atPath: directory + "/audit.csv")
    } else {
        try? FileManager.default.removeItem(atPath: jsonl)
    }
    FileManager.default.createFile(atPath: directory + "/" + choice, contents: Data(bytes: data + 1, count: size - 1))
    let quarantine = QuarantineCollector()
    do {
        let reader = try BundleReader(directory: directory, quarantine: quarantine)
        var report = BundleReport()
        let reference = try reader.loadReference(report: &report)
        var events = 0
        try reader.auditEvents(reference: reference).forEach(report: &report) { _ in events += 1 }
    } catch {
        // A clear error is an acceptable end; only crashes, hangs and leaks are findings.
    }
    return 0
}
