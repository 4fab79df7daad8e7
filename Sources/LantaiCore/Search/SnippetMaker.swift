/// Cuts the text around hits out of a document's segments and marks the hits.
enum SnippetMaker {
    /// How many scalars a snippet shows before and after its first hit.
    static let before = 30
    static let after = 90
    static let maximumSnippets = 2

    /// Up to two snippets from the segments that contain a term, paragraphs and headings before
    /// the title (which the result shows anyway).
    static func snippets(segments: [(anchor: String, start: Int, text: String)], terms: [String], pageURL: String) -> [SearchSnippet] {
        var snippets: [SearchSnippet] = []
        let ordered = segments.dropFirst() + segments.prefix(1)
        for segment in ordered {
            let ranges = highlights(in: segment.text, terms: terms)
            guard !ranges.isEmpty else { continue }
            snippets.append(cut(segment.text, ranges: ranges, anchor: segment.anchor, pageURL: pageURL))
            if snippets.count == maximumSnippets { break }
        }
        return snippets
    }

    /// Ranges, in scalars of `text`, of every occurrence of every term in the normalised text.
    static func highlights(in text: String, terms: [String]) -> [Range<Int>] {
        var normalized: [Unicode.Scalar] = []
        var origins: [Int] = []
        let scalars = text.unicodeScalars
        SearchNormalizer.normalize(text) { scalar, index in
            normalized.append(scalar)
            origins.append(scalars.distance(from: scalars.startIndex, to: index))
        }
        var ranges: [Range<Int>] = []
        for term in terms {
            let needle = Array(term.unicodeScalars)
            guard !needle.isEmpty, needle.count <= normalized.count else { continue }
            var start = 0
            while start + needle.count <= normalized.count {
                if normalized[start] == needle[0], Array(normalized[start..<(start + needle.count)]) == needle {
                    ranges.append(origins[start]..<(origins[start + needle.count - 1] + 1))
                    start += needle.count
                } else {
                    start += 1
                }
            }
        }
        return merge(ranges)
    }

    private static func merge(_ ranges: [Range<Int>]) -> [Range<Int>] {
        var merged: [Range<Int>] = []
        for range in ranges.sorted(by: { $0.lowerBound < $1.lowerBound }) {
            if let last = merged.last, range.lowerBound <= last.upperBound {
                merged[merged.count - 1] = last.lowerBound..<max(last.upperBound, range.upperBound)
            } else {
                merged.append(range)
            }
        }
        return merged
    }

    private static func cut(_ text: String, ranges: [Range<Int>], anchor: String, pageURL: String) -> SearchSnippet {
        let scalars = Array(text.unicodeScalars)
        let first = ranges[0].lowerBound
        let start = max(0, first - before)
        let end = min(scalars.count, first + after)
        let prefix = start > 0 ? "…" : ""
        let suffix = end < scalars.count ? "…" : ""
        let shown = prefix + String(String.UnicodeScalarView(scalars[start..<end])) + suffix
        let shift = prefix.unicodeScalars.count - start
        // Only hits wholly inside the window are marked; a hit cut at its edge would mark half a word.
        let visible = ranges.filter { $0.lowerBound >= start && $0.upperBound <= end }
            .map { [$0.lowerBound + shift, $0.upperBound + shift] }
        return SearchSnippet(anchor: anchor, url: pageURL + (anchor.isEmpty ? "" : "#" + anchor), text: shown, highlights: visible)
    }
}
