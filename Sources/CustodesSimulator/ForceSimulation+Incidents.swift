import CustodesModel

/// Calls for service: each becomes an occurrence with its people, the call handler who took it, the dispatcher, the
/// officers who attended, and, for crimes, an officer in case, an investigator and a supervisor.
extension ForceSimulation {
    /// Relative demand by hour of day: quiet before dawn, busiest in the evening.
    static let hourlyDemand: [Double] = [
        3, 2.5, 2, 1.5, 1.2, 1, 1.2, 2, 3, 3.5, 3.8, 4, 4.2, 4.2, 4.3, 4.6, 5, 5.4, 5.8, 6, 6, 5.6, 5, 4,
    ]

    /// Occurrences (incident logs, crimes, reports) per member of staff per day: about 900 a day for a force of
    /// 10,000 staff, which is the order of the incident logs a force of that size opens.
    static let demandPerStaff = 0.09

    func generateOccurrences() {
        let count = random.poisson(Double(config.staff) * Self.demandPerStaff)
        for _ in 0..<count {
            let profile = CategoryProfile.all[random.weighted(CategoryProfile.weights)]
            let at = dayStart.adding(seconds: Int64(random.weighted(Self.hourlyDemand)) * Timestamp.hour
                                     + random.int64(0...3599))
            createIncident(profile, station: random.int(0...(stationCount - 1)), at: at)
        }
    }

    /// Overrides used by scenarios that need a particular incident.
    struct IncidentOverrides {
        var victim: Int?
        var callHandler: Int?
        var attending: Int?
        var officerInCase: Int?
        var openDays: ClosedRange<Int>?
    }

    /// Creates one incident and everything that follows from it; returns the occurrence and its case, if any.
    @discardableResult
    func createIncident(_ profile: CategoryProfile, station: Int, at: Timestamp,
                        overrides: IncidentOverrides = IncidentOverrides()) -> (occurrence: Int, caseIndex: Int?) {
        let openDays = random.int(overrides.openDays ?? profile.openDays)
        let closesAt = at.adding(seconds: Int64(openDays) * Timestamp.day + random.int64(3600...(20 * 3600)))
        let occurrence = openOccurrence(profile.category, at: at, station: station, closesAt: closesAt)
        let victimMarkers = profile.victimMarker.map { MarkerSet($0) } ?? []

        let victim: Int
        if let chosen = overrides.victim {
            victim = chosen
            population.mark(victim, victimMarkers)
        } else if profile.category == .domesticAbuse, !population.domesticAbuseVictims.isEmpty, random.chance(0.3) {
            victim = random.pick(population.domesticAbuseVictims)
        } else if random.chance(0.2) {
            victim = population.anyone(&random)
            population.mark(victim, victimMarkers)
        } else {
            victim = newPerson(female: random.chance(profile.femaleVictimShare), ages: profile.victimAge,
                               markers: victimMarkers)
        }
        add(victim, to: occurrence, as: profile.category == .missingPerson ? .other : .victim)

        var suspect: Int?
        if profile.hasSuspect {
            if profile.category == .domesticAbuse {
                let partners = population.linked(to: victim).filter { population.household(of: $0) == population.household(of: victim) }
                if let partner = partners.first, random.chance(0.6) {
                    suspect = partner
                } else {
                    let female = population.persons[victim].sex != .female && random.chance(0.8)
                    let partner = newPerson(female: female, ages: 18...60)
                    population.link(victim, partner, random.chance(0.5) ? .partner : .exPartner)
                    suspect = partner
                }
            } else {
                suspect = random.chance(0.3) ? population.anyone(&random)
                    : newPerson(female: random.chance(0.2), ages: 15...60,
                                markers: profile.category == .drugs ? MarkerSet(.substanceMisuse) : [])
            }
            if let suspect { add(suspect, to: occurrence, as: .suspect) }
        }
        var caller = victim
        if random.chance(0.35) {
            caller = newPerson(female: random.chance(0.5), ages: 18...80)
            add(caller, to: occurrence, as: .caller)
        }
        if random.chance(0.15) {
            add(newPerson(female: random.chance(0.5), ages: 16...80), to: occurrence, as: .witness)
        }

        handleCall(occurrence, at: at, caller: caller, victim: victim, callHandler: overrides.callHandler)
        let attending = attend(occurrence, station: station, at: at, victim: victim, suspect: suspect,
                               forced: overrides.attending)

        var caseIndex: Int?
        if openDays > 0 || overrides.officerInCase != nil {
            let officer = overrides.officerInCase ?? chooseOfficerInCase(profile, station: station, at: at,
                                                                          attending: attending)
            if let officer {
                let start = at.adding(seconds: random.int64(1800...(18 * 3600)))
                assign(officer, to: occurrence, as: .officerInCase, from: start, to: closesAt)
                var file = CaseFile(occurrence: occurrence, victim: victim, suspect: suspect, officerInCase: officer,
                                    closesAt: closesAt, assignedFrom: start)
                if heavyOfficers.contains(officer) {
                    file.heavy = true
                    file.truth = truthIndex(of: officer, .heavyCaseAccess)
                }
                if profile.investigated {
                    let role: StaffRole = profile.category == .domesticAbuse ? .safeguardingOfficer : .detective
                    if let investigator = anyStaff(role, station: station, at: at), investigator != officer {
                        assign(investigator, to: occurrence, as: .investigator, from: start, to: closesAt)
                        file.investigator = investigator
                    }
                }
                if random.chance(0.6), let supervisor = anyStaff(.supervisor, station: station, at: at) {
                    assign(supervisor, to: occurrence, as: .supervisor, from: start, to: closesAt)
                    file.supervisor = supervisor
                }
                activeCases.append(file)
                caseIndex = activeCases.count - 1
            }
        }
        if let suspect, random.chance(profile.arrestChance) {
            detain(suspect, arrestedAt: at.adding(seconds: random.int64(1800...(4 * 3600))), station: station,
                   arrestingOfficer: attending.first)
        }
        return (occurrence, caseIndex)
    }

