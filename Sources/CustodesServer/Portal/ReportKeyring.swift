import Crypto
import CustodesStore
import Foundation

/// Who holds each report's key. A new report's key is wrapped for every unit user who reads reports (analysts and
/// the head of unit, once they have signed in and so have a key pair), for the unit's recovery key if the head of
/// unit has made one, for the partner account that sent it, and for the reporter's receipt. Only when nobody in the
/// unit has a key yet is it wrapped under the deployment key instead, until the first reader signs in.
///
/// Readers added later, and readers whose key was replaced, are given the key by whoever next signs in holding it
/// (`share`): the server can only wrap a key it has just opened with a signed-in reader's private key, so a copy
/// of the database and the deployment key together still open nothing that was sealed for recipients.
struct ReportKeyring: Sendable {
    let database: StoreDatabase
    /// Opens reports sealed under the deployment key, before any reader had a key (and before keys per recipient).
    let legacy: ReportSealer

    init(database: StoreDatabase, deploymentKey: [UInt8]) {
        self.database = database
        legacy = ReportSealer(deploymentKey: deploymentKey)
    }

    /// The roles whose users hold report keys.
    static let readerRoles: [Role] = [.analyst, .headOfUnit]

    /// The unit's current recipients: readers whose key the head of unit approved (with the member of staff each
    /// is, if any, so a report about them is never wrapped for them), and the recovery key.
    func recipients() async throws -> [(recipient: String, publicKey: String, staffID: String?)] {
        var recipients = try await UserAccounts.reportRecipients(roles: Self.readerRoles, in: database)
            .map { (ReportKeys.user($0.id), $0.publicKey, $0.staffID) }
        if let recovery = try await UnitSettings.setting(UnitSettings.recoveryPublicKey, in: database)?.value {
            recipients.append((ReportKeys.recovery, recovery, nil))
        }
        return recipients
    }

    /// A new report's key and its wraps (for the receipt only when the reporter is given one).
    func newReport(lookup: String, receiptSecret: String?,
                   partner: (id: Int64, publicKey: String)? = nil) async throws -> (SymmetricKey, [ReportKeys.Wrap]) {
        let key = SymmetricKey(size: .bits256)
        var wraps = try await recipients().map {
            ReportKeys.Wrap(recipient: $0.recipient, publicKey: $0.publicKey,
                            wrappedKey: try ReportKeyWrap.wrap(key, for: try RecipientKey.publicKey($0.publicKey), lookup: lookup))
        }
        if wraps.isEmpty {
            wraps.append(.init(recipient: ReportKeys.deployment, publicKey: "",
                               wrappedKey: try legacy.wrap(key, lookup: lookup)))
        }
        if let receiptSecret {
            wraps.append(.init(recipient: ReportKeys.receipt, publicKey: "",
                               wrappedKey: try ReportKeyWrap.wrap(key, receiptSecret: receiptSecret, lookup: lookup)))
        }
        if let partner {
            wraps.append(.init(recipient: ReportKeys.partner(partner.id), publicKey: partner.publicKey,
                               wrappedKey: try ReportKeyWrap.wrap(key, for: try RecipientKey.publicKey(partner.publicKey),
                                                                  lookup: lookup)))
        }
        return (key, wraps)
    }

    /// The report's key for `recipient` holding `privateKey`, falling back to the deployment key for a report
    /// sealed before anyone had a key; nil when the report is not (yet) wrapped for them.
    func reportKey(_ report: PortalReports.Stored, recipient: String,
                   privateKey: RecipientKey.PrivateKey?) async throws -> SymmetricKey? {
        if let privateKey, let wrap = try await ReportKeys.wrap(report.reportID, for: recipient, in: database),
           wrap.publicKey == RecipientKey.publicText(privateKey) {
            return try ReportKeyWrap.unwrap(wrap.wrappedKey, with: privateKey, lookup: report.lookup)
        }
        return try await legacyKey(report)
    }

