import CustodesBundle
import CustodesModel

/// One simulated access, before it is written.
struct SimulatedAccess {
    var eventID: String
    var at: Timestamp
    var staff: Int
    var system: SourceSystem
    var action: AuditAction
    var entityType: EntityType
    var entityID: String
    var fields: FieldSet
    var workstation: String
    var reason: String
}

/// The audit logs of the force's systems as they would be exported: one file per system, each written in time order
/// except for the faults a real export has. Events are held until the day they belong to is complete, then written.
///
/// Faults (when noise is on): each system's clock is a little off; a small share of events arrive late, out of order;
/// some are delivered twice; and now and then an extra malformed row appears (a truncated line, a local-format time,
/// an unknown member of staff, an unknown system). Malformed rows are extra rows, so no real access is lost and the
/// ground truth stays complete.
final class AuditLog {
    private var pending: [SimulatedAccess] = []
    private var lateDeliveries: [SimulatedAccess] = []
    private var counters = [Int](repeating: 0, count: SourceSystem.allCases.count)
    private var writers: [SourceSystem: AuditFileWriter] = [:]
    private var random: SeededRandom
    private let noise: Bool
    private let staffIDs: [String]
    private(set) var written = 0
    private(set) var malformedWritten = 0
    private(set) var duplicatesWritten = 0

    /// Clock error of each system, in seconds (noise only).
    private static let skew: [SourceSystem: Int64] = [.pnc: 40, .commandControl: -25, .custody: 70]

    init(directory: String, config: SimulationConfig, staffIDs: [String]) throws(BundleError) {
        random = SeededRandom(seed: config.seed, stream: 3)
        noise = config.noise
        self.staffIDs = staffIDs
        for system in SourceSystem.allCases {
            let jsonl = system == .pnc && config.jsonlForPNC
            let name = "audit_\(system.rawValue)." + (jsonl ? "jsonl" : "csv")
            writers[system] = try AuditFileWriter(path: directory + "/" + name, jsonl: jsonl)
        }
    }

    /// Records an access and returns its event id.
    @discardableResult
    func record(at: Timestamp, staff: Int, system: SourceSystem, action: AuditAction, entityType: EntityType,
                entityID: String, fields: FieldSet, workstation: String, reason: String = "") -> String {
        let slot = SourceSystem.allCases.firstIndex(of: system)!
        counters[slot] += 1
        let prefix = switch system {
        case .rms: "RMS"
        case .pnc: "PNC"
        case .pnd: "PND"
        case .commandControl: "CAD"
        case .intelligence: "INT"
        case .custody: "CUS"
        }
        let id = prefix + "-" + String(100_000_000 + counters[slot]).dropFirst()
        pending.append(SimulatedAccess(eventID: id, at: at, staff: staff, system: system, action: action,
                                       entityType: entityType, entityID: entityID, fields: fields,
                                       workstation: workstation, reason: reason))
        return id
    }

    /// Writes every held event that happened before `cutoff`.
    func flush(before cutoff: Timestamp) throws(BundleError) {
        pending.sort { $0.at != $1.at ? $0.at < $1.at : $0.eventID < $1.eventID }
        let ready = pending.prefix { $0.at < cutoff }
        var deliveries = Array(ready)
        pending.removeFirst(ready.count)
        if noise {
            deliveries.append(contentsOf: lateDeliveries)
            lateDeliveries.removeAll()
            var kept: [SimulatedAccess] = []
            kept.reserveCapacity(deliveries.count)
            for access in deliveries {
                let draw = random.unit()
                if draw < 0.004 {
                    lateDeliveries.append(access)  // delivered with the next batch, out of order
                    continue
                }
                kept.append(access)
                if draw < 0.006 {
                    lateDeliveries.append(access)  // and again later: a duplicate
                    duplicatesWritten += 1
                }
            }
            deliveries = kept
        }
        for access in deliveries {
            try write(access)
            if noise && random.chance(1.0 / 20_000) { try writeMalformed(like: access) }
        }
    }

    /// Writes everything still held.
    func finish() throws(BundleError) {
        try flush(before: Timestamp(seconds: .max))
        for access in lateDeliveries { try write(access) }
        lateDeliveries.removeAll()
        for system in SourceSystem.allCases { try writers[system]!.close() }
    }

