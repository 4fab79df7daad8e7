import Foundation

/// Hands freed memory back to the system between stages.
///
/// A build allocates and frees a great deal while it parses and renders on every core; glibc
/// keeps what was freed inside its heaps, so the process's resident size stays at the high-water
/// mark of each stage even after the stage's temporaries are gone. `malloc_trim` releases the
/// free pages in every heap; a build that parsed much calls it after each step that leaves much
/// garbage (parse, analyze, render, the posting lists; `SiteBuilder.Parsed.trimsMemory`).
/// Looked up at run time: it is glibc's alone.
enum MemoryTrim {
    private typealias Trim = @convention(c) (Int) -> Int32

    private static let trim = SystemSymbol.lookup("malloc_trim", as: Trim.self)

    static func releaseFreedPages() {
        _ = trim?(0)
    }

    private typealias Option = @convention(c) (Int32, Int32) -> Int32

    /// Makes the allocator give memory back only when `releaseFreedPages` asks, and take it in
    /// large steps. glibc grows and shrinks each thread's heap with `mprotect`, which holds the
    /// process's memory-map lock for writing; a rebuild decoding ten thousand cache entries on two
    /// threads freed a buffer per entry, so one thread's heap shrank and grew again while the
    /// other's page faults waited on that lock (reading the parses from the cache at 10,000
    /// documents: 0.59 → 0.37 s, a third of it kernel time before). The trims between stages keep
    /// the peak where it was. Setting a threshold stops glibc from raising the one above which
    /// a block is mapped on its own (`mmap`, zeroed pages, `munmap` when freed) as large blocks
    /// are freed, so that one is set too, at the 32 MB glibc would raise it to: left at 128 KB,
    /// a full build at 10,000 documents spent 10–30 s in the kernel instead of 5–17 (three
    /// alternated runs each). Done once; looked up at run time like `malloc_trim`.
    static let trimOnlyWhenAsked: Void = {
        guard let option = SystemSymbol.lookup("mallopt", as: Option.self) else { return }
        let trimThreshold: Int32 = -1, topPad: Int32 = -2, mapThreshold: Int32 = -3  // M_TRIM_THRESHOLD, M_TOP_PAD, M_MMAP_THRESHOLD
        _ = option(trimThreshold, 256 << 20)
        _ = option(topPad, 64 << 20)
        _ = option(mapThreshold, 32 << 20)
    }()
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
