public import CustodesModel

/// The event pass: explains each access, scores what is left with the indicators, rolls hits up into risk per
/// member of staff, and opens or extends alerts. Feed it events in time order; call `finish()` at the end.
///
/// The engine holds per-staff memory bounded by its windows (recent look-ups, unexplained days, recent hits), so a
/// year of a large force streams through it; only the set of (staff, person) pairs ever seen grows, because "first
/// access ever" needs it.
public final class DetectionEngine {
    public let context: DetectionContext
    let explainer: Explainer
    let compiled: CompiledRules
    let pseudonymiser: Pseudonymiser
    let activities: StaffActivities
    /// Every (staff, person) pair seen, with the time of its last access: "first access ever" asks whether a pair
    /// is here, linked expansion when it was last accessed. One table for both is one miss to memory per access,
    /// where a set of pairs and a map per member of staff were two. Keys are `pair(staff, person)`.
    var pairLastAccess = IntegerMap(capacity: 1 << 16)
    /// ``IndicatorName/repeatedAttendance``: how many of a person's occurrences the user had attended when it last
    /// fired, by (staff, person) pair (``pair(_:_:)``).
    var attendancesCounted: [Int64: Int] = [:]
    /// The people of their own cases each member of staff looked at off duty, and on how many days
    /// (``ownCaseReturn(_:person:result:into:)``). Empty for nearly everyone.
    var ownCaseOffDuty: [Int: [OwnCaseDays]] = [:]
    /// Room the pair table takes at the next batch, from the number of events the caller expects (``expect(events:)``).
    var pairsExpected = 0
    var drafts: [AlertDraft] = []
    var openDraft: [Int?]
    var currentWeek: Int64?
    /// How many weeks have closed: the data's first ``RiskSettings/learningWeeks`` are learning (counted the same way
    /// in a split run, whose coordinator closes every week for every part).
    var weeksClosed = 0
    /// Members of staff whose risk crossed the threshold in the learning weeks but not the strong one, with the
    /// latest hit that did: weighed again as learning ends (``endLearning(at:)``).
    var heldInLearning: [StaffIndex: Hit] = [:]
    /// Whether the data have run out: the last week's close is not learning's end, as nothing comes after it.
    var dataEnded = false
    /// Staff with accesses waiting for their session to show whether they were at work.
    var pendingStaff = Set<Int>()
    var lastSettled: Int64 = 0
    /// Each member of staff's first twenty unexplained accesses of the week, in the order decided: the evidence of
    /// a volume outlier, read at the week's close for the few it fires on. One list for the engine, appended to in
    /// order, where a list per member of staff was a miss to memory at nearly every unexplained access. Emptied as
    /// the week closes.
    var weekEvidence: [WeekEvidence] = []
    /// Pseudonyms of the people named in hits so far.
    var personPseudonyms: [PersonIndex: String] = [:]
    /// How many people each user looked up in the skew window and how many of them were in the watched group, as the
    /// week closing found them.
    var skewTallies: [SkewTally] = []
    /// The people, the people whose sensitive details were opened, and the group's people whose details were or may
    /// have been opened, in one user's skew window as the week closes: kept from week to week, emptied for each user.
    var distinctPeople = DistinctPeople(), distinctSensitivePeople = DistinctPeople()
    var distinctDetailsPeople = DistinctPeople()
    /// Each user's rate of the volume indicators beside their peers'.
    var peers: PeerBaseline
    /// How many days each role, team and crew returns to someone as its work, from the force's own data.
    var routineReturns: RoutineReturns
    /// Women, and people of known sex, among the people each role's staff, and each user, looked up with no link in
    /// the skew window, as the last week's close found them: what ``VolumeFocus`` compares a user's volume with.
    var roleSexTallies: [StaffRole: SexTally] = [:]
    var sexTallies: [SexTally] = []
    /// The same for each peer group of a team or crew (``peerGroup(of:)``), as the last week's close found them.
    var groupSexTallies: [Int32: SexTally] = [:]
    /// Whom each member of staff's volume fell on, as last worked out (``volumeFocus(staff:at:)``). Beside the
    /// activities rather than in them: asked for only while a user's risk is high, it was two fifths of each
    /// activity's bytes, which every access asks for.
    var volumeFocusChecks: [VolumeFocusCheck?]
    /// Who else looked each person up without a link, as the last day's close found it. Shared by the parts of a
    /// split run, which only read it while they run.
    let community: PersonCommunity
    /// Whether the community is on, read once: asked on every event.
    let tracksCommunity: Bool
    /// The current day's look-ups of people that nothing explained as they arrived, for the community.
    var dayLookups: [Int64] = []
    var currentDay: Int64?
    /// What the engine saw, with the per-access counts from `accessTally`.
    public var summary: DetectionSummary {
        var summary = counted
        accessTally.add(to: &summary)
        summary.learningWeeks = context.rules.risk.learningWeeks
        summary.heldInLearning = heldInLearning.count
        return summary
    }
    /// The summary's counts other than the per-access ones.
    var counted = DetectionSummary()
    let accessTally = AccessTally()
    /// Called for every hit, with whether an exception suppressed it: the rule test bench listens here.
    public var onHit: ((Hit, Bool) -> Void)?
    /// Whether this engine is one part of a run split by member of staff (``PartitionedDetection``), whose
    /// coordinator closes the weeks of all parts together.
    var isPart = false

