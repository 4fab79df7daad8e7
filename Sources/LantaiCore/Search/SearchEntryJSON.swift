extension SearchIndex.Entry {
    /// The entry as `JSONEncoder` writes it with sorted keys (absent fields left out), by hand:
    /// every build writes all entries again to compare them with the output's, and the encoder
    /// took a quarter of the index stage of an edit at 10,000 documents. Strings are escaped by
    /// `JSONText`, which also escapes U+2028 and U+2029.
    func appendJSON(to bytes: inout [UInt8]) {
        func key(_ name: StaticString, first: Bool = false) {
            if !first { bytes.append(UInt8(ascii: ",")) }
            bytes.append(UInt8(ascii: "\""))
            name.withUTF8Buffer { bytes.append(contentsOf: $0) }
            bytes += "\":".utf8
        }
        bytes.append(UInt8(ascii: "{"))
        var first = true
        if let date {
            key("date", first: true)
            JSONText.appendQuoted(date, to: &bytes)
            first = false
        }
        key("pieces", first: first)
        bytes.append(UInt8(ascii: "["))
        for (index, piece) in pieces.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            bytes += String(piece).utf8
        }
        bytes.append(UInt8(ascii: "]"))
        key("slug")
        JSONText.appendQuoted(slug, to: &bytes)
        if let speaker {
            key("speaker")
            JSONText.appendQuoted(speaker, to: &bytes)
        }
        key("title")
        JSONText.appendQuoted(title, to: &bytes)
        key("topics")
        bytes.append(UInt8(ascii: "["))
        for (index, topic) in topics.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            JSONText.appendQuoted(topic, to: &bytes)
        }
        bytes.append(UInt8(ascii: "]"))
        if let type {
            key("type")
            JSONText.appendQuoted(type, to: &bytes)
        }
        key("url")
        JSONText.appendQuoted(url, to: &bytes)
        bytes.append(UInt8(ascii: "}"))
    }

    /// A list of entries, `null` for a hole, as `JSONEncoder` writes `[Entry?]`.
    static func json(_ entries: ArraySlice<SearchIndex.Entry?>) -> [UInt8] {
        var bytes: [UInt8] = [UInt8(ascii: "[")]
        bytes.reserveCapacity(512 * entries.count)
        for (index, entry) in entries.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            if let entry { entry.appendJSON(to: &bytes) } else { bytes += "null".utf8 }
        }
        bytes.append(UInt8(ascii: "]"))
        return bytes
    }
}
