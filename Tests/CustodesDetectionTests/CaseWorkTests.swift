@testable import CustodesDetection
import CustodesModel
import Testing

/// Case work: a return to a person within hours of the user opening her case, or another person in it, is the shape
/// of a case being worked (a family reviewed, a network researched) and weighs a quarter; a return alone does not.
@Suite("Case work")
struct CaseWorkTests {
    /// P6 (index 5) is the victim and P7 (index 6) a witness in O3 (index 2), an assault at North; P8 (index 7) is in
    /// no occurrence. S1 has no link to any of them.
    static let victim: PersonIndex = 5
    static let witness: PersonIndex = 6
    static let stranger: PersonIndex = 7
    static let occurrence: OccurrenceIndex = 2

    static func force(_ data: inout ReferenceData) {
        data.add(Person(personID: "P6", familyName: "Case", givenName: "Cora", sex: .female, birthYear: 1999))
        data.add(Person(personID: "P7", familyName: "Seen", givenName: "Walt", sex: .male, birthYear: 1970))
        data.add(Person(personID: "P8", familyName: "Apart", givenName: "Ann", sex: .female, birthYear: 1980))
        data.add(Occurrence(occurrenceID: "O3", category: .assault, openedAt: Fixture.at(-20, 8),
                            closedAt: Fixture.at(-10, 8), station: "North"))
        data.occurrencePersons += [OccurrencePerson(occurrence: occurrence, person: victim, role: .victim),
                                   OccurrencePerson(occurrence: occurrence, person: witness, role: .witness)]
    }

    /// S1 looks P6 up at 10:00 on six days (the 8th to the 13th of January), each time after opening `before`
    /// (an occurrence or a person) at `hoursBefore` hours before, or alone.
    static func returns(after before: (person: PersonIndex?, occurrence: OccurrenceIndex?)? = nil,
                        hoursBefore: Int = 1) -> [AuditEvent] {
        var events: [AuditEvent] = []
        for day in 2...7 {
            events.append(Fixture.event("E\(day)", Fixture.at(day, 10), staff: 0, person: victim))
            if let before {
                events.append(Fixture.event("B\(day)", Fixture.at(day, 10).adding(seconds: -Int64(hoursBefore) * 3600),
                                            staff: 0, person: before.person, occurrence: before.occurrence))
            }
        }
        return events
    }

    static func repeatHits(_ events: [AuditEvent], rules: RuleSet = Fixture.fullPoints) -> [Hit] {
        Fixture.run(events, rules: rules, extra: force).hits.filter { $0.indicator == .repeatLookups && $0.person == victim }
    }

    static let repeatWeight = RuleSet.standard.rules.first { $0.name == .repeatLookups }!.weight

