import ArgumentParser
import CustodesBundle
import CustodesDetection
import CustodesServer
import CustodesSimulator
import CustodesStore
import Foundation
import Hummingbird

/// `custodes demo`: from nothing to triaging a realistic alert in a few minutes. Simulates a force, ingests it into
/// a SQLite store of its own, runs detection, creates one account per role with printed temporary passwords, and
/// serves the web application on this machine only.
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Run the web application over a synthetic force, with one account per role.",
        discussion: """
            Everything lives in --folder (default: demo): the simulated bundle, the store (custodes.sqlite) and the \
            deployment key. Running it again reuses the store and gives the demo accounts fresh temporary passwords \
            and second factors. Every name and record in it is synthetic.
            """
    )

    @Option(help: "The folder the demo keeps its bundle, store and key in.")
    var folder: String = "demo"
    @Option(help: "Members of staff in the simulated force.")
    var staff: Int = 1_000
    @Option(help: "Days of activity to simulate.")
    var days: Int = 90
    @Option(help: "Random seed for the simulation.")
    var seed: UInt64 = 2017
    @Option(help: "Address to listen on (keep it on this machine).")
    var host: String = "127.0.0.1"
    @Option(help: "Port to listen on.")
    var port: Int = 8080

    @Option(help: "Port for the reporting portal (default: --port + 1).")
    var portalPort: Int?
    @OptionGroup var logs: LogOptions

    @Flag(help: "Prepare the demo and print the accounts, but do not serve.")
    var noServe = false

    static let accounts: [(username: String, name: String, role: Role)] = [
        ("analyst", "Alex Analyst", .analyst),
        ("investigator", "Ira Investigator", .investigator),
        ("head", "Harper Head-of-Unit", .headOfUnit),
        ("auditor", "Avery Auditor", .auditor),
        ("admin", "Ada Administrator", .administrator),
        ("partnership", "Pat Partnership", .partnership),
    ]

    func run() async throws {
        logs.bootstrap(level: logs.level(or: .notice))
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let bundle = folder + "/bundle"
        let (key, _) = try KeyFile.loadOrCreateKey(at: folder + "/custodes.key")
        let url = try DatabaseURL("sqlite:" + folder + "/custodes.sqlite")
        let store = try await StoreDatabase.open(url, retry: .none)
        do {
            try await Migrator(database: store).migrate()
            try await prepare(store: store, bundle: bundle, key: key)
            let seal = try await DeploymentKeyOptions.trailSeal(key: key, store: store, command: "demo")
            let passwords = try await resetAccounts(store: store, seal: seal)
            print("\nDemo accounts (each sets up a second factor with an authenticator app, then chooses a password):")
            for (account, password) in zip(Self.accounts, passwords) {
                print("  \(account.role.title.padding(toLength: 14, withPad: " ", startingAt: 0)) "
                      + "username \(account.username.padding(toLength: 13, withPad: " ", startingAt: 0)) "
                      + "temporary password \(password)")
            }
            if noServe {
                await store.close()
                return
            }
            let portal = portalPort ?? port + 1
            print("\nOpen http://\(host):\(port)/ and sign in; the reporting portal is at http://\(host):\(portal)/. "
                  + "Press Ctrl-C to stop.\n")
            fflush(nil)
            let application = try CustodesServerBuilder.application(
                database: store, detection: StoreDetection(database: store, pseudonymKey: key, budget: budget),
                access: AccessSettings(deploymentKey: key), pseudonymiser: Pseudonymiser(key: key),
                configuration: ServerConfiguration(host: host, port: port, detectionInterval: 30, portalPort: portal,
                                                   logLevel: logs.level(or: .notice)),
                report: { Progress.message($0) })
            do {
                try await application.runService()
            } catch where AddressInUse.matches(error) {
                throw AddressInUse(host: host, port: port)
            }
            await store.close()
        } catch {
            await store.close()
            throw error
        }
    }

    /// About two alerts a week per thousand staff, as in `custodes detect --budget`.
    var budget: Int { max(1, staff * 2 / 1_000) }

    func prepare(store: StoreDatabase, bundle: String, key: [UInt8]) async throws {
        let alerts = try await AlertQueue.storedCount(in: store)
        if alerts > 0 {
            Progress.message("demo: reusing the store in \(folder) (\(alerts) alerts)")
            return
        }
        if !FileManager.default.fileExists(atPath: bundle + "/staff.csv") {
            Progress.message("demo: simulating \(staff) staff over \(days) days (seed \(seed))")
            _ = try ForceSimulation(config: SimulationConfig(staff: staff, days: days, seed: seed)).write(to: bundle)
        }
        Progress.message("demo: ingesting the bundle into \(folder)/custodes.sqlite")
        var ingest = BundleIngest(database: store)
        ingest.notice = { Progress.message("ingest: " + $0) }
        let report = try await ingest.ingest(directory: bundle, source: "demo")
        Progress.message("demo: \(report.audit.map(\.written).reduce(0, +)) audit events stored")
        var detection = StoreDetection(database: store, pseudonymKey: key, budget: budget)
        detection.progress = { Progress.message($0) }
        let outcome = try await detection.run(force: true)
        Progress.message("demo: detection raised \(outcome.alerts) alerts")
        // Measured against the simulation's ground truth, so the capability page can state recall at capacity.
        let reader = try BundleReader(directory: bundle, quarantine: QuarantineCollector())
        var bundleReport = BundleReport()
        let truth = try reader.loadTruth(reference: try reader.loadReference(report: &bundleReport),
                                         report: &bundleReport)
        let evaluation = Evaluation(truth: truth, alerts: try await StoredEvaluations.alertRecords(in: store))
        try await StoredEvaluations.record(evaluation, bundle: "demo", at: Int64(Date().timeIntervalSince1970), in: store)
        Progress.message(String(format: "demo: recall at the budget %.2f, precision %.2f (against the simulation's truth)",
                                evaluation.recall, evaluation.precision))
        try await addPartnerOrganisations(store: store)
    }

    /// Two invented organisations in the partner register, one engaged recently and one not, so the register and
    /// the capability report have something to show.
    func addPartnerOrganisations(store: StoreDatabase) async throws {
        guard try await PartnerRegister.organisations(in: store).isEmpty else { return }
        let now = Int64(Date().timeIntervalSince1970)
        let today = ReferralRule().day(at: now)
        let refuge = try await PartnerRegister.add(name: "Northgate Women's Refuge (invented)", kind: "domestic_abuse",
                                                   area: "North division", liaison: "partnership", by: "demo", at: now,
                                                   in: store)
        try await PartnerRegister.addContact(refuge, name: "Robin Example", role: "Outreach manager",
                                             reach: "refuge office, weekdays", by: "demo", at: now, in: store)
        try await PartnerRegister.recordEngagement(refuge, kind: .training, on: today.adding(days: -20),
                                                   summary: "Briefed the outreach team on how to tell the unit about an officer's conduct.",
                                                   reviewOn: nil, by: "demo", at: now, in: store)
        try await PartnerRegister.recordEngagement(refuge, kind: .agreement, on: today.adding(days: -200),
                                                   summary: "Information-sharing agreement signed.",
                                                   reviewOn: today.adding(days: 165), by: "demo", at: now, in: store)
        _ = try await PartnerRegister.add(name: "Harbour Street Outreach (invented)", kind: "sex_worker_outreach",
                                          area: "City centre", liaison: nil, by: "demo", at: now, in: store)
        Progress.message("demo: two invented organisations added to the partner register")
    }

    /// Creates the demo accounts, or gives existing ones fresh temporary passwords and second factors.
    func resetAccounts(store: StoreDatabase, seal: TrailSeal) async throws -> [String] {
        let administration = UserAdministration(database: store, trailSeal: seal)
        var passwords: [String] = []
        for account in Self.accounts {
            if try await UserAccounts.find(username: account.username, in: store) != nil {
                try await administration.resetSecondFactor(username: account.username, by: "console:demo")
                passwords.append(try await administration.resetPassword(username: account.username, by: "console:demo"))
            } else {
                passwords.append(try await administration.add(username: account.username, displayName: account.name,
                                                               role: account.role, staffID: nil, by: "console:demo"))
            }
        }
        return passwords
    }
}
