@testable import CustodesServer
import CustodesSimulator
import CustodesStore
import CustodesTestSupport
import Foundation
import Glibc
import Hummingbird
import NIOConcurrencyHelpers
import NIOCore
import HummingbirdTesting
import SQLKit
import Testing

/// The push API over a SQLite store that already holds a small force's reference data.
@Suite("Ingest API")
struct IngestAPITests {
    static let bundle: String = {
        let directory = NSTemporaryDirectory() + "custodes-api-bundle-" + UUID().uuidString
        _ = try! ForceSimulation(config: SimulationConfig(staff: 120, days: 20, seed: 77)).write(to: directory)
        return directory
    }()

    /// A store with the bundle's reference files only, a token for `rms`, and the controller over it.
    static func setUp(_ engine: DatabaseURL.Engine) async throws -> (StoreDatabase, IngestController, String, String) {
        let folder = NSTemporaryDirectory() + "custodes-api-" + UUID().uuidString
        let database = try await TestStores.fresh(engine).migrated()
        let reference = folder + "/reference"
        try FileManager.default.createDirectory(atPath: reference, withIntermediateDirectories: true)
        for name in try FileManager.default.contentsOfDirectory(atPath: bundle)
        where !name.hasPrefix("audit") && name != "truth.csv" {
            try FileManager.default.copyItem(atPath: bundle + "/" + name, toPath: reference + "/" + name)
        }
        _ = try await BundleIngest(database: database).ingest(directory: reference)
        let (_, secret) = try await APITokens.create(source: "rms", by: "test", in: database)
        return (database, IngestController(database: database), secret, folder)
    }

    static func application(_ controller: IngestController) -> some ApplicationProtocol {
        let router = Router()
        controller.addRoutes(to: router)
        return Application(router: router)
    }

    static var rmsCSV: String { try! String(contentsOfFile: bundle + "/audit_rms.csv", encoding: .utf8) }

    static func number(_ key: String, in body: String) -> Int? {
        guard let range = body.range(of: "\"\(key)\":") else { return nil }
        return Int(body[range.upperBound...].prefix { $0.isNumber })
    }

    @Test("a token writes only its own system's events, and cannot claim another system's identifiers in advance", arguments: TestStores.engines)
    func oneSourcePerToken(engine: DatabaseURL.Engine) async throws {
        let (database, controller, rmsSecret, folder) = try await Self.setUp(engine)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let (_, pncSecret) = try await APITokens.create(source: "pnc", by: "test", in: database)
        let lines = Self.rmsCSV.split(separator: "\n", omittingEmptySubsequences: true)
        let header = String(lines[0])
        let rmsRows = lines.dropFirst().prefix(50).map(String.init)
        #expect(rmsRows.allSatisfy { $0.contains(",rms,") })
        // The same rows sent as pnc's own (the system changed) and as they are (the system left as rms).
        let asPNC = rmsRows.map { $0.replacingOccurrences(of: ",rms,", with: ",pnc,") }
        let forged = ([header] + rmsRows + asPNC).joined(separator: "\n") + "\n"
        try await Self.application(controller).test(.router) { client in
            try await client.execute(uri: "/api/v1/audit-events", method: .post,
                                     headers: [.authorization: "Bearer " + pncSecret, .contentType: "text/csv"],
                                     body: ByteBuffer(string: forged)) { response in
                let body = String(buffer: response.body)
                #expect(response.status == .ok)
                #expect(Self.number("quarantined", in: body) == 50, "\(body)")
                #expect(Self.number("accepted", in: body) == 50, "\(body)")
                #expect(body.contains("wrong_source"))
            }
            // The genuine rms events, with the same identifiers, arrive later and are all stored.
            let genuine = ([header] + rmsRows).joined(separator: "\n") + "\n"
            try await client.execute(uri: "/api/v1/audit-events", method: .post,
                                     headers: [.authorization: "Bearer " + rmsSecret, .contentType: "text/csv"],
                                     body: ByteBuffer(string: genuine)) { response in
                let body = String(buffer: response.body)
                #expect(Self.number("accepted", in: body) == 50, "\(body)")
                #expect(Self.number("duplicate", in: body) == 0, "\(body)")
            }
            // Even the very bytes another system sent are its own to send.
            try await client.execute(uri: "/api/v1/audit-events", method: .post,
                                     headers: [.authorization: "Bearer " + pncSecret, .contentType: "text/csv"],
                                     body: ByteBuffer(string: genuine)) { response in
                let body = String(buffer: response.body)
                #expect(Self.number("quarantined", in: body) == 50, "\(body)")
                #expect(body.contains("\"already_ingested\":false"), "\(body)")
            }
        }
        let counts = try await database.sql.raw("SELECT system, COUNT(*) AS n FROM audit_events GROUP BY system ORDER BY system")
            .all().map { (try $0.decode(column: "system", as: String.self), try $0.decode(column: "n", as: Int.self)) }
        #expect(counts.map(\.0) == ["pnc", "rms"] && counts.map(\.1) == [50, 50])
        await database.close()
    }

