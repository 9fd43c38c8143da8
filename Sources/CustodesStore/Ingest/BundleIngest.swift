import CustodesBundle
public import CustodesModel
import Foundation
import NIOConcurrencyHelpers
import SQLKit

/// Loads a bundle into the store: reference data as upserts, audit events appended once each, bad rows kept in the
/// `quarantine` table with their reasons.
///
/// Every write is idempotent, so an ingest that is interrupted (a crash, a kill, the database going away) is finished
/// by running it again: events already stored are skipped by their `event_id`, quarantined rows by their file's
/// digest and line, and a file that was completely ingested is recognised by its digest and not read at all.
public struct BundleIngest: Sendable {
    public let database: StoreDatabase
    /// Audit events per transaction: large enough to amortise a commit, small enough to lose little to a crash.
    public var chunkSize = 50_000
    /// Audit events (estimated from file sizes) from which a load drops and rebuilds the secondary indexes.
    public var bulkThreshold = AuditIndexes.bulkThreshold
    /// Keeps the stored reference records between ingests by one process (a server's pushes); each ingest reads
    /// them afresh when nil.
    public var referenceCache: ReferenceCache?
    /// Told the running count of audit rows read, for progress on long files.
    public var progress: (@Sendable (String, Int) -> Void)?
    /// Told of steps worth a line of their own, such as rebuilding indexes after a bulk load.
    public var notice: (@Sendable (String) -> Void)?
    /// Bits of each `event_id`'s hash the re-delivery filter keeps (see ``RepeatedEventFilter``); tests narrow it.
    var repeatedEventHashBits = 64

    public init(database: StoreDatabase) { self.database = database }

    /// Ingests the files in `directory`. `channel` says how they came (`bundle`, `drop folder`, `http`) and `source`
    /// from where, for the batch record.
    ///
    /// `onlySystem`, for a sender that speaks for one system (a connector's token), quarantines events of any other
    /// and keeps its files' record apart from the same bytes sent by another system, so that no sender can write, or
    /// claim in advance, another system's events.
    public func ingest(directory: String, source: String = "bundle", channel: String = "bundle",
                       onlySystem: SourceSystem? = nil) async throws -> IngestReport {
        let reader = try BundleReader(directory: directory, quarantine: QuarantineBuffer(), completeness: .update)
        _ = try await database.withRetry("closing interrupted batches") {
            try await IngestBatches.markInterrupted(in: database)
        }
        let batch = try await startBatch(channel: channel, source: source)
        var report = IngestReport(batchID: batch)
        do {
            try await database.withRetry("checking indexes") { try await AuditIndexes.ensure(database) }
            let reference = try await ingestReference(reader, directory: directory, batch: batch, into: &report)
            try await database.withRetry("recording progress") {
                try await IngestBatches.recordProgress(batch, in: database)
            }
            let bulk = try await isBulkLoad(directory: directory, files: reader.auditFileNames)
            // A bulk load into an empty table on PostgreSQL copies without the unique index on `event_id` as well,
            // holding every other writer off meanwhile (see AuditWriteLock).
            let firstLoad = bulk && database.engine == .postgres
                ? try await database.withRetry("claiming the empty audit table") {
                    try await AuditWriteLock.claimEmptyTable(on: database)
                } : false
            do {
                if firstLoad {
                    notice?("first load into an empty audit table: other writers wait until its indexes are built")
                }
                if bulk {
                    notice?("dropping audit-event indexes for a bulk load")
                    try await database.withRetry("dropping indexes") {
                        try await AuditIndexes.drop(database, uniqueIDs: firstLoad)
                    }
                }
                let load = try await ingestAudit(reader.auditFileNames, directory: directory, reference: reference,
                                                 batch: batch, firstLoad: firstLoad, onlySystem: onlySystem)
                report.audit = load.outcomes
                if bulk {
                    notice?("rebuilding audit-event indexes")
                    try await database.withRetry("rebuilding indexes") { try await AuditIndexes.rebuild(database) }
                }
                if firstLoad {
                    report.audit = try await finishFirstLoad(load, batch: batch)
                    try await AuditWriteLock.release(on: database)
                }
            } catch {
                if firstLoad { try? await AuditWriteLock.release(on: database) }
                throw error
            }
            try await finishBatch(batch, status: "complete", report: report)
        } catch {
            try? await finishBatch(batch, status: "failed", report: report)
            throw error
        }
        return report
    }

