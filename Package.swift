// swift-tools-version:6.1
import PackageDescription

/// One set of Swift settings for every target: Swift 6 mode, complete concurrency checking, explicit `any`.
let swiftSettings: [SwiftSetting] = [
    .swiftLanguageMode(.v6),
    .enableUpcomingFeature("ExistentialAny"),
    .enableExperimentalFeature("StrictConcurrency"),
]

let package = Package(
    name: "cqo-registry",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "cqo-registry", targets: ["cqo-registry"])
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", exact: "1.16.2"),
    ],
    targets: [
        // MARK: - System libraries
        .systemLibrary(name: "COpenSSL", pkgConfig: "openssl", providers: [.apt(["libssl-dev"])]),
        .systemLibrary(name: "CZlib", providers: [.apt(["zlib1g-dev"])]),
        .systemLibrary(name: "CLinux"),  // epoll, eventfd, malloc_trim, thread names: what Glibc's module lacks

        // MARK: - Infrastructure (knows nothing of CQOs)
        .target(name: "CryptoSupport", dependencies: ["COpenSSL"], swiftSettings: swiftSettings),
        .target(name: "Sockets", dependencies: ["CLinux"], swiftSettings: swiftSettings),
        .target(name: "HTTP1", swiftSettings: swiftSettings),
        .target(
            name: "HTTPServer",
            dependencies: [
                "Sockets", "HTTP1", "COpenSSL", "CZlib", "CLinux", "CryptoSupport",
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings),

        // MARK: - The registry
        .target(name: "RegistryDomain", swiftSettings: swiftSettings),
        .target(
            name: "RegistryStore",
            dependencies: [
                "RegistryDomain", "CryptoSupport", "CLinux",
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            swiftSettings: swiftSettings,
            plugins: ["EmbedFiles"]),
        .target(
            name: "RegistryAPI",
            dependencies: [
                "HTTPServer", "RegistryDomain", "CryptoSupport",
                .product(name: "Logging", package: "swift-log"),
            ],
            exclude: ["Resources"],
            swiftSettings: swiftSettings,
            plugins: ["EmbedFiles"]),
        .target(
            name: "RegistryTesting",
            dependencies: [
                "RegistryAPI", "RegistryStore", "RegistryDomain", "HTTPServer",
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            swiftSettings: swiftSettings),
        .executableTarget(
            name: "cqo-registry",
            dependencies: [
                "RegistryAPI", "RegistryStore", "RegistryDomain", "HTTPServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings),

        // MARK: - Build tooling: Migrations/*.sql, openapi.yaml and the dashboard travel inside the binary
        .executableTarget(name: "embed-files", path: "Plugins/EmbedFilesTool", swiftSettings: swiftSettings),
        .plugin(name: "EmbedFiles", capability: .buildTool(), dependencies: ["embed-files"]),

        // MARK: - Benchmark: HTTPServer alone, serving the bench peers' endpoints (see bench/ServerBench)
        .executableTarget(
            name: "server-bench",
            dependencies: [
                "HTTPServer", .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "bench/ServerBench", swiftSettings: swiftSettings),

        // MARK: - Tests
        .testTarget(name: "SocketsTests", dependencies: ["Sockets"], swiftSettings: swiftSettings),
        .testTarget(name: "HTTP1Tests", dependencies: ["HTTP1"], swiftSettings: swiftSettings),
        .testTarget(
            name: "HTTPServerTests", dependencies: ["HTTPServer", "Sockets", "HTTP1"], swiftSettings: swiftSettings),
        .testTarget(name: "CryptoSupportTests", dependencies: ["CryptoSupport"], swiftSettings: swiftSettings),
        .testTarget(name: "RegistryDomainTests", dependencies: ["RegistryDomain"], swiftSettings: swiftSettings),
        .testTarget(
            name: "RegistryStoreTests",
            dependencies: ["RegistryStore", "RegistryDomain", "RegistryTesting"],
            swiftSettings: swiftSettings),
        .testTarget(
            name: "RegistryAPITests",
            dependencies: ["RegistryAPI", "RegistryTesting", "RegistryDomain", "HTTPServer", "CryptoSupport"],
            swiftSettings: swiftSettings),
        .testTarget(
            name: "CommandTests",
            dependencies: ["cqo-registry", "RegistryTesting", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: swiftSettings),
    ]
)