    @Test("a return an hour after opening the person's occurrence keeps a quarter of its points and says why")
    func afterTheOccurrence() throws {
        let hits = Self.repeatHits(Self.returns(after: (nil, Self.occurrence)))
        let first = try #require(hits.first)
        #expect(hits.allSatisfy { $0.caseWork })
        #expect(first.points == Self.repeatWeight / 4)
        #expect(first.detail.hasSuffix("; they had opened O3, one of their cases, in the 12 hours before, so it counts a quarter"),
                "\(first.detail)")
    }

    @Test("a return after looking up another person in her occurrence is case work too, naming that person's pseudonym")
    func afterAnotherPartyInTheCase() throws {
        let hits = Self.repeatHits(Self.returns(after: (Self.witness, nil)))
        let first = try #require(hits.first)
        #expect(hits.allSatisfy { $0.caseWork })
        #expect(first.points == Self.repeatWeight / 4)
        #expect(first.detail.contains("; they had looked up PSN-"))
        #expect(first.detail.contains(", also in O3, in the 12 hours before, so it counts a quarter"))
    }

    @Test("a return to a person colleagues look up too, with her case open, counts a quarter of a quarter and says so")
    func sharedAndCaseWork() throws {
        let colleagues = RuleSet.standard.risk.sharedPersonColleagues + 1
        let events = Self.returns(after: (nil, Self.occurrence)) + (0..<colleagues).map {
            Fixture.event("C\($0)", Fixture.at(1, 9, $0), staff: StaffIndex(7 + $0), person: Self.victim)
        }
        let hits = Fixture.run(events, extra: { data in
            Self.force(&data)
            for index in 0..<colleagues {
                data.add(Staff(staffID: "C\(index)", collarNumber: "C\(index)", displayName: "Col League",
                               role: .responseOfficer, team: "Response B", station: "North",
                               startDate: Timestamp(year: 2015, month: 1, day: 1)))
            }
        }).hits.filter { $0.indicator == .repeatLookups && $0.staff == 0 }
        let first = try #require(hits.first)
        #expect(first.sharedSubject && first.caseWork)
        #expect(first.points == Self.repeatWeight / 16)
        #expect(first.detail.hasSuffix("in the 12 hours before, so it counts a quarter of that"), "\(first.detail)")
    }

    @Test("a return to someone linked to a person in a case the user just opened is case work through the link")
    func throughALink() throws {
        // P9 (index 8), P6's mother, is in no occurrence; S1 opens O3, her daughter's case, an hour before each look.
        let mother: PersonIndex = 8
        let family: (inout ReferenceData) -> Void = { data in
            Self.force(&data)
            data.add(Person(personID: "P9", familyName: "Case", givenName: "Maud", sex: .female, birthYear: 1960))
            data.personLinks.append(PersonLink(person: Self.victim, linkedPerson: mother, relation: .parent))
        }
        let events = (2...7).flatMap { day in
            [Fixture.event("E\(day)", Fixture.at(day, 10), staff: 0, person: mother),
             Fixture.event("B\(day)", Fixture.at(day, 9), staff: 0, occurrence: Self.occurrence)]
        }
        func returns(_ rules: RuleSet) -> [Hit] {
            Fixture.run(events, rules: rules, extra: family).hits.filter { $0.indicator == .repeatLookups }
        }
        let linked = returns(Fixture.fullPoints)
        let first = try #require(linked.first)
        #expect(linked.allSatisfy { $0.caseWork })
        #expect(first.points == Self.repeatWeight / 4)
        #expect(first.detail.contains("; they had opened O3, a case of PSN-"), "\(first.detail)")
        #expect(first.detail.contains(", linked to PSN-"), "\(first.detail)")
        #expect(first.detail.hasSuffix(", in the 12 hours before, so it counts a quarter"))
        // Without the link, or with case work through links off, the returns count in full.
        var off = Fixture.fullPoints
        off.risk.caseWorkThroughLinks = false
        let unweighed = returns(off)
        #expect(!unweighed.isEmpty && unweighed.allSatisfy { !$0.caseWork && $0.points >= Self.repeatWeight })
        let unlinked = Fixture.run(events, extra: { data in
            Self.force(&data)
            data.add(Person(personID: "P9", familyName: "Case", givenName: "Maud", sex: .female, birthYear: 1960))
        }).hits.filter { $0.indicator == .repeatLookups }
        #expect(!unlinked.isEmpty && unlinked.allSatisfy { !$0.caseWork })
    }

    @Test("a look at someone linked to a person in a case the user was assigned to hours before is case work; days on, not")
    func linkedInTheAssignmentsFirstDays() throws {
        // P9 (index 8), P6's mother, is in no occurrence; S1 is assigned to O4 (index 3), P6 missing, at 09:00 on the
        // 2nd day and stays on it.
        let mother: PersonIndex = 8
        let enquiry: OccurrenceIndex = 3
        let family: (inout ReferenceData) -> Void = { data in
            Self.force(&data)
            data.add(Person(personID: "P9", familyName: "Case", givenName: "Maud", sex: .female, birthYear: 1960))
            data.personLinks.append(PersonLink(person: Self.victim, linkedPerson: mother, relation: .parent))
            data.add(Occurrence(occurrenceID: "O4", category: .missingPerson, openedAt: Fixture.at(2, 8),
                                closedAt: nil, station: "North"))
            data.occurrencePersons.append(OccurrencePerson(occurrence: enquiry, person: Self.victim, role: .other))
            data.assignments.append(Assignment(occurrence: enquiry, staff: 0, role: .investigator,
                                               start: Fixture.at(2, 9)))
        }
        func returns(on days: ClosedRange<Int>, at hour: Int = 8, rules: RuleSet = Fixture.fullPoints) -> [Hit] {
            let events = days.map { Fixture.event("E\($0)", Fixture.at($0, hour), staff: 0, person: mother) }
            return Fixture.run(events, rules: rules, extra: family).hits.filter { $0.indicator == .repeatLookups }
        }
        // The third day's look, at 08:00 on the 4th, is 47 hours into the assignment.
        let early = try #require(returns(on: 2...4).first)
        #expect(early.caseWork && early.points == Self.repeatWeight / 4)
        #expect(early.detail.contains("; they were assigned to O4, a case of PSN-"), "\(early.detail)")
        #expect(early.detail.hasSuffix(", in the 72 hours before, so it counts a quarter"), "\(early.detail)")
        // At 10:00 on the 5th, 73 hours in, and a week on, the same three days of looks at her mother count in full.
        for later in [returns(on: 3...5, at: 10), returns(on: 9...11)] {
            #expect(!later.isEmpty && later.allSatisfy { !$0.caseWork && $0.points >= Self.repeatWeight })
        }
        // With the setting at 0 the first days count in full too.
        var off = Fixture.fullPoints
        off.risk.caseWorkAssignmentHours = 0
        let unweighed = returns(on: 2...4, rules: off)
        #expect(!unweighed.isEmpty && unweighed.allSatisfy { !$0.caseWork && $0.points >= Self.repeatWeight })
        // Nor does an assignment that ended before the look, or a colleague's.
        for (staff, end) in [(StaffIndex(0), Fixture.at(3, 12)), (StaffIndex(1), nil)] {
            let events = (2...4).map { Fixture.event("E\($0)", Fixture.at($0, 8), staff: 0, person: mother) }
            let hits = Fixture.run(events, extra: { data in
                family(&data)
                data.assignments[data.assignments.count - 1] = Assignment(
                    occurrence: enquiry, staff: staff, role: .investigator, start: Fixture.at(2, 9), end: end)
            }).hits.filter { $0.indicator == .repeatLookups }
            #expect(!hits.isEmpty && hits.allSatisfy { !$0.caseWork }, "staff \(staff), end \(String(describing: end))")
        }
    }

    @Test("a custody team's sergeant returning to a detainee at their suite is case work; elsewhere, after, or off, not")
    func inCustodyAtTheirStation() throws {
        // S8 (index 7) is the sergeant of Custody 1 at North, with two custody officers (S9, S10). P6 is held at a
        // suite from 06:00 on the 2nd to `until` (2 hours' grace after); the look on the third of `days`, at 10:00,
        // is the return that scores. The looks are made off the roster (the custody team is rostered on the 6th only)
        // from a laptop: on duty, the suite explains a sergeant's look as it does a custody officer's
        // (``ExplainerTests``).
        let sergeant: StaffIndex = 7
        func returns(by staff: StaffIndex = sergeant, on days: ClosedRange<Int> = 2...4, station: String = "North",
                     until: Timestamp? = Fixture.at(5, 6), rules: RuleSet = Fixture.fullPoints) -> [Hit] {
            let events = days.map {
                Fixture.event("E\($0)", Fixture.at($0, 10), staff: staff, person: Self.victim, workstation: "LT-8")
            }
            return Fixture.run(events, rules: rules, extra: { data in
                Self.force(&data)
                for (index, role) in [StaffRole.supervisor, .custodyOfficer, .custodyOfficer].enumerated() {
                    data.add(Staff(staffID: "S\(8 + index)", collarNumber: "\(8 + index)", displayName: "Cell Keeper",
                                   role: role, team: "Custody 1", station: "North",
                                   startDate: Timestamp(year: 2015, month: 1, day: 1)))
                    data.rosters.append(RosterShift(staff: StaffIndex(7 + index), start: Fixture.at(0, 7),
                                                    end: Fixture.at(0, 17), kind: .duty))
                }
                data.add(Occurrence(occurrenceID: "C1", category: .custody, openedAt: Fixture.at(2, 6),
                                    closedAt: until, station: station))
                data.occurrencePersons.append(OccurrencePerson(occurrence: 3, person: Self.victim, role: .suspect))
            }).hits.filter { $0.indicator == .repeatLookups && $0.person == Self.victim }
        }
        let held = try #require(returns().first)
        #expect(held.caseWork && held.points == Self.repeatWeight / 4)
        #expect(held.detail.hasSuffix("; C1 had them in custody at their team's suite then, so it counts a quarter"),
                "\(held.detail)")
        let inGrace = try #require(returns(until: Fixture.at(4, 8, 1)).first)
        #expect(inGrace.caseWork, "released at 08:01, looked up at 10:00: within the 2 hours' grace")
        let neverClosed = try #require(returns(until: nil).first)
        #expect(neverClosed.caseWork, "a custody record never closed, 52 hours in")
        var off = Fixture.fullPoints
        off.risk.caseWorkInCustody = false
        for (name, hits) in [("another station", returns(station: "South")),
                             ("released at 07:59 on the 4th", returns(until: Fixture.at(4, 7, 59))),
                             ("never closed, past 96 hours", returns(on: 5...7, until: nil)),
                             ("a response officer at the station", returns(by: 0)),
                             ("the setting off", returns(rules: off))] {
            #expect(!hits.isEmpty && hits.allSatisfy { !$0.caseWork && $0.points >= Self.repeatWeight }, "\(name)")
        }
    }

    @Test("a return alone, after someone outside her cases, or after her case opened too long before, counts in full")
    func notCaseWork() throws {
        let variants: [(String, [AuditEvent])] = [
            ("alone", Self.returns()),
            ("after a person in none of her cases", Self.returns(after: (Self.stranger, nil))),
            ("13 hours after her case", Self.returns(after: (nil, Self.occurrence), hoursBefore: 13)),
        ]
        for (name, events) in variants {
            let hits = Self.repeatHits(events)
            let first = try #require(hits.first, "\(name)")
            #expect(hits.allSatisfy { !$0.caseWork }, "\(name)")
            #expect(first.points == Self.repeatWeight, "\(name)")
            #expect(!first.detail.contains("hours before"), "\(name)")
        }
    }

    @Test("her case opened after the look does not make it case work")
    func openedAfter() throws {
        let events = (2...7).flatMap { day in
            [Fixture.event("E\(day)", Fixture.at(day, 10), staff: 0, person: Self.victim),
             Fixture.event("B\(day)", Fixture.at(day, 11), staff: 0, occurrence: Self.occurrence)]
        }
        #expect(Self.repeatHits(events).allSatisfy { !$0.caseWork })
    }

    @Test("six returns alone to one woman open an alert; the same returns with her case open none, unless case work is off")
    func alerts() {
        let alone = Fixture.run(Self.returns(), extra: Self.force)
        #expect(alone.alerts.count == 1)
        let worked = Fixture.run(Self.returns(after: (nil, Self.occurrence)), extra: Self.force)
        #expect(worked.alerts.isEmpty)
        var rules = Fixture.fullPoints
        rules.risk.caseWorkHours = 0
        let off = Fixture.run(Self.returns(after: (nil, Self.occurrence)), rules: rules, extra: Self.force)
        #expect(off.alerts.count == 1)
        #expect(off.hits.allSatisfy { !$0.caseWork })
        // Kept nearly in full (share 0.9: at 1 case work changes nothing), with no strong threshold and three
        // indicators needed, the returns still open nothing with their case: returns that came with case work do not
        // show the user returning to one person. Alone they do.
        var inFull = Fixture.fullPoints
        inFull.risk.caseWorkShare = 0.9
        inFull.risk.strongThreshold = 1000
        inFull.risk.minimumIndicators = 3
        #expect(Fixture.run(Self.returns(after: (nil, Self.occurrence)), rules: inFull, extra: Self.force).alerts.isEmpty)
        #expect(Fixture.run(Self.returns(), rules: inFull, extra: Self.force).alerts.count == 1)
    }

    @Test("returns that came with case work are not a person returned to, nor specific evidence beside volume")
    func ledger() {
        func ledger(_ hits: [(IndicatorName, Double, Bool, Int)]) -> RiskLedger {
            var ledger = RiskLedger()
            for (indicator, points, caseWork, day) in hits {
                var hit = Hit(indicator: indicator, points: points, at: Fixture.at(day, 10), staff: 0, person: 0,
                              evidence: [], detail: "")
                hit.caseWork = caseWork
                ledger.add(hit, halfLife: 10, window: 30 * 86_400)
            }
            return ledger
        }
        let worked = ledger([(.repeatLookups, 4, true, 1), (.repeatLookups, 4, true, 3)])
        #expect(!worked.hasReturnedPerson)
        #expect(!worked.hasSpecificEvidence(minimum: 0))
        let alone = ledger([(.repeatLookups, 4, false, 1), (.repeatLookups, 4, false, 3)])
        #expect(alone.hasReturnedPerson)
        #expect(alone.hasSpecificEvidence(minimum: 0))
        #expect(alone.hasSpecificEvidence(minimum: 8))
        #expect(!alone.hasSpecificEvidence(minimum: 10), "8 points of returns are under a minimum of 10")
        #expect(!ledger([(.sensitiveFields, 40, false, 1)]).hasSpecificEvidence(minimum: 0), "volume is not specific")
        #expect(!ledger([(.volumeOutlier, 6, false, 1), (.volumeOutlier, 6, false, 8)]).hasSpecificEvidence(minimum: 10),
                "nor is the volume outlier")
    }

    @Test("hits on a person many colleagues also look up are not specific evidence")
    func sharedSubjectIsNotSpecific() {
        // A data-quality clerk far above peers returns to a local name dozens of colleagues read: each further day
        // adds a quarter of a growing weight (1, 2, 3, 4 points), 10 in all; the same days on a person nobody else
        // reads are 4, 8, 12 and 16 points in full.
        var shared = RiskLedger()
        var alone = RiskLedger()
        for day in 1...4 {
            var hit = Hit(indicator: .repeatLookups, points: Double(day), at: Fixture.at(day, 10), staff: 0, person: 0,
                          evidence: [], detail: "")
            hit.sharedSubject = true
            shared.add(hit, halfLife: 10, window: 30 * 86_400)
            hit.sharedSubject = false
            hit.points = Double(4 * day)
            alone.add(hit, halfLife: 10, window: 30 * 86_400)
        }
        #expect(!shared.hasSpecificEvidence(minimum: 10, otherPeopleShare: 0.1), "a circulated name, however often")
        #expect(!shared.hasSpecificEvidence(minimum: 0))
        #expect(alone.hasSpecificEvidence(minimum: 10, otherPeopleShare: 0.1))
        // The skew, scored in full and about no one person, still counts beside the shared name.
        shared.add(Hit(indicator: .demographicSkew, points: 9, at: Fixture.at(5, 10), staff: 0, person: nil,
                       evidence: [], detail: ""), halfLife: 10, window: 30 * 86_400)
        #expect(shared.hasSpecificEvidence(minimum: 9))
        #expect(!shared.hasSpecificEvidence(minimum: 10))
    }

    @Test("specific evidence is weighed as risk is: the most sought-out person in full, everyone else at their share")
    func specificByPerson() {
        // A clerk far above peers who looked three people up on a few days each: 4 points on each, 12 in all.
        var spread = RiskLedger()
        var single = RiskLedger()
        for (index, person) in [PersonIndex(0), 1, 2].enumerated() {
            spread.add(Hit(indicator: .repeatLookups, points: 4, at: Fixture.at(index + 1, 10), staff: 0, person: person,
                           evidence: [], detail: ""), halfLife: 10, window: 30 * 86_400)
            single.add(Hit(indicator: .repeatLookups, points: 4, at: Fixture.at(index + 1, 10), staff: 0, person: 0,
                           evidence: [], detail: ""), halfLife: 10, window: 30 * 86_400)
        }
        #expect(spread.hasSpecificEvidence(minimum: 10), "summed in full, as before")
        #expect(!spread.hasSpecificEvidence(minimum: 10, otherPeopleShare: 0.1), "4 + 0.1 × 8 = 4.8: three coincidences")
        #expect(single.hasSpecificEvidence(minimum: 10, otherPeopleShare: 0.1), "12 points on one person")
    }

    @Test("recent records keep one entry for a record opened several times in a row, and forget the old in batches")
    func recentRecords() {
        var records = RecentRecords()
        records.add(at: 0, entity: 1, isOccurrence: true)
        records.add(at: 5, entity: 1, isOccurrence: true)
        records.add(at: 6, entity: 1, isOccurrence: false)
        #expect(records.entries.map(\.at) == [5, 6])
        for index in 0..<100 {
            records.add(at: 10 + Int64(index), entity: Int32(10 + index % 2), isOccurrence: false)
        }
        #expect(records.startIndex(atOrAfter: 10) == 2)
        #expect(records.startIndex(atOrAfter: 1_000) == 102)
        records.forget(before: 1_000, window: 1_000)
        #expect(records.entries.count == 102, "forgetting waits until the oldest is a further window older")
        records.forget(before: 1_100, window: 1_000)
        #expect(records.entries.isEmpty, "then everything before the cutoff goes at once")
    }

    @Test("recent records answer as a plain list does, through growth and forgetting that moves what is kept down")
    func recentRecordsAgainstArray() {
        var records = RecentRecords()
        var model: [RecentRecords.Entry] = []
        var numbers = SeededNumbers(seed: 5)
        var at: Int64 = 0
        for step in 0..<5_000 {
            at += Int64(numbers.next(120))
            let entity = Int32(numbers.next(6)), isOccurrence = numbers.next(2) == 0
            records.add(at: at, entity: entity, isOccurrence: isOccurrence)
            if let last = model.last, last.entity == entity, last.isOccurrence == isOccurrence {
                model[model.count - 1].at = at
            } else {
                model.append(RecentRecords.Entry(at: at, entity: entity, isOccurrence: isOccurrence))
            }
            if step % 7 == 0 {
                let cutoff = at - 3_600, window: Int64 = 1_800
                records.forget(before: cutoff, window: window)
                if model.count >= 64, model[0].at < cutoff - window { model.removeAll { $0.at < cutoff } }
            }
            #expect(records.entries.count == model.count)
        }
        #expect(records.entries.map(\.at) == model.map(\.at))
        #expect(records.entries.map(\.entity) == model.map(\.entity))
        #expect(records.entries.map(\.isOccurrence) == model.map(\.isOccurrence))
        #expect(records.startIndex(atOrAfter: at - 600) == model.firstIndex { $0.at >= at - 600 } ?? model.count)
        #expect(records.tailAddress.map { Int(bitPattern: $0) }
                == records.entries.baseAddress.map { Int(bitPattern: $0 + model.count - 1) })
    }

    @Test("a look that waits for its session to end keeps the case it came with, however long the session runs")
    func waitingLook() throws {
        // On the 13th, after opening O3 at 09:00 and looking P6 up at 10:00, S1 works on through the night: a look
        // every twenty minutes, alternately at P2 and P3, for 26 hours, so the session (and the looks waiting for
        // it) ends only on the 14th, long after O3 left the 12-hour window of the latest record.
        var events = Self.returns(after: (nil, Self.occurrence))
        for step in 1...78 {
            events.append(Fixture.event("N\(step)", Fixture.at(7, 10).adding(seconds: Int64(step) * 1200), staff: 0,
                                        person: PersonIndex(1 + step % 2)))
        }
        let hits = Self.repeatHits(events)
        let last = try #require(hits.first { $0.at == Fixture.at(7, 10) })
        #expect(last.caseWork)
    }
}