    /// Takes a report from the member of staff it is now about, if they read reports: their wrap goes, so the rule
    /// that nobody sees a report about themselves holds in the keys too, not only in the pages.
    func withhold(_ reportID: Int64, fromStaff staffID: String) async throws {
        for recipient in try await UserAccounts.reportRecipients(roles: Self.readerRoles, in: database)
        where recipient.staffID == staffID {
            try await ReportKeys.remove(reportID, for: ReportKeys.user(recipient.id), in: database)
        }
    }

    /// The report's key for the reporter with the receipt's secret (already checked against its hash). A report
    /// sealed before receipts held keys gets its receipt wrap now.
    func reportKey(_ report: PortalReports.Stored, receiptSecret: String) async throws -> SymmetricKey? {
        if let wrap = try await ReportKeys.wrap(report.reportID, for: ReportKeys.receipt, in: database) {
            return try ReportKeyWrap.unwrap(wrap.wrappedKey, receiptSecret: receiptSecret, lookup: report.lookup)
        }
        guard let key = try await legacyKey(report) else { return nil }
        try await ReportKeys.put(report.reportID, [.init(
            recipient: ReportKeys.receipt, publicKey: "",
            wrappedKey: try ReportKeyWrap.wrap(key, receiptSecret: receiptSecret, lookup: report.lookup))], in: database)
        // The reporter now holds it; once a reader does too, the deployment key need not.
        let holders = try await ReportKeys.wraps(report.reportID, in: database).map(\.recipient)
        if holders.contains(where: { $0.hasPrefix("user:") || $0 == ReportKeys.recovery }) {
            try await ReportKeys.removeDeploymentWrap(report.reportID, in: database)
        }
        return key
    }

    func legacyKey(_ report: PortalReports.Stored) async throws -> SymmetricKey? {
        guard let wrap = try await ReportKeys.wrap(report.reportID, for: ReportKeys.deployment, in: database) else {
            return nil
        }
        return try legacy.reportKey(wrapped: wrap.wrappedKey, lookup: report.lookup)
    }

    /// Wraps every report `holder` can open for the current recipients who lack it (never for the member of staff
    /// a report is about), and retires the deployment key's wrap of each once readers and the reporter hold it.
    /// Returns how many reports were wrapped.
    @discardableResult
    func share(holder: String, privateKey: RecipientKey.PrivateKey) async throws -> Int {
        let recipients = try await recipients()
        let holderKey = RecipientKey.publicText(privateKey)
        var shared = 0
        for report in try await ReportKeys.missing(holder: holder, holderKey: holderKey, recipients: recipients,
                                                   in: database) {
            let key: SymmetricKey
            if let wrap = try await ReportKeys.wrap(report.reportID, for: holder, in: database),
               wrap.publicKey == holderKey {
                key = try ReportKeyWrap.unwrap(wrap.wrappedKey, with: privateKey, lookup: report.lookup)
            } else if let wrap = try await ReportKeys.wrap(report.reportID, for: ReportKeys.deployment, in: database) {
                key = try legacy.reportKey(wrapped: wrap.wrappedKey, lookup: report.lookup)
            } else {
                continue
            }
            let wanted = recipients.filter { report.lacking.contains($0.recipient) }
            try await ReportKeys.put(report.reportID, try wanted.map {
                ReportKeys.Wrap(recipient: $0.recipient, publicKey: $0.publicKey,
                                wrappedKey: try ReportKeyWrap.wrap(key, for: try RecipientKey.publicKey($0.publicKey),
                                                                   lookup: report.lookup))
            }, in: database)
            // The deployment key's wrap goes once readers hold the report, unless the reporter does not hold it yet
            // (a report from before keys per recipient): it stays until they come back with their receipt.
            if report.deploymentWrapped, report.reporterHolds, !recipients.isEmpty {
                try await ReportKeys.removeDeploymentWrap(report.reportID, in: database)
            }
            shared += 1
        }
        return shared
    }
}
