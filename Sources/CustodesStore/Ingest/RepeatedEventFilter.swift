/// Splits each chunk of one ingest run into events whose `event_id` this run has not handed to the store before and
/// events it may have (a re-delivery within the bundle), so that the first can be copied straight into
/// `audit_events` and only the second need the slower insert that skips stored ids.
///
/// Bundles carry re-deliveries throughout (the simulated year has 4,673 among 2.3 million events); without this,
/// nearly every chunk would hit a duplicate and fall back as a whole. Ids are kept as hashes: a collision only sends
/// an event down the slower path, which is correct for every event.
final class RepeatedEventFilter {
    private var seen: Set<Int> = []

    /// Events first seen in this run, in `(at, event_id)` order so rows lie on disk in the order detection reads them,
    /// and the rest in their original order.
    func split(_ events: [AuditEventRow]) -> (fresh: [AuditEventRow], repeated: [AuditEventRow]) {
        var fresh: [AuditEventRow] = []
        var repeated: [AuditEventRow] = []
        fresh.reserveCapacity(events.count)
        seen.reserveCapacity(seen.count + events.count)
        for event in events {
            if seen.insert(event.eventID.hashValue).inserted {
                fresh.append(event)
            } else {
                repeated.append(event)
            }
        }
        fresh.sort { ($0.at, $0.eventID) < ($1.at, $1.eventID) }
        return (fresh, repeated)
    }
}
