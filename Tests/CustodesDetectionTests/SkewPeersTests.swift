@testable import CustodesDetection
import CustodesModel
import Testing

/// Whom the demographic skew compares a member of staff with: their role, or a team that stands apart from it.
@Suite("Skew peers")
struct SkewPeersTests {
    typealias Counts = SkewPeers.Counts

    /// ``SkewPeers/choose`` with the built-in rule's settings unless a test says otherwise: 200 people of prior, a
    /// team 3 standard deviations apart, at least 8 other people.
    static func choose(user: Counts, team: Counts?, role: Counts, rolePrior: SkewPeers.Prior? = nil,
                       priorPeople: Double = 200, minimumZ: Double = 3, minimumPeople: Int = 8) -> SkewPeers {
        SkewPeers.choose(user: user, team: team, role: role, rolePrior: rolePrior, priorPeople: priorPeople,
                         minimumZ: minimumZ, minimumPeople: minimumPeople)
    }

    @Test("a team whose share stands apart from its role's is the peers, drawn towards the role's")
    func teamApart() {
        // The team's other people: 40 of 160 in the group (25%); the role's others: 40 of 560 (7%).
        let peers = Self.choose(user: Counts(group: 10, total: 10), team: Counts(group: 50, total: 170),
                                role: Counts(group: 50, total: 570))
        #expect(peers.isTeam)
        #expect(peers.group == 50 && peers.total == 170)
        #expect(abs((peers.prior?.share ?? 0) - 40.0 / 560) < 1e-12)
        #expect(peers.prior?.people == 200)
        // The share the skew then measures against: (40 + 200 × 7%) / (160 + 200), about 15%.
        let found = DetectionEngine.skew(10, of: 10, peers: peers.group, of: peers.total, z: 4, excess: 0.15,
                                         minimum: 8, prior: peers.prior.map { ($0.share, $0.people) })
        #expect(abs((found?.peers ?? 0) - (40 + 200 * 40.0 / 560) / 360) < 1e-12)
    }

    @Test("a team at its role's share, a team of the user alone, or the setting at 0: the role is the peers")
    func roleOtherwise() {
        let user = Counts(group: 10, total: 10)
        let role = Counts(group: 50, total: 570)
        // 6 of 70 (9%) is well inside three standard deviations of the role's 7%.
        let near = Self.choose(user: user, team: Counts(group: 16, total: 80), role: role)
        #expect(near == SkewPeers(group: 50, total: 570, prior: nil, isTeam: false))
        let alone = Self.choose(user: user, team: user, role: role)
        #expect(!alone.isTeam)
        let off = Self.choose(user: user, team: Counts(group: 50, total: 170), role: role, priorPeople: 0)
        #expect(!off.isTeam)
        // With no bar to clear, any team with people of its own is the peers.
        #expect(Self.choose(user: user, team: Counts(group: 16, total: 80), role: role, minimumZ: 0).isTeam)
    }

    @Test("a team with fewer other people than the rule's minimum is not the peers, however far apart")
    func teamTooSmall() {
        // Five other people in the team, all young women: about eight standard deviations from the role's 7%, but
        // five people say little.
        let user = Counts(group: 10, total: 10)
        let role = Counts(group: 55, total: 575)
        let team = Counts(group: 15, total: 15)
        #expect(!Self.choose(user: user, team: team, role: role).isTeam)
        #expect(Self.choose(user: user, team: team, role: role, minimumPeople: 5).isTeam)
    }

    @Test("a role with none of the group among its people can still give way to a team that has many")
    func roleShareZero() {
        // The role's others: 0 of 500; the team's others, colleagues in other roles among them: 20 of 100. The skew's
        // own z floors the variance, so the team stands about 20 standard deviations apart instead of dividing by
        // nothing.
        let peers = Self.choose(user: Counts(group: 0, total: 10), team: Counts(group: 20, total: 110),
                                role: Counts(group: 0, total: 510))
        #expect(peers.isTeam)
        #expect(peers.prior?.share == 0)
    }

