import CustodesModel

/// Volunteering for one person's incidents (``IndicatorName/repeatedAttendance``): every look is explained by the
/// user's own attendance, and the attendances are the pattern.
extension DetectionEngine {
    /// On a look at `person` that the user's own attendance explains: how many of her occurrences so far (those in
    /// which she is not a suspect, opened by now) the user attended, against all of them; a hit once the count
    /// reaches the rule's minimum and share, and again for each further attendance, each weighing more.
    func repeatedAttendance(_ event: AuditEvent, person: PersonIndex, result: ExplanationResult,
                            into hits: inout [Hit]) {
        let now = event.at.seconds
        let key = Self.pair(event.staff, person)
        // Once a day per pair, at the first look that day the user's attendance explains: the looks of one
        // attendance come together (measured: 11% more time explaining and scoring when every look was counted).
        if let last = pairLastAccess[key], last / 86_400 == now / 86_400 { return }
        let fired = attendancesCounted[key, default: 0]
        // A bound first, from the person's assignment windows side by side in memory: the user's attendances begun
        // by now, whatever the person's part. Most looks stop here, and a name in thousands of occurrences (a
        // prolific offender, a placeholder) is not walked on every look.
        var bound = 0
        let windows = Int(context.personAssignmentStart[Int(person)])..<Int(context.personAssignmentStart[Int(person) + 1])
        for index in windows {
            let window = context.personAssignments[index]
            if window.staff == event.staff, window.role == .attending, window.from + context.beforeAssignment <= now {
                bound += 1
            }
        }
        guard bound >= compiled.attendanceMinimum, bound > fired else { return }
        // Each occurrence once (a person may be listed twice in one, as caller and victim), left out if she is a
        // suspect in it on any of her rows.
        var suspect = Set<Int32>(), seen = Set<Int32>()
        let first = Int(context.personOccurrenceStart[Int(person)])
        let last = Int(context.personOccurrenceStart[Int(person) + 1])
        for index in first..<last where context.personOccurrenceSuspect[index] {
            suspect.insert(context.personOccurrences[index])
        }
        var occurrences = 0, attended = 0
        for index in first..<last {
            let occurrence = context.personOccurrences[index]
            guard !suspect.contains(occurrence), seen.insert(occurrence).inserted else { continue }
            let record = context.occurrences[Int(occurrence)]
            guard record.opened <= now else { continue }
            occurrences += 1
            for position in Int(record.assignments)..<Int(record.assignmentsEnd) {
                let assignment = context.occurrenceAssignments[position]
                if assignment.staff == event.staff, assignment.role == .attending, assignment.start <= now {
                    attended += 1
                    break
                }
            }
        }
        guard attended >= compiled.attendanceMinimum, attended > fired,
              Double(attended) >= compiled.attendanceShare * Double(occurrences) else { return }
        attendancesCounted[key] = attended
        counted.roleHitCounts[context.staffRolePosition[Int(event.staff)]] += 1
        // Each further attendance weighs more, as each further day of a repeated look-up does, up to three times.
        let points = compiled.weight(.repeatedAttendance) * Double(min(attended - compiled.attendanceMinimum + 1, 3))
        hits.append(hit(.repeatedAttendance, points, event, person, result,
                        "attended \(attended) of the \(occurrences) occurrences in which \(pseudonym(of: person)) "
                        + "was not a suspect"))
    }
}
