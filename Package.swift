// swift-tools-version: 6.2
import PackageDescription

// Layers, bottom to top: a small foundation (byte coding, the resource reader, zlib, seeded
// random numbers), the extraction pipeline (running stages only: no HTTP, no storage, no
// evaluation), the knowledge layer (store, registry, stories, timelines, persistence), the HTTP
// server, and the `chronicle` command. Corpus readers, scorers, trainers and benchmarks live in
// ChronicleEvaluation, which the CLI and the tests link and the service does not.
let package = Package(
    name: "chronicle",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "chronicle", targets: ["chronicle"]),
        .library(name: "ChroniclePipeline", targets: ["ChroniclePipeline"]),
        .library(name: "ChronicleKnowledge", targets: ["ChronicleKnowledge"]),
        .library(name: "ChronicleServer", targets: ["ChronicleServer"]),
    ],
    dependencies: [
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
        .package(url: "https://github.com/apple/swift-configuration.git", from: "1.4.0", traits: ["JSON", "YAML"]),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-system.git", from: "1.8.1"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-extras.git", from: "1.35.2"),
    ],
    targets: [
        .systemLibrary(name: "CZlib", path: "Sources/CZlib"),
        .target(name: "ChronicleFoundation", dependencies: ["CZlib"]),
        .target(
            name: "ChroniclePipeline",
            dependencies: ["ChronicleFoundation"],
            resources: [.process("Resources")]
        ),
        .target(
            name: "ChronicleKnowledge",
            dependencies: [
                "ChronicleFoundation",
                "ChroniclePipeline",
                .product(name: "Logging", package: "swift-log"),
            ],
            resources: [.process("Resources")]
        ),
        .target(
            name: "ChronicleEvaluation",
            dependencies: ["ChronicleFoundation", "ChroniclePipeline", "ChronicleKnowledge"]
        ),
        .target(
            name: "ChronicleServer",
            dependencies: [
                "ChronicleFoundation",
                "ChroniclePipeline",
                "ChronicleKnowledge",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "Configuration", package: "swift-configuration"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "SystemPackage", package: "swift-system"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ],
            resources: [.copy("Resources/openapi.json"), .copy("Resources/dashboard")]
        ),
        .executableTarget(
            name: "chronicle",
            dependencies: [
                "ChronicleFoundation",
                "ChroniclePipeline",
                "ChronicleEvaluation",
                "ChronicleKnowledge",
                "ChronicleServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Configuration", package: "swift-configuration"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // Finds `../shared` (the seeds and corpora) the same way for every test target, and gives
        // each test process one scratch folder, removed at exit.
        .target(name: "ChronicleTestSupport", dependencies: ["ChronicleFoundation"], path: "Tests/ChronicleTestSupport"),
        .testTarget(name: "ChronicleFoundationTests", dependencies: ["ChronicleFoundation", "ChronicleTestSupport"]),
        .testTarget(name: "ChroniclePipelineTests", dependencies: ["ChronicleFoundation", "ChroniclePipeline", "ChronicleTestSupport"]),
        .testTarget(
            name: "ChronicleEvaluationTests", dependencies: ["ChronicleEvaluation", "ChroniclePipeline", "ChronicleTestSupport"]),
        .testTarget(name: "ChronicleKnowledgeTests", dependencies: ["ChronicleFoundation", "ChronicleKnowledge", "ChronicleTestSupport"]),
        .testTarget(
            name: "ChronicleServerTests",
            dependencies: [
                "ChronicleFoundation",
                "ChronicleServer",
                "ChronicleTestSupport",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ]
        ),
        .testTarget(name: "ChronicleProcessTests", dependencies: ["ChronicleFoundation", "ChroniclePipeline", "ChronicleTestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
