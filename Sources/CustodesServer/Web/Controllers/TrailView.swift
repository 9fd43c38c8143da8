import CustodesStore
import Foundation

/// What a trail entry shows to the person reading the trail (its page, its CSV export and its API). The trail says
/// who did what, when and to which record, to everyone allowed to read it; case content is not part of that. A
/// comment's words, a decision's rationale, a reveal's reason and whom it revealed live on the alert's page, behind
/// need-to-know, and new entries no longer carry them; entries written before that rule are shown without them. A
/// member of staff's page is named only to a reader who may open it.
struct TrailView {
    /// Actions whose detail held case content when written by earlier versions. A rule exception's detail (which
    /// rules, until when, which rules version) is not case content, except the tasking reference older entries held.
    static let contentActions: Set<String> = ["comment", "decision", "reveal"]
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
        if entry.action == "rule_exception", entry.detail.contains(", tasking ") {
            entry.detail = Self.withheldDetail
        }
        if entry.action == "view_staff", !(try await mayOpenStaffPage(entry.subject)) {
            entry.subject = Self.withheldStaff
        }
        if Self.searchActions.contains(entry.action) { entry.detail = try await shownSearch(entry.detail) }
        return entry
    }

    /// Actions whose detail is the query the user searched with.
    static let searchActions: Set<String> = ["view_trail", "export_trail", "api_trail"]

    /// A recorded trail search, with any member of staff's pseudonym it searched for withheld from a reader who may
    /// not open their page: someone else's search must not tell whom they were looking into.
    private mutating func shownSearch(_ query: String) async throws -> String {
        var parts: [String] = []
        for part in query.split(separator: "&", omittingEmptySubsequences: false) {
            let pair = part.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            if pair.count == 2, pair[0] == "subject",
               let value = String(pair[1]).replacingOccurrences(of: "+", with: " ").removingPercentEncoding,
               try await StaffProfile.staffID(pseudonym: value, in: database) != nil,
               !(try await mayOpenStaffPage(value)) {
                parts.append("subject=" + Self.withheldStaff)
            } else {
                parts.append(String(part))
            }
        }
        return parts.joined(separator: "&")
    }

    /// The entries matching `filter`, newest first, as this viewer may see them. Filtering by a member of staff's
    /// pseudonym finds nothing for a reader who may not open their page, so the filter cannot tell what the rows
    /// withhold.
    mutating func entries(matching filter: AuditTrail.Filter, limit: Int,
                          offset: Int = 0) async throws -> (entries: [AuditTrail.Entry], total: Int) {
        if let subject = filter.subject, !subject.isEmpty,
           try await StaffProfile.staffID(pseudonym: subject, in: database) != nil,
           !(try await mayOpenStaffPage(subject)) {
            return ([], 0)
        }
        let (stored, total) = try await AuditTrail.entries(matching: filter, limit: limit, offset: offset, in: database)
        return (try await shown(stored), total)
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
