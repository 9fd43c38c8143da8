import CustodesModel
import CustodesStore
import CustodesTestSupport
import Foundation
import SQLKit
import Testing

/// The console commands of the web application, run as a separate process: accounts, the trail's check, and the
/// demo a newcomer starts with.
@Suite("Console commands")
struct ConsoleCommandsTests {
    @Test("user add prints a temporary password once; audit verify passes an untouched trail and names an edited entry")
    func usersAndTrail() async throws {
        let folder = NSTemporaryDirectory() + "custodes-console-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let db = "sqlite:" + folder + "/store.sqlite"
        let added = try await CustodesProcess.runCapturing(["user", "add", "j.smith", "--name", "J Smith", "--role", "analyst",
                                                   "--by", "admin", "--db", db])
        #expect(added.status == 0, "\(added.error)")
        #expect(added.output.contains("user j.smith added as Analyst; temporary password: "))
        let bad = try await CustodesProcess.runCapturing(["user", "add", "x", "--name", "X", "--role", "superuser", "--db", db])
        #expect(bad.status != 0 && bad.error.contains("--role must be one of"))
        let again = try await CustodesProcess.runCapturing(["user", "add", "j.smith", "--name", "J", "--role", "analyst", "--db", db])
        #expect(again.status != 0 && again.error.contains("there is already a user called j.smith"))
        let reset = try await CustodesProcess.runCapturing(["user", "reset-password", "j.smith", "--by", "admin", "--db", db])
        #expect(reset.status == 0 && reset.output.contains("temporary password for j.smith: "))
        let disabled = try await CustodesProcess.runCapturing(["user", "disable", "j.smith", "--by", "admin", "--db", db])
        #expect(disabled.status == 0)
        let list = try await CustodesProcess.runCapturing(["user", "list", "--db", db])
        #expect(list.output.contains("j.smith  analyst  J Smith  disabled"))

        let intact = try await CustodesProcess.runCapturing(["audit", "verify", "--db", db])
        #expect(intact.status == 0)
        // The console's entries are sealed with the key `user add` found (or made) beside the store.
        #expect(intact.output.hasPrefix("audit trail intact: 3 entries, every one sealed; head "), "\(intact.output)")

        let database = try await StoreDatabase.open(try DatabaseURL(db), retry: .none)
        try await database.sql.raw("UPDATE audit_trail SET username = 'someone else' WHERE seq = 2").run()
        await database.close()
        let broken = try await CustodesProcess.runCapturing(["audit", "verify", "--db", db])
        #expect(broken.status == 1)
        #expect(broken.output.contains("audit trail BROKEN at entry 2: its contents were changed after it was written"))

        // Someone with the database but not the key rebuilds the trail as a valid chain: the seals give it away.
        let rewriting = try await StoreDatabase.open(try DatabaseURL(db), retry: .none)
        try await rewriting.sql.raw("DELETE FROM audit_trail").run()
        for action in ["sign_in", "view_queue"] {
            try await AuditTrail.append(action, by: "j.smith", at: 1_700_000_000,
                                        sealedWith: TrailSeal(deploymentKey: Array(repeating: 1, count: 32)), in: rewriting)
        }
        await rewriting.close()
        let forged = try await CustodesProcess.runCapturing(["audit", "verify", "--db", db])
        #expect(forged.status == 1 && forged.output.contains("its seal does not match"), "\(forged.output)")
        let keyless = try await CustodesProcess.runCapturing(["audit", "verify", "--db", db, "--pseudonym-key",
                                                              folder + "/no-such.key"])
        #expect(keyless.status == 0 && keyless.output.contains("seals not checked"), "\(keyless.output)")
    }

