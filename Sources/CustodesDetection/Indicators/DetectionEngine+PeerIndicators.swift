import Foundation
import CustodesModel

/// The distinct people in a skew window: all of them and those in the watched group, and the same among the people
/// whose contact details, address or photograph were opened.
struct SkewTally {
    var group = 0, total = 0
    var sensitiveGroup = 0, sensitiveTotal = 0
    /// The people in the group whose details the user opened or may have (``SkewWindowLookups/Lookup/Details``):
    /// the user's own, not pooled for peers.
    var detailsGroup = 0

    mutating func add(_ other: SkewTally) {
        group += other.group
        total += other.total
        sensitiveGroup += other.sensitiveGroup
        sensitiveTotal += other.sensitiveTotal
    }
}

/// What the peer rules need from every member of staff when a week closes: each active user's unexplained accesses
/// that week and each role's pooled look-ups, and the week's counts for the peer baselines. A run split by member of
/// staff sums its parts' tallies, so each part judges its own staff against all their peers.
struct WeekTallies {
    var unexplainedByRole: [StaffRole: [Int]] = [:]
    /// The same by the team or crew each member of staff is weighed with beside their role (``DetectionEngine/peerGroup(of:)``).
    var unexplainedByGroup: [Int32: [Int]] = [:]
    var lookupsByRole: [StaffRole: SkewTally] = [:]
    /// The same by team (``DetectionContext/staffTeam``), for teams that stand apart from their role (``SkewPeers``).
    var lookupsByTeam: [Int32: SkewTally] = [:]
    /// Women, and people of known sex, among each role's people looked up with no link, for ``VolumeFocus``.
    var sexByRole: [StaffRole: SexTally] = [:]
    /// The same by the peer group each member of staff is weighed with beside their role (``DetectionEngine/peerGroup(of:)``):
    /// a custody suite's detention officers look up the men it detains, as the force's other police staff do not.
    var sexByGroup: [Int32: SexTally] = [:]
    /// The most days each active member of staff returned in full to one person, by role (``RoutineReturns``).
    var returnDaysByRole: [StaffRole: [Int]] = [:]
    /// The same by the team or crew each member of staff is weighed with beside their role.
    var returnDaysByGroup: [Int32: [Int]] = [:]
    var peerCounts: PeerBaseline.RoleCounts?
    /// Each role's median of unexplained accesses in the week and its robust spread, for the volume outlier rule,
    /// from the whole force's counts: worked out once as the week closes (``settled()``), where each part of a split
    /// run sorted every role's counts for itself (a week's close on two threads sorted eight times what one core did).
    private(set) var volumeBaseline: [StaffRole: (median: Double, spread: Double)]?
    /// The same for each team or crew of at least ``minimumGroupMembers`` active members.
    private(set) var groupVolumeBaseline: [Int32: (median: Double, spread: Double)]?
    /// The fewest active members of a team or crew whose week's counts make a baseline of their own.
    static let minimumGroupMembers = 5

    mutating func add(_ other: WeekTallies) {
        volumeBaseline = nil
        groupVolumeBaseline = nil
        for (role, counts) in other.unexplainedByRole { unexplainedByRole[role, default: []].append(contentsOf: counts) }
        for (group, counts) in other.unexplainedByGroup { unexplainedByGroup[group, default: []].append(contentsOf: counts) }
        for (role, pooled) in other.lookupsByRole { lookupsByRole[role, default: SkewTally()].add(pooled) }
        for (team, pooled) in other.lookupsByTeam { lookupsByTeam[team, default: SkewTally()].add(pooled) }
        for (role, pooled) in other.sexByRole { sexByRole[role, default: SexTally()].add(pooled) }
        for (group, pooled) in other.sexByGroup { sexByGroup[group, default: SexTally()].add(pooled) }
        for (role, days) in other.returnDaysByRole { returnDaysByRole[role, default: []].append(contentsOf: days) }
        for (group, days) in other.returnDaysByGroup { returnDaysByGroup[group, default: []].append(contentsOf: days) }
        if let counts = other.peerCounts { peerCounts?.add(counts) }
    }

