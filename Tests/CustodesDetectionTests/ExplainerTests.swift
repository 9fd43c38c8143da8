@testable import CustodesDetection
import CustodesModel
import Testing

@Suite("Explanations")
struct ExplainerTests {
    let explainer = Explainer(context: Fixture.context())

    func explain(_ time: Timestamp, staff: StaffIndex, person: PersonIndex? = nil, occurrence: OccurrenceIndex? = nil,
                 atWork: Bool = false) -> ExplanationResult? {
        explainer.explain(Fixture.event("E", time, staff: staff, person: person, occurrence: occurrence), atWork: atWork)
    }

    @Test("an assignment explains access to the people in the occurrence, with its role")
    func assigned() {
        let result = explain(Fixture.at(0, 9, 30), staff: 0, person: 0)
        #expect(result?.kind == .assigned)
        #expect(result?.role == .attending)
        #expect(explain(Fixture.at(3, 10), staff: 1, person: 1)?.role == .officerInCase)
    }

    @Test("an attendance explains from an hour before to 12 hours after; to 72 hours after, it is its follow-up")
    func assignmentWindow() {
        // S1 attended 08:05 to 11:00 on the 6th. Off roster from 20:00 on the 7th, so no team link can stand in.
        #expect(explain(Fixture.at(0, 7, 5), staff: 0, person: 0)?.kind == .assigned)
        #expect(explain(Fixture.at(0, 7, 4), staff: 0, person: 0)?.kind != .assigned)
        let writeUp = explain(Fixture.at(0, 23), staff: 0, person: 0)
        #expect(writeUp?.kind == .assigned && writeUp?.followsAttendance == false)
        // Past the attendance's 12 hours and within an assignment's 72: explained, as a follow-up.
        for time in [Fixture.at(0, 23, 1), Fixture.at(3, 11)] {
            let followUp = explain(time, staff: 0, person: 0)
            #expect(followUp?.kind == .assigned && followUp?.role == .attending)
            #expect(followUp?.followsAttendance == true)
            #expect(followUp?.involvementEnded == Fixture.at(0, 23))
        }
        #expect(explain(Fixture.at(3, 11), staff: 0, occurrence: 0)?.followsAttendance == true)
        // On duty the next day a teammate's case (S2 is its officer in case) would explain it too: the user's own
        // attendance comes first.
        let onDuty = explain(Fixture.at(1, 12), staff: 0, person: 0)
        #expect(onDuty?.kind == .assigned && onDuty?.followsAttendance == true)
        let after = explain(Fixture.at(3, 11, 1), staff: 0, person: 0)
        #expect(after?.kind == nil && after?.followsAttendance == false)
        #expect(after?.involvementEnded == Fixture.at(0, 23))
        #expect(after?.involvementOccurrence == 0)
        // With the attendance's grace as long as any assignment's, the 9th at 11:00 is plainly explained.
        var rules = Fixture.fullPoints
        rules.explanation.afterAttendanceHours = 72
        let asBefore = Explainer(context: Fixture.context(rules))
            .explain(Fixture.event("E", Fixture.at(3, 11), staff: 0, person: 0))
        #expect(asBefore?.kind == .assigned && asBefore?.followsAttendance == false)
    }

    @Test("an attendance or a call with no end recorded ends 12 hours after it began; 0 leaves it open as recorded")
    func attendanceWithoutEnd() {
        // Every assignment exported with no end: S1's attendance at O1 from 08:05 on the 6th, S3's call, S2's case.
        let unended: (inout ReferenceData) -> Void = { data in
            for index in data.assignments.indices {
                let old = data.assignments[index]
                data.assignments[index] = Assignment(occurrence: old.occurrence, staff: old.staff, role: old.role,
                                                     start: old.start)
            }
        }
        let explainer = Explainer(context: Fixture.context(extra: unended))
        func explain(_ time: Timestamp, staff: StaffIndex = 0) -> ExplanationResult? {
            explainer.explain(Fixture.event("E", time, staff: staff, person: 0))
        }
        // Taken as ended at 20:05: the attendance's 12 hours to 08:05 on the 7th, its follow-up to 20:05 on the 9th.
        #expect(explain(Fixture.at(1, 8, 5))?.followsAttendance == false)
        #expect(explain(Fixture.at(1, 8, 6))?.followsAttendance == true)
        #expect(explain(Fixture.at(3, 20, 5))?.kind == .assigned)
        let after = explain(Fixture.at(3, 20, 6))
        #expect(after?.kind == nil && after?.involvementEnded == Fixture.at(1, 8, 5))
        // The call handler's call, from 08:00, likewise: explained for 72 hours after 20:00, not on the 10th.
        #expect(explain(Fixture.at(3, 19, 59), staff: 2)?.kind == .assigned)
        #expect(explain(Fixture.at(4, 9), staff: 2)?.kind != .assigned)
        // Only attendances and calls: the officer in case's assignment, also without its end, stays open until O1
        // closes (noon on the 20th).
        #expect(explain(Fixture.at(7, 9), staff: 1)?.kind == .assigned)
        #expect(explain(Fixture.at(13, 9), staff: 1)?.kind == .assigned)
        // With 0, the attendance is open as the file says, until O1 closes (and a week after).
        var rules = Fixture.fullPoints
        rules.explanation.attendanceWithoutEndHours = 0
        let open = Explainer(context: Fixture.context(rules, extra: unended))
            .explain(Fixture.event("E", Fixture.at(7, 9), staff: 0, person: 0))
        #expect(open?.kind == .assigned && open?.role == .attending)
    }

