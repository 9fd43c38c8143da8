import CustodesStore

/// What a trail entry shows to the person reading the trail (its page, its CSV export and its API). The trail says
/// who did what, when and to which record, to everyone allowed to read it; case content is not part of that. A
/// comment's words, a decision's rationale, a reveal's reason and whom it revealed live on the alert's page, behind
/// need-to-know, and new entries no longer carry them; entries written before that rule are shown without them. A
/// member of staff's page is named only to a reader who may open it.
struct TrailView {
    /// Actions whose detail held case content when written by earlier versions.
    static let contentActions: Set<String> = ["comment", "decision", "reveal", "rule_exception"]
    static let withheldDetail = "(case content withheld: see the alert, if you may)"
    static let withheldStaff = "(a member of staff's page)"

    let viewer: UserAccount
    let database: StoreDatabase
    private var staffPages: [String: Bool] = [:]

    init(viewer: UserAccount, database: StoreDatabase) {
        self.viewer = viewer
        self.database = database
    }

    /// The entry as this viewer may see it. Hashes are kept, so the chain can still be followed from entry to entry.
    mutating func shown(_ entry: AuditTrail.Entry) async throws -> AuditTrail.Entry {
        var entry = entry
        if Self.contentActions.contains(entry.action), !entry.detail.isEmpty {
            entry.detail = Self.withheldDetail
        }
        if entry.action == "view_staff", !(try await mayOpenStaffPage(entry.subject)) {
            entry.subject = Self.withheldStaff
        }
        return entry
    }

    mutating func shown(_ entries: [AuditTrail.Entry]) async throws -> [AuditTrail.Entry] {
        var result: [AuditTrail.Entry] = []
        result.reserveCapacity(entries.count)
        for entry in entries { result.append(try await shown(entry)) }
        return result
    }

    /// The staff page's own rule: a case role who has revealed this member of staff, and never about themselves.
    private mutating func mayOpenStaffPage(_ pseudonym: String) async throws -> Bool {
        if let known = staffPages[pseudonym] { return known }
        var may = false
        if viewer.role.seesCaseContent, let staffID = try await StaffProfile.staffID(pseudonym: pseudonym, in: database),
           staffID != viewer.staffID {
            may = try await AlertCasework.hasRevealed(staffID: staffID, username: viewer.username, in: database)
        }
        staffPages[pseudonym] = may
        return may
    }
}
