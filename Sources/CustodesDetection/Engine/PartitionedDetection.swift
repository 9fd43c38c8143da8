import Dispatch
import Foundation
public import CustodesModel

/// The event pass split by member of staff over several cores, with exactly the alerts of one engine.
///
/// Everything detection remembers is about one member of staff, except what the peer rules compare across a role
/// (the peer baselines' rates and the weekly outlier and skew rules) and who else looks each person up without a link
/// (``PersonCommunity``). The community moves only when a day closes, the rest only when a week closes, so each part
/// (an engine over its share of the staff) works through a week on its own, and at the week's close the parts' tallies
/// are summed and every part closes the week with the whole force's figures. Alerts are then put in the order they
/// opened and numbered, as a single engine does.
///
/// The parts work on one run of events (a day's, with the community on) while the calling thread sorts the next run
/// into the parts' lists, and the caller joins in when the next run is ready: so the caller's own work (merging the
/// sorted audit files, say) fills a core rather than waiting for the parts or taking a core from them. A day closes
/// when its run is done and before the next run starts, which is the order one engine keeps.
public final class PartitionedDetection {
    public let parts: Int
    /// How many parts run at once. More parts than threads balance the load: the parts run between the same
    /// barriers (each day's and week's close), and with one part per thread the thread whose part had the busier day
    /// kept the other waiting (docs/performance.md).
    public let threads: Int
    private let engines: [DetectionEngine]
    private var currentWeek: Int64?
    private var currentDay: Int64?
    /// One community for every part, in shards by person: at each day's close every part fills its own shard.
    private let community: PersonCommunity
    /// Each part's list of events, in two sets: one waits, the other is the run the parts are working through
    /// (``flight``). Events handed over but not yet given to the parts, all in the current week (the current day,
    /// with the community on), go each to its part's waiting list as they arrive; the parts run once enough have
    /// gathered (or the week or day ends), so that they wait for each other rarely. Sorted into the parts once, here:
    /// when each part picked its own out of all of them, eight parts read every event eight times. Each part empties
    /// its own list of the run once done with it, on its own thread, so the strings the events hold are released
    /// alongside rather than all on the calling thread.
    private let lists: PartLists
    /// Where the waiting set starts in `lists` (0 or `parts`); the run under way is the other set.
    private var waiting = 0
    private var waitingCount = 0
    private var flight: Flight?
    static let runSize = 65_536
    /// Whether, with a lane per part, a thread with no part left takes the next day's events ahead even once every
    /// part is done, as many as ``mostAhead`` for every part: for tests, so that taking ahead is exercised whatever
    /// the threads' timing (off, it stops as soon as the last part is done, and on one thread never starts).
    var takesAheadAlways = false

    /// A run under way: its parts' lists, the parts not yet taken, the pool's threads still working, and the day to
    /// close once done.
    private struct Flight {
        let lists: PartLists
        let next: WorkCounter
        let workers: DispatchGroup
        let closingDay: Int64?
    }

    /// `threads` run the `parts` (all at once when not given).
    public init(context: DetectionContext, pseudonymiser: Pseudonymiser, parts: Int, threads: Int? = nil) {
        precondition(parts >= 1)
        self.parts = parts
        split = StaffSplit(count: parts)
        self.threads = max(1, min(threads ?? parts, parts))
        let community = PersonCommunity(context: context, shards: parts)
        self.community = community
        lists = PartLists(count: 2 * parts)
        engines = (0..<parts).map { _ in
            let engine = DetectionEngine(context: context, pseudonymiser: pseudonymiser, community: community)
            engine.isPart = true
            return engine
        }
    }

    deinit {
        lists.release(count: 2 * parts)
    }

    /// The member of staff's part: by index, which spreads each role and station over the parts.
    @inline(__always)
    func part(of staff: StaffIndex) -> Int { split.share(of: staff) }
    private let split: StaffSplit

    /// Says how many events are coming (``DetectionEngine/expect(events:)``): each part expects its share.
    public func expect(events: Int) {
        for engine in engines { engine.expect(events: events / parts) }
    }

    /// Processes events in time order, as ``DetectionEngine/process(_:)`` does: each copied, as the batch stays
    /// the caller's (``take(_:)`` takes an event without a copy).
    public func process(_ events: [AuditEvent]) {
        for event in events { take(event) }
    }

