import SQLKit

/// Settings the unit changes in its application (not the deployment's configuration), each with who changed it and
/// when; every change is also in the audit trail, appended by the caller.
public enum UnitSettings {
    public struct Setting: Sendable, Equatable {
        public var value: String
        public var changedBy: String
        public var changedAt: Int64
    }

    /// Days without contact after which an organisation's engagement is overdue.
    public static let engagementOverdueDays = "partners.engagement_overdue_days"
    public static let engagementOverdueDaysDefault = 90

    /// Working days the unit gives itself to acknowledge a report from the portal, and to assess it.
    public static let acknowledgeWorkingDays = "portal.acknowledge_working_days"
    public static let assessWorkingDays = "portal.assess_working_days"
    /// Days a closed report is kept before `custodes retention` deletes it.
    public static let reportRetentionDays = "portal.retention_days"
    public static let reportRetentionDaysDefault = 365
    /// The analysts the unit has for this work, and the hours a week they have for it: the capacity the
    /// capability report and the self-assessment weigh the workload against.
    public static let analysts = "capacity.analysts"
    public static let hoursPerWeek = "capacity.hours_per_week"
    /// Whether analysts may ask for a reveal, for the head of unit to approve ("on" or "off", off by default).
    public static let revealRequests = "reveal.requests"
    /// The public half of the unit's recovery key, whose private half the head of unit keeps on paper.
    public static let recoveryPublicKey = "portal.recovery_public_key"

    /// A whole-number setting, or its default.
    public static func integer(_ name: String, default value: Int, in database: StoreDatabase) async throws -> Int {
        try await setting(name, in: database).flatMap { Int($0.value) } ?? value
    }

    public static func setting(_ name: String, in database: StoreDatabase) async throws -> Setting? {
        try await database.sql.raw("SELECT * FROM unit_settings WHERE name = \(bind: name)").first().map {
            Setting(value: try $0.decode(column: "value", as: String.self),
                    changedBy: try $0.decode(column: "changed_by", as: String.self),
                    changedAt: try $0.decode(column: "changed_at", as: Int64.self))
        }
    }

    public static func set(_ name: String, to value: String, by username: String, at: Int64,
                           in database: StoreDatabase) async throws {
        try await database.transaction {
            if try await setting(name, in: database) == nil {
                try await database.sql.raw("""
                    INSERT INTO unit_settings (name, value, changed_by, changed_at) VALUES (\(bind: name), \
                    \(bind: value), \(bind: username), \(bind: at))
                    """).run()
            } else {
                try await database.sql.raw("""
                    UPDATE unit_settings SET value = \(bind: value), changed_by = \(bind: username), \
                    changed_at = \(bind: at) WHERE name = \(bind: name)
                    """).run()
            }
        }
    }

    /// The engagement period in force: the unit's setting, or the default.
    public static func overdueDays(in database: StoreDatabase) async throws -> Int {
        try await setting(engagementOverdueDays, in: database).flatMap { Int($0.value) } ?? engagementOverdueDaysDefault
    }
}