    @Test("an open-ended assignment ends seven days after the occurrence closes")
    func closure() {
        let context = Fixture.context { data in
            data.assignments.append(Assignment(occurrence: 0, staff: 5, role: .investigator, start: Fixture.at(0, 9)))
        }
        let explainer = Explainer(context: context)
        func kind(_ time: Timestamp) -> ExplanationKind? {
            explainer.explain(Fixture.event("E", time, staff: 5, person: 0))?.kind
        }
        #expect(kind(Fixture.at(21, 12)) == .assigned)
        #expect(kind(Fixture.at(21, 12, 1)) == nil)
    }

    @Test("an assignment made after closure (a review, a tasking) lasts as long as it does")
    func reviewAfterClosure() {
        let context = Fixture.context { data in
            data.assignments.append(Assignment(occurrence: 0, staff: 5, role: .analyst, start: Fixture.at(40, 9),
                                               end: Fixture.at(42, 9)))
        }
        let explainer = Explainer(context: context)
        #expect(explainer.explain(Fixture.event("E", Fixture.at(41, 10), staff: 5, person: 0))?.role == .analyst)
        #expect(explainer.explain(Fixture.event("E", Fixture.at(46, 10), staff: 5, person: 0))?.kind == nil)
    }

    @Test("a teammate of the officer in case is explained while on duty, not off duty, and not from another team")
    func team() {
        // S1's own attendance explains nothing after the 9th; S1 is rostered on the 11th but not the 12th.
        let explainer = Explainer(context: Fixture.context { data in
            data.rosters.append(RosterShift(staff: 0, start: Fixture.at(5, 7), end: Fixture.at(5, 17), kind: .duty))
        })
        func kind(_ time: Timestamp, _ staff: StaffIndex, atWork: Bool = false) -> ExplanationKind? {
            explainer.explain(Fixture.event("E", time, staff: staff, person: 0), atWork: atWork)?.kind
        }
        #expect(kind(Fixture.at(5, 12), 0) == .team)
        #expect(kind(Fixture.at(6, 12), 0) == nil)
        #expect(kind(Fixture.at(6, 12), 0, atWork: true) == .team)
        #expect(kind(Fixture.at(1, 12), 5) == nil)     // S6, CID at South, on duty
    }

    @Test("an assignment on a later occurrence of the person wins over a team link on an earlier one")
    func assignmentBeforeTeam() {
        // On the 11th S1 is on duty and a teammate is officer in case on O1 (a team link), and S1 is also assigned
        // to a third occurrence involving Vera: the assignment is the stronger link and is the one reported.
        let explainer = Explainer(context: Fixture.context { data in
            data.rosters.append(RosterShift(staff: 0, start: Fixture.at(5, 7), end: Fixture.at(5, 17), kind: .duty))
            data.add(Occurrence(occurrenceID: "O3", category: .domesticAbuse, openedAt: Fixture.at(5, 8),
                                station: "North"))
            data.occurrencePersons.append(OccurrencePerson(occurrence: 2, person: 0, role: .victim))
            data.assignments.append(Assignment(occurrence: 2, staff: 0, role: .investigator, start: Fixture.at(5, 9)))
        })
        let result = explainer.explain(Fixture.event("E", Fixture.at(5, 12), staff: 0, person: 0))
        #expect(result?.kind == .assigned)
        #expect(result?.role == .investigator)
        // Before that assignment began, the teammate's case still explains it.
        #expect(explainer.explain(Fixture.event("E", Fixture.at(5, 7, 30), staff: 0, person: 0))?.kind == .team)
    }

    @Test("a call handler on duty is explained for two hours of a live incident")
    func liveIncident() {
        #expect(explain(Fixture.at(0, 9, 59), staff: 6, person: 0)?.kind == .liveIncident)
        #expect(explain(Fixture.at(0, 10, 1), staff: 6, person: 0)?.kind == nil)
    }

