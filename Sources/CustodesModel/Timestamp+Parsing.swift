/// Parsing of the ISO 8601 forms the bundle accepts, straight from UTF-8 bytes: the reader calls this tens of
/// millions of times, so it neither allocates nor goes through a date formatter.
extension Timestamp {
    /// Why a time could not be read, worded for the person who produced the file.
    public enum ParseError: Error, Equatable, Sendable {
        case malformed
        case missingOffset
        case outOfRange
    }

    /// An instant: `YYYY-MM-DDTHH:MM[:SS[.fraction]]` followed by `Z` or `±HH:MM` (or `±HHMM`, `±HH`).
    /// A time without an offset is rejected: local time in an export is ambiguous around clock changes.
    public static func parseInstant(_ text: String) -> Result<Timestamp, ParseError> {
        var text = text
        return text.withUTF8 { parseInstant(bytes: $0) }
    }

    /// A date (`YYYY-MM-DD`, taken as midnight UTC) or a full instant.
    public static func parseDate(_ text: String) -> Result<Timestamp, ParseError> {
        var text = text
        return text.withUTF8 { bytes in
            if bytes.count == 10 {
                guard let days = datePart(bytes) else { return .failure(.malformed) }
                return .success(Timestamp(seconds: days * Self.day))
            }
            return parseInstant(bytes: bytes)
        }
    }

    public static func parseInstant(bytes: UnsafeBufferPointer<UInt8>) -> Result<Timestamp, ParseError> {
        guard bytes.count >= 16 else {
            return bytes.count == 10 && datePart(bytes) != nil ? .failure(.missingOffset) : .failure(.malformed)
        }
        guard let days = datePart(bytes) else { return .failure(.malformed) }
        guard bytes[10] == UInt8(ascii: "T") || bytes[10] == UInt8(ascii: " "),
              let hour = twoDigits(bytes, 11), bytes[13] == UInt8(ascii: ":"),
              let minute = twoDigits(bytes, 14)
        else { return .failure(.malformed) }
        var index = 16
        var second: Int64 = 0
        if index < bytes.count, bytes[index] == UInt8(ascii: ":") {
            guard let value = twoDigits(bytes, index + 1) else { return .failure(.malformed) }
            second = value
            index += 3
            if index < bytes.count, bytes[index] == UInt8(ascii: ".") || bytes[index] == UInt8(ascii: ",") {
                index += 1
                let start = index
                while index < bytes.count, isDigit(bytes[index]) { index += 1 }
                if index == start { return .failure(.malformed) }
            }
        }
        guard hour <= 23, minute <= 59, second <= 60 else { return .failure(.outOfRange) }
        guard index < bytes.count else { return .failure(.missingOffset) }
        var offset: Int64 = 0
        switch bytes[index] {
        case UInt8(ascii: "Z"), UInt8(ascii: "z"):
            index += 1
        case UInt8(ascii: "+"), UInt8(ascii: "-"):
            let sign: Int64 = bytes[index] == UInt8(ascii: "+") ? 1 : -1
            guard let offsetHours = twoDigits(bytes, index + 1) else { return .failure(.malformed) }
            index += 3
            var offsetMinutes: Int64 = 0
            if index < bytes.count {
                if bytes[index] == UInt8(ascii: ":") { index += 1 }
                guard let value = twoDigits(bytes, index) else { return .failure(.malformed) }
                offsetMinutes = value
                index += 2
            }
            guard offsetHours <= 18, offsetMinutes <= 59 else { return .failure(.outOfRange) }
            offset = sign * (offsetHours * 3600 + offsetMinutes * 60)
        default:
            return .failure(.malformed)
        }
        guard index == bytes.count else { return .failure(.malformed) }
        let secondsOfDay = hour * 3600 + minute * 60 + min(second, 59)
        return .success(Timestamp(seconds: days * Self.day + secondsOfDay - offset))
    }

    /// Days since the epoch of a leading `YYYY-MM-DD`, or nil when it is not a real calendar date.
    private static func datePart(_ bytes: UnsafeBufferPointer<UInt8>) -> Int64? {
        guard bytes.count >= 10,
              let century = twoDigits(bytes, 0), let yearOfCentury = twoDigits(bytes, 2),
              bytes[4] == UInt8(ascii: "-"), let month = twoDigits(bytes, 5),
              bytes[7] == UInt8(ascii: "-"), let day = twoDigits(bytes, 8)
        else { return nil }
        let year = century * 100 + yearOfCentury
        guard (1...12).contains(month), day >= 1, day <= daysInMonth(year, month) else { return nil }
        return days(fromCivil: year, month, day)
    }

    @inline(__always)
    private static func isDigit(_ byte: UInt8) -> Bool { byte &- UInt8(ascii: "0") < 10 }

    @inline(__always)
    private static func twoDigits(_ bytes: UnsafeBufferPointer<UInt8>, _ at: Int) -> Int64? {
        guard at + 1 < bytes.count, isDigit(bytes[at]), isDigit(bytes[at + 1]) else { return nil }
        return Int64(bytes[at] &- 48) * 10 + Int64(bytes[at + 1] &- 48)
    }
}