    @Test("a team below its role's share is the peers too, so a trawl stands out against a team that meets few women")
    func teamBelow() {
        // The user: 12 of 20 people. The role's others: 300 of 1,000 (30%), set by other teams; the team's others:
        // 5 of 200 (2.5%).
        let peers = Self.choose(user: Counts(group: 12, total: 20), team: Counts(group: 17, total: 220),
                                role: Counts(group: 312, total: 1_020))
        #expect(peers.isTeam)
        let byRole = DetectionEngine.skew(12, of: 20, peers: 312, of: 1_020, z: 4, excess: 0.15, minimum: 8)
        let byTeam = DetectionEngine.skew(12, of: 20, peers: peers.group, of: peers.total, z: 4, excess: 0.15,
                                          minimum: 8, prior: peers.prior.map { ($0.share, $0.people) })
        #expect(byRole == nil)
        #expect(byTeam != nil)
    }

    @Test("among details opened the role's share is the role's drawn towards the force's, as before")
    func sensitivePrior() {
        let peers = Self.choose(user: Counts(group: 5, total: 8), team: Counts(group: 45, total: 108),
                                role: Counts(group: 45, total: 208), rolePrior: .init(share: 0.1, people: 20))
        #expect(peers.isTeam)
        #expect(abs((peers.prior?.share ?? 0) - (40 + 0.1 * 20) / (200 + 20)) < 1e-12)
        let byRole = Self.choose(user: Counts(group: 5, total: 8), team: nil, role: Counts(group: 45, total: 208),
                                 rolePrior: .init(share: 0.1, people: 20))
        #expect(byRole == SkewPeers(group: 45, total: 208, prior: .init(share: 0.1, people: 20), isTeam: false))
    }

    @Test("the parts of a split run sum their teams' people as they sum their roles'")
    func partsSumTeams() {
        var first = WeekTallies(), second = WeekTallies()
        first.lookupsByTeam[3] = SkewTally(group: 2, total: 10, sensitiveGroup: 1, sensitiveTotal: 4)
        second.lookupsByTeam[3] = SkewTally(group: 5, total: 7, sensitiveGroup: 0, sensitiveTotal: 2)
        second.lookupsByTeam[4] = SkewTally(group: 1, total: 1)
        first.add(second)
        #expect(first.lookupsByTeam[3].map { [$0.group, $0.total, $0.sensitiveGroup, $0.sensitiveTotal] } == [7, 17, 1, 6])
        #expect(first.lookupsByTeam[4]?.total == 1)
    }

    // MARK: - Through the engine

    /// The young women and men of ``IndicatorTests``, and 28 more detectives in CID: eight in S6's team at South
    /// (staff 7 to 14), twenty at North (staff 15 to 34).
    static func detectiveForce(_ data: inout ReferenceData) {
        IndicatorTests.youngWomenAndMen(&data)
        for number in 0..<28 {
            data.add(Staff(staffID: "D\(number)", collarNumber: "", displayName: "Detective \(number)",
                           role: .detective, team: "CID", station: number < 8 ? "South" : "North",
                           startDate: Timestamp(year: 2015, month: 1, day: 1)))
        }
    }

    /// Detectives: eight more in S6's team (CID at South, staff 7 to 14), each looking at `womenEach` young women
    /// and `menEach` men; twenty at North (staff 15 to 34) who each look at twenty men; and S6's trawl
    /// (``IndicatorTests/womenLookedUp(_:detailsOpened:)``).
    static func detectives(womenEach: Int,
                           menEach: Int) -> (extra: (inout ReferenceData) -> Void, events: [AuditEvent]) {
        let extra: (inout ReferenceData) -> Void = Self.detectiveForce
        var events: [AuditEvent] = []
        func look(_ staff: Int, _ person: Int, _ number: Int) {
            events.append(Fixture.event("D\(staff)-\(person)", Fixture.at(number % 5, 11, number % 60),
                                        staff: StaffIndex(staff), person: PersonIndex(person)))
        }
        for staff in 7..<15 {
            for number in 0..<womenEach { look(staff, 5 + 2 * number, number) }
            for number in 0..<menEach { look(staff, 6 + 2 * number, number) }
        }
        for staff in 15..<35 {
            for number in 0..<20 { look(staff, 6 + 2 * number, number) }
        }
        // S6 looks at ten young women, once each, opening the first three's contact details (a skew needs some).
        events += IndicatorTests.womenLookedUp(10)
        return (extra, events)
    }