    /// Takes the next event in time order into its part's list. Handed over rather than copied: a copy retains each
    /// of the event's strings, and the release when the caller's batch was emptied and again when the part's list
    /// was were about a twentieth of the calling thread's time on two cores (`perf`, the realistic 160-day force).
    public func take(_ event: consuming AuditEvent) {
        // What waits goes to the parts before a new week's first event; then the week closes for all of them.
        // Likewise a new day's first event waits for the day's close, when the parts share who looked up whom.
        let day = event.at.dayNumber
        if day != currentDay {
            if community.isEnabled, let previous = currentDay { startWaiting(closingDay: previous) }
            currentDay = day
            let week = event.at.weekNumber
            if week != currentWeek {
                startWaiting(closingDay: nil)
                land()
                if let previous = currentWeek { closeWeek(previous, now: event.at.seconds) }
                currentWeek = week
            }
        }
        lists[waiting + part(of: event.staff)].append(event)
        waitingCount += 1
        // With the community on, every day ends in a run anyway (a day of a large force is about one run's worth), so
        // a run in the middle of the day would only add a wait.
        if waitingCount >= (community.isEnabled ? 4 * Self.runSize : Self.runSize) { startWaiting(closingDay: nil) }
    }

    /// Works through every event of `lanes` (each some of the staff's events in time order: a lane's staff must be
    /// whole parts, so the number of parts is a multiple of the number of lanes and the lane of a member of staff is
    /// their number modulo the number of lanes), a day at a time: while the parts work through one day's events,
    /// each lane merges its share of the next day's into its parts' lists, all as tasks the threads take in turn.
    /// So merging, which on one thread (``take(_:)``) kept that thread from the parts for about a fifth of the run on
    /// two cores, is shared between the cores like the rest. With a lane per part, each part's task takes its own
    /// lane's events of the day as it works through them, and no event passes between threads. `progress` is called on
    /// the calling thread with the events taken so far, about every `progressInterval`. Then ``finish()`` as after
    /// ``process(_:)``.
    public func run(lanes: [any EventLane], progressInterval: Int = 2_000_000,
                    progress: ((Int) -> Void)? = nil) throws {
        precondition(!lanes.isEmpty && parts % lanes.count == 0, "each lane's staff are whole parts")
        precondition(flight == nil && waitingCount == 0 && currentDay == nil,
                     "events are handed over by lanes once, or by take(_:), not both")
        precondition(progressInterval > 0)
        if lanes.count == parts {
            return try runLanePerPart(lanes, progressInterval: progressInterval, progress: progress)
        }
        let failure = FirstFailure()
        let counts = UnsafeMutablePointer<Int>.allocate(capacity: lanes.count)
        defer { counts.deallocate() }
        var taken = 0
        var nextProgress = progressInterval
        // The first event of the day the lanes merge next, and of the day in the parts' lists.
        var merging = Self.earliest(lanes)
        var working: Timestamp?
        while merging != nil || working != nil {
            counts.initialize(repeating: 0, count: lanes.count)
            let tasks = (merging == nil ? [] : Array(0..<lanes.count))
                + (working == nil ? [] : Array(lanes.count..<lanes.count + parts))
            let work = Unchecked((detection: self, lanes: lanes, into: lists.from(waiting), run: lists.from(parts - waiting),
                                  counts: counts, day: merging?.dayNumber, failure: failure))
            runTasks(tasks.count) { index in
                let work = work.value, task = tasks[index]
                if task < work.lanes.count {
                    work.counts[task] = work.detection.mergeDay(work.day!, from: work.lanes[task], lane: task,
                                                                of: work.lanes.count, into: work.into,
                                                                failure: work.failure)
                } else {
                    let part = task - work.lanes.count
                    work.detection.engines[part].process(work.run[part])
                    work.run[part].removeAll(keepingCapacity: true)
                }
            }
            if let error = failure.error { throw error }
            // The day the parts worked through closes unless it was the last (as when events are taken one at a
            // time), and a week closes before the next week's first event.
            if let working, let merging {
                if community.isEnabled { closeDay(working.dayNumber) }
                if merging.weekNumber != working.weekNumber { closeWeek(working.weekNumber, now: merging.seconds) }
            }
            for lane in 0..<lanes.count { taken += counts[lane] }
            if taken >= nextProgress {
                progress?(taken)
                while nextProgress <= taken { nextProgress += progressInterval }
            }
            working = merging
            if let working {
                currentDay = working.dayNumber
                currentWeek = working.weekNumber
            }
            waiting = parts - waiting
            merging = Self.earliest(lanes)
        }
    }

