import CustodesModel

/// The records (people and occurrences) a member of staff opened in the last hours: what "did this return come with
/// work on the person's case?" is asked of.
///
/// A safeguarding officer reviewing a family, an analyst researching a network and a detective on a cold case open the
/// case, or the other people in it, as they come back to someone. An officer returning to a woman met on duty opens
/// her record alone. So a return (a revisit after the user's part ended, a repeated look-up) that comes within hours
/// of the user opening one of the person's occurrences, or another person in one of them, keeps only a share of its
/// points and does not, alone, show the user returning to one person. This is the idea of explanation-based auditing
/// (Fabbri and LeFevre) that an access is explained by a path through the records that the user walked, not only by
/// an assignment; the path is weaker evidence than an assignment, so the return is weighed less, not cleared.
struct RecentRecords: ~Copyable {
    /// One record opened: an occurrence or a person, with the time it was last opened in a row.
    struct Entry {
        var at: Int64
        let entity: Int32
        let isOccurrence: Bool
    }

    /// The entries, in memory of its own: an `Array` here kept its count in its storage's header, away from its last
    /// entry, so every record opened (`add`, at every access) waited for memory twice, and the look-ahead could not
    /// ask for either (`RecentRecords.add` was 2.6% of a one-core run in `perf` on the realistic 160-day force).
    /// The count and the address sit in the activity, so the last entry's address is known before the access is
    /// processed (``tailAddress``).
    private var storage: UnsafeMutablePointer<Entry>?
    private var filled: Int32 = 0
    private var room: Int32 = 0

    init() {}

    deinit { storage?.deallocate() }

    /// In time order; a record opened several times in a row is one entry, at its last opening. Valid until the
    /// next change.
    var entries: UnsafeBufferPointer<Entry> { UnsafeBufferPointer(start: storage, count: Int(filled)) }

    /// Where the last entry is, only to ask for it ahead of the access: a prefetch never faults, so an address made
    /// stale by a change meanwhile costs nothing.
    var tailAddress: UnsafeRawPointer? {
        guard let storage else { return nil }
        return UnsafeRawPointer(storage + max(Int(filled) - 1, 0))
    }

    /// How many entries one question reads at most, newest first: a clerk opening thousands of records an hour makes
    /// any return look like case work, and reading all of them at every return would cost more than it tells.
    static let scanLimit = 256

    /// Adds a record the user opened at `at` (records arrive in time order).
    mutating func add(at: Int64, entity: Int32, isOccurrence: Bool) {
        let count = Int(filled)
        if count > 0, let storage, storage[count - 1].entity == entity,
           storage[count - 1].isOccurrence == isOccurrence {
            storage[count - 1].at = max(storage[count - 1].at, at)
            return
        }
        if filled == room { grow() }
        (storage! + count).initialize(to: Entry(at: at, entity: entity, isOccurrence: isOccurrence))
        filled += 1
    }

    private mutating func grow() {
        precondition(room < Int32.max / 2, "more records in the case-work window than a member of staff can open")
        let larger = max(16, Int(room) * 2)
        let moved = UnsafeMutablePointer<Entry>.allocate(capacity: larger)
        if let storage {
            moved.moveInitialize(from: storage, count: Int(filled))
            storage.deallocate()
        }
        storage = moved
        room = Int32(larger)
    }

    /// Forgets the records opened before `cutoff`, in batches: only once there are 64 or more and the oldest is a
    /// further `window` older, so that each entry is moved a bounded number of times. Forgetting as soon as the
    /// oldest aged out moved the whole list at nearly every record of a clerk opening thousands a day.
    mutating func forget(before cutoff: Int64, window: Int64) {
        guard filled >= 64, let storage, storage[0].at < cutoff - window else { return }
        let dropped = startIndex(atOrAfter: cutoff)
        let kept = Int(filled) - dropped
        // Entries are plain values: moving them down is a move of bytes (the ranges may overlap).
        UnsafeMutableRawPointer(storage).copyMemory(from: storage + dropped,
                                                    byteCount: kept * MemoryLayout<Entry>.stride)
        filled = Int32(kept)
    }