    public convenience init(context: DetectionContext, pseudonymiser: Pseudonymiser) {
        self.init(context: context, pseudonymiser: pseudonymiser,
                  community: PersonCommunity(context: context))
    }

    init(context: DetectionContext, pseudonymiser: Pseudonymiser, community: PersonCommunity) {
        self.context = context
        explainer = Explainer(context: context)
        compiled = CompiledRules(context.rules, reference: context.reference)
        self.pseudonymiser = pseudonymiser
        activities = StaffActivities(count: context.reference.staff.count)
        openDraft = Array(repeating: nil, count: context.reference.staff.count)
        volumeFocusChecks = Array(repeating: nil, count: context.reference.staff.count)
        peers = PeerBaseline(staffCount: context.reference.staff.count, prior: context.rules.risk.peerPriorAccesses,
                             maximumFactor: context.rules.risk.peerMaximumFactor,
                             minimumRatio: context.rules.risk.peerMinimumRatio, staffTeam: context.staffTeam,
                             weighedWithTeam: context.staffInTeamMinority, staffCrew: context.staffCrew,
                             teamPrior: context.rules.risk.teamPeerPriorAccesses)
        routineReturns = RoutineReturns(staffCount: context.reference.staff.count,
                                        share: compiled.isEnabled(.repeatLookups) ? compiled.repeatRoutineShare : 0)
        self.community = community
        tracksCommunity = community.isEnabled
        counted.suppressedByException = Array(repeating: 0, count: compiled.exceptions.count)
        counted.unresolvableExceptions = compiled.exceptions.indices.filter { !compiled.exceptions[$0].resolvable }
    }

    /// Says how many events are coming, when the caller knows (a bundle's count once its files are read), so that
    /// the table of (staff, person) pairs is made large enough at the first batch rather than doubled on the way.
    ///
    /// Room for a quarter of the events: the realistic 160-day force of docs/performance.md ends with 3,441,753
    /// pairs for 9,930,741 events, which fill the 8,388,608 slots that room comes to by 41%, so the table never
    /// grows. The room is taken inside the first batch, so its cost is counted as detection's; if more pairs come,
    /// the table grows as before. At most ``mostPairsExpected``, so that a store of a hundred million events with few
    /// people in them does not take a gigabyte it may never fill.
    public func expect(events: Int) {
        pairsExpected = min(max(0, events / 4), Self.mostPairsExpected)
    }

