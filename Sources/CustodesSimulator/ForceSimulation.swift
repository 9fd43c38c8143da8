import CustodesBundle
import CustodesModel

/// What a simulation wrote, for the command's summary and for tests.
public struct SimulationSummary: Sendable, Equatable {
    public var staff = 0
    public var persons = 0
    public var occurrences = 0
    public var assignments = 0
    public var rosterShifts = 0
    public var auditEvents = 0
    public var duplicateEvents = 0
    public var malformedRows = 0
    public var misconductStaff = 0
    public var benignStaff = 0
}

/// A synthetic police force going about its work, day by day, writing the bundle its systems would export.
///
/// Each simulated day: staff work their shifts (written to the roster, with the export's gaps); calls come in and
/// become occurrences with victims, suspects and callers; call handlers, attending officers, officers in case,
/// supervisors, custody officers and analysts open the records their work needs; and the staff chosen for a
/// misconduct scenario or a benign look-alike do what the scenario says. Audit events are written as each day
/// completes, so memory holds the force's records but never the whole audit log.
public final class ForceSimulation {
    public let config: SimulationConfig
    var staff: [SimulatedStaff]
    let planner: ShiftPlanner
    var population: Population
    var occurrences: [Occurrence] = []
    var occurrenceStation: [Int] = []
    var occurrencePersons: [OccurrencePerson] = []
    var personsOfOccurrence: [[Int]] = []
    var occurrencesOfPerson: [Int: [Int]] = [:]
    /// Every member of staff by station and role, whether on duty or not.
    let staffByPost: [DutyKey: [Int]]
    var assignments: [Assignment] = []
    var declaredAssociations: [DeclaredAssociation] = []
    var activeCases: [CaseFile] = []
    /// Occurrences opened in the last few weeks, by category, for analysts' taskings.
    var recentByCategory: [OccurrenceCategory: [Int]] = [:]
    var truth: [TruthEntry] = []
    /// Officers in case who open their files far more than most (a benign look-alike).
    var heavyOfficers: Set<Int> = []
    var actors: [ScenarioActor] = []

    var shiftsToday: [[WorkedShift]] = []
    var shiftsYesterday: [[WorkedShift]] = []
    /// Staff with an operational shift touching today, keyed by station and role.
    var onDutyIndex: [DutyKey: [Int]] = [:]
    var random: SeededRandom
    var log: AuditLog!
    var day = 0

    public init(config: SimulationConfig) {
        self.config = config
        staff = StaffPlanner.plan(config)
        var posts: [DutyKey: [Int]] = [:]
        for (index, member) in staff.enumerated() {
            posts[DutyKey(station: member.station, role: member.record.role), default: []].append(index)
        }
        staffByPost = posts
        planner = ShiftPlanner(config: config)
        population = Population(referenceYear: Int(config.start.isoDate.prefix(4))!)
        random = SeededRandom(seed: config.seed, stream: 4)
    }

    var stationCount: Int { StaffPlanner.stationCount(for: config.staff) }

    /// Runs the simulation and writes the bundle into `directory` (created if needed, files replaced).
    public func write(to directory: String,
                      progress: ((_ day: Int, _ eventsWritten: Int) -> Void)? = nil) throws -> SimulationSummary {
        try BundleDirectory.prepare(directory)
        var seedRandom = SeededRandom(seed: config.seed, stream: 5)
        population.seedBackground(count: config.staff * 40, random: &seedRandom)
        if config.realistic { markBackground(random: &seedRandom) }
        log = try AuditLog(directory: directory, config: config, staffIDs: staff.map(\.record.staffID))
        actors = ScenarioCaster.cast(self)
        let rosters = try CSVWriter(path: directory + "/" + BundleFile.rosters.fileName)
        try rosters.write(BundleFile.rosters.columns)
        var rosterCount = 0

        shiftsToday = Array(repeating: [], count: staff.count)
        for index in staff.indices { shiftsToday[index] = planner.shifts(for: staff[index], index: index, day: -1) }
        for current in 0..<config.days {
            day = current
            shiftsYesterday = shiftsToday
            for index in staff.indices {
                shiftsToday[index] = planner.shifts(for: staff[index], index: index, day: current)
                for shift in shiftsToday[index] where shift.rostered {
                    rosters.append(staff[index].record.staffID)
                    rosters.separator()
                    rosters.file.append(shift.start)
                    rosters.separator()
                    rosters.file.append(shift.end)
                    rosters.separator()
                    rosters.append(shift.kind.rawValue)
                    try rosters.endRow()
                    rosterCount += 1
                }
            }
            if current == 0 && config.noise {
                // One malformed roster row, as an export sometimes has: an end before the start.
                try rosters.write([staff[0].record.staffID, dayStart.adding(seconds: 10 * Timestamp.hour).iso8601,
                                   dayStart.adding(seconds: 2 * Timestamp.hour).iso8601, "duty"])
            }
            buildDutyIndex()
            simulateDay()
            try log.flush(before: dayStart.adding(seconds: Timestamp.day))
            progress?(current + 1, log.written)
        }
        try log.finish()
        try rosters.close()
        var summary = try BundleDirectory.writeReference(self, to: directory)
        summary.rosterShifts = rosterCount
        summary.auditEvents = log.written
        summary.duplicateEvents = log.duplicatesWritten
        summary.malformedRows = log.malformedWritten
        return summary
    }