    /// The index of the first entry opened at or after `time` (the end if none was).
    func startIndex(atOrAfter time: Int64) -> Int {
        let entries = entries
        var low = 0, high = entries.count
        while low < high {
            let middle = (low + high) / 2
            if entries[middle].at < time { low = middle + 1 } else { high = middle }
        }
        return low
    }
}

/// What made a return case work: the occurrence it came with and the path from it to the person looked up.
struct CaseWorkPath {
    enum Route {
        /// The user opened one of the person's occurrences.
        case ownCase
        /// The user looked up another person in one of her occurrences (`via`).
        case anotherPerson
        /// The user opened an occurrence of someone linked to her (`via`): a cold case reaching the victim's mother.
        case linkedCaseOpened
        /// The user's assignment to an occurrence of someone linked to her (`via`) began in the hours before: an
        /// enquiry's first days reaching the household.
        case linkedCaseAssigned
        /// The person was in custody at the suite of the user's custody team at the time: the sergeant's business,
        /// not only the custody officers'.
        case inCustodyAtTheirStation
    }

    let occurrence: OccurrenceIndex
    let via: PersonIndex?
    let route: Route
}

extension DetectionEngine {
    /// The case work that came with the look at `person`: the occurrence of hers that the user opened, or in which
    /// they opened another person, in the `case_work_hours` before, or nil when there was none; failing those, an
    /// occurrence the user opened of someone linked to her (a cold case's victim's mother, reached through the
    /// case), and failing that, one of a linked person's occurrences to which the user's assignment began in the
    /// `case_work_assignment_hours` before and still lasts (a missing girl's household, at each episode), and
    /// failing all of those, with `case_work_in_custody`, her custody at the user's own station at the time. Only
    /// records opened in a second before the look's count, found by time and not by what arrived last, and the
    /// engine keeps the records a waiting look needs (``RecentRecords/forget(before:window:)``), so a look decided
    /// when its session ends is weighed as it would have been as it arrived.
    func caseWork(_ person: PersonIndex, _ event: AuditEvent) -> CaseWorkPath? {
        guard compiled.caseWorkWindow > 0 || compiled.caseWorkAssignmentWindow > 0 || compiled.caseWorkInCustody
        else { return nil }
        let own = context.occurrences(of: person)
        let links = compiled.caseWorkThroughLinks || compiled.caseWorkAssignmentWindow > 0
            ? context.reference.links(of: person) : []
        guard !own.isEmpty || !links.isEmpty else { return nil }
        let t = event.at.seconds
        // A view of the records, not a copy: nothing below changes them.
        let entries = activities[Int(event.staff)].recentRecords.entries
        var index = activities[Int(event.staff)].recentRecords.startIndex(atOrAfter: t)
        var scanned = 0
        var throughLink: CaseWorkPath?
        while index > entries.startIndex && scanned < RecentRecords.scanLimit {
            index -= 1
            let entry = entries[index]
            if t - entry.at > compiled.caseWorkWindow { break }
            scanned += 1
            if entry.isOccurrence {
                if own.contains(entry.entity) { return CaseWorkPath(occurrence: entry.entity, via: nil, route: .ownCase) }
                if throughLink == nil, compiled.caseWorkThroughLinks {
                    for link in links {
                        let other = link.person == person ? link.linkedPerson : link.person
                        if !context.recordGroups.same(other, person),
                           context.occurrences(of: other).contains(entry.entity) {
                            throughLink = CaseWorkPath(occurrence: entry.entity, via: other, route: .linkedCaseOpened)
                            break
                        }
                    }
                }
            } else if !context.recordGroups.same(entry.entity, person) {
                // Her other record is her (``RecordGroups``), not another person of her case.
                for occurrence in context.occurrences(of: entry.entity) where own.contains(occurrence) {
                    return CaseWorkPath(occurrence: occurrence, via: entry.entity, route: .anotherPerson)
                }
            }
        }
        return throughLink ?? linkedAssignment(person, links: links, event) ?? inCustody(own, event)
    }

