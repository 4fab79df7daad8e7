import Foundation

enum HTMLText {
    static func read(_ bytes: [UInt8], name: String, encoding: String?) -> Result<ExtractedText, Diagnostic> {
        .failure(.error("web pages are not read yet", in: name))
    }
}
