/// The audit events of some of the staff, in time order, taken one at a time: what detection split over cores
/// takes from each of the stream's lanes (`AuditEventStream.forEachLane`), so that each core merges its own staff's
/// events rather than one core merging every event for all of them.
///
/// A lane is used by one thread at a time.
public protocol EventLane: AnyObject {
    /// When the next event happened; nil once the lane has ended.
    var nextTime: Timestamp? { get }
    /// Moves the next event out; only while ``nextTime`` is not nil. Throws when the lane cannot be read on (a sorted
    /// run that cannot be read back): the run is then abandoned.
    func take() throws -> AuditEvent
}
