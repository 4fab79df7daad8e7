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

    public static let fileName = ContentTree.importRulesFileName

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
      # The furniture of government sites around an article.
      - name: navigation bar
        pattern: '^[^|｜，。]{1,10}(\s*[|｜]\s*[^|｜，。]{1,10}){2,}$'
      - name: breadcrumb
        pattern: '^(当前位置|您现在的位置|你现在的位置|您的位置|你的位置|所在位置|当前栏目)\s*[:：]'
      - name: publication details
        pattern: '^(发布时间|发布日期|发文日期|更新时间|信息来源|来源|文章来源|浏览次数|浏览量|访问量|点击数|点击量|阅读次数|阅读量)\s*[:：]'
      - name: publication details
        pattern: '(发布时间|发布日期|发文日期).{0,40}(来源|浏览|点击|阅读)'
      - name: page controls
        pattern: '^([【\[]?\s*(字体|字号)\s*[:：]?\s*[【\[]?大[】\]]?\s*[【\[]?中[】\]]?\s*[【\[]?小[】\]]?\s*[】\]]?|[【\[]\s*(打印本页|打印|关闭窗口|关闭本页|关闭|收藏本页|收藏|返回顶部|加入收藏|我要纠错)\s*[】\]]|\s)+$'
      - name: share buttons
        pattern: '^分享到\s*[:：]?'
      - name: editor
        pattern: '^[（(\[【]?\s*(责任编辑|责编|编辑|审核|校对|初审|复审|终审)\s*[:：]'
      - name: previous and next links
        pattern: '^(上一篇|下一篇|上一条|下一条)\s*[:：]'
      - name: QR code
        pattern: '^(扫一扫|用手机扫描|手机扫码|微信扫一扫)'
      - name: site footer
        pattern: '(网站标识码|ICP备|公网安备|主办单位\s*[:：]|^主办\s*[:：]|^承办\s*[:：]|技术支持\s*[:：]|版权所有|Copyright|©)'
      - name: page number
        pattern: '^([-—－–]\s*\d{1,4}\s*[-—－–]|第\s*\d{1,4}\s*页(\s*[,，]?\s*共\s*\d{1,4}\s*页)?)$'
    # Lines that open a box of links to other pages; the box's items are removed with them.
    trailer_starts:
      - name: related-links box
        pattern: '^(您可能感兴趣的(文稿|文章)|相关(文稿|文章|阅读|链接|新闻)|猜你喜欢)[:：]?$'
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
        pattern: '^((同志们|各位领导|各位来宾|各位同事|各位代表|朋友们|女士们|先生们)[、，,]?)+[：:]$'
    # Types, tried in order on the title and then on the subtitle; the first match wins.
    types:
      - name: 经验交流
        slug: experience
        title: '经验交流|经验材料|交流材料|典型材料|交流发言|典型发言'
      - name: 调研报告
        slug: research
        title: '调研报告|调查报告|考察报告'
      - name: 通报
        slug: bulletin
        title: '通报'
      - name: 通知
        slug: notice
        title: '通知$'
      - name: 汇报
        slug: briefing
        title: '汇报'
      - name: 工作总结
        slug: summary
        title: '总结$'
      - name: 指导意见
        slug: guidance
        title: '意见$'
      - name: 方案
        slug: plan
        title: '方案$'
      - name: 致辞
        slug: address
        title: '致辞|贺词|欢迎词|致辞稿'
      - name: 讲话
        slug: speech
        title: '讲话|发言|报告'
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
        // A maintainer's rules are tried before the defaults, so the report names theirs.
        dropLines = Self.patterns(fields.mappingList("drop_lines"), path: path, problems: &problems) + dropLines
        trailerStarts = Self.patterns(fields.mappingList("trailer_starts"), path: path, problems: &problems) + trailerStarts
        trailerItems = Self.patterns(fields.mappingList("trailer_items"), path: path, problems: &problems) + trailerItems
        dropFragments = Self.patterns(fields.mappingList("fragments"), path: path, problems: &problems) + dropFragments
        salutations = Self.patterns(fields.mappingList("salutations"), path: path, problems: &problems) + salutations
        if let minimum = fields.int("junk_minimum_tokens") {
            if minimum >= 2 { junkMinimumTokens = minimum } else {
                problems.append(.error(zh: "“junk_minimum_tokens”至少是 2，写成了 \(minimum)", en: "'junk_minimum_tokens' must be 2 or more, found \(minimum)", in: path, at: fields.location(ofKey: "junk_minimum_tokens") ?? .start))
            }
        }
        var added: [ImportType] = []
        for var entry in fields.mappingList("types") {
            guard let name = entry.string("name"), let slug = entry.string("slug"), let title = entry.string("title") else {
                problems.append(.error(zh: "每个类型都要写 name（名称）、slug（英文名）和 title（匹配标题的规则）", en: "each type needs 'name', 'slug' and 'title' (a pattern)", in: path, at: entry.location(ofKey: "name") ?? .start))
                continue
            }
            guard Slug.isValid(slug.value) else {
                problems.append(.error(zh: "“slug”只能用小写字母 a-z、数字 0-9、“-”和“_”，写成了“\(slug.value)”", en: "'slug' must use only a-z, 0-9, '-' and '_', found '\(slug.value)'", in: path, at: slug.location))
                continue
            }
            if let regex = Self.compile(title, path: path, problems: &problems) {
                added.append(ImportType(name: name.value, slug: slug.value, titlePattern: regex))
            }
            problems += entry.diagnostics
        }
        types = added + types
        if let name = fields.string("default_type") { defaultType = name.value }
        if let slug = fields.string("default_type_slug") { defaultTypeSlug = slug.value }
        return problems + fields.diagnostics
    }

    private static func patterns(_ entries: [YAMLMapping], path: String, problems: inout [Diagnostic]) -> [LinePattern] {
        var patterns: [LinePattern] = []
        for var entry in entries {
            guard let pattern = entry.string("pattern") else {
                problems.append(.error(zh: "每条规则都要写 pattern（匹配的规则）", en: "each rule needs a 'pattern'", in: path, at: entry.location(ofKey: "name") ?? .start))
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
            problems.append(.error(zh: "规则“\(pattern.value)”写法有误：\(error.localizedDescription)", en: "invalid pattern '\(pattern.value)': \(error.localizedDescription)", in: path, at: pattern.location))
            return nil
        }
    }
}
