public import CustodesModel

extension Explainer {
    /// The explanations tried for an unexplained access and why each failed, in plain English, for the evidence an
    /// investigator reads. Computed only for events that become evidence, so it may take its time.
    public func trace(_ event: AuditEvent) -> [String] {
        let reference = context.reference
        let t = event.at
        let onDuty = context.onDuty(event.staff, at: t)
        var lines: [String] = []
        let occurrences: [OccurrenceIndex]
        if let person = event.person {
            // Hers under every record of her (``RecordGroups``).
            occurrences = Array(context.occurrences(of: person))
            if occurrences.isEmpty {
                lines.append("assignment: the person is in no occurrence on record")
            }
        } else if let occurrence = event.occurrence {
            occurrences = [occurrence]
        } else {
            return ["out of scope: the record is not a person or an occurrence"]
        }
        var ownLinks = 0
        for occurrence in occurrences.prefix(12) {
            let record = reference.occurrences[Int(occurrence)]
            let name = "\(record.occurrenceID) (\(record.category.rawValue), \(record.station))"
            for assignment in reference.assignmentsByOccurrence[Int(occurrence)] where assignment.staff == event.staff {
                ownLinks += 1
                let compact = CompactAssignment(assignment, withoutEnd: context.attendanceWithoutEnd)
                let ended = min(Timestamp(seconds: compact.end), record.closedAt ?? Timestamp(seconds: .max))
                let since = t.seconds - ended.seconds
                // The windows as the explainer works them out: the attendance's own, and an assignment's.
                func until(_ grace: Int64) -> Int64 {
                    window(compact, on: context.occurrences[Int(occurrence)],
                           attendanceGrace: grace).until
                }
                if assignment.role == .attending, t.seconds > until(context.afterAttendance),
                   t.seconds <= until(context.afterAssignment) {
                    // Explained as the attendance's follow-up, and weighed as a return (section 2.1 of detection.md).
                    lines.append("assignment: attended \(name) until \(ended.iso8601), \(since / 3600) hours before "
                                 + "this access: past the \(context.afterAttendance / 3600) hours an attendance's "
                                 + "write-up is given, within the \(context.afterAssignment / 3600) of any assignment, "
                                 + "so explained as its follow-up but weighed as a return")
                } else if ended.seconds < t.seconds {
                    let days = since / 86_400
                    lines.append("assignment: was \(assignment.role.rawValue) on \(name) until \(ended.iso8601), "
                                 + "\(days) day\(days == 1 ? "" : "s") before this access (beyond the grace window)")
                } else if assignment.start.seconds > t.seconds {
                    lines.append("assignment: became \(assignment.role.rawValue) on \(name) only at \(assignment.start.iso8601)")
                }
            }
            let team = context.staffTeam[Int(event.staff)]
            let teamAssigned = reference.assignmentsByOccurrence[Int(occurrence)].contains {
                $0.staff != event.staff && context.staffTeam[Int($0.staff)] == team
            }
            if teamAssigned && !onDuty {
                lines.append("team: a colleague in the same team is assigned to \(name), but the user was not on duty")
            }
            if let closed = record.closedAt, closed.seconds + context.afterClosure < t.seconds {
                lines.append("occurrence: \(name) closed on \(closed.iso8601)")
            }
        }
        if occurrences.count > 12 { lines.append("(\(occurrences.count - 12) more occurrences not listed)") }
        if ownLinks == 0 && !occurrences.isEmpty {
            lines.append("assignment: never assigned to any of the \(occurrences.count) occurrence\(occurrences.count == 1 ? "" : "s") involving this record")
        }
        lines.append(context.hasNoRoster(event.staff)
            ? (onDuty ? "duty: no shift of theirs in the rosters, so taken as on duty"
                : "duty: no shift of theirs in the rosters, and outside their service")
            : onDuty ? "duty: on a rostered shift" : "duty: not on any rostered shift (with tolerance)")
        let member = reference.staff[Int(event.staff)]
        switch member.role {
        case .callHandler, .dispatcher:
            lines.append("role: \(member.role.rawValue), but no live incident involving this record")
        case .custodyOfficer:
            lines.append("role: custody officer, but the person was not in custody at \(member.station)")
        case .supervisor where context.staffInCustodyTeam[Int(event.staff)]:
            lines.append("role: supervisor in a custody team, but not at work, or the person was not in custody at "
                         + member.station)
        case .policeStaff where context.staffInCustodyTeam[Int(event.staff)]:
            lines.append("role: police staff in a custody team, but the person was not in custody at \(member.station)")
        default:
            break
        }
        return lines
    }
}