    /// The tallies with what is worked out from them once all are summed, as ``DetectionEngine/closeWeek(_:tallies:)``
    /// takes them.
    func settled() -> WeekTallies {
        var settled = self
        settled.volumeBaseline = unexplainedByRole.mapValues(Self.robust)
        settled.groupVolumeBaseline = unexplainedByGroup.filter { $0.value.count >= Self.minimumGroupMembers }
            .mapValues(Self.robust)
        return settled
    }

    /// The median of a week's counts and their robust spread (the median absolute deviation, scaled to a normal's
    /// standard deviation, at least 1).
    static func robust(_ counts: [Int]) -> (median: Double, spread: Double) {
        let median = DetectionEngine.median(counts.map(Double.init))
        let deviation = DetectionEngine.median(counts.map { abs(Double($0) - median) })
        return (median, max(1.4826 * deviation, 1))
    }
}

/// The peer rules, run as each week (Monday to Sunday, UTC) closes: a member of staff's unexplained access compared
/// with others in the same role, with robust statistics because access counts are heavily skewed.
extension DetectionEngine {
    /// The team (for a member of staff whose role is under half of it) or crew each member of staff is weighed with
    /// beside their role, as the volume's peers are (``PeerBaseline``): whose people looked up stand beside the
    /// role's in ``VolumeFocus``, and whose week's unexplained accesses beside the role's for the volume outlier.
    /// Nil where teams are not weighed (`risk.team_peer_prior_accesses` 0). Teams and crews are numbered apart: a
    /// team is -1 - its number.
    func peerGroup(of staff: Int) -> Int32? {
        guard context.rules.risk.teamPeerPriorAccesses > 0 else { return nil }
        return context.staffInTeamMinority[staff] ? -1 - context.staffTeam[staff] : context.staffCrew[staff]
    }

    /// Closes a week on this engine's staff alone.
    func closeWeek(_ week: Int64) {
        closeWeek(week, tallies: weekTallies(week).settled())
    }

