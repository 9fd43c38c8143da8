@testable import CustodesBundle
import Testing

/// The byte-keyed table that resolves every audit row's member of staff and record: identifiers of every length
/// around the slot's inline limit (12 bytes), and ones that share their first bytes, must find exactly their own value.
@Suite("Identifier table")
struct IdentifierTableTests {
    /// Identifiers of 1 to 20 characters, and pairs equal but for their last byte or their length.
    static let identifiers: [String] = {
        var keys: [String] = []
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
        for length in 1...20 {
            let base = String(alphabet.prefix(length))
            keys.append(base)
            keys.append(String(base.dropLast()) + "9")
        }
        keys += ["P1297971", "P12979710", "P129797100", "P1297971000", "P12979710000", "P129797100000", "OCC10000085",
                 "OCC100000851", "OCC1000008512", "é-ÅÆØ", "12345678901234567890"]
        return Array(Set(keys)).sorted()
    }()

    @Test("every identifier finds its own value, whatever its length")
    func everyIdentifierFindsItsValue() {
        let dictionary = Dictionary(uniqueKeysWithValues: Self.identifiers.enumerated().map { ($1, Int32($0)) })
        let table = IdentifierTable(dictionary)
        for (key, value) in dictionary {
            var key = key
            let found = key.withUTF8 { table.lookup($0) }
            #expect(found == value, "\(key)")
        }
    }

    @Test("an unknown identifier, a prefix or an extension of a known one, is not found")
    func unknownIdentifiersAreNotFound() {
        let table = IdentifierTable(["P1297971": 0, "ABCDEFGHIJKL": 1, "ABCDEFGHIJKLMNOP": 2])
        for unknown in ["P129797", "P12979711", "ABCDEFGHIJK", "ABCDEFGHIJKLM", "ABCDEFGHIJKLMNO", "ABCDEFGHIJKLMNOPQ",
                        "ABCDEFGHIJKLMNOQ", "", "X"] {
            var unknown = unknown
            let found = unknown.withUTF8 { table.lookup($0) }
            #expect(found == nil, "\(unknown)")
        }
    }

    @Test("a large table of sequential identifiers resolves every one")
    func largeTable() {
        var dictionary: [String: Int32] = [:]
        for index in 0..<100_000 { dictionary["P\(1_000_000 + index)"] = Int32(index) }
        let table = IdentifierTable(dictionary)
        var misses = 0
        for (key, value) in dictionary {
            var key = key
            if key.withUTF8({ table.lookup($0) }) != value { misses += 1 }
        }
        #expect(misses == 0)
    }
}
