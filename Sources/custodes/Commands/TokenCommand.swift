import ArgumentParser
import CustodesModel
import Foundation
import CustodesStore

/// `custodes token add|list|revoke`: bearer tokens for connectors that push audit events.
struct TokenCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "token",
        abstract: "Manage the API tokens that let a source system push audit events.",
        subcommands: [Add.self, List.self, Revoke.self]
    )

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Make a token for a source system; it is printed once and only its hash is kept.")

        @OptionGroup var database: DatabaseOptions
        @Option(help: "The source system, such as rms or pnc.")
        var source: String
        @Option(help: "Who is making the token (for the record).")
        var by: String
        @OptionGroup var deploymentKey: DeploymentKeyOptions

        func validate() throws {
            // A token writes only its own system's events (others are quarantined), so it names one Custodes knows.
            if SourceSystem(rawValue: source) == nil {
                throw ValidationError("--source must be one of the source systems: "
                                      + SourceSystem.allCases.map(\.rawValue).joined(separator: ", ") + ".")
            }
        }

        func run() async throws {
            let (id, secret) = try await database.withStore { store in
                let seal = try await deploymentKey.trailSeal(for: store, command: "token")
                let made = try await APITokens.create(source: source, by: by, in: store)
                try await AuditTrail.append("source_token_added", by: "console:" + by, subject: source,
                                            detail: "token \(made.id)", at: Int64(Date().timeIntervalSince1970),
                                            sealedWith: seal, in: store)
                return made
            }
            print("token \(id) for \(source): \(secret)")
            print("This is the only time it is shown; store it in the connector's secret store.")
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List tokens (never their secrets).")
        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            let tokens = try await database.withStore { try await APITokens.list(in: $0) }
            for token in tokens {
                print("\(token.id)  \(token.source)  made by \(token.createdBy)"
                      + (token.revokedAt == nil ? "" : "  revoked"))
            }
        }
    }

    struct Revoke: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Revoke a token at once.")
        @OptionGroup var database: DatabaseOptions
        @Argument(help: "The token's id, from `custodes token list`.")
        var id: Int64
        @OptionGroup var actor: UserCommand.Actor
        @OptionGroup var deploymentKey: DeploymentKeyOptions

        func run() async throws {
            let revoked = try await database.withStore { store in
                let seal = try await deploymentKey.trailSeal(for: store, command: "token")
                guard try await APITokens.revoke(id: id, in: store) else { return false }
                try await AuditTrail.append("source_token_revoked", by: actor.name, subject: "token \(id)",
                                            at: Int64(Date().timeIntervalSince1970), sealedWith: seal, in: store)
                return true
            }
            guard revoked else { throw ValidationError("No live token with id \(id).") }
            print("token \(id) revoked")
        }
    }
}
