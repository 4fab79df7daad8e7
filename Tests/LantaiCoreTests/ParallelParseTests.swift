import LantaiCore
import LantaiTestSupport
import Testing

/// Parsing on every core gives what parsing on one thread gives, and what cmark-gfm gives.
///
/// cmark-gfm's inline pass switches process-wide state (the characters that start an inline
/// construct); without `MarkdownParser.withInlinePass` around it, parsers on two threads undo
/// each other and some documents lose their links and strikethrough (checked: without it 12–18
/// of the 300 documents differ in each round, and even the one-thread render loses links while
/// the other test parses at the same time).
@Suite struct ParallelParseTests {
    /// Documents full of what the extensions add: autolinks (`www.` and `https://`, glued to
    /// Chinese text too), strikethrough, tables, task lists and footnotes.
    /// `glued` puts a URL right before Chinese text, which we end at the first Chinese
    /// character and cmark-gfm does not (the only deliberate difference in these documents).
    static func documents(count: Int, paragraphs: Int, glued: Bool = true) -> [String] {
        var random = SeededGenerator(seed: 22)
        let words = ["服务", "督查", "落实", "参谋", "办文", "办会", "办事", "protocol", "office"]
        func phrase() -> String { (0..<Int.random(in: 2...6, using: &random)).map { _ in words.randomElement(using: &random)! }.joined() }
        return (0..<count).map { document in
            (0..<paragraphs).map { paragraph in
                switch (document + paragraph) % 5 {
                case 0: return "\(phrase()) www.example.com/d\(document)/p\(paragraph) \(phrase())：https://example.org/\(paragraph)\(glued ? "" : " ")。\(phrase())"
                case 1: return "\(phrase()) ~~\(phrase())~~ and ~\(phrase())~ \(phrase())[^n\(paragraph)]\n\n[^n\(paragraph)]: \(phrase()) http://example.net/\(document)"
                case 2: return "| \(phrase()) | ~~\(phrase())~~ |\n| --- | :-: |\n| www.example.com/t\(paragraph) | \(phrase()) |"
                case 3: return "- [x] \(phrase()) https://example.com/\(document)\n- [ ] ~~\(phrase())~~"
                default: return "\(phrase())，\(phrase())。"
                }
            }.joined(separator: "\n\n") + "\n"
        }
    }

    static func render(_ markdown: String) -> String {
        var body = MarkdownParser.parse(markdown)
        var assigner = AnchorAssigner()
        assigner.assign(&body)
        var renderer = HTMLRenderer { destination, _ in .url(destination) }
        return renderer.render(body)
    }

    @Test func everyCoreRendersWhatOneThreadRenders() {
        let markdown = Self.documents(count: 300, paragraphs: 40)
        let oneThread = markdown.map(Self.render)
        let links = oneThread.reduce(0) { $0 + $1.components(separatedBy: "<a href=\"http").count - 1 }
        let struck = oneThread.reduce(0) { $0 + $1.components(separatedBy: "<del>").count - 1 }
        // Per document of 40 paragraphs, 8 of each kind: kind 0 has 2 links, kind 1 one, kind 2 one,
        // kind 3 one; kind 1 strikes 2, kinds 2 and 3 one each.
        #expect(links == 300 * 8 * 5)
        #expect(struck == 300 * 8 * 4)
        for round in 1...3 {
            let parallel = Parallel.map(markdown, Self.render)
            let differing = zip(oneThread, parallel).filter { $0 != $1 }.count
            #expect(differing == 0, "round \(round): \(differing) of \(markdown.count) documents differ from the one-thread render")
        }
    }

    @Test func everyCoreRendersWhatCMarkRenders() {
        let markdown = Self.documents(count: 200, paragraphs: 20, glued: false)
        let pairs = Parallel.map(markdown) { (ComparableHTML.canonical(Self.render($0)), ComparableHTML.canonical(CMarkReference.html($0))) }
        let differing = pairs.filter { $0.0 != $0.1 }
        #expect(differing.count == 0, "\(differing.count) documents differ from cmark-gfm, the first \(differing.first.map { ComparableHTML.difference($0.0, $0.1) } ?? "")")
    }
}
