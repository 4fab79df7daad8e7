import Foundation

/// How the files under `search/` are wrapped.
///
/// Each file is one JSON document inside a classic script, `LantaiSearch.receive("<name>", <JSON>);`:
/// browsers refuse `fetch` on `file://` pages but still run `<script src>`, and over HTTP the
/// browser, node and `lantai search` read the JSON between the first comma and the final `);`.
/// One file per name rather than a `.json` and a `.js` twin halves what the build writes.
public enum SearchAssets {
    public static let folder = "search"
    static let suffix = Array(");\n".utf8)

    /// `search/<name>.js`
    static func path(_ name: String) -> String {
        "\(folder)/\(name).js"
    }

    /// The script that hands `json` to `LantaiSearch.receive` under `name`.
    static func script(name: String, json: some Collection<UInt8>) -> [UInt8] {
        var bytes = Array("LantaiSearch.receive(\(JSONText.quoted(name)),".utf8)
        bytes.reserveCapacity(bytes.count + json.count + suffix.count)
        bytes += json
        bytes += suffix
        return bytes
    }

    static func script(name: String, json: String) -> [UInt8] {
        script(name: name, json: json.utf8)
    }

    /// The JSON inside a script written by `script(name:json:)`; nil when it is not one.
    public static func json(inScript data: Data) -> Data? {
        let prefix = Data("LantaiSearch.receive(".utf8)
        guard data.starts(with: prefix), let comma = data.firstIndex(of: UInt8(ascii: ",")),
              data.count >= comma + 1 + suffix.count, data.suffix(suffix.count).elementsEqual(suffix) else { return nil }
        return data.subdata(in: (comma + 1)..<(data.count - suffix.count))
    }

    static func json<T: Encodable>(_ value: T) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(value)) ?? Data("null".utf8)
    }
}
