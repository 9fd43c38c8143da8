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

    /// The unit's current recipients: readers with a key, and the recovery key.
    func recipients() async throws -> [(recipient: String, publicKey: String)] {
        var recipients = try await UserAccounts.reportRecipients(roles: Self.readerRoles, in: database)
            .map { (ReportKeys.user($0.id), $0.publicKey) }
        if let recovery = try await UnitSettings.setting(UnitSettings.recoveryPublicKey, in: database)?.value {
            recipients.append((ReportKeys.recovery, recovery))
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
        return key
    }

    func legacyKey(_ report: PortalReports.Stored) async throws -> SymmetricKey? {
        guard let wrap = try await ReportKeys.wrap(report.reportID, for: ReportKeys.deployment, in: database) else {
            return nil
        }
        return try legacy.reportKey(wrapped: wrap.wrappedKey, lookup: report.lookup)
    }

    /// Wraps every report `holder` can open for the current recipients who lack it, and retires the deployment
    /// key's wrap of each once a reader or the recovery key holds it. Returns how many reports were wrapped.
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
            if report.deploymentWrapped, !recipients.isEmpty {
                try await ReportKeys.removeDeploymentWrap(report.reportID, in: database)
            }
            shared += 1
        }
        return shared
    }
}
