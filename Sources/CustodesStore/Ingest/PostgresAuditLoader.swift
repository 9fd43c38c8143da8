import NIOConcurrencyHelpers
import PostgresNIO

/// Writes audit chunks into PostgreSQL two at a time, each on a connection of its own, so that the server copies on
/// both cores; the two chunks still commit one after the other, in the order they were read.
///
/// With one connection copying, the server's COPY (about 6 s of one core for the simulated year's 2.3 million
/// events) bounded the load while the other core was largely idle. Chunks copied at once must not let detection's
/// cursor (the largest `seq` committed) pass an event not yet committed, so each chunk's `seq` numbers are taken
/// from the counter before it is copied, the earlier chunk first, and the earlier chunk commits first: every commit
/// adds only numbers above those already committed. A chunk written again after a lost connection keeps its numbers.
///
/// The connections are the loader's own, not the store's shared one, because their transactions are begun and
/// committed by hand, out of step with each other.
///
/// Each transaction holds ``AuditWriteLock`` shared, unless the loader serves a first load that holds it exclusively
/// (`firstLoad`); then the unique index on `event_id` is missing while it copies, and re-deliveries are not written
/// but handed back, to be written once the index is built again.
final class PostgresAuditLoader: Sendable {
    private let connections: [StoreDatabase]
    private let firstLoad: Bool

    private init(connections: [StoreDatabase], firstLoad: Bool) {
        self.connections = connections
        self.firstLoad = firstLoad
    }

    static func open(like database: StoreDatabase, firstLoad: Bool) async throws -> PostgresAuditLoader {
        let first = try await StoreDatabase.open(database.url, retry: database.retry, onRetry: database.onRetry)
        do {
            let second = try await StoreDatabase.open(database.url, retry: database.retry, onRetry: database.onRetry)
            return PostgresAuditLoader(connections: [first, second], firstLoad: firstLoad)
        } catch {
            await first.close()
            throw error
        }
    }

    func close() async {
        for connection in connections { await connection.close() }
    }

    /// What one chunk did, once committed.
    struct Written: Sendable {
        var accepted: Int
        var quarantined: Int
        /// Whether its first sightings met events already stored (so the next chunks skip the direct copy).
        var metStored: Bool
        /// In a first load, the chunk's re-deliveries, not yet written (and counted as duplicates meanwhile).
        var heldBack: [AuditEventRow]
    }

    /// How far a pair has got, kept across attempts.
    private struct Progress {
        var seqs: [[Int64]?]
        var written: [Written] = []
    }

    /// Writes one or two chunks (`chunks` in file order, from the files named in `files` with their digests),
    /// calling `committed` after each commit.
    func write(_ chunks: [AuditChunk], direct: Bool, batch: Int64, files: [String], digests: [String],
               committed: @escaping @Sendable (Written) async throws -> Void) async throws -> [Written] {
        precondition((1...2).contains(chunks.count))
        let progress = NIOLockedValueBox(Progress(seqs: Array(repeating: nil, count: chunks.count)))
        let what = "ingesting \(Set(files).sorted().joined(separator: " and "))"
        while true {
            do {
                try await connections[0].withRetry(what) {
                    try await self.connections[1].withRetry(what) {
                        try await self.attempt(chunks, progress, direct: direct, batch: batch, files: files,
                                               digests: digests, committed: committed)
                    }
                }
                return progress.withLockedValue { $0.written }
            } catch is AuditWriteLock.UniqueIndexMissing {
                // A first load was killed before it built the index again; build it, then write.
                try await connections[0].withRetry("rebuilding the unique index on event_id") {
                    try await AuditIndexes.ensure(self.connections[0], wait: true)
                }
            }
        }
    }