    /// This engine's part of what the peer rules need as `week` closes; also notes each user's look-ups in the
    /// skew window for `closeWeek(_:tallies:)`.
    func weekTallies(_ week: Int64) -> WeekTallies {
        var tallies = WeekTallies()
        let staffCount = context.reference.staff.count
        if peers.isEnabled { tallies.peerCounts = peers.week }
        if routineReturns.isEnabled {
            (tallies.returnDaysByRole, tallies.returnDaysByGroup) = routineReturns.closeWeek(
                week, roles: context.staffRole, groups: { self.peerGroup(of: $0) }
            ) { self.activities[$0].activeWeek == week }
        }
        if compiled.isEnabled(.volumeOutlier) {
            for staff in 0..<staffCount where activities[staff].activeWeek == week {
                tallies.unexplainedByRole[context.reference.staff[staff].role, default: []]
                    .append(Int(activities[staff].weekUnexplained))
                if let group = peerGroup(of: staff) {
                    tallies.unexplainedByGroup[group, default: []].append(Int(activities[staff].weekUnexplained))
                }
            }
        }
        let skew = compiled.isEnabled(.demographicSkew), focus = tracksVolumeFocus
        if skew || focus {
            let weekEnd = (week + 1) * 7 * 86_400 - 3 * 86_400
            if skew { skewTallies = [SkewTally](repeating: SkewTally(), count: staffCount) }
            if focus { sexTallies = [SexTally](repeating: SexTally(), count: staffCount) }
            // The rule weighs the people looked up, not the look-ups: each person counts once, so an officer's daily
            // returns to the same local people do not drown a trawl of many different women.
            // The engine's sets, taken out for the loop (a class's property checks exclusive access at each insert)
            // and put back for the next week.
            var people = DistinctPeople(), sensitivePeople = DistinctPeople(), detailsPeople = DistinctPeople()
            swap(&people, &distinctPeople)
            swap(&sensitivePeople, &distinctSensitivePeople)
            swap(&detailsPeople, &distinctDetailsPeople)
            defer {
                swap(&people, &distinctPeople)
                swap(&sensitivePeople, &distinctSensitivePeople)
                swap(&detailsPeople, &distinctDetailsPeople)
            }
            for staff in 0..<staffCount where !activities[staff].unexplained.isEmpty {
                var tally = SkewTally()
                var sexes = SexTally()
                people.removeAll()
                sensitivePeople.removeAll()
                detailsPeople.removeAll()
                for item in activities[staff].unexplained.lookups
                where weekEnd - item.at <= compiled.skewWindow && !item.followsAttendance {
                    if item.sensitive, compiled.skewSensitiveZ > 0, sensitivePeople.insert(item.person) {
                        tally.sensitiveTotal += 1
                        if item.inGroup { tally.sensitiveGroup += 1 }
                    }
                    if item.inGroup, item.mayHaveOpenedDetails, compiled.skewDetailsMinimum > 0,
                       detailsPeople.insert(item.person) {
                        tally.detailsGroup += 1
                    }
                    guard people.insert(item.person) else { continue }
                    tally.total += 1
                    if item.inGroup { tally.group += 1 }
                    if focus { sexes.count(item.sex) }
                }
                let role = context.reference.staff[staff].role
                if skew {
                    skewTallies[staff] = tally
                    tallies.lookupsByRole[role, default: SkewTally()].add(tally)
                    if compiled.skewTeamPriorPeople > 0 {
                        tallies.lookupsByTeam[context.staffTeam[staff], default: SkewTally()].add(tally)
                    }
                }
                if focus {
                    sexTallies[staff] = sexes
                    tallies.sexByRole[role, default: SexTally()].add(sexes)
                    if let group = peerGroup(of: staff) { tallies.sexByGroup[group, default: SexTally()].add(sexes) }
                }
            }
        }
        return tallies
    }

