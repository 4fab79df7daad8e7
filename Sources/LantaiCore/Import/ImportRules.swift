import Foundation

/// A named pattern of the cleaning rules. Patterns are regular expressions (ICU syntax) matched
/// against the simplified form of a line, so one rule covers traditional and simplified text.
public struct LinePattern: @unchecked Sendable {
    public var name: String
    public var regex: NSRegularExpression

    public func matches(_ text: String) -> Bool {
        regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }
}

/// A document type the importer recognises from a title, and the slug its file names use.
public struct ImportType: @unchecked Sendable {
    public var name: String
    public var slug: String
    public var titlePattern: NSRegularExpression
}

/// What `lantai import` removes and how it names things. The defaults (`defaultsYAML`) come
/// from the copied speeches the project has seen; a maintainer extends them with a file of the
/// same shape (`content/import.yml`, or `--rules FILE`): its lists are added to the defaults.
public struct ImportRules: Sendable {
    /// Lines removed whole: site notices such as 本帖隐藏的内容.
    public var dropLines: [LinePattern] = []
    /// Lines that open a box of links (您可能感兴趣的文稿, 推荐文稿): the line and the list items
    /// after it are removed.
    public var trailerStarts: [LinePattern] = []
    /// The items of such a list (`- 10-12乡镇典型事迹材料`).
    public var trailerItems: [LinePattern] = []
    /// Pieces removed from inside a line (a table border left at the end, say).
    public var dropFragments: [LinePattern] = []
    /// Anti-scraping junk: a run of at least this many one- or two-character ASCII tokens.
    public var junkMinimumTokens = 3
    /// A line that opens a speech's body (同志们：); a title-like line followed by one starts a
    /// new speech when a file holds several.
    public var salutations: [LinePattern] = []
    /// Types, first match on the title wins; `defaultType` otherwise.
    public var types: [ImportType] = []
    public var defaultType = "讲话"
    public var defaultTypeSlug = "speech"

    public static let fileName = "import.yml"

    public static let defaultsYAML = #"""
    # Lines a web site left in copied text; matched on the simplified form of each line.
    drop_lines:
      - name: hidden-content notice
        pattern: '^本帖隐藏的内容[,，:：]?$'
      - name: truncation notice
        pattern: '^因篇幅问题不能全部显示'
      - name: read-more link
        pattern: '^请点此查看更多'
      - name: login prompt
        pattern: '^(登录|注册)后(才能)?(查看|下载)'
    # Lines that open a box of links to other pages; the box's items are removed with them.
    trailer_starts:
      - name: related-links box
        pattern: '^(您可能感兴趣的(文稿|文章)|相关(文稿|文章|阅读)|猜你喜欢)$'
      - name: ranking box
        pattern: '^(阅读排行|推荐文稿|推荐阅读|热门文章|热门文稿)$'
    trailer_items:
      - name: dated link
        pattern: '^[-·•]\s*\d{2}-\d{2}'
      - name: link
        pattern: '^[-·•]\s'
    fragments:
      - name: table border
        pattern: '\s+\|\s*$'
    junk_minimum_tokens: 3
    salutations:
      - name: comrades
        pattern: '^(同志们|各位领导|各位同事|同志们、朋友们)[：:]$'
    types:
      - name: 经验交流
        slug: experience
        title: '经验交流|经验材料'
      - name: 讲话
        slug: speech
        title: '讲话|发言|致辞|报告'
    default_type: 讲话
    default_type_slug: speech
    """#

    /// The defaults alone.
    public static func defaults() -> ImportRules {
        var rules = ImportRules()
        // The defaults are part of the program; a mistake in them is a programming error.
        let diagnostics = rules.add(yaml: defaultsYAML, path: "<default import rules>")
        precondition(diagnostics.isEmpty, "default import rules: \(diagnostics)")
        return rules
    }

    /// Adds the rules of a file to these. Returns what was wrong with it.
    public mutating func add(yaml: String, path: String) -> [Diagnostic] {
        var fields: YAMLMapping
        switch YAMLMapping.parse(yaml, path: path, lineOffset: 0) {
        case .success(let mapping): fields = mapping
        case .failure(let diagnostic): return [diagnostic]
        }
        var problems: [Diagnostic] = []
        dropLines += Self.patterns(fields.mappingList("drop_lines"), path: path, problems: &problems)
        trailerStarts += Self.patterns(fields.mappingList("trailer_starts"), path: path, problems: &problems)
        trailerItems += Self.patterns(fields.mappingList("trailer_items"), path: path, problems: &problems)
        dropFragments += Self.patterns(fields.mappingList("fragments"), path: path, problems: &problems)
        salutations += Self.patterns(fields.mappingList("salutations"), path: path, problems: &problems)
        if let minimum = fields.int("junk_minimum_tokens") {
            if minimum >= 2 { junkMinimumTokens = minimum } else {
                problems.append(.error("'junk_minimum_tokens' must be 2 or more, found \(minimum)", in: path, at: fields.location(ofKey: "junk_minimum_tokens") ?? .start))
            }
        }
        var added: [ImportType] = []
        for var entry in fields.mappingList("types") {
            guard let name = entry.string("name"), let slug = entry.string("slug"), let title = entry.string("title") else {
                problems.append(.error("each type needs 'name', 'slug' and 'title' (a pattern)", in: path, at: entry.location(ofKey: "name") ?? .start))
                continue
            }
            guard Slug.isValid(slug.value) else {
                problems.append(.error("'slug' must use only a-z, 0-9, '-' and '_', found '\(slug.value)'", in: path, at: slug.location))
                continue
            }
            if let regex = Self.compile(title, path: path, problems: &problems) {
                added.append(ImportType(name: name.value, slug: slug.value, titlePattern: regex))
            }
            problems += entry.diagnostics
        }
        // A maintainer's types are tried before the defaults.
        types = added + types
        if let name = fields.string("default_type") { defaultType = name.value }
        if let slug = fields.string("default_type_slug") { defaultTypeSlug = slug.value }
        return problems + fields.diagnostics
    }

    private static func patterns(_ entries: [YAMLMapping], path: String, problems: inout [Diagnostic]) -> [LinePattern] {
        var patterns: [LinePattern] = []
        for var entry in entries {
            guard let pattern = entry.string("pattern") else {
                problems.append(.error("each rule needs a 'pattern'", in: path, at: entry.location(ofKey: "name") ?? .start))
                continue
            }
            let name = entry.string("name")?.value ?? pattern.value
            if let regex = compile(pattern, path: path, problems: &problems) {
                patterns.append(LinePattern(name: name, regex: regex))
            }
            problems += entry.diagnostics
        }
        return patterns
    }

    private static func compile(_ pattern: Located<String>, path: String, problems: inout [Diagnostic]) -> NSRegularExpression? {
        do {
            return try NSRegularExpression(pattern: pattern.value)
        } catch {
            problems.append(.error("invalid pattern '\(pattern.value)': \(error.localizedDescription)", in: path, at: pattern.location))
            return nil
        }
    }
}
