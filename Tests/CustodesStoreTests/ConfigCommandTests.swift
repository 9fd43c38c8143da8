import CustodesTestSupport
import Foundation
import Testing

/// The configuration file at the console: `config check` names every mistake with its line, and `serve` reads the
/// file, lets the environment override it and flags override both.
@Suite("Configuration file")
struct ConfigCommandTests {
    static var example: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("examples/custodes.yaml").path
    }

    @Test("config check passes the example and names each mistake of a bad file by line, the environment's too")
    func check() async throws {
        let good = try await CustodesProcess.runCapturing(["config", "check", Self.example])
        #expect(good.status == 0 && good.output.contains("no mistakes"), "\(good.output)\(good.error)")
        #expect(good.output.contains("listen.port = 8080  from file (line "))

        let folder = NSTemporaryDirectory() + "custodes-config-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let bad = folder + "/bad.yaml"
        try """
            listen:
              port: eighty
              hots: 0.0.0.0
            sesions:
              idle_minutes: 5
            sessions:
              idle_minutes: 0
              secure_cookies: maybe
            metrics:
              token_file: \(folder)/no-such-token
            store:
              url: sqlite:x.sqlite
              url_file: \(bad)
            """.write(toFile: bad, atomically: true, encoding: .utf8)
        let checked = try await CustodesProcess.runCapturing(["config", "check", bad],
                                                             environment: ["CUSTODES_LOGS_LEVEL": "loud",
                                                                           "CUSTODES_LISTEN_PROT": "9000"])
        #expect(checked.status != 0)
        for expected in ["\(bad):2: listen.port: must be a whole number from 1 to 65535, got 'eighty'",
                         "\(bad):3: listen.hots: is not a setting Custodes knows",
                         "\(bad):4: sesions: is not a section Custodes knows",
                         "\(bad):7: sessions.idle_minutes: must be a whole number from 1 to 1440, got '0'",
                         "\(bad):8: sessions.secure_cookies: must be true or false, got 'maybe'",
                         "\(bad):10: metrics.token_file: names \(folder)/no-such-token, which does not exist",
                         "\(bad):13: store.url_file: give store.url or store.url_file, not both",
                         "environment: CUSTODES_LOGS_LEVEL: must be one of trace",
                         "environment: CUSTODES_LISTEN_PROT: is not a setting Custodes knows"] {
            #expect(checked.output.contains(expected), "missing: \(expected)\n\(checked.output)")
        }
        #expect(checked.error.contains("9 mistakes"), "\(checked.error)")

        // serve refuses the same file, saying every mistake, before it opens anything.
        let serve = try await CustodesProcess.runCapturing(["serve", "--config", bad, "--db", "sqlite:\(folder)/s.sqlite"])
        #expect(serve.status != 0 && serve.error.contains("the configuration has mistakes; nothing was started"))
        #expect(serve.error.contains("listen.port") && !FileManager.default.fileExists(atPath: folder + "/s.sqlite"))

        let broken = folder + "/broken.yaml"
        try "listen:\n  port: [1\n".write(toFile: broken, atomically: true, encoding: .utf8)
        let unparsable = try await CustodesProcess.runCapturing(["config", "check", broken])
        #expect(unparsable.status != 0 && unparsable.output.contains("\(broken):3: is not valid YAML"), "\(unparsable.output)")
    }

    @Test("serve takes its store and port from the file, the environment overrides the file, a flag overrides both")
    func layers() async throws {
        let folder = NSTemporaryDirectory() + "custodes-config-serve-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let ports = (0..<3).map { _ in Int.random(in: 20_000...40_000) }
        // The store's URL comes from a file named in the configuration, as a secret would.
        try "sqlite:\(folder)/custodes.sqlite\n".write(toFile: folder + "/database-url", atomically: true, encoding: .utf8)
        try "scrape-token\n".write(toFile: folder + "/metrics-token", atomically: true, encoding: .utf8)
        let config = folder + "/custodes.yaml"
        try """
            store:
              url_file: \(folder)/database-url
            listen:
              port: \(ports[0])
            detection:
              interval_seconds: 0
            logs:
              format: json
            metrics:
              token_file: \(folder)/metrics-token
            """.write(toFile: config, atomically: true, encoding: .utf8)

        func served(_ arguments: [String], environment: [String: String] = [:], port: Int) async throws -> String {
            let server = try CustodesProcess(["serve", "--config", config] + arguments,
                                             environment: environment.merging(["CUSTODES_DATABASE_URL": ""]) { $1 })
            defer { server.kill() }
            let started = await server.wait(until: { server.standardError.contains("web application is at") },
                                            timeout: .seconds(60))
            #expect(started, "\(server.standardError)")
            return server.standardError
        }
        let fromFile = try await served([], port: ports[0])
        #expect(fromFile.contains("127.0.0.1:\(ports[0])/ over sqlite:\(folder)/custodes.sqlite"), "\(fromFile)")
        // Logs in JSON, as the file says: every line parses.
        for line in fromFile.split(separator: "\n") {
            #expect((try? JSONSerialization.jsonObject(with: Data(line.utf8))) != nil, "not JSON: \(line)")
        }
        let fromEnvironment = try await served([], environment: ["CUSTODES_LISTEN_PORT": String(ports[1])], port: ports[1])
        #expect(fromEnvironment.contains("127.0.0.1:\(ports[1])/"), "\(fromEnvironment)")
        let fromFlag = try await served(["--port", String(ports[2])], environment: ["CUSTODES_LISTEN_PORT": String(ports[1])],
                                        port: ports[2])
        #expect(fromFlag.contains("127.0.0.1:\(ports[2])/"), "\(fromFlag)")
    }

    @Test("retention takes its store and events_days from the configuration file, and a flag overrides the days")
    func retention() async throws {
        let folder = NSTemporaryDirectory() + "custodes-config-retention-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let db = "sqlite:\(folder)/custodes.sqlite"
        #expect(try await CustodesProcess.runCapturing(["ingest", TestBundles.small, "--db", db]).status == 0)
        let config = folder + "/custodes.yaml"
        try "store:\n  url: \(db)\nretention:\n  events_days: 1\n".write(toFile: config, atomically: true, encoding: .utf8)
        let fromFile = try await CustodesProcess.runCapturing(["retention", "--config", config, "--as-of", "2040-01-01"],
                                                              environment: ["CUSTODES_DATABASE_URL": ""])
        #expect(fromFile.status == 0, "\(fromFile.error)")
        #expect(fromFile.output.contains("audit events are from before 2039-12-31"), "\(fromFile.output)")
        let fromFlag = try await CustodesProcess.runCapturing(["retention", "--config", config, "--as-of", "2040-01-01",
                                                               "--older-than", "10"],
                                                              environment: ["CUSTODES_DATABASE_URL": ""])
        #expect(fromFlag.output.contains("audit events are from before 2039-12-22"), "\(fromFlag.output)")
    }
}
