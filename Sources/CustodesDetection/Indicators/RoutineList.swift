import CustodesModel

/// A list worked through: a return to a person whom the user looked up, on earlier days, together with the same
/// other people. A neighbourhood officer's problem-solving plan checks the same nine local people every week; an
/// officer returning to a woman comes back to her alone. Such a return is work on a list, weighed as case work is
/// (``RecentRecords``): a quarter, not cleared.
extension DetectionEngine {
    /// How many other people (up to `enough`) go with `person` on the user's earlier days (the repeat window's,
    /// today's looks aside, so the order in which a list is worked through does not matter): looked up on at least two
    /// of them, and on at least a third of the days, before today, on which either of the two was looked up. A local
    /// name looked up every day goes with any woman returned to weekly on the days she is; it is not on a list with
    /// her, since most of its days are without her.
    func routineCompanions(_ person: PersonIndex, staff: Int, today: Int64, enough: Int) -> Int {
        guard enough > 0, let days = activities[staff].unexplainedDays.days(of: person) else { return 0 }
        var earlier = Set<Int64>()
        for access in days.days where access.at.dayNumber < today { earlier.insert(access.at.dayNumber) }
        guard earlier.count >= 2 else { return 0 }
        var found = 0
        // The count is the same in any order: it stops at `enough`.
        activities[staff].unexplainedDays.forEach { other, otherDays in
            guard other != person && otherDays.count >= 2 else { return true }
            var shared = 0, theirs = 0
            for access in otherDays.days {
                let day = access.at.dayNumber
                guard day < today else { continue }
                theirs += 1
                if earlier.contains(day) { shared += 1 }
            }
            guard shared >= 2, 3 * shared >= max(earlier.count, theirs) else { return true }
            found += 1
            return found < enough
        }
        return found
    }

    /// The factor and words for a return: case work first (``caseWorkWeight(_:_:after:share:)``), then a list worked
    /// through. With `teamLink` (only a teammate's case explains the look) either keeps `team_case_work_share`.
    func returnWeight(_ person: PersonIndex, _ event: AuditEvent, after: Double = 1,
                      teamLink: Bool = false) -> (factor: Double, words: String) {
        let share = teamLink ? compiled.teamCaseWorkShare : compiled.caseWorkShare
        let work = caseWorkWeight(person, event, after: after, share: share)
        guard work.words.isEmpty, share < 1, compiled.routineListPeople > 0 else { return work }
        let staff = Int(event.staff)
        let companions = routineCompanions(person, staff: staff, today: event.at.dayNumber,
                                           enough: compiled.routineListPeople)
        guard companions >= compiled.routineListPeople else { return work }
        return (share, "; on earlier days they looked them up together with at least \(companions) "
                + "other people they return to, a list worked through, so it counts " + Self.share(share)
                + (after < 1 ? " of that" : ""))
    }
}
