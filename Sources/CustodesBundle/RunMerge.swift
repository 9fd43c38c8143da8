import CustodesModel

/// A sorted run of events to merge: spilled to a file, or held in memory.
///
/// Runs are read a chunk at a time (``read(into:capacity:)``), not an event at a time: a call through the protocol
/// retains the run, and one call per event was most of what the merge cost (docs/performance.md).
protocol SortedRun: AnyObject {
    /// Initializes up to `capacity` of the next events at `buffer`, in order, and returns how many; 0 at the end.
    func read(into buffer: UnsafeMutablePointer<SortableEvent>, capacity: Int) throws(BundleError) -> Int
}

/// The k-way merge of sorted runs: a binary heap of run numbers ordered by each run's current event.
///
/// Each run's next events wait in a chunk of their own, and the heap orders run numbers by the time of each run's
/// first waiting event, kept beside the chunk, so that most comparisons read two integers and no event. Events are
/// moved out of their chunk to the consumer, never copied: a copy retains and releases each of an event's four
/// strings. The previous merge, a heap of (event, run) pairs, spent two fifths of its thread's time on two cores in
/// `swift_retain` alone (`perf`, the realistic 160-day force).
struct RunMerge: ~Copyable {
    /// One run's waiting events: `events[position..<count]` are initialized.
    private struct Chunk {
        let events: UnsafeMutablePointer<SortableEvent>
        var position = 0
        var count = 0
        /// The time of `events[position]`, when there is one.
        var at: Int64 = 0

        var first: UnsafeMutablePointer<SortableEvent> { events + position }
    }

    /// Events read from a run per call: enough to make the call's cost nothing per event, few enough that every
    /// run's chunk stays in cache (32 events are about 3 KB; a large year has a few dozen runs). With chunks of 256
    /// the merge (then on a thread of its own) had 558 samples in `perf`, with 32 it had 475 and 560: no clear
    /// difference, and less held.
    static let chunkSize = 32

    private let runs: [any SortedRun]
    private let chunks: UnsafeMutablePointer<Chunk>
    /// The runs that still have events, as a binary heap on their first event.
    private let heap: UnsafeMutablePointer<Int32>
    private var heapCount = 0
    /// The run whose first event the last call handed out, still to move on.
    private var taken: Int?
    private var started = false

    init(_ runs: [any SortedRun]) {
        self.runs = runs
        chunks = .allocate(capacity: max(runs.count, 1))
        heap = .allocate(capacity: max(runs.count, 1))
        for run in runs.indices {
            (chunks + run).initialize(to: Chunk(events: .allocate(capacity: Self.chunkSize)))
        }
    }

    /// Reads every run's first chunk and orders the runs, at the first call of ``next()``.
    private mutating func start() throws(BundleError) {
        started = true
        for run in runs.indices where try refill(run) {
            heap[heapCount] = Int32(run)
            heapCount += 1
        }
        for index in stride(from: heapCount / 2 - 1, through: 0, by: -1) { siftDown(index) }
    }

    deinit { Self.release(chunks, count: runs.count, heap: heap) }

    private static func release(_ chunks: UnsafeMutablePointer<Chunk>, count: Int,
                                heap: UnsafeMutablePointer<Int32>) {
        for run in 0..<count {
            let chunk = chunks[run]
            chunk.first.deinitialize(count: chunk.count - chunk.position)
            chunk.events.deallocate()
        }
        chunks.deinitialize(count: count)
        chunks.deallocate()
        heap.deallocate()
    }

    /// Reads the run's next chunk into its empty one; false when the run has ended.
    private mutating func refill(_ run: Int) throws(BundleError) -> Bool {
        let read = try runs[run].read(into: chunks[run].events, capacity: Self.chunkSize)
        chunks[run].position = 0
        chunks[run].count = read
        if read > 0 { chunks[run].at = chunks[run].events[0].event.at.seconds }
        return read > 0
    }

    /// Whether run `a`'s first event comes before run `b`'s: by time, then by what ``SortableEvent/precedes(_:_:)``
    /// says for events of the same second.
    @inline(__always)
    private func less(_ a: Int32, _ b: Int32) -> Bool {
        let left = chunks + Int(a), right = chunks + Int(b)
        if left.pointee.at != right.pointee.at { return left.pointee.at < right.pointee.at }
        return SortableEvent.precedes(left.pointee.first.pointee, right.pointee.first.pointee)
    }

    // Mutating though it changes only what `heap` points to: to a method that only reads, the merge's fields were
    // passed by value, loaded from fields just written, which stalled the load (a third of the lane's samples in
    // `perf`, two cores).
    private mutating func siftDown(_ start: Int) {
        var parent = start
        while true {
            let left = 2 * parent + 1, right = left + 1
            var smallest = parent
            if left < heapCount && less(heap[left], heap[smallest]) { smallest = left }
            if right < heapCount && less(heap[right], heap[smallest]) { smallest = right }
            if smallest == parent { return }
            heap.swapAt(parent, smallest)
            parent = smallest
        }
    }

    /// The next event of all the runs in order, moved out to the caller; nil once every run has ended. The run it
    /// came from moves on at the next call, so that everything before a run that cannot be read is handed out first.
    mutating func next() throws(BundleError) -> SortableEvent? {
        if !started { try start() }
        if let run = taken {
            taken = nil
            if chunks[run].position < chunks[run].count {
                chunks[run].at = chunks[run].first.pointee.event.at.seconds
            } else if try !refill(run) {
                heapCount -= 1
                heap[0] = heap[heapCount]
            }
            if heapCount > 1 { siftDown(0) }
        }
        guard heapCount > 0 else { return nil }
        let run = Int(heap[0])
        let item = chunks[run].first.move()
        chunks[run].position += 1
        taken = run
        return item
    }
}

private extension UnsafeMutablePointer where Pointee == Int32 {
    @inline(__always)
    func swapAt(_ i: Int, _ j: Int) {
        let value = self[i]
        self[i] = self[j]
        self[j] = value
    }
}
