@testable import CustodesDetection
import CustodesModel
import Testing

@Suite("Volume alone opens an alert only when it falls on one sex")
struct VolumeFocusTests {
    /// Eight more people: P6–P9 women, P10–P13 men (indices 5–12).
    static func people(_ data: inout ReferenceData) {
        for number in 6...13 {
            data.add(Person(personID: "P\(number)", familyName: "Person", givenName: "N\(number)",
                            sex: number <= 9 ? .female : .male, birthYear: 1990))
        }
    }

    /// The standard rules (peer baselines on), with police staff's peers having looked up 50 women and 50 men with
    /// no link, and S5 (police staff) none of them.
    static func engine() -> DetectionEngine {
        // The standard rules, peer baselines and all, but no learning weeks: the hits below are of the data's first days.
        var rules = RuleSet.standard
        rules.risk.learningWeeks = 0
        let engine = Fixture.engine(rules, extra: people)
        engine.roleSexTallies = [.policeStaff: SexTally(female: 50, known: 100)]
        engine.sexTallies = Array(repeating: SexTally(), count: engine.context.reference.staff.count)
        return engine
    }

    /// Contact details of `person` opened by S5, already weighed against peers at 10 points (two hits fill the cap).
    static func volume(_ person: PersonIndex, day: Int = 1, minute: Int) -> Hit {
        Hit(indicator: .sensitiveFields, points: 10, at: Fixture.at(day, 10, minute), staff: 4, person: person,
            evidence: [EvidenceEvent(Fixture.event("E\(person)-\(day)-\(minute)", Fixture.at(day, 10, minute), staff: 4,
                                                   person: person, fields: [.contact]), onDuty: true)],
            detail: "opened contact details with no business link")
    }

