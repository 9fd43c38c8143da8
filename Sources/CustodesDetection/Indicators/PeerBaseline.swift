import CustodesModel

/// Each member of staff's recent rate of each peer-relative indicator (see ``IndicatorName/isPeerRelative``) beside the rate of
/// their peers in the same role, both learnt from the force's own data as it streams past, without labels.
///
/// Rates are hits per access to a person (explained accesses included, so a role whose work is mostly explained has
/// a low rate). Counts fade by a fifth each week (a half-life of about three weeks), so a burst after a quiet year
/// is not diluted by the year. The role's rate is the one known when the last week closed: this week's counts join
/// it at the week's close. So the work can be split by member of staff (each part counting its own staff) and the
/// parts' counts summed at each week's close, with the same result as one pass; in the force's first week there is
/// no baseline yet, and volume hits are counted, not scored. A user's rate is shrunk towards the peers': `(hits + k·peer) / (accesses + k)` with
/// `k` the prior in accesses, so five look-ups say little and five hundred say a lot. A peer-relative hit then scores its
/// points times the excess, `user / peer − minimum ratio`, between 0 and the maximum factor.
///
/// A role can span functions: sergeants supervise response, neighbourhood, custody and CID teams, and their habits
/// are their teams'. A member of staff whose role is under half of their team (team and station) is also measured
/// against the rest of the team (their own counts taken out), its rate drawn towards the role's with `teamPrior`
/// accesses, and the higher of the two rates is the peers'. Everyone else is measured in the same way against their
/// crew, the rest of the team's members in their role who mostly work the same kind of case: a role spans units too
/// (a transport unit's constables and a town's response shift are both response officers; an offender management
/// unit's detectives read their nominals' partners as their job). Team and crew counts join at each week's close, as the role's do.
struct PeerBaseline {
    static let volumeIndicators = IndicatorName.allCases.filter(\.isPeerRelative)
    /// Opening contact details, an address or a photograph are different habits: an officer checking an address
    /// at a door is common, one collecting phone numbers is not. Each has a baseline of its own.
    enum SensitiveKind: Int, CaseIterable { case contact, address, image }
    static let weeklyFade = 0.8

    let prior: Double
    let maximumFactor: Double
    let minimumRatio: Double
    private let slots: Int
    private var staffAccesses: [Double]
    private var staffHits: [Double]
    private var roleAccesses: [Double]
    private var roleHits: [Double]
    /// How many accesses at the role's rate the rest of a team's rate is drawn towards (0: the role alone).
    let teamPrior: Double
    private let staffTeam: [Int32]
    /// Whether the member of staff's role is under half of their team: a sergeant among neighbourhood officers does
    /// the team's work, which says more about their habits than the role does across response, custody and CID
    /// (``DetectionContext/staffInTeamMinority``).
    private let weighedWithTeam: [Bool]
    private var teamAccesses: [Double]
    private var teamHits: [Double]
    /// Each member of staff's crew: the members of their team in their role (``WorkingTeams/crew``). Everyone else
    /// is measured against it, the rest of the crew drawn towards the role as the team is: a transport unit's
    /// constables against other transport constables, not against every response officer of the force.
    private let staffCrew: [Int32]
    private var crewAccesses: [Double]
    private var crewHits: [Double]
    /// Each member of staff's counts as they joined their team's and their crew's at the last week's close, to take
    /// out again: a user is not their own peer, and in a small team their own habits would raise the bar they are
    /// measured against.
    private var staffAccessesClosed: [Double]
    private var staffHitsClosed: [Double]
    /// This week's counts by role, not yet in the rates above.
    private(set) var week: RoleCounts

    /// Counts by role, by team and by crew, as the parts of a split run hand them over at a week's close.
    struct RoleCounts {
        var accesses: [Double]
        var hits: [Double]
        var teamAccesses: [Double]
        var teamHits: [Double]
        var crewAccesses: [Double]
        var crewHits: [Double]

