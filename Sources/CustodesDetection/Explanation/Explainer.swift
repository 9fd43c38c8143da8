public import CustodesModel

/// The business link that explains an access.
public enum ExplanationKind: String, CaseIterable, Sendable {
    /// Assigned to an occurrence involving the person (officer in case, attending, investigator, supervisor, call
    /// handler, analyst), within the grace windows.
    case assigned
    /// On duty, in the team (same team at the same station) of someone assigned to the occurrence.
    case team
    /// A call handler or dispatcher on duty while the occurrence is a live incident.
    case liveIncident = "live_incident"
    /// A custody officer or detention officer at the suite while the person is in custody there; a custody sergeant
    /// too, when at work.
    case custody
    /// Police staff or a supervisor on duty reading an open occurrence of their own station.
    case stationDesk = "station_desk"
}

/// The outcome of explaining one access.
public struct ExplanationResult: Sendable, Equatable {
    /// The link found, or nil when nothing explains the access.
    public var kind: ExplanationKind?
    /// The assignment role, for `assigned`.
    public var role: AssignmentRole?
    /// For an access no assignment of the user's explains in full (unexplained, a teammate's case, an attendance's
    /// follow-up): when the user's own involvement with her last ended (assignment end or occurrence closure, plus
    /// grace), if it ever existed.
    public var involvementEnded: Timestamp?
    /// The occurrence of that involvement.
    public var involvementOccurrence: OccurrenceIndex?
    /// The user's role in that involvement.
    public var involvementRole: AssignmentRole?
    /// Whether the user was on a rostered shift (with tolerance), or has no shift on the roster at all and was within
    /// their service (``DetectionContext/isRostered(_:at:hint:)``); nil when it was not needed to decide.
    public var onDuty: Bool?
    /// For `assigned` as an attending officer: whether the access came after the attendance's own grace
    /// (`after_attendance_hours`) but within an assignment's (`after_assignment_hours`). Explained, as an assignment's
    /// follow-up is, but a return to the person then is weighed as one (`involvementEnded` is when the attendance's
    /// grace ended): an officer coming back to a woman met at a call on the days after it is inside a link.
    public var followsAttendance = false

    public var isExplained: Bool { kind != nil }
}

/// Explains accesses to people and occurrences from the reference data: the heart of detection, because whatever is
/// explained is never scored. Most accesses are explained by an assignment; the rest by team, role and duty.
public final class Explainer: Sendable {
    public let context: DetectionContext

    public init(context: DetectionContext) { self.context = context }

    /// Explains one event. Events touching neither a person nor an occurrence are out of scope (nil).
    ///
    /// `atWork` says the user is known to be at work whatever the roster shows: detection passes it for accesses in
    /// a working session that other accesses show to be work, because rosters miss overtime and the odd shift.
    /// For a person, an assignment to any of her occurrences is looked for first, being the strongest link; team,
    /// role and desk links are tried after, occurrence by occurrence.
    public func explain(_ event: AuditEvent, atWork: Bool = false) -> ExplanationResult? {
        var hint = RosterHint()
        return explain(event, atWork: atWork, rosterHint: &hint)
    }

    /// The same, searching the roster from where the member of staff's last search ended (``RosterHint``).
    func explain(_ event: AuditEvent, atWork: Bool, rosterHint: inout RosterHint) -> ExplanationResult? {
        var duty = DutyCache(context: context, staff: event.staff, at: event.at, evidentlyWorking: atWork,
                             hint: rosterHint)
        defer { rosterHint = duty.hint }
        var result = ExplanationResult()
        if let person = event.person {
            // An assignment explains most accesses; the walk over her occurrences below is for the rest.
            let t = event.at.seconds
            let windowsEnd = Int(context.personAssignmentStart[Int(person) + 1])
            for index in Int(context.personAssignmentStart[Int(person)])..<windowsEnd {
                let window = context.personAssignments[index]
                if window.staff == event.staff && t >= window.from && t <= window.until {
                    result.kind = .assigned
                    result.role = window.role
                    return result
                }
            }
            let first = Int(context.personOccurrenceStart[Int(person)])
            let last = Int(context.personOccurrenceStart[Int(person) + 1])
            for index in first..<last {
                if explain(occurrence: context.personOccurrences[index], event: event, direct: false, duty: &duty,
                           into: &result) {
                    // A link not the user's own: their own assignment to a later occurrence of hers comes first.
                    if result.kind != .assigned {
                        var own = result
                        own.kind = nil
                        for later in (index + 1)..<last
                        where ownAssignments(occurrence: context.personOccurrences[later], event: event, into: &own) {
                            own.onDuty = duty.value
                            return own
                        }
                        if own.followsAttendance {
                            own.kind = .assigned
                            own.role = .attending
                            own.onDuty = duty.value
                            return own
                        }
                    }
                    result.onDuty = duty.value
                    return result
                }
            }
            if result.followsAttendance {
                result.kind = .assigned
                result.role = .attending
            }
        } else if let occurrence = event.occurrence {
            if explain(occurrence: occurrence, event: event, direct: true, duty: &duty, into: &result) {
                result.onDuty = duty.value
                return result
            }
            if result.followsAttendance {
                result.kind = .assigned
                result.role = .attending
            }
        } else {
            return nil
        }
        result.onDuty = duty.value
        return result
    }

