import CustodesBundle
import CustodesModel
import CustodesSimulator
import Foundation
import Testing

/// A simulated bundle in a temporary folder.
struct SimulatedBundle {
    let directory: String
    let summary: SimulationSummary

    init(_ config: SimulationConfig) throws {
        directory = NSTemporaryDirectory() + "custodes-sim-" + UUID().uuidString
        summary = try ForceSimulation(config: config).write(to: directory)
    }

    func remove() { try? FileManager.default.removeItem(atPath: directory) }

    func files() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory).sorted()
    }

    func contents(_ name: String) throws -> Data {
        try Data(contentsOf: URL(fileURLWithPath: directory + "/" + name))
    }

    func read() throws -> (BundleReport, [AuditEvent], [QuarantineEntry], ReferenceData, [TruthRecord]) {
        let sink = QuarantineCollector()
        let reader = try BundleReader(directory: directory, quarantine: sink)
        var report = BundleReport()
        let reference = try reader.loadReference(report: &report)
        var events: [AuditEvent] = []
        try reader.auditEvents(reference: reference).forEach(report: &report) { events.append($0) }
        let truth = try reader.loadTruth(reference: reference, report: &report)
        return (report, events, sink.entries, reference, truth)
    }
}

@Suite("Force simulator")
struct SimulatorTests {
    static let small = SimulationConfig(staff: 300, days: 45, seed: 11)

    @Test("the same seed writes identical bytes; another seed does not")
    func determinism() throws {
        let first = try SimulatedBundle(Self.small)
        let second = try SimulatedBundle(Self.small)
        var other = Self.small
        other.seed = 12
        let third = try SimulatedBundle(other)
        defer { first.remove(); second.remove(); third.remove() }
        let names = try first.files()
        #expect(names == (try second.files()))
        #expect(names.contains("truth.csv") && names.contains("audit_pnc.jsonl") && names.contains("audit_rms.csv"))
        for name in names {
            #expect(try first.contents(name) == second.contents(name), "\(name) differs between runs with one seed")
        }
        #expect(try first.contents("audit_rms.csv") != third.contents("audit_rms.csv"))
    }

    @Test("every scenario is in the truth file, and each first event is a real event of that member of staff")
    func scenariosPresent() throws {
        let bundle = try SimulatedBundle(Self.small)
        defer { bundle.remove() }
        let (_, events, _, reference, truth) = try bundle.read()
        #expect(Set(truth.map(\.scenario)) == Set(Scenario.cast(in: Self.small.profile).map(\.rawValue)))
        #expect(Set(truth.map(\.staffID)).count == truth.count, "each member of staff is cast once")
        let byID = Dictionary(events.map { ($0.eventID, $0) }, uniquingKeysWith: { first, _ in first })
        for record in truth {
            let event = try #require(byID[record.firstEventID], "\(record.scenario): first event missing")
            #expect(reference.staff[Int(event.staff)].staffID == record.staffID)
            #expect(abs(event.at.seconds - record.firstAt.seconds) <= 120, "times agree within clock skew")
            #expect(record.kind == Scenario(rawValue: record.scenario)?.kind)
        }
    }

    @Test("a clean export validates with nothing quarantined and no duplicates")
    func cleanExport() throws {
        var config = Self.small
        config.noise = false
        config.jsonlForPNC = false
        let bundle = try SimulatedBundle(config)
        defer { bundle.remove() }
        let (report, events, quarantined, reference, _) = try bundle.read()
        #expect(quarantined.isEmpty, "\(quarantined.prefix(3).map(\.message))")
        #expect(report.duplicates == 0)
        #expect(events.count == bundle.summary.auditEvents)
        #expect(reference.staff.count == 300)
        #expect(!(try bundle.files()).contains("audit_pnc.jsonl"))
    }