    /// ``run(lanes:progressInterval:progress:)`` with a lane per part: a day at a time, each part's task merges its
    /// lane's events of the day and works through them a batch at a time, while they are still in its core's cache.
    ///
    /// Merging into the parts' lists a day ahead (the other way) wrote each event on one thread for another to read a
    /// day later, and the loop that filled the lists and the lanes' hand-over were about a third of the merge's samples
    /// on two threads (docs/performance.md).
    private func runLanePerPart(_ lanes: [any EventLane], progressInterval: Int, progress: ((Int) -> Void)?) throws {
        let failure = FirstFailure()
        let counts = UnsafeMutablePointer<Int>.allocate(capacity: parts)
        defer { counts.deallocate() }
        var taken = 0
        var nextProgress = progressInterval
        while let next = earliestAhead(lanes) {
            // The day before closes, and a week closes before the next week's first event; the last day closes in
            // ``finish()``, as when events are taken one at a time.
            if let day = currentDay, let week = currentWeek {
                if community.isEnabled { closeDay(day) }
                if next.weekNumber != week { closeWeek(week, now: next.seconds) }
            }
            currentDay = next.dayNumber
            currentWeek = next.weekNumber
            counts.initialize(repeating: 0, count: parts)
            let work = Unchecked((detection: self, lanes: lanes, counts: counts, day: next.dayNumber,
                                  failure: failure, done: PartsDone(parts: parts), next: WorkCounter()))
            DispatchQueue.concurrentPerform(iterations: threads) { _ in
                let work = work.value
                var last = 0
                while case let part = work.next.take(), part < work.detection.parts {
                    work.counts[part] = work.detection.workThrough(day: work.day, of: work.lanes[part], part: part,
                                                                   failure: work.failure)
                    work.done.finish(part)
                    last = part
                }
                // No part left to take: until the others are done, take the next day's events of parts that are.
                let always = work.detection.takesAheadAlways
                while work.failure.error == nil, let part = work.done.claim(from: last, evenIfAllDone: always) {
                    work.detection.takeAhead(day: work.day + 1, of: work.lanes[part], part: part,
                                             until: always ? nil : work.done, failure: work.failure)
                }
            }
            if let error = failure.error { throw error }
            for part in 0..<parts { taken += counts[part] }
            if taken >= nextProgress {
                progress?(taken)
                while nextProgress <= taken { nextProgress += progressInterval }
            }
        }
    }

    /// Events a part takes from its lane before working through them: enough for the engine's look-ahead
    /// (``DetectionEngine/process(_:)``), few enough to stay in the core's cache.
    static let laneBatch = 512

    /// Works the part through its lane's events of `day`, ``laneBatch`` at a time (gathered in the part's list of the
    /// first set, which is otherwise unused with a lane per part); returns how many.
    private func workThrough(day: Int64, of lane: any EventLane, part: Int, failure: FirstFailure) -> Int {
        var count = 0
        // The day's first events, taken ahead at the end of the day before (``takeAhead(day:of:part:until:failure:)``).
        if !lists[parts + part].isEmpty && failure.error == nil {
            precondition(lists[parts + part][0].at.dayNumber == day, "events taken ahead are of the next day worked")
            count += lists[parts + part].count
            engines[part].process(lists[parts + part])
            lists[parts + part].removeAll(keepingCapacity: true)
        }
        do {
            var dayEnded = false
            // Another lane's failure ends the run: this part stops at its next batch rather than finish the day.
            while !dayEnded && failure.error == nil {
                while lists[part].count < Self.laneBatch {
                    guard let time = lane.nextTime, time.dayNumber == day else {
                        dayEnded = true
                        break
                    }
                    let event = try lane.take()
                    precondition(self.part(of: event.staff) == part, "a part's lane holds only its own staff's events")
                    lists[part].append(event)
                }
                count += lists[part].count
                engines[part].process(lists[part])
                lists[part].removeAll(keepingCapacity: true)
            }
        } catch {
            lists[part].removeAll(keepingCapacity: true)
            failure.record(error)
        }
        return count
    }

    /// Events of a part's lane taken ahead for its next day at most, while its thread would otherwise wait: as many
    /// as a few batches, enough to fill the wait (the last part of a day is a few milliseconds) and few enough to
    /// stay in cache.
    static let mostAhead = 8 * laneBatch

    /// Moves the lane's events of `day` (the day after the one the parts are working through) into the part's list of
    /// the second set, otherwise unused with a lane per part, until every part is done with the day or
    /// ``mostAhead`` are taken (without `done`, until then). The part has worked through its day, and its lane is
    /// read by no one else until the next day's task, which takes these first.
    private func takeAhead(day: Int64, of lane: any EventLane, part: Int, until done: PartsDone?,
                           failure: FirstFailure) {
        do {
            while lists[parts + part].count < Self.mostAhead, let time = lane.nextTime, time.dayNumber == day {
                let event = try lane.take()
                precondition(self.part(of: event.staff) == part, "a part's lane holds only its own staff's events")
                lists[parts + part].append(event)
                if let done, lists[parts + part].count % 64 == 0 && done.allDone { return }
            }
        } catch {
            failure.record(error)
        }
    }