    /// Closes `week` with the tallies of every part of the run, summed (and settled, ``WeekTallies/settled()``, or
    /// settled here): fires the peer rules for this engine's staff and moves the peer baselines on.
    func closeWeek(_ week: Int64, tallies: WeekTallies) {
        defer {
            weekEvidence.removeAll(keepingCapacity: true)
            weeksClosed += 1
            if weeksClosed == context.rules.risk.learningWeeks, !dataEnded {
                endLearning(at: Timestamp.startOfWeek(week + 1))
            }
        }
        let staffCount = context.reference.staff.count
        if peers.isEnabled { peers.closeWeek(allParts: tallies.peerCounts) }
        if routineReturns.isEnabled {
            routineReturns.settle(tallies.returnDaysByRole, byGroup: tallies.returnDaysByGroup)
        }
        if tracksVolumeFocus {
            roleSexTallies = tallies.sexByRole
            groupSexTallies = tallies.sexByGroup
        }
        if compiled.isEnabled(.volumeOutlier) {
            let countsByRole = tallies.unexplainedByRole
            let settled = tallies.volumeBaseline == nil ? tallies.settled() : tallies
            let baseline = settled.volumeBaseline ?? [:]
            let groupBaseline = settled.groupVolumeBaseline ?? [:]
            // Grouped by member of staff once, if anyone fires.
            lazy var evidenceByStaff = Dictionary(grouping: weekEvidence, by: \.staff).mapValues { $0.map(\.event) }
            for staff in 0..<staffCount where activities[staff].activeWeek == week {
                let count = Int(activities[staff].weekUnexplained)
                let role = context.reference.staff[staff].role
                guard count >= compiled.volumeMinimum, var (median, spread) = baseline[role] else { continue }
                var peers = "\(countsByRole[role]?.count ?? 0) active peers in the same role"
                // The team's or crew's week where it sets a higher bar, as for every volume indicator: a hub's
                // staff read hundreds of referrals' people a week that the force's other police staff do not.
                if let group = peerGroup(of: staff), let (groupMedian, groupSpread) = groupBaseline[group],
                   groupMedian + compiled.volumeZ * groupSpread > median + compiled.volumeZ * spread {
                    (median, spread) = (groupMedian, groupSpread)
                    let members = settled.unexplainedByGroup[group]?.count ?? 0
                    peers = group < 0 ? "the \(members) active members of their team"
                        : "the \(members) active \(role.plural) they work with"
                }
                guard Double(count) > median + compiled.volumeZ * spread,
                      let evidence = evidenceByStaff[StaffIndex(staff)], let last = evidence.last else { continue }
                record(Hit(indicator: .volumeOutlier, points: compiled.weight(.volumeOutlier), at: last.at,
                           staff: StaffIndex(staff), person: nil, evidence: evidence,
                           detail: "made \(count) unexplained accesses in the week, against a median of "
                           + "\(Self.format(median)) among \(peers)"),
                       event: nil)
            }
        }
        if compiled.isEnabled(.demographicSkew) {
            let weekEnd = (week + 1) * 7 * 86_400 - 3 * 86_400
            let pooled = tallies.lookupsByRole
            let ages = compiled.skewAges
            // With ages unknown (``DetectionContext/skewIgnoresAge``) the group is women of any age, and both tests
            // need `any_age_minimum_z`.
            let women = context.skewIgnoresAge ? "women" : "women aged \(ages.lowerBound)–\(ages.upperBound)"
            let anyAge = context.skewIgnoresAge ? " (of any age: few people on record have a year of birth)" : ""
            let skewZ = context.skewIgnoresAge ? max(compiled.skewZ, compiled.skewAnyAgeZ) : compiled.skewZ
            let sensitiveZ = context.skewIgnoresAge && compiled.skewSensitiveZ > 0
                ? max(compiled.skewSensitiveZ, compiled.skewAnyAgeZ) : compiled.skewSensitiveZ
            let days = compiled.skewWindow / 86_400
            // The force's people whose details were opened, to whose share (without the user's own) a role with few
            // such people is drawn: such look-ups with no link are rare in some roles, and a share from a handful
            // says little.
            let force = pooled.values.reduce(into: SkewTally()) { $0.add($1) }
            // At least one person: with `minimum_lookups` 0 every part of a split run would otherwise test (and count)
            // the staff of every other part too.
            for staff in 0..<skewTallies.count where skewTallies[staff].total >= max(1, compiled.skewMinimum) {
                let tally = skewTallies[staff]
                guard let role = pooled[context.reference.staff[staff].role] else { continue }
                let team = tallies.lookupsByTeam[context.staffTeam[staff]]
                let since = weekEnd - compiled.skewWindow
                // Among all the people looked up with no link; failing that, among those whose contact details,
                // address or photograph were opened, where a trawl hidden in research shows (docs/detection.md).
                // Each against the role's share or, where the team stands apart from its role, the team's
                // (``SkewPeers``). The sentence does not name the team: with the station, a team narrows the member
                // of staff to a handful of people before anyone has given a reason to see who they are.
                var byTeam = false
                defer {
                    counted.skewTests += 1
                    if byTeam { counted.skewTestsByTeam += 1 }
                }
                let peers = SkewPeers.choose(user: .init(group: tally.group, total: tally.total),
                                             team: team.map { .init(group: $0.group, total: $0.total) },
                                             role: .init(group: role.group, total: role.total), rolePrior: nil,
                                             priorPeople: compiled.skewTeamPriorPeople,
                                             minimumZ: compiled.skewTeamZ, minimumPeople: compiled.skewMinimum)
                byTeam = peers.isTeam
                // A skew of women none (or too few) of whose details were opened is research on a group: it needs
                // `minimum_details_people` of them whose contact details, address or photograph the user opened.
                if tally.detailsGroup >= compiled.skewDetailsMinimum,
                   let found = Self.skew(tally.group, of: tally.total, peers: peers.group, of: peers.total,
                                         z: skewZ, exactZ: compiled.skewExactZ, excess: compiled.skewExcess,
                                         minimum: compiled.skewMinimum,
                                         prior: peers.prior.map { ($0.share, $0.people) }) {
                    let against = peers.isTeam ? "expected from their team and their role" : "for peers in the same role"
                    recordSkew(staff, activities[staff].unexplained.latestInGroup(since: since),
                               "\(tally.group) of the \(tally.total) people they looked up with no link in \(days) days "
                               + "were \(women) (\(Self.percent(found.share))), "
                               + "against \(Self.percent(found.peers)) \(against)\(anyAge)")
                    continue
                }
                // Too few people whose details were opened is no test (``skew`` would refuse it), and so no team asked.
                guard sensitiveZ > 0, tally.sensitiveTotal >= compiled.skewMinimum else { continue }
                let forceShare = Self.fraction(force.sensitiveGroup - tally.sensitiveGroup,
                                               of: force.sensitiveTotal - tally.sensitiveTotal)
                let sensitivePeers = SkewPeers.choose(
                    user: .init(group: tally.sensitiveGroup, total: tally.sensitiveTotal),
                    team: team.map { .init(group: $0.sensitiveGroup, total: $0.sensitiveTotal) },
                    role: .init(group: role.sensitiveGroup, total: role.sensitiveTotal),
                    rolePrior: .init(share: forceShare, people: Self.sensitiveSkewPriorPeople),
                    priorPeople: compiled.skewTeamPriorPeople, minimumZ: compiled.skewTeamZ,
                    minimumPeople: compiled.skewMinimum)
                byTeam = byTeam || sensitivePeers.isTeam
                if let found = Self.skew(tally.sensitiveGroup, of: tally.sensitiveTotal,
                                         peers: sensitivePeers.group, of: sensitivePeers.total,
                                         z: sensitiveZ, exactZ: compiled.skewExactZ,
                                         excess: compiled.skewExcess, minimum: compiled.skewMinimum,
                                         prior: sensitivePeers.prior.map { ($0.share, $0.people) }) {
                    let against = sensitivePeers.isTeam ? "their team and their role"
                        : "peers in the same role and the force"
                    recordSkew(staff, activities[staff].unexplained.latestInGroup(since: since, sensitiveOnly: true),
                               "\(tally.sensitiveGroup) of the \(tally.sensitiveTotal) people whose contact details, "
                               + "address or photograph they opened with no link in \(days) days were \(women) "
                               + "(\(Self.percent(found.share))), against "
                               + "\(Self.percent(found.peers)) expected from \(against)\(anyAge)")
                }
            }
        }
    }

