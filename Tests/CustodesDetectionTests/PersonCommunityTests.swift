@testable import CustodesDetection
import CustodesModel
import Testing

/// The person-centred baseline: a person many colleagues look up without a link (a circulated name, an investigation
/// without a link on record) makes a repeated look-up of them say less; a person one member of staff returns to alone
/// does not.
@Suite("Person community")
struct PersonCommunityTests {
    /// P6, in no occurrence, is looked up by S1 with no link on six days (the 8th to the 13th of January).
    static let lonePerson: PersonIndex = 5
    /// The built-in rules' threshold: how many other colleagues make a person widely looked up.
    static let threshold = RuleSet.standard.risk.sharedPersonColleagues

    /// Staff at North who look nobody up, so that North is a town's station (of more than four times the
    /// threshold) and the force's count of colleagues, not a share of a small station's staff, is what is tested.
    static let bystanders = 4 * threshold

    /// Adds P6, `colleagues` more response officers at North and `bystanders` more after them.
    static func force(colleagues: Int, bystanders: Int = bystanders) -> (inout ReferenceData) -> Void {
        { data in
            data.add(Person(personID: "P6", familyName: "Looked", givenName: "Lou", sex: .male, birthYear: 1980))
            for index in 0..<colleagues {
                data.add(Staff(staffID: "C\(index)", collarNumber: "C\(index)", displayName: "Col League",
                               role: .responseOfficer, team: "Response B", station: "North",
                               startDate: Timestamp(year: 2015, month: 1, day: 1)))
            }
            for index in 0..<bystanders {
                data.add(Staff(staffID: "B\(index)", collarNumber: "B\(index)", displayName: "By Stander",
                               role: .responseOfficer, team: "Response C", station: "North",
                               startDate: Timestamp(year: 2015, month: 1, day: 1)))
            }
        }
    }

    /// S1's six looks at P6 and, on the 7th, one look by each colleague (staff indices from 7), none with a link.
    static func events(colleagues: Int) -> [AuditEvent] {
        var events = (2...7).map { Fixture.event("E\($0)", Fixture.at($0, 10), staff: 0, person: lonePerson) }
        for index in 0..<colleagues {
            events.append(Fixture.event("C\(index)", Fixture.at(1, 9, index), staff: StaffIndex(7 + index),
                                        person: lonePerson))
        }
        return events
    }

    static func repeatHit(colleagues: Int, bystanders: Int = bystanders, rules: RuleSet = Fixture.fullPoints)
        throws -> Hit {
        let run = Fixture.run(events(colleagues: colleagues), rules: rules,
                              extra: force(colleagues: colleagues, bystanders: bystanders))
        return try #require(run.hits.first { $0.indicator == .repeatLookups && $0.staff == 0 })
    }

    @Test("a person 25 colleagues looked up without a link in the window before keeps a quarter of a repeated look-up's points")
    func widelyLookedUpPersonScoresLess() throws {
        let hit = try Self.repeatHit(colleagues: 25)
        #expect(hit.points == RuleSet.standard.rules.first { $0.name == .repeatLookups }!.weight / 4)
        #expect(hit.sharedSubject)
        let days = RuleSet.standard.risk.sharedPersonDays
        #expect(hit.detail.hasSuffix("; 25 colleagues also looked them up with no link in the \(days) days before, so it counts a quarter"))
    }

    @Test("a person fewer colleagues opened than the threshold is scored in full")
    func fewColleaguesChangeNothing() throws {
        let hit = try Self.repeatHit(colleagues: Self.threshold - 1)
        #expect(hit.points == RuleSet.standard.rules.first { $0.name == .repeatLookups }!.weight)
        #expect(!hit.sharedSubject)
        #expect(!hit.detail.contains("colleagues"))
    }

