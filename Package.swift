// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Lantai",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "lantai", targets: ["lantai"]),
        .library(name: "LantaiCore", targets: ["LantaiCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    ],
    targets: [
        // Debian's cmark-gfm ships one pkg-config file that links both libraries.
        .systemLibrary(
            name: "CMarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        // libxml2's HTML parser reads saved web pages; FoundationXML parses XML only.
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        .target(
            name: "LantaiCore",
            dependencies: [
                "CMarkGFM",
                "CLibXML2",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            swiftSettings: [.unsafeFlags(["-enforce-exclusivity=unchecked"])]
        ),
        // The preview server: its own target, so the core library does not depend on a server.
        .target(
            name: "LantaiServer",
            dependencies: [
                "LantaiCore",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .executableTarget(
            name: "lantai",
            dependencies: [
                "LantaiCore",
                "LantaiServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .target(
            name: "LantaiTestSupport",
            dependencies: ["LantaiCore", "CMarkGFM"],
            path: "Tests/LantaiTestSupport"
        ),
        .testTarget(
            name: "LantaiCoreTests",
            dependencies: ["LantaiCore", "LantaiServer", "LantaiTestSupport"]
        ),
    ]
)

// libFuzzer targets, only when `make fuzz` asks for them (LANTAI_FUZZ=1): they run libFuzzer's
// driver, which links only with `-sanitize=fuzzer`, so a normal build must not see them.
if Context.environment["LANTAI_FUZZ"] != nil {
    package.targets.append(.target(name: "LantaiFuzzSupport", path: "Fuzz/Support",
                                   swiftSettings: [.enableExperimentalFeature("Extern")]))
    for name in ["FuzzFrontMatter", "FuzzMarkdown", "FuzzImport", "FuzzParallelParse"] {
        package.targets.append(.executableTarget(name: name, dependencies: ["LantaiTestSupport", "LantaiFuzzSupport"], path: "Fuzz/\(name)"))
    }
}
