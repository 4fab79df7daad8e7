import Foundation

enum DocxText {
    static func read(_ bytes: [UInt8], name: String) -> Result<ExtractedText, Diagnostic> {
        .failure(.error("Word files are not read yet", in: name))
    }
}
