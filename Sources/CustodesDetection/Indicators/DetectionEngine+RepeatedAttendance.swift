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
        let first = Int(context.personOccurrenceStart[Int(person)])
        let last = Int(context.personOccurrenceStart[Int(person) + 1])
        var occurrences = 0, attended = 0
        for index in first..<last where !context.personOccurrenceSuspect[index] {
            let record = context.occurrences[Int(context.personOccurrences[index])]
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
        guard attended >= compiled.attendanceMinimum,
              Double(attended) >= compiled.attendanceShare * Double(occurrences) else { return }
        let key = Self.pair(event.staff, person)
        guard attended > attendancesCounted[key, default: 0] else { return }
        attendancesCounted[key] = attended
        // Each further attendance weighs more, as each further day of a repeated look-up does, up to three times.
        let points = compiled.weight(.repeatedAttendance) * Double(min(attended - compiled.attendanceMinimum + 1, 3))
        hits.append(hit(.repeatedAttendance, points, event, person, result,
                        "attended \(attended) of the \(occurrences) occurrences of \(pseudonym(of: person)) in which "
                        + "they were not a suspect"))
    }
}
