/// Removes the anti-scraping junk that forum software sprinkles into pages and that copying
/// keeps: runs like `& P6 q& O( s* o7 L` of one- or two-character ASCII tokens separated by
/// single spaces, alone on a line or glued to the real text at a line's start or end.
///
/// A run counts only when it has `minimumTokens` tokens or more, so `5G App`, `GDP`, quoted
/// English and numbers stay. At the run's ends one ASCII character may be glued to the text
/// (`讲话& P6 …`, `… D. I全县`, `… C(一)要`); only that one character is taken, so a real
/// parenthesis or letter beside it stays.
public struct JunkStripper: Sendable {
    public var minimumTokens: Int

    public init(minimumTokens: Int = 3) {
        self.minimumTokens = minimumTokens
    }

    /// A removed run: its first scalar offset and its text.
    public struct Cut: Sendable, Hashable {
        public var offset: Int
        public var text: String
    }

    /// The line without junk, and the runs removed (offsets in unicode scalars of `line`).
    public func strip(_ line: String) -> (kept: String, cuts: [Cut]) {
        let scalars = Array(line.unicodeScalars)
        let words = Self.words(scalars)
        var removedRanges: [Range<Int>] = []
        var index = 0
        while index < words.count {
            guard let first = junkStart(words[index], in: scalars) else { index += 1; continue }
            // Extend over whole tokens separated by exactly one space.
            var last = index
            var end = first.upperBound
            var count = 1
            // A character glued to the text after it closes the run.
            var closed = false
            while !closed, last + 1 < words.count, words[last + 1].lowerBound == words[last].upperBound + 1 {
                let next = words[last + 1]
                if Self.isToken(next, in: scalars) {
                    end = next.upperBound
                } else if let head = Self.gluedHead(next, in: scalars) {
                    end = head.upperBound
                    closed = true
                } else {
                    break
                }
                last += 1
                count += 1
            }
            if count >= minimumTokens {
                // Take the space before the run when the run ends the line, and the space after
                // it otherwise, so no double space or stray edge space is left.
                var start = first.lowerBound
                var stop = end
                if stop == scalars.count, start > 0, scalars[start - 1] == " " { start -= 1 }
                else if stop < scalars.count, scalars[stop] == " ", !(start > 0 && scalars[start - 1] != " ") { stop += 1 }
                removedRanges.append(start..<stop)
                // A word whose head closed this run may end in junk glued to its tail.
                index = closed ? last : last + 1
            } else {
                index += 1
            }
        }
        guard !removedRanges.isEmpty else { return (line, []) }
        var kept = String.UnicodeScalarView()
        var cuts: [Cut] = []
        var position = 0
        for range in removedRanges {
            kept.append(contentsOf: scalars[position..<range.lowerBound])
            var text = String.UnicodeScalarView()
            text.append(contentsOf: scalars[range])
            cuts.append(Cut(offset: range.lowerBound, text: String(text)))
            position = range.upperBound
        }
        kept.append(contentsOf: scalars[position...])
        return (String(kept), cuts)
    }

    /// Where a run could begin in `word`: the whole word when it is a token, or its last
    /// character when that one ASCII character is glued to text before it (directly, or after
    /// one ASCII punctuation mark that belongs to the text: `工作:&`).
    private func junkStart(_ word: Range<Int>, in scalars: [Unicode.Scalar]) -> Range<Int>? {
        if Self.isToken(word, in: scalars) { return word }
        let last = word.upperBound - 1
        guard word.count >= 2, Self.isPrintableASCII(scalars[last]) else { return nil }
        if !scalars[last - 1].isASCII { return last..<word.upperBound }
        if word.count >= 3, Self.isPunctuation(scalars[last - 1]), !scalars[last - 2].isASCII { return last..<word.upperBound }
        return nil
    }

    private static func isPunctuation(_ scalar: Unicode.Scalar) -> Bool {
        ",.:;!?".unicodeScalars.contains(scalar)
    }

    /// The first character of `word` when it is one ASCII character glued to the text after it.
    private static func gluedHead(_ word: Range<Int>, in scalars: [Unicode.Scalar]) -> Range<Int>? {
        let first = word.lowerBound
        guard word.count >= 2, isPrintableASCII(scalars[first]) else { return nil }
        let second = scalars[first + 1]
        let opensStructure = second == "(" && word.count >= 3 && !scalars[first + 2].isASCII
        return !second.isASCII || opensStructure ? first..<first + 1 : nil
    }

    private static func isToken(_ word: Range<Int>, in scalars: [Unicode.Scalar]) -> Bool {
        word.count <= 2 && scalars[word].allSatisfy(isPrintableASCII)
    }

    private static func isPrintableASCII(_ scalar: Unicode.Scalar) -> Bool {
        (0x21...0x7E).contains(scalar.value)
    }

    /// Maximal runs of scalars other than the ASCII space.
    private static func words(_ scalars: [Unicode.Scalar]) -> [Range<Int>] {
        var words: [Range<Int>] = []
        var start: Int?
        for (offset, scalar) in scalars.enumerated() {
            if scalar == " " {
                if let begin = start { words.append(begin..<offset); start = nil }
            } else if start == nil {
                start = offset
            }
        }
        if let begin = start { words.append(begin..<scalars.count) }
        return words
    }
}