    /// The most room taken ahead: 8,388,608 pairs, a table of 256 MiB (the realistic year's 22,879,828 events ask
    /// for 5,719,957, which takes the same table).
    static let mostPairsExpected = 1 << 23

    /// Processes one access. Events must arrive in time order.
    ///
    /// Rosters miss overtime and the odd shift, so "off roster" alone does not make an access off duty. Accesses are
    /// grouped into working sessions (activity with gaps under ``sessionGap``); a session in which any access is
    /// explained, which touches rostered time, or which uses a workstation inside force premises, is at work. An unexplained access made off roster waits until its
    /// session shows whether the user was at work, and is then explained (a teammate's case while working unrostered
    /// overtime) or scored as off duty. That wait is the only delay between an access and its hits.
    public func process(_ event: AuditEvent) {
        counted.events += 1
        let now = event.at.seconds
        if now > counted.lastEventAt?.seconds ?? .min { counted.lastEventAt = event.at }
        // A day closes before anything of the next is decided, as in a split run, where the coordinator closes it
        // before the parts see the day's first event.
        if tracksCommunity {
            let day = event.at.dayNumber
            if day != currentDay {
                if !isPart, let previous = currentDay { community.closeDay(previous, lookups: dayLookups) }
                dayLookups.removeAll(keepingCapacity: true)
                currentDay = day
            }
        }
        settleEndedSessions(now: now)
        let week = event.at.weekNumber
        if week != currentWeek {
            // In a run split by member of staff, the coordinator closes weeks for every part together.
            if !isPart {
                settleEndedSessions(now: now, force: true)
                if let previous = currentWeek { closeWeek(previous) }
            }
            currentWeek = week
        }
        let staff = Int(event.staff)
        if activities[staff].activeWeek != week {
            activities[staff].activeWeek = week
            activities[staff].weekUnexplained = 0
        }
        if activities[staff].sessionLast != .min && now - activities[staff].sessionLast > Self.sessionGap {
            settleSession(staff)
        }
        if activities[staff].sessionLast == .min { counted.sessions += 1 }
        activities[staff].sessionLast = now
        if !activities[staff].sessionAtWork && context.isAtWorkWorkstation(event.workstation) {
            activities[staff].sessionAtWork = true
            counted.sessionsAtWorkByTerminal += 1
            settlePending(staff, atWork: true)
        }
        guard let result = explainer.explain(event, atWork: activities[staff].sessionAtWork,
                                             rosterHint: &activities[staff].rosterHint) else {
            counted.outOfScope += 1
            return
        }
        // What the user opened, explained or not, as it arrives: a later return to someone in the same case is case
        // work (``RecentRecords``).
        if compiled.caseWorkWindow > 0, event.entityType == .occurrence || event.person != nil, event.entity >= 0 {
            activities[staff].recentRecords.add(at: now, entity: event.entity,
                                                isOccurrence: event.entityType == .occurrence)
            // A look waiting for its session to end is weighed later, against the records before it.
            let oldestWaiting = activities[staff].pending.first?.at.seconds ?? now
            activities[staff].recentRecords.forget(before: min(now, oldestWaiting) - compiled.caseWorkWindow,
                                                   window: compiled.caseWorkWindow)
        }
        // Counted as the access arrives, not when its duty is decided, so every split of the run agrees.
        if tracksCommunity, !result.isExplained, let person = event.person {
            dayLookups.append(PersonCommunity.key(person, event.staff))
        }
        // An attendance's follow-up is explained but shows no work: a look from home in the days after a call.
        let atWork = (result.isExplained && !result.followsAttendance) || result.onDuty == true
            || context.isRostered(event.staff, at: now, hint: &activities[staff].rosterHint)
        if atWork && !activities[staff].sessionAtWork {
            activities[staff].sessionAtWork = true
            settlePending(staff, atWork: true)
        }
        if !atWork {
            activities[staff].pending.append(event)
            pendingStaff.insert(staff)
            return
        }
        decide(event, result: result, onDuty: true)
    }

