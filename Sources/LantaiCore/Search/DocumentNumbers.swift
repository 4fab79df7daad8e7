/// The search index's number of each document, kept from build to build (in the build cache's
/// state) so that adding, removing or re-dating a document changes only its own postings: the
/// index is patched, not made again. A number is given once to a source path and kept while the
/// file exists; a new file takes the next number after the highest ever given, so its postings
/// go at the ends of their lists. Numbers of removed files stay unused ("holes").
///
/// Without earlier numbers (a first build, `--clean`), and when holes make up more than a
/// quarter of the numbers, every document is numbered again in the corpus's order (newest first):
/// a build from nothing therefore numbers exactly as it always did. Ranking never reads the
/// numbers except to break ties; the date order is a list of its own (`order`).
///
/// Numbers from `recentStart` on belong to the index's recent segment: documents added since the
/// segment was last merged, whose postings sit in small files of their own (`search/recent/`)
/// rather than in the shards of every gram they contain, so that adding today's speech rewrites
/// a few dozen files instead of thousands. When more than `recentLimit` numbers would lie in it,
/// `recentStart` moves to `count` and the next index folds them into the shards (one patch).
public struct DocumentNumbers: Sendable, Equatable {
    /// At most this many numbers (holes included) lie in the recent segment.
    public static let recentLimit = 12

    /// Source path → number.
    public var byPath: [String: Int]
    /// One more than the highest number given: the numbers a reader iterates over.
    public var count: Int
    /// The first number of the recent segment (`count` when it is empty).
    public var recentStart: Int

    public init(byPath: [String: Int], count: Int, recentStart: Int? = nil) {
        self.byPath = byPath
        self.count = count
        self.recentStart = recentStart ?? count
    }

    /// Numbers for `paths` (the corpus's documents in its order), keeping `previous`'s.
    public static func assign(_ paths: [String], previous: DocumentNumbers?) -> DocumentNumbers {
        let fresh = DocumentNumbers(byPath: Dictionary(paths.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first }), count: paths.count)
        guard let previous else { return fresh }
        var byPath: [String: Int] = [:]
        var next = previous.count
        for path in paths {
            if let number = previous.byPath[path] {
                byPath[path] = number
            } else {
                byPath[path] = next
                next += 1
            }
        }
        let recentStart = next - previous.recentStart > recentLimit ? next : previous.recentStart
        let numbers = DocumentNumbers(byPath: byPath, count: next, recentStart: recentStart)
        return numbers.holes > max(16, numbers.count / 4) ? fresh : numbers
    }

    /// Numbers below `count` no document has.
    public var holes: Int { count - byPath.count }

    /// The number of each of `paths` (the corpus's documents), and for each number its document's
    /// position in `paths` (nil for a hole).
    func numbers(of paths: [String]) -> (ids: [Int], documents: [Int?]) {
        let ids = paths.map { byPath[$0]! }
        var documents = [Int?](repeating: nil, count: count)
        for (index, id) in ids.enumerated() { documents[id] = index }
        return (ids, documents)
    }
}
