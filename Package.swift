// swift-tools-version:6.0
import Foundation
import PackageDescription

/// The folder whose linker script makes a release link take libstdc++ from its static archive.
let staticLink = URL(fileURLWithPath: #filePath).deletingLastPathComponent().path + "/Sources/pizhu/StaticLink"

/// Release builds of pizhu's own modules call metadata accessors directly instead of looking
/// generic types up by mangled name: the runtime's first look-up of each type (a demangling)
/// was a fifth of a large file's first screen (perf, 1 GB file, main thread 16.7k -> 14.1k samples).
let directMetadata: [SwiftSetting] = [
    .unsafeFlags(["-Xfrontend", "-disable-concrete-type-metadata-mangled-name-accessors"], .when(configuration: .release)),
]

let package = Package(
    name: "pizhu",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "pizhu", targets: ["pizhu"]),
        .executable(name: "pizhu-bench", targets: ["pizhu-bench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        // C glue
        // ncursesw and SQLite are linked from their static archives (libncursesw5-dev and
        // libsqlite3-dev install them): see the module maps.
        .systemLibrary(name: "CNCursesW"),
        .systemLibrary(name: "CGlibcExtras"),
        .target(name: "CSignalFlag"),
        .target(name: "CMappedCount"),
        .target(name: "CWidthTable"),
        .target(name: "CSHA256"),
        // ICU's headers (libicu-dev); the library itself is loaded on first use (see CICU.h).
        .target(name: "CICU"),
        // System ICU must not share a module with Foundation (duplicate ICU C types).
        .target(name: "CharsetDetection", dependencies: ["CICU"], swiftSettings: directMetadata),
        .target(name: "WordSegmentation", dependencies: ["CICU"], swiftSettings: directMetadata),

        // Pure core: never touches the terminal
        .target(name: "TextCore", dependencies: ["CGlibcExtras", "CMappedCount", "CWidthTable", "CSHA256", "CharsetDetection"],
                swiftSettings: directMetadata),
        .target(name: "ScreenCore", dependencies: ["TextCore"], swiftSettings: directMetadata),
        .target(name: "AnnotationCore", dependencies: ["TextCore", "CGlibcExtras"], swiftSettings: directMetadata),
        .target(name: "Export", dependencies: ["AnnotationCore", "TextCore"], swiftSettings: directMetadata),
        .systemLibrary(name: "CSQLite"),
        .target(name: "DocumentStore", dependencies: ["CSQLite", "TextCore"], swiftSettings: directMetadata),

        // Headless reader: state, keymap, commands, panes drawn into a ScreenBuffer
        .target(name: "ReaderUI", dependencies: ["TextCore", "ScreenCore", "AnnotationCore", "WordSegmentation"],
                swiftSettings: directMetadata),

        // The only importer of ncurses
        .target(name: "CursesTerminal", dependencies: ["CNCursesW", "CSignalFlag", "ScreenCore", "TextCore"],
                swiftSettings: directMetadata),

        // Executable: argument parsing and wiring
        .executableTarget(
            name: "pizhu",
            dependencies: [
                "TextCore", "ScreenCore", "ReaderUI", "CursesTerminal", "AnnotationCore", "DocumentStore", "Export",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            exclude: ["StaticLink"],
            swiftSettings: directMetadata,
            // A release build is linked at a fixed address (not position-independent): the
            // dynamic loader then has no 40,000 relocations to apply at every start (about
            // 0.4 ms; shared libraries, heap and stack are still placed at random). libstdc++
            // and libgcc (which the Swift runtime needs) come from their static archives too:
            // with -static-stdlib, nothing is left for the loader but glibc. Nor does it export
            // its 3,600 Swift symbols: the Swift runtime's start-up calls dladdr, which walks
            // every exported symbol (about 0.07 ms of each start).
            linkerSettings: [.unsafeFlags(["-Xclang-linker", "-no-pie", "-Xclang-linker", "-static-libgcc", "-L", staticLink,
                                           "-Xlinker", "--no-export-dynamic"],
                                          .when(configuration: .release))]
        ),

        // Tools
        .target(name: "TmuxDriver", dependencies: ["TextCore"]),
        .executableTarget(name: "pizhu-bench", dependencies: ["TmuxDriver", "TextCore", "AnnotationCore", "CGlibcExtras"]),

        // Tests
        .testTarget(name: "TextCoreTests", dependencies: ["TextCore", "CMappedCount", "CWidthTable", "CSHA256"]),
        // Golden/ holds expected exports, read by path (not resources).
        .testTarget(name: "ExportTests", dependencies: ["Export", "AnnotationCore", "TextCore", "TmuxDriver"], exclude: ["Golden"]),
        .testTarget(name: "FuzzTests", dependencies: ["TextCore", "AnnotationCore"]),
        .testTarget(name: "DocumentStoreTests", dependencies: ["DocumentStore", "TmuxDriver"]),
        .testTarget(name: "AnnotationCoreTests", dependencies: ["AnnotationCore", "TextCore", "TmuxDriver"]),
        .testTarget(name: "ReaderUITests", dependencies: ["ReaderUI", "ScreenCore", "TextCore", "AnnotationCore", "WordSegmentation", "TmuxDriver"]),
        .testTarget(name: "EndToEndTests", dependencies: ["pizhu", "TmuxDriver"]),
    ],
    swiftLanguageModes: [.v6]
)