    @Test("an empty or headless batch is a 400 that names no path on the server", arguments: TestStores.engines)
    func emptyBatch(engine: DatabaseURL.Engine) async throws {
        let (database, controller, secret, folder) = try await Self.setUp(engine)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let headers: HTTPFields = [.authorization: "Bearer " + secret, .contentType: "text/csv"]
        try await Self.application(controller).test(.router) { client in
            for body in ["", "not,a,header\n"] {
                try await client.execute(uri: "/api/v1/audit-events", method: .post, headers: headers,
                                         body: ByteBuffer(string: body)) { response in
                    let text = String(buffer: response.body)
                    #expect(response.status == .badRequest || response.status == .ok, "\(text)")
                    #expect(!text.contains("custodes-push-") && !text.contains(NSTemporaryDirectory()), "\(text)")
                }
            }
            try await client.execute(uri: "/api/v1/audit-events", method: .post, headers: headers,
                                     body: ByteBuffer(string: "")) { response in
                #expect(response.status == .badRequest)
                #expect(String(buffer: response.body).contains("the batch is empty"))
            }
        }
        await database.close()
    }

    @Test("a connector trickling its body holds up only itself: another's push goes through, and the slow one times out", arguments: TestStores.engines)
    func slowSender(engine: DatabaseURL.Engine) async throws {
        let (database, base, secret, folder) = try await Self.setUp(engine)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var controller = base
        controller.bodyDeadline = .seconds(2)
        // The slow connection is cut by the server while the test server shuts down, which can report "already
        // closed" once the checks below have all run; that is not what this test is about. The database is closed
        // whatever happens, so a failure is reported as one rather than as a crash of the whole run.
        let finished = ManagedAtomicFlag()
        do {
            try await runSlowSender(controller, secret: secret, finished: finished)
        } catch where finished.isSet && (error is CancellationError || error is ChannelError) {
        } catch {
            await database.close()
            throw error
        }
        await database.close()
    }

    func runSlowSender(_ controller: IngestController, secret: String, finished: ManagedAtomicFlag) async throws {
        try await Self.application(controller).test(.live) { client in
            let port = try #require(client.port)
            // Headers promising a body, then a few bytes, then nothing.
            let slow = try SlowSender(port: port, head: """
                POST /api/v1/audit-events HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer \(secret)\r\n\
                Content-Type: text/csv\r\nContent-Length: 100000\r\n\r\nevent_id,at
                """)
            defer { slow.close() }
            try await Task.sleep(for: .milliseconds(300))
            // The other push goes over a raw connection too: the test client gives up after 20 seconds, which a
            // loaded two-core machine running the whole suite has exceeded; what matters is the answer, not its speed.
            let body = Self.rmsCSV
            let fast = try SlowSender(port: port, head: """
                POST /api/v1/audit-events HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer \(secret)\r\n\
                Content-Type: text/csv\r\nContent-Length: \(body.utf8.count)\r\nConnection: close\r\n\r\n\(body)
                """)
            defer { fast.close() }
            let pushed = await fast.answer(timeout: 120)
            #expect(pushed.hasPrefix("HTTP/1.1 200"), "the slow sender held the gate: \(pushed.prefix(200))")
            let answer = await slow.answer(timeout: 60)
            #expect(answer.hasPrefix("HTTP/1.1 408"), "\(answer.prefix(200))")
            finished.set()
        }
    }