    @Test("demo prepares a store with one account per role; a second run reuses it with fresh passwords")
    func demo() async throws {
        let folder = NSTemporaryDirectory() + "custodes-demo-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let arguments = ["demo", "--folder", folder, "--staff", "150", "--days", "20", "--no-serve"]
        let first = try await CustodesProcess.runCapturing(arguments)
        #expect(first.status == 0, "\(first.error)")
        for username in ["analyst", "investigator", "head", "auditor", "admin"] {
            #expect(first.output.contains(" username \(username) "), "no account \(username) printed")
        }
        let second = try await CustodesProcess.runCapturing(arguments)
        #expect(second.status == 0, "\(second.error)")
        let password = { (output: String) in
            output.split(separator: "\n").first { $0.contains(" username head ") }?.split(separator: " ").last
        }
        #expect(password(first.output) != nil && password(first.output) != password(second.output))
        let database = try await StoreDatabase.open(try DatabaseURL("sqlite:" + folder + "/custodes.sqlite"), retry: .none)
        let events = try await database.sql.raw("SELECT COUNT(*) AS n FROM audit_events").first()?
            .decode(column: "n", as: Int.self) ?? 0
        let users = try await UserAccounts.all(in: database)
        await database.close()
        #expect(events > 1_000)
        #expect(Set(users.map(\.role)) == Set(Role.allCases))

        // The demo measured its alerts against the simulation's truth, so the capability report can state recall.
        let capability = try await CustodesProcess.runCapturing(["capability", "--db", "sqlite:" + folder + "/custodes.sqlite",
                                                                 "--analysts", "2", "--hours-per-week", "30"])
        #expect(capability.status == 0, "\(capability.error)")
        #expect(capability.output.contains("recall at the unit's capacity: "))
        #expect(capability.output.contains("analysts configured: 2, with 30 hours a week for this work"))
        #expect(capability.output.contains("evaluated against demo on "), "\(capability.output)")
    }

