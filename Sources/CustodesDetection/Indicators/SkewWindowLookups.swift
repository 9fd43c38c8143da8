import CustodesModel

/// A member of staff's look-ups with no link within the demographic-skew window: each person looked up, when, and
/// whether they were in the group the rule watches at the time (worked out once, not at every week's close while the
/// look-up stays in the window); and, apart, the details they opened in the days after a call they attended, for
/// whom volume above peers is weighed against (``Lookup/followsAttendance``).
///
/// Only look-ups of the group keep their event, since only they are the skew's evidence; the rest are counted, not
/// shown. A 10,000-staff force holds about a million of these look-ups over the window, and a 64-byte event for each
/// was a twentieth of detection's peak memory.
struct SkewWindowLookups {
    struct Lookup {
        let at: Int64
        let person: PersonIndex
        let inGroup: Bool
        /// The person's sex, kept here so that each week's close need not read every person's record again.
        let sex: Sex
        /// Whether the look opened contact details, an address or a photograph: the people whose details a user
        /// opens are weighed apart, since a trawl can hide among a researcher's many look-ups but not among theirs.
        var details = Details.notOpened

        enum Details: UInt8 {
            case notOpened, opened
            /// A view, update, print or export that named no parts displayed (the data contract allows a system
            /// that does not log them): the look may have opened them, so it is not taken as research, nor counted
            /// among details opened. A search naming none is taken as showing a list: a system that logs the parts
            /// of its views may well log none for its searches, and those are most of a researcher's look-ups.
            case unknown
        }

        /// Whether the look opened contact details, an address or a photograph.
        var sensitive: Bool { details == .opened }
        /// Whether it opened them or may have, for a skew's need of some details opened
        /// (`demographic_skew.minimum_details_people`).
        var mayHaveOpenedDetails: Bool { details != .notOpened }
        /// Whether the look came in the days after the user's attendance (``ExplanationResult/followsAttendance``):
        /// kept only for whose details the user opened (``DetectionEngine/detailsOpened(staff:at:)``), which the
        /// volume of details opened after calls is weighed against; the skew and the peers' share of each sex count
        /// look-ups with no link at all.
        var followsAttendance = false
    }

    /// In the order they were recorded (the order decisions were made, not always the order of their times).
    private(set) var lookups: [Lookup] = []
    /// The events of the look-ups in the group, in the same order as theirs among ``lookups``.
    private var groupEvents: [EvidenceEvent] = []

    var isEmpty: Bool { lookups.isEmpty }

    /// Where the look-ups' storage begins, only to ask for it ahead of the access (``LookAhead``): every append
    /// first reads the storage's header, a miss to memory at nearly every unexplained look-up otherwise (about two
    /// thirds of the 2.9% of a one-core run's samples that checks of arrays for sharing took, `perf` with a DWARF call
    /// graph, the realistic 160-day force). A prefetch never faults, so an address made stale by a change meanwhile
    /// costs nothing.
    var storageAddress: UnsafeRawPointer? {
        lookups.withUnsafeBufferPointer { UnsafeRawPointer($0.baseAddress) }
    }

    mutating func append(at: Int64, person: PersonIndex, sex: Sex, inGroup: Bool,
                         details: Lookup.Details = .notOpened, event: @autoclosure () -> EvidenceEvent) {
        lookups.append(Lookup(at: at, person: person, inGroup: inGroup, sex: sex, details: details))
        if inGroup { groupEvents.append(event()) }
    }

    /// A look in the days after the user's attendance that opened her details: never in the skew's group (it is
    /// not the skew's evidence), so it keeps no event.
    mutating func appendFollowUp(at: Int64, person: PersonIndex, sex: Sex) {
        lookups.append(Lookup(at: at, person: person, inGroup: false, sex: sex, details: .opened,
                              followsAttendance: true))
    }

    /// Forgets the look-ups made before `oldest` (seconds), keeping each group look-up's event beside it.
    mutating func forget(before oldest: Int64) {
        guard lookups.contains(where: { $0.at < oldest }) else { return }
        // Both lists are compacted in place, in step: the n-th group look-up owns the n-th event.
        var kept = 0, event = 0, keptEvents = 0
        for position in lookups.indices {
            let lookup = lookups[position]
            let keep = lookup.at >= oldest
            if lookup.inGroup {
                if keep {
                    groupEvents[keptEvents] = groupEvents[event]
                    keptEvents += 1
                }
                event += 1
            }
            if keep {
                lookups[kept] = lookup
                kept += 1
            }
        }
        lookups.removeLast(lookups.count - kept)
        groupEvents.removeLast(groupEvents.count - keptEvents)
    }

    /// The latest look-up of each person in the group from `oldest` (seconds) on, oldest first, with its event; with
    /// `sensitiveOnly`, the latest of those that opened contact details, an address or a photograph.
    func latestInGroup(since oldest: Int64, sensitiveOnly: Bool = false) -> [(lookup: Lookup, event: EvidenceEvent)] {
        var people = Set<PersonIndex>()
        var found: [(lookup: Lookup, event: EvidenceEvent)] = []
        var event = groupEvents.count
        for lookup in lookups.reversed() where lookup.inGroup {
            event -= 1
            if lookup.at >= oldest, !sensitiveOnly || lookup.sensitive, people.insert(lookup.person).inserted {
                found.append((lookup, groupEvents[event]))
            }
        }
        return found.reversed()
    }
}
