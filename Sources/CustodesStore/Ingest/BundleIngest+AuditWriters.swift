import NIOConcurrencyHelpers

/// The two ways audit chunks reach the store, each calling `committed` after every chunk's commit, in the order the
/// chunks were read.
extension BundleIngest {
    /// An audit file to read: its name, the SHA-256 of its bytes, and its place in the bundle's list of files.
    struct AuditFile: Sendable {
        let name: String
        let digest: String
        let position: Int
    }

    typealias ChunkCommitted = @Sendable (AuditChunk, Int) async throws -> Void

    /// Re-deliveries a first load holds back until the unique index on `event_id` is built again (see
    /// ``AuditWriteLock``), counted as duplicates meanwhile.
    struct HeldBack: Sendable {
        /// Which of the files read they came from.
        var file: Int
        var receivedAt: Int64
        var rows: [AuditEventRow]
    }

    func writeToSQLite(_ chunks: AsyncThrowingStream<AuditChunk, any Error>, files: [AuditFile], batch: Int64,
                       committed chunkCommitted: @escaping ChunkCommitted) async throws {
        // Statements prepared once (see SQLiteBulkConnection), a transaction per chunk.
        let writer = try SQLiteBulkConnection(path: database.url.path)
        for try await chunk in chunks {
            let digest = files[chunk.file].digest, name = files[chunk.file].name
            let accepted = try await database.withRetry("ingesting \(name)") {
                try await writer.run { writer in
                    try writer.transaction {
                        var sources = AuditSources()
                        let accepted = try writer.insert(chunk.events, batch: batch, receivedAt: chunk.receivedAt,
                                                         sources: &sources)
                        try sources.add(receivedAt: chunk.receivedAt, to: writer)
                        let quarantined = try writer.insert(
                            into: "quarantine", columns: Self.quarantineColumns,
                            rows: Self.quarantineRows(chunk.quarantined, batch: batch, digests: [name: digest]),
                            conflict: Self.quarantineConflict)
                        try writer.execute("""
                            UPDATE ingest_batches SET accepted = accepted + ?, duplicates = duplicates + ?, \
                            quarantined = quarantined + ?, progress_at = ? WHERE batch_id = ?
                            """, [.integer(Int64(accepted)), .integer(Int64(chunk.events.count - accepted)),
                                  .integer(Int64(quarantined)), .integer(Clock.epochSeconds()), .integer(batch)])
                        return accepted
                    }
                }
            }
            try await chunkCommitted(chunk, accepted)
        }
    }

    /// Returns what a first load (`firstLoad`) held back.
    func writeToPostgres(_ chunks: AsyncThrowingStream<AuditChunk, any Error>, files: [AuditFile], batch: Int64,
                         firstLoad: Bool, committed chunkCommitted: @escaping ChunkCommitted) async throws
        -> [HeldBack] {
        // COPY, straight into the table until a chunk meets events already stored (see AuditEventWriter), two
        // chunks at a time on connections of their own (see PostgresAuditLoader).
        let loader = try await PostgresAuditLoader.open(like: database, firstLoad: firstLoad)
        var heldBack: [HeldBack] = []
        do {
            var iterator = chunks.makeAsyncIterator()
            var direct = true
            while let first = try await iterator.next() {
                var pair = [first]
                if let second = try await iterator.next() { pair.append(second) }
                let committed = NIOLockedValueBox(0)
                let pairChunks = pair
                let written = try await loader.write(pair, direct: direct, batch: batch,
                                                     files: pair.map { files[$0.file].name },
                                                     digests: pair.map { files[$0.file].digest }) { written in
                    let index = committed.withLockedValue { index in
                        defer { index += 1 }
                        return index
                    }
                    try await chunkCommitted(pairChunks[index], written.accepted)
                }
                direct = !written.contains { $0.metStored }
                for (chunk, outcome) in zip(pair, written) where !outcome.heldBack.isEmpty {
                    heldBack.append(HeldBack(file: chunk.file, receivedAt: chunk.receivedAt, rows: outcome.heldBack))
                }
            }
        } catch {
            await loader.close()
            throw error
        }
        await loader.close()
        return heldBack
    }
}
