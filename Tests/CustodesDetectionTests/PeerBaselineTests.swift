@testable import CustodesDetection
import CustodesModel
import Testing

/// Peer baselines: a volume hit scores by how far the user's rate of it stands above their role's, with shrinkage
/// for users with little history.
@Suite("Peer baselines")
struct PeerBaselineTests {
    static let standard = RuleSet.standard.risk

    static func excess(hits: Double, accesses: Double, peerHits: Double = 1_000,
                       peerAccesses: Double = 10_000) -> (factor: Double, ratio: Double) {
        PeerBaseline.excess(hits: hits, accesses: accesses, peerHits: peerHits, peerAccesses: peerAccesses,
                            prior: standard.peerPriorAccesses, maximumFactor: standard.peerMaximumFactor,
                            minimumRatio: standard.peerMinimumRatio)
    }

    @Test("a user at the peers' rate scores nothing; one at four times it, over plenty of accesses, scores")
    func excessOverPeers() {
        let atPeerRate = Self.excess(hits: 100, accesses: 1_000)
        #expect(atPeerRate.factor == 0)
        #expect(abs(atPeerRate.ratio - 1) < 1e-9)
        let fourTimes = Self.excess(hits: 400, accesses: 1_000)
        #expect(fourTimes.factor > 1 && fourTimes.ratio > 3.5)
        // Twice the rate is within what chance gives among many peers doing the same work: no points yet.
        #expect(Self.excess(hits: 200, accesses: 1_000).factor == 0)
        // Far above: capped.
        #expect(Self.excess(hits: 1_000, accesses: 1_000).factor == Self.standard.peerMaximumFactor)
    }

    @Test("a count scores only when the peers' rate makes it very unlikely: two rare look-ups do, forty of thirty expected do not")
    func significance() {
        #expect(PeerBaseline.isSignificant(hits: 2, expected: 0.001), "a kind of look-up the role almost never makes")
        #expect(!PeerBaseline.isSignificant(hits: 1, expected: 0), "one is never enough")
        #expect(!PeerBaseline.isSignificant(hits: 2, expected: 0.75))
        #expect(!PeerBaseline.isSignificant(hits: 5, expected: 1), "P(X ≥ 5 | 1) is about 0.004")
        #expect(PeerBaseline.isSignificant(hits: 8, expected: 1), "P(X ≥ 8 | 1) is about 0.00001")
        #expect(!PeerBaseline.isSignificant(hits: 40, expected: 30))
        #expect(PeerBaseline.isSignificant(hits: 60, expected: 30))
    }

    @Test("five look-ups say little: a user with five, all hits, is shrunk to near the peers' rate")
    func shrinkage() {
        let five = Self.excess(hits: 5, accesses: 5)
        #expect(five.factor == 0, "five of five is ratio \(five.ratio) after shrinkage")
        let fiveHundred = Self.excess(hits: 500, accesses: 500)
        #expect(fiveHundred.factor == Self.standard.peerMaximumFactor, "the same rate over 500 accesses")
    }

    @Test("streaming: among forty peers at one rate, only the member of staff at five times it gets points")
    func streaming() {
        var baseline = PeerBaseline(staffCount: 41, prior: Self.standard.peerPriorAccesses,
                                    maximumFactor: Self.standard.peerMaximumFactor,
                                    minimumRatio: Self.standard.peerMinimumRatio)
        var factors = [Double](repeating: 0, count: 41)
        // Four weeks: each peer makes 100 person accesses a week, 5 of them at marked people; staff 40 makes 25.
        for _ in 0..<4 {
            for access in 0..<100 {
                for staff in 0..<41 {
                    baseline.countAccess(staff: staff, role: 0)
                    let rate = staff == 40 ? 4 : 20
                    if access % rate == 0 {
                        factors[staff] = baseline.weigh(.vulnerablePerson, staff: staff, role: 0).factor
                    }
                }
            }
            baseline.closeWeek()
        }
        #expect(factors[40] > 1, "five times the peers' rate: \(factors[40])")
        #expect(factors[0..<40].allSatisfy { $0 == 0 })
        // An indicator scored in full is not weighed against peers.
        #expect(baseline.weigh(.repeatLookups, staff: 0, role: 0).factor == 1)
    }

