@testable import CustodesBundle
import Foundation
import Testing

/// The CSV scanner on unquoted fields: every field boundary, line end, stray quote and byte outside ASCII found
/// wherever it falls in a field (tried with a scanner reading eight bytes at a time, which gained nothing measurable
/// on the audit files' short fields and was taken out; these tests stay for whatever replaces the byte loop).
@Suite("Scanning CSV")
struct CSVParserTests {
    static func parse(_ text: [UInt8]) throws -> [(fields: [String], problem: CSVParser.Problem?)] {
        let path = NSTemporaryDirectory() + "custodes-csv-\(UUID().uuidString).csv"
        defer { try? FileManager.default.removeItem(atPath: path) }
        try Data(text).write(to: URL(fileURLWithPath: path))
        let parser = try CSVParser(path: path)
        var records: [(fields: [String], problem: CSVParser.Problem?)] = []
        while parser.next() { records.append((parser.problem == nil ? parser.fields : [], parser.problem)) }
        return records
    }

    @Test("unquoted fields of every length split where a byte-by-byte reading splits them")
    func unquotedFields() throws {
        var numbers = SeededNumbers(seed: 9)
        let alphabet: [[UInt8]] = ["a", "b", "7", " ", "-", "é", "€"].map { Array($0.utf8) }
        var text: [UInt8] = []
        var expected: [[String]] = []
        for line in 0..<600 {
            // At least two fields, so that no line is blank (blank lines are skipped).
            let fields = (0..<(2 + Int(numbers.next(6)))).map { _ in
                (0..<Int(numbers.next(20))).flatMap { _ in alphabet[Int(numbers.next(UInt64(alphabet.count)))] }
            }
            text += Array(fields.joined(separator: [UInt8(ascii: ",")]))
            text += line % 3 == 0 ? Array("\r\n".utf8) : [UInt8(ascii: "\n")]
            expected.append(fields.map { String(decoding: $0, as: UTF8.self) })
        }
        let records = try Self.parse(text)
        #expect(records.count == expected.count)
        for (record, fields) in zip(records, expected) {
            #expect(record.problem == nil)
            #expect(record.fields == fields)
        }
    }

    @Test("a quote or a byte that is not UTF-8 is found at any place in an unquoted field")
    func problemsAtEveryPosition() throws {
        for position in 1..<17 {  // a quote at a field's start opens a quoted field instead
            let prefix = [UInt8](repeating: UInt8(ascii: "x"), count: position)
            let quoted = try Self.parse(Array("a,".utf8) + prefix + [UInt8(ascii: "\"")] + Array("yz,b\nc,d\n".utf8))
            #expect(quoted.map(\.problem) == [.quoteInUnquotedField, nil], "quote after \(position) bytes")
            #expect(quoted.last?.fields == ["c", "d"])
            let invalid = try Self.parse(Array("a,".utf8) + prefix + [0xFF] + Array("yz,b\nc,d\n".utf8))
            #expect(invalid.map(\.problem) == [.invalidUTF8, nil], "0xFF after \(position) bytes")
            let valid = try Self.parse(Array("a,".utf8) + prefix + Array("é,b\n".utf8))
            #expect(valid.first?.fields == ["a", String(repeating: "x", count: position) + "é", "b"])
        }
    }
}
