import Foundation
import LantaiCore

/// The import's promise that nothing real is lost: once the pieces the report lists are taken out
/// of the source (each checked to be really there, at its line and column), every maximal run of
/// six or more ideographs left is in the output. Lines the report says moved into the front matter
/// are left to the caller, which checks those fields against values it knows.
public enum NoLossInvariant {
    /// What broke the promise: a listed removal not found where it says, or a run lost.
    public struct Failure: CustomStringConvertible, Equatable {
        public var description: String
    }

    /// `source` is the file's text decoded independently of the importer.
    public static func check(source: String, removals: [Removal], output: String, minimumRun: Int = 6) -> (failures: [Failure], runsChecked: Int) {
        var lines = splitLines(source)
        var failures: [Failure] = []
        for removal in removals.sorted(by: { ($0.line, $0.column) > ($1.line, $1.column) }) {
            guard removal.line >= 1, removal.line <= lines.count else {
                failures.append(Failure(description: "removal at line \(removal.line) beyond the source's \(lines.count) lines"))
                continue
            }
            let line = lines[removal.line - 1]
            if removal.wholeLine {
                if trimmed(line) != removal.text {
                    failures.append(Failure(description: "line \(removal.line) is '\(trimmed(line))', the report says '\(removal.text)'"))
                }
                lines[removal.line - 1] = ""
                continue
            }
            var scalars = Array(line.unicodeScalars)
            let start = removal.column - 1
            let removed = Array(removal.text.unicodeScalars)
            guard start >= 0, start + removed.count <= scalars.count, Array(scalars[start..<start + removed.count]) == removed else {
                failures.append(Failure(description: "\(removal.line):\(removal.column) does not hold '\(removal.text)'"))
                continue
            }
            scalars.removeSubrange(start..<start + removed.count)
            lines[removal.line - 1] = String(String.UnicodeScalarView(scalars))
        }
        var checked = 0
        for run in ideographRuns(lines.joined(separator: "\n"), minimum: minimumRun) {
            checked += 1
            if !output.contains(run) { failures.append(Failure(description: "lost: \(run)")) }
        }
        return (failures, checked)
    }

    /// The promise for formats whose reader reports removals by text rather than by column (web
    /// pages, PDF): every run of the independently extracted `text` is in the output, or inside
    /// a piece the report lists, or in a line the report says moved into the front matter.
    public static func check(text: String, removals: [Removal], output: String, minimumRun: Int = 6) -> (failures: [Failure], runsChecked: Int) {
        var failures: [Failure] = []
        var checked = 0
        for run in ideographRuns(text, minimum: minimumRun) {
            checked += 1
            if !output.contains(run), !removals.contains(where: { $0.text.contains(run) }) {
                failures.append(Failure(description: "lost: \(run)"))
            }
        }
        return (failures, checked)
    }

    /// Lines split at LF, CRLF or CR, as any editor shows them.
    public static func splitLines(_ text: String) -> [String] {
        text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
            .components(separatedBy: "\n")
    }

    private static func trimmed(_ line: String) -> String {
        line.trimmingCharacters(in: CharacterSet(charactersIn: " \t\u{3000}\u{A0}\u{FEFF}"))
    }

    /// Maximal runs of Han ideographs at least `minimum` long.
    public static func ideographRuns(_ text: String, minimum: Int) -> [String] {
        var runs: [String] = []
        var current = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if CJK.isIdeograph(scalar) {
                current.append(scalar)
            } else {
                if current.count >= minimum { runs.append(String(current)) }
                current = String.UnicodeScalarView()
            }
        }
        if current.count >= minimum { runs.append(String(current)) }
        return runs
    }
}
