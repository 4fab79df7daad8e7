import Foundation

/// Hands freed memory back to the system between stages.
///
/// A build allocates and frees a great deal while it parses and renders on every core; glibc
/// keeps what was freed inside its heaps, so the process's resident size stays at the high-water
/// mark of each stage even after the stage's temporaries are gone. `malloc_trim` releases the
/// free pages in every heap; the build calls it after each step that leaves much garbage
/// (parse, analyze, render, the posting lists). Looked up at run time: it is glibc's alone.
enum MemoryTrim {
    private typealias Trim = @convention(c) (Int) -> Int32

    private static let trim = SystemSymbol.lookup("malloc_trim", as: Trim.self)

    static func releaseFreedPages() {
        _ = trim?(0)
    }
}

/// A C function the platform's C library has but Swift's Glibc module does not declare (glibc
/// declares some only for `_GNU_SOURCE`, some in headers the module leaves out).
enum SystemSymbol {
    static func lookup<Function>(_ name: String, as type: Function.Type) -> Function? {
        #if os(Linux)
        guard let symbol = dlsym(nil, name) else { return nil }
        return unsafeBitCast(symbol, to: type)
        #else
        return nil
        #endif
    }
}