    @Test("a sergeant among neighbourhood officers is weighed against the rest of the team; one among sergeants is not")
    func teamPeers() {
        // Team 0: nine neighbourhood officers (role 0) and sergeant 9; team 1: twenty sergeants (role 1), 10 to 29.
        // The officers open a contact in one access in five, the sergeants of team 1 in one in fifty. Sergeant 9 and
        // sergeant 10 both do it in one in five.
        let teams: [Int32] = Array(repeating: 0, count: 10) + Array(repeating: 1, count: 20)
        let roles = Array(repeating: 0, count: 9) + Array(repeating: 1, count: 21)
        // Only sergeant 9's role is under half of their team. Crews as detection makes them (team and role): the
        // team's constables, its sergeant alone, and team 1's sergeants; the sergeant is still weighed by the team.
        let minority = (0..<30).map { $0 == 9 }
        let crews: [Int32] = Array(repeating: 0, count: 9) + [1] + Array(repeating: 2, count: 20)
        func factors(teamPrior: Double) -> (inTeam: Double, amongSergeants: Double, byTeam: Bool) {
            var baseline = PeerBaseline(staffCount: 30, prior: Self.standard.peerPriorAccesses,
                                        maximumFactor: Self.standard.peerMaximumFactor,
                                        minimumRatio: Self.standard.peerMinimumRatio, staffTeam: teams,
                                        weighedWithTeam: minority, staffCrew: crews, teamPrior: teamPrior)
            var factor = [Double](repeating: 0, count: 30)
            var byTeam = false
            for _ in 0..<4 {
                for access in 0..<100 {
                    for staff in 0..<30 {
                        baseline.countAccess(staff: staff, role: roles[staff])
                        let every = staff < 11 ? 5 : 50
                        if access % every == 0 {
                            let weighed = baseline.weigh(.sensitiveFields, staff: staff, role: roles[staff])
                            factor[staff] = weighed.factor
                            if staff == 9 { byTeam = weighed.peers == .team }
                        }
                    }
                }
                baseline.closeWeek()
            }
            return (factor[9], factor[10], byTeam)
        }
        let withTeam = factors(teamPrior: Self.standard.teamPeerPriorAccesses)
        #expect(withTeam.inTeam == 0 && withTeam.byTeam, "at the rate of the rest of their team")
        #expect(withTeam.amongSergeants > 1, "four times the sergeants' rate, in a team of sergeants")
        let roleAlone = factors(teamPrior: 0)
        #expect(roleAlone.inTeam > 1 && !roleAlone.byTeam, "against sergeants alone: \(roleAlone.inTeam)")
        #expect(roleAlone.amongSergeants == withTeam.amongSergeants)
    }

