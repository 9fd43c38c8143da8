// swift-tools-version: 6.1
import Foundation
import PackageDescription

let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("InternalImportsByDefault"),
    .enableUpcomingFeature("ExistentialAny"),
]

/// The modules on the per-event path (reading audit rows, detection) skip the runtime's exclusivity checks in release
/// builds: profiling showed them at 15% of the event pass. Debug builds, and so every test run, keep the checks.
let hotPathSettings: [SwiftSetting] = swiftSettings + [
    .unsafeFlags(["-enforce-exclusivity=unchecked"], .when(configuration: .release)),
]

let package = Package(
    name: "Custodes",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "custodes", targets: ["custodes"]),
        .library(name: "CustodesModel", targets: ["CustodesModel"]),
        .library(name: "CustodesBundle", targets: ["CustodesBundle"]),
        .library(name: "CustodesSimulator", targets: ["CustodesSimulator"]),
        .library(name: "CustodesDetection", targets: ["CustodesDetection"]),
        .library(name: "CustodesAssurance", targets: ["CustodesAssurance"]),
        .library(name: "CustodesStore", targets: ["CustodesStore"]),
        .library(name: "CustodesServer", targets: ["CustodesServer"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "5.0.1"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.3"),
        .package(url: "https://github.com/vapor/sql-kit", from: "3.36.0"),
        .package(url: "https://github.com/vapor/sqlite-kit", from: "4.5.2"),
        .package(url: "https://github.com/vapor/sqlite-nio", from: "1.13.2"),
        .package(url: "https://github.com/vapor/postgres-kit", from: "2.17.0"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/vapor/multipart-kit", from: "4.7.1"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
    ],
    targets: [
        // The POLE domain model: people, occurrences, staff, audit events. Pure values, no I/O.
        .target(name: "CustodesModel", swiftSettings: swiftSettings),
        // A cache prefetch hint for reading audit rows and for detection, which Swift cannot express (see custodes_prefetch.h).
        .target(name: "CCustodesPrefetch"),
        // The one way Custodes parses YAML: a size limit and a parse on a large stack with the tree measured, so no
        // file, however nested, can overflow the stack.
        .target(name: "CustodesYAML", dependencies: [.product(name: "Yams", package: "Yams")], swiftSettings: swiftSettings),
        // The force data bundle: the input contract, streaming readers, validation and quarantine.
        .target(name: "CustodesBundle", dependencies: ["CustodesModel", "CCustodesPrefetch"], swiftSettings: hotPathSettings),
        // A synthetic force with ground truth, for development, demonstration and measurement.
        .target(name: "CustodesSimulator", dependencies: ["CustodesModel", "CustodesBundle"], swiftSettings: swiftSettings),
        // Active monitoring: explanation of every access, indicators, risk per member of staff, alerts, evaluation.
        .target(
            name: "CustodesDetection",
            dependencies: [
                "CustodesModel",
                "CCustodesPrefetch",
                "CustodesYAML",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Yams", package: "Yams"),
            ],
            swiftSettings: hotPathSettings
        ),
        // The inspectorate's assessment of forces' plans: findings, letters, categories and the national overview.
        .target(
            name: "CustodesAssurance",
            dependencies: ["CustodesModel", "CustodesYAML", .product(name: "Yams", package: "Yams")],
            swiftSettings: swiftSettings
        ),
        // The durable store: SQLite or PostgreSQL behind one interface, migrations, ingest and resumable detection.
        .target(
            name: "CustodesStore",
            dependencies: [
                "CustodesModel", "CustodesBundle", "CustodesDetection", "CCustodesPrefetch",
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "SQLiteKit", package: "sqlite-kit"),
                .product(name: "SQLiteNIO", package: "sqlite-nio"),
                .product(name: "PostgresKit", package: "postgres-kit"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: swiftSettings
        ),
        // The HTTP server: the unit's web application and JSON API, the ingest API for connectors, sign-in and
        // access control, with detection running beside it.
        .target(
            name: "CustodesServer",
            dependencies: [
                "CustodesStore", "CustodesDetection", "CustodesBundle", "CustodesModel", "CustodesAssurance", "CustodesYAML",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "CryptoExtras", package: "swift-crypto"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "HummingbirdOTP", package: "hummingbird-auth"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "MultipartKit", package: "multipart-kit"),
                .product(name: "Yams", package: "Yams"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
            ],
            swiftSettings: swiftSettings
        ),
        // The command-line interface: one subcommand per job.
        .executableTarget(
            name: "custodes",
            dependencies: [
                "CustodesModel", "CustodesBundle", "CustodesSimulator", "CustodesDetection", "CustodesAssurance",
                "CustodesStore", "CustodesServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(name: "CustodesModelTests", dependencies: ["CustodesModel"], swiftSettings: swiftSettings),
        .testTarget(name: "CustodesYAMLTests", dependencies: ["CustodesYAML"], swiftSettings: swiftSettings),
        .testTarget(name: "CustodesBundleTests", dependencies: ["CustodesBundle"], swiftSettings: swiftSettings),
        .testTarget(name: "CustodesDetectionTests",
                    dependencies: ["CustodesDetection", "CustodesSimulator", "CustodesBundle", "CustodesModel"],
                    swiftSettings: swiftSettings),
        .testTarget(name: "CustodesSimulatorTests", dependencies: ["CustodesSimulator", "CustodesBundle", "CustodesModel"],
                    swiftSettings: swiftSettings),
        // Fixtures the store's and the server's tests share: stores of each engine, simulated bundles.
        .target(
            name: "CustodesTestSupport",
            dependencies: [
                "CustodesStore", "CustodesSimulator", "CustodesBundle",
                .product(name: "SQLKit", package: "sql-kit"),
            ],
            path: "Tests/CustodesTestSupport",
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "CustodesStoreTests",
            dependencies: [
                "CustodesTestSupport",
                "CustodesStore", "CustodesSimulator", "CustodesBundle", "CustodesDetection", "CustodesModel",
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "NIOCore", package: "swift-nio"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "CustodesServerTests",
            dependencies: [
                "CustodesTestSupport", "CustodesServer", "CustodesStore", "CustodesSimulator", "CustodesDetection", "CustodesModel",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "CustodesAssuranceTests",
            dependencies: ["CustodesAssurance"],
            resources: [.copy("Fixtures")],
            swiftSettings: swiftSettings
        ),
    ]
)

// Fuzz targets for libFuzzer, added only when CUSTODES_FUZZ is set, as Hummingbird adds its benchmarks, so ordinary
// builds and tests stay as they are. `scripts/fuzz` builds them with `--sanitize=fuzzer,address` and runs them.
if ProcessInfo.processInfo.environment["CUSTODES_FUZZ"] != nil {
    package.targets += [
        .executableTarget(name: "BundleFuzzer", dependencies: ["CustodesBundle", "CustodesModel"],
                          path: "Fuzz/BundleFuzzer", swiftSettings: swiftSettings),
        .executableTarget(name: "RulesFuzzer", dependencies: ["CustodesDetection"],
                          path: "Fuzz/RulesFuzzer", swiftSettings: swiftSettings),
        .executableTarget(name: "FindingsFuzzer", dependencies: ["CustodesAssurance"],
                          path: "Fuzz/FindingsFuzzer", swiftSettings: swiftSettings),
    ]
}
