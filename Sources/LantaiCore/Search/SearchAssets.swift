import Foundation

/// A data file the build writes beside the pages.
public struct OutputFile: Sendable {
    public var path: String
    public var contents: Data
}

/// The files under `search/` that the browser's search reads.
///
/// Each JSON file is also written as a classic script that hands the same data to
/// `LantaiSearch.receive(name, data)`, because browsers refuse `fetch` on `file://` pages but
/// still run `<script src>`.
public enum SearchAssets {
    public static let folder = "search"

    /// The traditional → simplified table, so that the browser folds queries exactly as the
    /// index was folded.
    public static func foldingTable() -> [OutputFile] {
        dataFiles(name: "fold", json: jsonData(SearchNormalizer.foldingPairs))
    }

    /// `search/<name>.json` and `search/<name>.js` with the same data.
    static func dataFiles(name: String, json: Data) -> [OutputFile] {
        var script = Data("LantaiSearch.receive(\(jsonString(name)), ".utf8)
        script.append(json)
        script.append(Data(");\n".utf8))
        return [
            OutputFile(path: "\(folder)/\(name).json", contents: json),
            OutputFile(path: "\(folder)/\(name).js", contents: script),
        ]
    }

    static func jsonData<T: Encodable>(_ value: T) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(value)) ?? Data("null".utf8)
    }

    private static func jsonString(_ text: String) -> String {
        String(decoding: jsonData(text), as: UTF8.self)
    }
}
