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
struct RecentRecords {
    /// One record opened: an occurrence or a person, with the time it was last opened in a row.
    struct Entry {
        var at: Int64
        let entity: Int32
        let isOccurrence: Bool
    }

    /// In time order; a record opened several times in a row is one entry, at its last opening.
    private(set) var entries: [Entry] = []

    /// How many entries one question reads at most, newest first: a clerk opening thousands of records an hour makes
    /// any return look like case work, and reading all of them at every return would cost more than it tells.
    static let scanLimit = 256

    /// Adds a record the user opened at `at` (records arrive in time order).
    mutating func add(at: Int64, entity: Int32, isOccurrence: Bool) {
        if let last = entries.last, last.entity == entity, last.isOccurrence == isOccurrence {
            entries[entries.count - 1].at = max(last.at, at)
            return
        }
        entries.append(Entry(at: at, entity: entity, isOccurrence: isOccurrence))
    }

    /// Forgets the records opened before `cutoff`, in batches: only once there are 64 or more and the oldest is a
    /// further `window` older, so that each entry is moved a bounded number of times. Forgetting as soon as the
    /// oldest aged out moved the whole list at nearly every record of a clerk opening thousands a day.
    mutating func forget(before cutoff: Int64, window: Int64) {
        guard entries.count >= 64, let oldest = entries.first, oldest.at < cutoff - window else { return }
        entries.removeFirst(startIndex(atOrAfter: cutoff))
    }

    /// The index of the first entry opened at or after `time` (the end if none was).
    func startIndex(atOrAfter time: Int64) -> Int {
        var low = 0, high = entries.count
        while low < high {
            let middle = (low + high) / 2
            if entries[middle].at < time { low = middle + 1 } else { high = middle }
        }
        return low
    }
}

extension DetectionEngine {
    /// The case work that came with the look at `person`: the occurrence of hers that the user opened, or in which
    /// they opened another person, in the `case_work_hours` before (`via` is that person), or nil when there was
    /// none; failing those, an occurrence the user opened of someone linked to her (`via` is that person and
    /// `linked` is true): a cold case's victim's mother, reached through the case. Only records opened in a second
    /// before the look's count, found by time and not by what arrived last, and the engine keeps the records a
    /// waiting look needs (``RecentRecords/forget(before:window:)``), so a look decided when its session ends is
    /// weighed as it would have been as it arrived.
    func caseWork(_ person: PersonIndex,
                  _ event: AuditEvent) -> (occurrence: OccurrenceIndex, via: PersonIndex?, linked: Bool)? {
        guard compiled.caseWorkWindow > 0 else { return nil }
        let own = context.occurrences(of: person)
        let links = compiled.caseWorkThroughLinks ? context.reference.links(of: person) : []
        guard !own.isEmpty || !links.isEmpty else { return nil }
        let t = event.at.seconds
        let records = activities[Int(event.staff)].recentRecords
        let entries = records.entries
        var index = records.startIndex(atOrAfter: t)
        var scanned = 0
        var throughLink: (occurrence: OccurrenceIndex, via: PersonIndex?, linked: Bool)?
        while index > entries.startIndex && scanned < RecentRecords.scanLimit {
            index -= 1
            let entry = entries[index]
            if t - entry.at > compiled.caseWorkWindow { break }
            scanned += 1
            if entry.isOccurrence {
                if own.contains(entry.entity) { return (entry.entity, nil, false) }
                if throughLink == nil {
                    for link in links {
                        let other = link.person == person ? link.linkedPerson : link.person
                        if context.occurrences(of: other).contains(entry.entity) {
                            throughLink = (entry.entity, other, true)
                            break
                        }
                    }
                }
            } else if entry.entity != person {
                for occurrence in context.occurrences(of: entry.entity) where own.contains(occurrence) {
                    return (occurrence, entry.entity, false)
                }
            }
        }
        return throughLink
    }

    /// The factor for a return's points and the words its sentence ends with, when it came with case work. `after`
    /// is the factor already applied (a person widely looked up), so that the sentence says the share is of that.
    func caseWorkWeight(_ person: PersonIndex, _ event: AuditEvent,
                        after: Double = 1) -> (factor: Double, words: String) {
        guard let work = caseWork(person, event) else { return (1, "") }
        let occurrence = context.reference.occurrences[Int(work.occurrence)].occurrenceID
        let hours = compiled.caseWorkWindow / 3600
        let what = work.linked
            ? "opened \(occurrence), a case of \(pseudonym(of: work.via!)), linked to \(pseudonym(of: person)),"
            : work.via.map { "looked up \(pseudonym(of: $0)), also in \(occurrence)," }
            ?? "opened \(occurrence), one of their cases,"
        return (compiled.caseWorkShare, "; they had \(what) in the \(hours) hours before, so it counts "
                + Self.share(compiled.caseWorkShare) + (after < 1 ? " of that" : ""))
    }
}
