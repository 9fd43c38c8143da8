import CustodesModel

/// What each cast member of staff does on a given day. Misconduct look-ups are made with no business link; benign
/// look-alikes are made with one (an assignment, a tasking, a team) that a naive rule would not consult.
enum ScenarioPlayer {
    static func act(_ actor: inout ScenarioActor, in sim: ForceSimulation) {
        guard sim.day >= actor.nextDay else { return }
        switch actor.scenario {
        case .postClosureRevisitor: postClosureRevisitor(&actor, sim)
        case .contactHarvester: contactHarvester(&actor, sim)
        case .offDutyBrowser: offDutyBrowser(&actor, sim)
        case .linkedPersonExpander: linkedPersonExpander(&actor, sim)
        case .selfFamilyCheck: selfFamilyCheck(&actor, sim)
        case .slowBurn: slowBurn(&actor, sim)
        case .callHandlerLookup: callHandlerLookup(&actor, sim)
        case .insideTeamLink: insideTeamLink(&actor, sim)
        case .heavyCaseAccess: heavyCaseAccess(&actor, sim)
        case .reopenedCase: reopenedCase(&actor, sim)
        case .taskedAnalystSweep: taskedAnalystSweep(&actor, sim)
        case .colleagueCovering: colleagueCovering(&actor, sim)
        case .unrosteredOvertime: unrosteredOvertime(&actor, sim)
        }
    }

    /// A time for a look-up today: in the actor's shift when on duty, otherwise in the evening, from home or (in the
    /// realistic profile, mostly) from a force terminal after coming in or on a force device.
    private static func lookupTime(_ actor: ScenarioActor, _ sim: ForceSimulation,
                                   preferDuty: Bool = true) -> (Timestamp, String)? {
        if preferDuty, let shift = sim.shiftToday(of: actor.staff), let at = sim.time(in: shift) {
            return (at, sim.staff[actor.staff].workstation)
        }
        let at = sim.dayStart.adding(seconds: sim.random.int64(19 * 3600...(23 * 3600 + 1800)))
        guard sim.shift(of: actor.staff, at: at) == nil else { return nil }
        if sim.config.realistic && sim.random.chance(0.7) {
            return (at, sim.random.chance(0.5) ? sim.staff[actor.staff].workstation
                    : "MDT-\(sim.staff[actor.staff].record.collarNumber)")
        }
        return (at, "REMOTE-\(sim.staff[actor.staff].record.collarNumber)")
    }

    /// Starts the incident a scenario grows from, on the first day the actor is on duty.
    private static func startIncident(_ actor: inout ScenarioActor, _ sim: ForceSimulation, _ category: OccurrenceCategory,
                                      victimAges: ClosedRange<Int>, openDays: ClosedRange<Int>,
                                      role: (inout ForceSimulation.IncidentOverrides, Int) -> Void) -> Bool {
        guard let shift = sim.shiftToday(of: actor.staff), let at = sim.time(in: shift) else { return false }
        let profile = CategoryProfile.all.first { $0.category == category }!
        let victim = sim.newPerson(female: true, ages: victimAges)
        var overrides = ForceSimulation.IncidentOverrides(victim: victim, openDays: openDays)
        role(&overrides, actor.staff)
        let station = sim.staff[actor.staff].record.role == .callHandler
            ? sim.random.int(0...(sim.stationCount - 1)) : sim.staff[actor.staff].station
        let (occurrence, _) = sim.createIncident(profile, station: station, at: at, overrides: overrides)
        actor.occurrence = occurrence
        actor.targets = [victim]
        actor.closesAt = sim.occurrences[occurrence].closedAt
            ?? sim.activeCases.first { $0.occurrence == occurrence }?.closesAt ?? sim.config.end
        return true
    }

    // MARK: Misconduct

    /// Meets a victim of domestic abuse on duty, and keeps looking her up after the case has closed, later for her
    /// contact details and address.
    private static func postClosureRevisitor(_ actor: inout ScenarioActor, _ sim: ForceSimulation) {
        if actor.step == 0 {
            guard startIncident(&actor, sim, .domesticAbuse, victimAges: 20...38, openDays: 6...12, role: {
                $0.attending = $1
                $0.officerInCase = $1
            }) else { return }
            actor.step = 1
            let resume = actor.closesAt!.adding(seconds: Int64(sim.random.int(3...8)) * Timestamp.day)
            actor.nextDay = Int((resume.seconds - sim.config.start.seconds) / Timestamp.day)
            return
        }
        guard sim.random.chance(0.45), let (at, workstation) = lookupTime(actor, sim, preferDuty: sim.random.chance(0.7))
        else { return }
        let victim = actor.targets[0]
        let fields: FieldSet = actor.step < 4 ? [.summary, .identity] : [.summary, .contact, .address]
        sim.access(at, actor.staff, .rms, .view, .person, sim.personID(victim), fields, workstation: workstation,
                   scenario: actor.truth)
        if actor.step >= 3 && sim.random.chance(0.3) {
            sim.access(at.adding(seconds: 200), actor.staff, .pnc, .search, .person, sim.personID(victim),
                       [.identity, .address], reason: "enquiry", workstation: workstation, scenario: actor.truth)
        }
        actor.step += 1
        actor.nextDay = sim.day + sim.random.int(2...6)
    }

