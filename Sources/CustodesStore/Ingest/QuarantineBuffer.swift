import CustodesBundle

/// Holds quarantined rows until they are written to the store with the events read alongside them.
final class QuarantineBuffer: QuarantineSink {
    private(set) var entries: [QuarantineEntry] = []

    func quarantine(_ entry: QuarantineEntry) { entries.append(entry) }

    /// The entries so far, leaving the buffer empty.
    func drain() -> [QuarantineEntry] {
        defer { entries.removeAll(keepingCapacity: true) }
        return entries
    }
}
