import CustodesModel

/// The realistic profile's legitimate access with no business link on record, which real forces' audit data hold in
/// bulk and the tidy profile leaves out: person checks on patrol and in neighbourhoods with a typed reason but no
/// occurrence, briefings on the station's open occurrences and their victims, and analysts' and detectives'
/// research. Much of it touches people with vulnerability markers, because those are the people officers meet.
extension ForceSimulation {
    /// A share of the background population with vulnerability markers, as in a force's own records: people known
    /// for their mental health, substance misuse, going missing or domestic abuse are many, not a few.
    func markBackground(random: inout SeededRandom) {
        let common: [PersonMarker] = [.mentalHealth, .substanceMisuse, .domesticAbuseVictim, .vulnerableAdult,
                                      .missingPerson, .custodyDetainee, .mentalHealth, .substanceMisuse]
        for index in 0..<population.persons.count where random.chance(0.18) {
            var markers = MarkerSet(random.pick(common))
            if random.chance(0.25) { markers.formUnion(MarkerSet(random.pick(common))) }
            population.mark(index, markers)
        }
    }

    func unlinkedRoutineWork() {
        for station in 0..<stationCount {
            for role in [StaffRole.responseOfficer, .neighbourhoodOfficer, .pcso, .specialConstable] {
                for officer in onDutyIndex[DutyKey(station: station, role: role)] ?? [] {
                    guard let shift = shiftToday(of: officer) else { continue }
                    briefing(officer, station: station, shift: shift)
                    unrecordedChecks(officer, role: role, shift: shift)
                }
            }
            for role in [StaffRole.detective, .safeguardingOfficer] {
                for member in onDutyIndex[DutyKey(station: station, role: role)] ?? [] {
                    guard let shift = shiftToday(of: member) else { continue }
                    research(member, shift: shift, looks: random.poisson(4), reason: "enquiry")
                }
            }
        }
        for analyst in onDutyIndex[DutyKey(station: 0, role: .intelligenceAnalyst)] ?? [] {
            guard let shift = shiftToday(of: analyst) else { continue }
            research(analyst, shift: shift, looks: random.poisson(15), reason: "research")
        }
    }

    /// The start of a shift: the station's open occurrences read at the briefing, and some of the people in them.
    private func briefing(_ officer: Int, station: Int, shift: WorkedShift) {
        let open = activeCases.filter { occurrenceStation[$0.occurrence] == station }
        guard !open.isEmpty, random.chance(0.9) else { return }
        var at = shift.start.adding(seconds: random.int64(300...1800))
        for _ in 0..<random.int(3...8) {
            let file = open[random.int(0...(open.count - 1))]
            access(at, officer, .rms, .view, .occurrence, occurrenceID(file.occurrence), [.summary, .notes])
            at = at.adding(seconds: random.int64(30...240))
            if random.chance(0.3), let person = file.victim ?? file.suspect {
                access(at, officer, .rms, .view, .person, personID(person), [.summary, .warnings])
                at = at.adding(seconds: random.int64(30...240))
            }
        }
    }

    /// Person checks with a typed reason and nothing on record: a stop that was never written up, a name given at
    /// a door, a check on someone a neighbourhood team knows. Half are of people with markers.
    private func unrecordedChecks(_ officer: Int, role: StaffRole, shift: WorkedShift) {
        let rate = role == .responseOfficer || role == .specialConstable ? 3.0 : 2.0
        let device = random.chance(0.6) ? "MDT-\(staff[officer].record.collarNumber)" : staff[officer].workstation
        for _ in 0..<random.poisson(rate) {
            guard let at = time(in: shift) else { break }
            let person = random.chance(0.5) && !population.vulnerable.isEmpty
                ? random.pick(population.vulnerable) : population.anyone(&random)
            let reason = random.pick(["stop check", "enquiry", "", "intel check", "welfare check", "stop check"])
            let fields: FieldSet = random.chance(0.2) ? [.identity, .warnings, .address] : [.identity, .warnings]
            access(at, officer, random.chance(0.6) ? .pnc : .rms, random.chance(0.6) ? .search : .view, .person,
                   personID(person), fields, reason: reason, workstation: device)
        }
    }

    /// Desk research with no tasking on record: people in recent occurrences of the force, and their links.
    private func research(_ member: Int, shift: WorkedShift, looks: Int, reason: String) {
        let categories: [OccurrenceCategory] = [.domesticAbuse, .sexualOffence, .drugs, .assault, .stalkingHarassment]
        for _ in 0..<looks {
            guard let at = time(in: shift), let occurrence = recentByCategory[random.pick(categories)]?.last,
                  let person = personsOfOccurrence[occurrence].first else { continue }
            let target = random.chance(0.3) ? (population.linked(to: person).first ?? person) : person
            access(at, member, .rms, .view, .person, personID(target), [.summary, .history, .associates],
                   reason: reason)
        }
    }
}