    // MARK: Reference data

    /// Upserts the bundle's reference files and returns the records (staff, persons, occurrences) the store holds
    /// afterwards, against which the audit files are checked. Relationships (rosters, assignments, links) are not
    /// read back: nothing in ingest checks against them, and they are three quarters of the rows.
    private func ingestReference(_ reader: BundleReader, directory: String, batch: Int64,
                                 into report: inout IngestReport) async throws -> ReferenceData {
        let present = reader.referenceFilesPresent
        let cache = referenceCache ?? ReferenceCache()
        let stored = try await database.withRetry("loading reference data") {
            try await cache.records(from: database)
        }
        guard !present.isEmpty else { return stored }
        let buffer = QuarantineBuffer()
        let bundleReader = try BundleReader(directory: directory, quarantine: buffer, completeness: .update)
        var bundleReport = BundleReport()
        let data = try bundleReader.loadReference(report: &bundleReport, known: stored)
        var fileDigests: [String: String] = [:]
        for file in present { fileDigests[file.fileName] = try FileDigest.sha256(path: directory + "/" + file.fileName) }
        let digests = fileDigests
        let quarantined = buffer.drain()
        let tables = ReferenceTables.rows(of: data, batch: batch)
        let written = try await database.withRetry("writing reference data") {
            if database.engine == .sqlite {
                // Statements prepared once per table, on a connection of the writer's own (see SQLiteBulkConnection).
                let writer = try SQLiteBulkConnection(path: database.url.path)
                return try await writer.run { writer in
                    try writer.transaction {
                        var written: [String: Int] = [:]
                        for (table, rows) in tables {
                            written[table.name] = try writer.insert(into: table.name, columns: table.columns,
                                                                    rows: rows, conflict: table.conflict)
                        }
                        _ = try writer.insert(into: "quarantine", columns: Self.quarantineColumns,
                                              rows: Self.quarantineRows(quarantined, batch: batch, digests: digests),
                                              conflict: Self.quarantineConflict)
                        _ = try writer.execute(ReferenceCache.bump, [])
                        return written
                    }
                }
            }
            return try await database.transaction {
                var written: [String: Int] = [:]
                for (table, rows) in tables {
                    written[table.name] = try await database.insert(into: table.name, columns: table.columns,
                                                                    rows: rows, conflict: table.conflict)
                }
                _ = try await writeQuarantine(quarantined, batch: batch, digests: digests)
                try await database.sql.raw(SQLQueryString(ReferenceCache.bump)).run()
                return written
            }
        }
        for fileReport in bundleReport.files {
            var outcome = IngestReport.FileOutcome(file: fileReport.file)
            outcome.rowsRead = fileReport.rowsRead
            outcome.quarantined = fileReport.quarantined
            outcome.quarantinedByReason = fileReport.quarantinedByReason
            let table = fileReport.file.replacingOccurrences(of: ".csv", with: "")
            outcome.written = written[table] ?? 0
            outcome.unchanged = max(0, fileReport.accepted - outcome.written)
            report.reference.append(outcome)
        }
        // Audit rows are checked only for the identifiers they name, so the store's records plus the bundle's new
        // ones will do; reading every table back again cost seconds on a large force.
        var merged = stored
        for member in data.staff where merged.staffByID[member.staffID] == nil { merged.add(member) }
        for person in data.persons where merged.personByID[person.personID] == nil { merged.add(person) }
        for occurrence in data.occurrences where merged.occurrenceByID[occurrence.occurrenceID] == nil {
            merged.add(occurrence)
        }
        return merged
    }

    // MARK: Audit events