    @Test("a custody officer at the suite is explained while the person is in custody, plus two hours")
    func custody() {
        #expect(explain(Fixture.at(0, 12), staff: 3, person: 1)?.kind == .custody)
        #expect(explain(Fixture.at(0, 22), staff: 3, person: 1)?.kind == .custody)
        #expect(explain(Fixture.at(0, 22, 1), staff: 3, person: 1)?.kind == nil)
        let elsewhere = Explainer(context: Fixture.context { data in
            data.add(Staff(staffID: "S8", collarNumber: "8", displayName: "Hal South", role: .custodyOfficer,
                           team: "Custody B", station: "South", startDate: Timestamp(year: 2015, month: 1, day: 1)))
        })
        #expect(elsewhere.explain(Fixture.event("E", Fixture.at(0, 12), staff: 7, person: 1))?.kind == nil)
    }

    @Test("a custody record never closed holds the person for 96 hours (plus the grace), not for ever")
    func custodyNeverClosed() {
        // P3 (index 2) is booked into North's suite at 06:00 on the 7th and the export never closes the record.
        let suite = Explainer(context: Fixture.context { data in
            data.add(Occurrence(occurrenceID: "C9", category: .custody, openedAt: Fixture.at(1, 6), closedAt: nil,
                                station: "North"))
            data.occurrencePersons.append(OccurrencePerson(occurrence: 2, person: 2, role: .suspect))
        })
        #expect(suite.explain(Fixture.event("E", Fixture.at(5, 7, 59), staff: 3, person: 2))?.kind == .custody,
                "98 hours less a minute after booking in")
        #expect(suite.explain(Fixture.event("E", Fixture.at(5, 8, 1), staff: 3, person: 2))?.kind == nil)
    }

    @Test("a detention officer (police staff in a custody team) has the suite as a custody officer does; other police staff do not")
    func detentionOfficer() {
        // S8 police staff in Custody A beside S4 (a custody officer): half the team is custody officers.
        let suite = Explainer(context: Fixture.context { data in
            data.add(Staff(staffID: "S8", collarNumber: "8", displayName: "Hal Detention", role: .policeStaff,
                           team: "Custody A", station: "North", startDate: Timestamp(year: 2015, month: 1, day: 1)))
        })
        #expect(suite.explain(Fixture.event("E", Fixture.at(0, 12), staff: 7, person: 1))?.kind == .custody)
        let released = Fixture.event("E", Fixture.at(0, 22, 1), staff: 7, person: 1)
        #expect(suite.explain(released)?.kind == nil, "two hours after release, as for custody officers")
        #expect(suite.trace(released).contains("role: police staff in a custody team, but the person was not in custody at North"))
        // S5, police staff in Case Administration, is not at the suite: P2 in custody is no link of theirs.
        #expect(explain(Fixture.at(0, 12), staff: 4, person: 1)?.kind == nil)
    }

    @Test("a custody team's sergeant has the suite while on duty; off duty, or in another team, not")
    func custodySergeant() {
        // S8, a supervisor in Custody A beside S4 (a custody officer), on a shift 07:00-17:00 on the 6th only.
        func sergeant(team: String = "Custody A") -> Explainer {
            Explainer(context: Fixture.context { data in
                data.add(Staff(staffID: "S8", collarNumber: "8", displayName: "Hal Sergeant", role: .supervisor,
                               team: team, station: "North", startDate: Timestamp(year: 2015, month: 1, day: 1)))
                data.rosters.append(RosterShift(staff: 7, start: Fixture.at(0, 7), end: Fixture.at(0, 17),
                                                kind: .duty))
            })
        }
        #expect(sergeant().explain(Fixture.event("E", Fixture.at(0, 12), staff: 7, person: 1))?.kind == .custody)
        // P2 is released at 20:00, so the suite's grace runs to 22:00; the shift ends at 17:00, with three hours'
        // tolerance to 20:00. A custody officer at 21:00 would still be explained; the sergeant, off duty, is not.
        let offDuty = Fixture.event("E", Fixture.at(0, 21), staff: 7, person: 1)
        #expect(sergeant().explain(offDuty)?.kind == nil)
        #expect(sergeant().explain(offDuty, atWork: true)?.kind == .custody,
                "off the roster, in a session other looks show to be work (overtime at the suite)")
        #expect(sergeant().trace(offDuty).contains {
            $0.hasPrefix("role: supervisor in a custody team, but not at work")
        })
        #expect(sergeant(team: "Response 1").explain(Fixture.event("E", Fixture.at(0, 12), staff: 7,
                                                                    person: 1))?.kind != .custody,
                "a sergeant in a team that is not a custody suite's")
    }

    @Test("her other record (linked self) is her: an assignment on her occurrence explains a look at it")
    func otherRecord() {
        // P6 is P1 again, held in the other records system; S2 (index 1) is officer in case on O1, P1's case.
        func look(relation: Relation) -> ExplanationResult? {
            Explainer(context: Fixture.context { data in
                data.add(Person(personID: "P6", familyName: "Victim", givenName: "Vera", sex: .female,
                                birthYear: 1995))
                data.personLinks.append(PersonLink(person: 5, linkedPerson: 0, relation: relation))
            }).explain(Fixture.event("E", Fixture.at(2, 12), staff: 1, person: 5))
        }
        #expect(look(relation: .`self`)?.kind == .assigned)
        #expect(look(relation: .`self`)?.role == .officerInCase)
        #expect(look(relation: .sibling)?.kind == nil, "her sister is someone else")
    }

    @Test("police staff on duty may read their station's open occurrences, but not the people in them")
    func stationDesk() {
        #expect(explain(Fixture.at(1, 12), staff: 4, occurrence: 0)?.kind == .stationDesk)
        #expect(explain(Fixture.at(1, 12), staff: 4, person: 0)?.kind == nil)
        #expect(explain(Fixture.at(2, 12), staff: 4, occurrence: 0)?.kind == nil)
    }

    @Test("vehicles, locations and intelligence records are out of scope")
    func outOfScope() {
        #expect(explain(Fixture.at(0, 12), staff: 0) == nil)
    }

    @Test("the trace says which explanations were tried and why they failed")
    func trace() {
        let lines = explainer.trace(Fixture.event("E", Fixture.at(10, 21), staff: 0, person: 0))
        #expect(lines.contains { $0.hasPrefix("assignment: was attending on O1") })
        #expect(lines.contains("duty: not on any rostered shift (with tolerance)"))
        #expect(lines.contains { $0.hasPrefix("team: a colleague in the same team is assigned to O1") })
    }

    @Test("the trace of an attendance's follow-up says it was explained and weighed as a return")
    func followUpTrace() {
        // S1 attended O1 until 11:00 on the 6th; at 22:00 on the 7th the attendance's 12 hours are past.
        let lines = explainer.trace(Fixture.event("E", Fixture.at(1, 22), staff: 0, person: 0))
        #expect(lines.contains("assignment: attended O1 (domestic_abuse, North) until 2025-01-06T11:00:00Z, 35 hours "
                               + "before this access: past the 12 hours an attendance's write-up is given, within the "
                               + "72 of any assignment, so explained as its follow-up but weighed as a return"),
                "\(lines)")
        #expect(!lines.contains { $0.hasPrefix("assignment: was attending") })
    }

    @Test("rostered shifts widen by the tolerances")
    func roster() {
        let context = Fixture.context()
        #expect(context.onDuty(0, at: Fixture.at(0, 6, 0)))
        #expect(!context.onDuty(0, at: Fixture.at(0, 5, 59)))
        #expect(context.onDuty(0, at: Fixture.at(0, 20, 0)))
        #expect(!context.onDuty(0, at: Fixture.at(0, 20, 1)))
    }

    @Test("a roster search from any hint finds what a binary search finds, forwards, backwards and at the ends")
    func rosterHint() {
        // S1 works two shifts a day for sixty days, some running into the next (overtime), so searches start from
        // every kind of place: before the first shift, between, inside, overlapping, after the last.
        let context = Fixture.context { data in
            data.rosters.removeAll { $0.staff == 1 }
            for day in 0..<60 {
                data.rosters.append(RosterShift(staff: 1, start: Fixture.at(day, 6), end: Fixture.at(day, 14),
                                                kind: .duty))
                data.rosters.append(RosterShift(staff: 1, start: Fixture.at(day, 13), end: Fixture.at(day, 23),
                                                kind: .duty))
            }
        }
        var numbers = SeededNumbers(seed: 17)
        let start = Fixture.at(-3, 0).seconds, span: UInt64 = 66 * 86_400
        var carried = RosterHint()
        var found = 0
        for step in 0..<5_000 {
            // Mostly forwards in time, as a user's events come; every tenth search jumps anywhere.
            let time = step % 10 == 0 ? start + Int64(numbers.next(span)) : start + Int64(step) * Int64(span / 5_000)
            let expected = context.rosteredShiftIndex(1, at: time)
            #expect(context.rosteredShiftIndex(1, at: time, hint: &carried) == expected)
            var random = RosterHint(position: Int32(numbers.next(140)) - 10)
            #expect(context.rosteredShiftIndex(1, at: time, hint: &random) == expected)
            if expected != nil { found += 1 }
        }
        #expect(found > 1_000 && found < 5_000, "on and off duty both searched: \(found)")
    }
}
