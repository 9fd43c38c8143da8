@testable import CustodesDetection
import CustodesModel
import Testing

/// Each indicator, firing and not firing. S6 (a detective at South, office hours) has no link to anyone in the
/// fixture, so every access of theirs is unexplained; S2 is officer in case for O1.
@Suite("Indicators")
struct IndicatorTests {
    func hits(_ events: [AuditEvent], _ indicator: IndicatorName, rules: RuleSet = Fixture.fullPoints,
              extra: (inout ReferenceData) -> Void = { _ in }) -> [Hit] {
        Fixture.run(events, rules: rules, extra: extra).hits.filter { $0.indicator == indicator }
    }

    @Test("vulnerable person: weight times the highest marker weight, only when unexplained")
    func vulnerablePerson() {
        let unexplained = hits([Fixture.event("E1", Fixture.at(1, 10), staff: 5, person: 0)], .vulnerablePerson)
        #expect(unexplained.map(\.points) == [6])
        #expect(hits([Fixture.event("E1", Fixture.at(1, 10), staff: 1, person: 0)], .vulnerablePerson).isEmpty)
        #expect(hits([Fixture.event("E1", Fixture.at(1, 10), staff: 5, person: 1)], .vulnerablePerson).isEmpty)
    }

    @Test("revisit after involvement: after the assignment ended, not during it")
    func revisit() {
        let later = hits([Fixture.event("E1", Fixture.at(10, 10), staff: 0, person: 0, workstation: "REMOTE-1")],
                         .revisitAfterInvolvement)
        #expect(later.count == 1)
        #expect(later.first?.detail.contains("involvement in O1 ended") == true)
        #expect(hits([Fixture.event("E1", Fixture.at(0, 10), staff: 0, person: 0)], .revisitAfterInvolvement).isEmpty)
        #expect(hits([Fixture.event("E1", Fixture.at(10, 10), staff: 5, person: 0)], .revisitAfterInvolvement).isEmpty)
        // Three accesses in one sitting are one look; another day is another.
        let sitting = [10, 11, 12].map { Fixture.event("E\($0)", Fixture.at(10, $0), staff: 0, person: 0, workstation: "REMOTE-1") }
            + [Fixture.event("E13", Fixture.at(12, 10), staff: 0, person: 0, workstation: "REMOTE-1")]
        #expect(hits(sitting, .revisitAfterInvolvement).map { $0.evidence[0].eventID } == ["E10", "E13"])
    }

