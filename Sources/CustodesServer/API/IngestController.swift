import CustodesBundle
import CustodesModel
public import CustodesStore
import Dispatch
import Foundation
import NIOConcurrencyHelpers
public import Hummingbird

/// `POST /api/v1/audit-events`: connectors push audit events as CSV or JSON Lines, in the columns of the bundle's
/// audit files (docs/data-format.md), with a bearer token for their source system.
///
/// The answer counts what was accepted, what the store already had, and what was quarantined (with the first few
/// reasons), so a connector can tell a re-delivery from a new batch and a data owner can fix bad rows.
public struct IngestController: Sendable {
    public let database: StoreDatabase
    /// Largest body accepted; a bigger batch is refused with 413 and should be split.
    public var maximumBodyBytes = 64 << 20
    /// Seconds a connector is asked to wait when the gate is full.
    public var retryAfterSeconds = 5
    /// How long a connector has to send its whole batch. The body is read before a place at the gate is taken, so a
    /// sender trickling bytes holds up only its own connection, and then only this long.
    public var bodyDeadline: Duration = .seconds(60)
    let gate: IngestGate
    /// The stored staff, people and occurrences, read again only when another ingest changed them.
    let referenceCache = ReferenceCache()

    /// Counts batches and their events for `/metrics`; nil counts nothing.
    let metrics: ServerMetrics?

    public init(database: StoreDatabase, concurrentBatches: Int = 1, metrics: ServerMetrics? = nil) {
        self.database = database
        self.metrics = metrics
        gate = IngestGate(capacity: concurrentBatches)
    }

    public func addRoutes(to router: Router<some RequestContext>) {
        router.post("/api/v1/audit-events") { request, context in try await self.receive(request, context: context) }
    }

    func receive(_ request: Request, context: some RequestContext) async throws -> Response {
        guard let authorization = request.headers[.authorization], authorization.hasPrefix("Bearer "),
              let source = try await APITokens.source(of: String(authorization.dropFirst("Bearer ".count)),
                                                      in: database) else {
            return APIResponse.error(.unauthorized, "a valid bearer token for a source system is required",
                                     headers: [.wwwAuthenticate: "Bearer"])
        }
        guard let system = SourceSystem(rawValue: source) else {
            return APIResponse.error(.forbidden, "this token's source '\(source)' is not a system Custodes knows; "
                                     + "issue a token for one of " + SourceSystem.allCases.map(\.rawValue).joined(separator: ", "))
        }
        let contentType = (request.headers[.contentType] ?? "").split(separator: ";").first
            .map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
        let fileExtension: String
        switch contentType {
        case "text/csv": fileExtension = "csv"
        case "application/x-ndjson", "application/jsonl", "application/jsonlines": fileExtension = "jsonl"
        default:
            return APIResponse.error(.unsupportedMediaType,
                                     "send text/csv or application/x-ndjson (JSON Lines), not '\(contentType)'")
        }
        let body: ByteBuffer
        switch await Self.collect(request, upTo: maximumBodyBytes, within: bodyDeadline) {
        case .success(let collected): body = collected
        case .failure(.tooLarge):
            return APIResponse.error(.contentTooLarge, "a batch may be at most \(maximumBodyBytes) bytes; split it")
        case .failure(.tooSlow):
            return APIResponse.error(.requestTimeout, "the batch did not arrive within \(bodyDeadline); send it again")
        }
        guard body.readableBytes > 0 else {
            return APIResponse.error(.badRequest, "the batch is empty: send a header row and at least one event")
        }
        guard await gate.enter() else {
            return APIResponse.error(.tooManyRequests, "busy ingesting other batches; retry later",
                                     headers: [.retryAfter: String(retryAfterSeconds)])
        }
        do {
            let response = try await ingest(body, system: system, fileExtension: fileExtension)
            await gate.leave()
            return response
        } catch {
            await gate.leave()
            throw error
        }
    }

    enum BodyProblem: Error { case tooLarge, tooSlow }

