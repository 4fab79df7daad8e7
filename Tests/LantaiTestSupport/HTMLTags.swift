/// The start tags of an HTML page with their attributes, read the way a browser's tokenizer
/// reads them (quoted and unquoted values, comments and raw text skipped), so a test can tell
/// real markup from markup shown as text.
public struct HTMLTag: Sendable, Equatable {
    public var name: String
    public var attributes: [(name: String, value: String)]

    public static func == (lhs: HTMLTag, rhs: HTMLTag) -> Bool {
        lhs.name == rhs.name && lhs.attributes.elementsEqual(rhs.attributes) { $0 == $1 }
    }

    public func attribute(_ name: String) -> String? {
        attributes.first { $0.name == name }?.value
    }

    /// Every start tag of `html`, in order.
    public static func all(in html: String) -> [HTMLTag] {
        let text = Array(html.unicodeScalars)
        var tags: [HTMLTag] = []
        var index = 0
        func isSpace(_ scalar: Unicode.Scalar) -> Bool { scalar == " " || scalar == "\n" || scalar == "\t" || scalar == "\r" || scalar == "\u{0C}" }
        func skipSpace() { while index < text.count, isSpace(text[index]) { index += 1 } }
        while index < text.count {
            guard text[index] == "<", index + 1 < text.count else { index += 1; continue }
            if text[index + 1] == "!" {
                // Comments and doctypes: skip to the next '>' (to '-->' for a comment).
                let isComment = index + 3 < text.count && text[index + 2] == "-" && text[index + 3] == "-"
                index += 2
                while index < text.count {
                    if text[index] == ">", !isComment || (index >= 2 && text[index - 1] == "-" && text[index - 2] == "-") { break }
                    index += 1
                }
                continue
            }
            guard text[index + 1].properties.isAlphabetic, text[index + 1].isASCII else { index += 1; continue }
            index += 1
            var name = ""
            while index < text.count, !isSpace(text[index]), text[index] != ">", text[index] != "/" {
                name.unicodeScalars.append(text[index]); index += 1
            }
            var attributes: [(name: String, value: String)] = []
            while index < text.count, text[index] != ">" {
                skipSpace()
                if index < text.count, text[index] == "/" { index += 1; continue }
                var attribute = ""
                while index < text.count, !isSpace(text[index]), text[index] != ">", text[index] != "=", text[index] != "/" || attribute.isEmpty {
                    attribute.unicodeScalars.append(text[index]); index += 1
                }
                skipSpace()
                var value = ""
                if index < text.count, text[index] == "=" {
                    index += 1
                    skipSpace()
                    if index < text.count, text[index] == "\"" || text[index] == "'" {
                        let quote = text[index]
                        index += 1
                        while index < text.count, text[index] != quote { value.unicodeScalars.append(text[index]); index += 1 }
                        index += 1
                    } else {
                        while index < text.count, !isSpace(text[index]), text[index] != ">" { value.unicodeScalars.append(text[index]); index += 1 }
                    }
                }
                if !attribute.isEmpty { attributes.append((attribute.lowercased(), value)) }
            }
            index += 1
            let tag = HTMLTag(name: name.lowercased(), attributes: attributes)
            tags.append(tag)
            // The text of these elements is not markup: skip to their end tag.
            if ["script", "style", "textarea", "title"].contains(tag.name) {
                let end = Array("</\(tag.name)".unicodeScalars)
                while index < text.count, !(index + end.count <= text.count && String(String.UnicodeScalarView(text[index..<index + end.count])).lowercased() == String(String.UnicodeScalarView(end))) {
                    index += 1
                }
            }
        }
        return tags
    }
}
