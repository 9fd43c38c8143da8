import CustodesStore
import CustodesTestSupport
import Foundation
import SQLKit
import Testing

/// The database goes away in the middle of work and comes back: ingest and detection wait, reconnect with back-off,
/// and finish with nothing lost. PostgreSQL only: an embedded SQLite file cannot become unreachable this way.
@Suite("Database unavailable for a while", .serialized)
struct UnavailableDatabaseTests {
    static var postgres: [DatabaseURL.Engine] { TestStores.engines.filter { $0 == .postgres } }

    @Test("ingest and detection ride out a 3-second outage and lose nothing", arguments: postgres)
    func outage(engine: DatabaseURL.Engine) async throws {
        try await TestStores.withStore(engine) { database, store in
            let proxy = try FlakyProxy(upstreamPort: store.url.port)
            let viaProxy = "postgres://\(store.url.username)@127.0.0.1:\(proxy.port)/\(store.url.database)"

            // The ingest pauses after its third chunk; the connection is cut while it waits.
            let ingest = try CustodesProcess(["ingest", TestBundles.small, "--db", viaProxy, "--chunk-size", "300",
                                              "--retry-seconds", "60"], fault: "pause:ingest.after-chunk-3")
            let writing = await ingest.wait { ingest.standardError.contains("pausing at") }
            #expect(writing)
            proxy.cut()
            try await Task.sleep(for: .seconds(3))
            proxy.restore()
            #expect(await ingest.wait() == 0, "\(ingest.standardError)")
            #expect(ingest.standardError.contains("reconnecting") || ingest.standardError.contains("not reachable"),
                    "the outage should have been seen: \(ingest.standardError)")
            #expect(try await database.integer("SELECT COUNT(*) AS n FROM audit_events")
                    == IngestTests.facts.distinctEvents)

            let key = NSTemporaryDirectory() + "custodes-outage-test.key"
            // Detection pauses with its alerts written but not committed; the connection is cut while it waits.
            let detect = try CustodesProcess(["detect", "--db", viaProxy, "--pseudonym-key", key, "--retry-seconds", "60"],
                                             fault: "pause:detect.before-commit")
            let reading = await detect.wait { detect.standardError.contains("pausing at") }
            #expect(reading)
            proxy.cut()
            try await Task.sleep(for: .seconds(3))
            proxy.restore()
            #expect(await detect.wait() == 0, "\(detect.standardError)")
            #expect(try await database.integer("SELECT COUNT(*) AS n FROM detection_runs") == 1)
            #expect(try await database.integer("SELECT COUNT(*) AS n FROM alerts") > 0)
        }
    }
}