    /// One of the person's custody occurrences at the user's own station, open at the look (plus the custody grace;
    /// one never closed counts for the longest detention the law allows), when `case_work_in_custody` is on and the
    /// user is in a custody team. An officer elsewhere at the station returning to a detainee is not weighed so.
    private func inCustody(_ own: ArraySlice<Int32>, _ event: AuditEvent) -> CaseWorkPath? {
        guard compiled.caseWorkInCustody, context.staffInCustodyTeam[Int(event.staff)] else { return nil }
        let t = event.at.seconds
        let station = context.staffStation[Int(event.staff)]
        for occurrence in own {
            let record = context.occurrences[Int(occurrence)]
            let end = record.closed == Int64.max ? record.opened + DetectionContext.longestDetention : record.closed
            guard record.isCustody, record.station == station, t >= record.opened - context.beforeAssignment,
                  t <= end + context.custodyGrace else { continue }
            return CaseWorkPath(occurrence: occurrence, via: nil, route: .inCustodyAtTheirStation)
        }
        return nil
    }

    /// One of the occurrences of someone linked to `person` to which the user's assignment began in the
    /// `case_work_assignment_hours` before the look and still lasts: the early days of an enquiry, when its
    /// people's families and friends are traced and called. Read only for a return that nothing else made case work
    /// (at most once a day per person returned to): the reads are the linked people's occurrences' assignments.
    private func linkedAssignment(_ person: PersonIndex, links: ArraySlice<PersonLink>,
                                  _ event: AuditEvent) -> CaseWorkPath? {
        let window = compiled.caseWorkAssignmentWindow
        guard window > 0 else { return nil }
        let t = event.at.seconds
        for link in links {
            let other = link.person == person ? link.linkedPerson : link.person
            guard !context.recordGroups.same(other, person) else { continue }
            for occurrence in context.occurrences(of: other) {
                let record = context.occurrences[Int(occurrence)]
                for index in Int(record.assignments)..<Int(record.assignmentsEnd) {
                    let assignment = context.occurrenceAssignments[index]
                    guard assignment.staff == event.staff, assignment.start <= t, t - assignment.start <= window,
                          t <= assignment.end else { continue }
                    return CaseWorkPath(occurrence: occurrence, via: other, route: .linkedCaseAssigned)
                }
            }
        }
        return nil
    }

    /// The factor for a return's points and the words its sentence ends with, when it came with case work. `after`
    /// is the factor already applied (a person widely looked up), so that the sentence says the share is of that;
    /// `share` is what case work keeps (`case_work_share`, or `team_case_work_share` for a teammate's case).
    func caseWorkWeight(_ person: PersonIndex, _ event: AuditEvent,
                        after: Double = 1, share: Double) -> (factor: Double, words: String) {
        guard share < 1, let work = caseWork(person, event) else { return (1, "") }
        let occurrence = context.reference.occurrences[Int(work.occurrence)].occurrenceID
        let hours = compiled.caseWorkWindow / 3600
        let what: String
        switch work.route {
        case .ownCase:
            what = "they had opened \(occurrence), one of their cases, in the \(hours) hours before"
        case .anotherPerson:
            what = "they had looked up \(pseudonym(of: work.via!)), also in \(occurrence), in the \(hours) hours before"
        case .linkedCaseOpened:
            what = "they had opened \(occurrence), a case of \(pseudonym(of: work.via!)), linked to "
                + "\(pseudonym(of: person)), in the \(hours) hours before"
        case .inCustodyAtTheirStation:
            what = "\(occurrence) had them in custody at their team's suite then"
        case .linkedCaseAssigned:
            // The window, not the hour the assignment began: with the occurrence, that would point at the officer.
            what = "they were assigned to \(occurrence), a case of \(pseudonym(of: work.via!)), linked to "
                + "\(pseudonym(of: person)), in the \(compiled.caseWorkAssignmentWindow / 3600) hours before"
        }
        return (share, "; \(what), so it counts " + Self.share(share) + (after < 1 ? " of that" : ""))
    }
}
