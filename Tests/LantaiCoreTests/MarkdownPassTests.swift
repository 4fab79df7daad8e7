import Foundation
@testable import LantaiCore
import LantaiTestSupport
import Testing

/// Our passes over cmark's tree run in linear time; each gives what the simple version it
/// replaced gave (kept here as the oracle: it searched the rest of the text again for every
/// URL or bracket, quadratic on a long line), on random text made of the pieces that matter.
@Suite struct MarkdownPassTests {
    static func randomTexts(count: Int, seed: UInt64, pieces: [String]) -> [String] {
        var random = SeededGenerator(seed: seed)
        var texts: [String] = []
        for _ in 0..<count {
            var text = ""
            for _ in 0..<Int(random.next() % 41) { text += pieces[Int(random.next() % UInt64(pieces.count))] }
            texts.append(text)
        }
        return texts
    }

    @Test func autolinkSplitAgreesWithTheQuadraticVersion() {
        let pieces = ["https://", "http://", "www.", "a.com", "/x", "?q=1", "。", "结束", " ", "\t", ".", ",", "!", "'", "\"", "h", "w", "ttp", ":"]
        for text in Self.randomTexts(count: 5_000, seed: 7, pieces: pieces) {
            #expect(AutolinkTrimmer.split(text) == QuadraticOracle.autolinkSplit(text), "\(text)")
        }
    }

    @Test func wikiLinkSplitAgreesWithTheQuadraticVersion() {
        let pieces = ["[[", "]]", "[", "]", "|", "\n", "标题", "slug", " ", "文字", "a|b"]
        for text in Self.randomTexts(count: 5_000, seed: 8, pieces: pieces) {
            #expect(WikiLinkFinder.split(text, line: 3, byteColumn: 5) == QuadraticOracle.wikiSplit(text, line: 3, byteColumn: 5), "\(text)")
        }
    }
}

/// The versions of the passes before they were made linear, unchanged but for two fixes:
/// `[[|]]` (an empty target) crashed the wiki-link version, and a URL that trailing
/// punctuation cut back into its scheme (`www.。`) became a relative link `www`; both are text now.
enum QuadraticOracle {
    static let schemes = ["https://", "http://", "www."]

    /// Splits autolinked text into URLs and the text around them.
    static func autolinkSplit(_ text: String) -> [MarkdownNode] {
        var nodes: [MarkdownNode] = []
        var pendingText = ""
        var rest = Substring(text)
        while !rest.isEmpty {
            guard let start = schemes.compactMap({ rest.range(of: $0)?.lowerBound }).min() else {
                pendingText += rest
                break
            }
            pendingText += rest[..<start]
            var end = rest[start...].unicodeScalars.firstIndex { CJK.isCJK($0) || $0.properties.isWhitespace } ?? rest.endIndex
            while end > start, let last = rest[start..<end].unicodeScalars.last, ".,:;!?'\"".unicodeScalars.contains(last) {
                end = rest.unicodeScalars.index(before: end)
            }
            let url = String(rest[start..<end])
            if schemes.contains(where: { $0.hasPrefix(url) }) {
                pendingText += url
            } else {
                if !pendingText.isEmpty { nodes.append(MarkdownNode(kind: .text(pendingText))) }
                pendingText = ""
                let destination = url.hasPrefix("www.") ? "http://" + url : url
                nodes.append(MarkdownNode(kind: .link(destination: destination, title: ""), children: [MarkdownNode(kind: .text(url))]))
            }
            rest = rest[end...]
        }
        if !pendingText.isEmpty { nodes.append(MarkdownNode(kind: .text(pendingText))) }
        return nodes
    }

    /// The text as text and wiki-link nodes. A link's position is the text's position moved by
    /// the bytes before `[[` (the run is on one line: soft breaks are nodes of their own).
    static func wikiSplit(_ text: String, line: Int, byteColumn: Int) -> [MarkdownNode] {
        guard WikiLinkFinder.hasOpeningBrackets(text) else { return [node(.text(text), line: line, byteColumn: byteColumn)] }
        var nodes: [MarkdownNode] = []
        var pending = ""
        var rest = Substring(text)
        var offset = 0
        while let open = rest.range(of: "[["), let close = rest[open.upperBound...].range(of: "]]") {
            let inner = rest[open.upperBound..<close.lowerBound]
            let before = rest[..<open.lowerBound]
            guard !inner.isEmpty, !inner.contains("["), !inner.contains("\n") else {
                pending += rest[..<open.upperBound]
                offset += rest[..<open.upperBound].utf8.count
                rest = rest[open.upperBound...]
                continue
            }
            let parts = inner.split(separator: "|", maxSplits: 1, omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            guard !parts[0].isEmpty else {
                pending += rest[..<open.upperBound]
                offset += rest[..<open.upperBound].utf8.count
                rest = rest[open.upperBound...]
                continue
            }
            pending += before
            offset += before.utf8.count
            if !pending.isEmpty { nodes.append(node(.text(pending), line: line, byteColumn: byteColumn)) }
            pending = ""
            let target = parts[0]
            let label = parts.count > 1 && !parts[1].isEmpty ? parts[1] : target
            var link = node(.link(destination: "[[\(target)]]", title: ""), line: line, byteColumn: line > 0 ? byteColumn + offset : 0)
            link.children = [node(.text(label), line: line, byteColumn: byteColumn)]
            nodes.append(link)
            offset += rest[open.lowerBound..<close.upperBound].utf8.count
            rest = rest[close.upperBound...]
        }
        pending += rest
        if !pending.isEmpty { nodes.append(node(.text(pending), line: line, byteColumn: byteColumn)) }
        return nodes
    }

    private static func node(_ kind: MarkdownNode.Kind, line: Int, byteColumn: Int) -> MarkdownNode {
        MarkdownNode(kind: kind, line: line, byteColumn: byteColumn)
    }
}