    @Test("a constable of a unit whose constables all work that way is weighed against them; one on a town shift is not")
    func crewPeers() {
        // Team 0: ten response officers of a transport unit (0 to 9), who open a contact in one access in five; team
        // 1: twenty response officers of a town's shift (10 to 29), one in fifty, but for officer 10, one in five.
        // Every one of them is in the majority of their team, so the crew (team and role) is what counts.
        let teams: [Int32] = Array(repeating: 0, count: 10) + Array(repeating: 1, count: 20)
        func factors(crews: Bool, teamPrior: Double = Self.standard.teamPeerPriorAccesses)
            -> (inUnit: Double, onShift: Double, peers: PeerBaseline.Peers) {
            var baseline = PeerBaseline(staffCount: 30, prior: Self.standard.peerPriorAccesses,
                                        maximumFactor: Self.standard.peerMaximumFactor,
                                        minimumRatio: Self.standard.peerMinimumRatio, staffTeam: teams,
                                        weighedWithTeam: Array(repeating: false, count: 30),
                                        staffCrew: crews ? teams : [], teamPrior: teamPrior)
            var factor = [Double](repeating: 0, count: 30)
            var peers = PeerBaseline.Peers.role
            for _ in 0..<4 {
                for access in 0..<100 {
                    for staff in 0..<30 {
                        baseline.countAccess(staff: staff, role: 0)
                        if access % (staff < 11 ? 5 : 50) == 0 {
                            let weighed = baseline.weigh(.sensitiveFields, staff: staff, role: 0)
                            factor[staff] = weighed.factor
                            if staff == 0 { peers = weighed.peers }
                        }
                    }
                }
                baseline.closeWeek()
            }
            return (factor[0], factor[10], peers)
        }
        let withCrews = factors(crews: true)
        #expect(withCrews.inUnit == 0 && withCrews.peers == .crew, "at the rate of the rest of the unit")
        // Officer 10's shift is below the role's rate, so the role's is the bar, as without crews.
        #expect(withCrews.onShift > 0, "above every response officer's rate")
        let roleAlone = factors(crews: false)
        #expect(roleAlone.inUnit > 0 && roleAlone.peers == .role, "against every response officer: \(roleAlone.inUnit)")
        #expect(roleAlone.onShift == withCrews.onShift)
        // A crew of three whose one busy member (officer 0) would, with their own counts left in, raise the bar
        // they are measured against: with them taken out, the crew's rate is the role's, and the role is the bar.
        var lone = PeerBaseline(staffCount: 30, prior: Self.standard.peerPriorAccesses,
                                maximumFactor: Self.standard.peerMaximumFactor,
                                minimumRatio: Self.standard.peerMinimumRatio,
                                staffTeam: Array(repeating: 0, count: 3) + Array(repeating: 1, count: 27),
                                weighedWithTeam: Array(repeating: false, count: 30),
                                staffCrew: Array(repeating: 0, count: 3) + Array(repeating: 1, count: 27),
                                teamPrior: Self.standard.teamPeerPriorAccesses)
        var busy: (factor: Double, ratio: Double, peers: PeerBaseline.Peers) = (0, 0, .role)
        for _ in 0..<4 {
            for access in 0..<100 {
                for staff in 0..<30 {
                    lone.countAccess(staff: staff, role: 0)
                    if access % (staff == 0 ? 5 : 50) == 0 {
                        let weighed = lone.weigh(.sensitiveFields, staff: staff, role: 0)
                        if staff == 0 { busy = (weighed.factor, weighed.ratio, weighed.peers) }
                    }
                }
            }
            lone.closeWeek()
        }
        #expect(busy.peers == .role && busy.factor > 1, "officer 0 against the role: \(busy)")
        // The prior at 0 weighs against the role alone, crews or not.
        let off = factors(crews: true, teamPrior: 0)
        #expect(off.inUnit == roleAlone.inUnit && off.peers == .role)
    }

    @Test("the rules file reads and writes the peer settings, and 0 turns baselines off")
    func rulesFile() throws {
        var rules = RuleSet.standard
        rules.risk.peerPriorAccesses = 0
        rules.risk.peerMinimumRatio = 3
        let parsed = try RuleSet.parse(rules.yaml, file: "rules.yaml")
        #expect(parsed.risk.peerPriorAccesses == 0 && parsed.risk.peerMinimumRatio == 3)
        #expect(throws: RulesError.self) {
            try RuleSet.parse(rules.yaml.replacingOccurrences(of: "peer_minimum_ratio: 3", with: "peer_minimum_ratio: 0.5"),
                              file: "rules.yaml")
        }
    }

    @Test("a role's rate of details opened is what its members' contact, address and image hits add to, and 0 where none")
    func detailsRate() {
        // Role 0 opens an address on one access in twenty and a contact on one in twenty; role 1 never opens any.
        var baseline = PeerBaseline(staffCount: 2, prior: 100, maximumFactor: 3, minimumRatio: 2)
        for access in 0..<200 {
            for staff in 0..<2 {
                baseline.countAccess(staff: staff, role: staff)
                if staff == 0, access % 20 == 0 { _ = baseline.weigh(.sensitiveFields, staff: 0, role: 0, sensitive: .address) }
                if staff == 0, access % 20 == 10 { _ = baseline.weigh(.sensitiveFields, staff: 0, role: 0, sensitive: .contact) }
            }
        }
        #expect(baseline.detailsRate(role: 0) == 0, "nothing before the week's close")
        baseline.closeWeek()
        #expect(abs(baseline.detailsRate(role: 0) - 0.1) < 1e-9)
        #expect(baseline.detailsRate(role: 1) == 0)
    }
}
