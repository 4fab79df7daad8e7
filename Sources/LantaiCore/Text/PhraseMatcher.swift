/// Finds every occurrence of a fixed set of phrases in one pass over a text's UTF-8 bytes (an
/// Aho–Corasick automaton). Topic scoring looks for some hundred signal phrases in every paragraph
/// of every document; searching for each phrase separately made it the slowest step of a build.
struct PhraseMatcher: Sendable {
    /// A phrase found in a text: its index in the phrase list and its UTF-8 byte range.
    struct Match: Sendable, Hashable {
        var phrase: Int
        var start: Int
        var end: Int
    }

    /// `next[state * 256 + byte]`: the state after reading `byte` (failure links folded in).
    private var next: [Int32]
    /// Per state, the phrases that end there (its own and those of its failure chain).
    private var endings: [[Int]]
    private var lengths: [Int]

    init(phrases: [String]) {
        lengths = phrases.map(\.utf8.count)
        // The trie, with missing transitions as -1.
        var trie: [Int32] = Array(repeating: -1, count: 256)
        var endings: [[Int]] = [[]]
        for (index, phrase) in phrases.enumerated() where !phrase.isEmpty {
            var state = 0
            for byte in phrase.utf8 {
                let slot = state * 256 + Int(byte)
                if trie[slot] < 0 {
                    trie[slot] = Int32(endings.count)
                    endings.append([])
                    trie += Array(repeating: -1, count: 256)
                }
                state = Int(trie[slot])
            }
            endings[state].append(index)
        }
        // Breadth first: each state's missing transitions are its failure state's transitions.
        var failure = Array(repeating: 0, count: endings.count)
        var queue: [Int] = []
        for byte in 0..<256 {
            if trie[byte] < 0 { trie[byte] = 0 } else { queue.append(Int(trie[byte])) }
        }
        var head = 0
        while head < queue.count {
            let state = queue[head]
            head += 1
            endings[state] += endings[failure[state]]
            for byte in 0..<256 {
                let slot = state * 256 + byte
                let fallback = trie[failure[state] * 256 + byte]
                if trie[slot] < 0 {
                    trie[slot] = fallback
                } else {
                    failure[Int(trie[slot])] = Int(fallback)
                    queue.append(Int(trie[slot]))
                }
            }
        }
        next = trie
        self.endings = endings
    }

    /// Every occurrence of every phrase, overlapping ones included, ordered by where they end.
    func matches(in text: String) -> [Match] {
        var found: [Match] = []
        var state = 0
        var offset = 0
        for byte in text.utf8 {
            state = Int(next[state &* 256 &+ Int(byte)])
            offset += 1
            for phrase in endings[state] {
                found.append(Match(phrase: phrase, start: offset - lengths[phrase], end: offset))
            }
        }
        return found
    }
}
