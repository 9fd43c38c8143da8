import Foundation

/// Wall-clock time for what the store records about its own work (batches, runs, changes), as epoch seconds.
enum Clock {
    static func epochSeconds() -> Int64 { Int64(Date().timeIntervalSince1970.rounded(.down)) }
}
