import Yams

/// A value read from YAML together with where it was written, so later stages (topic lookup,
/// link checks) can point at it.
public struct Located<Value: Sendable & Hashable>: Sendable, Hashable {
    public var value: Value
    public var location: SourceLocation

    public init(_ value: Value, at location: SourceLocation) {
        self.value = value
        self.location = location
    }
}

/// Reads typed keys out of a YAML mapping and turns every wrong type into a diagnostic that names
/// the key and points at its value. This is the only place that knows Yams' node types.
struct YAMLMapping {
    let path: String
    /// Added to Yams' 1-based line numbers: the YAML's first line is this file line minus one.
    let lineOffset: Int
    private let mapping: Node.Mapping
    private(set) var diagnostics: [Diagnostic] = []

    /// Parses `yaml` and expects a mapping at the top (an empty document counts as an empty mapping).
    static func parse(_ yaml: String, path: String, lineOffset: Int) -> Result<YAMLMapping, Diagnostic> {
        if let (key, location) = fullWidthColon(in: yaml, lineOffset: lineOffset) {
            return .failure(.error(zh: "“\(key)”后面的冒号“：”是全角的（中文输入法打出的冒号）：改成半角冒号“:”并在后面加一个空格，例如 \(key): 值",
                                   en: "the colon after '\(key)' is a full-width '：'; write a half-width ':' followed by a space, e.g. \(key): value",
                                   in: path, at: location))
        }
        let root: Node?
        do {
            // The encoding given: Yams's default reads the process environment on every parse.
            root = try Yams.compose(yaml: yaml, .default, .default, .utf8)
        } catch let error as YamlError {
            return .failure(diagnostic(for: error, path: path, lineOffset: lineOffset))
        } catch {
            return .failure(.error(zh: "YAML 格式错误：\(error)", en: "invalid YAML: \(error)", in: path, at: SourceLocation(line: lineOffset + 1, column: 1)))
        }
        guard let root else {
            return .success(YAMLMapping(path: path, lineOffset: lineOffset, mapping: Node.Mapping([])))
        }
        guard let mapping = root.mapping else {
            if case .scalar(let scalar) = root, scalar.string.isEmpty {
                return .success(YAMLMapping(path: path, lineOffset: lineOffset, mapping: Node.Mapping([])))
            }
            return .failure(.error(zh: "这里应当是“键: 值”的若干行，写成了\(root.kindName.zh)", en: "expected 'key: value' lines, found \(root.kindName.en)",
                                   in: path, at: location(of: root, lineOffset: lineOffset)))
        }
        return .success(YAMLMapping(path: path, lineOffset: lineOffset, mapping: mapping))
    }

