import CustodesModel

/// Returns from off duty inside the user's own case: explained is not innocent. An officer in case phones the victim
/// from work; one who keeps opening her record from a force laptop or handheld off the roster, day after day, is coming
/// back to her with the case as cover. Hybrid workers read many of their cases from home: only a return that stands
/// out among the user's own off-duty reading counts.
extension DetectionEngine {
    /// One person of the user's own cases looked at off duty: on how many different days, and the last of them.
    struct OwnCaseDays {
        let person: PersonIndex
        var lastDay: Int64
        var days: Int
    }

    /// At most this many people of the user's own cases looked at off duty on two days or more in the repeat
    /// window, the one returned to among them, for the return to count: a hybrid worker reading their caseload from
    /// home returns to many, an officer drawn to one victim to her.
    static let ownCaseMostPeople = 2

    /// On a look at `person` that the user's own assignment explains, in a part that meets her (officer in case,
    /// investigator, attending, on the call), made off the roster from a device away from force premises: counts
    /// the different days of such looks at her in the repeat window and, from `repeat_lookups.off_duty_days` of them
    /// on, adds a repeated look-up at `repeat_lookups.own_case_share` of its points for each further day, growing
    /// as one with no link does.
    func ownCaseReturn(_ event: AuditEvent, person: PersonIndex, result: ExplanationResult, into hits: inout [Hit]) {
        let threshold = compiled.repeatOffDutyDays
        guard compiled.ownCaseShare > 0, threshold > 0, compiled.isEnabled(.repeatLookups) else { return }
        let staff = Int(event.staff)
        let now = event.at.seconds
        // The roster first: most looks of one's own case are on a shift, found where the last search ended. With the
        // workstation's prefixes compared first, at every such look, explaining and scoring took 8.4 s → 9.2 s on the
        // realistic 160-day force (medians of three runs); with the roster first, 8.3 s → 8.4 s.
        guard context.rosteredShiftIndex(event.staff, at: now, hint: &activities[staff].rosterHint) == nil,
              !context.isAtWorkWorkstation(event.workstation) else { return }
        let day = event.at.dayNumber
        let window = compiled.repeatWindow / 86_400
        var people = ownCaseOffDuty[staff, default: []]
        people.removeAll { day - $0.lastDay > window }
        let index = people.firstIndex { $0.person == person } ?? {
            people.append(OwnCaseDays(person: person, lastDay: .min, days: 0))
            return people.count - 1
        }()
        // Once a day per person: several looks in one evening are one return.
        guard people[index].lastDay != day else {
            ownCaseOffDuty[staff] = people
            return
        }
        people[index].lastDay = day
        people[index].days += 1
        let days = people[index].days
        ownCaseOffDuty[staff] = people
        guard days >= threshold, people.count(where: { $0.days >= 2 }) <= Self.ownCaseMostPeople else { return }
        counted.roleHitCounts[context.staffRolePosition[staff]] += 1
        var offDuty = result
        offDuty.onDuty = false
        let steps = Double(min(days - threshold + 1, 4))
        let share = compiled.ownCaseShare
        hits.append(hit(.repeatLookups, compiled.weight(.repeatLookups) * steps * share, event, person, offDuty,
                        "looked up \(pseudonym(of: person)) off duty on \(days) different days, from "
                        + "\(event.workstation): their own case explains a look, not coming back to her off duty "
                        + "from a device away from work day after day, so it counts " + Self.share(share)))
    }
}
