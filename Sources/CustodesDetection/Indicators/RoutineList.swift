import CustodesModel

/// A list worked through: a return to a person whom the user looked up, on earlier days, together with the same
/// other people. A neighbourhood officer's problem-solving plan checks the same nine local people every week; an
/// officer returning to a woman comes back to her alone. Such a return is work on a list, weighed as case work is
/// (``RecentRecords``): a quarter, not cleared. So is a case worked as a whole: a return to someone looked up on
/// earlier days together with another person in one of her occurrences (a referral's child and mother).
extension DetectionEngine {
    /// Both questions asked of the user's earlier days, in one walk over the people they return to: how many other
    /// people (up to `enough`; 0 asks nothing) go with `person` on those days, a list worked through; and, failing
    /// that, a case worked as a whole: another person in one of her occurrences who goes with her on at least
    /// `caseDays` of them (0 asks nothing). A hub reviewing a referral reads the child and her mother, or a woman and
    /// her partner, together day after day, and whichever of them comes first on a day would otherwise count as a
    /// return in full. Of several such people, the one sharing the most days (then the first in the person index),
    /// so the words do not depend on the order the days are kept in. The list's count is the same in any order: the
    /// walk stops at `enough`, when the case is not needed.
    func companions(of person: PersonIndex, staff: Int, today: Int64, enough: Int, caseDays: Int)
        -> (list: Int, case: (person: PersonIndex, occurrence: OccurrenceIndex, days: Int)?) {
        let own = caseDays > 0 ? context.occurrences(of: person) : []
        guard enough > 0 || !own.isEmpty else { return (0, nil) }
        var found = 0
        var best: (person: PersonIndex, occurrence: OccurrenceIndex, days: Int)?
        companions(of: person, staff: staff, today: today) { other, shared in
            if enough > 0 {
                found += 1
                if found >= enough { return false }
            }
            guard !own.isEmpty, shared >= caseDays else { return true }
            if let best, best.days > shared || (best.days == shared && best.person < other) { return true }
            if let occurrence = context.occurrences(of: other).first(where: { own.contains($0) }) {
                best = (other, occurrence, shared)
            }
            return true
        }
        return (found, found >= enough && enough > 0 ? nil : best)
    }

    /// Calls `body` with each other person who goes with `person` on the user's earlier days (before today), and the
    /// number of those days they share, until it returns false: looked up on at least two of her days, and on at
    /// least a third of her days and a third of their own.
    private func companions(of person: PersonIndex, staff: Int, today: Int64,
                            _ body: (PersonIndex, _ sharedDays: Int) -> Bool) {
        guard let days = activities[staff].unexplainedDays.days(of: context.recordGroups.representative(person)) else {
            return
        }
        var earlier = Set<Int64>()
        for access in days.days where access.at.dayNumber < today { earlier.insert(access.at.dayNumber) }
        guard earlier.count >= 2 else { return }
        activities[staff].unexplainedDays.forEach { other, otherDays in
            // Her other record is her (``RecordGroups``): not another person of a list or of her case.
            guard !context.recordGroups.same(other, person) && otherDays.count >= 2 else { return true }
            var shared = 0, theirs = 0
            for access in otherDays.days {
                let day = access.at.dayNumber
                guard day < today else { continue }
                theirs += 1
                if earlier.contains(day) { shared += 1 }
            }
            guard shared >= 2, 3 * shared >= max(earlier.count, theirs) else { return true }
            return body(other, shared)
        }
    }

    /// The factor and words for a return: case work first (``caseWorkWeight(_:_:after:share:)``), then a list worked
    /// through, then a case worked as a whole (``companions(of:staff:today:enough:caseDays:)``). With `teamLink`
    /// (only a teammate's case explains the look) each keeps `team_case_work_share`.
    func returnWeight(_ person: PersonIndex, _ event: AuditEvent, after: Double = 1,
                      teamLink: Bool = false) -> (factor: Double, words: String) {
        let share = teamLink ? compiled.teamCaseWorkShare : compiled.caseWorkShare
        let work = caseWorkWeight(person, event, after: after, share: share)
        guard work.words.isEmpty, share < 1 else { return work }
        let staff = Int(event.staff)
        let of = after < 1 ? " of that" : ""
        let found = companions(of: person, staff: staff, today: event.at.dayNumber, enough: compiled.routineListPeople,
                               caseDays: compiled.caseCompanionDays)
        if compiled.routineListPeople > 0, found.list >= compiled.routineListPeople {
            return (share, "; on earlier days they looked them up together with at least \(found.list) "
                    + "other people they return to, a list worked through, so it counts " + Self.share(share) + of)
        }
        guard let companion = found.case else { return work }
        let occurrence = context.reference.occurrences[Int(companion.occurrence)].occurrenceID
        return (share, "; on \(companion.days) earlier days they looked them up together with "
                + "\(pseudonym(of: companion.person)), also in \(occurrence), a case worked as a whole, so it counts "
                + Self.share(share) + of)
    }
}
