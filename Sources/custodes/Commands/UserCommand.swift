import ArgumentParser
import CustodesServer
import CustodesStore
import Foundation

/// `custodes user add|list|disable|reset-password|reset-totp`: account administration at the console, where a
/// temporary password can be handed over in person. Every change is recorded in the audit trail.
struct UserCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user",
        abstract: "Manage the web application's accounts.",
        subcommands: [Add.self, List.self, Disable.self, Enable.self, ResetPassword.self, ResetTOTP.self]
    )

    /// Who is acting, for the trail: the name given, or the console's login name.
    struct Actor: ParsableArguments {
        @Option(help: "Who is making the change (default: the console's login name).")
        var by: String?
        var name: String { "console:" + (by ?? ProcessInfo.processInfo.environment["USER"] ?? "unknown") }
    }

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add an account; prints a temporary password the user replaces at first sign-in.")
        @Argument(help: "The username (letters, digits, dots, hyphens, underscores).")
        var username: String
        @Option(help: "The user's name as shown in the application and the trail.")
        var name: String
        @Option(help: "analyst, investigator, head_of_unit, auditor or administrator.")
        var role: String
        @Option(help: "The user's own staff identifier, if they are a member of the force's staff: they will never see alerts about themselves or their declared associates.")
        var staffID: String?
        @OptionGroup var actor: Actor
        @OptionGroup var database: DatabaseOptions
        @OptionGroup var deploymentKey: DeploymentKeyOptions

        func validate() throws {
            if Role(rawValue: role) == nil {
                throw ValidationError("--role must be one of: " + Role.allCases.map(\.rawValue).joined(separator: ", "))
            }
        }

        func run() async throws {
            let password = try await database.withStore {
                try await UserAdministration(database: $0, trailSeal: try await deploymentKey.trailSeal(for: $0, command: "user")).add(username: username, displayName: name,
                                                               role: Role(rawValue: role)!, staffID: staffID,
                                                               by: actor.name)
            }
            print("user \(username) added as \(Role(rawValue: role)!.title); temporary password: \(password)")
            print("they set up a second factor and choose their own password at first sign-in")
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List every account, disabled ones included.")
        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            let users = try await database.withStore { try await UserAccounts.all(in: $0) }
            if users.isEmpty { print("no accounts yet; add one with `custodes user add`") }
            for user in users {
                let state = user.isDisabled ? "disabled" : (user.totpEnrolled ? "active" : "awaiting first sign-in")
                print("\(user.username)  \(user.role.rawValue)  \(user.displayName)  \(state)")
            }
        }
    }

    struct Disable: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Disable an account and end its sessions (accounts are never deleted).")
        @Argument var username: String
        @OptionGroup var actor: Actor
        @OptionGroup var database: DatabaseOptions
        @OptionGroup var deploymentKey: DeploymentKeyOptions

        func run() async throws {
            try await database.withStore { try await UserAdministration(database: $0, trailSeal: try await deploymentKey.trailSeal(for: $0, command: "user")).disable(username: username, by: actor.name) }
            print("user \(username) disabled")
        }
    }

    struct Enable: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Enable a disabled account again.")
        @Argument var username: String
        @OptionGroup var actor: Actor
        @OptionGroup var database: DatabaseOptions
        @OptionGroup var deploymentKey: DeploymentKeyOptions

        func run() async throws {
            try await database.withStore { try await UserAdministration(database: $0, trailSeal: try await deploymentKey.trailSeal(for: $0, command: "user")).enable(username: username, by: actor.name) }
            print("user \(username) enabled")
        }
    }

    struct ResetPassword: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "reset-password", abstract: "Give an account a new temporary password and lift any lock-out.")
        @Argument var username: String
        @OptionGroup var actor: Actor
        @OptionGroup var database: DatabaseOptions
        @OptionGroup var deploymentKey: DeploymentKeyOptions

        func run() async throws {
            let password = try await database.withStore {
                try await UserAdministration(database: $0, trailSeal: try await deploymentKey.trailSeal(for: $0, command: "user")).resetPassword(username: username, by: actor.name)
            }
            print("temporary password for \(username): \(password)")
        }
    }

    struct ResetTOTP: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "reset-totp", abstract: "Clear an account's second factor; they enrol again at next sign-in.")
        @Argument var username: String
        @OptionGroup var actor: Actor
        @OptionGroup var database: DatabaseOptions
        @OptionGroup var deploymentKey: DeploymentKeyOptions

        func run() async throws {
            try await database.withStore {
                try await UserAdministration(database: $0, trailSeal: try await deploymentKey.trailSeal(for: $0, command: "user")).resetSecondFactor(username: username, by: actor.name)
            }
            print("second factor cleared for \(username); they set up a new one at their next sign-in")
        }
    }
}