    @Test("a token for a system Custodes does not know is refused", arguments: TestStores.engines)
    func unknownSystemToken(engine: DatabaseURL.Engine) async throws {
        let (database, controller, _, folder) = try await Self.setUp(engine)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let (_, secret) = try await APITokens.create(source: "legacy_feed", by: "test", in: database)
        try await Self.application(controller).test(.router) { client in
            try await client.execute(uri: "/api/v1/audit-events", method: .post,
                                     headers: [.authorization: "Bearer " + secret, .contentType: "text/csv"],
                                     body: ByteBuffer(string: Self.rmsCSV)) { response in
                #expect(response.status == .forbidden)
                #expect(String(buffer: response.body).contains("not a system Custodes knows"))
            }
        }
        #expect(try await database.sql.raw("SELECT COUNT(*) AS n FROM audit_events").first()?
            .decode(column: "n", as: Int.self) == 0)
        await database.close()
    }

    @Test("a push with a valid token is stored and counted; the same push again adds nothing", arguments: TestStores.engines)
    func pushAndRepeat(engine: DatabaseURL.Engine) async throws {
        let (database, controller, secret, folder) = try await Self.setUp(engine)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let headers: HTTPFields = [.authorization: "Bearer " + secret, .contentType: "text/csv"]
        try await Self.application(controller).test(.router) { client in
            var accepted = 0
            try await client.execute(uri: "/api/v1/audit-events", method: .post, headers: headers,
                                     body: ByteBuffer(string: Self.rmsCSV)) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "application/json")
                let body = String(buffer: response.body)
                accepted = Self.number("accepted", in: body) ?? -1
                #expect(accepted > 1000, "\(body)")
                #expect(Self.number("quarantined", in: body) ?? -1 >= 0)
            }
            try await client.execute(uri: "/api/v1/audit-events", method: .post, headers: headers,
                                     body: ByteBuffer(string: Self.rmsCSV)) { response in
                #expect(response.status == .ok)
                let body = String(buffer: response.body)
                #expect(Self.number("accepted", in: body) == 0)
                #expect(body.contains("\"already_ingested\":true"))
            }
            let stored = try await database.sql.raw("SELECT COUNT(*) AS n FROM audit_events").first()?
                .decode(column: "n", as: Int.self)
            #expect(stored == accepted)
            let channel = try await database.sql.raw("SELECT channel, source FROM ingest_batches ORDER BY batch_id DESC")
                .first()
            #expect(try channel?.decode(column: "channel", as: String.self) == "http")
            #expect(try channel?.decode(column: "source", as: String.self) == "rms")
        }
        await database.close()
    }

    @Test("no token, an unknown token or a revoked token is refused with 401 and nothing is stored", arguments: TestStores.engines)
    func refused(engine: DatabaseURL.Engine) async throws {
        let (database, controller, secret, folder) = try await Self.setUp(engine)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let tokens = try await APITokens.list(in: database)
        try await Self.application(controller).test(.router) { client in
            for authorization in [nil, "Bearer cst_not-a-real-token", "Basic dXNlcjpwYXNz"] as [String?] {
                var headers: HTTPFields = [.contentType: "text/csv"]
                if let authorization { headers[.authorization] = authorization }
                try await client.execute(uri: "/api/v1/audit-events", method: .post, headers: headers,
                                         body: ByteBuffer(string: Self.rmsCSV)) { response in
                    #expect(response.status == .unauthorized)
                    #expect(response.headers[.wwwAuthenticate] == "Bearer")
                }
            }
            #expect(try await APITokens.revoke(id: tokens[0].id, in: database))
            try await client.execute(uri: "/api/v1/audit-events", method: .post,
                                     headers: [.authorization: "Bearer " + secret, .contentType: "text/csv"],
                                     body: ByteBuffer(string: Self.rmsCSV)) { response in
                #expect(response.status == .unauthorized)
            }
        }
        let stored = try await database.sql.raw("SELECT COUNT(*) AS n FROM audit_events").first()?
            .decode(column: "n", as: Int.self)
        #expect(stored == 0)
        await database.close()
    }

    @Test("a bad row is quarantined and named in the answer; the good rows are kept", arguments: TestStores.engines)
    func quarantine(engine: DatabaseURL.Engine) async throws {
        let (database, controller, secret, folder) = try await Self.setUp(engine)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var lines = Self.rmsCSV.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        lines.insert("RMS-BAD-1,yesterday,S100000,rms,view,person,P1,summary,WS-1,", at: 3)
        let body = lines.joined(separator: "\n")
        try await Self.application(controller).test(.router) { client in
            try await client.execute(uri: "/api/v1/audit-events", method: .post,
                                     headers: [.authorization: "Bearer " + secret, .contentType: "text/csv"],
                                     body: ByteBuffer(string: body)) { response in
                #expect(response.status == .ok)
                let body = String(buffer: response.body)
                #expect(body.contains("\"line\":4,\"field\":\"at\",\"reason\":\"invalid_time\""), "\(body)")
                #expect(Self.number("accepted", in: body) ?? 0 > 1000)
            }
        }
        await database.close()
    }

    @Test("wrong media type is 415, an oversized batch 413, and a full gate 429 with Retry-After", arguments: TestStores.engines)
    func refusals(engine: DatabaseURL.Engine) async throws {
        let (database, base, secret, folder) = try await Self.setUp(engine)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var small = base
        small.maximumBodyBytes = 1024
        let controller = small
        try await Self.application(controller).test(.router) { client in
            try await client.execute(uri: "/api/v1/audit-events", method: .post,
                                     headers: [.authorization: "Bearer " + secret, .contentType: "application/xml"],
                                     body: ByteBuffer(string: "<x/>")) { response in
                #expect(response.status == .unsupportedMediaType)
            }
            try await client.execute(uri: "/api/v1/audit-events", method: .post,
                                     headers: [.authorization: "Bearer " + secret, .contentType: "text/csv"],
                                     body: ByteBuffer(string: Self.rmsCSV)) { response in
                #expect(response.status == .contentTooLarge)
            }
            #expect(await controller.gate.enter())
            try await client.execute(uri: "/api/v1/audit-events", method: .post,
                                     headers: [.authorization: "Bearer " + secret, .contentType: "text/csv"],
                                     body: ByteBuffer(string: "x")) { response in
                #expect(response.status == .tooManyRequests)
                #expect(response.headers[.retryAfter] == "5")
            }
            await controller.gate.leave()
        }
        await database.close()
    }
}

