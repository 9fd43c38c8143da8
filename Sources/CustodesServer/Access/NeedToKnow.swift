import CustodesDetection
import CustodesStore

/// Need-to-know for alerts: what a user may see follows from their role and assignments, and never includes
/// themselves or the people they have declared as associates, whatever their role.
struct NeedToKnow: Sendable {
    let database: StoreDatabase
    let pseudonymiser: Pseudonymiser

    func visibility(for user: UserAccount) async throws -> AlertQueue.Visibility {
        let scope: AlertQueue.Visibility.Scope = switch user.role {
        case .headOfUnit: .all
        case .analyst: .unassignedOrAssignedTo(user.username)
        default: .assignedTo(user.username)
        }
        guard let staffID = user.staffID else { return AlertQueue.Visibility(scope: scope) }
        let associates = try await StaffProfile.declaredAssociates(staffID: staffID, in: database)
        return AlertQueue.Visibility(scope: scope, hiddenStaff: [staffID],
                                     hiddenPeople: associates.map(pseudonymiser.person))
    }

    /// Whether the user may reveal who the member of staff under this alert is.
    func mayReveal(_ user: UserAccount, alert: AlertCasework.Record) -> Bool {
        user.role == .headOfUnit || (user.role == .investigator && alert.assignee == user.username)
    }

    /// Whether the user's role needs victims' identities: those who work the case, not those who triage the queue.
    func seesVictims(_ user: UserAccount, alert: AlertCasework.Record) -> Bool {
        user.role == .headOfUnit || (user.role == .investigator && alert.assignee == user.username)
    }
}
