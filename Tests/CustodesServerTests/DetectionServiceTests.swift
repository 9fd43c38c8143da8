@testable import CustodesServer
import CustodesStore
import Foundation
import Logging
import NIOConcurrencyHelpers
import ServiceLifecycle
import Testing

/// Detection beside the server stops when the server does, without waiting out its interval.
@Suite("Detection service")
struct DetectionServiceTests {
    @Test("a graceful shutdown ends the service at once, not after its interval")
    func shutdown() async throws {
        let fixture = try await WebFixture.make()
        defer { Task { await fixture.close() } }
        let reports = NIOLockedValueBox<[String]>([])
        let service = DetectionService(detection: StoreDetection(database: fixture.database, pseudonymKey: WebFixture.key),
                                       interval: .seconds(3_600), report: { line in reports.withLockedValue { $0.append(line) } })
        let group = ServiceGroup(configuration: .init(services: [service], logger: Logger(label: "test")))
        let running = Task { try await group.run() }
        // Let it start and settle into its wait.
        try await Task.sleep(for: .seconds(1))
        await group.triggerGracefulShutdown()
        let stopped = try await withThrowingTaskGroup(of: Bool.self) { race in
            race.addTask { try await running.value; return true }
            race.addTask { try await Task.sleep(for: .seconds(60)); return false }
            let first = try await race.next()!
            race.cancelAll()
            // Not stopped: cancel it outright, so the test fails rather than waits out the hour.
            if !first { running.cancel() }
            return first
        }
        #expect(stopped, "the detection service was still waiting out its hour a minute after shutdown began")
        #expect(!reports.withLockedValue { $0 }.contains { $0.contains("failed") })
    }
}
