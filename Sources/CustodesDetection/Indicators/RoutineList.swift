import CustodesModel

/// A list worked through: a return to a person whom the user looked up, on earlier days, together with the same
/// other people. A neighbourhood officer's problem-solving plan checks the same nine local people every week; an
/// officer returning to a woman comes back to her alone. Such a return is work on a list, weighed as case work is
/// (``RecentRecords``): a quarter, not cleared.
extension DetectionEngine {
    /// How many other people (up to `enough`) the user looked up with no link on at least two of the earlier days on
    /// which they looked up `person` (the days of the repeat window; today's looks do not count, so the order in
    /// which a list is worked through does not matter).
    func routineCompanions(_ person: PersonIndex, staff: Int, today: Int64, enough: Int) -> Int {
        guard enough > 0, let days = activities[staff].unexplainedDays[person] else { return 0 }
        var earlier: [Int64] = []
        for access in days where access.at.seconds / 86_400 != today { earlier.append(access.at.seconds / 86_400) }
        guard earlier.count >= 2 else { return 0 }
        var found = 0
        for (other, otherDays) in activities[staff].unexplainedDays where other != person && otherDays.count >= 2 {
            var shared = 0
            for access in otherDays where earlier.contains(access.at.seconds / 86_400) {
                shared += 1
                if shared == 2 { break }
            }
            guard shared == 2 else { continue }
            found += 1
            if found == enough { break }
        }
        return found
    }

    /// The factor and words for a return: case work first (``caseWorkWeight(_:_:after:)``), then a list worked
    /// through.
    func returnWeight(_ person: PersonIndex, _ event: AuditEvent, after: Double = 1) -> (factor: Double, words: String) {
        let work = caseWorkWeight(person, event, after: after)
        guard work.factor == 1, compiled.routineListPeople > 0 else { return work }
        let staff = Int(event.staff)
        let companions = routineCompanions(person, staff: staff, today: event.at.seconds / 86_400,
                                           enough: compiled.routineListPeople)
        guard companions >= compiled.routineListPeople else { return work }
        return (compiled.caseWorkShare, "; on earlier days they looked them up together with at least \(companions) "
                + "other people they return to, a list worked through, so it counts " + Self.share(compiled.caseWorkShare)
                + (after < 1 ? " of that" : ""))
    }
}