    /// Tries every link between the user and one occurrence; true when one explains the access. The user's own
    /// assignments come first, and an attendance's follow-up, found here or at an occurrence before, outranks the
    /// links that are not the user's own (it is their own assignment, weighed as a return).
    private func explain(occurrence: OccurrenceIndex, event: AuditEvent, direct: Bool, duty: inout DutyCache,
                         into result: inout ExplanationResult) -> Bool {
        if ownAssignments(occurrence: occurrence, event: event, into: &result) { return true }
        guard !result.followsAttendance else { return false }
        let t = event.at.seconds
        let record = context.occurrences[Int(occurrence)]
        let opened = record.opened
        let closed = record.closed
        let closedLimit = closed == Int64.max ? Int64.max : closed + context.afterClosure
        let first = Int(record.assignments)
        let last = Int(record.assignmentsEnd)
        let staff = event.staff
        // The team, role and desk links below need the occurrence to be open (plus grace).
        guard t >= opened - context.beforeAssignment && t <= closedLimit else { return false }

        let team = context.staffTeam[Int(staff)]
        for index in first..<last {
            let assignment = context.occurrenceAssignments[index]
            guard assignment.staff != staff, context.staffTeam[Int(assignment.staff)] == team else { continue }
            // A teammate's attendance keeps the longer grace: the team picks up what a call leaves over the next
            // shifts (with the attendance grace here too, 4 more false staff on the second independent force).
            let end = assignment.end == Int64.max ? Int64.max : assignment.end + context.afterAssignment
            if t >= assignment.start - context.beforeAssignment && t <= end && duty.get() {
                result.kind = .team
                return true
            }
        }

        let role = context.staffRole[Int(staff)]
        // Detention officers are police staff in a custody team: the suite is their link as it is the custody
        // officers'. So it is a custody sergeant's (a supervisor in such a team), but only at work (a rostered shift,
        // or a session other looks show to be work): what a sergeant reads of the suite's detainees off duty is not
        // the suite's work.
        if role == .custodyOfficer
            || ((role == .policeStaff || role == .supervisor) && context.staffInCustodyTeam[Int(staff)]),
           record.isCustody, record.station == context.staffStation[Int(staff)],
           t <= (closed == Int64.max ? opened + DetectionContext.longestDetention : closed) + context.custodyGrace,
           role != .supervisor || duty.get() {
            result.kind = .custody
            return true
        }
        switch role {
        case .callHandler, .dispatcher:
            if t >= opened - 600 && t <= opened + context.liveIncident && duty.get() {
                result.kind = .liveIncident
                return true
            }
        case .policeStaff, .supervisor:
            if direct, record.station == context.staffStation[Int(staff)], duty.get() {
                result.kind = .stationDesk
                return true
            }
        default:
            break
        }
        return false
    }
}

extension Explainer {
    /// The user's own assignments to one occurrence: true when one explains the access; otherwise notes when their
    /// involvement ended and whether the access is an attendance's follow-up (past the attendance's own grace,
    /// within an assignment's).
    func ownAssignments(occurrence: OccurrenceIndex, event: AuditEvent, into result: inout ExplanationResult) -> Bool {
        let t = event.at.seconds
        let record = context.occurrences[Int(occurrence)]
        for index in Int(record.assignments)..<Int(record.assignmentsEnd) {
            let assignment = context.occurrenceAssignments[index]
            guard assignment.staff == event.staff else { continue }
            let window = self.window(assignment, on: record, attendanceGrace: context.afterAttendance)
            let end = window.until
            if t >= window.from && t <= end {
                result.kind = .assigned
                result.role = assignment.role
                result.followsAttendance = false
                return true
            }
            if t > end && (result.involvementEnded.map { end > $0.seconds } ?? true) {
                result.involvementEnded = Timestamp(seconds: end)
                result.involvementOccurrence = occurrence
                result.involvementRole = assignment.role
            }
            if assignment.role == .attending, t > end,
               t <= self.window(assignment, on: record, attendanceGrace: context.afterAssignment).until {
                result.followsAttendance = true
            }
        }
        return false
    }

    /// An assignment's window as the rules give it, with `attendanceGrace` after an attendance ends: the
    /// attendance's own (`after_attendance_hours`), or an assignment's (`after_assignment_hours`), where its
    /// follow-up ends.
    func window(_ assignment: CompactAssignment, on record: CompactOccurrence,
                attendanceGrace: Int64) -> AssignmentWindow {
        AssignmentWindow(assignment, on: record, beforeAssignment: context.beforeAssignment,
                         afterAssignment: context.afterAssignment, afterAttendance: attendanceGrace,
                         afterClosure: context.afterClosure)
    }
}

/// Whether the user is on duty, looked up at most once per event.
struct DutyCache {
    /// Not retained: a cache lives only inside one call of the explainer, which holds the context (a retain and a
    /// release on every event showed in the profile).
    unowned(unsafe) let context: DetectionContext
    let staff: StaffIndex
    let at: Timestamp
    let evidentlyWorking: Bool
    private(set) var value: Bool?
    /// Where the roster's search starts, and then where it ended.
    private(set) var hint: RosterHint

    init(context: DetectionContext, staff: StaffIndex, at: Timestamp, evidentlyWorking: Bool,
         hint: RosterHint = RosterHint()) {
        self.context = context
        self.staff = staff
        self.at = at
        self.evidentlyWorking = evidentlyWorking
        self.hint = hint
    }

    mutating func get() -> Bool {
        if let value { return value }
        let computed = evidentlyWorking || context.isRostered(staff, at: at.seconds, hint: &hint)
        value = computed
        return computed
    }
}