    @Test("token and rule changes made at the console are in the trail")
    func consoleChangesInTrail() async throws {
        let folder = NSTemporaryDirectory() + "custodes-console-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let db = "sqlite:" + folder + "/store.sqlite"
        let token = try await CustodesProcess.runCapturing(["token", "add", "--source", "rms", "--by", "ops", "--db", db])
        #expect(token.status == 0, "\(token.error)")
        // Another deployment's key would write seals the server cannot check: refused before anything is written.
        let otherKey = folder + "/other.key"
        try Data((Data(repeating: 3, count: 32).base64EncodedString() + "\n").utf8).write(to: URL(fileURLWithPath: otherKey))
        let wrongKey = try await CustodesProcess.runCapturing(["token", "revoke", "1", "--by", "ops", "--db", db,
                                                               "--pseudonym-key", otherKey])
        #expect(wrongKey.status != 0 && wrongKey.error.contains("the audit trail's seals were made with another key"),
                "\(wrongKey.error)")
        let revoked = try await CustodesProcess.runCapturing(["token", "revoke", "1", "--by", "ops", "--db", db])
        #expect(revoked.status == 0, "\(revoked.error)")
        let rules = folder + "/rules.yaml"
        let shown = try await CustodesProcess.runCapturing(["rules", "show"])
        try shown.output.replacingOccurrences(of: "alert_threshold: 20", with: "alert_threshold: 25")
            .write(toFile: rules, atomically: true, encoding: .utf8)
        let applied = try await CustodesProcess.runCapturing(["rules", "apply", rules, "--by", "head", "--note",
                                                              "fewer, stronger alerts", "--db", db])
        #expect(applied.status == 0, "\(applied.error)")
        let database = try await StoreDatabase.open(try DatabaseURL(db), retry: .none)
        let entries = try await AuditTrail.entries(matching: .init(), limit: 10, in: database).entries.reversed()
        await database.close()
        #expect(entries.map(\.action) == ["source_token_added", "source_token_revoked", "rules_changed"])
        #expect(entries.map(\.username) == ["console:ops", "console:ops", "console:head"])
        #expect(entries.last?.detail == "fewer, stronger alerts")
    }

    @Test("the rule test bench gives exactly the example's expected hits, each rule scored in full without peers")
    func ruleTestBench() async throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let bench = try await CustodesProcess.runCapturing(["rules", "test", root.path + "/rules/default.yaml",
                                                            root.path + "/examples/rules-test"])
        #expect(bench.status == 0, "\(bench.output)\(bench.error)")
        #expect(bench.output.contains("expected hits found, none unexpected."), "\(bench.output)")
        #expect(bench.output.contains("peer baselines off"))
    }

    @Test("serve finds the key beside a SQLite store, and refuses a wrong or missing key rather than make a new one")
    func deploymentKey() async throws {
        let folder = NSTemporaryDirectory() + "custodes-key-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let demo = try await CustodesProcess.runCapturing(["demo", "--folder", folder, "--staff", "150", "--days", "20",
                                                           "--no-serve"])
        #expect(demo.status == 0, "\(demo.error)")
        let db = "sqlite:" + folder + "/custodes.sqlite"
        let port = String(Int.random(in: 20_000...40_000))
        // Another deployment's key: refused, with the fix named.
        let other = folder + "/other.key"
        try (Data((0..<32).map { _ in UInt8.random(in: 0...255) }).base64EncodedString() + "\n")
            .write(toFile: other, atomically: true, encoding: .utf8)
        let wrong = try await CustodesProcess.runCapturing(["serve", "--db", db, "--port", port, "--detect-interval", "0",
                                                            "--pseudonym-key", other])
        #expect(wrong.status != 0)
        #expect(wrong.error.contains("is not the one this store was set up with"), "\(wrong.error)")
        #expect(wrong.error.contains("--pseudonym-key"))
        // No key where one is named: refused, and no new key is made there.
        let missing = folder + "/missing.key"
        let absent = try await CustodesProcess.runCapturing(["serve", "--db", db, "--port", port, "--detect-interval", "0",
                                                             "--pseudonym-key", missing])
        #expect(absent.status != 0)
        #expect(absent.error.contains("no key file at \(missing)"), "\(absent.error)")
        #expect(!FileManager.default.fileExists(atPath: missing))
        // No key named, started from another folder: the key beside the store is found and the server starts.
        let server = try CustodesProcess(["serve", "--db", db, "--port", port, "--detect-interval", "0"])
        defer { server.kill() }
        #expect(await server.wait(until: { server.standardError.contains("web application is at") }, timeout: .seconds(60)),
                "\(server.standardError)")
        #expect(!server.standardError.contains("created a new"))
    }

    @Test("audit verify --anchor keeps the heads elsewhere and sees a trail cut back past one of them")
    func anchoredHeads() async throws {
        let folder = NSTemporaryDirectory() + "custodes-anchor-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let db = "sqlite:" + folder + "/store.sqlite"
        let anchor = folder + "/heads.txt"
        for name in ["a.one", "b.two"] {
            let added = try await CustodesProcess.runCapturing(["user", "add", name, "--name", name, "--role", "analyst",
                                                                "--by", "admin", "--db", db])
            #expect(added.status == 0, "\(added.error)")
        }
        let first = try await CustodesProcess.runCapturing(["audit", "verify", "--db", db, "--anchor", anchor])
        #expect(first.status == 0 && first.output.contains("head written to"), "\(first.output)\(first.error)")
        #expect(try String(contentsOfFile: anchor, encoding: .utf8).split(separator: "\n").count == 1)
        let third = try await CustodesProcess.runCapturing(["user", "add", "c.three", "--name", "c", "--role", "analyst",
                                                            "--by", "admin", "--db", db])
        #expect(third.status == 0)
        #expect(try await CustodesProcess.runCapturing(["audit", "verify", "--db", db, "--anchor", anchor]).status == 0)
        // Cut back to before the first head: the chain alone is still whole, the anchor is not.
        let database = try await StoreDatabase.open(try DatabaseURL(db), retry: .none)
        try await database.sql.raw("DELETE FROM audit_trail WHERE seq >= 2").run()
        await database.close()
        #expect(try await CustodesProcess.runCapturing(["audit", "verify", "--db", db]).status == 0)
        let cut = try await CustodesProcess.runCapturing(["audit", "verify", "--db", db, "--anchor", anchor])
        #expect(cut.status == 1)
        #expect(cut.output.contains("is no longer in the trail"), "\(cut.output)")
    }

    @Test("serve on a port that is taken says so, names the address and exits")
    func portInUse() async throws {
        let folder = NSTemporaryDirectory() + "custodes-port-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let db = "sqlite:" + folder + "/store.sqlite"
        let port = String(Int.random(in: 20_000...40_000))
        let arguments = ["serve", "--db", db, "--port", port, "--detect-interval", "0",
                         "--pseudonym-key", folder + "/custodes.key"]
        let first = try CustodesProcess(arguments)
        defer { first.kill() }
        #expect(await first.wait(until: { first.standardError.contains("web application is at") }, timeout: .seconds(60)))
        try await Task.sleep(for: .milliseconds(500))
        let second = try await CustodesProcess.runCapturing(arguments)
        #expect(second.status == 1)
        #expect(second.error.contains("127.0.0.1:\(port) is already in use"), "\(second.error)")
    }
    @Test("serve --log-format json writes one JSON object a line, messages included; another format is refused")
    func jsonLogs() async throws {
        let folder = NSTemporaryDirectory() + "custodes-logs-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let db = "sqlite:" + folder + "/store.sqlite"
        let port = String(Int.random(in: 40_001...60_000))
        let refused = try await CustodesProcess.runCapturing(["serve", "--db", db, "--log-format", "xml"])
        #expect(refused.status != 0 && refused.error.contains("--log-format must be text or json"))
        let server = try CustodesProcess(["serve", "--db", db, "--port", port, "--detect-interval", "0",
                                          "--pseudonym-key", folder + "/custodes.key", "--log-format", "json"])
        defer { server.kill() }
        #expect(await server.wait(until: { server.standardError.contains("web application is at") }, timeout: .seconds(60)))
        server.kill()
        _ = await server.wait(timeout: .seconds(30))
        let lines = server.standardError.split(separator: "\n").filter { !$0.isEmpty }
        #expect(lines.count >= 2)
        for line in lines {
            let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            #expect(object?["level"] != nil && object?["message"] != nil && object?["time"] != nil, "not a JSON log line: \(line)")
        }
    }

    @Test("retention deletes portal reports closed longer ago than the unit keeps them, each deletion in the trail")
    func reportRetention() async throws {
        let folder = NSTemporaryDirectory() + "custodes-retention-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let db = "sqlite:" + folder + "/store.sqlite"
        #expect(try await CustodesProcess.runCapturing(["migrate", "--db", db]).status == 0)
        let database = try await StoreDatabase.open(try DatabaseURL(db), retry: .none)
        let now = Int64(Date().timeIntervalSince1970)
        var ids: [Int64] = []
        for (lookup, closedDaysAgo) in [("oldclose", 400), ("newclose", 10), ("notclosd", 0)] {
            let id = try await PortalReports.add(.init(
                lookup: lookup, receiptHash: "x", channel: .anonymous, receivedAt: now - 500 * 86_400,
                wraps: [.init(recipient: ReportKeys.deployment, publicKey: "", wrappedKey: "k")],
                sealedAnswers: "s", acknowledgeBy: CalendarDate(iso: "2026-01-01")!, assessBy: CalendarDate(iso: "2026-01-01")!),
                in: database)
            await #expect(throws: PortalReports.ReportError.notAssessed) {
                try await PortalReports.close(id, by: "alex", at: now, in: database)
            }
            if closedDaysAgo > 0 {
                try await PortalReports.assess(id, assessment: "done", by: "alex", at: now - Int64(closedDaysAgo) * 86_400,
                                               in: database)
                try await PortalReports.close(id, by: "alex", at: now - Int64(closedDaysAgo) * 86_400, in: database)
            }
            try await PortalReports.addMessage(id, fromReporter: true, username: nil, at: now, sealedBody: "m", in: database)
            ids.append(id)
        }
        await database.close()
        let counted = try await CustodesProcess.runCapturing(["retention", "--db", db])
        #expect(counted.status == 0)
        #expect(counted.output.contains("1 reports from the portal were closed more than 365 days ago"), "\(counted.output)")
        let applied = try await CustodesProcess.runCapturing(["retention", "--db", db, "--apply"])
        #expect(applied.status == 0, "\(applied.error)")
        #expect(applied.output.contains("deleted 1 reports from the portal closed more than 365 days ago"))
        let after = try await StoreDatabase.open(try DatabaseURL(db), retry: .none)
        let left = try await after.sql.raw("SELECT lookup FROM portal_reports ORDER BY report_id").all()
            .map { try $0.decode(column: "lookup", as: String.self) }
        #expect(left == ["newclose", "notclosd"])
        #expect(try await PortalReports.messages(of: ids[0], in: after).isEmpty)
        let trail = try await after.sql.raw(
            "SELECT subject, detail FROM audit_trail WHERE action = 'report_deleted'").all()
        #expect(trail.count == 1)
        #expect(try trail.first?.decode(column: "subject", as: String.self) == PortalReports.reference(ids[0]))
        await after.close()
        #expect(try await CustodesProcess.runCapturing(["audit", "verify", "--db", db]).status == 0)
    }

    /// A force that exports each member's station as their team is read as each role at its station
    /// (docs/detection.md, section 6), and `detect` says so; a force's own working teams are not.
    @Test("a staff file whose team column holds stations is said in detect's summary")
    func teamsThatAreStations() async throws {
        let folder = NSTemporaryDirectory() + "custodes-stations-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let key = folder + "/detect.key"
        let stations = folder + "/stations"
        try FileManager.default.copyItem(atPath: TestBundles.small, toPath: stations)
        let rows = try String(contentsOfFile: stations + "/staff.csv", encoding: .utf8).split(separator: "\n")
        let columns = rows[0].split(separator: ",", omittingEmptySubsequences: false)
        let team = try #require(columns.firstIndex(of: "team")), station = try #require(columns.firstIndex(of: "station"))
        let rewritten = [String(rows[0])] + rows.dropFirst().map { row in
            var fields = row.split(separator: ",", omittingEmptySubsequences: false)
            fields[team] = fields[station]
            return fields.joined(separator: ",")
        }
        try (rewritten.joined(separator: "\n") + "\n").write(toFile: stations + "/staff.csv", atomically: true, encoding: .utf8)
        let byStation = try await CustodesProcess.runCapturing(["detect", stations, "--out", folder + "/stations.jsonl",
                                                                "--pseudonym-key", key])
        #expect(byStation.status == 0 && byStation.output.contains("staff.csv's team is taken to hold stations"),
                "\(byStation.output)")
        let byTeam = try await CustodesProcess.runCapturing(["detect", TestBundles.small, "--out", folder + "/teams.jsonl",
                                                             "--pseudonym-key", key])
        #expect(byTeam.status == 0 && !byTeam.output.contains("taken to hold stations"))
        // The 30-day bundle's first three weeks were learning; with eight learning weeks, all of it was, and it says so.
        #expect(byTeam.output.contains("Learning weeks: until 2025-"), "\(byTeam.output)")
        let rules = folder + "/rules.yaml"
        try "risk:\n  learning_weeks: 8\n".write(toFile: rules, atomically: true, encoding: .utf8)
        let short = try await CustodesProcess.runCapturing(["detect", TestBundles.small, "--out", folder + "/short.jsonl",
                                                            "--pseudonym-key", key, "--rules", rules])
        #expect(short.status == 0 && short.output.contains("the data are all within the first 8 weeks"), "\(short.output)")
    }

    /// A force that cannot export its duty system: `detect` says that its staff are taken as on the roster, so that
    /// no one reads the alerts as weighed for timing (docs/detection.md, section 1).
    @Test("a rosters file with no shifts is said in detect's summary, and in detect --db's line")
    func noRosters() async throws {
        let folder = NSTemporaryDirectory() + "custodes-rosters-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let key = folder + "/detect.key"
        let bundle = folder + "/unrostered"
        try FileManager.default.copyItem(atPath: TestBundles.small, toPath: bundle)
        let header = try String(contentsOfFile: bundle + "/rosters.csv", encoding: .utf8).split(separator: "\n").first ?? ""
        try (String(header) + "\n").write(toFile: bundle + "/rosters.csv", atomically: true, encoding: .utf8)
        let staff = try String(contentsOfFile: bundle + "/staff.csv", encoding: .utf8)
            .split(separator: "\n").count - 1
        let run = try await CustodesProcess.runCapturing(["detect", bundle, "--out", folder + "/alerts.jsonl",
                                                          "--pseudonym-key", key])
        #expect(run.status == 0 && run.output.contains("Rosters: \(staff) of \(staff) staff have no shift in rosters.csv"),
                "\(run.output)")
        let rostered = try await CustodesProcess.runCapturing(["detect", TestBundles.small, "--out", folder + "/all.jsonl",
                                                               "--pseudonym-key", key])
        #expect(rostered.status == 0 && !rostered.output.contains("Rosters:"))
        #expect(rostered.output.contains("(explanation.at_work_workstation_prefixes: WS-, MDT-): ")
                && !rostered.output.contains("as no workstation name matched"), "\(rostered.output)")
        let db = "sqlite:" + folder + "/store.sqlite"
        #expect(try await CustodesProcess.runCapturing(["ingest", bundle, "--db", db]).status == 0)
        let stored = try await CustodesProcess.runCapturing(["detect", "--db", db, "--pseudonym-key", key])
        #expect(stored.status == 0 && stored.output.contains("\(staff) staff with no shift on the stored rosters"),
                "\(stored.output)")
    }

    /// A force whose export leaves years of birth out: `detect` says that the skew counts women of any age.
    @Test("persons with no year of birth are said in detect's summary, and in detect --db's line")
    func noBirthYears() async throws {
        let folder = NSTemporaryDirectory() + "custodes-births-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let key = folder + "/detect.key"
        let bundle = folder + "/ageless"
        try FileManager.default.copyItem(atPath: TestBundles.small, toPath: bundle)
        let lines = try String(contentsOfFile: bundle + "/persons.csv", encoding: .utf8).split(separator: "\n")
        let header = lines[0].split(separator: ",", omittingEmptySubsequences: false)
        let column = try #require(header.firstIndex(of: "birth_year"))
        let women = lines.dropFirst().filter { $0.split(separator: ",", omittingEmptySubsequences: false).contains("female") }
        let emptied = [String(lines[0])] + lines.dropFirst().map { line -> String in
            var fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            fields[column] = ""
            return fields.joined(separator: ",")
        }
        try (emptied.joined(separator: "\n") + "\n").write(toFile: bundle + "/persons.csv", atomically: true, encoding: .utf8)
        let run = try await CustodesProcess.runCapturing(["detect", bundle, "--out", folder + "/alerts.jsonl",
                                                          "--pseudonym-key", key])
        let count = women.count.formatted()
        #expect(run.status == 0 && run.output.contains("Birth years: \(count) of \(count) women in persons.csv have none"),
                "\(run.output)")
        let aged = try await CustodesProcess.runCapturing(["detect", TestBundles.small, "--out", folder + "/all.jsonl",
                                                           "--pseudonym-key", key])
        #expect(aged.status == 0 && !aged.output.contains("Birth years:"))
        let db = "sqlite:" + folder + "/store.sqlite"
        #expect(try await CustodesProcess.runCapturing(["ingest", bundle, "--db", db]).status == 0)
        let stored = try await CustodesProcess.runCapturing(["detect", "--db", db, "--pseudonym-key", key])
        #expect(stored.status == 0 && stored.output.contains("so demographic_skew counted women of any age"),
                "\(stored.output)")
    }

    /// A force whose terminals match none of the rules' prefixes is told so, since where a sitting was made then
    /// decides nothing.
    @Test("detect says when no workstation name matched at_work_workstation_prefixes")
    func noTerminalMatched() async throws {
        let folder = NSTemporaryDirectory() + "custodes-terminals-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let shown = try await CustodesProcess.runCapturing(["rules", "show"])
        let rules = shown.output.replacingOccurrences(of: #"at_work_workstation_prefixes: ["WS-", "MDT-"]"#,
                                                      with: #"at_work_workstation_prefixes: ["ZZ-"]"#)
        #expect(rules != shown.output)
        try rules.write(toFile: folder + "/rules.yaml", atomically: true, encoding: .utf8)
        let run = try await CustodesProcess.runCapturing(["detect", TestBundles.small, "--out", folder + "/alerts.jsonl",
                                                          "--pseudonym-key", folder + "/detect.key",
                                                          "--rules", folder + "/rules.yaml"])
        #expect(run.status == 0 && run.output.contains("(explanation.at_work_workstation_prefixes: ZZ-): 0, as no "
                                                       + "workstation name matched"), "\(run.output)")
    }

    /// An export without a column the contract requires has every audit row quarantined: detect says so and fails,
    /// rather than report a force with nothing to find.
    @Test("a bundle whose every audit row is quarantined is an error naming the commonest reason, and no alerts file")
    func everyAuditRowQuarantined() async throws {
        let folder = NSTemporaryDirectory() + "custodes-noaudit-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let bundle = folder + "/bundle"
        try FileManager.default.copyItem(atPath: TestBundles.small, toPath: bundle)
        for name in try FileManager.default.contentsOfDirectory(atPath: bundle) where name.hasPrefix("audit") {
            try FileManager.default.removeItem(atPath: bundle + "/" + name)
        }
        func firstID(_ file: String) throws -> String {
            let rows = try String(contentsOfFile: bundle + "/" + file, encoding: .utf8).split(separator: "\n")
            return String(rows[1].split(separator: ",")[0])
        }
        let (staff, person) = (try firstID("staff.csv"), try firstID("persons.csv"))
        try """
            event_id,at,staff_id,system,action,entity_type,entity_id,fields,workstation,reason
            E1,2025-01-06T06:30:39Z,\(staff),rms,view,person,\(person),summary,,
            E2,2025-01-06T06:31:39Z,\(staff),rms,view,person,\(person),summary,,
            E3,not a time,\(staff),rms,view,person,\(person),summary,WS-1,

            """.write(toFile: bundle + "/audit.csv", atomically: true, encoding: .utf8)
        let out = folder + "/alerts.jsonl"
        let run = try await CustodesProcess.runCapturing(["detect", bundle, "--out", out, "--pseudonym-key",
                                                          folder + "/detect.key", "--quarantine", folder + "/q.csv"])
        #expect(run.status != 0 && run.error.contains("every one of the 3 audit rows")
                && run.error.contains("2 of them for missing_value"), "\(run.error)")
        #expect(!FileManager.default.fileExists(atPath: out))
        let quarantine = try String(contentsOfFile: folder + "/q.csv", encoding: .utf8)
        #expect(quarantine.contains("audit.csv,2,workstation,missing_value"), "\(quarantine)")
    }

    @Test("mistakes at the command line are said in one plain line, before any work and without the usage text")
    func plainMistakes() async throws {
        let folder = NSTemporaryDirectory() + "custodes-mistakes-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        _ = FileManager.default.createFile(atPath: folder + "/taken", contents: Data())
        let taken = try await CustodesProcess.runCapturing(["simulate", "--out", folder + "/taken", "--staff", "20", "--days", "5"])
        #expect(taken.status != 0 && taken.error.contains("\(folder)/taken already exists") && !taken.error.contains("NSCocoaErrorDomain"))

        let budget = try await CustodesProcess.runCapturing(["detect", TestBundles.small, "--budget", "-3"])
        #expect(budget.status != 0 && budget.error.contains("--budget must be at least 1"))

        // An output that cannot be written is refused before the scoring, and before a key file is made.
        let key = folder + "/detect.key"
        let unwritable = try await CustodesProcess.runCapturing(["detect", TestBundles.small, "--out", folder + "/no/such/alerts.jsonl",
                                                                 "--pseudonym-key", key])
        #expect(unwritable.status != 0 && unwritable.error.contains("cannot be written"))
        #expect(!FileManager.default.fileExists(atPath: key))

        // A bundle whose staff file has only its header is an error, not a run that "explained 0 (100.0%)".
        let empty = folder + "/empty"
        try FileManager.default.copyItem(atPath: TestBundles.small, toPath: empty)
        let header = try String(contentsOfFile: empty + "/staff.csv", encoding: .utf8).split(separator: "\n").first ?? ""
        try (String(header) + "\n").write(toFile: empty + "/staff.csv", atomically: true, encoding: .utf8)
        let noStaff = try await CustodesProcess.runCapturing(["detect", empty, "--out", folder + "/alerts.jsonl",
                                                              "--pseudonym-key", key])
        #expect(noStaff.status != 0 && noStaff.error.contains("staff.csv has no member of staff"))

        let noAlerts = try await CustodesProcess.runCapturing(["evaluate", TestBundles.small, "--alerts", folder + "/nope.jsonl"])
        #expect(noAlerts.status != 0 && noAlerts.error.contains("No alerts file") && !noAlerts.error.contains("Usage:"))

        // Alerts from another force are refused rather than measured against this one's truth.
        let theirs = folder + "/theirs.jsonl"
        #expect(try await CustodesProcess.runCapturing(["detect", TestBundles.small, "--out", theirs, "--pseudonym-key", key])
            .status == 0)
        let tiny = folder + "/tiny"
        #expect(try await CustodesProcess.runCapturing(["simulate", "--out", tiny, "--staff", "20", "--days", "10"]).status == 0)
        let mismatch = try await CustodesProcess.runCapturing(["evaluate", tiny, "--alerts", theirs])
        #expect(mismatch.status != 0 && mismatch.error.contains("made from another bundle"), "\(mismatch.error)")
        // A force of the same size with the same staff identifiers is told apart by the bundle's fingerprint.
        let twin = folder + "/twin"
        #expect(try await CustodesProcess.runCapturing(["simulate", "--out", twin, "--staff", "150", "--days", "30",
                                                        "--seed", "99"]).status == 0)
        let twinned = try await CustodesProcess.runCapturing(["evaluate", twin, "--alerts", theirs])
        #expect(twinned.status != 0 && twinned.error.contains("fingerprint"), "\(twinned.error)")
        #expect(try await CustodesProcess.runCapturing(["evaluate", TestBundles.small, "--alerts", theirs]).status == 0)

        // A store in a folder that does not exist is refused, and no folders are made.
        let missing = folder + "/missing/deeper/store.sqlite"
        let store = try await CustodesProcess.runCapturing(["migrate", "--db", "sqlite:" + missing])
        #expect(store.status != 0 && store.error.contains("does not exist"))
        #expect(!FileManager.default.fileExists(atPath: folder + "/missing"))

        // An unreachable database is described once, with how long it will be tried and how to stop.
        let unreachable = try await CustodesProcess.runCapturing(["migrate", "--db", "postgres://nobody@127.0.0.1:1/none",
                                                                  "--retry-seconds", "1"])
        #expect(unreachable.status != 0)
        #expect(unreachable.error.components(separatedBy: "Trying again for up to").count == 2, "\(unreachable.error)")
        #expect(unreachable.error.contains("--retry-seconds 0") && !unreachable.error.contains("errno"))
    }
}