    /// Collects the contact details and addresses of vulnerable women from occurrences they have nothing to do with.
    private static func contactHarvester(_ actor: inout ScenarioActor, _ sim: ForceSimulation) {
        guard let shift = sim.shiftToday(of: actor.staff), sim.random.chance(0.5) else { return }
        let station = sim.staff[actor.staff].station
        for _ in 0..<sim.random.int(1...3) {
            guard !sim.population.vulnerable.isEmpty, let at = sim.time(in: shift) else { return }
            let person = sim.random.pick(sim.population.vulnerable)
            guard sim.population.persons[person].sex == .female,
                  !(sim.occurrencesOfPerson[person] ?? []).contains(where: { sim.occurrenceStation[$0] == station })
            else { continue }
            sim.access(at, actor.staff, .rms, .view, .person, sim.personID(person),
                       sim.random.chance(0.5) ? [.contact, .address] : [.summary, .contact], scenario: actor.truth)
        }
        actor.nextDay = sim.day + 1
    }

    /// On rest days, from home, browses young women's records and the custody photographs of female detainees.
    private static func offDutyBrowser(_ actor: inout ScenarioActor, _ sim: ForceSimulation) {
        actor.nextDay = sim.day + 1
        guard sim.shiftToday(of: actor.staff) == nil, sim.random.chance(0.4),
              let (start, workstation) = lookupTime(actor, sim, preferDuty: false) else { return }
        var at = start
        for _ in 0..<sim.random.int(3...6) where !sim.population.youngWomen.isEmpty {
            sim.access(at, actor.staff, .rms, .view, .person, sim.personID(sim.random.pick(sim.population.youngWomen)),
                       [.identity, .photo], workstation: workstation, scenario: actor.truth)
            at = at.adding(seconds: sim.random.int64(40...400))
        }
        for _ in 0..<sim.random.int(0...2) where !sim.population.femaleDetainees.isEmpty {
            sim.access(at, actor.staff, .custody, .view, .custodyImage,
                       sim.personID(sim.random.pick(sim.population.femaleDetainees)), [.photo],
                       workstation: workstation, scenario: actor.truth)
            at = at.adding(seconds: sim.random.int64(40...400))
        }
    }

    /// Works a domestic abuse case, and widens the search to the victim's family and her new partner, none of
    /// whom is in the case.
    private static func linkedPersonExpander(_ actor: inout ScenarioActor, _ sim: ForceSimulation) {
        if actor.step == 0 {
            guard startIncident(&actor, sim, .domesticAbuse, victimAges: 22...40, openDays: 20...40, role: {
                $0.officerInCase = $1
            }) else { return }
            let victim = actor.targets[0]
            let family = sim.population.persons[victim].familyName
            let household = sim.population.newHousehold()
            let mother = sim.population.add(sex: .female, age: sim.random.int(45...70), household: household,
                                            familyName: family, random: &sim.random)
            let sister = sim.population.add(sex: .female, age: sim.random.int(18...40), household: household,
                                            familyName: family, random: &sim.random)
            let partner = sim.population.add(sex: .male, age: sim.random.int(22...45), random: &sim.random)
            sim.population.link(victim, mother, .parent)
            sim.population.link(victim, sister, .sibling)
            sim.population.link(victim, partner, .partner)
            actor.targets = [victim, mother, sister, partner]
            actor.step = 1
            actor.nextDay = sim.day + sim.random.int(3...6)
            return
        }
        guard sim.random.chance(0.4), let (at, workstation) = lookupTime(actor, sim) else { return }
        let target = actor.targets[sim.random.int(1...(actor.targets.count - 1))]
        sim.access(at, actor.staff, .rms, .view, .person, sim.personID(target),
                   sim.random.chance(0.5) ? [.summary, .address] : [.summary, .contact, .associates],
                   workstation: workstation, scenario: actor.truth)
        actor.nextDay = sim.day + sim.random.int(1...4)
    }

