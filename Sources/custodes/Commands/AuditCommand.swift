import ArgumentParser
import CustodesModel
import CustodesServer
import CustodesStore
import Foundation

/// `custodes audit verify --db URL [--anchor FILE]`: checks the audit trail's hash chain and names the first broken
/// entry; with an anchor file, also that every head written there earlier is still in the trail.
struct AuditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit", abstract: "Check the web application's audit trail.", subcommands: [Verify.self])

    struct Verify: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Verify the audit trail's hash chain; exits 1 and names the first broken entry if it was edited, reordered or had entries removed.",
            discussion: """
                With the deployment's key (--pseudonym-key, found as `custodes serve` finds it), every entry's seal \
                is checked too, so a trail rewritten whole by someone who can write the database but lacks the key \
                is seen; without the key file only the chain is checked, and the output says so. Neither shows \
                entries cut from the trail's end: --anchor FILE keeps the heads somewhere else: each run checks that \
                every head written there before is still in the trail, then adds today's. Keep the file away from the \
                database (another machine, a ticket, a printout), and run this on a schedule.
                """)
        @OptionGroup var database: DatabaseOptions
        @OptionGroup var deploymentKey: DeploymentKeyOptions

        @Option(help: "A file of heads written by earlier runs (made when missing); each must still be in the trail.")
        var anchor: String?

        func run() async throws {
            try await database.withStore { store in
                let keyPath = deploymentKey.path(for: store)
                let seal = try await existingSeal(at: keyPath, store: store)
                if seal == nil { print("seals not checked: no deployment key at \(keyPath) (--pseudonym-key)") }
                let (verification, checkpoint) = try await AuditTrail.verify(from: nil, sealedWith: seal, in: store)
                switch verification {
                case .broken(let seq, let reason):
                    print("audit trail BROKEN at entry \(seq): \(reason)")
                    throw ExitCode(1)
                case .intact(let entries, let head):
                    if let anchor { try await checkAnchors(anchor, store: store) }
                    print("audit trail intact: \(entries) entries\(seal == nil ? "" : ", every one sealed"); head \(head)")
                    if let anchor, let checkpoint, entries > 0 {
                        let now = Timestamp(seconds: Int64(Date().timeIntervalSince1970)).iso8601
                        try record("\(checkpoint.seq) \(head) \(now)", in: anchor)
                        print("head written to \(anchor)")
                    }
                }
            }
        }

        /// The seal of the key at `path`, when there is a key file. A key that does not match the trail is still used
        /// (verification then names the first entry it did not seal); entries from before seals are sealed only
        /// with a key that matches everything else the store holds.
        func existingSeal(at path: String, store: StoreDatabase) async throws -> TrailSeal? {
            guard FileManager.default.fileExists(atPath: path) else { return nil }
            let (key, _) = try KeyFile.loadOrCreateKey(at: path)
            if try await DeploymentKeyCheck.mismatch(key, in: store) == nil {
                return try await DeploymentKeyOptions.trailSeal(key: key, store: store, command: "audit")
            }
            return TrailSeal(deploymentKey: key)
        }

        /// Every head written to the anchor file before must still be in the trail with the same hash.
        func checkAnchors(_ path: String, store: StoreDatabase) async throws {
            guard FileManager.default.fileExists(atPath: path) else { return }
            let text = try String(contentsOfFile: path, encoding: .utf8)
            for (index, line) in text.split(separator: "\n").enumerated() {
                let fields = line.split(separator: " ")
                guard fields.count >= 2, let seq = Int64(fields[0]) else {
                    throw ValidationError("\(path):\(index + 1): expected 'ENTRY HASH [TIME]', as this command writes")
                }
                if try await AuditTrail.hash(at: seq, in: store) != String(fields[1]) {
                    print("audit trail BROKEN at entry \(seq): the head written to \(path) (line \(index + 1)"
                          + (fields.count > 2 ? ", \(fields[2])" : "") + ") is no longer in the trail: entries were cut "
                          + "from its end, or it was rewritten")
                    throw ExitCode(1)
                }
            }
        }

        func record(_ line: String, in path: String) throws {
            if !FileManager.default.fileExists(atPath: path) {
                guard FileManager.default.createFile(atPath: path, contents: nil) else {
                    throw ValidationError("cannot create the anchor file \(path)")
                }
            }
            let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
            defer { try? handle.close() }
            try handle.seekToEnd()
            try handle.write(contentsOf: Data((line + "\n").utf8))
        }
    }
}
