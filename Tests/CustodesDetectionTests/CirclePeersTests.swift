@testable import CustodesDetection
import CustodesModel
import Testing

/// A look at one's own family, friend or neighbour is weighed against peers who make such looks as their job (officers
/// who police the villages they live in); where peers almost never make one, it counts in full from the first.
@Suite("Circle against peers")
struct CirclePeersTests {
    static let officers = 30
    /// Staff 7 onwards: village officers of one team. Persons 5 onwards: each officer's declared friend, then a pool
    /// of forty local people everyone looks up.
    static func village(_ data: inout ReferenceData) {
        let start = Timestamp(year: 2015, month: 1, day: 1)
        for number in 0..<officers {
            data.add(Staff(staffID: "V\(number)", collarNumber: "V\(number)", displayName: "Village \(number)",
                           role: .neighbourhoodOfficer, team: "Vale Neighbourhood", station: "Vale",
                           startDate: start))
            data.add(Person(personID: "F\(number)", familyName: "Friend", givenName: "\(number)", sex: .male,
                            birthYear: 1970))
            data.declaredAssociations.append(
                DeclaredAssociation(staff: StaffIndex(7 + number), person: PersonIndex(5 + number),
                                    relation: .friend, declaredOn: start))
        }
        for number in 0..<40 {
            data.add(Person(personID: "L\(number)", familyName: "Local", givenName: "\(number)", sex: .male,
                            birthYear: 1980))
        }
    }

    /// Three weeks: every officer makes nineteen look-ups of local people a day, and those in `looking` one of their
    /// own friend as well.
    static func events(friendsLookedUpBy looking: Range<Int>) -> [AuditEvent] {
        (0..<21).flatMap { day in
            (0..<officers).flatMap { number -> [AuditEvent] in
                let staff = StaffIndex(7 + number)
                var events = (0..<19).map { look in
                    Fixture.event("L\(day)-\(number)-\(look)", Fixture.at(day, 9, look), staff: staff,
                                  person: PersonIndex(5 + officers + (number + day + look) % 40))
                }
                if looking.contains(number) {
                    events.append(Fixture.event("F\(day)-\(number)", Fixture.at(day, 10), staff: staff,
                                                person: PersonIndex(5 + number)))
                }
                return events
            }
        }
    }

    static func rules(floor: Double) -> RuleSet {
        var rules = RuleSet.standard
        rules.risk.learningWeeks = 0
        let position = rules.rules.firstIndex { $0.name == .selfOrAssociate }!
        rules.rules[position].parameters["peer_rate_floor"] = floor
        return rules
    }

    /// The third week's looks at their own friend by the first officer, as scored.
    static func thirdWeek(looking: Range<Int>, floor: Double = 0.001) -> [Hit] {
        Fixture.run(events(friendsLookedUpBy: looking), rules: rules(floor: floor), extra: village)
            .hits.filter { $0.indicator == .selfOrAssociate && $0.staff == 7 && $0.at >= Fixture.at(14, 0) }
    }

    static let fullPoints = 20 * 0.75

    @Test("where every officer looks up their own friend as often, a look at one's own scores nothing")
    func atPeersRate() {
        #expect(RuleSet.standard.rule(.selfOrAssociate)?.parameter("peer_rate_floor") == 0.001)
        #expect(Self.thirdWeek(looking: 0..<Self.officers).isEmpty)
    }

    @Test("where no other officer looks up their own, the one who does scores in full every day, and says nothing of peers")
    func peersNeverDo() {
        let hits = Self.thirdWeek(looking: 0..<1)
        #expect(hits.count == 7)
        #expect(hits.allSatisfy { $0.points == Self.fullPoints && !$0.detail.contains("of every 10,000") })
    }

    @Test("with the floor at 0 the peers are not asked: every look scores in full")
    func ruleOff() {
        let hits = Self.thirdWeek(looking: 0..<Self.officers, floor: 0)
        #expect(hits.count == 7)
        #expect(hits.allSatisfy { $0.points == Self.fullPoints })
    }

    /// The village with the first officer's friend declared as a partner instead.
    static func villageWithPartner(_ data: inout ReferenceData) {
        village(&data)
        let first = data.declaredAssociations.firstIndex { $0.staff == 7 }!
        data.declaredAssociations[first].relation = .partner
    }

    /// Three weeks and a day of look-ups of local people, with the first officer looking up their own friend (or
    /// partner) on `days` only, under the learning weeks of the standard rules; the first officer's alerts.
    static func learning(friendOn days: [Int], floor: Double = 0.001,
                         extra: (inout ReferenceData) -> Void = CirclePeersTests.village) -> [Alert] {
        var rules = rules(floor: floor)
        rules.risk.learningWeeks = 3
        var events = days.map { Fixture.event("F\($0)", Fixture.at($0, 10), staff: 7, person: 5) }
        // One look a day by every officer at a local person, a different one each day: weeks close, and nobody
        // returns to anyone.
        for day in 0..<22 {
            for number in 0..<officers {
                events.append(Fixture.event("L\(day)-\(number)", Fixture.at(day, 9, number), staff: StaffIndex(7 + number),
                                            person: PersonIndex(5 + officers + (number + day) % 40)))
            }
        }
        return Fixture.run(events, rules: rules, extra: extra).alerts.filter { $0.staffID == "V0" }
    }

