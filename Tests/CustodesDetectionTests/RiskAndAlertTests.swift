@testable import CustodesDetection
import CustodesModel
import Testing

@Suite("Risk, alerts and the budget")
struct RiskAndAlertTests {
    /// S6 looks up P1 (a domestic abuse victim) from home, off duty, with her contact details: 6 + 5 + 3 + 1 = 15
    /// points, below the threshold of 20; a second look-up (P5, a declared ex-partner) crosses it.
    func lookup(_ id: String, _ day: Int, _ hour: Int, person: PersonIndex = 0) -> AuditEvent {
        Fixture.event(id, Fixture.at(day, hour), staff: 5, person: person, fields: [.contact],
                      workstation: "REMOTE-6")
    }

    @Test("an alert opens at the threshold with enough different indicators, at the time of the event that crossed it")
    func opens() {
        let run = Fixture.run([lookup("E1", 5, 21), lookup("E2", 5, 22, person: 4)])
        #expect(run.alerts.count == 1)
        let alert = run.alerts[0]
        #expect(alert.staffID == "S6")
        #expect(alert.alertID == "A-000001")
        #expect(alert.openingEventID == "E2")
        #expect(alert.openedAt == Fixture.at(5, 22))
        #expect(alert.scoreAtOpen >= 20)
        #expect(Set(alert.indicators).isSuperset(of: [.vulnerablePerson, .sensitiveFields, .offDuty]))
        #expect(alert.evidence.map(\.event.eventID) == ["E1", "E2"])
        #expect(alert.people.count == 2)
        #expect(alert.people.allSatisfy { $0.pseudonym.hasPrefix("PSN-") })
        #expect(!alert.why.isEmpty)
        #expect(alert.evidence[0].explanationsTried.contains("duty: not on any rostered shift (with tolerance)"))
    }

    @Test("below the threshold nothing opens; one indicator needs the strong threshold unless it returns to one person")
    func thresholds() {
        // A single unmarked, non-sensitive look-up on duty: no hits worth an alert.
        let quiet = Fixture.run([Fixture.event("E1", Fixture.at(1, 10), staff: 5, person: 1)])
        #expect(quiet.alerts.isEmpty)
        var rules = Fixture.fullPoints
        rules.risk.strongThreshold = 1000
        // Contact details of an unmarked person opened eight times in one morning: only sensitive_fields fires,
        // 8 × 5 = 40 points, volume with nothing specific.
        let morning = (0..<8).map {
            Fixture.event("E\($0)", Fixture.at(1, 9, $0 * 5), staff: 5, person: 1, fields: [.contact])
        }
        #expect(Fixture.run(morning, rules: rules).alerts.isEmpty, "one indicator alone needs the strong threshold")
        #expect(Fixture.run(morning).alerts.count == 1, "and reaches the standard strong threshold of 30")
        // Look-ups of one unmarked person on seven days: only repeat_lookups fires, 4 + 8 + 12 + 16 + 16 = 56 points,
        // but the user returns to one person day after day, which needs no second indicator.
        let days = (0..<7).map { Fixture.event("E\($0)", Fixture.at($0 < 5 ? $0 : $0 + 2, 10), staff: 5, person: 1) }
        #expect(Fixture.run(days, rules: rules).alerts.count == 1)
    }