        init(slots: Int, teams: Int, crews: Int) {
            accesses = Array(repeating: 0, count: StaffRole.allCases.count)
            hits = Array(repeating: 0, count: StaffRole.allCases.count * slots)
            teamAccesses = Array(repeating: 0, count: teams)
            teamHits = Array(repeating: 0, count: teams * slots)
            crewAccesses = Array(repeating: 0, count: crews)
            crewHits = Array(repeating: 0, count: crews * slots)
        }

        mutating func add(_ other: RoleCounts) {
            for index in accesses.indices { accesses[index] += other.accesses[index] }
            for index in hits.indices { hits[index] += other.hits[index] }
            for index in teamAccesses.indices { teamAccesses[index] += other.teamAccesses[index] }
            for index in teamHits.indices { teamHits[index] += other.teamHits[index] }
            for index in crewAccesses.indices { crewAccesses[index] += other.crewAccesses[index] }
            for index in crewHits.indices { crewHits[index] += other.crewHits[index] }
        }
    }

    init(staffCount: Int, prior: Double, maximumFactor: Double, minimumRatio: Double,
         staffTeam: [Int32] = [], weighedWithTeam: [Bool] = [], staffCrew: [Int32] = [], teamPrior: Double = 0) {
        self.prior = prior
        self.maximumFactor = maximumFactor
        self.minimumRatio = minimumRatio
        slots = Self.volumeIndicators.count + SensitiveKind.allCases.count
        staffAccesses = Array(repeating: 0, count: staffCount)
        staffHits = Array(repeating: 0, count: staffCount * slots)
        roleAccesses = Array(repeating: 0, count: StaffRole.allCases.count)
        roleHits = Array(repeating: 0, count: StaffRole.allCases.count * slots)
        let teams = teamPrior > 0 ? Int(staffTeam.max().map { $0 + 1 } ?? 0) : 0
        self.teamPrior = teams > 0 ? teamPrior : 0
        self.staffTeam = staffTeam
        self.weighedWithTeam = weighedWithTeam
        teamAccesses = Array(repeating: 0, count: teams)
        teamHits = Array(repeating: 0, count: teams * slots)
        let crews = teams > 0 ? Int(staffCrew.max().map { $0 + 1 } ?? 0) : 0
        self.staffCrew = staffCrew
        crewAccesses = Array(repeating: 0, count: crews)
        crewHits = Array(repeating: 0, count: crews * slots)
        staffAccessesClosed = Array(repeating: 0, count: teams > 0 ? staffCount : 0)
        staffHitsClosed = Array(repeating: 0, count: teams > 0 ? staffCount * slots : 0)
        week = RoleCounts(slots: slots, teams: teams, crews: crews)
    }

    var isEnabled: Bool { prior > 0 }

    /// The baseline a hit counts in: one per peer-relative indicator, and for sensitive fields one per kind; and one
    /// for looks at the user's own circle other than a partner (``DetectionEngine/selfOrAssociate``), the last.
    static func slot(_ indicator: IndicatorName, sensitive: SensitiveKind = .contact) -> Int? {
        if indicator == .selfOrAssociate { return volumeIndicators.count + SensitiveKind.allCases.count - 1 }
        guard let position = volumeIndicators.firstIndex(of: indicator) else { return nil }
        // Contact details use the indicator's own slot; addresses and images the two after the indicators'.
        guard indicator == .sensitiveFields, sensitive != .contact else { return position }
        return volumeIndicators.count + sensitive.rawValue - 1
    }

    mutating func countAccess(staff: Int, role: Int) {
        staffAccesses[staff] += 1
        week.accesses[role] += 1
        if teamPrior > 0 {
            week.teamAccesses[Int(staffTeam[staff])] += 1
            if !crewAccesses.isEmpty { week.crewAccesses[Int(staffCrew[staff])] += 1 }
        }
    }

    /// Whose rate a hit was measured against, for the alert's words.
    enum Peers: Equatable {
        /// Others in the same role, force-wide.
        case role
        /// The rest of the team (a role under half of it), above the role's rate.
        case team
        /// The rest of the team's members in the same role, above the role's rate.
        case crew
    }

