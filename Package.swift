// swift-tools-version:6.0
import Foundation
import PackageDescription

/// Library targets hide their imports unless they say `public import`, so no C type leaks out.
let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("InternalImportsByDefault"),
    .enableUpcomingFeature("ExistentialAny"),
]

/// Redbook's own code is optimized in every build, so `make demo` and `make test` share one debug
/// build (swift-syntax then builds in about a minute instead of ten) and still encode at full speed.
let optimized: [SwiftSetting] = [.unsafeFlags(["-O"])]

/// The encoder's vector loops use AVX2 and FMA when the machine that builds it has them, as
/// OpenBLAS picks its kernels for the CPU it runs on. `REDBOOK_PORTABLE=1` builds for any x86-64.
let encoderSettings: [SwiftSetting] = {
    #if arch(x86_64)
    guard ProcessInfo.processInfo.environment["REDBOOK_PORTABLE"] == nil,
          let cpuinfo = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8),
          let flags = cpuinfo.split(separator: "\n").first(where: { $0.hasPrefix("flags") })
    else { return [] }
    let present = Set(flags.split(separator: " ").map(String.init))
    guard present.contains("avx2"), present.contains("fma") else { return [] }
    return [.unsafeFlags(["-Xcc", "-mavx2", "-Xcc", "-mfma"]), .define("REDBOOK_AVX2")]
    #else
    return []
    #endif
}()

let package = Package(
    name: "Redbook",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "redbook", targets: ["redbook"]),
        .library(name: "RedbookRedis", targets: ["RedbookRedis"]),
        .library(name: "RedbookEncoder", targets: ["RedbookEncoder"]),
        .library(name: "RedbookTables", targets: ["RedbookTables"]),
        .library(name: "RedbookNotebook", targets: ["RedbookNotebook"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        // The step language is Swift syntax, parsed exactly by the compiler's own parser.
        .package(url: "https://github.com/swiftlang/swift-syntax", from: "603.0.1"),
    ],
    targets: [
        // C libraries: a module map and a shim header each, nothing else.
        .systemLibrary(name: "CHiredis", providers: [.apt(["libhiredis-dev"])]),
        .systemLibrary(name: "CEditline", providers: [.apt(["libedit-dev"])]),
        .systemLibrary(name: "CBLAS", providers: [.apt(["libopenblas-dev"])]),
        .systemLibrary(name: "CDNNL", providers: [.apt(["libdnnl-dev"])]),
        .systemLibrary(name: "CCmarkGFM", providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]),
        // The encoder's own AVX-512 kernel: Swift cannot choose instructions per function, C can.
        .target(name: "CEncoderKernels", cSettings: [.unsafeFlags(["-O2"])]),

        // Libraries, in the order data flows: each imports only targets listed before it.
        .target(name: "RedbookRedis", dependencies: ["CHiredis"], swiftSettings: swiftSettings + optimized),
        .target(name: "RedbookServer", dependencies: ["RedbookRedis"], swiftSettings: swiftSettings + optimized),
        .target(name: "RedbookEncoder", dependencies: ["CBLAS", "CDNNL", "CEncoderKernels"], swiftSettings: swiftSettings + optimized + encoderSettings),
        .target(name: "RedbookTables", swiftSettings: swiftSettings + optimized),
        .target(
            name: "RedbookDSL",
            dependencies: [
                "RedbookRedis", "RedbookEncoder", "RedbookTables",
                .product(name: "SwiftSyntax", package: "swift-syntax"),
                .product(name: "SwiftParser", package: "swift-syntax"),
                .product(name: "SwiftParserDiagnostics", package: "swift-syntax"),
                .product(name: "SwiftDiagnostics", package: "swift-syntax"),
            ],
            swiftSettings: swiftSettings + optimized
        ),
        .target(
            name: "RedbookSession",
            dependencies: ["RedbookRedis", "RedbookServer", "RedbookTables", "RedbookEncoder", "RedbookDSL"],
            swiftSettings: swiftSettings + optimized
        ),
        .target(
            name: "RedbookNotebook",
            dependencies: ["CCmarkGFM", "RedbookSession", "RedbookRedis", "RedbookTables"],
            swiftSettings: swiftSettings + optimized
        ),
        // The interactive session: the only importer of CEditline.
        .target(
            name: "RedbookREPL",
            dependencies: ["CEditline", "RedbookRedis", "RedbookServer", "RedbookDSL", "RedbookSession", "RedbookNotebook"],
            swiftSettings: swiftSettings + optimized
        ),
        .executableTarget(
            name: "redbook",
            dependencies: [
                "RedbookRedis", "RedbookServer", "RedbookEncoder", "RedbookTables",
                "RedbookDSL", "RedbookSession", "RedbookNotebook", "RedbookREPL",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: swiftSettings + optimized
        ),
        // libFuzzer targets, one per parser; scripts/fuzz builds it with the fuzzer linked in.
        .executableTarget(
            name: "redbook-fuzz",
            dependencies: ["RedbookRedis", "RedbookEncoder", "RedbookTables", "RedbookDSL", "RedbookSession", "RedbookNotebook"],
            swiftSettings: swiftSettings
        ),

        // Small programs that use the libraries directly.
        .executableTarget(
            name: "EmbeddedRedisExample",
            dependencies: ["RedbookRedis", "RedbookServer"],
            path: "Examples/EmbeddedRedis",
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "VectorSearchExample",
            dependencies: ["RedbookRedis", "RedbookServer", "RedbookEncoder", "RedbookTables"],
            path: "Examples/VectorSearch",
            swiftSettings: swiftSettings
        ),

        // Tests use the real server and the real model; this target finds and starts them.
        .target(
            name: "RedbookTestSupport",
            dependencies: ["RedbookRedis", "RedbookServer"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "RedbookRedisTests",
            dependencies: ["RedbookRedis", "RedbookServer", "RedbookTestSupport"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "RedbookServerTests",
            dependencies: ["RedbookServer", "RedbookRedis", "RedbookTestSupport"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "RedbookEncoderTests",
            dependencies: ["RedbookEncoder", "RedbookTestSupport"],
            exclude: ["Fixtures"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "RedbookTablesTests",
            dependencies: ["RedbookTables", "RedbookTestSupport"],
            exclude: ["Fixtures"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "RedbookDSLTests",
            dependencies: ["RedbookDSL", "RedbookTestSupport"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "RedbookSessionTests",
            dependencies: ["RedbookSession", "RedbookRedis", "RedbookTables", "RedbookTestSupport"],
            exclude: ["Golden"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "RedbookNotebookTests",
            dependencies: ["RedbookNotebook", "RedbookSession", "RedbookRedis", "RedbookTestSupport"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "RedbookREPLTests",
            dependencies: ["RedbookREPL", "RedbookSession", "RedbookRedis", "RedbookTestSupport"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "RedbookCLITests",
            dependencies: ["RedbookTestSupport", "RedbookRedis", "RedbookREPL"],
            swiftSettings: swiftSettings
        ),
    ]
)