    private func attempt(_ chunks: [AuditChunk], _ progress: NIOLockedValueBox<Progress>, direct: Bool, batch: Int64,
                         files: [String], digests: [String],
                         committed: @Sendable (Written) async throws -> Void) async throws {
        let pending = progress.withLockedValue { $0.written.count }..<chunks.count
        guard !pending.isEmpty else { return }
        var open: [Int] = []
        do {
            // One statement numbers both chunks, the earlier first, outside their transactions (see `reserve`).
            let unnumbered = pending.filter { index in progress.withLockedValue { $0.seqs[index] == nil } }
            let counts = try unnumbered.map { try copy(chunks[$0]).count }
            var taken = try await AuditEventWriter.reserve(counts.reduce(0, +), on: try postgres(connections[0]))[...]
            for (index, count) in zip(unnumbered, counts) {
                let seqs = Array(taken.prefix(count))
                taken = taken.dropFirst(count)
                progress.withLockedValue { $0.seqs[index] = seqs }
            }
            let seqs = progress.withLockedValue { $0.seqs.map { $0 ?? [] } }
            for index in pending {
                try await connections[index].execute("BEGIN")
                open.append(index)
                if !firstLoad, try await !AuditWriteLock.share(on: connections[index]) {
                    throw AuditWriteLock.UniqueIndexMissing()
                }
            }
            // The copies run at once; everything after them goes in file order.
            var copied = Array(repeating: false, count: chunks.count)
            if direct {
                if pending.count == 2 {
                    async let first = AuditEventWriter.copyFresh(try copy(chunks[0]), seqs: seqs[0],
                                                                 to: try postgres(connections[0]))
                    async let second = AuditEventWriter.copyFresh(try copy(chunks[1]), seqs: seqs[1],
                                                                  to: try postgres(connections[1]))
                    copied = [try await first, try await second]
                } else {
                    let index = pending.lowerBound
                    copied[index] = try await AuditEventWriter.copyFresh(try copy(chunks[index]), seqs: seqs[index],
                                                                         to: try postgres(connections[index]))
                }
            }
            for index in pending {
                let written = try await finish(chunks[index], seqs: seqs[index], copied: copied[index],
                                               attempted: direct, batch: batch, digest: digests[index],
                                               file: files[index], on: connections[index])
                try await connections[index].execute("COMMIT")
                open.removeFirst()
                progress.withLockedValue { $0.written.append(written) }
                try await committed(written)
            }
        } catch {
            // A lost connection has rolled its own transaction back; the other one is rolled back here.
            for index in open {
                let connection = connections[index]
                _ = try? await Deadline.run(.seconds(10), "ROLLBACK") { try await connection.execute("ROLLBACK") }
            }
            throw error
        }
    }

    /// The rest of a chunk's transaction: what was not copied straight in, the tally by source system, the
    /// quarantined rows and the batch's counters.
    private func finish(_ chunk: AuditChunk, seqs: [Int64], copied: Bool, attempted: Bool, batch: Int64,
                        digest: String, file: String, on database: StoreDatabase) async throws -> Written {
        let connection = try postgres(database)
        let outcome = try await AuditEventWriter.finish(try copy(chunk), seqs: seqs, copied: copied,
                                                        attempted: attempted, holdBackRepeats: firstLoad, batch: batch,
                                                        receivedAt: chunk.receivedAt, on: connection)
        try await outcome.sources.add(receivedAt: chunk.receivedAt, to: connection)
        let quarantined = try await database.insert(
            into: "quarantine", columns: BundleIngest.quarantineColumns,
            rows: BundleIngest.quarantineRows(chunk.quarantined, batch: batch, digests: [file: digest]),
            conflict: BundleIngest.quarantineConflict)
        try await database.sql.raw("""
            UPDATE ingest_batches SET accepted = accepted + \(bind: outcome.inserted), \
            duplicates = duplicates + \(bind: chunk.events.count - outcome.inserted), \
            quarantined = quarantined + \(bind: quarantined), progress_at = \(bind: Clock.epochSeconds()) \
            WHERE batch_id = \(bind: batch)
            """).run()
        return Written(accepted: outcome.inserted, quarantined: quarantined, metStored: outcome.metStored,
                       heldBack: outcome.heldBack)
    }

    private func copy(_ chunk: AuditChunk) throws -> AuditCopy {
        guard let copy = chunk.copy else { throw StoreError.query("an audit chunk reached PostgreSQL unprepared") }
        return copy
    }

    private func postgres(_ database: StoreDatabase) throws -> PostgresConnection {
        guard case .postgres(let connection) = database.backend else { throw StoreError.connectionClosed }
        return connection
    }
}