    @Test("coming back to a woman met at a call on the days after it: returns and details opened score, volume does not")
    func afterAttendance() throws {
        // S1 attended O1 until 11:00 on the 6th and opens its victim P1's contact details at 22:00 on the 7th and
        // 8th and at 10:00 on the 9th: past the attendance's 12 hours, within an assignment's 72, off roster.
        let looks = [Fixture.at(1, 22), Fixture.at(2, 22), Fixture.at(3, 10)].enumerated().map {
            Fixture.event("E\($0.offset)", $0.element, staff: 0, person: 0, fields: [.summary, .contact],
                          workstation: "REMOTE-1")
        }
        let run = Fixture.run(looks)
        #expect(run.summary.explained == 3 && run.summary.attendanceFollowUps == 3)
        let revisits = run.hits.filter { $0.indicator == .revisitAfterInvolvement }
        #expect(revisits.count == 3)
        // A follow-up shows no work: looked at from home, off roster, the evidence says so.
        #expect(revisits.allSatisfy { $0.evidence.first?.onDuty == false })
        let detail = try #require(revisits.first?.detail)
        #expect(detail.hasSuffix("0 days after their involvement in O1 ended; past the 12 hours an attendance's "
                                 + "write-up is given"), "\(detail)")
        let details = run.hits.filter { $0.indicator == .sensitiveFields }
        #expect(details.count == 3)
        #expect(details.first?.detail.hasSuffix("; past the 12 hours an attendance's write-up is given") == true)
        #expect(run.hits.filter { $0.indicator == .repeatLookups }.map(\.at) == [Fixture.at(3, 10)])
        // Explained accesses: nothing for the marked person, off duty, or the first look at her.
        #expect(!run.hits.contains { [.vulnerablePerson, .offDuty, .newPairWithMarker].contains($0.indicator) })
        // With the attendance's grace at 72 hours, as any assignment's, nothing at all.
        var rules = Fixture.fullPoints
        rules.explanation.afterAttendanceHours = 72
        #expect(Fixture.run(looks, rules: rules).hits.isEmpty)
    }

    /// The rules these team-link tests were written for: half the points, and a teammate's victim with no part of
    /// one's own from the sixth day. The defaults are tuned apart (docs/detection.md); the mechanism is the same.
    static let teamLinkRules: RuleSet = {
        var rules = Fixture.fullPoints
        let revisit = rules.rules.firstIndex { $0.name == .revisitAfterInvolvement }!
        rules.rules[revisit].parameters["team_link_share"] = 0.5
        let repeated = rules.rules.firstIndex { $0.name == .repeatLookups }!
        rules.rules[repeated].parameters["covering_minimum_days"] = 6
        return rules
    }()

    /// S1 attended O1 (until 11:00 on the 6th); S2, in S1's team, is its officer in case until the 20th. From the 10th
    /// the team's open case is the only link S1 has to the victim, P1.
    static let teamLinkedLooks = (4...6).map {
        Fixture.event("E\($0)", Fixture.at($0, 10), staff: 0, person: 0, fields: [.summary, .contact])
    }

    @Test("explained is not innocent: returns that only a teammate's case explains score at team_link_share")
    func insideTeamLink() throws {
        let run = Fixture.run(Self.teamLinkedLooks, rules: Self.teamLinkRules)
        let revisits = run.hits.filter { $0.indicator == .revisitAfterInvolvement }
        #expect(revisits.map(\.points) == [3, 3, 3])
        #expect(revisits.first?.detail.hasSuffix("; only a teammate's case explains it, so it counts half") == true)
        // The third day is a repeated look-up, at the same share.
        #expect(run.hits.filter { $0.indicator == .repeatLookups }.map(\.points) == [2])
        // The volume indicators stay away from explained access.
        #expect(run.hits.allSatisfy { [.revisitAfterInvolvement, .repeatLookups].contains($0.indicator) })
        #expect(run.summary.explained == 3)
    }

    @Test("a return only a teammate's case explains, an hour after opening that case, is case work at team_case_work_share")
    func teamLinkWithCaseWork() throws {
        // As above, but before each look S1 opens O1, the teammate's case, an hour earlier.
        let opened = (4...6).map { Fixture.event("O\($0)", Fixture.at($0, 9), staff: 0, occurrence: 0) }
        let run = Fixture.run(Self.teamLinkedLooks + opened, rules: Self.teamLinkRules)
        let revisits = run.hits.filter { $0.indicator == .revisitAfterInvolvement }
        #expect(revisits.map(\.points) == [1.5, 1.5, 1.5])
        #expect(revisits.allSatisfy { $0.caseWork })
        let detail = try #require(revisits.first?.detail)
        #expect(detail.hasSuffix("; only a teammate's case explains it, so it counts half; they had opened O1, one of "
                                 + "their cases, in the 12 hours before, so it counts half of that"), "\(detail)")
        // Case work is not a person returned to: the ledger does not count it as one.
        var ledger = RiskLedger()
        for hit in run.hits { ledger.add(hit, halfLife: 10, window: 30 * 86_400) }
        #expect(!ledger.hasReturnedPerson)
        // At 1 a teammate's case opened changes nothing: the returns keep what they kept without it.
        var rules = Self.teamLinkRules
        rules.risk.teamCaseWorkShare = 1
        let inFull = Fixture.run(Self.teamLinkedLooks + opened, rules: rules)
            .hits.filter { $0.indicator == .revisitAfterInvolvement }
        #expect(inFull.map(\.points) == [3, 3, 3])
        #expect(!inFull.contains { $0.caseWork })
    }

    @Test("a teammate's case alone (no part of their own), a part with the record only, or a share of 0: nothing scored")
    func teamLinkWithoutOwnPart() {
        // Covering a teammate's case is everyday work.
        let covering = Fixture.run(Self.teamLinkedLooks, rules: Self.teamLinkRules,
                                   extra: { $0.assignments.removeAll { $0.staff == 0 } })
        #expect(covering.hits.isEmpty)
        // An analyst's part is with the record, not the person.
        let analyst = Fixture.run(Self.teamLinkedLooks, rules: Self.teamLinkRules, extra: { data in
            data.assignments = data.assignments.map {
                $0.staff == 0 ? Assignment(occurrence: $0.occurrence, staff: 0, role: .analyst, start: $0.start,
                                           end: $0.end) : $0
            }
        })
        #expect(analyst.hits.isEmpty)
        var rules = Self.teamLinkRules
        let index = rules.rules.firstIndex { $0.name == .revisitAfterInvolvement }!
        rules.rules[index].parameters["team_link_share"] = 0
        #expect(Fixture.run(Self.teamLinkedLooks, rules: rules).hits.isEmpty)
    }

    @Test("coming back to a teammate's victim with no part of one's own: a repeated look-up from the sixth day, at team_link_share")
    func coveringDayAfterDay() {
        // S1 has no part in O1; S2, in S1's team, holds it. S1 looks at its victim P1 on six days while it is open.
        let looks = (2...7).map {
            Fixture.event("E\($0)", Fixture.at($0, 10), staff: 0, person: 0, fields: [.summary, .contact])
        }
        let noPart: (inout ReferenceData) -> Void = { $0.assignments.removeAll { $0.staff == 0 } }
        let run = Fixture.run(looks, rules: Self.teamLinkRules, extra: noPart)
        #expect(run.summary.explained == 6)
        let repeats = run.hits.filter { $0.indicator == .repeatLookups }
        #expect(repeats.map(\.points) == [2])
        #expect(repeats.first?.at == Fixture.at(7, 10))
        #expect(repeats.first?.detail.hasSuffix(
            "; only a teammate's case, in which they have no part, explains it, so it counts half") == true)
        #expect(run.hits.count == 1)
        var rules = Self.teamLinkRules
        let index = rules.rules.firstIndex { $0.name == .repeatLookups }!
        rules.rules[index].parameters["covering_minimum_days"] = 0
        #expect(Fixture.run(looks, rules: rules, extra: noPart).hits.isEmpty)
    }

    @Test("sensitive fields: contact, address, photograph or a custody image")
    func sensitive() {
        #expect(hits([Fixture.event("E1", Fixture.at(1, 10), staff: 5, person: 1, fields: [.contact])], .sensitiveFields).count == 1)
        #expect(hits([Fixture.event("E1", Fixture.at(1, 10), staff: 5, person: 1, fields: [.summary, .history])],
                     .sensitiveFields).isEmpty)
        #expect(hits([Fixture.event("E1", Fixture.at(1, 10), staff: 5, person: 1, type: .custodyImage, fields: [])],
                     .sensitiveFields).count == 1)
    }

    @Test("off duty: from outside force premises with no roster; not from a station terminal, which shows them at work")
    func offDuty() {
        let home = hits([Fixture.event("E1", Fixture.at(5, 22), staff: 5, person: 1, workstation: "REMOTE-6")], .offDuty)
        #expect(home.count == 1)
        #expect(hits([Fixture.event("E1", Fixture.at(5, 22), staff: 5, person: 1, workstation: "WS-SOU-1")], .offDuty).isEmpty)
        #expect(hits([Fixture.event("E1", Fixture.at(1, 10), staff: 5, person: 1, workstation: "REMOTE-6")], .offDuty).isEmpty)
    }

    @Test("a member of staff with no shift on the roster is taken as on it: no look of theirs is off duty")
    func noRoster() {
        let unrostered: (inout ReferenceData) -> Void = { data in data.rosters.removeAll { $0.staff == 5 } }
        let night = [Fixture.event("E1", Fixture.at(5, 22), staff: 5, person: 1, workstation: "REMOTE-6")]
        #expect(hits(night, .offDuty, extra: unrostered).isEmpty)
        let evenings = (0..<5).map { Fixture.event("E\($0)", Fixture.at(5 + $0, 22), staff: 5, person: 1,
                                                   workstation: "REMOTE-6") }
        let returns = hits(evenings, .repeatLookups, extra: unrostered)
        #expect(returns.count == 3 && returns.allSatisfy { !$0.offDutyReturn })
        #expect(Fixture.context(extra: unrostered).onDuty(5, at: Fixture.at(5, 22)))
        // Someone else's shifts say nothing of theirs: S1, rostered on the 6th and 7th only, is off duty on the 11th.
        #expect(hits([Fixture.event("E1", Fixture.at(5, 22), staff: 0, person: 1, workstation: "REMOTE-1")], .offDuty,
                     extra: unrostered).count == 1)
        // Only within their service: S8 (index 7), with no shift on the roster, left on the 8th. Their account used
        // on the evening of the 7th is taken as at work; on the 10th, after they left, it is off duty.
        let leaver: (inout ReferenceData) -> Void = { data in
            data.add(Staff(staffID: "S8", collarNumber: "8", displayName: "Gone Away", role: .policeStaff,
                           team: "Admin", station: "North", startDate: Timestamp(year: 2015, month: 1, day: 1),
                           endDate: Fixture.at(2, 0)))
        }
        #expect(hits([Fixture.event("E1", Fixture.at(1, 22), staff: 7, person: 1, workstation: "REMOTE-8")], .offDuty,
                     extra: leaver).isEmpty)
        #expect(hits([Fixture.event("E1", Fixture.at(4, 22), staff: 7, person: 1, workstation: "REMOTE-8")], .offDuty,
                     extra: leaver).count == 1)
    }

    @Test("a return made off duty on five days or more is marked to keep its points however widely returns spread")
    func offDutyReturn() {
        func repeats(days: Int) -> [Hit] {
            hits((0..<days).map { Fixture.event("E\($0)", Fixture.at(5 + $0, 22), staff: 5, person: 1,
                                                workstation: "REMOTE-6") }, .repeatLookups)
        }
        let five = repeats(days: 5)
        #expect(five.map(\.offDutyReturn) == [false, false, true])
        #expect(five.last?.detail.hasSuffix("; 5 of those days off duty") == true)
        #expect(repeats(days: 4).allSatisfy { !$0.offDutyReturn })
        var off = Fixture.fullPoints
        off.rules = off.rules.map { rule in
            var rule = rule
            if rule.name == .repeatLookups { rule.parameters["off_duty_days"] = 0 }
            return rule
        }
        #expect(hits((0..<6).map { Fixture.event("E\($0)", Fixture.at(5 + $0, 22), staff: 5, person: 1,
                                                 workstation: "REMOTE-6") }, .repeatLookups, rules: off)
                    .allSatisfy { !$0.offDutyReturn }, "0: never")
    }

    @Test("an off-roster access waits for its session: a later explained access in it shows the user at work")
    func sessionAtWork() {
        // S1 is off roster on the 12th and works remotely. At 10:00 they read P1 (a teammate's case: the team link
        // needs them at work); at 11:00 they read P2 under a stop check they attend, which shows them at work.
        let events = [
            Fixture.event("E1", Fixture.at(6, 10), staff: 0, person: 0, workstation: "REMOTE-1"),
            Fixture.event("E2", Fixture.at(6, 11), staff: 0, person: 1, workstation: "REMOTE-1"),
        ]
        let extra: (inout ReferenceData) -> Void = { data in
            data.add(Occurrence(occurrenceID: "O3", category: .stopCheck, openedAt: Fixture.at(6, 11),
                                closedAt: Fixture.at(6, 11, 20), station: "North"))
            data.occurrencePersons.append(OccurrencePerson(occurrence: 2, person: 1, role: .other))
            data.assignments.append(Assignment(occurrence: 2, staff: 0, role: .attending, start: Fixture.at(6, 11),
                                               end: Fixture.at(6, 11, 20)))
            data.assignments.append(Assignment(occurrence: 0, staff: 1, role: .officerInCase, start: Fixture.at(0, 9)))
        }
        let run = Fixture.run(events, rules: Self.teamLinkRules, extra: extra)
        // Explained, so nothing for off duty; S1 attended O1, so the return only a teammate's case explains is
        // weighed at the revisit rule's team_link_share (see `insideTeamLink`).
        #expect(run.hits.allSatisfy { $0.indicator == .revisitAfterInvolvement && $0.points == 3 },
                "\(run.hits.map(\.detail))")
        #expect(run.summary.explained == 2)
        // Without the later link, the first access is scored, off duty.
        let alone = Fixture.run([events[0]], extra: extra)
        #expect(alone.hits.contains { $0.indicator == .offDuty })
    }

    @Test("repeat look-ups: from the third distinct day, growing with each further day")
    func repeatLookups() {
        let events = (0..<5).map { Fixture.event("E\($0)", Fixture.at($0, 10), staff: 5, person: 1) }
            + [Fixture.event("E9", Fixture.at(4, 11), staff: 5, person: 1)]
        #expect(hits(events, .repeatLookups).map(\.points) == [4, 8, 12])
        #expect(hits(Array(events.prefix(2)), .repeatLookups).isEmpty)
    }

    @Test("linked expansion: a person linked to someone the user looked up recently")
    func linkedExpansion() {
        let events = [Fixture.event("E1", Fixture.at(1, 10), staff: 5, person: 0),
                      Fixture.event("E2", Fixture.at(3, 10), staff: 5, person: 2)]
        let found = hits(events, .linkedExpansion)
        #expect(found.count == 1)
        #expect(found.first?.person == 2)
        #expect(hits([events[1]], .linkedExpansion).isEmpty)
        let longAfter = [events[0], Fixture.event("E2", Fixture.at(40, 10), staff: 5, person: 2)]
        #expect(hits(longAfter, .linkedExpansion).isEmpty)
        // Her other record (linked self, P6) is not someone she is linked to: the search did not widen.
        let otherRecord = [events[0], Fixture.event("E2", Fixture.at(3, 10), staff: 5, person: 5)]
        #expect(hits(otherRecord, .linkedExpansion, extra: { data in
            data.add(Person(personID: "P6", familyName: "Victim", givenName: "Vera", sex: .female, birthYear: 1995))
            data.personLinks.append(PersonLink(person: 0, linkedPerson: 5, relation: .`self`))
        }).isEmpty)
    }

    @Test("self or associate: a declared associate, or the user's own surname and home postcode, even when explained")
    func selfOrAssociate() {
        #expect(hits([Fixture.event("E1", Fixture.at(1, 10), staff: 5, person: 4)], .selfOrAssociate).count == 1)
        #expect(hits([Fixture.event("E1", Fixture.at(1, 10), staff: 0, person: 3)], .selfOrAssociate).count == 1)
        #expect(hits([Fixture.event("E1", Fixture.at(1, 10), staff: 1, person: 3)], .selfOrAssociate).isEmpty)
    }

    @Test("self or associate: a partner or ex-partner in full, anyone else in the user's circle at other_relation_share; a sitting is one look")
    func selfOrAssociateByRelation() {
        // P5 is S6's declared ex-partner; P4 shares S1's surname and home postcode (a relative, or S1's own record).
        let ex = hits([Fixture.event("E1", Fixture.at(1, 10), staff: 5, person: 4)], .selfOrAssociate)
        #expect(ex.map(\.points) == [20])
        let relative = Fixture.run([Fixture.event("E1", Fixture.at(0, 12), staff: 0, person: 3),
                                    Fixture.event("E2", Fixture.at(0, 12, 5), staff: 0, person: 3)])
        let relativeHits = relative.hits.filter { $0.indicator == .selfOrAssociate }
        #expect(relativeHits.map(\.points) == [15])
        #expect(relativeHits.first?.detail.hasSuffix(", at 75%: not a declared partner or ex-partner)") == true,
                "\(relativeHits.map(\.detail))")
        // One sitting at a relative's record opens no alert; a look the next day as well does.
        #expect(relative.alerts.isEmpty)
        let again = Fixture.run([Fixture.event("E1", Fixture.at(0, 12), staff: 0, person: 3),
                                 Fixture.event("E2", Fixture.at(1, 12), staff: 0, person: 3)])
        #expect(again.alerts.map(\.staff) == [0])
        // At a share of 1, one look at anyone in the circle is enough, as before 2026-12-04.
        var full = Fixture.fullPoints
        let index = full.rules.firstIndex { $0.name == .selfOrAssociate }!
        full.rules[index].parameters["other_relation_share"] = 1
        #expect(Fixture.run([Fixture.event("E1", Fixture.at(0, 12), staff: 0, person: 3)], rules: full).alerts.count == 1)
    }

    @Test("new pair with marker: only the first unexplained access to a marked person")
    func newPair() {
        let events = [Fixture.event("E1", Fixture.at(1, 10), staff: 5, person: 0),
                      Fixture.event("E2", Fixture.at(1, 11), staff: 5, person: 0)]
        #expect(hits(events, .newPairWithMarker).map { $0.evidence.last?.eventID } == ["E1"])
    }

    /// Ten response officers at North (staff 7 to 16), S1's peers for the volume rule.
    static func responsePeers(_ data: inout ReferenceData) {
        for number in 0..<10 {
            data.add(Staff(staffID: "R\(number)", collarNumber: "", displayName: "Peer \(number)",
                           role: .responseOfficer, team: "Response B", station: "North",
                           startDate: Timestamp(year: 2015, month: 1, day: 1)))
        }
    }

    @Test("volume outlier: far above the median of active peers in the same role")
    func volume() {
        // Ten response officers at North, each active with one unexplained look-up; S1 makes twenty.
        var events = (0..<10).map { Fixture.event("P\($0)", Fixture.at(1, 9, $0), staff: StaffIndex(7 + $0), person: 3) }
        events += (0..<20).map { Fixture.event("S\($0)", Fixture.at(1, 10, $0), staff: 0, person: 3) }
        let found = hits(events, .volumeOutlier, extra: Self.responsePeers)
        #expect(found.map(\.staff) == [0])
        #expect(found.first?.detail.contains("20 unexplained accesses") == true)
    }

    @Test("volume outlier: where the user's crew's week sets a higher bar than the role's, the crew's is the bar")
    func volumeAgainstCrew() {
        // Ten response officers in Response B make one unexplained look-up each; S1 and six more in Response A
        // (a crew of seven active, reading a hub's referrals) twenty each.
        func crew(_ data: inout ReferenceData) {
            Self.responsePeers(&data)
            for number in 0..<6 {
                data.add(Staff(staffID: "A\(number)", collarNumber: "", displayName: "Crew \(number)",
                               role: .responseOfficer, team: "Response A", station: "North",
                               startDate: Timestamp(year: 2015, month: 1, day: 1)))
            }
        }
        var events = (0..<10).map { Fixture.event("P\($0)", Fixture.at(1, 9, $0), staff: StaffIndex(7 + $0), person: 3) }
        for staff in [0] + (17..<23).map({ $0 }) {
            events += (0..<20).map { Fixture.event("S\(staff)-\($0)", Fixture.at(1, 10, $0), staff: StaffIndex(staff), person: 3) }
        }
        #expect(hits(events, .volumeOutlier, extra: crew).isEmpty, "twenty a week is what the crew does")
        var roleAlone = Fixture.fullPoints
        roleAlone.risk.teamPeerPriorAccesses = 0
        #expect(hits(events, .volumeOutlier, rules: roleAlone, extra: crew).count == 7, "against the role alone")
        // Against a crew of under five active members, the role's bar stands.
        let few = events.filter { !$0.eventID.hasPrefix("S19-") && !$0.eventID.hasPrefix("S20-")
            && !$0.eventID.hasPrefix("S21-") && !$0.eventID.hasPrefix("S22-") }
        let found = hits(few, .volumeOutlier, extra: crew)
        #expect(found.count == 3)
        #expect(found.first?.detail.hasSuffix("among 13 active peers in the same role") == true)
    }

    @Test("volume outlier's evidence: the user's own first twenty of each week, in order, among everyone's")
    func volumeEvidence() {
        // Two weeks; in each, S1 makes 25 unexplained look-ups with the peers' in between.
        var events: [AuditEvent] = []
        for (week, prefix) in [(0, "S"), (7, "T")] {
            for number in 0..<25 {
                events.append(Fixture.event("\(prefix)\(number)", Fixture.at(1 + week, 10, 2 * number), staff: 0, person: 3))
                if number < 10 {
                    events.append(Fixture.event("\(prefix)P\(number)", Fixture.at(1 + week, 10, 2 * number + 1),
                                                staff: StaffIndex(7 + number), person: 3))
                }
            }
        }
        let found = hits(events, .volumeOutlier, extra: Self.responsePeers)
        #expect(found.map(\.staff) == [0, 0])
        #expect(found.map { $0.evidence.map(\.eventID) } == [(0..<20).map { "S\($0)" }, (0..<20).map { "T\($0)" }])
        #expect(found.first?.detail.contains("25 unexplained accesses") == true)
    }

    @Test("demographic skew: unexplained look-ups of young women far above peers' share")
    func skew() {
        // Persons 5... alternate W0, M0, W1, M1...; staff 7...10 are peer detectives who look at men.
        let events = Self.peerLookups() + Self.womenLookedUp(10)
        let found = hits(events, .demographicSkew, extra: Self.skewPeers)
        #expect(found.map(\.staff) == [5])
        #expect(found.first?.detail.hasPrefix("10 of the 10 people they looked up with no link in 56 days") == true)
    }

    /// A force whose export leaves years of birth out: young women cannot be told from any others, and a trawl of
    /// them would otherwise count as a trawl of no one (docs/detection.md, section 1).
    @Test("demographic skew: where most women on record have no year of birth, the group is women of any age, at any_age_minimum_z")
    func skewWithoutAges() {
        func withoutAges(_ data: inout ReferenceData) {
            for number in 0..<20 {
                data.add(Person(personID: "W\(number)", familyName: "W", givenName: "\(number)", sex: .female))
                data.add(Person(personID: "M\(number)", familyName: "M", givenName: "\(number)", sex: .male))
            }
            for number in 0..<4 {
                data.add(Staff(staffID: "R\(number)", collarNumber: "", displayName: "Peer \(number)",
                               role: .detective, team: "CID", station: "South",
                               startDate: Timestamp(year: 2015, month: 1, day: 1)))
            }
        }
        #expect(Fixture.reference(extra: withoutAges).birthYearsMostlyMissing)
        #expect(!Fixture.reference(extra: Self.skewPeers).birthYearsMostlyMissing)
        let events = Self.peerLookups() + Self.womenLookedUp(10)
        let found = hits(events, .demographicSkew, extra: withoutAges)
        #expect(found.map(\.staff) == [5])
        #expect(found.first?.detail.contains("were women (100%), against 0% for peers in the same role") == true,
                "\(found.map(\.detail))")
        #expect(found.first?.detail.hasSuffix("(of any age: few people on record have a year of birth)") == true)
        // Before, with no ages none of them was a young woman, and nothing fired.
        var strict = Fixture.fullPoints
        let index = strict.rules.firstIndex { $0.name == .demographicSkew }!
        #expect(strict.rules[index].parameter("any_age_minimum_z") == 5)
        strict.rules[index].parameters["any_age_minimum_z"] = 100
        #expect(hits(events, .demographicSkew, rules: strict, extra: withoutAges).isEmpty, "the bar without ages")
        // With ages, the same look-ups are of young women, and the bar is minimum_z.
        let aged = hits(events, .demographicSkew, rules: strict, extra: Self.skewPeers)
        #expect(aged.map(\.staff) == [5])
        #expect(aged.first?.detail.contains("were women aged 16–35 (100%)") == true)
    }

    /// The same peers as `skew`, who each look at ten different men.
    static func skewPeers(_ data: inout ReferenceData) {
        youngWomenAndMen(&data)
        for number in 0..<4 {
            data.add(Staff(staffID: "R\(number)", collarNumber: "", displayName: "Peer \(number)",
                           role: .detective, team: "CID", station: "South",
                           startDate: Timestamp(year: 2015, month: 1, day: 1)))
        }
    }

    /// Twenty young women and twenty older men, alternating from person 5: W0, M0, W1, M1...
    static func youngWomenAndMen(_ data: inout ReferenceData) {
        for number in 0..<20 {
            data.add(Person(personID: "W\(number)", familyName: "W", givenName: "\(number)", sex: .female,
                            birthYear: 2000))
            data.add(Person(personID: "M\(number)", familyName: "M", givenName: "\(number)", sex: .male,
                            birthYear: 1970))
        }
    }

    /// S6 looking at the first `count` young women (W0, W1...) once each, on days 0 to 4, opening the contact details
    /// of the first `detailsOpened` of them (a skew needs some: ``skewNeedsDetailsOpened()``).
    static func womenLookedUp(_ count: Int, detailsOpened: Int = 3) -> [AuditEvent] {
        (0..<count).map { number in
            Fixture.event("S\(number)", Fixture.at(number % 5, 10, number), staff: 5, person: PersonIndex(5 + 2 * number),
                          fields: number < detailsOpened ? [.identity, .contact] : [.summary])
        }
    }

    @Test("demographic skew: with no young woman's contact details, address or photograph opened (or maybe opened) it is research")
    func skewNeedsDetailsOpened() {
        let minimum = Int(RuleSet.standard.rule(.demographicSkew)!.parameter("minimum_details_people"))
        #expect(minimum == 3)
        for opened in 0...minimum {
            let found = hits(Self.peerLookups() + Self.womenLookedUp(10, detailsOpened: opened), .demographicSkew,
                             extra: Self.skewPeers)
            #expect(found.map(\.staff) == (opened >= minimum ? [5] : []), "\(opened) women's details opened")
        }
        // A system that names no parts displayed (fields empty, which the data contract allows) may have shown
        // them: its look-ups are not taken for research.
        let unlogged = Self.womenLookedUp(10, detailsOpened: 0).map { event in
            var event = event
            event.fields = []
            return event
        }
        #expect(hits(Self.peerLookups() + unlogged, .demographicSkew, extra: Self.skewPeers).map(\.staff) == [5])
        // A search naming none is taken as a list of results: a system that logs its views' parts may log none for
        // its searches, and those are most of a researcher's look-ups.
        let searches = unlogged.map { event in
            var event = event
            event.action = .search
            return event
        }
        #expect(hits(Self.peerLookups() + searches, .demographicSkew, extra: Self.skewPeers).isEmpty)
        // At 0 the rule asks nothing of the details, as before it did.
        var anyLookups = Fixture.fullPoints
        let index = anyLookups.rules.firstIndex { $0.name == .demographicSkew }!
        anyLookups.rules[index].parameters["minimum_details_people"] = 0
        #expect(hits(Self.peerLookups() + Self.womenLookedUp(10, detailsOpened: 0), .demographicSkew,
                     rules: anyLookups, extra: Self.skewPeers).map(\.staff) == [5])
    }

    static func peerLookups() -> [AuditEvent] {
        (0..<10).flatMap { number in
            (0..<4).map { peer in
                Fixture.event("P\(peer)-\(number)", Fixture.at(number % 5, 11, number), staff: StaffIndex(7 + peer),
                              person: PersonIndex(6 + 2 * number))
            }
        }
    }

    @Test("demographic skew weighs the people looked up, not the look-ups: returns to the same men do not hide a trawl")
    func skewCountsPeople() {
        // S6 looks at eight different young women once each (W0 to W7), and at two men (M18, M19) forty times
        // between them: eight of ten people, though eight of forty-eight look-ups.
        var events = Self.peerLookups() + Self.womenLookedUp(8)
        for number in 0..<40 {
            events.append(Fixture.event("M\(number)", Fixture.at(number % 5, 12, number), staff: 5,
                                        person: number % 2 == 0 ? 42 : 44))
        }
        let found = hits(events, .demographicSkew, extra: Self.skewPeers)
        #expect(found.map(\.staff) == [5])
        #expect(found.first?.detail.hasPrefix("8 of the 10 people") == true, "\(found.map(\.detail))")
        // One young woman looked at twelve times is one person, below the rule's minimum of eight people.
        let one = Self.peerLookups() + (0..<12).map {
            Fixture.event("O\($0)", Fixture.at($0 % 5, 10, $0), staff: 5, person: 5)
        }
        #expect(hits(one, .demographicSkew, extra: Self.skewPeers).isEmpty)
    }

    /// A look with no link by `staff` at person `person` (W_k is 5 + 2k, M_k is 6 + 2k), on one of days 0 to 4.
    static func look(_ id: String, _ number: Int, staff: StaffIndex, person: Int, contact: Bool) -> AuditEvent {
        Fixture.event(id, Fixture.at(number % 5, 10, number % 60), staff: staff, person: PersonIndex(person),
                      fields: contact ? [.identity, .contact] : [.summary])
    }

    /// Peers who each read the summaries of 3 young women and 7 men, then open the contact details of
    /// `contactMen` men; and S6, who reads the summaries of 20 men and opens the contact details of 10 young women:
    /// 10 of their 30 people are in the group (33%, against peers' 15%), but 10 of 10 whose details they opened.
    static func hiddenTrawl(contactMen: Int) -> [AuditEvent] {
        var events: [AuditEvent] = []
        for peer in 0..<4 {
            let staff = StaffIndex(7 + peer)
            for number in 0..<3 { events.append(look("PW\(peer)-\(number)", number, staff: staff, person: 5 + 2 * number, contact: false)) }
            for number in 0..<7 { events.append(look("PM\(peer)-\(number)", number, staff: staff, person: 6 + 2 * number, contact: false)) }
            for number in 0..<contactMen {
                events.append(look("PC\(peer)-\(number)", number, staff: staff, person: 6 + 2 * (7 + number), contact: true))
            }
        }
        for number in 0..<20 { events.append(look("SM\(number)", number, staff: 5, person: 6 + 2 * number, contact: false)) }
        for number in 0..<10 { events.append(look("SW\(number)", number, staff: 5, person: 5 + 2 * number, contact: true)) }
        return events
    }

    @Test("demographic skew among the people whose contact details were opened: a trawl hidden in research shows there")
    func skewAmongDetailsOpened() {
        let found = hits(Self.hiddenTrawl(contactMen: 10), .demographicSkew, extra: Self.skewPeers)
        #expect(found.map(\.staff) == [5])
        #expect(found.first?.detail.hasPrefix("10 of the 10 people whose contact details, address or photograph they "
                                              + "opened with no link in 56 days were women aged 16–35") == true,
                "\(found.map(\.detail))")
        // Among all the people looked up, the same user is no skew: the test among details opened is what fired.
        var allPeopleOnly = Fixture.fullPoints
        let index = allPeopleOnly.rules.firstIndex { $0.name == .demographicSkew }!
        allPeopleOnly.rules[index].parameters["sensitive_minimum_z"] = 0
        #expect(hits(Self.hiddenTrawl(contactMen: 10), .demographicSkew, rules: allPeopleOnly,
                     extra: Self.skewPeers).isEmpty)
    }

    @Test("demographic skew among details opened: peers who opened few people's details say little, so no skew")
    func skewAmongDetailsOpenedNeedsPeers() {
        // The peers opened the contact details of one man each: their share of women is 0 of 4. S1, a response
        // officer, opened ten young women's (W10 to W19), so the force's share without S6 is 10 of 14; the peers'
        // is drawn towards it as if they had opened 20 more people's (60%), and S6's ten of ten is not far above it.
        let others = (10..<20).map { number in
            Fixture.event("R\(number)", Fixture.at(number % 2, 12, number), staff: 0, person: PersonIndex(5 + 2 * number),
                          fields: [.identity, .contact])
        }
        #expect(hits(Self.hiddenTrawl(contactMen: 1) + others, .demographicSkew, extra: Self.skewPeers).isEmpty)
        // The same counts with the peers' own share alone (0 of 4) would be a skew: the prior is what holds it.
        #expect(DetectionEngine.skew(10, of: 10, peers: 10, of: 14, z: 4, excess: 0.15, minimum: 8) != nil)
        let drawn = DetectionEngine.skew(10, of: 10, peers: 10, of: 14, z: 4, excess: 0.15, minimum: 8,
                                         prior: (10.0 / 14, DetectionEngine.sensitiveSkewPriorPeople))
        #expect(drawn == nil)
    }

    @Test("demographic skew of five people: the exact tail, not the count, keeps a handful from firing")
    func skewOfFivePeople() {
        let skew = RuleSet.standard.rules.first { $0.name == .demographicSkew }!
        #expect(skew.parameter("minimum_lookups") == 5)
        let exactZ = skew.parameter("exact_minimum_z")
        // Five young women of five, where the peers' people are 10% young women (an analyst's, a custody suite's).
        #expect(DetectionEngine.skew(5, of: 5, peers: 100, of: 1_000, z: 4, exactZ: exactZ, excess: 0.15,
                                     minimum: 5) != nil)
        // Where they are 20%, five of five is a chance of one in 3,000: the z passes (4.5), the tail does not.
        #expect(DetectionEngine.binomialZ(count: 5, of: 5, share: 0.2) > 4)
        #expect(DetectionEngine.skew(5, of: 5, peers: 200, of: 1_000, z: 4, exactZ: exactZ, excess: 0.15,
                                     minimum: 5) == nil)
        // Four people are too few to ask, however far from the peers.
        #expect(DetectionEngine.skew(4, of: 4, peers: 10, of: 1_000, z: 4, exactZ: exactZ, excess: 0.15,
                                     minimum: 5) == nil)
    }

    @Test("demographic skew: at the built-in weight and half-life, four weeks of it in a row reach the alert threshold, three do not")
    func skewHeldFourWeeks() {
        let rules = RuleSet.standard
        let weight = rules.rules.first { $0.name == .demographicSkew }!.weight
        func score(weeks: Int) -> Double {
            var ledger = RiskLedger()
            for week in 0..<weeks {
                ledger.add(Hit(indicator: .demographicSkew, points: weight, at: Fixture.at(7 * week, 23),
                               staff: 0, person: nil, evidence: [], detail: ""),
                           halfLife: rules.risk.halfLifeDays, window: 30 * 86_400)
            }
            return ledger.score(at: Fixture.at(7 * (weeks - 1), 23).seconds, halfLife: rules.risk.halfLifeDays)
        }
        #expect(score(weeks: 4) >= rules.risk.alertThreshold)
        #expect(score(weeks: 3) < rules.risk.alertThreshold)
    }

    @Test("demographic skew: a handful of people is weighed by the exact binomial tail, which the z overstates")
    func skewExactTail() {
        // Known tails (scipy.stats.binom.sf): 4 or more of 8 at 7% is 0.0013359; 25 or more of 68 at 17% is 7.548e-5.
        #expect(abs(DetectionEngine.binomialUpperTail(4, of: 8, share: 0.07) - 0.0013359) < 1e-6)
        #expect(abs(DetectionEngine.binomialUpperTail(25, of: 68, share: 0.17) / 7.548e-5 - 1) < 1e-3)
        #expect(DetectionEngine.binomialUpperTail(0, of: 8, share: 0.07) == 1)
        #expect(DetectionEngine.binomialUpperTail(3, of: 8, share: 0) == 0)
        #expect(DetectionEngine.binomialUpperTail(9, of: 8, share: 0.5) == 0)
        #expect(abs(DetectionEngine.binomialUpperTail(1, of: 1, share: 0.25) - 0.25) < 1e-12)
        #expect(abs(DetectionEngine.normalUpperTail(3.5) - 2.3263e-4) < 1e-7)
        // 4 women among 8 people against peers' 7% (7 of 100 without the user) is 4.8 standard deviations by the
        // normal, but happens more than once in a thousand: a special constable with a few look-ups, not a trawl.
        #expect(DetectionEngine.skew(4, of: 8, peers: 11, of: 108, z: 4, excess: 0.15, minimum: 8) != nil)
        #expect(DetectionEngine.skew(4, of: 8, peers: 11, of: 108, z: 4, exactZ: 3.5, excess: 0.15, minimum: 8) == nil)
        // Twice as many people at the same share passes both.
        #expect(DetectionEngine.skew(8, of: 16, peers: 15, of: 116, z: 4, exactZ: 3.5, excess: 0.15, minimum: 8) != nil)
    }

    @Test("demographic skew: a person looked up again later in the window still counts, once, after the first look leaves it")
    func skewWindowEdge() {
        // S6 looks at W0 to W6 on day 0 and again on day 49, and at W7 on day 58; the peers look at men on days 56
        // to 60. At the close after day 58 the day-0 looks have left the 56-day window, the day-49 ones have not.
        var events = Self.peerLookups().map { event in
            var later = event
            later.at = event.at.adding(seconds: 56 * 86_400)
            return later
        }
        for number in 0..<7 {
            for day in [0, 49] {
                // The day-49 looks at W0 to W2 open their contact details: a skew needs some opened in the window.
                events.append(Fixture.event("W\(number)-\(day)", Fixture.at(day, 10, number), staff: 5,
                                            person: PersonIndex(5 + 2 * number),
                                            fields: day == 49 && number < 3 ? [.identity, .contact] : [.summary]))
            }
        }
        events.append(Fixture.event("W7", Fixture.at(58, 10), staff: 5, person: 19))
        let found = hits(events, .demographicSkew, extra: Self.skewPeers)
        #expect(found.map(\.staff) == [5])
        #expect(found.first?.detail.hasPrefix("8 of the 8 people") == true, "\(found.map(\.detail))")
    }

    @Test("a disabled rule never fires")
    func disabled() {
        var rules = Fixture.fullPoints
        rules.rules[rules.rules.firstIndex { $0.name == .vulnerablePerson }!].enabled = false
        #expect(hits([Fixture.event("E1", Fixture.at(1, 10), staff: 5, person: 0)], .vulnerablePerson, rules: rules).isEmpty)
    }
}