    @Test("the test: enough people, most of one sex, and more of it than the peers' share predicts")
    func test() {
        var four = VolumeFocus(people: 4, women: true, share: 1, peerShare: 0.5)
        four.detailsOpened = SexTally(female: 6, known: 6)
        #expect(abs(four.z - 2) < 1e-9, "four women of four against even: two standard deviations")
        #expect(four.isFocused(z: 1.5, minimumShare: 0.75, minimumPeople: 4))
        var three = VolumeFocus(people: 3, women: true, share: 1, peerShare: 0.5)
        three.detailsOpened = SexTally(female: 6, known: 6)
        #expect(!three.isFocused(z: 1.5, minimumShare: 0.75, minimumPeople: 4), "three people say nothing")
        // A conference's worth of victims and their families: 47% men against peers' 8% is far above what peers
        // predict, but it is not focused on men.
        let conference = VolumeFocus(people: 83, women: false, share: 0.47, peerShare: 0.08)
        #expect(conference.z > 10)
        #expect(!conference.isFocused(z: 1.5, minimumShare: 0.75, minimumPeople: 4))
        // Four men of five where peers look up 55% men: most of one sex, but what peers' work predicts.
        let coordinator = VolumeFocus(people: 5, women: false, share: 0.8, peerShare: 0.545)
        #expect(coordinator.z < 1.5)
        #expect(!coordinator.isFocused(z: 1.5, minimumShare: 0.75, minimumPeople: 4))
        #expect(four.words == "100% of the 4 people behind their volume above peers were women, against 50% of the "
                + "people peers in the same role looked up with no link; so were 6 of the 6 people whose contact "
                + "details, address or photograph they opened with no link, or in the days after a call they attended, "
                + "in the last 30 days")
    }

    /// S5's look-up of `person`'s contact details with no link, as the volume hit on her came from.
    static func opened(_ engine: DetectionEngine, _ person: PersonIndex, day: Int = 1, minute: Int) {
        let at = Fixture.at(day, 10, minute)
        engine.activities[4].unexplained.append(
            at: at.seconds, person: person, sex: engine.context.reference.persons[Int(person)].sex, inGroup: false,
            details: .opened, event: EvidenceEvent(Fixture.event("E", at, staff: 4, person: person), onDuty: true))
    }

    @Test("volume on four women opens an alert at the strong threshold and says why; on two women and two men it does not")
    func gate() {
        let focused = Self.engine()
        for (minute, person) in [5, 6, 7, 8].enumerated() {
            Self.opened(focused, PersonIndex(person), minute: minute)
            focused.record(Self.volume(PersonIndex(person), minute: minute), event: nil)
        }
        let alerts = focused.finish()
        #expect(alerts.count == 1)
        #expect(alerts.first?.why.contains("It opened on volume alone, because that volume was focused: 100% of the 4 "
                                           + "people behind their volume above peers were women") == true)
        let mixed = Self.engine()
        for (minute, person) in [5, 6, 9, 10].enumerated() {
            Self.opened(mixed, PersonIndex(person), minute: minute)
            mixed.record(Self.volume(PersonIndex(person), minute: minute), event: nil)
        }
        #expect(mixed.finish().isEmpty, "the same volume spread across both sexes is work")
        // The same four women behind the volume, but no one's details opened with no link: four people of one sex,
        // asked every day, are a coincidence some member of staff meets; it does not open.
        let undetailed = Self.engine()
        for (minute, person) in [5, 6, 7, 8].enumerated() {
            undetailed.record(Self.volume(PersonIndex(person), minute: minute), event: nil)
        }
        #expect(undetailed.finish().isEmpty, "no details opened: the handful behind the volume alone is not a focus")
        // With the focus not asked for, the same volume opens as before.
        var rules = RuleSet.standard
        rules.risk.volumeFocusZ = 0
        let unasked = Fixture.engine(rules, extra: Self.people)
        for (minute, person) in [5, 6, 9, 10].enumerated() { unasked.record(Self.volume(PersonIndex(person), minute: minute), event: nil) }
        #expect(unasked.finish().count == 1)
    }

    @Test("where the user's crew looks up more of that sex than the role does, the crew's share is the bar")
    func crewShare() {
        // Four men behind S5's volume, their details opened: against the role's even share, focused.
        func run(crewWomen: Int, crewKnown: Int) -> [Alert] {
            let engine = Self.engine()
            let crew = engine.peerGroup(of: 4)!
            engine.groupSexTallies = [crew: SexTally(female: crewWomen, known: crewKnown)]
            for (minute, person) in [9, 10, 11, 12].enumerated() {
                Self.opened(engine, PersonIndex(person), minute: minute)
                engine.record(Self.volume(PersonIndex(person), minute: minute), event: nil)
            }
            return engine.finish()
        }
        #expect(run(crewWomen: 0, crewKnown: 0).count == 1, "no one else in the crew: the role's share")
        // A custody suite's detention officers: the rest of the crew looked up 5 women among 100 people.
        #expect(run(crewWomen: 5, crewKnown: 100).isEmpty, "what the crew's own work predicts")
        // A crew that looks up more women than the role does is no lower bar: the role's share stands.
        let opened = run(crewWomen: 90, crewKnown: 100)
        #expect(opened.count == 1)
        #expect(opened.first?.why.contains("against 50% of the people peers in the same role looked up") == true)
        var crew = VolumeFocus(people: 4, women: false, share: 1, peerShare: 0.9)
        crew.peers = .crew
        #expect(crew.words.hasPrefix("100% of the 4 people behind their volume above peers were men, against 90% of "
                                     + "the people others in their role they work with looked up with no link"))
    }

    @Test("the people whose details were opened must be enough and lean the same way, by the z and the exact tail")
    func detailsOpened() {
        let four = VolumeFocus(people: 4, women: false, share: 1, peerShare: 0.53)
        #expect(!four.isFocused(z: 1.5, minimumShare: 0.75, minimumPeople: 4),
                "no details opened: the people behind the volume alone are not enough")
        // A missing-persons coordinator: four men behind the volume while the score climbed, but the details of 40
        // people of both sexes opened.
        var coordinator = four
        coordinator.detailsOpened = SexTally(female: 18, known: 40)
        #expect(!coordinator.isFocused(z: 1.5, minimumShare: 0.75, minimumPeople: 4))
        #expect(coordinator.words.hasSuffix("; so were 22 of the 40 people whose contact details, address or photograph "
                                            + "they opened with no link, or in the days after a call they attended, in "
                                            + "the last 30 days"))
        // Three people's details are too few to lean, whichever way they go.
        var few = four
        few.detailsOpened = SexTally(female: 0, known: 3)
        #expect(!few.isFocused(z: 1.5, minimumShare: 0.75, minimumPeople: 4))
        // Six men of six whose details were opened, where peers look up 53% men: the lean is in the details too.
        var men = four
        men.detailsOpened = SexTally(female: 0, known: 6)
        #expect(men.isFocused(z: 1.5, minimumShare: 0.75, minimumPeople: 4))
        // A harvester of women's contact details: 12 women of 12 against peers' even share.
        var harvester = VolumeFocus(people: 4, women: true, share: 1, peerShare: 0.5)
        harvester.detailsOpened = SexTally(female: 12, known: 12)
        #expect(harvester.isFocused(z: 1.5, minimumShare: 0.75, minimumPeople: 4))
        // Four women of four where peers look up 53% women passes the z (1.9) but not the exact tail (one in 13).
        var handful = VolumeFocus(people: 4, women: true, share: 1, peerShare: 0.53)
        handful.detailsOpened = SexTally(female: 4, known: 4)
        #expect(DetectionEngine.binomialZ(count: 4, of: 4, share: 0.53) > 1.5)
        #expect(!handful.isFocused(z: 1.5, minimumShare: 0.75, minimumPeople: 4))
        // Ten women of twelve where peers look up 75% women: most of one sex, but what peers' work predicts.
        var usual = VolumeFocus(people: 4, women: true, share: 1, peerShare: 0.75)
        usual.detailsOpened = SexTally(female: 10, known: 12)
        #expect(!usual.detailsLean(z: 1.5, minimumShare: 0.75, minimumPeople: 4))
    }

    @Test("three people of one sex are enough where the details opened lean the same way by the exact tail")
    func threePeople() {
        #expect(RuleSet.standard.risk.volumeFocusPeople == 3)
        // An analyst opening young women's custody images and contact details, where their crew looks up 20% women.
        var analyst = VolumeFocus(people: 3, women: true, share: 1, peerShare: 0.2)
        analyst.detailsOpened = SexTally(female: 3, known: 3)
        #expect(analyst.isFocused(z: 1.5, minimumShare: 0.8, minimumPeople: 3))
        #expect(!analyst.isFocused(z: 1.5, minimumShare: 0.8, minimumPeople: 4), "at four, as before, it waits")
        // Three women of three where peers look up half: the z passes (1.7), the exact tail (one in eight) does not.
        var even = VolumeFocus(people: 3, women: true, share: 1, peerShare: 0.5)
        even.detailsOpened = SexTally(female: 3, known: 3)
        #expect(even.z > 1.5)
        #expect(!even.isFocused(z: 1.5, minimumShare: 0.8, minimumPeople: 3))
        // Two people's details are too few to lean, however far from the peers.
        var two = analyst
        two.detailsOpened = SexTally(female: 2, known: 2)
        #expect(!two.isFocused(z: 1.5, minimumShare: 0.8, minimumPeople: 3))
    }

    @Test("the details opened come from the user's look-ups with no link in the indicator window, each person once")
    func detailsOpenedTally() {
        let engine = Self.engine()
        func look(_ person: PersonIndex, day: Int, sensitive: Bool) {
            let at = Fixture.at(day, 10)
            engine.activities[4].unexplained.append(
                at: at.seconds, person: person, sex: engine.context.reference.persons[Int(person)].sex, inGroup: false,
                details: sensitive ? .opened : .notOpened, event: EvidenceEvent(Fixture.event("E", at, staff: 4, person: person), onDuty: true))
        }
        look(5, day: 1, sensitive: true)    // a woman, 40 days before: outside the window
        look(7, day: 11, sensitive: true)   // a woman, exactly 30 days before: inside
        look(6, day: 35, sensitive: true)   // a woman
        look(6, day: 36, sensitive: true)   // the same woman again
        look(9, day: 37, sensitive: true)   // a man
        look(10, day: 38, sensitive: false) // a man, no details opened
        look(11, day: 42, sensitive: true)  // a man, after the time asked about
        #expect(engine.detailsOpened(staff: 4, at: Fixture.at(41, 10).seconds) == SexTally(female: 2, known: 3))
        #expect(engine.detailsOpened(staff: 4, at: Fixture.at(41, 10).seconds + 1) == SexTally(female: 1, known: 2))
        // Her details opened the day after a call the user attended count too: that volume is scored above peers.
        engine.activities[4].unexplained.appendFollowUp(at: Fixture.at(40, 10).seconds, person: 8, sex: .female)
        #expect(engine.detailsOpened(staff: 4, at: Fixture.at(41, 10).seconds + 1) == SexTally(female: 2, known: 3))
    }

    @Test("beside volume, returns to a name many colleagues read are not the specific evidence an alert needs")
    func sharedReturnsBesideVolume() {
        // Details of a woman and a man opened far above peers (20 points of volume), then a man (P12) looked up again
        // on two more days: 11 points of returns, two indicators, risk 28, under the strong threshold.
        func run(shared: Bool) -> [Alert] {
            let engine = Self.engine()
            engine.record(Self.volume(5, minute: 0), event: nil)
            engine.record(Self.volume(9, minute: 1), event: nil)
            for (day, points) in [(2, 5.0), (3, 6.0)] {
                var repeated = Hit(indicator: .repeatLookups, points: points, at: Fixture.at(day, 10), staff: 4,
                                   person: 11, evidence: [], detail: "looked up P12 on \(day + 1) different days")
                repeated.sharedSubject = shared
                engine.record(repeated, event: nil)
            }
            return engine.finish()
        }
        #expect(run(shared: false).count == 1, "a person the user returns to alone, beside volume, opens")
        #expect(run(shared: true).isEmpty, "a circulated name, beside volume, does not")
    }

    @Test("details opened in the days after a call are among the details volume is weighed against, not the skew's")
    func followUpDetails() {
        // S1 attended O1 until 11:00 on the 6th and opens its victim P1's contact details at 22:00 on the 7th and the
        // 8th, from home: past the attendance's 12 hours, scored as details opened above peers.
        let engine = Fixture.engine(.standard)
        for (offset, time) in [Fixture.at(1, 22), Fixture.at(2, 22)].enumerated() {
            engine.process(Fixture.event("E\(offset)", time, staff: 0, person: 0, fields: [.summary, .contact],
                                         workstation: "REMOTE-1"))
        }
        _ = engine.finish()
        let lookups = engine.activities[0].unexplained.lookups
        #expect(lookups.count == 2)
        #expect(lookups.allSatisfy { $0.followsAttendance && $0.sensitive && !$0.inGroup })
        #expect(engine.detailsOpened(staff: 0, at: Fixture.at(3, 10).seconds).known == 1, "each person once")
        // A look at her summary alone the days after is not a detail opened, and is not kept.
        let summary = Fixture.engine(.standard)
        summary.process(Fixture.event("E", Fixture.at(1, 22), staff: 0, person: 0, workstation: "REMOTE-1"))
        _ = summary.finish()
        #expect(summary.activities[0].unexplained.isEmpty)
    }

    @Test("look-ups with no link are kept for the skew's window or the indicator window, whichever is longer")
    func lookupWindow() {
        var rules = RuleSet.standard
        let skew = rules.rules.firstIndex { $0.name == .demographicSkew }!
        rules.rules[skew].parameters["window_days"] = 14
        let engine = Fixture.engine(rules, extra: Self.people)
        #expect(engine.compiled.lookupWindow == Int64(rules.risk.indicatorWindowDays) * 86_400)
        var activity = StaffActivity()
        let at = Fixture.at(1, 10)
        activity.unexplained.append(at: at.seconds, person: 5, sex: .female, inGroup: false, details: .opened,
                                    event: EvidenceEvent(Fixture.event("E", at, staff: 4, person: 5), onDuty: true))
        activity.prune(now: Fixture.at(21, 10).seconds, repeatWindow: engine.compiled.repeatWindow,
                       lookupWindow: engine.compiled.lookupWindow)
        #expect(activity.unexplained.lookups.count == 1, "20 days old: inside the 30-day indicator window")
        activity.prune(now: Fixture.at(32, 10).seconds, repeatWindow: engine.compiled.repeatWindow,
                       lookupWindow: engine.compiled.lookupWindow)
        #expect(activity.unexplained.isEmpty)
    }

    @Test("a demographic skew among the recent hits lets volume alone open: it says whom the volume falls on")
    func skewOpens() {
        let engine = Self.engine()
        // Volume on two women and two men is work (the capped volume stays at 30 without opening); the skew, once
        // among the recent hits, opens it.
        for (minute, person) in [5, 6, 9, 10].enumerated() { engine.record(Self.volume(PersonIndex(person), minute: minute), event: nil) }
        #expect(engine.drafts.isEmpty)
        engine.record(Hit(indicator: .demographicSkew, points: 1, at: Fixture.at(1, 11), staff: 4, person: nil,
                          evidence: [], detail: "9 of the 15 people ... were women aged 16–35"), event: nil)
        engine.record(Self.volume(7, day: 2, minute: 0), event: nil)
        let alerts = engine.finish()
        #expect(alerts.count == 1)
        #expect(alerts.first?.why.contains("It opened on volume alone, because the people they looked up were skewed (above).") == true)
    }

    @Test("volume on one person on three different days opens an alert whatever the sex; on two days it does not")
    func concentrated() {
        // Twice a day on one man (P10), with one look at a woman (P6): not focused on a sex, but on one person.
        let engine = Self.engine()
        engine.record(Self.volume(5, day: 1, minute: 0), event: nil)
        for day in 1...2 {
            for minute in 1...2 { engine.record(Self.volume(9, day: day, minute: minute), event: nil) }
        }
        #expect(engine.drafts.isEmpty, "two days on one person are not yet a return")
        engine.record(Self.volume(9, day: 3, minute: 1), event: nil)
        let alerts = engine.finish()
        #expect(alerts.count == 1)
        #expect(alerts.first?.openedAt == Fixture.at(3, 10, 1))
        let pseudonym = engine.pseudonym(of: 9)
        #expect(alerts.first?.why.contains("It opened on volume alone, because that volume fell on one person: 5 of its 6 "
                                           + "hits with a person, on 3 different days, were on \(pseudonym).") == true)
        // A third day counts whichever indicator fell on her, but not a return that came with work on her case.
        for caseWork in [true, false] {
            let returned = Self.engine()
            returned.record(Self.volume(5, day: 1, minute: 0), event: nil)
            for day in 1...2 {
                for minute in 1...2 { returned.record(Self.volume(9, day: day, minute: minute), event: nil) }
            }
            var repeated = Hit(indicator: .repeatLookups, points: 1, at: Fixture.at(3, 10, 1), staff: 4, person: 9,
                               evidence: [], detail: "looked up P10 on 3 different days with no business link of their own")
            repeated.caseWork = caseWork
            returned.record(repeated, event: nil)
            #expect(returned.drafts.count == (caseWork ? 0 : 1), "case work: \(caseWork)")
        }
        // Half of the hits, not fewer: the same three days among as many looks at others are a workload.
        let spread = VolumeFocus(people: 4, women: true, share: 0.5, peerShare: 0.5, hits: 11, topPerson: 9, topHits: 5,
                                 topDays: 3)
        #expect(!spread.isConcentrated(minimumDays: 3))
        #expect(VolumeFocus(people: 4, women: true, share: 0.5, peerShare: 0.5, hits: 10, topPerson: 9, topHits: 5,
                            topDays: 3).isConcentrated(minimumDays: 3))
    }

    @Test("the peers' share leaves the user out and is shrunk towards even; it is worked out again as hits come")
    func peersAndCache() {
        let engine = Self.engine()
        // The role's 100 people were all women, 60 of them S5's own: peers' 40 women of 40, shrunk with ten even
        // people to 45 of 50.
        engine.roleSexTallies = [.policeStaff: SexTally(female: 100, known: 100)]
        engine.sexTallies[4] = SexTally(female: 60, known: 60)
        for (minute, person) in [5, 6].enumerated() { engine.activities[4].risk.add(Self.volume(PersonIndex(person), minute: minute), halfLife: 10, window: 30 * 86_400) }
        let first = engine.volumeFocus(staff: 4, at: Fixture.at(1, 11).seconds)
        #expect(first?.people == 2 && first?.women == true)
        #expect(abs((first?.peerShare ?? 0) - 0.9) < 1e-9)
        // A third woman the same day is counted: a few looks in one evening each count.
        engine.activities[4].risk.add(Self.volume(7, minute: 3), halfLife: 10, window: 30 * 86_400)
        #expect(engine.volumeFocus(staff: 4, at: Fixture.at(1, 11).seconds)?.people == 3)
        // Before the role has a baseline (the force's first week) there is nothing to compare with.
        engine.roleSexTallies = [:]
        #expect(engine.volumeFocus(staff: 4, at: Fixture.at(2, 11).seconds) == nil)
    }

    @Test("a week's close counts each role's people looked up with no link by sex, each person once, and each user's")
    func weekTallies() {
        let engine = Fixture.engine(.standard, extra: Self.people)
        let at = Fixture.at(1, 10)
        func look(_ staff: Int, _ person: PersonIndex) {
            engine.activities[staff].unexplained.append(
                at: at.seconds, person: person, sex: engine.context.reference.persons[Int(person)].sex, inGroup: false,
                event: EvidenceEvent(Fixture.event("E", at, staff: StaffIndex(staff), person: person), onDuty: true))
        }
        // S5 (police staff) looked up P6 twice and P10 once; S1 (response) P7; nobody else. S5 also opened P8's
        // details the day after a call they attended: not a look-up with no link, so not among the peers' people.
        look(4, 5); look(4, 5); look(4, 9); look(0, 6)
        engine.activities[4].unexplained.appendFollowUp(at: at.seconds, person: 7, sex: .female)
        let week = at.weekNumber
        engine.closeWeek(week, tallies: engine.weekTallies(week))
        #expect(engine.roleSexTallies[.policeStaff] == SexTally(female: 1, known: 2))
        #expect(engine.roleSexTallies[.responseOfficer] == SexTally(female: 1, known: 1))
        #expect(engine.sexTallies[4] == SexTally(female: 1, known: 2))
        // Off, nothing is counted.
        var rules = RuleSet.standard
        rules.risk.volumeFocusZ = 0
        let off = Fixture.engine(rules, extra: Self.people)
        off.activities[4].unexplained = engine.activities[4].unexplained
        off.closeWeek(week, tallies: off.weekTallies(week))
        #expect(off.roleSexTallies.isEmpty)
    }

    @Test("the rules file reads and writes the focus settings and refuses nonsense")
    func rulesFile() throws {
        var rules = RuleSet.standard
        rules.risk.volumeFocusZ = 2.5
        rules.risk.volumeFocusShare = 0.8
        rules.risk.volumeFocusPeople = 6
        let parsed = try RuleSet.parse(rules.yaml, file: "rules.yaml")
        #expect(parsed.risk.volumeFocusZ == 2.5 && parsed.risk.volumeFocusShare == 0.8 && parsed.risk.volumeFocusPeople == 6)
        #expect(throws: RulesError.self) {
            try RuleSet.parse(rules.yaml.replacingOccurrences(of: "volume_focus_share: 0.8", with: "volume_focus_share: 1.5"),
                              file: "rules.yaml")
        }
        #expect(throws: RulesError.self) {
            try RuleSet.parse(rules.yaml.replacingOccurrences(of: "volume_focus_people: 6", with: "volume_focus_people: 0"),
                              file: "rules.yaml")
        }
    }
}