    /// Whether the audit files are large beside what is stored (estimated at a hundred bytes a row).
    private func isBulkLoad(directory: String, files: [String]) async throws -> Bool {
        let bytes = files.reduce(0) { total, name in
            let path = URL(fileURLWithPath: directory + "/" + name).resolvingSymlinksInPath().path
            return total + ((try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0)
        }
        guard bytes / 100 >= bulkThreshold else { return false }
        let stored = try await database.withRetry("counting events") {
            try await database.sql.raw("SELECT COALESCE(MAX(seq), 0) AS n FROM audit_events").first()?
                .decode(column: "n", as: Int.self) ?? 0
        }
        return bytes / 100 * 2 >= stored
    }

    /// What the audit files added, by file; and for a first load, what is left to its end.
    private struct AuditLoad {
        var outcomes: [IngestReport.FileOutcome]
        /// The files read, to be recorded as ingested only at the end of a first load.
        var files: [AuditFile] = []
        var heldBack: [HeldBack] = []
    }

    /// Appends the audit files' events, skipping files whose bytes were ingested before. The files are read one after
    /// another on one thread, so the database is not left waiting while the next file's first chunks are parsed.
    private func ingestAudit(_ names: [String], directory: String, reference: ReferenceData, batch: Int64,
                             firstLoad: Bool, onlySystem: SourceSystem?) async throws -> AuditLoad {
        var outcomes = names.map { IngestReport.FileOutcome(file: $0) }
        var toRead: [AuditFile] = []
        for (position, name) in names.enumerated() {
            let digest = try FileDigest.sha256(path: directory + "/" + name) + (onlySystem.map { "@" + $0.rawValue } ?? "")
            let seen = try await database.withRetry("checking \(name)") {
                try await database.sql.raw("SELECT rows_read FROM ingested_files WHERE digest = \(bind: digest)")
                    .first()
            }
            if let seen {
                outcomes[position].alreadyIngested = true
                outcomes[position].rowsRead = try seen.decode(column: "rows_read", as: Int.self)
            } else {
                toRead.append(AuditFile(name: name, digest: digest, position: position))
            }
        }
        guard !toRead.isEmpty else { return AuditLoad(outcomes: outcomes) }
        let files = toRead
        let repeats = RepeatedEventFilter(hashBits: repeatedEventHashBits)
        let prepare: (@Sendable (AuditChunk) -> AuditCopy)? = database.engine == .postgres
            ? { @Sendable chunk in AuditEventWriter.prepare(chunk, batch: batch, repeats: repeats) } : nil
        let (chunks, slots) = AuditChunkReader.chunks(directory: directory, files: files.map(\.name),
                                                      reference: reference, onlySystem: onlySystem,
                                                      chunkSize: chunkSize, prepare: prepare)
        // What each committed chunk adds to its file's outcome; a file whose last chunk is committed is recorded as
        // ingested at once, so that a run killed later does not read it again.
        let tally = NIOLockedValueBox((outcomes: files.map { IngestReport.FileOutcome(file: $0.name) },
                                       stored: Array(repeating: 0, count: files.count), committed: 0))
        let progress = progress
        let store = database
        let chunkCommitted: ChunkCommitted = { chunk, accepted in
            let (committed, stored, completed) = tally.withLockedValue { tally in
                tally.committed += 1
                tally.outcomes[chunk.file].written += accepted
                tally.outcomes[chunk.file].unchanged += chunk.events.count - accepted
                tally.stored[chunk.file] += chunk.events.count + chunk.quarantined.count
                if let final = chunk.finalReport {
                    tally.outcomes[chunk.file].rowsRead = final.rowsRead
                    tally.outcomes[chunk.file].quarantined = final.quarantined
                    tally.outcomes[chunk.file].quarantinedByReason = final.quarantinedByReason
                }
                return (tally.committed, tally.stored[chunk.file],
                        chunk.finalReport == nil ? nil : tally.outcomes[chunk.file])
            }
            slots.signal()
            await FaultInjection.point("ingest.after-chunk-\(committed)")
            progress?(files[chunk.file].name, stored)
            if let completed, !firstLoad {
                try await Self.recordIngested(completed, digest: files[chunk.file].digest, batch: batch, in: store)
            }
        }
        var heldBack: [HeldBack] = []
        if database.engine == .sqlite {
            try await writeToSQLite(chunks, files: files, batch: batch, committed: chunkCommitted)
        } else {
            heldBack = try await writeToPostgres(chunks, files: files, batch: batch, firstLoad: firstLoad,
                                                 committed: chunkCommitted)
        }
        let read = tally.withLockedValue { $0.outcomes }
        for (index, file) in files.enumerated() { outcomes[file.position] = read[index] }
        return AuditLoad(outcomes: outcomes, files: files, heldBack: heldBack)
    }

    /// Ends a first load once its indexes are back: writes the re-deliveries it held back, moves those that were new
    /// from the duplicates to the accepted, and records its files as ingested, in one transaction, so that a run
    /// killed before this reads the files again rather than losing a held-back event.
    private func finishFirstLoad(_ load: AuditLoad, batch: Int64) async throws -> [IngestReport.FileOutcome] {
        try await database.withRetry("writing the re-deliveries held back") {
            try await database.transaction {
                guard case .postgres(let connection) = database.backend else { throw StoreError.connectionClosed }
                var outcomes = load.outcomes
                var added = 0
                for group in load.heldBack {
                    let (inserted, sources) = try await AuditEventWriter.writeHeldBack(
                        group.rows, batch: batch, receivedAt: group.receivedAt, on: connection)
                    try await sources.add(receivedAt: group.receivedAt, to: connection)
                    outcomes[load.files[group.file].position].written += inserted
                    outcomes[load.files[group.file].position].unchanged -= inserted
                    added += inserted
                }
                try await database.sql.raw("""
                    UPDATE ingest_batches SET accepted = accepted + \(bind: added), \
                    duplicates = duplicates - \(bind: added) WHERE batch_id = \(bind: batch)
                    """).run()
                for file in load.files {
                    try await Self.insertIngested(outcomes[file.position], digest: file.digest, batch: batch,
                                                  in: database)
                }
                return outcomes
            }
        }
    }

    /// Marks a file's bytes as ingested, with what it held.
    private static func recordIngested(_ outcome: IngestReport.FileOutcome, digest: String, batch: Int64,
                                       in database: StoreDatabase) async throws {
        try await database.withRetry("recording \(outcome.file)") {
            try await insertIngested(outcome, digest: digest, batch: batch, in: database)
        }
    }

    private static func insertIngested(_ outcome: IngestReport.FileOutcome, digest: String, batch: Int64,
                                       in database: StoreDatabase) async throws {
        try await database.sql.raw("""
            INSERT INTO ingested_files (digest, name, batch_id, rows_read, accepted, duplicates, quarantined, \
            completed_at) VALUES (\(bind: digest), \(bind: outcome.file), \(bind: batch), \
            \(bind: outcome.rowsRead), \(bind: outcome.written), \(bind: outcome.unchanged), \
            \(bind: outcome.quarantined), \(bind: Clock.epochSeconds())) ON CONFLICT (digest) DO NOTHING
            """).run()
    }

    /// Stores quarantined rows; a row already stored (same file bytes, same line) is not stored twice.
    private func writeQuarantine(_ entries: [QuarantineEntry], batch: Int64,
                                 digests: [String: String]) async throws -> Int {
        guard !entries.isEmpty else { return 0 }
        return try await database.insert(into: "quarantine", columns: Self.quarantineColumns,
                                         rows: Self.quarantineRows(entries, batch: batch, digests: digests),
                                         conflict: Self.quarantineConflict)
    }

    static let quarantineColumns = ["batch_id", "file_digest", "file", "line", "field", "reason", "detail", "original"]
    static let quarantineConflict = ConflictAction.ignore(key: ["file_digest", "line"])

    static func quarantineRows(_ entries: [QuarantineEntry], batch: Int64,
                               digests: [String: String]) -> [[DatabaseValue]] {
        entries.map { entry in
            [.integer(batch), .text(digests[entry.file] ?? ""), .text(entry.file), .integer(Int64(entry.line)),
             .text(entry.field), .text(entry.reason.rawValue), .text(entry.detail), .text(entry.original)]
        }
    }

    // MARK: Batches

    private func startBatch(channel: String, source: String) async throws -> Int64 {
        try await database.withRetry("starting an ingest batch") {
            let row = try await database.sql.raw("""
                INSERT INTO ingest_batches (channel, source, started_at, progress_at, status) VALUES \
                (\(bind: channel), \(bind: source), \(bind: Clock.epochSeconds()), \(bind: Clock.epochSeconds()), \
                'running') RETURNING batch_id
                """).first()
            guard let row else { throw StoreError.query("no batch id returned") }
            return try row.decode(column: "batch_id", as: Int64.self)
        }
    }

    private func finishBatch(_ batch: Int64, status: String, report: IngestReport) async throws {
        try await database.withRetry("finishing the ingest batch") {
            try await database.sql.raw("""
                UPDATE ingest_batches SET status = \(bind: status), finished_at = \(bind: Clock.epochSeconds()), \
                progress_at = \(bind: Clock.epochSeconds()), \
                files = \(bind: report.reference.count + report.audit.count), \
                reference_rows = \(bind: report.referenceWritten) WHERE batch_id = \(bind: batch)
                """).run()
        }
    }
}