    /// Scores (or not) one access whose duty status is known.
    func decide(_ event: AuditEvent, result: ExplanationResult, onDuty: Bool) {
        let staff = Int(event.staff)
        var result = result
        result.onDuty = onDuty
        count(result, staff: staff)
        activities[staff].prune(now: event.at.seconds,
                                repeatWindow: compiled.repeatWindow, lookupWindow: compiled.lookupWindow)
        if !result.isExplained {
            activities[staff].weekUnexplained += 1
            // The week's first twenty are its evidence, for the volume rule.
            if activities[staff].weekUnexplained <= 20, compiled.isEnabled(.volumeOutlier) {
                weekEvidence.append(WeekEvidence(staff: event.staff, event: EvidenceEvent(event, onDuty: onDuty)))
            }
        }
        guard let person = event.person else { return }
        let role = context.staffRolePosition[staff]
        if peers.isEnabled { peers.countAccess(staff: staff, role: role) }
        var hits: [Hit] = []
        selfOrAssociate(event, person: person, result: result, into: &hits)
        if result.kind == .assigned, result.role == .attending, !result.followsAttendance,
           compiled.isEnabled(.repeatedAttendance) {
            repeatedAttendance(event, person: person, result: result, into: &hits)
        }
        if result.kind == .assigned, !result.followsAttendance, result.role?.meetsThePerson == true,
           compiled.ownCaseShare > 0 {
            ownCaseReturn(event, person: person, result: result, into: &hits)
        }
        if !result.isExplained {
            personIndicators(event, person: person, result: result, into: &hits)
        } else if result.followsAttendance {
            // A return in the days after an attendance: the attendance explains the write-up, not coming back.
            personIndicators(event, person: person, result: result, followsAttendance: true, into: &hits)
        } else if result.kind == .team, result.involvementRole?.meetsThePerson == true, compiled.teamLinkShare > 0 {
            // Explained is not innocent: a return to a person the user met in a case (attending, on the call, in
            // charge of it) after their own part ended, which only a teammate's open case explains, is how misuse
            // hides inside a legitimate link. An analyst's or a supervisor's part is with the record, not the person.
            personIndicators(event, person: person, result: result, teamLink: true, into: &hits)
        } else if result.kind == .team, result.involvementRole == nil, compiled.teamLinkShare > 0,
                  compiled.coveringMinimumDays > 0 {
            // Covering a teammate's case is daily work; coming back to its victim on day after day for weeks, with
            // no part of one's own in it, is not, and is the other way misuse hides inside the team's link.
            personIndicators(event, person: person, result: result, teamLink: true, covering: true, into: &hits)
        }
        pairLastAccess.insert(Self.pair(event.staff, person), event.at.seconds)
        // Peer-relative hits arrive weighed against the user's peers already (see `weighAgainstPeers`).
        for hit in hits { record(hit, event: event) }
    }

    /// The key of a (staff, person) pair in `pairLastAccess`.
    @inline(__always)
    static func pair(_ staff: StaffIndex, _ person: PersonIndex) -> Int64 { Int64(staff) << 32 | Int64(person) }

    /// The longest gap between two accesses of one working session.
    public static let sessionGap: Int64 = 2 * 3600

    /// Settles the sessions that ended before `now` (checked every ten minutes of event time, or always with `force`).
    func settleEndedSessions(now: Int64, force: Bool = false) {
        guard force || now - lastSettled >= 600, !pendingStaff.isEmpty else { return }
        lastSettled = now
        for staff in pendingStaff.sorted()
        where force || activities[staff].sessionLast == .min || now - activities[staff].sessionLast > Self.sessionGap {
            settleSession(staff)
        }
    }