    /// Counts a volume hit and returns how far the user now stands above their peers: the factor for its points,
    /// the ratio of the rates and whose rate it was, for the alert's words, and the peers' rate itself (hits per
    /// access; 0 before the first week's close).
    mutating func weigh(_ indicator: IndicatorName, staff: Int, role: Int, sensitive: SensitiveKind = .contact)
        -> (factor: Double, ratio: Double, peers: Peers, peerRate: Double) {
        guard let slot = Self.slot(indicator, sensitive: sensitive) else { return (1, 1, .role, 0) }
        staffHits[staff * slots + slot] += 1
        week.hits[role * slots + slot] += 1
        var peerHits = roleHits[role * slots + slot]
        let peerAccesses = roleAccesses[role]
        var peers = Peers.role
        if teamPrior > 0 {
            let team = Int(staffTeam[staff])
            week.teamHits[team * slots + slot] += 1
            let crew = crewAccesses.isEmpty ? -1 : Int(staffCrew[staff])
            if crew >= 0 { week.crewHits[crew * slots + slot] += 1 }
            // The rest of the team's rate (or of the crew's), drawn towards the role's; only ever a higher bar than
            // the role's, and one even where the role has made no such hit at all but the team makes them routinely.
            if peerAccesses > 0, weighedWithTeam[staff] || crew >= 0 {
                let rolePeer = peerHits / peerAccesses
                let byCrew = !weighedWithTeam[staff]
                let groupAccesses = byCrew ? crewAccesses[crew] : teamAccesses[team]
                let groupHits = byCrew ? crewHits[crew * slots + slot] : teamHits[team * slots + slot]
                let accesses = max(0, groupAccesses - staffAccessesClosed[staff])
                let hits = max(0, groupHits - staffHitsClosed[staff * slots + slot])
                let teamPeer = (hits + teamPrior * rolePeer) / (accesses + teamPrior)
                // A crew of one (the user alone in their role in the team) leaves nothing but rounding once their own
                // counts are out: no one to be measured against.
                if accesses >= 1, teamPeer > rolePeer {
                    peerHits = teamPeer * peerAccesses
                    peers = byCrew ? .crew : .team
                }
            }
        }
        let (factor, ratio) = Self.excess(hits: staffHits[staff * slots + slot], accesses: staffAccesses[staff],
                                          peerHits: peerHits, peerAccesses: peerAccesses,
                                          prior: prior, maximumFactor: maximumFactor, minimumRatio: minimumRatio)
        return (factor, ratio, peers, peerRate(peerHits, peerAccesses, peers: peers, staff: staff, slot: slot))
    }

    /// How often the role's members opened contact details, an address or a photograph with no link, per access to a
    /// person, as of the last week's close: 0 where the force's systems never say so (a records system that logs
    /// every view as a summary), and before the first close.
    func detailsRate(role: Int) -> Double {
        let accesses = roleAccesses[role]
        guard accesses > 0 else { return 0 }
        let hits = SensitiveKind.allCases.reduce(0.0) { $0 + roleHits[role * slots + Self.slot(.sensitiveFields, sensitive: $1)!] }
        return hits / accesses
    }

    /// The peers' rate without the user's own counts where they are kept (with teams): in a small role one user's
    /// habit would otherwise set the bar they are measured against. A team's or crew's rate has them out already.
    private func peerRate(_ hits: Double, _ accesses: Double, peers: Peers, staff: Int, slot: Int) -> Double {
        guard peers == .role, !staffAccessesClosed.isEmpty else { return accesses > 0 ? hits / accesses : 0 }
        let others = accesses - staffAccessesClosed[staff]
        return others > 0 ? max(0, hits - staffHitsClosed[staff * slots + slot]) / others : 0
    }

