import CustodesModel

/// The legitimate system use that fills most of an audit log: patrol checks, case work, supervision, analysts'
/// taskings, and office work.
extension ForceSimulation {
    /// Stop checks and vehicle checks by officers on patrol; each stop is recorded as an occurrence they attended.
    /// A few person checks are made with no record at all, as happens on a real shift: the unexplained background
    /// that detection must tolerate.
    func patrolChecks() {
        for station in 0..<stationCount {
            for role in [StaffRole.responseOfficer, .specialConstable] {
                for officer in onDutyIndex[DutyKey(station: station, role: role)] ?? [] {
                    guard let shift = shiftToday(of: officer) else { continue }
                    let device = "MDT-\(staff[officer].record.collarNumber)"
                    for _ in 0..<random.poisson(0.35) {
                        guard let at = time(in: shift) else { break }
                        let stop = openOccurrence(.stopCheck, at: at, station: station,
                                                  closesAt: at.adding(seconds: 1200))
                        let person = random.chance(0.7) ? newPerson(female: random.chance(0.25), ages: 16...55)
                            : population.anyone(&random)
                        add(person, to: stop, as: .other)
                        assign(officer, to: stop, as: .attending, from: at, to: at.adding(seconds: 1200))
                        access(at.adding(seconds: 60), officer, .pnc, .search, .person, personID(person),
                               [.identity, .warnings], reason: "stop check", workstation: device)
                    }
                    for _ in 0..<random.poisson(1.0) {
                        guard let at = time(in: shift) else { break }
                        access(at, officer, .pnc, .search, .vehicle, vehicleRegistration(), [.vehicles],
                               reason: "vehicle check", workstation: device)
                    }
                    for _ in 0..<random.poisson(0.08) {
                        guard let at = time(in: shift) else { break }
                        access(at, officer, .pnc, .search, .person, personID(population.anyone(&random)),
                               [.identity, .warnings], reason: "enquiry", workstation: device)
                    }
                }
            }
        }
    }

    /// Officers in case, investigators and supervisors working their open cases.
    func caseWork() {
        for index in activeCases.indices {
            let file = activeCases[index]
            let opened = occurrences[file.occurrence].openedAt
            let ageDays = Int((dayStart.seconds - opened.seconds) / Timestamp.day)
            if let officer = file.officerInCase {
                if let shift = shiftToday(of: officer) {
                    let probability = file.heavy ? 1.0 : (ageDays < 7 ? 0.75 : 0.4)
                    if random.chance(probability) {
                        let count = file.heavy ? random.int(5...10) : random.int(1...4)
                        workOnCase(file, by: officer, in: shift, times: count, scenario: file.truth)
                    }
                } else if random.chance(0.03) {
                    coverCase(file, for: officer)
                }
            }
            if let investigator = file.investigator, let shift = shiftToday(of: investigator), random.chance(0.3) {
                workOnCase(file, by: investigator, in: shift, times: random.int(1...2), scenario: nil)
            }
            if let supervisor = file.supervisor, let shift = shiftToday(of: supervisor), random.chance(0.12),
               let at = time(in: shift, after: file.assignedFrom), at < file.closesAt {
                access(at, supervisor, .rms, .view, .occurrence, occurrenceID(file.occurrence), [.summary, .notes])
            }
        }
    }

    /// One member of staff's work on a case during a shift: reading and updating the file, contacting the victim,
    /// checking the suspect.
    func workOnCase(_ file: CaseFile, by member: Int, in shift: WorkedShift, times: Int, scenario: Int?) {
        for _ in 0..<times {
            guard let at = time(in: shift, after: file.assignedFrom), at < file.closesAt else { return }
            let draw = random.unit()
            if draw < 0.45, let victim = file.victim {
                let fields: FieldSet = random.chance(0.35) ? [.summary, .contact]
                    : random.chance(0.3) ? [.summary, .address] : [.summary, .notes]
                access(at, member, .rms, .view, .person, personID(victim), fields, scenario: scenario)
            } else if draw < 0.6, let suspect = file.suspect {
                let system = random.pick([SourceSystem.pnc, .rms, .rms, .pnd])
                access(at, member, system, system == .rms ? .view : .search, .person, personID(suspect),
                       [.identity, .warnings, .history], reason: system == .rms ? "" : "case work",
                       scenario: scenario)
            } else if draw < 0.85 {
                access(at, member, .rms, .view, .occurrence, occurrenceID(file.occurrence), [.summary, .notes],
                       scenario: scenario)
            } else {
                access(at, member, .rms, .update, .occurrence, occurrenceID(file.occurrence), [.notes],
                       scenario: scenario)
            }
        }
    }

