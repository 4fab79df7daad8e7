/// Cuts the cleaned lines of a file into speeches. A file is a compilation when a separator line
/// (`——————`, `***`) stands between speeches, or when a title is followed by the head of a
/// speech: a salutation (同志们：) after at most a few head lines (subtitle, speaker, date), or a
/// subtitle or speaker line with text after it. A speaker line, a date line, a subtitle or an
/// 附件 line never starts a speech: each belongs to the speech it sits in.
struct SpeechSplitter {
    var rules: ImportRules

    /// The speeches' lines, the separator lines removed, and the compilation's own title when
    /// the file opens with one (a title with no text of its own before the first speech).
    struct Split {
        var parts: [[SourceLine]]
        var collectionTitle: String?
        var removals: [Removal]
    }

    /// At most this many head lines stand between a title and the salutation.
    static let headLimit = 4

    func split(_ lines: [SourceLine]) -> Split {
        var segments: [[SourceLine]] = [[]]
        var removals: [Removal] = []
        for line in lines {
            if SeparatorLine.matches(line.text) {
                removals.append(Removal(line: line.number, column: 1, text: line.original, rule: "separator", wholeLine: true))
                if !(segments.last?.isEmpty ?? true) { segments.append([]) }
            } else {
                segments[segments.count - 1].append(line)
            }
        }
        var parts: [[SourceLine]] = []
        for segment in segments where !segment.isEmpty {
            let texts = segment.map(\.text)
            var starts = [0]
            // From the second line: a compilation's own title may stand right above the first
            // speech's. A line its format calls a title (a Word file's Title style) starts one.
            for index in texts.indices.dropFirst() where segment[index].hint == .title
                || (startsSpeech(texts, at: index) && index - starts[starts.count - 1] >= (starts.count == 1 ? 1 : 2)) {
                starts.append(index)
            }
            parts += zip(starts, starts.dropFirst() + [segment.count]).map { Array(segment[$0..<$1]) }
        }
        var collectionTitle: String?
        if parts.count > 1, let first = parts.first, first.count <= 2, first.allSatisfy({ isTitleLike($0.text) }) {
            collectionTitle = first.map(\.text).joined(separator: " ")
            parts.removeFirst()
        }
        return Split(parts: parts, collectionTitle: collectionTitle, removals: removals)
    }

    func startsSpeech(_ lines: [String], at index: Int) -> Bool {
        guard isTitleLike(lines[index]) else { return false }
        var next = index + 1
        var namesSpeech = false
        while next < lines.count, next - index <= Self.headLimit, let head = HeadLine.read(lines[next]) {
            switch head {
            case .subtitle, .speaker: namesSpeech = true
            case .date, .organization: break
            }
            next += 1
        }
        guard next < lines.count else { return false }
        return isSalutation(lines[next]) || (namesSpeech && HeadLine.read(lines[next]) == nil)
    }

    func isSalutation(_ line: String) -> Bool {
        let folded = Simplified.fold(line)
        return rules.salutations.contains { $0.matches(folded) }
    }

    /// Short, no sentence inside, and none of: a numbered part, a salutation, a head line, a
    /// separator or an 附件 line.
    func isTitleLike(_ line: String) -> Bool {
        let characters = Array(line)
        guard characters.count <= 50, !isSalutation(line), HeadLine.read(line) == nil, !SeparatorLine.matches(line) else { return false }
        if characters.dropLast().contains(where: { "。！？；".contains($0) }) { return false }
        if let last = characters.last, "。，；：".contains(last) { return false }
        let folded = Simplified.fold(line)
        if folded.hasPrefix("附件") { return false }
        return !SpeechStructure.startsNumbered(folded)
    }
}