    /// The time of the earliest next event of the lanes, or of the events taken ahead from them; nil once all have
    /// ended.
    private func earliestAhead(_ lanes: [any EventLane]) -> Timestamp? {
        lanes.indices.compactMap { part in lists[parts + part].first?.at ?? lanes[part].nextTime }.min()
    }

    /// The time of the earliest next event of the lanes; nil once all have ended.
    private static func earliest(_ lanes: [any EventLane]) -> Timestamp? {
        lanes.compactMap(\.nextTime).min()
    }

    /// Moves the lane's events of `day` into their parts' lists; returns how many. Only the lane's own parts' lists
    /// are touched (another thread may be filling another lane's), which holds when the lane has only its own staff.
    private func mergeDay(_ day: Int64, from source: any EventLane, lane: Int, of lanes: Int,
                          into lists: PartLists, failure: FirstFailure) -> Int {
        var count = 0
        let lanes = StaffSplit(count: lanes)
        do {
            while let time = source.nextTime, time.dayNumber == day {
                let event = try source.take()
                precondition(lanes.share(of: event.staff) == lane, "a lane holds only its own staff's events")
                lists[part(of: event.staff)].append(event)
                count += 1
            }
        } catch {
            failure.record(error)
        }
        return count
    }

    /// Lands the run under way, then sets the parts to work through the events that wait, on the pool's threads,
    /// and returns: the calling thread joins them at the next ``land()``. `closingDay`, when given, closes once these
    /// events are done (with nothing waiting, at once).
    private func startWaiting(closingDay: Int64?) {
        land()
        guard waitingCount > 0 else {
            if let closingDay { closeDay(closingDay) }
            return
        }
        let flight = Flight(lists: lists.from(waiting), next: WorkCounter(), workers: DispatchGroup(),
                            closingDay: closingDay)
        waiting = parts - waiting
        waitingCount = 0
        self.flight = flight
        // The caller is the last of the `threads`: it comes back to this run when the next is ready.
        let work = Unchecked((detection: self, flight: flight))
        for _ in 1..<threads {
            flight.workers.enter()
            DispatchQueue.global().async {
                work.value.detection.processInFlight(work.value.flight)
                work.value.flight.workers.leave()
            }
        }
    }

    /// Works through the parts of the run under way that no thread has taken yet, waits for the pool's threads to
    /// finish theirs, and closes the run's day.
    private func land() {
        guard let flight else { return }
        processInFlight(flight)
        flight.workers.wait()
        self.flight = nil
        if let day = flight.closingDay { closeDay(day) }
    }

    /// Each part taken processes its staff's events of the run under way, in order, and empties its list.
    private func processInFlight(_ flight: Flight) {
        while case let part = flight.next.take(), part < parts {
            engines[part].process(flight.lists[part])
            flight.lists[part].removeAll(keepingCapacity: true)
        }
    }

    /// Stops the run under way after a failure elsewhere (the stream could not be read to its end): the parts not
    /// yet taken are skipped, and this returns once the pool's threads have finished the parts they had. Nothing
    /// else may be asked of this detection afterwards.
    public func abandon() {
        guard let flight else { return }
        while flight.next.take() < parts {}
        flight.workers.wait()
        self.flight = nil
    }

    /// Whether a run was started and has not been landed or abandoned (its threads may have finished).
    var hasRunUnderWay: Bool { flight != nil }

    /// Closes the last week and returns the alerts, in the order they opened.
    public func finish() -> [Alert] {
        startWaiting(closingDay: nil)
        land()
        runParts { engine, _ in
            engine.settleAll()
            engine.dataEnded = true
        }
        if let week = currentWeek { closeWeek(week, now: nil) }
        currentWeek = nil
        var alerts: [Alert] = []
        for engine in engines { alerts += engine.builtAlerts() }
        return DetectionEngine.numbered(alerts)
    }

    /// What the parts saw, summed: only once ``finish()`` has returned, as the parts may be working until then.
    public var summary: DetectionSummary {
        var total = engines[0].summary
        for engine in engines.dropFirst() { total.merge(engine.summary) }
        total.alerts = engines.reduce(0) { $0 + $1.drafts.count }
        return total
    }

