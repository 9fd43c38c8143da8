public import CustodesModel

/// How closely a synthetic force's routine work resembles a real force's audit data.
public enum SimulationProfile: String, Sendable, Equatable, CaseIterable {
    /// Almost every access has an occurrence, assignment or tasking behind it: readable, and what the demo shows.
    case tidy
    /// Written as if for a different force, with what real audit data has and `tidy` assumes away: person checks on
    /// patrol and in neighbourhoods with a typed reason and no record, briefings on the station's open occurrences,
    /// analysts' research, many more people with vulnerability markers, rosters that miss more shifts, and offenders
    /// who misuse force terminals off duty rather than connecting from elsewhere. See docs/scenarios.md.
    case realistic
}

/// The size and make-up of a synthetic force. The same configuration and seed always give the same bundle, byte for
/// byte, so that a detection result can be reproduced and compared across changes.
public struct SimulationConfig: Sendable, Equatable {
    /// Members of staff (officers, staff and volunteers).
    public var staff: Int
    /// Days of activity to simulate.
    public var days: Int
    public var seed: UInt64
    /// The first simulated day (midnight UTC).
    public var start: Timestamp
    /// Share of staff made to commit one of the misconduct scenarios (at least one of each when the force is large
    /// enough to hold them and the share is above zero).
    public var misconductShare: Double
    /// Share of staff given a benign pattern that looks like misconduct to a naive rule.
    public var benignShare: Double
    /// Whether to add the faults of a real export: missing and unrostered shifts, duplicate and out-of-order events,
    /// clock skew and the odd malformed row.
    public var noise: Bool
    /// Write the PNC's audit events as JSON Lines (as some exporters do) instead of CSV.
    public var jsonlForPNC: Bool
    /// How much legitimate access has no business link on record (see ``SimulationProfile``).
    public var profile: SimulationProfile

    public init(staff: Int = 500, days: Int = 60, seed: UInt64 = 1,
                start: Timestamp = Timestamp(year: 2025, month: 1, day: 6),
                misconductShare: Double = 0.01, benignShare: Double = 0.01, noise: Bool = true,
                jsonlForPNC: Bool = true, profile: SimulationProfile = .tidy) {
        self.staff = staff
        self.days = days
        self.seed = seed
        self.start = start
        self.misconductShare = misconductShare
        self.benignShare = benignShare
        self.noise = noise
        self.jsonlForPNC = jsonlForPNC
        self.profile = profile
    }

    var realistic: Bool { profile == .realistic }

    /// The instant just after the last simulated day.
    public var end: Timestamp { start.adding(seconds: Int64(days) * Timestamp.day) }
}
