/// Finds enumerations in a text: three or more short items joined by 、 (参谋助手、综合协调、督促检查),
/// exactly where the regular expression `(?:[^S]{1,8}、){2,}[^S]{1,8}` matches, S being the
/// separators `，。；：！？、,;:`, leftmost first and without overlap.
///
/// A hand-written scan over the scalars, because the regular expression engine was a twentieth of a
/// build. The text falls into runs of non-separators; a match starts in a run that ends at a 、
/// (at most its last eight scalars), continues through whole runs of one to eight scalars each
/// followed by 、, and ends with one to eight scalars of the next run. When the run after the last
/// 、 is empty the last repeated item becomes the final one, as the regex's backtracking does.
enum EnumerationFinder {
    static let separators: Set<Unicode.Scalar> = ["，", "。", "；", "：", "！", "？", "、", ",", ";", ":"]

    /// Whether `scalar` is one of `separators`, without hashing it (this runs on every scalar of
    /// every paragraph with two 、).
    @inline(__always)
    static func isSeparator(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0xFF0C, 0x3002, 0xFF1B, 0xFF1A, 0xFF01, 0xFF1F, 0x3001, 0x2C, 0x3B, 0x3A: return true
        default: return false
        }
    }
    static let longestItem = 8

    /// The matches as ranges of scalar offsets into `scalars`.
    static func ranges(in scalars: [Unicode.Scalar]) -> [Range<Int>] {
        // Maximal runs of non-separators, each with the separator that ends it (nil at the end).
        var runs: [(start: Int, end: Int, next: Unicode.Scalar?)] = []
        var start = 0
        for (index, scalar) in scalars.enumerated() where isSeparator(scalar) {
            runs.append((start, index, scalar))
            start = index + 1
        }
        runs.append((start, scalars.count, nil))

        var matches: [Range<Int>] = []
        var searchFrom = 0
        var run = 0
        while run < runs.count {
            let first = runs[run]
            let matchStart = max(first.start, first.end - longestItem, searchFrom)
            guard first.next == "、", matchStart < first.end else { run += 1; continue }
            // Whole runs of 1…8 scalars, each followed by 、.
            var last = run
            while last + 1 < runs.count, runs[last + 1].next == "、",
                  (1...longestItem).contains(runs[last + 1].end - runs[last + 1].start) {
                last += 1
            }
            let repeated = last - run + 1
            let final = last + 1 < runs.count ? runs[last + 1] : nil
            if let final, final.end > final.start {
                guard repeated >= 2 else { run += 1; continue }
                let end = final.start + min(longestItem, final.end - final.start)
                matches.append(matchStart..<end)
                searchFrom = end
                run = last + 1
            } else {
                // Nothing after the last 、: the last repeated item is the final one.
                guard repeated >= 3 else { run += 1; continue }
                matches.append(matchStart..<runs[last].end)
                searchFrom = runs[last].end
                run = last + 1
            }
        }
        return matches
    }
}