@Suite("Ingest API, JSON Lines")
struct IngestAPIJSONLinesTests {
    @Test("a JSON Lines push is read like the bundle's JSON Lines files", arguments: TestStores.engines)
    func jsonLines(engine: DatabaseURL.Engine) async throws {
        let (database, controller, _, folder) = try await IngestAPITests.setUp(engine)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        // PNC's events, with PNC's own token: a token writes only its own system's events.
        let (_, secret) = try await APITokens.create(source: "pnc", by: "test", in: database)
        let body = try String(contentsOfFile: IngestAPITests.bundle + "/audit_pnc.jsonl", encoding: .utf8)
        let rows = body.split(separator: "\n").count
        try await IngestAPITests.application(controller).test(.router) { client in
            try await client.execute(uri: "/api/v1/audit-events", method: .post,
                                     headers: [.authorization: "Bearer " + secret, .contentType: "application/x-ndjson"],
                                     body: ByteBuffer(string: body)) { response in
                #expect(response.status == .ok)
                let answer = String(buffer: response.body)
                #expect(IngestAPITests.number("read", in: answer) == rows, "\(answer)")
                #expect(IngestAPITests.number("accepted", in: answer) ?? 0 > rows / 2)
            }
        }
        await database.close()
    }
}

/// A raw connection that sends a request head and then stops, as a connector on a bad line (or an attacker) would.
final class SlowSender: @unchecked Sendable {
    private let socket: Int32

    init(port: Int, head: String) throws {
        socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                Glibc.connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else { throw SlowSenderError.cannotConnect }
        let bytes = Array(head.utf8)
        var sent = 0
        while sent < bytes.count {
            let count = bytes.withUnsafeBytes { Glibc.send(socket, $0.baseAddress! + sent, bytes.count - sent, 0) }
            guard count > 0 else { break }
            sent += count
        }
    }

    /// What the server answered, waiting at most `timeout` seconds.
    func readAnswer(timeout: Int) -> String {
        var limit = timeval(tv_sec: timeout, tv_usec: 0)
        setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
        var buffer = [UInt8](repeating: 0, count: 4096)
        let count = buffer.withUnsafeMutableBytes { Glibc.recv(socket, $0.baseAddress, 4096, 0) }
        return count > 0 ? String(decoding: buffer.prefix(count), as: UTF8.self) : ""
    }

    /// `readAnswer(timeout:)` on a thread of its own, so that the wait blocks none of the threads the server's
    /// handlers run on.
    func answer(timeout: Int) async -> String {
        await withCheckedContinuation { continuation in
            Thread { continuation.resume(returning: self.readAnswer(timeout: timeout)) }.start()
        }
    }

    func close() { _ = Glibc.close(socket) }
}

enum SlowSenderError: Error { case cannotConnect }

/// A flag set once from any task.
final class ManagedAtomicFlag: Sendable {
    private let value = NIOLockedValueBox(false)
    var isSet: Bool { value.withLockedValue { $0 } }
    func set() { value.withLockedValue { $0 = true } }
}