    /// The user's share of the group and the peers' share (without the user), when `group` of `total` people stands
    /// `z` binomial standard deviations and `excess` above what the peers' share predicts, and its exact binomial
    /// tail is no more likely than `exactZ` standard deviations of a normal (0: not asked); nil otherwise.
    /// With a `prior`, the peers' share is drawn towards it as if they had looked up that many more people.
    static func skew(_ group: Int, of total: Int, peers peerGroup: Int, of peerTotal: Int, z: Double,
                     exactZ: Double = 0, excess: Double, minimum: Int,
                     prior: (share: Double, people: Double)? = nil) -> (share: Double, peers: Double)? {
        // The peers' share without this member of staff, so one heavy user cannot set their own baseline.
        guard total >= minimum, peerTotal > total else { return nil }
        let prior = prior ?? (0, 0)
        let p0 = (Double(peerGroup - group) + prior.share * prior.people) / (Double(peerTotal - total) + prior.people)
        let share = Double(group) / Double(total)
        guard binomialZ(count: Double(group), of: total, share: p0) >= z, share - p0 >= excess,
              exactZ <= 0 || binomialUpperTail(group, of: total, share: p0) <= normalUpperTail(exactZ) else { return nil }
        return (share, p0)
    }

    /// The chance of `count` or more of `total` when each is in the group with chance `share`: the exact binomial
    /// tail. With few people and a small share the normal approximation behind ``binomialZ(count:of:share:)`` is far
    /// too sure (4 women of 8 people against a share of 7% is 4.8 standard deviations, but happens 1.3 times in a
    /// thousand), so a skew must pass both.
    static func binomialUpperTail(_ count: Int, of total: Int, share: Double) -> Double {
        guard count > 0 else { return 1 }
        guard count <= total, share > 0 else { return 0 }
        guard share < 1 else { return 1 }
        let ratio = share / (1 - share)
        // The first term, C(total, count) share^count (1 - share)^(total - count), in logarithms; each next one from
        // the last.
        var logTerm = Double(count) * log(share) + Double(total - count) * log1p(-share)
        for j in 1...count { logTerm += log(Double(total - count + j) / Double(j)) }
        var term = exp(logTerm)
        var sum = term
        var i = count
        while i < total {
            term *= Double(total - i) / Double(i + 1) * ratio
            i += 1
            sum += term
            // Past the mean the terms only fall; once they stop adding to the sum (or are nothing, a first term too
            // small for a double), the rest cannot either.
            if Double(i) > Double(total) * share && term <= sum * 1e-12 { break }
        }
        return min(sum, 1)
    }

