import SQLKit

/// Each report's key, wrapped once for every recipient who may open it: a unit user (`user:12`), the unit's
/// recovery key (`recovery`), a partner account (`partner:3`), the reporter's receipt (`receipt`) and, for reports
/// sealed before any recipient had a key, the deployment key (`deployment`). The store holds only wrapped keys; the
/// wrapping and opening are the server's (`ReportKeyring`).
public enum ReportKeys {
    public struct Wrap: Sendable, Equatable {
        public var recipient: String
        /// The recipient's public key the wrap was made for (empty for the receipt and the deployment key): a wrap
        /// for a key the recipient no longer holds is of no use and is replaced.
        public var publicKey: String
        public var wrappedKey: String

        public init(recipient: String, publicKey: String, wrappedKey: String) {
            self.recipient = recipient
            self.publicKey = publicKey
            self.wrappedKey = wrappedKey
        }
    }

    public static let recovery = "recovery"
    public static let receipt = "receipt"
    public static let deployment = "deployment"
    public static func user(_ id: Int64) -> String { "user:\(id)" }
    public static func partner(_ id: Int64) -> String { "partner:\(id)" }

    /// Adds or replaces the wraps of a report.
    public static func put(_ reportID: Int64, _ wraps: [Wrap], in database: StoreDatabase) async throws {
        guard !wraps.isEmpty else { return }
        try await database.transaction {
            for wrap in wraps {
                try await database.sql.raw("""
                    DELETE FROM portal_report_keys WHERE report_id = \(bind: reportID) AND recipient = \(bind: wrap.recipient)
                    """).run()
                try await database.sql.raw("""
                    INSERT INTO portal_report_keys (report_id, recipient, public_key, wrapped_key) VALUES \
                    (\(bind: reportID), \(bind: wrap.recipient), \(bind: wrap.publicKey), \(bind: wrap.wrappedKey))
                    """).run()
            }
        }
    }

    /// The wrap of a report for one recipient.
    public static func wrap(_ reportID: Int64, for recipient: String, in database: StoreDatabase) async throws -> Wrap? {
        try await database.sql.raw("""
            SELECT recipient, public_key, wrapped_key FROM portal_report_keys \
            WHERE report_id = \(bind: reportID) AND recipient = \(bind: recipient)
            """).first().map(decode)
    }

    public static func wraps(_ reportID: Int64, in database: StoreDatabase) async throws -> [Wrap] {
        try await database.sql.raw("""
            SELECT recipient, public_key, wrapped_key FROM portal_report_keys WHERE report_id = \(bind: reportID) \
            ORDER BY recipient
            """).all().map(decode)
    }

    /// A report `holder` can open that some recipient lacks, or that is still wrapped under the deployment key.
    public struct Shortfall: Sendable {
        public var reportID: Int64
        public var lookup: String
        /// The recipients among those asked about that lack a wrap for their current key.
        public var lacking: [String]
        public var deploymentWrapped: Bool
        /// Whether the reporter holds the key themselves (their receipt, or the partner account that sent it): until
        /// then a report from before keys per recipient keeps its deployment wrap, or its reporter could not read
        /// the unit's replies.
        public var reporterHolds: Bool
    }

