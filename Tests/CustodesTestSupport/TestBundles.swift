import CustodesBundle
import CustodesSimulator
import Foundation

/// Simulated bundles for store tests, written once per test process and shared (tests only read them).
public enum TestBundles {
    /// A small noisy force: duplicates, late events, a malformed row per file kind, one bad roster row.
    public static let small: String = write(SimulationConfig(staff: 150, days: 30, seed: 41))

    /// A copy of `source` with only the named files, in a new folder.
    public static func subset(of source: String, files: [String]) throws -> String {
        let directory = NSTemporaryDirectory() + "custodes-subset-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        for file in files {
            try FileManager.default.copyItem(atPath: source + "/" + file, toPath: directory + "/" + file)
        }
        return directory
    }

    public static func files(in directory: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).sorted()
    }

    private static func write(_ config: SimulationConfig) -> String {
        let directory = NSTemporaryDirectory() + "custodes-store-bundle-" + UUID().uuidString
        _ = try! ForceSimulation(config: config).write(to: directory)
        return directory
    }
}