    /// Looks up their own record, a relative's and an ex-partner's (declared as an association).
    private static func selfFamilyCheck(_ actor: inout ScenarioActor, _ sim: ForceSimulation) {
        if actor.step == 0 {
            let member = sim.staff[actor.staff]
            let household = sim.population.newHousehold()
            let me = sim.population.add(sex: member.sex, age: sim.random.int(25...55), household: household,
                                        familyName: member.familyName, random: &sim.random)
            sim.population.rename(me, given: member.givenName, postcode: member.record.homePostcode)
            let relative = sim.population.add(sex: sim.random.chance(0.5) ? .female : .male, age: sim.random.int(18...80),
                                              household: household, familyName: member.familyName, random: &sim.random)
            sim.population.rename(relative, given: nil, postcode: member.record.homePostcode)
            let ex = sim.population.add(sex: member.sex == .female ? .male : .female, age: sim.random.int(22...55),
                                        random: &sim.random)
            let declared = sim.config.start.adding(seconds: -Int64(sim.random.int(200...1000)) * Timestamp.day).startOfDay
            sim.declaredAssociations.append(DeclaredAssociation(staff: StaffIndex(actor.staff), person: PersonIndex(ex),
                                                                relation: .exPartner, declaredOn: declared))
            actor.targets = [me, relative, ex]
            actor.step = 1
        }
        guard let shift = sim.shiftToday(of: actor.staff), let at = sim.time(in: shift) else { return }
        let target = actor.targets[sim.random.int(0...(actor.targets.count - 1))]
        let pnc = sim.random.chance(0.4)
        sim.access(at, actor.staff, pnc ? .pnc : .rms, pnc ? .search : .view, .person, sim.personID(target),
                   [.summary, .address, .history], reason: pnc ? "enquiry" : "", scenario: actor.truth)
        actor.nextDay = sim.day + sim.random.int(5...12)
    }

    /// One quiet look every week or two at the same vulnerable woman, for months.
    private static func slowBurn(_ actor: inout ScenarioActor, _ sim: ForceSimulation) {
        if actor.targets.isEmpty {
            let candidates = sim.population.domesticAbuseVictims.filter { sim.population.persons[$0].sex == .female }
            guard !candidates.isEmpty else { return }
            actor.targets = [sim.random.pick(candidates)]
        }
        guard let (at, workstation) = lookupTime(actor, sim, preferDuty: sim.random.chance(0.75)) else { return }
        actor.step += 1
        sim.access(at, actor.staff, .rms, .view, .person, sim.personID(actor.targets[0]),
                   actor.step < 5 ? [.summary] : [.summary, .contact], workstation: workstation,
                   scenario: actor.truth)
        actor.nextDay = sim.day + sim.random.int(7...14)
    }

    /// Takes a call from a woman in distress, then looks her up days after the call, later for her contact details.
    private static func callHandlerLookup(_ actor: inout ScenarioActor, _ sim: ForceSimulation) {
        if actor.step == 0 {
            let category = sim.random.pick([OccurrenceCategory.domesticAbuse, .sexualOffence, .concernForWelfare])
            guard startIncident(&actor, sim, category, victimAges: 18...36, openDays: 5...20, role: {
                $0.callHandler = $1
            }) else { return }
            actor.step = 1
            actor.nextDay = sim.day + sim.random.int(1...3)
            return
        }
        guard sim.random.chance(0.5), let (at, workstation) = lookupTime(actor, sim) else { return }
        sim.access(at, actor.staff, .rms, .view, .person, sim.personID(actor.targets[0]),
                   actor.step < 3 ? [.summary, .identity] : [.summary, .contact, .address],
                   workstation: workstation, scenario: actor.truth)
        actor.step += 1
        actor.nextDay = sim.day + sim.random.int(3...8)
    }

    /// Attends a domestic abuse call that a teammate then takes as officer in case. While the case stays open the
    /// attending officer keeps looking the victim up on duty, later for her contact details and address: each look is
    /// explained by the team's open case. Once the case has closed (and its grace), the looks carry on with no link.
    private static func insideTeamLink(_ actor: inout ScenarioActor, _ sim: ForceSimulation) {
        if actor.step == 0 {
            let member = sim.staff[actor.staff]
            let teammates = sim.staff.indices.filter {
                $0 != actor.staff && sim.staff[$0].record.team == member.record.team
                    && sim.staff[$0].station == member.station && sim.staff[$0].servesThroughout
            }
            guard !teammates.isEmpty else { return }
            let officer = sim.random.pick(teammates)
            guard startIncident(&actor, sim, .domesticAbuse, victimAges: 19...38, openDays: 25...45, role: {
                $0.attending = $1
                $0.officerInCase = officer
            }) else { return }
            actor.step = 1
            actor.nextDay = sim.day + sim.random.int(4...7)
            return
        }
        guard sim.random.chance(0.5), let shift = sim.shiftToday(of: actor.staff), let at = sim.time(in: shift)
        else { return }
        let fields: FieldSet = actor.step < 3 ? [.summary, .identity] : [.summary, .contact, .address]
        sim.access(at, actor.staff, .rms, .view, .person, sim.personID(actor.targets[0]), fields, scenario: actor.truth)
        actor.step += 1
        actor.nextDay = sim.day + sim.random.int(2...5)
    }