    /// A key followed by a full-width colon (`title：标题`), as a Chinese keyboard types it. YAML
    /// would read the line as plain text and complain about the next line, so it is named first:
    /// the key and the colon's place. Lines inside a block scalar (`summary: |`) are text.
    static func fullWidthColon(in yaml: String, lineOffset: Int) -> (key: String, location: SourceLocation)? {
        var blockIndent: Int?
        for (index, line) in yaml.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let indent = line.prefix { $0 == " " }.count
            if let block = blockIndent {
                if line.trimmingCharacters(in: .whitespaces).isEmpty || indent > block { continue }
                blockIndent = nil
            }
            var rest = line.dropFirst(indent)
            if rest.hasPrefix("- ") { rest = rest.dropFirst(2) }
            if rest.hasPrefix("#") { continue }
            let trimmedEnd = rest.trimmingCharacters(in: .whitespaces)
            if trimmedEnd.hasSuffix("|") || trimmedEnd.hasSuffix(">") || trimmedEnd.hasSuffix("|-") || trimmedEnd.hasSuffix(">-") { blockIndent = indent }
            guard let colon = rest.firstIndex(of: "："), !rest[..<colon].contains(":") else { continue }
            let key = rest[..<colon].trimmingCharacters(in: .whitespaces)
            guard !key.isEmpty, key.count <= 40, !key.contains(where: { $0.isWhitespace || "\"'[]{},#&*!|>%@`".contains($0) }) else { continue }
            let column = line[..<colon].unicodeScalars.count + 1
            return (key, SourceLocation(line: index + 1 + lineOffset, column: column))
        }
        return nil
    }

    private init(path: String, lineOffset: Int, mapping: Node.Mapping) {
        self.path = path
        self.lineOffset = lineOffset
        self.mapping = mapping
    }

    /// Builds a reader over a nested mapping (an entry of a list, say).
    init?(node: Node, path: String, lineOffset: Int) {
        guard let mapping = node.mapping else { return nil }
        self.init(path: path, lineOffset: lineOffset, mapping: mapping)
    }

    var keys: [String] { mapping.keys.compactMap(\.string) }

    func location(ofKey key: String) -> SourceLocation? {
        guard let node = mapping.first(where: { $0.key.string == key })?.key else { return nil }
        return Self.location(of: node, lineOffset: lineOffset)
    }

    /// A text value; numbers and dates written without quotes are read as the text they show.
    mutating func string(_ key: String) -> Located<String>? {
        guard let node = mapping[key] else { return nil }
        guard case .scalar(let scalar) = node else {
            report(Message(zh: "“\(key)”的值应当是一段文字，不能是\(node.kindName.zh)", en: "'\(key)' must be a text value, not \(node.kindName.en)"), at: node)
            return nil
        }
        if scalar.style == .plain, node.null != nil { return nil }
        return Located(scalar.string, at: location(of: node))
    }

    mutating func bool(_ key: String) -> Bool? {
        guard let node = mapping[key] else { return nil }
        if case .scalar = node, let value = node.bool { return value }
        if node.null != nil { return nil }
        report(Message(zh: "“\(key)”的值只能是 true（是）或 false（否），写成了\(node.describedValue.zh)", en: "'\(key)' must be true or false, found \(node.describedValue.en)"), at: node)
        return nil
    }

    mutating func int(_ key: String) -> Int? {
        guard let node = mapping[key] else { return nil }
        if case .scalar = node, let value = node.int { return value }
        report(Message(zh: "“\(key)”的值应当是整数，写成了\(node.describedValue.zh)", en: "'\(key)' must be a whole number, found \(node.describedValue.en)"), at: node)
        return nil
    }

    /// A list of text values; a single text value counts as a list of one.
    mutating func stringList(_ key: String) -> [Located<String>] {
        guard let node = mapping[key] else { return [] }
        switch node {
        case .scalar(let scalar):
            if scalar.style == .plain, node.null != nil { return [] }
            return [Located(scalar.string, at: location(of: node))]
        case .sequence(let sequence):
            var values: [Located<String>] = []
            for item in sequence {
                if case .scalar(let scalar) = item {
                    values.append(Located(scalar.string, at: location(of: item)))
                } else {
                    report(Message(zh: "“\(key)”的每一项都应当是一段文字，不能是\(item.kindName.zh)", en: "each entry of '\(key)' must be a text value, not \(item.kindName.en)"), at: item)
                }
            }
            return values
        default:
            report(Message(zh: "“\(key)”的值应当是文字的列表，不能是\(node.kindName.zh)", en: "'\(key)' must be a list of text values, not \(node.kindName.en)"), at: node)
            return []
        }
    }

    /// A mapping of text keys to numbers (`服务意识: 3`), in the order written.
    mutating func numberMap(_ key: String) -> [(key: Located<String>, value: Double)] {
        guard let node = mapping[key] else { return [] }
        guard case .mapping(let entries) = node else {
            report(Message(zh: "“\(key)”下面应当是“词语: 分量”的若干行，不能是\(node.kindName.zh)", en: "'\(key)' must be a set of 'phrase: weight' lines, not \(node.kindName.en)"), at: node)
            return []
        }
        var values: [(key: Located<String>, value: Double)] = []
        for (name, value) in entries {
            guard case .scalar(let scalar) = name else {
                report(Message(zh: "“\(key)”下面的每个词语都应当是文字", en: "each key of '\(key)' must be a text value"), at: name)
                continue
            }
            guard case .scalar = value, let number = value.float.map({ Double($0) }) ?? value.int.map({ Double($0) }) else {
                report(Message(zh: "“\(key)”里“\(scalar.string)”的分量应当是数字，写成了\(value.describedValue.zh)", en: "the weight of '\(scalar.string)' in '\(key)' must be a number, found \(value.describedValue.en)"), at: value)
                continue
            }
            values.append((Located(scalar.string, at: location(of: name)), number))
        }
        return values
    }

    /// The entries of a list of mappings, each as its own reader.
    mutating func mappingList(_ key: String) -> [YAMLMapping] {
        guard let node = mapping[key] else { return [] }
        guard case .sequence(let sequence) = node else {
            report(Message(zh: "“\(key)”的值应当是列表（每项一行，以“- ”开头），不能是\(node.kindName.zh)", en: "'\(key)' must be a list, not \(node.kindName.en)"), at: node)
            return []
        }
        var entries: [YAMLMapping] = []
        for item in sequence {
            if let entry = YAMLMapping(node: item, path: path, lineOffset: lineOffset) {
                entries.append(entry)
            } else {
                report(Message(zh: "“\(key)”的每一项都应当是“键: 值”的若干行，不能是\(item.kindName.zh)", en: "each entry of '\(key)' must be a set of 'key: value' lines, not \(item.kindName.en)"), at: item)
            }
        }
        return entries
    }

    mutating func report(_ message: Message, at node: Node) {
        diagnostics.append(.error(message, in: path, at: location(of: node)))
    }

    mutating func report(_ message: Message, at location: SourceLocation) {
        diagnostics.append(.error(message, in: path, at: location))
    }

    mutating func absorb(_ other: [Diagnostic]) {
        diagnostics.append(contentsOf: other)
    }

    func location(of node: Node) -> SourceLocation {
        Self.location(of: node, lineOffset: lineOffset)
    }

    static func location(of node: Node, lineOffset: Int) -> SourceLocation {
        guard let mark = node.mark else { return SourceLocation(line: lineOffset + 1, column: 1) }
        return SourceLocation(line: mark.line + lineOffset, column: mark.column)
    }

    private static func diagnostic(for error: YamlError, path: String, lineOffset: Int) -> Diagnostic {
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            // libyaml's context says what it was reading and where that began (an opening quote,
            // say), which is usually where the mistake is.
            let start = context.map { SourceLocation(line: $0.mark.line + lineOffset, column: $0.mark.column) }
            let at = SourceLocation(line: mark.line + lineOffset, column: mark.column)
            let cause = context.map { " \($0.text) that starts at line \($0.mark.line + lineOffset), column \($0.mark.column)" } ?? ""
            let english = "invalid YAML: \(problem)\(cause)"
            let (chinese, location) = YAMLProblem.explain(problem: problem, context: context?.text, start: start, at: at)
            return .error(zh: chinese, en: english, in: path, at: location)
        case .duplicatedKeysInMapping(let duplicates, let context):
            let keys = duplicates.joined(separator: "', '")
            return .error(zh: "“\(duplicates.joined(separator: "”“"))”写了两次：每个键只能写一次，删掉其中一行",
                          en: "invalid YAML: the key '\(keys)' is written twice", in: path,
                          at: SourceLocation(line: context.mark.line + lineOffset, column: context.mark.column))
        case .reader(let problem, _, _, _):
            return .error(zh: "YAML 格式错误：\(problem)", en: "invalid YAML: \(problem)", in: path, at: SourceLocation(line: lineOffset + 1, column: 1))
        default:
            return .error(zh: "YAML 格式错误：\(error)", en: "invalid YAML: \(error)", in: path, at: SourceLocation(line: lineOffset + 1, column: 1))
        }
    }
}

