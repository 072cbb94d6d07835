// swift-tools-version: 6.1
import PackageDescription

// Benchmarks are their own package so that `swift test` in the root stays light. The root
// package is a path dependency; its identity is the name of the folder it is cloned into.
let rootIdentity = Context.packageDirectory.split(separator: "/").dropLast().last.map(String.init) ?? "tern"

let package = Package(
    name: "TernBenchmarks",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(path: ".."), .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    ],
    targets: [
        .systemLibrary(name: "CLibWBXML", pkgConfig: "libwbxml2", providers: [.apt(["libwbxml2-dev"])]),
        .executableTarget(
            name: "wbxml-throughput",
            dependencies: ["CLibWBXML", .product(name: "WBXML", package: rootIdentity)]
        ),
        .target(
            name: "BenchmarkSupport",
            dependencies: [
                .product(name: "ActiveSync", package: rootIdentity), .product(name: "WBXML", package: rootIdentity),
            ]
        ),
        .systemLibrary(name: "CEpoll"),
        .target(
            name: "PushBenchSupport",
            dependencies: [
                "BenchmarkSupport",
                "CEpoll",
                .product(name: "ActiveSync", package: rootIdentity),
                .product(name: "TernAuth", package: rootIdentity),
                .product(name: "TernStore", package: rootIdentity),
                .product(name: "TernSync", package: rootIdentity),
                .product(name: "WBXML", package: rootIdentity),
            ]
        ),
        .executableTarget(
            name: "store-throughput",
            dependencies: [
                "BenchmarkSupport",
                .product(name: "TernStore", package: rootIdentity),
                .product(name: "TernStoreSQLite", package: rootIdentity),
                .product(name: "TernImport", package: rootIdentity),
            ]
        ),
        .executableTarget(
            name: "sync-throughput",
            dependencies: [
                "BenchmarkSupport",
                .product(name: "TernImport", package: rootIdentity),
                .product(name: "TernAuth", package: rootIdentity),
                .product(name: "TernServer", package: rootIdentity),
                .product(name: "TernStore", package: rootIdentity),
                .product(name: "TernStoreSQLite", package: rootIdentity),
                .product(name: "TernStorePostgres", package: rootIdentity),
                .product(name: "WBXML", package: rootIdentity),
            ]
        ),
        .executableTarget(
            name: "push-latency",
            dependencies: [
                "BenchmarkSupport",
                "CEpoll",
                "PushBenchSupport",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "TernServer", package: rootIdentity),
                .product(name: "TernStore", package: rootIdentity),
                .product(name: "TernStoreSQLite", package: rootIdentity),
            ]
        ),
        .executableTarget(
            name: "push-cluster",
            dependencies: [
                "BenchmarkSupport",
                "CEpoll",
                "PushBenchSupport",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "TernServer", package: rootIdentity),
                .product(name: "TernStore", package: rootIdentity),
                .product(name: "TernStorePostgres", package: rootIdentity),
            ]
        ),
        .executableTarget(
            name: "mail-flow",
            dependencies: [
                "BenchmarkSupport",
                .product(name: "ActiveSync", package: rootIdentity),
                .product(name: "TernAuth", package: rootIdentity),
                .product(name: "TernServer", package: rootIdentity),
                .product(name: "TernStore", package: rootIdentity),
                .product(name: "TernStoreSQLite", package: rootIdentity),
                .product(name: "TernTesting", package: rootIdentity),
                .product(name: "WBXML", package: rootIdentity),
            ]
        ),
        .executableTarget(
            name: "soak",
            dependencies: [
                "BenchmarkSupport",
                .product(name: "ActiveSync", package: rootIdentity),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "TernAuth", package: rootIdentity),
                .product(name: "TernServer", package: rootIdentity),
                .product(name: "TernStore", package: rootIdentity),
                .product(name: "TernStoreSQLite", package: rootIdentity),
                .product(name: "TernSync", package: rootIdentity),
                .product(name: "TernTesting", package: rootIdentity),
                .product(name: "WBXML", package: rootIdentity),
            ]
        ),
        .executableTarget(
            name: "search-latency",
            dependencies: [
                "BenchmarkSupport",
                .product(name: "ActiveSync", package: rootIdentity),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "MIME", package: rootIdentity),
                .product(name: "TernAuth", package: rootIdentity),
                .product(name: "TernServer", package: rootIdentity),
                .product(name: "TernStore", package: rootIdentity),
                .product(name: "TernStoreSQLite", package: rootIdentity),
                .product(name: "WBXML", package: rootIdentity),
            ]
        ),
    ]
)