    @Test("in the learning weeks a look at one's own friend opens an alert only once the peers' rate is known")
    func learningWeeks() {
        // Two looks in the first week (about 29 points, under the strong threshold): the peers' rate of such looks
        // is not yet known, so they wait as other evidence does, and have faded by the time learning ends.
        #expect(Self.learning(friendOn: [0, 1]).isEmpty)
        // With the floor at 0 the peers are never asked, and the look needs no baseline: it opens on the second day.
        #expect(Self.learning(friendOn: [0, 1], floor: 0).map(\.openedAt) == [Fixture.at(1, 10)])
        // The same looks in the second week, once a week has shown that no other officer looks up their own circle.
        let second = Self.learning(friendOn: [8, 9])
        #expect(second.map(\.openedAt) == [Fixture.at(9, 10)])
        #expect(second.allSatisfy { $0.scoreAtOpen < 30 })
        // A partner needs no baseline at all: one look on the first day opens.
        #expect(Self.learning(friendOn: [0], extra: Self.villageWithPartner).map(\.openedAt) == [Fixture.at(0, 10)])
    }

    /// The village with three more friends declared by the first officer (persons after the local pool).
    static func villageWithFourFriends(_ data: inout ReferenceData) {
        village(&data)
        for extra in 0..<3 {
            data.add(Person(personID: "X\(extra)", familyName: "Friend", givenName: "X\(extra)", sex: .male,
                            birthYear: 1970))
            data.declaredAssociations.append(
                DeclaredAssociation(staff: 7, person: PersonIndex(5 + officers + 40 + extra), relation: .friend,
                                    declaredOn: Timestamp(year: 2015, month: 1, day: 1)))
        }
    }

    /// The first officer's third-week looks at their own circle, when they look up all four friends every day and
    /// every other officer looks up their one friend on the days `othersLook` allows.
    static func fourFriends(othersLook: (Int) -> Bool) -> [Hit] {
        var events = Self.events(friendsLookedUpBy: 0..<1)
        for day in 0..<21 {
            for number in 1..<officers where othersLook(day) {
                events.append(Fixture.event("F\(day)-\(number)", Fixture.at(day, 10), staff: StaffIndex(7 + number),
                                            person: PersonIndex(5 + number)))
            }
            for extra in 0..<3 {
                events.append(Fixture.event("X\(day)-\(extra)", Fixture.at(day, 11, extra), staff: 7,
                                            person: PersonIndex(5 + officers + 40 + extra)))
            }
        }
        return Fixture.run(events, rules: rules(floor: 0.001), extra: villageWithFourFriends)
            .hits.filter { $0.indicator == .selfOrAssociate && $0.staff == 7 && $0.at >= Fixture.at(14, 0) }
    }

    @Test("the looks are weighed per person of the user's circle: four friends looked up as often as others look up one score nothing")
    func circleSize() {
        // Four times the others' looks per access, from a circle four times the role's mean (about 1.1): at their rate.
        #expect(Self.fourFriends { _ in true }.isEmpty)
        // The others look up their friend once a week: four friends every day is seven times as often per person,
        // and scores, saying so.
        let hits = Self.fourFriends { $0 % 7 == 0 }
        #expect(!hits.isEmpty)
        #expect(hits.allSatisfy { $0.detail.contains("for the 4 people of their circle against 1.1 on average") })
    }

    @Test("the peers' rate leaves the user's own looks out: in a small role one user's habit does not set their bar")
    func ownLooksLeftOut() {
        // Ten staff of one role in one team, each making 100 accesses a week; staff 0 looks up their own circle on
        // ten of them, nobody else on any.
        var baseline = PeerBaseline(staffCount: 10, prior: 100, maximumFactor: 3, minimumRatio: 2,
                                    staffTeam: Array(repeating: 0, count: 10),
                                    weighedWithTeam: Array(repeating: false, count: 10),
                                    staffCrew: Array(repeating: 0, count: 10), teamPrior: 100)
        for _ in 0..<2 {
            for access in 0..<100 {
                for staff in 0..<10 {
                    baseline.countAccess(staff: staff, role: 0)
                    if staff == 0, access % 10 == 0 { _ = baseline.weigh(.selfOrAssociate, staff: 0, role: 0) }
                }
            }
            baseline.closeWeek()
        }
        #expect(PeerBaseline.slot(.selfOrAssociate) != PeerBaseline.slot(.sensitiveFields, sensitive: .image))
        #expect(baseline.weigh(.selfOrAssociate, staff: 0, role: 0).peerRate == 0)
        let other = baseline.weigh(.selfOrAssociate, staff: 1, role: 0).peerRate
        #expect(other > 0.005, "the rest of the role sees staff 0's looks: \(other)")
    }
}
