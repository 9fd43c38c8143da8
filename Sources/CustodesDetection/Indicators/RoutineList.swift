import CustodesModel

/// A list worked through: a return to a person whom the user looked up, on earlier days, together with the same
/// other people. A neighbourhood officer's problem-solving plan checks the same nine local people every week; an
/// officer returning to a woman comes back to her alone. Such a return is work on a list, weighed as case work is
/// (``RecentRecords``): a quarter, not cleared. So is a case worked as a whole: a return to someone looked up on
/// earlier days together with another person in one of her occurrences (a referral's child and mother).
extension DetectionEngine {
    /// How many other people (up to `enough`) go with `person` on the user's earlier days (the repeat window's,
    /// today's looks aside, so the order in which a list is worked through does not matter): looked up on at least two
    /// of them, and on at least a third of the days, before today, on which either of the two was looked up. A local
    /// name looked up every day goes with any woman returned to weekly on the days she is; it is not on a list with
    /// her, since most of its days are without her.
    func routineCompanions(_ person: PersonIndex, staff: Int, today: Int64, enough: Int) -> Int {
        guard enough > 0 else { return 0 }
        var found = 0
        // The count is the same in any order: it stops at `enough`.
        companions(of: person, staff: staff, today: today) { _, _ in
            found += 1
            return found < enough
        }
        return found
    }

    /// A case worked as a whole: another person in one of `person`'s occurrences who goes with her on the user's
    /// earlier days (as for a list) on at least `minimumDays` of them, or nil. A hub reviewing a referral reads the
    /// child and her mother, or a woman and her partner, together day after day, and whichever of them comes first
    /// on a day would otherwise count as a return in full. Of several, the one sharing the most days (then the
    /// first in the person index), so the words do not depend on the order the days are kept in.
    func caseCompanion(_ person: PersonIndex, staff: Int, today: Int64,
                       minimumDays: Int) -> (person: PersonIndex, occurrence: OccurrenceIndex, days: Int)? {
        guard minimumDays > 0 else { return nil }
        let own = context.occurrences(of: person)
        guard !own.isEmpty else { return nil }
        var best: (person: PersonIndex, occurrence: OccurrenceIndex, days: Int)?
        companions(of: person, staff: staff, today: today) { other, shared in
            guard shared >= minimumDays else { return true }
            if let best, best.days > shared || (best.days == shared && best.person < other) { return true }
            if let occurrence = context.occurrences(of: other).first(where: { own.contains($0) }) {
                best = (other, occurrence, shared)
            }
            return true
        }
        return best
    }

    /// Calls `body` with each other person who goes with `person` on the user's earlier days, and the number of
    /// those days they share, until it returns false: looked up on at least two of them, and on at least a third
    /// of the days, before today, on which either of the two was looked up.
    private func companions(of person: PersonIndex, staff: Int, today: Int64,
                            _ body: (PersonIndex, _ sharedDays: Int) -> Bool) {
        guard let days = activities[staff].unexplainedDays.days(of: person) else { return }
        var earlier = Set<Int64>()
        for access in days.days where access.at.dayNumber < today { earlier.insert(access.at.dayNumber) }
        guard earlier.count >= 2 else { return }
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
            return body(other, shared)
        }
    }

    /// The factor and words for a return: case work first (``caseWorkWeight(_:_:after:share:)``), then a list worked
    /// through, then a case worked as a whole (``caseCompanion(_:staff:today:minimumDays:)``). With `teamLink` (only
    /// a teammate's case explains the look) each keeps `team_case_work_share`.
    func returnWeight(_ person: PersonIndex, _ event: AuditEvent, after: Double = 1,
                      teamLink: Bool = false) -> (factor: Double, words: String) {
        let share = teamLink ? compiled.teamCaseWorkShare : compiled.caseWorkShare
        let work = caseWorkWeight(person, event, after: after, share: share)
        guard work.words.isEmpty, share < 1 else { return work }
        let staff = Int(event.staff)
        let of = after < 1 ? " of that" : ""
        let companions = routineCompanions(person, staff: staff, today: event.at.dayNumber,
                                           enough: compiled.routineListPeople)
        if compiled.routineListPeople > 0, companions >= compiled.routineListPeople {
            return (share, "; on earlier days they looked them up together with at least \(companions) "
                    + "other people they return to, a list worked through, so it counts " + Self.share(share) + of)
        }
        guard let companion = caseCompanion(person, staff: staff, today: event.at.dayNumber,
                                            minimumDays: compiled.caseCompanionDays) else { return work }
        let occurrence = context.reference.occurrences[Int(companion.occurrence)].occurrenceID
        return (share, "; on \(companion.days) earlier days they looked them up together with "
                + "\(pseudonym(of: companion.person)), also in \(occurrence), a case worked as a whole, so it counts "
                + Self.share(share) + of)
    }
}