    /// The shrunk rate's excess over the peers' rate. Exposed for the tests that pin the arithmetic.
    static func excess(hits: Double, accesses: Double, peerHits: Double, peerAccesses: Double, prior: Double,
                       maximumFactor: Double, minimumRatio: Double) -> (factor: Double, ratio: Double) {
        // No baseline yet (the first week of a force's data): counted, not scored.
        guard peerAccesses > 0 else { return (0, 1) }
        // A kind of hit the role has not made at all: significant from two hits, and as far above as can be.
        guard peerHits > 0 else {
            return isSignificant(hits: hits, expected: 0) ? (maximumFactor, maximumFactor + minimumRatio) : (0, 1)
        }
        let peer = peerHits / peerAccesses
        let user = (hits + prior * peer) / (accesses + prior)
        let ratio = user / peer
        // A rare hit is many times a rare rate: one look at a partner's record by a response officer, whose peers
        // almost never do it, is sixteen times their rate. Chance gives that; only a count that the peers' rate
        // makes very unlikely scores (see `isSignificant`).
        guard isSignificant(hits: hits, expected: accesses * peer) else { return (0, ratio) }
        return (factor(ratio: ratio, maximumFactor: maximumFactor, minimumRatio: minimumRatio), ratio)
    }

    /// How far a ratio to the peers' rate stands above them: its excess over the minimum ratio, between 0 and the
    /// maximum factor.
    static func factor(ratio: Double, maximumFactor: Double, minimumRatio: Double) -> Double {
        min(max(ratio - minimumRatio, 0), maximumFactor)
    }

    /// The chance of a Poisson count that large, with the peers' rate as its mean, below which a hit scores. A
    /// force of 1,500 staff makes thousands of such comparisons a week, so one in ten thousand, not one in twenty.
    static let significance = 1e-4
    static let minimumHits = 2.0

    /// Whether `hits` is beyond what chance gives a user at the peers' rate: the Poisson tail P(X ≥ hits) below
    /// ``significance`` (with the normal approximation once the mean is large), and never fewer than two hits. Two
    /// look-ups of a kind the role almost never makes count; a busy user's fortieth, where thirty were expected,
    /// does not.
    static func isSignificant(hits: Double, expected: Double) -> Bool {
        guard hits >= minimumHits else { return false }
        guard expected > 0 else { return true }
        if expected >= 30 { return hits >= expected + 3.72 * expected.squareRoot() }
        // The tail is one minus the terms below `hits`; faded counts are fractional, so the count is rounded down.
        let count = Int(hits.rounded(.down))
        if Double(count) > expected + 12 * expected.squareRoot() + 12 { return true }
        var term = pow2(-expected / 0.693_147_180_559_945_3)
        var below = 0.0
        for k in 0..<count {
            below += term
            term *= expected / Double(k + 1)
        }
        return 1 - below < significance
    }

    /// Closes the week: its counts by role (this part's, or the sum of every part's in a split run) join the rates,
    /// and every count fades.
    mutating func closeWeek(allParts: RoleCounts? = nil) {
        let total = allParts ?? week
        for index in roleAccesses.indices { roleAccesses[index] = (roleAccesses[index] + total.accesses[index]) * Self.weeklyFade }
        for index in roleHits.indices { roleHits[index] = (roleHits[index] + total.hits[index]) * Self.weeklyFade }
        for index in teamAccesses.indices { teamAccesses[index] = (teamAccesses[index] + total.teamAccesses[index]) * Self.weeklyFade }
        for index in teamHits.indices { teamHits[index] = (teamHits[index] + total.teamHits[index]) * Self.weeklyFade }
        for index in crewAccesses.indices { crewAccesses[index] = (crewAccesses[index] + total.crewAccesses[index]) * Self.weeklyFade }
        for index in crewHits.indices { crewHits[index] = (crewHits[index] + total.crewHits[index]) * Self.weeklyFade }
        week = RoleCounts(slots: slots, teams: teamAccesses.count, crews: crewAccesses.count)
        for index in staffAccesses.indices { staffAccesses[index] *= Self.weeklyFade }
        for index in staffHits.indices { staffHits[index] *= Self.weeklyFade }
        if teamPrior > 0 {
            staffAccessesClosed = staffAccesses
            staffHitsClosed = staffHits
        }
    }
}
