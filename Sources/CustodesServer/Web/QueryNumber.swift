import Hummingbird

/// Numbers read from a request's address, checked before any arithmetic is done with them. A page past anything
/// that can exist, a negative count or text where a number belongs is answered with 400 naming the parameter, never
/// carried into offset arithmetic where an overflow would stop the whole process.
enum QueryNumber {
    /// No list in the unit's application reaches this many pages of 100; a larger number is a mistake or a probe.
    static let maximumPage = 100_000

    /// The `page` parameter: 1 when absent or empty.
    static func page(_ request: Request) throws -> Int {
        try integer("page", in: request, range: 1...maximumPage) ?? 1
    }

    /// A whole-number parameter within `range`, or nil when absent or empty.
    static func integer(_ name: String, in request: Request, range: ClosedRange<Int>) throws -> Int? {
        guard let raw = request.uri.queryParameters[Substring(name)], !raw.isEmpty else { return nil }
        guard let value = Int(String(raw)), range.contains(value) else {
            throw WebError.badRequest("'\(name)' must be a whole number from \(range.lowerBound) to \(range.upperBound).")
        }
        return value
    }

    /// A decimal parameter within `range`, or nil when absent or empty.
    static func decimal(_ name: String, in request: Request, range: ClosedRange<Double>) throws -> Double? {
        guard let raw = request.uri.queryParameters[Substring(name)], !raw.isEmpty else { return nil }
        guard let value = Double(String(raw)), value.isFinite, range.contains(value) else {
            throw WebError.badRequest("'\(name)' must be a number from \(Int(range.lowerBound)) to \(Int(range.upperBound)).")
        }
        return value
    }
}