    /// Ends a member of staff's session: what waited is decided with what the session showed.
    func settleSession(_ staff: Int) {
        settlePending(staff, atWork: activities[staff].sessionAtWork)
        activities[staff].sessionAtWork = false
        activities[staff].sessionLast = .min
    }

    private func settlePending(_ staff: Int, atWork: Bool) {
        let waiting = activities[staff].pending
        guard !waiting.isEmpty else { return }
        activities[staff].pending.removeAll()
        pendingStaff.remove(staff)
        for event in waiting {
            // At work, the team, role and desk links that need duty may now explain it.
            let result = atWork ? explainer.explain(event, atWork: true)! : explainer.explain(event, atWork: false)!
            decide(event, result: result, onDuty: atWork)
        }
    }

    /// Closes the last week and returns the alerts, in the order they opened.
    public func finish() -> [Alert] {
        settleAll()
        dataEnded = true
        if let week = currentWeek { closeWeek(week) }
        currentWeek = nil
        let alerts = Self.numbered(builtAlerts())
        counted.alerts = alerts.count
        return alerts
    }

    /// Decides every access still waiting for its session to end, as the data run out.
    func settleAll() {
        for staff in pendingStaff.sorted() { settleSession(staff) }
    }

    /// The alerts of the drafts so far, not yet in their final order or numbered.
    func builtAlerts() -> [Alert] {
        drafts.map { $0.build(context: context, explainer: explainer, pseudonymiser: pseudonymiser) }
    }

    /// Alerts in the order they opened (by the time of the event that opened them, then by member of staff) and
    /// numbered in that order. An off-duty access decided when its session ends, or a peer rule at a week's close,
    /// opens an alert later than its time; ordering by time makes the numbers the same however the run was split.
    static func numbered(_ alerts: [Alert]) -> [Alert] {
        let ordered = alerts.sorted { $0.openedAt != $1.openedAt ? $0.openedAt < $1.openedAt : $0.staff < $1.staff }
        return ordered.enumerated().map { position, alert in
            var alert = alert
            alert.alertID = Alert.identifier(position + 1)
            return alert
        }
    }

    func onDuty(_ result: ExplanationResult, _ event: AuditEvent) -> Bool {
        result.onDuty ?? context.onDuty(event.staff, at: event.at)
    }

    private func count(_ result: ExplanationResult, staff: Int) {
        accessTally.count(role: context.staffRolePosition[staff], kind: result.kind, assignmentRole: result.role,
                          followUp: result.followsAttendance)
    }

    /// Applies exceptions, adds the hit to the member of staff's risk, and opens or extends their alert.
    func record(_ hit: Hit, event: AuditEvent?) {
        if let index = compiled.exceptions.firstIndex(where: { $0.covers(hit, event: event) }) {
            counted.suppressedByException[index] += 1
            onHit?(hit, true)
            return
        }
        onHit?(hit, false)
        counted.hitCounts[CompiledRules.position(hit.indicator)] += 1
        let staff = Int(hit.staff)
        activities[staff].risk.add(hit, halfLife: compiled.halfLife, window: compiled.indicatorWindow, compiled.weighing)
        let score = activities[staff].risk.score(at: hit.at.seconds, halfLife: compiled.halfLife, compiled.weighing)
        if let open = openDraft[staff], hit.at.seconds - drafts[open].lastEvidenceAt.seconds <= compiled.quiet {
            drafts[open].add(hit, score: score, maximumEvidence: context.rules.risk.maximumEvidence)
            return
        }
        considerOpening(staff: staff, hit: hit, at: hit.at, score: score)
    }
}

extension AssignmentRole {
    /// Whether the role meets or speaks to the people in the case: where abuse of position usually begins.
    var meetsThePerson: Bool {
        switch self {
        case .attending, .callHandler, .officerInCase, .investigator: true
        case .supervisor, .analyst: false
        }
    }
}