    private func handleCall(_ occurrence: Int, at: Timestamp, caller: Int, victim: Int, callHandler: Int?) {
        let handlers = onDuty(.callHandler, station: 0, at: at)
        if let handler = callHandler ?? (handlers.isEmpty ? nil : random.pick(handlers)) {
            let callEnds = at.adding(seconds: random.int64(480...1500))
            assign(handler, to: occurrence, as: .callHandler, from: at, to: callEnds)
            access(at.adding(seconds: 30), handler, .commandControl, .update, .occurrence, occurrenceID(occurrence))
            access(at.adding(seconds: random.int64(60...240)), handler, .rms, .search, .person, personID(caller),
                   [.summary, .warnings])
            if victim != caller || random.chance(0.5) {
                access(at.adding(seconds: random.int64(120...400)), handler, .rms, .view, .person, personID(victim),
                       [.summary, .warnings, .address])
            }
        }
        let dispatchers = onDuty(.dispatcher, station: 0, at: at)
        if !dispatchers.isEmpty {
            let dispatcher = random.pick(dispatchers)
            access(at.adding(seconds: random.int64(120...600)), dispatcher, .commandControl, .view, .occurrence,
                   occurrenceID(occurrence))
            access(at.adding(seconds: random.int64(600...1800)), dispatcher, .commandControl, .update, .occurrence,
                   occurrenceID(occurrence))
        }
    }

    private func attend(_ occurrence: Int, station: Int, at: Timestamp, victim: Int, suspect: Int?,
                        forced: Int?) -> [Int] {
        var officers: [Int] = []
        if let forced { officers.append(forced) }
        let available = onDuty(.responseOfficer, station: station, at: at).filter { !officers.contains($0) }
        if !available.isEmpty && (officers.isEmpty || random.chance(0.4)) {
            officers.append(random.pick(available))
            if random.chance(0.4), available.count > 1, let second = available.filter({ !officers.contains($0) }).first {
                officers.append(second)
            }
        }
        for officer in officers {
            let arrive = at.adding(seconds: random.int64(300...2400))
            let leave = arrive.adding(seconds: random.int64(3600...(4 * 3600)))
            assign(officer, to: occurrence, as: .attending, from: at, to: leave)
            access(arrive.adding(seconds: -120), officer, .commandControl, .view, .occurrence, occurrenceID(occurrence),
                   workstation: "MDT-\(staff[officer].record.collarNumber)")
            access(arrive.adding(seconds: random.int64(0...1800)), officer, .rms, .view, .person, personID(victim),
                   [.summary, .warnings, .address], workstation: "MDT-\(staff[officer].record.collarNumber)")
            if let suspect {
                access(arrive.adding(seconds: random.int64(300...2400)), officer, .pnc, .search, .person,
                       personID(suspect), [.identity, .warnings], reason: "incident",
                       workstation: "MDT-\(staff[officer].record.collarNumber)")
            }
            access(leave.adding(seconds: -random.int64(60...900)), officer, .rms, .update, .occurrence,
                   occurrenceID(occurrence), [.notes])
        }
        return officers
    }

    private func chooseOfficerInCase(_ profile: CategoryProfile, station: Int, at: Timestamp,
                                     attending: [Int]) -> Int? {
        for role in profile.caseRoles {
            if role == .responseOfficer, let first = attending.first { return first }
            if role != .responseOfficer, let officer = anyStaff(role, station: station, at: at) { return officer }
        }
        return attending.first
    }

    /// A custody episode: the detainee is booked in at the custody suite serving `station`, photographed, and
    /// reviewed by custody officers on duty until release.
    func detain(_ person: Int, arrestedAt: Timestamp, station: Int, arrestingOfficer: Int?) {
        let suite = station - station % 2
        let bookedIn = arrestedAt.adding(seconds: random.int64(1800...5400))
        let released = bookedIn.adding(seconds: random.int64(4 * 3600...(22 * 3600)))
        let episode = openOccurrence(.custody, at: bookedIn, station: suite, closesAt: released)
        add(person, to: episode, as: .suspect)
        population.mark(person, MarkerSet(.custodyDetainee))
        let officers = onDuty(.custodyOfficer, station: suite, at: bookedIn)
        if !officers.isEmpty {
            let custody = random.pick(officers)
            access(bookedIn, custody, .custody, .update, .person, personID(person), [.identity, .warnings, .custody])
            access(bookedIn.adding(seconds: random.int64(300...1200)), custody, .custody, .update, .custodyImage,
                   personID(person), [.photo])
            access(bookedIn.adding(seconds: random.int64(60...600)), custody, .pnc, .search, .person,
                   personID(person), [.identity, .warnings], reason: "custody")
        }
        let review = bookedIn.adding(seconds: (released.seconds - bookedIn.seconds) / 2)
        let reviewers = onDuty(.custodyOfficer, station: suite, at: review)
        if !reviewers.isEmpty {
            access(review, random.pick(reviewers), .custody, .view, .person, personID(person), [.custody, .warnings])
        }
        if let arrestingOfficer {
            assign(arrestingOfficer, to: episode, as: .attending, from: bookedIn, to: released)
            access(bookedIn.adding(seconds: random.int64(600...2400)), arrestingOfficer, .custody, .view, .person,
                   personID(person), [.custody])
        }
    }
}