    @Test("a noisy export has duplicates and malformed rows, and loses no real event")
    func noisyExport() throws {
        let bundle = try SimulatedBundle(SimulationConfig(staff: 400, days: 60, seed: 5))
        defer { bundle.remove() }
        let (report, events, quarantined, _, _) = try bundle.read()
        #expect(report.duplicates == bundle.summary.duplicateEvents)
        #expect(report.duplicates > 0)
        #expect(bundle.summary.malformedRows > 0)
        // Malformed rows are extra rows; the one malformed roster row is the other.
        #expect(quarantined.count == bundle.summary.malformedRows + 1)
        #expect(events.count == bundle.summary.auditEvents - bundle.summary.duplicateEvents)
    }

    @Test("the force has every role, joiners and leavers, and roster gaps")
    func forceMakeUp() throws {
        let bundle = try SimulatedBundle(Self.small)
        defer { bundle.remove() }
        let (_, events, _, reference, _) = try bundle.read()
        #expect(Set(reference.staff.map(\.role)) == Set(StaffRole.allCases))
        #expect(reference.staff.contains { $0.endDate != nil })
        #expect(reference.staff.contains { $0.startDate > Self.small.start })
        #expect(reference.rosters.contains { $0.kind == .overtime })
        #expect(Set(reference.occurrences.map(\.category)).isSuperset(of: [.domesticAbuse, .sexualOffence, .custody,
                                                                            .stopCheck, .missingPerson]))
        #expect(Set(events.map(\.system)) == Set(SourceSystem.allCases))
        // Victims of domestic abuse carry the marker.
        let victims = reference.occurrencePersons.filter {
            $0.role == .victim && reference.occurrences[Int($0.occurrence)].category == .domesticAbuse
        }
        #expect(!victims.isEmpty)
        #expect(victims.allSatisfy { reference.persons[Int($0.person)].markers.contains(.domesticAbuseVictim) })
    }

    @Test("without a misconduct or benign share, nobody is cast")
    func noScenarios() throws {
        var config = Self.small
        config.misconductShare = 0
        config.benignShare = 0
        config.days = 10
        let bundle = try SimulatedBundle(config)
        defer { bundle.remove() }
        #expect(bundle.summary.misconductStaff == 0)
        #expect(bundle.summary.benignStaff == 0)
    }

    @Test("the realistic profile: access from force terminals, many marked people, misconduct off duty from force terminals too")
    func realisticProfile() throws {
        var config = Self.small
        config.profile = .realistic
        let bundle = try SimulatedBundle(config)
        defer { bundle.remove() }
        let (_, events, _, reference, truth) = try bundle.read()
        let people = events.filter { $0.entityType == .person }
        let fromTerminals = people.filter { $0.workstation.hasPrefix("WS-") || $0.workstation.hasPrefix("MDT-") }
        #expect(Double(fromTerminals.count) / Double(people.count) >= 0.95)
        let marked = reference.persons.filter { !$0.markers.isEmpty }.count
        #expect(Double(marked) / Double(reference.persons.count) >= 0.15, "\(marked) of \(reference.persons.count) marked")
        // Offenders' evening look-ups come mostly from force terminals: "at a terminal" does not mean "at work".
        let offenders = Set(truth.filter { $0.kind == .misconduct }.compactMap { reference.staffByID[$0.staffID] })
        let evening = people.filter {
            offenders.contains($0.staff) && ($0.at.seconds - $0.at.startOfDay.seconds) >= 19 * 3600
        }
        #expect(!evening.isEmpty)
        #expect(evening.filter { !$0.workstation.hasPrefix("REMOTE-") }.count * 2 > evening.count)
        // Person checks with a typed reason and no occurrence behind them are routine.
        #expect(people.filter { $0.reason == "stop check" || $0.reason == "intel check" }.count > people.count / 50)
        // Misuse hiding inside a link that looks legitimate is cast here, and only here.
        #expect(truth.contains { $0.scenario == Scenario.insideTeamLink.rawValue })
    }
}