    private func write(_ access: SimulatedAccess) throws(BundleError) {
        let skew = noise ? Self.skew[access.system] ?? 0 : 0
        try writers[access.system]!.write(access, staffID: staffIDs[access.staff], skew: skew)
        written += 1
    }

    private func writeMalformed(like access: SimulatedAccess) throws(BundleError) {
        var broken = access
        broken.eventID += "-X"
        let writer = writers[access.system]!
        malformedWritten += 1
        switch random.int(0...3) {
        case 0: try writer.writeTruncated(broken, staffID: staffIDs[access.staff])
        case 1: try writer.writeLocalTime(broken, staffID: staffIDs[access.staff])
        case 2: try writer.write(broken, staffID: "S999999", skew: 0)
        default: try writer.write(broken, staffID: staffIDs[access.staff], skew: 0, systemName: "niche_legacy")
        }
    }
}

/// One system's audit file, as CSV or JSON Lines.
final class AuditFileWriter {
    private let csv: CSVWriter
    private var file: BufferedFileWriter { csv.file }
    private let jsonl: Bool
    private var fieldText: [UInt16: String] = [:]

    init(path: String, jsonl: Bool) throws(BundleError) {
        csv = try CSVWriter(path: path)
        self.jsonl = jsonl
        if !jsonl {
            file.append(BundleFile.audit.columns.joined(separator: ","))
            try file.newline()
        }
    }

    func write(_ access: SimulatedAccess, staffID: String, skew: Int64, systemName: String? = nil) throws(BundleError) {
        let at = access.at.adding(seconds: skew)
        let values: [String] = [access.eventID, "", staffID, systemName ?? access.system.rawValue,
                                access.action.rawValue, access.entityType.rawValue, access.entityID,
                                fields(access.fields), access.workstation, access.reason]
        if jsonl {
            file.append(UInt8(ascii: "{"))
            for (index, column) in BundleFile.audit.columns.enumerated() {
                if index > 0 { file.append(UInt8(ascii: ",")) }
                file.append(UInt8(ascii: "\""))
                file.append(column)
                file.append("\":\"")
                if index == 1 { file.append(at) } else { appendJSONEscaped(values[index]) }
                file.append(UInt8(ascii: "\""))
            }
            file.append(UInt8(ascii: "}"))
        } else {
            for (index, value) in values.enumerated() {
                if index > 0 { file.append(UInt8(ascii: ",")) }
                if index == 1 { file.append(at) } else { csv.append(value) }
            }
        }
        try file.newline()
    }

    func writeTruncated(_ access: SimulatedAccess, staffID: String) throws(BundleError) {
        if jsonl {
            file.append("{\"event_id\":\"\(access.eventID)\",\"at\":\"")
            file.append(access.at)
            file.append("\",\"staff_id\":\"\(staffID)")
        } else {
            file.append("\(access.eventID),")
            file.append(access.at)
            file.append(",\(staffID),\(access.system.rawValue)")
        }
        try file.newline()
    }

    func writeLocalTime(_ access: SimulatedAccess, staffID: String) throws(BundleError) {
        let iso = access.at.iso8601
        let local = "\(iso.dropFirst(8).prefix(2))/\(iso.dropFirst(5).prefix(2))/\(iso.prefix(4)) \(iso.dropFirst(11).prefix(5))"
        let values = [access.eventID, local, staffID, access.system.rawValue, access.action.rawValue,
                      access.entityType.rawValue, access.entityID, fields(access.fields), access.workstation,
                      access.reason]
        if jsonl {
            let pairs = zip(BundleFile.audit.columns, values).map { "\"\($0)\":\"\($1)\"" }
            file.append("{" + pairs.joined(separator: ",") + "}")
        } else {
            file.append(values.joined(separator: ","))
        }
        try file.newline()
    }

    func close() throws(BundleError) { try file.close() }

    private func fields(_ set: FieldSet) -> String {
        if let text = fieldText[set.rawValue] { return text }
        let text = set.fields.map(\.rawValue).joined(separator: ";")
        fieldText[set.rawValue] = text
        return text
    }

    private func appendJSONEscaped(_ value: String) {
        for byte in value.utf8 {
            switch byte {
            case UInt8(ascii: "\""): file.append("\\\"")
            case UInt8(ascii: "\\"): file.append("\\\\")
            case 0..<0x20: file.append("\\u00" + String(byte, radix: 16).leftPadded(2))
            default: file.append(byte)
            }
        }
    }
}

extension String {
    func leftPadded(_ width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}
