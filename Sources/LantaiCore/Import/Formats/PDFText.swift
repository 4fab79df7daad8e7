import Foundation

/// A PDF read through poppler's `pdftotext -bbox-layout`, which gives every printed line with its
/// box. `PrintedLines` joins the lines back into paragraphs and takes out running headers,
/// footers and page numbers.
enum PDFText {
    static let program = "/usr/bin/pdftotext"

    static func read(_ bytes: [UInt8], name: String) -> Result<ExtractedText, Diagnostic> {
        guard FileManager.default.isExecutableFile(atPath: program) else {
            return .failure(.error(zh: "导入 PDF 需要 pdftotext，系统里没有：用 sudo apt install poppler-utils 安装，或者把 PDF 另存为文本后导入", en: "reading a PDF needs pdftotext, which is not installed: install it with 'sudo apt install poppler-utils', or save the PDF as text", in: name))
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lantai-pdf-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("source.pdf")
        let output = folder.appendingPathComponent("layout.html")
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try Data(bytes).write(to: input)
            let process = Process()
            process.executableURL = URL(fileURLWithPath: program)
            process.arguments = ["-bbox-layout", "-enc", "UTF-8", input.path, output.path]
            let errors = Pipe()
            process.standardError = errors
            try process.run()
            let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            guard process.terminationStatus == 0 else {
                let reason = message.split(separator: "\n").first.map(String.init) ?? "exit status \(process.terminationStatus)"
                return .failure(.error(zh: "pdftotext 读不了这个 PDF（\(reason)）：如果它能用阅读器打开，另存一份再导入，或者把文字复制到 .txt 文件里导入", en: "pdftotext cannot read this PDF (\(reason)); if it opens in a PDF reader, save it again or copy its text into a .txt file", in: name))
            }
            let pages = try PrintedPage.parse(Data(contentsOf: output))
            let lineCount = pages.reduce(0) { $0 + $1.lines.count }
            guard lineCount > 0 else {
                return .failure(.error(zh: "这个 PDF 里没有文字：多半是扫描件（每页是一张图片）；先做文字识别（OCR），或者录入文字后导入", en: "this PDF has no text to read: it is probably a scan (pictures of pages); run it through OCR first, or type the text", in: name))
            }
            let (lines, removals) = PrintedLines.paragraphs(pages)
            return .success(ExtractedText(lines: lines, encoding: "PDF", removals: removals))
        } catch {
            return .failure(.error(zh: "读不了这个 PDF：\(error.localizedDescription)", en: "cannot read the PDF: \(error.localizedDescription)", in: name))
        }
    }
}

/// A page of `pdftotext -bbox-layout` output: its printed lines with their boxes, in reading order.
struct PrintedPage: Sendable, Hashable {
    struct Line: Sendable, Hashable {
        var text: String
        var xMin: Double, yMin: Double, xMax: Double, yMax: Double
    }

    var lines: [Line]

    /// Pages, lines and words of the layout; a line's words joined with a space where the PDF
    /// leaves a gap between them.
    static func parse(_ data: Data) throws -> [PrintedPage] {
        guard let root = XMLElementNode.parse(data) else {
            throw CocoaError(.fileReadCorruptFile, userInfo: [NSLocalizedDescriptionKey: "pdftotext's output is not XML"])
        }
        return root.all("page").map { page in
            PrintedPage(lines: page.all("line").map { line in
                func value(_ key: String) -> Double { Double(line.attributes[key] ?? "") ?? 0 }
                return Line(text: line.children(named: "word").map(\.text).joined(separator: " "),
                            xMin: value("xMin"), yMin: value("yMin"), xMax: value("xMax"), yMax: value("yMax"))
            })
        }
    }
}
