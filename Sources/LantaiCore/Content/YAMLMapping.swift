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
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch let error as YamlError {
            return .failure(diagnostic(for: error, path: path, lineOffset: lineOffset))
        } catch {
            return .failure(.error("invalid YAML: \(error)", in: path, at: SourceLocation(line: lineOffset + 1, column: 1)))
        }
        guard let root else {
            return .success(YAMLMapping(path: path, lineOffset: lineOffset, mapping: Node.Mapping([])))
        }
        guard let mapping = root.mapping else {
            if case .scalar(let scalar) = root, scalar.string.isEmpty {
                return .success(YAMLMapping(path: path, lineOffset: lineOffset, mapping: Node.Mapping([])))
            }
            return .failure(.error("expected 'key: value' lines, found \(root.kindName)",
                                   in: path, at: location(of: root, lineOffset: lineOffset)))
        }
        return .success(YAMLMapping(path: path, lineOffset: lineOffset, mapping: mapping))
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
            report("'\(key)' must be a text value, not \(node.kindName)", at: node)
            return nil
        }
        if scalar.style == .plain, node.null != nil { return nil }
        return Located(scalar.string, at: location(of: node))
    }

    mutating func bool(_ key: String) -> Bool? {
        guard let node = mapping[key] else { return nil }
        if case .scalar = node, let value = node.bool { return value }
        if node.null != nil { return nil }
        report("'\(key)' must be true or false, found \(node.describedValue)", at: node)
        return nil
    }

    mutating func int(_ key: String) -> Int? {
        guard let node = mapping[key] else { return nil }
        if case .scalar = node, let value = node.int { return value }
        report("'\(key)' must be a whole number, found \(node.describedValue)", at: node)
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
                    report("each entry of '\(key)' must be a text value, not \(item.kindName)", at: item)
                }
            }
            return values
        default:
            report("'\(key)' must be a list of text values, not \(node.kindName)", at: node)
            return []
        }
    }

    /// A mapping of text keys to numbers (`服务意识: 3`), in the order written.
    mutating func numberMap(_ key: String) -> [(key: Located<String>, value: Double)] {
        guard let node = mapping[key] else { return [] }
        guard case .mapping(let entries) = node else {
            report("'\(key)' must be a set of 'phrase: weight' lines, not \(node.kindName)", at: node)
            return []
        }
        var values: [(key: Located<String>, value: Double)] = []
        for (name, value) in entries {
            guard case .scalar(let scalar) = name else {
                report("each key of '\(key)' must be a text value", at: name)
                continue
            }
            guard case .scalar = value, let number = value.float.map({ Double($0) }) ?? value.int.map({ Double($0) }) else {
                report("the weight of '\(scalar.string)' in '\(key)' must be a number, found \(value.describedValue)", at: value)
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
            report("'\(key)' must be a list, not \(node.kindName)", at: node)
            return []
        }
        var entries: [YAMLMapping] = []
        for item in sequence {
            if let entry = YAMLMapping(node: item, path: path, lineOffset: lineOffset) {
                entries.append(entry)
            } else {
                report("each entry of '\(key)' must be a set of 'key: value' lines, not \(item.kindName)", at: item)
            }
        }
        return entries
    }

    mutating func report(_ message: String, at node: Node) {
        diagnostics.append(.error(message, in: path, at: location(of: node)))
    }

    mutating func report(_ message: String, at location: SourceLocation) {
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
            let cause = context.map { " \($0.text) that starts at line \($0.mark.line + lineOffset), column \($0.mark.column)" } ?? ""
            return .error("invalid YAML: \(problem)\(cause)", in: path,
                          at: SourceLocation(line: mark.line + lineOffset, column: mark.column))
        case .duplicatedKeysInMapping(let duplicates, let context):
            return .error("invalid YAML: the key '\(duplicates.joined(separator: "', '"))' is written twice", in: path,
                          at: SourceLocation(line: context.mark.line + lineOffset, column: context.mark.column))
        case .reader(let problem, _, _, _):
            return .error("invalid YAML: \(problem)", in: path, at: SourceLocation(line: lineOffset + 1, column: 1))
        default:
            return .error("invalid YAML: \(error)", in: path, at: SourceLocation(line: lineOffset + 1, column: 1))
        }
    }
}

private extension Node {
    var kindName: String {
        switch self {
        case .scalar: return "a single value"
        case .mapping: return "a set of 'key: value' lines"
        case .sequence: return "a list"
        case .alias: return "an alias"
        }
    }

    var describedValue: String {
        if case .scalar(let scalar) = self { return "'\(scalar.string)'" }
        return kindName
    }
}
