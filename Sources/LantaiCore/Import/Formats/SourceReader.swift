import Foundation

/// Tells a source file's format from its bytes and name, and reads its text with that format's
/// reader: plain text in any of the encodings people save, PDF, a web page saved from a browser,
/// or a Word file.
enum SourceReader {
    enum Format: Equatable {
        case text, pdf, html, docx
    }

    static func format(_ bytes: [UInt8], name: String) -> Format {
        let extensionName = (name as NSString).pathExtension.lowercased()
        if bytes.starts(with: Array("%PDF-".utf8)) || extensionName == "pdf" { return .pdf }
        if bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) || extensionName == "docx" { return .docx }
        if ["html", "htm", "xhtml", "shtml"].contains(extensionName) || looksLikeHTML(bytes) { return .html }
        return .text
    }

    /// A page saved without its extension: it opens with `<!DOCTYPE html` or `<html`.
    private static func looksLikeHTML(_ bytes: [UInt8]) -> Bool {
        var start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        while start < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[start]) { start += 1 }
        let head = String(decoding: bytes[start..<min(bytes.count, start + 15)], as: UTF8.self).lowercased()
        return head.hasPrefix("<!doctype html") || head.hasPrefix("<html")
    }

    static func read(_ bytes: [UInt8], name: String, encoding: String?) -> Result<ExtractedText, Diagnostic> {
        switch format(bytes, name: name) {
        case .text: PlainText.read(bytes, name: name, encoding: encoding)
        case .pdf: PDFText.read(bytes, name: name)
        case .html: HTMLText.read(bytes, name: name, encoding: encoding)
        case .docx: DocxText.read(bytes, name: name)
        }
    }
}

/// A text file: decoded (`ImportDecoder`) and cut into its lines, numbered from 1.
enum PlainText {
    static func read(_ bytes: [UInt8], name: String, encoding: String?) -> Result<ExtractedText, Diagnostic> {
        let decoded = encoding.map { ImportDecoder.decode(bytes, path: name, as: $0) } ?? ImportDecoder.decode(bytes, path: name)
        return decoded.map { text in
            ExtractedText(lines: LineCleaner.splitLines(text.text).enumerated().map { ExtractedLine(number: $0.offset + 1, text: String($0.element)) },
                          encoding: text.encoding, mayBeHardWrapped: true)
        }
    }
}