    // MARK: Benign look-alikes

    /// Takes a demanding case and opens the file many times a day (the case work itself does the opening).
    private static func heavyCaseAccess(_ actor: inout ScenarioActor, _ sim: ForceSimulation) {
        guard startIncident(&actor, sim, sim.random.pick([.domesticAbuse, .sexualOffence]), victimAges: 18...40,
                            openDays: 20...45, role: { $0.officerInCase = $1 })
        else { return }
        actor.nextDay = sim.day + 30
    }

    /// A case closes; weeks later the same victim reports again and the same officer takes it: the look-ups after
    /// the first closure are explained by the new assignment.
    private static func reopenedCase(_ actor: inout ScenarioActor, _ sim: ForceSimulation) {
        if actor.step == 0 {
            guard startIncident(&actor, sim, .domesticAbuse, victimAges: 20...40, openDays: 5...10, role: {
                $0.officerInCase = $1
            }) else { return }
            actor.step = 1
            let reopen = actor.closesAt!.adding(seconds: Int64(sim.random.int(7...15)) * Timestamp.day)
            actor.nextDay = Int((reopen.seconds - sim.config.start.seconds) / Timestamp.day)
            return
        }
        guard actor.step == 1, let shift = sim.shiftToday(of: actor.staff), let at = sim.time(in: shift) else { return }
        let profile = CategoryProfile.all.first { $0.category == .stalkingHarassment }!
        let overrides = ForceSimulation.IncidentOverrides(victim: actor.targets[0], officerInCase: actor.staff,
                                                          openDays: 15...30)
        let (_, caseIndex) = sim.createIncident(profile, station: sim.staff[actor.staff].station, at: at,
                                                overrides: overrides)
        if let caseIndex { sim.activeCases[caseIndex].truth = actor.truth }
        actor.step = 2
    }

    /// A large tasked sweep, repeated every fortnight.
    private static func taskedAnalystSweep(_ actor: inout ScenarioActor, _ sim: ForceSimulation) {
        guard let shift = sim.shiftToday(of: actor.staff) else { return }
        sim.sweep(by: actor.staff, in: shift, occurrences: sim.random.int(120...200), scenario: actor.truth)
        actor.nextDay = sim.day + 14
    }

    /// Covers teammates' cases while they are off: reads the victims' records with no assignment of their own.
    private static func colleagueCovering(_ actor: inout ScenarioActor, _ sim: ForceSimulation) {
        actor.nextDay = sim.day + 1
        guard let shift = sim.shiftToday(of: actor.staff), sim.random.chance(0.4) else { return }
        let member = sim.staff[actor.staff]
        let teamCases = sim.activeCases.filter { file in
            guard let officer = file.officerInCase, officer != actor.staff, file.victim != nil else { return false }
            return sim.staff[officer].record.team == member.record.team && sim.staff[officer].station == member.station
        }
        guard !teamCases.isEmpty else { return }
        let file = sim.random.pick(teamCases)
        guard let at = sim.time(in: shift, after: file.assignedFrom), at < file.closesAt else { return }
        sim.access(at, actor.staff, .rms, .view, .person, sim.personID(file.victim!), [.summary, .contact],
                   scenario: actor.truth)
        sim.access(at.adding(seconds: 90), actor.staff, .rms, .view, .occurrence, sim.occurrenceID(file.occurrence),
                   [.notes], scenario: actor.truth)
    }

    /// Works on their own case during overtime that never reaches the roster.
    private static func unrosteredOvertime(_ actor: inout ScenarioActor, _ sim: ForceSimulation) {
        if actor.step == 0 {
            guard startIncident(&actor, sim, .domesticAbuse, victimAges: 20...50, openDays: 40...70, role: {
                $0.officerInCase = $1
            }) else { return }
            actor.step = 1
            actor.nextDay = sim.day + 2
            return
        }
        actor.nextDay = sim.day + 1
        // The first rest day after taking the case is always worked; later ones now and then.
        guard sim.shiftsToday[actor.staff].isEmpty, actor.step == 1 || sim.random.chance(0.35),
              let file = sim.activeCases.first(where: { $0.occurrence == actor.occurrence }) else { return }
        let start = sim.dayStart.adding(seconds: 10 * Timestamp.hour)
        let overtime = WorkedShift(start: start, end: start.adding(seconds: 8 * Timestamp.hour), kind: .overtime,
                                   rostered: false)
        sim.workOnCase(file, by: actor.staff, in: overtime, times: sim.random.int(2...5), scenario: actor.truth)
        actor.step += 1
    }
}
