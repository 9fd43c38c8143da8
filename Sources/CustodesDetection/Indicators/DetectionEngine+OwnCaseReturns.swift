import CustodesModel

/// Returns from off duty inside the user's own case: explained is not innocent. An officer in case phones the victim
/// from work; one who keeps opening her record from a force laptop or handheld off the roster, day after day, is coming
/// back to her with the case as cover. Hybrid workers read many of their cases from home: only a return that stands
/// out among the user's own off-duty reading counts.
extension DetectionEngine {
    /// One person of the user's own cases looked at off duty: the first look of each different day, in the repeat
    /// window (older days are dropped as the next is added), as the evidence.
    struct OwnCaseDays {
        let person: PersonIndex
        var looks: [EvidenceEvent]
    }

    /// At most this many people of the user's own cases looked at off duty on two days or more in the repeat
    /// window, the one returned to among them, for the return to count: a hybrid worker reading their caseload from
    /// home returns to many, an officer drawn to one victim to her.
    static let ownCaseMostPeople = 2

    /// On a look at `person` that the user's own assignment explains (not an attendance's follow-up, which is
    /// weighed as a return already), in a part that meets her (officer in case, investigator, attending, on the
    /// call), made off the roster from a device away from force premises: counts the different days of such looks at
    /// her in the repeat window and, from `repeat_lookups.off_duty_days` of them on, adds a repeated look-up at
    /// `repeat_lookups.own_case_share` of its points for each further day, growing as one with no link does, with
    /// every day's first look as its evidence. It is weighed with the user's other returns (spread over many people,
    /// each keeps less): a return made off duty with no link at all keeps its points, one inside a case need not.
    func ownCaseReturn(_ event: AuditEvent, person: PersonIndex, result: ExplanationResult, into hits: inout [Hit]) {
        let threshold = compiled.repeatOffDutyDays
        guard compiled.ownCaseShare > 0, threshold > 0, compiled.isEnabled(.repeatLookups) else { return }
        let staff = Int(event.staff)
        let now = event.at.seconds
        // The roster first: most looks of one's own case are on a shift, found where the last search ended. With the
        // workstation's prefixes compared first, at every such look, explaining and scoring took 8.4 s → 9.2 s on the
        // realistic 160-day force (medians of three runs); with the roster first, 8.3 s → 8.4 s.
        guard !context.isRostered(event.staff, at: now, hint: &activities[staff].rosterHint),
              !context.isAtWorkWorkstation(event.workstation) else { return }
        let day = event.at.dayNumber
        let evidence = EvidenceEvent(event, onDuty: false)
        var people = ownCaseOffDuty.removeValue(forKey: staff) ?? []
        // Days that have left the window go, and people with none left.
        for index in people.indices {
            people[index].looks.removeAll { now - $0.at.seconds > compiled.repeatWindow }
        }
        people.removeAll { $0.looks.isEmpty }
        defer { ownCaseOffDuty[staff] = people }
        let index = people.firstIndex { $0.person == person } ?? {
            people.append(OwnCaseDays(person: person, looks: []))
            return people.count - 1
        }()
        // Once a day per person: several looks in one evening are one return.
        guard people[index].looks.last?.at.dayNumber != day else { return }
        people[index].looks.append(evidence)
        let looks = people[index].looks
        let days = looks.count
        guard days >= threshold, people.count(where: { $0.looks.count >= 2 }) <= Self.ownCaseMostPeople else { return }
        counted.roleHitCounts[context.staffRolePosition[staff]] += 1
        var offDuty = result
        offDuty.onDuty = false
        let steps = Double(min(days - threshold + 1, 4))
        let share = compiled.ownCaseShare
        var repeated = hit(.repeatLookups, compiled.weight(.repeatLookups) * steps * share, event, person, offDuty,
                           "looked up \(pseudonym(of: person)) off duty on \(days) different days, from "
                           + "\(event.workstation): their own case explains a look, not coming back to her off duty "
                           + "from a device away from work day after day, so it counts " + Self.share(share))
        repeated.evidence = looks
        hits.append(repeated)
    }
}