    var dayStart: Timestamp { config.start.adding(seconds: Int64(day) * Timestamp.day) }

    /// The operational shift `member` is working at `time`, if any.
    func shift(of member: Int, at time: Timestamp) -> WorkedShift? {
        for shift in shiftsToday[member] where shift.operational && shift.contains(time) { return shift }
        for shift in shiftsYesterday[member] where shift.operational && shift.contains(time) { return shift }
        return nil
    }

    /// Today's operational shift of `member` (the one starting today), if any.
    func shiftToday(of member: Int) -> WorkedShift? {
        shiftsToday[member].first { $0.operational }
    }

    /// Staff of `role` at `station` on duty at `time`.
    func onDuty(_ role: StaffRole, station: Int, at time: Timestamp) -> [Int] {
        (onDutyIndex[DutyKey(station: station, role: role)] ?? []).filter { shift(of: $0, at: time) != nil }
    }

    private func buildDutyIndex() {
        onDutyIndex.removeAll(keepingCapacity: true)
        for index in staff.indices {
            let working = shiftsToday[index].contains { $0.operational }
                || shiftsYesterday[index].contains { $0.operational && $0.end > dayStart }
            if working {
                onDutyIndex[DutyKey(station: staff[index].station, role: staff[index].record.role), default: []]
                    .append(index)
            }
        }
    }

    private func simulateDay() {
        generateOccurrences()
        patrolChecks()
        caseWork()
        analystTaskings()
        officeWork()
        if config.realistic { unlinkedRoutineWork() }
        for index in actors.indices { ScenarioPlayer.act(&actors[index], in: self) }
        retireClosedCases()
    }

    /// Records an access and, for staff in a scenario, the first event of it.
    @discardableResult
    func access(_ at: Timestamp, _ member: Int, _ system: SourceSystem, _ action: AuditAction, _ type: EntityType,
                _ entityID: String, _ fields: FieldSet = [], reason: String = "", workstation: String? = nil,
                scenario: Int? = nil) -> String {
        let id = log.record(at: at, staff: member, system: system, action: action, entityType: type,
                            entityID: entityID, fields: fields, workstation: workstation ?? staff[member].workstation,
                            reason: reason)
        if let scenario { truth[scenario].observe(eventID: id, at: at) }
        return id
    }

    /// A random time inside `shift`, no earlier than `after`; nil when the shift ends first.
    func time(in shift: WorkedShift, after: Timestamp? = nil) -> Timestamp? {
        let from = max(shift.start.seconds, after?.seconds ?? shift.start.seconds)
        guard from < shift.end.seconds - 60 else { return nil }
        return Timestamp(seconds: random.int64(from...(shift.end.seconds - 60)))
    }
}

struct DutyKey: Hashable {
    var station: Int
    var role: StaffRole
}

/// An occurrence under investigation, and who works it.
struct CaseFile {
    var occurrence: Int
    var victim: Int?
    var suspect: Int?
    var officerInCase: Int?
    var investigator: Int?
    var supervisor: Int?
    var closesAt: Timestamp
    /// When the officer in case (and investigator and supervisor) were assigned; case work starts then.
    var assignedFrom: Timestamp
    /// An officer in case who opens the file many times a day (benign look-alike).
    var heavy = false
    /// The truth entry that work on this case counts towards, for the benign look-alikes built on case work.
    var truth: Int?
}