    /// The chance that a normal variable stands `z` or more standard deviations above its mean.
    static func normalUpperTail(_ z: Double) -> Double { 0.5 * erfc(z / 2.0.squareRoot()) }

    /// `group` of `total` as a share; 0 of none.
    static func fraction(_ group: Int, of total: Int) -> Double { total > 0 ? Double(group) / Double(total) : 0 }

    /// How many people the force's share counts for beside a role's own, in the skew among people whose details
    /// were opened.
    static let sensitiveSkewPriorPeople = 20.0

    /// Records a skew with the latest look-up of each person in the group as its evidence, once per new look-up.
    private func recordSkew(_ staff: Int, _ groupItems: [(lookup: SkewWindowLookups.Lookup, event: EvidenceEvent)],
                            _ detail: String) {
        guard let last = groupItems.last?.lookup, last.at > activities[staff].skewFiredAt else { return }
        activities[staff].skewFiredAt = last.at
        record(Hit(indicator: .demographicSkew, points: compiled.weight(.demographicSkew),
                   at: Timestamp(seconds: last.at), staff: StaffIndex(staff), person: nil,
                   evidence: groupItems.suffix(20).map(\.event), detail: detail),
               event: nil)
    }

    /// Whether a person is in the group the skew rule watches: women in the configured age band.
    func inGroup(_ person: PersonIndex, at time: Int64) -> Bool {
        let facts = context.personFacts[Int(person)]
        guard facts.sex == .female else { return false }
        if context.skewIgnoresAge { return true }
        guard facts.birthYear != .min else { return false }
        return compiled.skewAges.contains(Timestamp(seconds: time).year - Int(facts.birthYear))
    }

    /// How many standard deviations `count` of `total` stands above what a share of `share` predicts, as a binomial
    /// count; the share is kept off 0 and 1 so that a role whose people are all of one kind still has a spread.
    static func binomialZ(count: Double, of total: Int, share: Double) -> Double {
        let variance = Double(total) * max(share, 0.01) * max(1 - share, 0.01)
        return (count - Double(total) * share) / variance.squareRoot()
    }

    static func median(_ values: [Double]) -> Double {
        guard !values.isEmpty else { return 0 }
        let sorted = values.sorted()
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }

    static func format(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String((value * 10).rounded() / 10)
    }

    static func percent(_ share: Double) -> String { "\(Int((share * 100).rounded()))%" }
}

/// One of a member of staff's first twenty unexplained accesses of the week (``DetectionEngine/weekEvidence``).
struct WeekEvidence {
    let staff: StaffIndex
    let event: EvidenceEvent
}
