public import CustodesStore
import CustodesDetection

/// Whether a deployment key is the one a store was set up with. Pseudonyms, sealed second-factor secrets and the
/// trail's seals are made with it; started with another key, the server would show new pseudonyms for old alerts,
/// fail every second-factor step and find the trail's seals broken. So a server refuses to start with a key that does not open what the store already holds.
public enum DeploymentKeyCheck {
    /// Whether the store holds anything made with a deployment key (a sealed secret, a sealed trail entry or an
    /// alert's pseudonym): a store that does not may be given a new key.
    public static func storeIsKeyed(_ database: StoreDatabase) async throws -> Bool {
        if try await UserAccounts.all(in: database).contains(where: { $0.sealedTOTPSecret != nil }) { return true }
        if try await AuditTrail.hasSealedEntries(in: database) { return true }
        return try await StaffProfile.anyPseudonym(in: database) != nil
    }

    /// What in the store does not match `key`, in words for the person starting the server; nil when everything
    /// that was made with a key was made with this one.
    public static func mismatch(_ key: [UInt8], in database: StoreDatabase) async throws -> String? {
        let box = SecretBox(deploymentKey: key)
        if let account = try await UserAccounts.all(in: database).first(where: { $0.sealedTOTPSecret != nil }),
           let sealed = account.sealedTOTPSecret, (try? box.open(sealed, userID: account.id)) == nil {
            return "the accounts' second-factor secrets do not open with it"
        }
        if try await AuditTrail.newestSealMatches(TrailSeal(deploymentKey: key), in: database) == false {
            return "the audit trail's seals were made with another key"
        }
        if let sample = try await StaffProfile.anyPseudonym(in: database),
           Pseudonymiser(key: key).staff(sample.staffID) != sample.pseudonym {
            return "the stored alerts' pseudonyms were made with another key"
        }
        return nil
    }
}