    @Test("in the data's first weeks an alert needs the strong threshold or a look at the user's own circle")
    func learningWeeks() {
        var learning = Fixture.fullPoints
        learning.risk.learningWeeks = 3
        // S6 returns to P2 (unmarked) on five days of the first week: 4 + 8 + 12 points of repeated look-ups, risk
        // about 23, over the threshold and under the strong one.
        func returns(from day: Int, _ count: Int) -> [AuditEvent] {
            (0..<count).map { Fixture.event("R\($0)", Fixture.at(day + $0, 10), staff: 5, person: 1) }
        }
        #expect(Fixture.run(returns(from: 0, 5), rules: learning).alerts.isEmpty, "held back while baselines form")
        #expect(Fixture.run(returns(from: 0, 5)).alerts.count == 1, "without learning weeks the same returns open")
        // The same returns in the fourth week, after a look by S5 in each of the first three: three weeks have
        // closed, and they open at the ordinary threshold, without the learning sentence.
        let weeks = [0, 7, 14].map { Fixture.event("W\($0)", Fixture.at($0, 9), staff: 4, person: 2) }
        let later = Fixture.run(weeks + returns(from: 21, 5), rules: learning)
        #expect(later.alerts.count == 1)
        #expect(later.alerts.first.map { $0.scoreAtOpen < 30 && !$0.why.contains("first 3 weeks") } == true)
        // Returns on five days to the third week's Sunday are held back; as that week closes (the Monday's first
        // event), learning ends, and risk still over the threshold (about 22 at midnight) opens then, saying so.
        let held = Fixture.run(Array(weeks.prefix(2)) + returns(from: 16, 5)
                               + [Fixture.event("W21", Fixture.at(21, 9), staff: 4, person: 2)], rules: learning)
        #expect(held.alerts.count == 1)
        #expect(held.alerts.first?.openedAt == Fixture.at(21, 0))
        #expect(held.alerts.first?.why.contains("it opened as they ended") == true)
        #expect(held.summary.learningEndedAt == Fixture.at(21, 0))
        // Where the data end with the third week, nothing follows learning: its last close opens nothing.
        let ended = Fixture.run(Array(weeks.prefix(2)) + returns(from: 16, 5), rules: learning)
        #expect(ended.alerts.isEmpty && ended.summary.learningEndedAt == nil && ended.summary.heldInLearning == 1)
        // Returns on seven days in the first week pass the strong threshold, and the alert says why it needed it.
        let strong = Fixture.run(returns(from: 0, 7), rules: learning)
        #expect(strong.alerts.count == 1)
        #expect(strong.alerts.first?.why.contains("first 3 weeks of the data") == true)
        // A look at a declared ex-partner needs no baseline: P5, S6's, on the first day.
        let circle = Fixture.run([Fixture.event("C1", Fixture.at(0, 10), staff: 5, person: 4)], rules: learning)
        #expect(circle.alerts.count == 1)
    }

    @Test("looks outside the roster alone open no alert, however many; beside another indicator they count")
    func timingAlone() {
        // Forty look-ups of an unmarked person in one evening from home, no sensitive field: only off_duty fires,
        // 40 points, past the strong threshold of 30. It is the pattern of an unrostered shift as much as misuse's.
        let evening = (0..<40).map {
            Fixture.event("E\($0)", Fixture.at(1, 21, $0), staff: 5, person: 1, workstation: "REMOTE-6")
        }
        let alone = Fixture.run(evening)
        #expect(alone.hits.count == 40)
        #expect(alone.hits.allSatisfy { $0.indicator == .offDuty })
        #expect(alone.alerts.isEmpty)
        // Her contact details opened as well: a second indicator, and the evening's points open the alert.
        let contact = Fixture.event("E40", Fixture.at(1, 22), staff: 5, person: 1, fields: [.contact],
                                    workstation: "REMOTE-6")
        let opened = Fixture.run(evening + [contact])
        #expect(opened.alerts.count == 1)
        #expect(Set(opened.alerts.first?.indicators ?? []) == [.offDuty, .sensitiveFields])
    }

    @Test("the strong threshold is measured without looks outside the roster: timing cannot carry one other hit over it")
    func timingAndTheStrongThreshold() {
        // Forty off-duty look-ups and her contact details opened once: 41 points of timing and 5 of sensitive fields,
        // 30 after the volume cap. With three indicators needed, only the strong threshold could open an alert, and
        // without the timing the evening is worth 5.
        var rules = Fixture.fullPoints
        rules.risk.minimumIndicators = 3
        let evening = (0..<40).map {
            Fixture.event("E\($0)", Fixture.at(1, 21, $0), staff: 5, person: 1, workstation: "REMOTE-6")
        }
        let contact = Fixture.event("E40", Fixture.at(1, 22), staff: 5, person: 1, fields: [.contact],
                                    workstation: "REMOTE-6")
        let run = Fixture.run(evening + [contact], rules: rules)
        #expect(Set(run.hits.map(\.indicator)) == [.offDuty, .sensitiveFields])
        #expect(run.alerts.isEmpty)
        // The ledger: the same score either way when the volume is of what was opened, not of when.
        var ledger = RiskLedger()
        let weighing = RiskLedger.Weighing(volumeCap: 30, otherPeopleShare: 0.1)
        for minute in 0..<40 {
            ledger.add(Hit(indicator: .offDuty, points: 1, at: Fixture.at(1, 21, minute), staff: 5, person: 1,
                           evidence: [], detail: ""), halfLife: 10, window: 30 * 86_400, weighing)
        }
        ledger.add(Hit(indicator: .sensitiveFields, points: 5, at: Fixture.at(1, 22), staff: 5, person: 1,
                       evidence: [], detail: ""), halfLife: 10, window: 30 * 86_400, weighing)
        let now = Fixture.at(1, 22).seconds
        #expect(ledger.score(at: now, halfLife: 10, weighing) == 30)
        #expect(abs(ledger.score(at: now, halfLife: 10, weighing, withoutTiming: true) - 5) < 0.001)
    }