/// libyaml's problems in the words of someone writing front matter, and the place the mistake
/// most likely is: an unclosed quote or bracket is reported where it opens, not where the text ends.
enum YAMLProblem {
    static func explain(problem: String, context: String?, start: SourceLocation?, at: SourceLocation) -> (String, SourceLocation) {
        let context = context ?? ""
        if problem.contains("end of stream"), context.contains("quoted scalar"), let start {
            return ("这里的引号没有配对：从这里开始的引号到结尾都没有另一半，补上引号，或者去掉这个引号", start)
        }
        if context.contains("flow sequence"), let start {
            return ("从这里开始的方括号列表 [ ] 没有写完：检查各项之间的逗号和结尾的“]”", start)
        }
        if context.contains("flow mapping"), let start {
            return ("从这里开始的花括号 { } 没有写完：检查结尾的“}”", start)
        }
        if problem.contains("tab character") {
            return ("这一行用了制表符（Tab）缩进：YAML 只能用空格缩进，把 Tab 换成空格", at)
        }
        if problem.contains("mapping values are not allowed") {
            return ("这里的冒号“:”放不下：要么值里有“: ”，给整个值加上引号（例如 title: \"甲: 乙\"）；要么这一行多了缩进，键要顶格写", at)
        }
        if problem.contains("did not find expected key") {
            return ("这一行不是“键: 值”：每一行都应当是“键: 值”，列表项以“- ”开头并写在某个键的下一行；检查这一行的写法和缩进", at)
        }
        if problem.contains("did not find expected '-' indicator") || problem.contains("did not find expected <document start>") {
            return ("这一行的缩进和上下文对不上：同一层的各行要对齐，列表项以“- ”开头", at)
        }
        if problem.contains("found character that cannot start any token") {
            return ("这里的符号不能放在值的开头（例如 @ 或 `）：给整个值加上引号", at)
        }
        return ("YAML 格式错误：\(problem)\(context.isEmpty ? "" : "（\(context)）")", at)
    }
}

private extension Node {
    var kindName: Message {
        switch self {
        case .scalar: return Message(zh: "单个值", en: "a single value")
        case .mapping: return Message(zh: "一组“键: 值”", en: "a set of 'key: value' lines")
        case .sequence: return Message(zh: "列表", en: "a list")
        case .alias: return Message(zh: "别名", en: "an alias")
        }
    }

    var describedValue: Message {
        if case .scalar(let scalar) = self { return Message(zh: "“\(scalar.string)”", en: "'\(scalar.string)'") }
        return kindName
    }
}