    /// The whole body, or why not: larger than `limit`, or not all there within `deadline` (the read is then
    /// cancelled and the connection left to close).
    static func collect(_ request: Request, upTo limit: Int,
                        within deadline: Duration) async -> Result<ByteBuffer, BodyProblem> {
        await withCheckedContinuation { (continuation: CheckedContinuation<Result<ByteBuffer, BodyProblem>, Never>) in
            let settled = NIOLockedValueBox(false)
            @Sendable func settle(_ result: Result<ByteBuffer, BodyProblem>) {
                let first = settled.withLockedValue { done in
                    defer { done = true }
                    return !done
                }
                if first { continuation.resume(returning: result) }
            }
            let timer = NIOLockedValueBox<Task<Void, Never>?>(nil)
            let reading = Task {
                do {
                    settle(.success(try await request.body.collect(upTo: limit)))
                } catch {
                    settle(.failure(Task.isCancelled ? .tooSlow : .tooLarge))
                }
                timer.withLockedValue { $0?.cancel() }
            }
            timer.withLockedValue { timer in
                timer = Task {
                    guard (try? await Task.sleep(for: deadline)) != nil else { return }
                    reading.cancel()
                    settle(.failure(.tooSlow))
                }
            }
        }
    }

    private func ingest(_ body: ByteBuffer, system: SourceSystem, fileExtension: String) async throws -> Response {
        let directory = NSTemporaryDirectory() + "custodes-push-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let name = "audit_" + system.rawValue + "." + fileExtension
        guard FileManager.default.createFile(atPath: directory + "/" + name, contents: Data(buffer: body)) else {
            throw HTTPError(.internalServerError)
        }
        let report: IngestReport
        let started = DispatchTime.now().uptimeNanoseconds
        do {
            // A token writes only its own system's events: rows naming another are quarantined.
            var ingest = BundleIngest(database: database)
            ingest.referenceCache = referenceCache
            report = try await ingest.ingest(directory: directory, source: system.rawValue, channel: "http",
                                             onlySystem: system)
        } catch let error as BundleError {
            // The connector sent a batch, not a folder: the server's own paths are no business of its.
            return APIResponse.error(.badRequest, error.description
                .replacingOccurrences(of: directory + "/", with: "").replacingOccurrences(of: directory, with: "the batch"))
        }
        metrics?.ingestBatch(source: system.rawValue, accepted: report.eventsAccepted,
                             quarantined: report.audit.reduce(0) { $0 + $1.quarantined },
                             nanoseconds: Int64(DispatchTime.now().uptimeNanoseconds - started))
        let quarantine = try await StoredQuarantine.list(in: database, batch: report.batchID, limit: 20)
        return APIResponse.json(.ok, IngestAnswer(report, quarantine: quarantine.map(\.entry)).json)
    }
}

/// The answer to a push, as JSON.
struct IngestAnswer {
    var batchID: Int64
    var read: Int
    var accepted: Int
    var duplicate: Int
    var quarantined: Int
    var alreadyIngested: Bool
    var quarantine: [QuarantineEntry]

    init(_ report: IngestReport, quarantine: [QuarantineEntry]) {
        batchID = report.batchID
        read = report.auditRowsRead
        alreadyIngested = report.audit.contains { $0.alreadyIngested }
        accepted = report.eventsAccepted
        quarantined = report.audit.reduce(0) { $0 + $1.quarantined }
        duplicate = alreadyIngested ? read - quarantined : report.eventsDuplicate
        self.quarantine = quarantine
    }

    var json: String {
        let entries = quarantine.map { entry in
            "{\"line\":\(entry.line),\"field\":\(JSONString(entry.field)),\"reason\":\(JSONString(entry.reason.rawValue)),"
                + "\"detail\":\(JSONString(entry.detail))}"
        }
        return "{\"batch_id\":\(batchID),\"read\":\(read),\"accepted\":\(accepted),\"duplicate\":\(duplicate),"
            + "\"quarantined\":\(quarantined),\"already_ingested\":\(alreadyIngested),"
            + "\"quarantine\":[\(entries.joined(separator: ","))]}"
    }
}

/// A JSON string literal with the escapes JSON requires.
func JSONString(_ text: String) -> String {
    var out = "\""
    for scalar in text.unicodeScalars {
        switch scalar {
        case "\"": out += "\\\""
        case "\\": out += "\\\\"
        case "\n": out += "\\n"
        case "\r": out += "\\r"
        case "\t": out += "\\t"
        case let s where s.value < 0x20: out += String(format: "\\u%04x", s.value)
        default: out.unicodeScalars.append(scalar)
        }
    }
    return out + "\""
}