    /// A colleague on the same team picks up a call about a case while its officer is off.
    private func coverCase(_ file: CaseFile, for officer: Int) {
        guard let victim = file.victim else { return }
        let key = DutyKey(station: staff[officer].station, role: staff[officer].record.role)
        let team = staff[officer].record.team
        let colleagues = (onDutyIndex[key] ?? []).filter { $0 != officer && staff[$0].record.team == team }
        guard !colleagues.isEmpty else { return }
        let colleague = random.pick(colleagues)
        guard let shift = shiftToday(of: colleague), let at = time(in: shift, after: file.assignedFrom),
              at < file.closesAt else { return }
        access(at, colleague, .rms, .view, .person, personID(victim), [.summary, .contact])
        access(at.adding(seconds: 120), colleague, .rms, .view, .occurrence, occurrenceID(file.occurrence), [.notes])
    }

    /// Analysts take taskings: a problem profile over recent occurrences of one category, which assigns them to
    /// those occurrences and has them read the records of everyone in them.
    func analystTaskings() {
        for analyst in onDutyIndex[DutyKey(station: 0, role: .intelligenceAnalyst)] ?? [] {
            guard let shift = shiftToday(of: analyst) else { continue }
            for _ in 0..<random.poisson(4) {
                if let at = time(in: shift) {
                    access(at, analyst, .intelligence, .view, .intelligence, "INT-\(random.int(100_000...999_999))",
                           [.summary])
                }
            }
            if random.chance(0.12) {
                let size = random.int(15...50)
                sweep(by: analyst, in: shift, occurrences: size, scenario: nil)
            }
        }
    }

    /// An analyst's tasked sweep over the latest `count` occurrences of a category.
    func sweep(by analyst: Int, in shift: WorkedShift, occurrences count: Int, scenario: Int?) {
        let categories: [OccurrenceCategory] = [.domesticAbuse, .sexualOffence, .drugs, .burglary, .assault,
                                                .stalkingHarassment]
        let category = random.pick(categories)
        let chosen = (recentByCategory[category] ?? []).suffix(count)
        guard let start = time(in: shift) else { return }
        let tasking = "tasking \(category.rawValue) profile"
        for occurrence in chosen {
            assign(analyst, to: occurrence, as: .analyst, from: start, to: start.adding(seconds: 3 * Timestamp.day))
            for person in personsOfOccurrence[occurrence] {
                guard let at = time(in: shift, after: start) else { break }
                access(at, analyst, .rms, .view, .person, personID(person), [.summary, .history, .associates],
                       reason: tasking, scenario: scenario)
            }
        }
    }

    /// Police staff, detectives and neighbourhood teams at their desks.
    func officeWork() {
        for station in 0..<stationCount {
            for member in onDutyIndex[DutyKey(station: station, role: .policeStaff)] ?? [] {
                guard let shift = shiftToday(of: member) else { continue }
                if staff[member].record.team == "Enquiry Office" {
                    for _ in 0..<random.poisson(0.3) {
                        guard let at = time(in: shift) else { break }
                        access(at, member, .rms, .search, .person, personID(population.anyone(&random)), [.summary])
                    }
                } else {
                    for _ in 0..<random.int(2...8) where !activeCases.isEmpty {
                        guard let at = time(in: shift) else { break }
                        let file = activeCases[random.int(0...(activeCases.count - 1))]
                        guard occurrenceStation[file.occurrence] == station else { continue }
                        access(at, member, .rms, .view, .occurrence, occurrenceID(file.occurrence), [.summary])
                    }
                }
            }
            for role in [StaffRole.detective, .neighbourhoodOfficer, .pcso] {
                for member in onDutyIndex[DutyKey(station: station, role: role)] ?? [] {
                    guard let shift = shiftToday(of: member) else { continue }
                    for _ in 0..<random.poisson(2) {
                        guard let at = time(in: shift) else { break }
                        if role == .detective {
                            access(at, member, .intelligence, .view, .intelligence,
                                   "INT-\(random.int(100_000...999_999))", [.summary])
                        } else {
                            access(at, member, .rms, .view, .location, "LOC-\(random.int(10_000...99_999))",
                                   [.summary])
                        }
                    }
                }
            }
        }
    }

    func retireClosedCases() {
        let tomorrow = dayStart.adding(seconds: Timestamp.day)
        activeCases.removeAll { $0.closesAt < tomorrow }
        let horizon = dayStart.adding(seconds: -30 * Timestamp.day)
        for category in recentByCategory.keys {
            recentByCategory[category]!.removeAll { occurrences[$0].openedAt < horizon }
        }
    }

    func vehicleRegistration() -> String {
        let letters = Array("ABCDEFGHJKLMNPRSTUVWXYZ")
        var plate = "CX"
        plate += String(random.int(10...75))
        for _ in 0..<3 { plate.append(random.pick(letters)) }
        return plate
    }
}
