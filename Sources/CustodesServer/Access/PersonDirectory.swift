import CustodesDetection
import CustodesStore
import NIOConcurrencyHelpers

/// Finds the person behind a pseudonym. Pseudonyms are keyed hashes, matched rather than reversed, so the first
/// look-up hashes every person in the store once and keeps the table; a pseudonym not in it (a person ingested
/// since) rebuilds it, at most once a minute, so a stream of made-up pseudonyms cannot make every request hash the
/// whole population.
final class PersonDirectory: Sendable {
    private struct State {
        var table: [String: String] = [:]
        var builtAt: Int64?
    }
    private let state = NIOLockedValueBox(State())
    let pseudonymiser: Pseudonymiser

    init(pseudonymiser: Pseudonymiser) {
        self.pseudonymiser = pseudonymiser
    }

    func personID(pseudonym: String, now: Int64, in database: StoreDatabase) async throws -> String? {
        let (found, builtAt) = state.withLockedValue { ($0.table[pseudonym], $0.builtAt) }
        if let found { return found }
        if let builtAt, now - builtAt < 60 { return nil }
        var table: [String: String] = [:]
        for personID in try await PersonRecord.allPersonIDs(in: database) {
            table[pseudonymiser.person(personID)] = personID
        }
        state.withLockedValue { $0 = State(table: table, builtAt: now) }
        return table[pseudonym]
    }
}
