// swift-tools-version: 6.2
import PackageDescription

// Layers, bottom to top: the extraction pipeline (no HTTP, no storage), the knowledge store
// (articles, entities, events, persistence), the HTTP server, and the `chronicle` command.
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
        .target(
            name: "ChroniclePipeline",
            dependencies: ["CZlib"],
            resources: [.process("Resources")]
        ),
        .systemLibrary(name: "CZlib", path: "Sources/CZlib"),
        .target(
            name: "ChronicleKnowledge",
            dependencies: [
                "ChroniclePipeline",
                "CZlib",
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(
            name: "ChronicleServer",
            dependencies: [
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
                "ChroniclePipeline",
                "ChronicleKnowledge",
                "ChronicleServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Configuration", package: "swift-configuration"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .testTarget(name: "ChroniclePipelineTests", dependencies: ["ChroniclePipeline"]),
        .testTarget(name: "ChronicleKnowledgeTests", dependencies: ["ChronicleKnowledge"]),
        .testTarget(
            name: "ChronicleServerTests",
            dependencies: [
                "ChronicleServer",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ]
        ),
        .testTarget(name: "ChronicleProcessTests", dependencies: ["ChroniclePipeline"]),
    ],
    swiftLanguageModes: [.v6]
)