    /// The reports `holder` has a wrap for (made for `holderKey`, or sealed under the deployment key only) that some
    /// of `recipients` lack; a recipient who is the member of staff a report is about is never counted as lacking
    /// it. The work of wrapping keys for newcomers.
    public static func missing(holder: String, holderKey: String,
                               recipients: [(recipient: String, publicKey: String, staffID: String?)],
                               in database: StoreDatabase) async throws -> [Shortfall] {
        let rows = try await database.sql.raw("""
            SELECT r.report_id, r.lookup, r.subject_staff_id, k.recipient, k.public_key FROM portal_reports r \
            JOIN portal_report_keys k ON k.report_id = r.report_id \
            WHERE EXISTS (SELECT 1 FROM portal_report_keys h WHERE h.report_id = r.report_id AND \
            ((h.recipient = \(bind: holder) AND h.public_key = \(bind: holderKey)) OR h.recipient = 'deployment')) \
            ORDER BY r.report_id
            """).all()
        var held: [Int64: (lookup: String, subject: String?, wraps: [String: String])] = [:]
        var order: [Int64] = []
        for row in rows {
            let id = try row.decode(column: "report_id", as: Int64.self)
            if held[id] == nil {
                held[id] = (try row.decode(column: "lookup", as: String.self),
                            try row.decode(column: "subject_staff_id", as: String?.self), [:])
                order.append(id)
            }
            held[id]?.wraps[try row.decode(column: "recipient", as: String.self)] =
                try row.decode(column: "public_key", as: String.self)
        }
        return order.compactMap { id in
            guard let report = held[id] else { return nil }
            let lacking = recipients.filter {
                report.wraps[$0.recipient] != $0.publicKey && ($0.staffID == nil || $0.staffID != report.subject)
            }.map(\.recipient)
            let reporterHolds = report.wraps.keys.contains { $0 == receipt || $0.hasPrefix("partner:") }
            let deploymentWrapped = report.wraps[deployment] != nil
            guard !lacking.isEmpty || (deploymentWrapped && reporterHolds && !recipients.isEmpty) else { return nil }
            return Shortfall(reportID: id, lookup: report.lookup, lacking: lacking, deploymentWrapped: deploymentWrapped,
                             reporterHolds: reporterHolds)
        }
    }

    /// Removes the deployment key's wrap of a report once recipients hold it.
    public static func removeDeploymentWrap(_ reportID: Int64, in database: StoreDatabase) async throws {
        try await database.sql.raw("""
            DELETE FROM portal_report_keys WHERE report_id = \(bind: reportID) AND recipient = 'deployment'
            """).run()
    }

    /// Removes one recipient's wrap of a report.
    public static func remove(_ reportID: Int64, for recipient: String, in database: StoreDatabase) async throws {
        try await database.sql.raw("""
            DELETE FROM portal_report_keys WHERE report_id = \(bind: reportID) AND recipient = \(bind: recipient)
            """).run()
    }

    /// Whether any report is wrapped for `recipient`'s key `publicKey` (an older recovery key still holds reports).
    public static func holds(_ recipient: String, publicKey: String, in database: StoreDatabase) async throws -> Bool {
        try await database.sql.raw("""
            SELECT report_id FROM portal_report_keys WHERE recipient = \(bind: recipient) \
            AND public_key = \(bind: publicKey) LIMIT 1
            """).first() != nil
    }

    /// Removes every wrap for a recipient (a user disabled or whose password was reset, whose old key is gone).
    public static func removeAll(for recipient: String, in database: StoreDatabase) async throws {
        try await database.sql.raw("DELETE FROM portal_report_keys WHERE recipient = \(bind: recipient)").run()
    }

    /// The reports no recipient but the deployment key holds: sealed before anyone had a key.
    public static func deploymentOnlyCount(in database: StoreDatabase) async throws -> Int {
        try await database.sql.raw("""
            SELECT COUNT(*) AS n FROM portal_report_keys k WHERE k.recipient = 'deployment' AND NOT EXISTS \
            (SELECT 1 FROM portal_report_keys o WHERE o.report_id = k.report_id AND o.recipient <> 'deployment' \
            AND o.recipient <> 'receipt' AND o.recipient NOT LIKE 'partner:%')
            """).first()?.decode(column: "n", as: Int.self) ?? 0
    }

    static func decode(_ row: any SQLRow) throws -> Wrap {
        Wrap(recipient: try row.decode(column: "recipient", as: String.self),
             publicKey: try row.decode(column: "public_key", as: String.self),
             wrappedKey: try row.decode(column: "wrapped_key", as: String.self))
    }
}