    private func closeWeek(_ week: Int64, now: Int64?) {
        var tallies = [WeekTallies](repeating: WeekTallies(), count: parts)
        tallies.withUnsafeMutableBufferPointer { slots in
            let slots = Unchecked(slots)
            runParts { engine, part in
                if let now { engine.settleEndedSessions(now: now, force: true) }
                slots.value[part] = engine.weekTallies(week)
            }
        }
        var summed = tallies[0]
        for part in tallies.dropFirst() { summed.add(part) }
        let total = summed.settled()
        runParts { engine, _ in engine.closeWeek(week, tallies: total) }
    }

    /// Closes a day: the shared community takes in every part's look-ups of the day, each part filling one shard.
    private func closeDay(_ day: Int64) {
        let lookups = engines.map(\.dayLookups)
        let community = community
        runParts { _, part in community.closeDay(day, lookups: lookups, shard: part) }
        for engine in engines { engine.dayLookups.removeAll(keepingCapacity: true) }
    }

    /// Runs tasks `0..<count`, `threads` at a time, each thread taking the next task not yet taken, and returns when
    /// all are done.
    private func runTasks(_ count: Int, _ body: (Int) -> Void) {
        withoutActuallyEscaping(body) { body in
            let work = Unchecked((body: body, next: WorkCounter(), count: count))
            DispatchQueue.concurrentPerform(iterations: min(threads, max(count, 1))) { _ in
                while case let task = work.value.next.take(), task < work.value.count { work.value.body(task) }
            }
        }
    }

    /// Runs `body` on every part, `threads` at a time, and returns when all are done. Each thread takes the next part
    /// not yet taken, so a thread whose parts were quick takes more of them.
    private func runParts(_ body: (DetectionEngine, Int) -> Void) {
        if parts == 1 { return body(engines[0], 0) }
        withoutActuallyEscaping(body) { body in
            let work = Unchecked((body: body, engines: engines, next: WorkCounter(), parts: parts))
            DispatchQueue.concurrentPerform(iterations: threads) { _ in
                while case let part = work.value.next.take(), part < work.value.parts {
                    work.value.body(work.value.engines[part], part)
                }
            }
        }
    }
}

/// The parts' lists of events, each list's reference on cache lines of its own.
///
/// Two threads append to neighbouring parts' lists at once (each lane's parts are every other part), and each append
/// writes the list's reference back: with the references side by side, their cache line moved between the cores at
/// every append. `perf` on two threads put half the samples of the loop that fills the lists just after loading a
/// list's reference (the realistic 160-day force, docs/performance.md).
struct PartLists {
    /// References per list: 128 bytes, two cache lines, as the processor also fetches a line's neighbour.
    static let stride = 16
    private let base: UnsafeMutablePointer<[AuditEvent]>

    /// `count` empty lists.
    init(count: Int) {
        base = .allocate(capacity: count * Self.stride)
        base.initialize(repeating: [], count: count * Self.stride)
    }

    private init(base: UnsafeMutablePointer<[AuditEvent]>) { self.base = base }

    /// The lists from `index` on.
    func from(_ index: Int) -> PartLists { PartLists(base: base + index * Self.stride) }

    subscript(index: Int) -> [AuditEvent] {
        unsafeAddress { UnsafePointer(base + index * Self.stride) }
        nonmutating unsafeMutableAddress { base + index * Self.stride }
    }

    /// Releases the `count` lists made by ``init(count:)`` (only on the value it made).
    func release(count: Int) {
        base.deinitialize(count: count * Self.stride)
        base.deallocate()
    }
}

/// Work handed to the pool's threads, which want it `Sendable`. Sound here because each part is taken by one thread
/// only (`WorkCounter`) and touches only its own engine, slot of the tallies and list of the run's events (new events
/// go to the other set of lists; with a lane per part, the part's own lane and count), each lane merging into the
/// lists is taken by one thread and fills only its own parts' lists of the waiting set, and the caller touches
/// nothing the tasks do until every thread has finished (`runTasks` or `runParts` returns, or `land` has waited).
/// A part's lane and its list of the second set pass to another thread only once its task has finished the day and
/// said so under `PartsDone`'s lock, which the thread taking its next day ahead takes to claim it, once, that day.
private struct Unchecked<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}

/// The first error of the tasks of a step, kept for the calling thread to throw once all are done.
private final class FirstFailure: @unchecked Sendable {
    // Sendable by the lock: `first` is only read and written under it.
    private let lock = NSLock()
    private var first: (any Error)?

    var error: (any Error)? { lock.withLock { first } }

    func record(_ error: any Error) { lock.withLock { if first == nil { first = error } } }
}