    static func rules(teamPrior: Double) -> RuleSet {
        var rules = Fixture.fullPoints
        let index = rules.rules.firstIndex { $0.name == .demographicSkew }!
        rules.rules[index].parameters["team_prior_people"] = teamPrior
        return rules
    }

    func skewHits(_ setup: (extra: (inout ReferenceData) -> Void, events: [AuditEvent]), teamPrior: Double) -> [Hit] {
        Fixture.run(setup.events, rules: Self.rules(teamPrior: teamPrior), extra: setup.extra).hits
            .filter { $0.indicator == .demographicSkew && $0.staff == 5 }
    }

    @Test("a habit the whole team shares is no skew, though it is against the role")
    func teamHabit() {
        // S6's eight teammates each look at twenty young women: 160 of 160, against the role's others 160 of 560.
        let habit = Self.detectives(womenEach: 20, menEach: 0)
        #expect(skewHits(habit, teamPrior: 0).count == 1)
        #expect(skewHits(habit, teamPrior: 200).isEmpty)
        // The summary counts the weekly tests and those made against a team: all 29 detectives here, as both teams
        // stand apart from the role, South's far above its share of young women and North's (none) far below.
        let counted = Fixture.run(habit.events, rules: Self.rules(teamPrior: 200), extra: habit.extra).summary
        #expect(counted.skewTests == 29)
        #expect(counted.skewTestsByTeam == 29)
        // With the role alone S6's skew fires and the loop goes on to the next member of staff: still one test each.
        let byRole = Fixture.run(habit.events, rules: Self.rules(teamPrior: 0), extra: habit.extra).summary
        #expect(byRole.skewTests == 29 && byRole.skewTestsByTeam == 0)
    }

    @Test("a member of staff with too few people whose details were opened is not counted as tested against a team")
    func countsOnlyTestsMade() {
        // Every detective looks at ten young women and ten men, so among all the people no team stands apart (50%).
        // South's eight open the men's contact details, North's twenty the women's: among details opened both teams
        // stand apart. S6 looks at ten young women and opens three more's contact details: too few for that test.
        let extra: (inout ReferenceData) -> Void = Self.detectiveForce
        var events: [AuditEvent] = []
        func look(_ id: String, _ staff: Int, _ person: Int, _ number: Int, contact: Bool) {
            events.append(Fixture.event(id, Fixture.at(number % 5, 11, number % 60), staff: StaffIndex(staff),
                                        person: PersonIndex(person), fields: contact ? [.summary, .contact] : [.summary]))
        }
        for staff in 7..<35 {
            for number in 0..<10 {
                look("W\(staff)-\(number)", staff, 5 + 2 * number, number, contact: staff >= 15)
                look("M\(staff)-\(number)", staff, 6 + 2 * number, number, contact: staff < 15)
            }
        }
        for number in 0..<13 { look("S\(number)", 5, 5 + 2 * number, number, contact: number >= 10) }
        let counted = Fixture.run(events, rules: Self.rules(teamPrior: 200), extra: extra).summary
        #expect(counted.skewTests == 29)
        #expect(counted.skewTestsByTeam == 28)
    }

    @Test("a team apart from its role that still leaves a trawl standing out: said so, without the team's name")
    func teamNotNamed() {
        // The teammates: 5 young women and 15 men each, 25%; the role's others 7%; S6 ten of ten.
        let setup = Self.detectives(womenEach: 5, menEach: 15)
        let byTeam = skewHits(setup, teamPrior: 200)
        #expect(byTeam.count == 1)
        // Not named: with the station, a team narrows the member of staff to a handful of people before anyone has
        // given a reason to see who they are.
        #expect(byTeam.first?.detail.hasSuffix("against 15% expected from their team and their role") == true,
                "\(byTeam.map(\.detail))")
        #expect(byTeam.first?.detail.contains("CID") == false)
        let byRole = skewHits(setup, teamPrior: 0)
        #expect(byRole.first?.detail.hasSuffix("against 7% for peers in the same role") == true,
                "\(byRole.map(\.detail))")
    }
}