    @Test("one person returned to on different days is a pattern; many people once each, or one sitting, are not")
    func returnedPerson() {
        func ledger(_ hits: [(IndicatorName, PersonIndex, Int, Int)]) -> RiskLedger {
            var ledger = RiskLedger()
            for (indicator, person, day, hour) in hits {
                ledger.add(Hit(indicator: indicator, points: 6, at: Fixture.at(day, hour), staff: 0, person: person,
                               evidence: [], detail: ""), halfLife: 10, window: 30 * 86_400)
            }
            return ledger
        }
        #expect(ledger([(.revisitAfterInvolvement, 0, 1, 10), (.revisitAfterInvolvement, 0, 3, 10)]).hasReturnedPerson)
        #expect(ledger([(.revisitAfterInvolvement, 0, 1, 10), (.repeatLookups, 0, 4, 10)]).hasReturnedPerson)
        #expect(!ledger((0..<4).map { (.revisitAfterInvolvement, PersonIndex($0), $0, 10) }).hasReturnedPerson,
                "an analyst's research: four people, each once")
        #expect(!ledger([(.revisitAfterInvolvement, 0, 1, 10), (.revisitAfterInvolvement, 0, 1, 11)]).hasReturnedPerson,
                "one sitting")
        #expect(!ledger([(.sensitiveFields, 0, 1, 10), (.sensitiveFields, 0, 3, 10)]).hasReturnedPerson,
                "volume indicators are weighed against peers, not taken as a pattern")
        #expect(ledger([(.selfOrAssociate, 3, 1, 10)]).hasSelfOrAssociate)
    }

    @Test("later evidence joins the open alert; after the quiet period a new alert opens")
    func merging() {
        let events = [lookup("E1", 5, 21), lookup("E2", 5, 22, person: 4), lookup("E3", 12, 21), lookup("E4", 12, 22, person: 4)]
        let joined = Fixture.run(events)
        #expect(joined.alerts.count == 1)
        #expect(joined.alerts[0].evidence.map(\.event.eventID) == ["E1", "E2", "E3", "E4"])
        #expect(joined.alerts[0].score >= joined.alerts[0].scoreAtOpen)
        var rules = Fixture.fullPoints
        rules.risk.quietDays = 3
        let separate = Fixture.run(events, rules: rules)
        #expect(separate.alerts.map(\.openingEventID) == ["E2", "E3"])
    }

    @Test("risk decays by half each half-life, and late hits are added decayed")
    func decay() {
        func hit(_ points: Double, _ day: Int) -> Hit {
            Hit(indicator: .offDuty, points: points, at: Fixture.at(day, 0), staff: 0, person: nil, evidence: [],
                detail: "")
        }
        var ledger = RiskLedger()
        ledger.add(hit(10, 0), halfLife: 10, window: 30 * 86_400)
        #expect(abs(ledger.score(at: Fixture.at(10, 0).seconds, halfLife: 10) - 5) < 1e-9)
        #expect(abs(ledger.score(at: Fixture.at(20, 0).seconds, halfLife: 10) - 2.5) < 1e-9)
        ledger.add(hit(4, 10), halfLife: 10, window: 30 * 86_400)
        #expect(abs(ledger.score(at: Fixture.at(10, 0).seconds, halfLife: 10) - 9) < 1e-9)
        ledger.add(hit(8, 0), halfLife: 10, window: 30 * 86_400)   // arrives late: counts as 4 at day 10
        #expect(abs(ledger.score(at: Fixture.at(10, 0).seconds, halfLife: 10) - 13) < 1e-9)
        #expect(ledger.distinctIndicators == 1)
    }

    @Test("volume adds at most the cap; specific hits keep it all on the most sought-out person, a share on others")
    func weighing() {
        func hit(_ indicator: IndicatorName, _ points: Double, person: PersonIndex?) -> Hit {
            Hit(indicator: indicator, points: points, at: Fixture.at(1, 10), staff: 0, person: person, evidence: [],
                detail: "")
        }
        let weighing = RiskLedger.Weighing(volumeCap: 30, otherPeopleShare: 0.25)
        let now = Fixture.at(1, 10).seconds
        var ledger = RiskLedger()
        // A clerk's thousand sensitive-field hits reach the cap and stay there.
        for _ in 0..<1000 { ledger.add(hit(.sensitiveFields, 15, person: 1), halfLife: 10, window: 30 * 86_400, weighing) }
        ledger.add(hit(.volumeOutlier, 6, person: nil), halfLife: 10, window: 30 * 86_400, weighing)
        #expect(ledger.score(at: now, halfLife: 10, weighing) == 30)
        // Specific hits: 16 on P3 (the most sought-out), 8 on P4 and 4 on P5 at a quarter, and a skew in full.
        ledger.add(hit(.repeatLookups, 16, person: 3), halfLife: 10, window: 30 * 86_400, weighing)
        ledger.add(hit(.revisitAfterInvolvement, 8, person: 4), halfLife: 10, window: 30 * 86_400, weighing)
        ledger.add(hit(.repeatLookups, 4, person: 5), halfLife: 10, window: 30 * 86_400, weighing)
        ledger.add(hit(.demographicSkew, 8, person: nil), halfLife: 10, window: 30 * 86_400, weighing)
        #expect(abs(ledger.score(at: now, halfLife: 10, weighing) - (30 + 16 + 0.25 * 12 + 8)) < 1e-9)
        // Ten days on, everything has halved.
        #expect(abs(ledger.score(at: now + 10 * 86_400, halfLife: 10, weighing) - (15 + 8 + 1.5 + 4)) < 1e-9)
        // Unweighed (no cap, every person in full), the same specific hits sum.
        var plain = RiskLedger()
        for (points, person) in [(16.0, PersonIndex(3)), (8, 4), (4, 5)] {
            plain.add(hit(.repeatLookups, points, person: person), halfLife: 10, window: 30 * 86_400)
        }
        #expect(plain.score(at: now, halfLife: 10) == 28)
    }

    @Test("returns spread over more people than the setting count less; one's own circle is never discounted")
    func spreadOfReturns() {
        func hit(_ indicator: IndicatorName, _ points: Double, person: PersonIndex) -> Hit {
            Hit(indicator: indicator, points: points, at: Fixture.at(1, 10), staff: 0, person: person, evidence: [],
                detail: "")
        }
        let weighing = RiskLedger.Weighing(volumeCap: 30, otherPeopleShare: 0.1, spreadPeople: 2)
        let now = Fixture.at(1, 10).seconds
        func ledger(_ hits: [Hit]) -> RiskLedger {
            var ledger = RiskLedger()
            for hit in hits { ledger.add(hit, halfLife: 10, window: 30 * 86_400, weighing) }
            return ledger
        }
        // The specific evidence an alert needs, with the share risk gives returns at the time (as the engine asks).
        func evidence(_ ledger: RiskLedger, _ minimum: Double) -> Bool {
            let people = ledger.returnedPeople()
            return ledger.hasSpecificEvidence(minimum: minimum, otherPeopleShare: 0.1,
                                              spread: RiskLedger.spreadFactor(people: people, spreadPeople: 2))
        }
        // Two people returned to: nothing is discounted (16 in full, 8 at a tenth).
        let two = ledger([hit(.repeatLookups, 16, person: 1), hit(.repeatLookups, 8, person: 2)])
        #expect(abs(two.score(at: now, halfLife: 10, weighing) - 16.8) < 1e-9)
        #expect(evidence(two, 16.8 - 1e-9))
        // Eight people returned to (a front counter's people reporting on bail): each keeps two eighths.
        let eight = ledger([hit(.repeatLookups, 16, person: 1)] + (2...8).map { hit(.repeatLookups, 8, person: $0) })
        let expected = 0.25 * (16 + 0.1 * 56)
        #expect(abs(eight.score(at: now, halfLife: 10, weighing) - expected) < 1e-9)
        #expect(evidence(eight, expected - 1e-9))
        #expect(!evidence(eight, expected + 0.01))
        // People holding under two points are fading looks, not people returned to: they do not count.
        let faint = ledger([hit(.repeatLookups, 16, person: 1)] + (2...8).map { hit(.repeatLookups, 1, person: $0) })
        #expect(abs(faint.score(at: now, halfLife: 10, weighing) - (16 + 0.1 * 7)) < 1e-9)
        // A look at a declared ex-partner keeps its points among many people returned to, and is not one of them.
        let circle = ledger([hit(.selfOrAssociate, 20, person: 9)] + (1...4).map { hit(.repeatLookups, 8, person: $0) })
        #expect(abs(circle.score(at: now, halfLife: 10, weighing) - (20 + 0.1 * 0.5 * 32)) < 1e-9)
        #expect(evidence(circle, 21.6 - 1e-9) && !evidence(circle, 21.6 + 0.01))
        // The alert says over how many people the returns were spread: the circle is not among them.
        #expect(eight.returnedPeople() == 8)
        #expect(faint.returnedPeople() == 1)
        #expect(circle.returnedPeople() == 4)
        // People returned to only with case work count a quarter each (the case-work share) among the people:
        // a hub re-reading twelve referrals' families every day; a woman sought out beside four of them stays
        // one of two.
        func work(_ points: Double, person: PersonIndex) -> Hit {
            var hit = hit(.repeatLookups, points, person: person)
            hit.caseWork = true
            return hit
        }
        let hub = ledger((1...12).map { work(4, person: PersonIndex($0)) })
        #expect(hub.returnedPeople() == 0, "case work is not counted unless asked")
        #expect(hub.returnedPeople(caseWorkShare: 0.25) == 3)
        #expect(hub.spread(over: 2, caseWorkShare: 0.25).share == 2.0 / 3)
        let sought = ledger([hit(.repeatLookups, 16, person: 20)] + (1...4).map { work(4, person: PersonIndex($0)) })
        #expect(sought.returnedPeople(caseWorkShare: 0.25) == 2)
        #expect(sought.spread(over: 2, caseWorkShare: 0.25).share == 1)
        // A person with points of both kinds counts once, as one returned to.
        let both = ledger([hit(.repeatLookups, 8, person: 1), work(4, person: 1)])
        #expect(both.returnedPeople(caseWorkShare: 1) == 1)
        // A person returned to off duty on many days keeps all her points among eight people returned to, and is
        // one of them: an offender manager reads every nominal's partner at work, and one of them from home at night.
        var offDuty = hit(.repeatLookups, 16, person: 1)
        offDuty.offDutyReturn = true
        let home = ledger([offDuty] + (2...8).map { hit(.repeatLookups, 8, person: $0) })
        #expect(home.returnedPeople() == 8)
        #expect(abs(home.score(at: now, halfLife: 10, weighing) - (16 + 0.1 * 0.25 * 56)) < 1e-9)
        #expect(evidence(home, 17.4 - 1e-9) && !evidence(home, 17.4 + 0.01))
        // Returns the routine of the role or team leaves without a hit count among the people too, case work as
        // case work, each person once, until the indicator window has passed since the latest.
        var routine = ledger([hit(.repeatLookups, 16, person: 1)])
        for person in 2...5 { routine.noteRoutineReturn(PersonIndex(person), at: now, caseWork: false, window: 30 * 86_400) }
        routine.noteRoutineReturn(1, at: now, caseWork: false, window: 30 * 86_400)
        for person in 6...9 { routine.noteRoutineReturn(PersonIndex(person), at: now, caseWork: true, window: 30 * 86_400) }
        #expect(routine.returnedPeople() == 5)
        #expect(routine.returnedPeople(caseWorkShare: 0.25) == 6)
        #expect(routine.spread(over: 2, caseWorkShare: 0.25).share == 2.0 / 6)
        routine.add(Hit(indicator: .repeatLookups, points: 16, at: Fixture.at(32, 10), staff: 0, person: 20,
                        evidence: [], detail: ""), halfLife: 10, window: 30 * 86_400, weighing)
        #expect(routine.returnedPeople(caseWorkShare: 0.25) == 1, "a month on, only the new return")
        // A person in both tallies counts once, as the higher: a faint shared look (under two points) does not hide
        // a return the routine spared, and a spared return in full outranks case work.
        var twice = ledger([hit(.repeatLookups, 1.5, person: 1), work(4, person: 2)])
        #expect(twice.returnedPeople(caseWorkShare: 1) == 1)
        twice.noteRoutineReturn(1, at: now, caseWork: false, window: 30 * 86_400)
        twice.noteRoutineReturn(2, at: now, caseWork: false, window: 30 * 86_400)
        #expect(twice.returnedPeople() == 2, "both in full")
        // Off (0), the same returns sum as before.
        let off = RiskLedger.Weighing(volumeCap: 30, otherPeopleShare: 0.1)
        #expect(abs(eight.score(at: now, halfLife: 10, off) - (16 + 0.1 * 56)) < 1e-9)
        #expect(RiskLedger.spreadFactor(people: 8, spreadPeople: 0) == 1)
        #expect(RiskLedger.spreadFactor(people: 2, spreadPeople: 2) == 1)
        #expect(RiskLedger.spreadFactor(people: 3, spreadPeople: 2) == 2.0 / 3)
    }

    @Test("an alert whose returns were spread over more people than the setting says so; with the setting off it does not")
    func spreadOfReturnsInTheAlert() {
        // S6 looks up three unmarked people, each on seven days: repeated look-ups of all three, spread over three.
        let events = (0..<7).flatMap { day in
            (1...3).map { person in
                Fixture.event("E\(day)-\(person)", Fixture.at(day, 9 + person), staff: 5, person: PersonIndex(person))
            }
        }
        let spread = Fixture.run(events)
        #expect(spread.alerts.count == 1)
        #expect(spread.alerts.first?.why.contains("Their returns were spread over 3 people, so each kept 67% of its points.") == true)
        var off = Fixture.fullPoints
        off.risk.returnsSpreadPeople = 0
        let plain = Fixture.run(events, rules: off)
        #expect(plain.alerts.count == 1)
        #expect(plain.alerts.first?.why.contains("spread over") == false)
        // Discounted, the same returns take longer to reach the threshold.
        if let discounted = spread.alerts.first, let full = plain.alerts.first {
            #expect(discounted.openedAt > full.openedAt)
        }
    }

    @Test("an alert with a return made off duty on many days among spread returns says that one kept all of its points")
    func offDutyReturnInTheAlert() {
        // Three people returned to at work on four days, and a fourth from home at night on five.
        func run(nights: [Int]) -> String {
            let days = (0..<4).flatMap { day in
                (1...3).map { person in
                    Fixture.event("E\(day)-\(person)", Fixture.at(day, 9 + person), staff: 5,
                                  person: PersonIndex(person))
                }
            }
            let home = nights.map { Fixture.event("N\($0)", Fixture.at($0, 22), staff: 5, person: 0,
                                                  workstation: "REMOTE-6") }
            return Fixture.run((days + home).sorted { $0.at < $1.at }).alerts.first?.why ?? ""
        }
        // After the alert opened, the summary reads the return made from home; the words about the spread stay
        // the opening's, which it was not among.
        let after = run(nights: [5, 6, 7, 8, 9])
        #expect(after.contains("of those days off duty"), "\(after)")
        #expect(after.contains("Their returns were spread over 3 people, so each kept 67% of its points."))
        #expect(!after.contains("but a return made off duty"), "\(after)")
    }

    @Test("an exception suppresses the hits it covers, is counted, and covers nothing outside its dates")
    func exceptions() {
        var rules = Fixture.fullPoints
        rules.exceptions = [RuleException(rule: .sensitiveFields, staffID: "S6", until: "2025-01-11",
                                          grantedBy: "head of unit", grantedOn: "2025-01-02", why: "test")]
        let run = Fixture.run([lookup("E1", 5, 21), lookup("E2", 6, 21)], rules: rules)
        #expect(run.suppressed.map(\.indicator) == [.sensitiveFields])
        #expect(run.hits.filter { $0.indicator == .sensitiveFields }.map { $0.evidence.last?.eventID } == ["E2"])
        #expect(run.summary.suppressedByException == [1])
        var unknown = Fixture.fullPoints
        unknown.exceptions = [RuleException(rule: nil, staffID: "S404", until: "2030-01-01", grantedBy: "x",
                                            grantedOn: "2025-01-01", why: "typo")]
        #expect(Fixture.run([lookup("E1", 5, 21)], rules: unknown).summary.unresolvableExceptions == [0])
    }

    @Test("the budget reaches the highest risk first and carries the rest over to later weeks")
    func budget() {
        func alert(_ number: Int, score: Double, day: Int) -> Alert {
            Alert(alertID: "A-\(number)", staffID: "S\(number)", staff: 0, openedAt: Fixture.at(day, 10),
                  openingEventID: "E\(number)", scoreAtOpen: score, score: score, lastEvidenceAt: Fixture.at(day, 10),
                  contributions: [], evidence: [], evidenceCount: 0, riskByDay: [], people: [], why: "")
        }
        var alerts = [alert(1, score: 30, day: 0), alert(2, score: 50, day: 1), alert(3, score: 40, day: 2),
                      alert(4, score: 20, day: 3), alert(5, score: 25, day: 7)]
        Budget.apply(&alerts, perWeek: 2)
        #expect(alerts.map(\.overBudget) == [false, false, false, true, false])
        #expect(alerts[1].surfacedAt == Fixture.at(1, 10))
        #expect(alerts[2].surfacedAt == Fixture.at(2, 10))
        // Alert 1 (30) waits for the second week, where it and alert 5 (25) outrank alert 4 (20), never reached.
        #expect(alerts[0].surfacedAt == Fixture.at(7, 0))
        #expect(alerts[4].surfacedAt == Fixture.at(7, 10))
        #expect(alerts[3].surfacedAt == nil)

        // With the data running on a week past the last alert, the queue works through that week too.
        Budget.apply(&alerts, perWeek: 2, through: Fixture.at(15, 0))
        #expect(alerts[3].surfacedAt == Fixture.at(14, 0))
        // The queue ranks by the risk known by the end of each week, never by what came later: alert 4's risk
        // rose in week three, so in week one alerts 2 and 3 are reached before it.
        var later = [alert(1, score: 30, day: 0), alert(2, score: 50, day: 1), alert(3, score: 40, day: 2),
                     alert(4, score: 20, day: 3)]
        later[3].score = 90
        later[3].riskByDay = [Alert.RiskPoint(day: Fixture.at(3, 0), score: 20), Alert.RiskPoint(day: Fixture.at(15, 0), score: 90)]
        Budget.apply(&later, perWeek: 2)
        #expect(later[2].surfacedAt == Fixture.at(2, 10))
        #expect(later[3].surfacedAt == nil)
    }

    @Test("alerts as JSON carry the documented fields, in a stable order")
    func json() throws {
        let run = Fixture.run([lookup("E1", 5, 21), lookup("E2", 5, 22, person: 4)])
        let line = AlertJSON.line(run.alerts[0])
        #expect(line.hasPrefix(#"{"alert_id":"A-000001","staff_id":"S6","opened_at":"2025-01-11T22:00:00Z","opening_event_id":"E2","score":"#))
        for key in ["\"indicators\":[", "\"evidence\":[\"E1\",\"E2\"]", "\"why\":", "\"contributions\":[",
                    "\"people\":[", "\"evidence_detail\":[", "\"explanations_tried\":["] {
            #expect(line.contains(key), "missing \(key)")
        }
        #expect(!line.contains("P1") && !line.contains("Vera"), "people appear only as pseudonyms")
    }

    @Test("a return made off duty on many days is the example the alert's summary reads, however many came before")
    func offDutyReturnExample() {
        var draft = AlertDraft(number: 1, staff: 5, staffID: "S6", openedAt: Fixture.at(9, 22), openingEventID: "E9",
                               scoreAtOpen: 30)
        func hit(_ detail: String, offDuty: Bool = false) -> Hit {
            var hit = Hit(indicator: .repeatLookups, points: 4, at: Fixture.at(9, 22), staff: 5, person: 1,
                          evidence: [], detail: detail)
            hit.offDutyReturn = offDuty
            return hit
        }
        for detail in ["first", "second", "third"] { draft.add(hit(detail), score: 30, maximumEvidence: 100) }
        draft.add(hit("off duty", offDuty: true), score: 30, maximumEvidence: 100)
        draft.add(hit("fifth"), score: 30, maximumEvidence: 100)
        #expect(draft.contributions[.repeatLookups]?.examples == ["first", "second", "off duty"])
        #expect(draft.contributions[.repeatLookups]?.hits == 5)
        #expect(draft.keptOffDutyReturn)
        // Coming first, it stays last as later returns take the places left.
        var early = AlertDraft(number: 2, staff: 5, staffID: "S6", openedAt: Fixture.at(9, 22), openingEventID: "E9",
                               scoreAtOpen: 30)
        for next in [hit("off duty", offDuty: true), hit("later"), hit("later still"), hit("last")] {
            early.add(next, score: 30, maximumEvidence: 100)
        }
        #expect(early.contributions[.repeatLookups]?.examples == ["later", "later still", "off duty"])
    }

    @Test("an alert's summary, as detection builds it, reads the repeated look-up of the person returned to most")
    func builtSummaryLeadsWithPersonSoughtOut() throws {
        // S6 returns to P1 on three days, then to P2 on seven: the first three repeated look-ups kept as examples end
        // with P2 on her fourth day, but the summary reads P2's latest, her seventh.
        let first = (0..<3).map { Fixture.event("A\($0)", Fixture.at($0, 10), staff: 5, person: 1) }
        let second = (3..<10).map { Fixture.event("B\($0)", Fixture.at($0, 10), staff: 5, person: 2) }
        let alert = try #require(Fixture.run(first + second).alerts.first)
        let examples = try #require(alert.contributions.first { $0.indicator == .repeatLookups }?.examples)
        #expect(examples.last?.contains("on 4 different days") == true, "\(examples)")
        let p2 = Pseudonymiser(key: Fixture.key).person(Fixture.reference().persons[2].personID)
        #expect(alert.why.hasPrefix("They looked up \(p2) on 7 different days"), "\(alert.why)")
    }

    @Test("the summary leads with the person the score is most about, not with whoever came first")
    func summaryLeadsWithPersonSoughtOut() {
        var draft = AlertDraft(number: 1, staff: 5, staffID: "S6", openedAt: Fixture.at(9, 22), openingEventID: "E9",
                               scoreAtOpen: 30)
        func hit(_ indicator: IndicatorName, _ person: PersonIndex, _ points: Double, _ detail: String) -> Hit {
            Hit(indicator: indicator, points: points, at: Fixture.at(9, 22), staff: 5, person: person, evidence: [],
                detail: detail)
        }
        // A suspect read once after the user's part ended, first, at a quarter; then the victim, on four days; a
        // later repeated look-up of the suspect scores less than the victim's.
        var hits = [hit(.revisitAfterInvolvement, 1, 1.5, "looked up SUSPECT 2 days after")]
        hits += (1...4).map { hit(.revisitAfterInvolvement, 2, 6, "looked up VICTIM \($0 + 4) days after") }
        hits += [hit(.repeatLookups, 2, 4, "looked up VICTIM on 3 different days"),
                 hit(.repeatLookups, 1, 1, "looked up SUSPECT on 3 different days"),
                 hit(.sensitiveFields, 1, 50, "opened the contact of SUSPECT")]
        for next in hits { draft.add(next, score: 30, maximumEvidence: 100) }
        let lead = draft.lead
        #expect(lead?.revisit?.detail == "looked up VICTIM 8 days after")
        #expect(lead?.revisit?.hits == 4)
        #expect(lead?.repeated == "looked up VICTIM on 3 different days",
                "volume (the contact details opened) does not make a person the one sought out")
        let contributions = [IndicatorName.revisitAfterInvolvement, .repeatLookups].map { name in
            Alert.Contribution(indicator: name, hits: draft.contributions[name]!.hits,
                               points: draft.contributions[name]!.points, weight: 1,
                               examples: draft.contributions[name]!.examples)
        }
        let alert = Alert(alertID: "A-000001", staffID: "S6", staff: 5, openedAt: Fixture.at(9, 22),
                          openingEventID: "E9", scoreAtOpen: 30, score: 30, lastEvidenceAt: Fixture.at(9, 22),
                          contributions: contributions, evidence: [], evidenceCount: 7, riskByDay: [], people: [],
                          why: "")
        let why = WhyThisFired.compose(alert, rules: Fixture.fullPoints, lead: lead)
        #expect(why.hasPrefix("They looked up VICTIM 8 days after, and returned to them on 3 more days (5 such returns "
                              + "to anyone in all). They looked up VICTIM on 3 different days. Risk 30"), "\(why)")
        // Without a lead, the first revisit and the last repeated look-up kept, with the count of all of them.
        let plain = WhyThisFired.compose(alert, rules: Fixture.fullPoints)
        #expect(plain.hasPrefix("They looked up SUSPECT 2 days after (5 such returns in all). They looked up SUSPECT "
                                + "on 3 different days."), "\(plain)")
    }
}
