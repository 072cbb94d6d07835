// swift-tools-version: 6.1
import PackageDescription

/// Compiler settings every target shares: Swift 6 language mode plus the upcoming features
/// that make the architecture checkable (STYLE.md, example 15).
let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
    name: "Tern",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "tern", targets: ["tern"]),
        .executable(name: "tern-device", targets: ["tern-device"]),
        .library(name: "WBXML", targets: ["WBXML"]),
        .library(name: "ActiveSync", targets: ["ActiveSync"]),
        .library(name: "TernStore", targets: ["TernStore"]),
        .library(name: "TernStoreSQLite", targets: ["TernStoreSQLite"]),
        .library(name: "TernStorePostgres", targets: ["TernStorePostgres"]),
        .library(name: "MIME", targets: ["MIME"]),
        .library(name: "TernImport", targets: ["TernImport"]),
        .library(name: "TernSync", targets: ["TernSync"]),
        .library(name: "TernAuth", targets: ["TernAuth"]),
        .library(name: "TernPush", targets: ["TernPush"]),
        .library(name: "TernAdmin", targets: ["TernAdmin"]),
        .library(name: "TernServer", targets: ["TernServer"]),
        // Test helpers, a product so that the benchmarks can use the same corpora.
        .library(name: "TernTesting", targets: ["TernTesting"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        // Already in the graph through Hummingbird; the server's HTTP/1 pipeline names its codecs.
        .package(url: "https://github.com/apple/swift-nio-extras", from: "1.35.2"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.0"),
        // Already in the graph through hummingbird-auth; the device encrypts its cache with it.
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
        // Already in the graph through Hummingbird; named so the server can order its services.
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        // swift-metrics is in the graph through Hummingbird; /metrics exposes it in Prometheus' format.
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        // The PostgreSQL store: a connection pool, binding interpolation and LISTEN/NOTIFY.
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
    ],
    targets: [
        .target(name: "WBXML", swiftSettings: strictSettings),
        .target(name: "ActiveSync", dependencies: ["WBXML", "MIME"], swiftSettings: strictSettings),
        .target(name: "MIME", swiftSettings: strictSettings),
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        .target(
            name: "SchemaValidation",
            dependencies: ["CLibXML2", "WBXML"],
            swiftSettings: strictSettings
        ),
        .target(
            name: "TernStore",
            dependencies: ["ActiveSync", "MIME"],
            swiftSettings: strictSettings
        ),
        .target(
            name: "TernAuth",
            dependencies: [
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: strictSettings
        ),
        .target(
            name: "TernStoreSQLite",
            dependencies: ["ActiveSync", "TernStore", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: strictSettings
        ),
        .target(
            name: "TernStorePostgres",
            dependencies: [
                "ActiveSync", "TernStore",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ],
            swiftSettings: strictSettings
        ),
        .target(
            name: "TernStoreMigration",
            dependencies: [
                "TernStore", "TernStoreSQLite", "TernStorePostgres",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
            ],
            swiftSettings: strictSettings
        ),
        .target(
            name: "TernSync",
            dependencies: [
                "ActiveSync", "TernStore", "TernImport", "MIME", .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),
        .target(name: "TernImport", dependencies: ["ActiveSync", "TernStore", "MIME"], swiftSettings: strictSettings),
        .target(
            name: "TernPush",
            dependencies: ["TernStore", .product(name: "ServiceLifecycle", package: "swift-service-lifecycle")],
            swiftSettings: strictSettings
        ),
        .target(
            name: "TernAdmin",
            dependencies: ["ActiveSync", "TernAuth", "TernStore", "TernSync"],
            swiftSettings: strictSettings
        ),
        .target(
            name: "TernServer",
            dependencies: [
                "TernSync", "TernPush", "TernAdmin", "TernAuth", "TernStore", "TernImport", "ActiveSync", "MIME", "WBXML",
                "SchemaValidation",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "NIOTLS", package: "swift-nio"),
                .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
                .product(name: "NIOHTTPTypesHTTP1", package: "swift-nio-extras"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
            ],
            swiftSettings: strictSettings
        ),
        .target(
            name: "TernClient",
            dependencies: [
                "ActiveSync", "WBXML",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "CryptoExtras", package: "swift-crypto"),
            ],
            swiftSettings: strictSettings
        ),
        .target(name: "TerminalOutput", swiftSettings: strictSettings),
        .executableTarget(
            name: "tern",
            dependencies: [
                "ActiveSync", "TernServer", "TernAdmin", "TernAuth", "TernStore", "TernStoreSQLite", "TernStorePostgres",
                "TernStoreMigration", "TernImport", "TerminalOutput", "WBXML",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "tern-device",
            dependencies: [
                "TernClient", "TerminalOutput",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strictSettings
        ),
        .target(
            name: "TernTesting",
            dependencies: [
                "TernAuth", "TernServer", "TernStore", "TernStoreSQLite",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            path: "Tests/TernTesting",
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "WBXMLTests",
            dependencies: ["WBXML", "TernTesting"],
            exclude: ["Fixtures"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "SchemaValidationTests",
            dependencies: ["SchemaValidation", "WBXML", "TernTesting"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "TernStoreTests",
            dependencies: [
                "ActiveSync", "TernAuth", "TernStore", "TernStoreSQLite", "TernStorePostgres", "TernStoreMigration",
                "TernTesting",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "TernServerTests",
            dependencies: [
                "TernServer", "TernAdmin", "TernAuth", "TernPush", "ActiveSync", "TernStore", "TernStoreSQLite", "WBXML",
                "TernTesting",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "TernSyncTests",
            dependencies: ["TernSync", "TernImport", "TernAuth", "TernStore", "TernStoreSQLite", "ActiveSync", "WBXML", "TernTesting"],
            swiftSettings: strictSettings
        ),
        .testTarget(name: "ActiveSyncTests", dependencies: ["ActiveSync", "WBXML", "TernTesting"], swiftSettings: strictSettings),
        .testTarget(name: "MIMETests", dependencies: ["MIME", "TernTesting"], exclude: ["Fixtures"], swiftSettings: strictSettings),
        .testTarget(
            name: "TernImportTests",
            dependencies: ["ActiveSync", "TernImport", "TernStore"],
            exclude: ["Fixtures"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "TernClientTests",
            dependencies: [
                "TernClient", "TernServer", "TernAdmin", "TernAuth", "TernStore", "TernStoreSQLite", "ActiveSync", "WBXML",
                "MIME", "TernTesting",
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "EndToEndTests",
            dependencies: ["ActiveSync", "TernAuth", "TernStore", "TernStoreSQLite", "TernTesting"],
            exclude: ["Browser"],
            swiftSettings: strictSettings
        ),
        .testTarget(name: "TernPushTests", dependencies: ["TernPush", "TernStore"], swiftSettings: strictSettings),
    ]
)