    @Test("at a station of nine staff three colleagues make a local name, and the sentence says why; two do not")
    func smallStationLocalName() throws {
        // North without bystanders: S1 to S5, S7 and the colleagues. With three, nine staff: a quarter of the other
        // eight is two, under the fewest (three), so three is enough; with two colleagues, two are not.
        let shared = try Self.repeatHit(colleagues: 3, bystanders: 0)
        #expect(shared.sharedSubject)
        #expect(shared.points == RuleSet.standard.rules.first { $0.name == .repeatLookups }!.weight / 4)
        #expect(shared.detail.hasSuffix("; 3 colleagues also looked them up with no link in the "
                                        + "\(RuleSet.standard.risk.sharedPersonDays) days before, many beside the 9 staff "
                                        + "of their own station, so it counts a quarter"))
        #expect(try !Self.repeatHit(colleagues: 2, bystanders: 0).sharedSubject)
        // With the station's share off, only the force's count (eight) makes a local name.
        var rules = Fixture.fullPoints
        rules.risk.sharedPersonStationShare = 0
        #expect(try !Self.repeatHit(colleagues: 3, bystanders: 0, rules: rules).sharedSubject)
    }

    @Test("the colleagues that make a local name: a quarter of a small station's other staff, never under three nor over the force's count")
    func colleaguesByStation() {
        let sizes = [9, 21, 29, 30, 300]
        let staffStation = sizes.enumerated().flatMap { station, size in Array(repeating: Int32(station), count: size) }
        let first = sizes.indices.map { station in StaffIndex(sizes[..<station].reduce(0, +)) }
        let community = PersonCommunity(days: 28, colleagues: 8, stationShare: 0.25, staffStation: staffStation)
        #expect(first.map { community.colleagues(for: $0) } == [3, 5, 7, 8, 8])
        #expect(first.map { community.stationSize(of: $0) } == [9, 21, 29, 30, 300])
        let forceWide = PersonCommunity(days: 28, colleagues: 8, staffStation: staffStation)
        #expect(first.map { forceWide.colleagues(for: $0) } == [8, 8, 8, 8, 8])
        // A share whose product is a hair over a whole number in doubles (0.28 × 25) is not rounded up past it.
        let hair = PersonCommunity(days: 28, colleagues: 8, stationShare: 0.28,
                                   staffStation: Array(repeating: 0, count: 26))
        #expect(hair.colleagues(for: 0) == 7)
        #expect(forceWide.stationSize(of: 0) == nil)
    }

    /// `colleagues` colleagues look `person` up with no link on the 2nd; then `staff` looks on the 3rd and the 4th.
    static func circleRun(staff: StaffIndex, person: PersonIndex, colleagues: Int)
        -> (hits: [Hit], alerts: [Alert]) {
        var events = (0..<colleagues).map {
            Fixture.event("C\($0)", Fixture.at(1, 9, $0), staff: StaffIndex(7 + $0), person: person)
        }
        events += [Fixture.event("E1", Fixture.at(2, 10), staff: staff, person: person),
                   Fixture.event("E2", Fixture.at(3, 10), staff: staff, person: person)]
        let run = Fixture.run(events, extra: force(colleagues: colleagues))
        return (run.hits.filter { $0.indicator == .selfOrAssociate && $0.staff == staff }, run.alerts)
    }

    @Test("a relative or neighbour many colleagues read without a link counts a quarter, and two looks open no alert")
    func widelyLookedUpRelative() {
        // P4 shares S1's surname and home postcode: the circle at other_relation_share (15 points), then a quarter.
        let shared = Self.circleRun(staff: 0, person: 3, colleagues: 25)
        #expect(shared.hits.map(\.points) == [3.75, 3.75])
        #expect(shared.hits.allSatisfy { $0.sharedSubject })
        #expect(shared.hits.first?.detail.hasSuffix("colleagues also looked them up with no link in the "
                                                    + "\(RuleSet.standard.risk.sharedPersonDays) days before, so it counts a quarter") == true)
        #expect(shared.alerts.isEmpty)
        // Read by fewer colleagues than the threshold, the same two looks open an alert, as before.
        let alone = Self.circleRun(staff: 0, person: 3, colleagues: Self.threshold - 1)
        #expect(alone.hits.map(\.points) == [15, 15])
        #expect(alone.alerts.map(\.staff) == [0])
    }

    @Test("daily looks at a widely read relative, alone, open no alert: a quarter look is not one's own circle")
    func widelyLookedUpRelativeAlone() {
        // Only the circle fires (repeats off): eight days of 3.75 points reach 22.7 of risk, over the threshold, but
        // a look that counts a quarter is no longer enough on its own, as a look at one's own circle is.
        var rules = Fixture.fullPoints
        let repeats = rules.rules.firstIndex { $0.name == .repeatLookups }!
        rules.rules[repeats].enabled = false
        var events = (0..<25).map {
            Fixture.event("C\($0)", Fixture.at(1, 9, $0), staff: StaffIndex(7 + $0), person: 3)
        }
        events += (2...9).map { Fixture.event("E\($0)", Fixture.at($0, 10), staff: 0, person: 3) }
        let run = Fixture.run(events, rules: rules, extra: Self.force(colleagues: 25))
        let circle = run.hits.filter { $0.indicator == .selfOrAssociate && $0.staff == 0 }
        #expect(circle.count == 8 && circle.allSatisfy { $0.sharedSubject })
        #expect(run.alerts.isEmpty)
    }

    @Test("a declared ex-partner many colleagues read keeps the full points: the pursuit the unit looks for")
    func widelyLookedUpExPartnerInFull() {
        // P5 is S6's declared ex-partner.
        let run = Self.circleRun(staff: 5, person: 4, colleagues: 25)
        #expect(run.hits.map(\.points) == [20, 20])
        #expect(!run.hits.contains { $0.sharedSubject })
        #expect(run.alerts.map(\.staff) == [5])
    }

    @Test("with shared_person_days at 0 the community is off")
    func switchedOff() throws {
        var rules = Fixture.fullPoints
        rules.risk.sharedPersonDays = 0
        let hit = try Self.repeatHit(colleagues: 25, rules: rules)
        #expect(!hit.sharedSubject)
    }

    @Test("the community counts other staff on the window's days before the hit's day, and forgets older days")
    func window() {
        let community = PersonCommunity(days: 7, colleagues: 2)
        let person: PersonIndex = 3
        let first = [PersonCommunity.key(person, 1), PersonCommunity.key(person, 2), PersonCommunity.key(person, 1)]
        community.closeDay(100, lookups: first)
        let second = [PersonCommunity.key(4, 9), PersonCommunity.key(person, 3)]
        community.closeDay(101, lookups: second)
        #expect(community.others(of: person, besides: 1, on: 102) == 2)
        #expect(community.others(of: person, besides: 9, on: 102) == 3)
        #expect(community.widelyLookedUp(person, besides: 1, on: 102) == 2)
        // Day 101's look-ups are not yet part of day 101's picture: a day counts once it has closed.
        #expect(community.others(of: person, besides: 9, on: 101) == 2)
        #expect(community.others(of: person, besides: 9, on: 108) == 1)
        #expect(community.others(of: person, besides: 9, on: 109) == 0)
        // A closed day forgets what has left the window, with the time a look may wait to be weighed to spare.
        let none: [Int64] = [PersonCommunity.key(7, 7)]
        community.closeDay(115, lookups: none)
        #expect(community.others(of: person, besides: 9, on: 108) == 1)
        community.closeDay(116, lookups: none)
        #expect(community.others(of: person, besides: 9, on: 108) == 0)
    }

    @Test("a look weighed days after its day closed, when its session ended, counts the colleagues of its own day")
    func lateDecision() {
        let community = PersonCommunity(days: 7, colleagues: 2)
        community.closeDay(100, lookups: [PersonCommunity.key(3, 1), PersonCommunity.key(3, 2)])
        community.closeDay(107, lookups: [PersonCommunity.key(7, 7)])
        // An off-roster look of day 107, weighed on day 108 or at the week's close: both colleagues of day 100 are
        // inside its seven days before.
        #expect(community.others(of: 3, besides: 9, on: 107) == 2)
        #expect(community.widelyLookedUp(3, besides: 9, on: 107) == 2)
    }

    @Test("a colleague who looks again keeps the person shared for the window after their last look, counted once")
    func lastLookCounts() {
        let community = PersonCommunity(days: 7, colleagues: 2)
        let person: PersonIndex = 3
        community.closeDay(100, lookups: [PersonCommunity.key(person, 1), PersonCommunity.key(person, 2)])
        community.closeDay(104, lookups: [PersonCommunity.key(person, 2), PersonCommunity.key(person + 1, 2),
                                          PersonCommunity.key(person - 1, 5)])
        #expect(community.others(of: person, besides: 9, on: 105) == 2)
        #expect(community.others(of: person, besides: 9, on: 109) == 1)
        #expect(community.others(of: person, besides: 9, on: 111) == 1)
        #expect(community.others(of: person, besides: 9, on: 112) == 0)
        #expect(community.others(of: person + 1, besides: 9, on: 105) == 1)
        #expect(community.others(of: person - 1, besides: 5, on: 105) == 0)
    }

    @Test("a community answers as a plain record of every look-up would, over random days, repeats, shards and late looks")
    func matchesAPlainRecord() {
        // A small generator with a fixed seed, so a failure repeats.
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        let window = 5
        let whole = PersonCommunity(days: window, colleagues: 2)
        let split = PersonCommunity(days: window, colleagues: 2, shards: 3)
        var record: [PersonIndex: [(staff: StaffIndex, day: Int64)]] = [:]
        for day in Int64(300)..<Int64(340) where next(4) != 0 {
            // Some days close with no look-ups at all, some never close, and a pair can come back on any later day.
            let lists: [[Int64]] = (0..<2).map { _ in
                (0..<next(30)).map { _ in PersonCommunity.key(PersonIndex(next(12)), StaffIndex(next(9))) }
            }
            for key in lists.joined() {
                record[PersonIndex(key >> 32), default: []].append((StaffIndex(key & 0xFFFF_FFFF), day))
            }
            whole.closeDay(day, lookups: Array(lists.joined()))
            for shard in 0..<3 { split.closeDay(day, lookups: lists, shard: shard) }
            // Asked the day after, or as late as a look waiting for its session can be weighed.
            for asked in [day + 1, day - PersonCommunity.decisionLag + 1] {
                for person in PersonIndex(0)..<12 {
                    for staff in StaffIndex(0)..<9 {
                        let plain = Set((record[person] ?? []).filter {
                            $0.staff != staff && $0.day >= asked - Int64(window) && $0.day < asked
                        }.map(\.staff)).count
                        #expect(whole.others(of: person, besides: staff, on: asked) == plain)
                        #expect(split.others(of: person, besides: staff, on: asked) == plain)
                    }
                }
            }
        }
    }

    @Test("a community in shards, each closed on its own, answers as one")
    func shards() {
        let whole = PersonCommunity(days: 7, colleagues: 2)
        let split = PersonCommunity(days: 7, colleagues: 2, shards: 3)
        let lists: [[Int64]] = [(0..<40).map { PersonCommunity.key(PersonIndex($0 % 7), StaffIndex($0)) },
                                (0..<25).map { PersonCommunity.key(PersonIndex($0 % 5), StaffIndex(100 + $0)) }]
        let all = lists.flatMap { $0 }
        whole.closeDay(200, lookups: all)
        for shard in 0..<3 { split.closeDay(200, lookups: lists, shard: shard) }
        for person in 0..<8 {
            #expect(whole.others(of: PersonIndex(person), besides: 3, on: 201)
                    == split.others(of: PersonIndex(person), besides: 3, on: 201))
        }
        #expect(split.others(of: 0, besides: 3, on: 201) == 11)
    }

    @Test("look-ups a link explains do not count: a busy case's victim is not a shared subject")
    func explainedLookUpsDoNotCount() throws {
        // The 25 colleagues become S2's team-mates on O1's case (assigned to it), and look at its victim P1.
        let run = Fixture.run((2...4).map { Fixture.event("E\($0)", Fixture.at($0, 10), staff: 5, person: 0) }
                              + (0..<25).map { Fixture.event("C\($0)", Fixture.at(1, 9, $0), staff: StaffIndex(7 + $0),
                                                             person: 0) },
                              extra: { data in
                                  Self.force(colleagues: 25)(&data)
                                  for index in 0..<25 {
                                      data.assignments.append(Assignment(occurrence: 0, staff: StaffIndex(7 + index),
                                                                         role: .investigator, start: Fixture.at(0, 9),
                                                                         end: Fixture.at(14, 12)))
                                  }
                              })
        let hit = try #require(run.hits.first { $0.indicator == .repeatLookups })
        #expect(!hit.sharedSubject)
    }

    @Test("hits on a widely looked-up person do not show the user returning to one person")
    func sharedHitsAreNoReturn() {
        var ledger = RiskLedger()
        for day in 0..<3 {
            var hit = Hit(indicator: .repeatLookups, points: 4, at: Fixture.at(day, 10), staff: 0, person: 1,
                          evidence: [], detail: "")
            hit.sharedSubject = true
            ledger.add(hit, halfLife: 10, window: 30 * 86_400)
        }
        #expect(!ledger.hasReturnedPerson)
        ledger.add(Hit(indicator: .repeatLookups, points: 4, at: Fixture.at(4, 10), staff: 0, person: 1, evidence: [],
                       detail: ""), halfLife: 10, window: 30 * 86_400)
        ledger.add(Hit(indicator: .repeatLookups, points: 4, at: Fixture.at(5, 10), staff: 0, person: 1, evidence: [],
                       detail: ""), halfLife: 10, window: 30 * 86_400)
        #expect(ledger.hasReturnedPerson)
    }

    @Test("a run split over two parts gives the same alerts as one engine: the parts share who opened whom",
          arguments: [threshold - 1, 25])
    func splitRunAgrees(colleagues: Int) {
        let context = Fixture.context(extra: Self.force(colleagues: colleagues))
        let events = Self.events(colleagues: colleagues).sorted(by: AuditEvent.timeOrder)
        let single = DetectionEngine(context: context, pseudonymiser: Pseudonymiser(key: Fixture.key))
        single.process(events)
        let split = PartitionedDetection(context: context, pseudonymiser: Pseudonymiser(key: Fixture.key), parts: 2)
        split.process(events)
        let alerts = single.finish()
        #expect(alerts == split.finish())
        // Six days of returning to one person alert; with 25 colleagues (half of them in each part) they do not.
        #expect(alerts.count == (colleagues < Self.threshold ? 1 : 0))
    }

    /// Split by lanes (the stream's runs split by member of staff), the same alerts again, whether the lanes' staff
    /// make one part each (each part taking its own lane) or two (each lane merged a day ahead into its parts' lists).
    @Test("a run taken from lanes a day at a time gives the same alerts as one engine", arguments: [2, 4])
    func lanesAgree(parts: Int) throws {
        let context = Fixture.context(extra: Self.force(colleagues: Self.threshold - 1))
        let events = Self.events(colleagues: Self.threshold - 1).sorted(by: AuditEvent.timeOrder)
        let single = DetectionEngine(context: context, pseudonymiser: Pseudonymiser(key: Fixture.key))
        single.process(events)
        let split = PartitionedDetection(context: context, pseudonymiser: Pseudonymiser(key: Fixture.key),
                                         parts: parts, threads: 2)
        var progress: [Int] = []
        try split.run(lanes: (0..<2).map { lane in ArrayLane(events.filter { Int($0.staff) % 2 == lane }) },
                      progressInterval: 1) { progress.append($0) }
        let alerts = single.finish()
        #expect(alerts.count == 1)
        #expect(alerts == split.finish())
        #expect(split.summary == single.summary)
        #expect(progress.last == events.count)
    }

    /// With a lane per part, each part takes its own lane as it works: a lane that is empty, one whose first event
    /// comes weeks after the others', and a day of more events than a part takes at a time all give one engine's
    /// alerts and summary; so do they when the next day's events are taken ahead at every day's end (on one thread,
    /// and on two whatever their timing), including a day of more than is taken ahead.
    @Test("a lane per part that is empty, begins weeks later or holds more than a batch a day gives one engine's alerts",
          arguments: [(2, false), (1, true), (2, true)])
    func lanePerPartEdges(threads: Int, takesAheadAlways: Bool) throws {
        let colleagues = Self.threshold - 1
        let context = Fixture.context(extra: Self.force(colleagues: colleagues))
        // Lane 0 of 3 (staff 0): the repeated look-ups, and a day of more look-ups than a batch, and than a part
        // takes ahead; lane 1 (staff 7): only from day 30, weeks later; lane 2: nothing.
        var events = (2...8).map { Fixture.event("E\($0)", Fixture.at($0, 10), staff: 0, person: Self.lonePerson) }
        let most = PartitionedDetection.mostAhead
        #expect(most > PartitionedDetection.laneBatch)
        events += (0...most).map { Fixture.event("B\($0)", Fixture.at(9, 8).adding(seconds: Int64($0)), staff: 0,
                                                 person: Self.lonePerson) }
        events += (30...32).map { Fixture.event("L\($0)", Fixture.at($0, 11), staff: 7, person: Self.lonePerson) }
        events.sort(by: AuditEvent.timeOrder)
        let single = DetectionEngine(context: context, pseudonymiser: Pseudonymiser(key: Fixture.key))
        single.process(events)
        let split = PartitionedDetection(context: context, pseudonymiser: Pseudonymiser(key: Fixture.key),
                                         parts: 3, threads: threads)
        split.takesAheadAlways = takesAheadAlways
        try split.run(lanes: (0..<3).map { lane in ArrayLane(events.filter { Int($0.staff) % 3 == lane }) })
        let alerts = single.finish()
        #expect(!alerts.isEmpty)
        #expect(alerts == split.finish())
        #expect(split.summary == single.summary)
        #expect(split.summary.events == events.count)
    }

    /// The events of 25 colleagues and one member of staff in time order, and a run split into `parts`.
    static func splitRun(parts: Int, threads: Int) -> (events: [AuditEvent], split: PartitionedDetection) {
        let context = Fixture.context(extra: force(colleagues: 25))
        return (events(colleagues: 25).sorted(by: AuditEvent.timeOrder),
                PartitionedDetection(context: context, pseudonymiser: Pseudonymiser(key: Fixture.key), parts: parts,
                                     threads: threads))
    }

    @Test("a lane that cannot be read on stops the run with its error", arguments: [2, 4])
    func laneFailure(parts: Int) throws {
        let (events, split) = Self.splitRun(parts: parts, threads: 2)
        let lanes = [ArrayLane(events.filter { $0.staff % 2 == 0 }),
                     ArrayLane(events.filter { $0.staff % 2 == 1 }, failingAt: 3)]
        #expect(throws: ArrayLane.Failure.self) { try split.run(lanes: lanes) }
        // The run stopped with the day the failure came in: the other lane's later days were never taken.
        #expect(lanes[0].nextTime != nil)
        split.abandon()
        #expect(!split.hasRunUnderWay)
    }

    /// With a lane per part on one thread the parts take their day in order: once part 0's lane has failed, part 1
    /// takes nothing more of its lane, as the run is over.
    @Test("after a lane per part fails, the other parts stop rather than work through the day")
    func lanePerPartStopsAfterFailure() throws {
        let (events, split) = Self.splitRun(parts: 2, threads: 1)
        let odd = events.filter { $0.staff % 2 == 1 }
        let lanes = [ArrayLane(events.filter { $0.staff % 2 == 0 }, failingAt: 0), ArrayLane(odd)]
        #expect(throws: ArrayLane.Failure.self) { try split.run(lanes: lanes) }
        #expect(lanes[1].nextTime == odd.first?.at)
        split.abandon()
    }

    /// A lane that fails while its next day's events are taken ahead stops the run with its error, before the next
    /// day, and no other lane is taken ahead after it.
    @Test("a lane that fails while taken ahead stops the run before the next day")
    func failureTakingAhead() throws {
        let (dayOne, split) = Self.splitRun(parts: 2, threads: 1)
        split.takesAheadAlways = true
        // Staff 7 (part 1) looks again on day 2, when part 0's staff 0 does too.
        let events = (dayOne + [Fixture.event("O2", Fixture.at(2, 9), staff: 7, person: Self.lonePerson)])
            .sorted(by: AuditEvent.timeOrder)
        let even = events.filter { $0.staff % 2 == 0 }, odd = events.filter { $0.staff % 2 == 1 }
        let firstDay = events[0].at.dayNumber
        let failing = try #require(odd.firstIndex { $0.at.dayNumber > firstDay })
        try #require(odd[failing].at.dayNumber == firstDay + 1 && odd[0].at.dayNumber == firstDay)
        let evenNext = try #require(even.first { $0.at.dayNumber > firstDay })
        let lanes = [ArrayLane(even), ArrayLane(odd, failingAt: failing)]
        #expect(throws: ArrayLane.Failure.self) { try split.run(lanes: lanes) }
        // Part 1 (the last worked) was taken ahead first and failed; part 0's next day was then left alone.
        #expect(lanes[0].nextTime == evenNext.at)
        split.abandon()
    }

    /// After a failure elsewhere (the stream cannot be read to its end) a run split over threads may have a day's
    /// parts in the air: abandoning it returns once the pool's threads are done, and may be asked more than once.
    @Test("a split run abandoned part-way returns, whether or not a run is under way")
    func abandonedSplitRun() throws {
        let (events, split) = Self.splitRun(parts: 4, threads: 2)
        split.abandon()
        #expect(!split.hasRunUnderWay)
        // Two days of one week: at the second day's first event the first day's run starts, and it stays under way
        // (a new week would have landed it).
        let pairs = zip(events, events.dropFirst())
        let next = try #require(pairs.first { $0.0.at.dayNumber != $0.1.at.dayNumber && $0.0.at.weekNumber == $0.1.at.weekNumber })
        split.process(events.filter { $0.at.dayNumber <= next.1.at.dayNumber })
        #expect(split.hasRunUnderWay)
        split.abandon()
        #expect(!split.hasRunUnderWay)
        split.abandon()
    }
}

/// A lane over events in memory, for the tests; it fails at the given event, as a lane whose run cannot be read would.
final class ArrayLane: EventLane {
    struct Failure: Error {}
    private let events: [AuditEvent]
    private let failingAt: Int?
    private var position = 0

    init(_ events: [AuditEvent], failingAt: Int? = nil) {
        self.events = events
        self.failingAt = failingAt
    }

    var nextTime: Timestamp? { position < events.count ? events[position].at : nil }

    func take() throws -> AuditEvent {
        if position == failingAt { throw Failure() }
        defer { position += 1 }
        return events[position]
    }
}
