/// A body's HTML with what Lantai adds to cmark-gfm's rendering taken out and the spellings
/// that mean the same made one, so our body and cmark-gfm's own HTML for the same Markdown can
/// be compared as strings.
///
/// Taken out: `id`, `class`, `aria-label` and `data-*` attributes, the anchor links after
/// headings and paragraphs (`<a class="anchor">`), the wrapper around tables, the `<p>` of
/// tight list items (cmark writes none). Made one: `align-left`
/// classes and `align="left"`, `<br />` and `<br>`, `disabled=""` and `disabled`, character
/// references in text and attributes (decoded, then `&`, `<`, `>` and `"` escaped), white space
/// beside the tags of block elements (outside `<pre>` it shows nothing there). Everything else, text and tags, must be the same.
public enum ComparableHTML {
    public static func canonical(_ html: String) -> String {
        var output = ""
        var skippingAnchor = false
        var droppedEnds: [String: [Bool]] = [:]
        var tokens = HTMLTokens(html).all()
        tokens = tokens.filter { token in
            switch token {
            case .start(let name, let attributes):
                if skippingAnchor { return false }
                let classes = attributes.first { $0.name == "class" }?.value.split(separator: " ") ?? []
                if name == "a", classes.contains("anchor") { skippingAnchor = true; return false }
                let dropped = (name == "div" && classes.contains("table-wrap")) || (name == "p" && classes.contains("tight"))
                if ["div", "p"].contains(name) { droppedEnds[name, default: []].append(dropped) }
                return !dropped
            case .end(let name):
                if skippingAnchor { if name == "a" { skippingAnchor = false }; return false }
                if ["div", "p"].contains(name) { return !(droppedEnds[name]?.popLast() ?? false) }
                return true
            case .text:
                return !skippingAnchor
            }
        }
        for (index, token) in tokens.enumerated() {
            switch token {
            case .start(let name, let attributes):
                output += "<" + name
                for attribute in canonical(attributes) {
                    output += attribute.value.isEmpty ? " \(attribute.name)" : " \(attribute.name)=\"\(escape(attribute.value, quote: true))\""
                }
                output += ">"
            case .end(let name):
                output += "</\(name)>"
            case .text(var text):
                // White space beside a block element's tags shows nothing.
                if index > 0, tokens[index - 1].isBlockTag { text = String(text.drop(while: \.isNewlineOrSpace)) }
                if index + 1 < tokens.count, tokens[index + 1].isBlockTag {
                    while let last = text.last, last.isNewlineOrSpace { text.removeLast() }
                }
                output += escape(text, quote: false)
            }
        }
        return output
    }

    /// Where two strings first differ, with some context, for a failure message.
    public static func difference(_ left: String, _ right: String, context: Int = 80) -> String {
        let a = Array(left.unicodeScalars), b = Array(right.unicodeScalars)
        var index = 0
        while index < a.count, index < b.count, a[index] == b[index] { index += 1 }
        func excerpt(_ scalars: [Unicode.Scalar]) -> String {
            let start = max(0, index - context), end = min(scalars.count, index + context)
            return String(String.UnicodeScalarView(scalars[start..<end]))
        }
        return "at character \(index):\n  \(excerpt(a))\n  \(excerpt(b))"
    }

    static let blockElements: Set<String> = [
        "p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "ul", "ol", "li", "pre", "hr", "table", "thead",
        "tbody", "tr", "th", "td", "div", "section",
    ]

    private static func canonical(_ attributes: [(name: String, value: String)]) -> [(name: String, value: String)] {
        var kept: [(name: String, value: String)] = []
        for (name, value) in attributes {
            if name == "class" {
                for word in value.split(separator: " ") where word.hasPrefix("align-") {
                    kept.append(("align", String(word.dropFirst("align-".count))))
                }
                continue
            }
            if name == "id" || name == "aria-label" || name.hasPrefix("data-") { continue }
            kept.append((name, value))
        }
        return kept.sorted { $0.name < $1.name }
    }

    private static func escape(_ text: String, quote: Bool) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"" where quote: result += "&quot;"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}

private extension Character {
    var isNewlineOrSpace: Bool { self == " " || self == "\n" || self == "\t" }
}

/// The tags and text of an HTML fragment as our renderer and cmark-gfm write them (well-formed,
/// attributes quoted with `"`), character references in text and values decoded.
struct HTMLTokens {
    enum Token {
        case start(String, [(name: String, value: String)])
        case end(String)
        case text(String)

        var isBlockTag: Bool {
            switch self {
            case .start(let name, _), .end(let name): return ComparableHTML.blockElements.contains(name)
            case .text: return false
            }
        }
    }

    private let scalars: [Unicode.Scalar]

    init(_ html: String) {
        scalars = Array(html.unicodeScalars)
    }

    func all() -> [Token] {
        var tokens: [Token] = []
        var index = 0
        var text = String.UnicodeScalarView()
        func flush() {
            if !text.isEmpty { tokens.append(.text(Self.decode(String(text)))); text = String.UnicodeScalarView() }
        }
        while index < scalars.count {
            guard scalars[index] == "<", let close = scalars[index...].firstIndex(of: ">"),
                  index + 1 < scalars.count, scalars[index + 1] == "/" || scalars[index + 1].properties.isAlphabetic
            else {
                text.append(scalars[index]); index += 1; continue
            }
            flush()
            let inside = String(String.UnicodeScalarView(scalars[(index + 1)..<close]))
            index = close + 1
            if inside.hasPrefix("/") {
                tokens.append(.end(String(inside.dropFirst()).lowercased()))
            } else {
                tokens.append(Self.startTag(inside))
            }
        }
        flush()
        return tokens
    }

    private static func startTag(_ inside: String) -> Token {
        var rest = Substring(inside)
        if rest.hasSuffix("/") { rest = rest.dropLast() }
        let name = rest.prefix { $0 != " " && $0 != "\n" }
        rest = rest.dropFirst(name.count)
        var attributes: [(name: String, value: String)] = []
        while true {
            rest = rest.drop { $0 == " " || $0 == "\n" }
            guard !rest.isEmpty else { break }
            let attribute = rest.prefix { $0 != "=" && $0 != " " }
            rest = rest.dropFirst(attribute.count)
            var value = ""
            if rest.hasPrefix("=\"") {
                rest = rest.dropFirst(2)
                value = String(rest.prefix { $0 != "\"" })
                rest = rest.dropFirst(value.count + 1)
            }
            attributes.append((attribute.lowercased(), decode(value)))
        }
        return .start(name.lowercased(), attributes)
    }

    private static let named: [String: String] = ["amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'"]

    /// Decodes the character references renderers write: the five named ones and numeric ones.
    static func decode(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var result = ""
        var rest = Substring(text)
        while let ampersand = rest.firstIndex(of: "&") {
            result += rest[..<ampersand]
            let after = rest[rest.index(after: ampersand)...]
            if let semicolon = after.prefix(12).firstIndex(of: ";") {
                let name = after[..<semicolon]
                var decoded: String?
                if name.hasPrefix("#x") || name.hasPrefix("#X") {
                    decoded = UInt32(name.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init).map { String($0) }
                } else if name.hasPrefix("#") {
                    decoded = UInt32(name.dropFirst()).flatMap(Unicode.Scalar.init).map { String($0) }
                } else {
                    decoded = named[String(name)]
                }
                if let decoded {
                    result += decoded
                    rest = after[after.index(after: semicolon)...]
                    continue
                }
            }
            result += "&"
            rest = after
        }
        return result + rest
    }
}
