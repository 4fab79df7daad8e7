import Foundation

/// Runs a program the tests use as an independent reference (iconv, pdftotext, Chromium,
/// python3), and returns what it printed.
public enum ExternalProgram {
    public struct Failed: Error, CustomStringConvertible {
        public var description: String
    }

    @discardableResult
    public static func run(_ path: String, _ arguments: [String], environment: [String: String]? = nil) throws -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        if let environment { process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 } }
        let output = Pipe()
        let errors = FileHandle(forWritingAtPath: "/dev/null")
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Failed(description: "\(path) \(arguments.joined(separator: " ")) exited with \(process.terminationStatus)")
        }
        return data
    }

    /// Prints an HTML file to PDF with headless Chromium (its default header and footer: title,
    /// date, address, page numbers, as a person printing a page gets them).
    public static func printToPDF(_ html: URL, to pdf: URL) throws {
        try run("/usr/bin/chromium", ["--headless", "--no-sandbox", "--disable-gpu", "--print-to-pdf=\(pdf.path)", html.absoluteString])
    }
}
