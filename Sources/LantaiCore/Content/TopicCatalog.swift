/// A word or phrase that signals a topic, already normalised for matching, with its weight.
public struct TopicSignal: Sendable, Hashable, Fingerprinted {
    public var phrase: String
    public var weight: Double

    /// The weight at which a passage is assigned to a topic (`TopicClassifier`): a topic
    /// without signals has its own name at this weight, so one mention of it is enough.
    public static let passageThreshold = 3.0

    public init(_ phrase: String, weight: Double) {
        self.phrase = SearchNormalizer.normalize(phrase)
        self.weight = weight
    }
}

/// A theme the portal is indexed by (服务意识, 参谋作用, 督查 …).
public struct Topic: Sendable, Hashable, Fingerprinted {
    public var name: String
    public var slug: String
    public var description: String
    /// What signals the topic in a passage. A topic listed without signals is signalled by its
    /// own name, with the weight that alone assigns a passage.
    public var signals: [TopicSignal]
    /// Phrases that must not count: their text is taken out before the signals are matched
    /// (服务领导决策 is about advising, not about 服务意识).
    public var excludes: [String]

    public init(name: String, slug: String, description: String = "", signals: [TopicSignal] = [], excludes: [String] = []) {
        self.name = name
        self.slug = slug
        self.description = description
        self.signals = signals.isEmpty ? [TopicSignal(name, weight: TopicSignal.passageThreshold)] : signals
        self.excludes = excludes.map(SearchNormalizer.normalize).filter { !$0.isEmpty }
    }

    /// Every field, as the synthesised equality compares them, but the ASCII slug first: pages
    /// and data ask of every document whether it carries a topic, and two different topics then
    /// differ at the first bytes, where comparing their Chinese names first went through Unicode
    /// normalisation (1 % of an edit build). `TopicTests` fails when a field is added and not here.
    public static func == (a: Topic, b: Topic) -> Bool {
        a.slug == b.slug && a.name == b.name && a.description == b.description && a.signals == b.signals && a.excludes == b.excludes
    }
}

/// The topics listed in `content/topics.yml`, in the order written there.
public struct TopicCatalog: Sendable, Hashable, Fingerprinted {
    public var topics: [Topic]

    public init(topics: [Topic]) {
        self.topics = topics
    }

    public static let fileName = "topics.yml"

    /// Finds a topic by its name or its slug, as front matter may use either.
    public func topic(named nameOrSlug: String) -> Topic? {
        topics.first { $0.name == nameOrSlug || $0.slug == nameOrSlug }
    }

    /// Reads `topics: [{name, slug, description, signals: {phrase: weight}, excludes: [phrase]}]`.
    public static func parse(_ yaml: String, path: String) -> (TopicCatalog, [Diagnostic]) {
        var fields: YAMLMapping
        switch YAMLMapping.parse(yaml, path: path, lineOffset: 0) {
        case .success(let mapping): fields = mapping
        case .failure(let diagnostic): return (TopicCatalog(topics: []), [diagnostic])
        }
        var topics: [Topic] = []
        var seenNames: Set<String> = []
        var seenSlugs: Set<String> = []
        for var entry in fields.mappingList("topics") {
            let name = entry.string("name")
            let slug = entry.string("slug")
            let description = entry.string("description")?.value ?? ""
            guard let name, let nameText = name.value.nonBlank else {
                entry.report(Message(zh: "每个专题都要写 name（名称）", en: "each topic needs a 'name'"), at: entry.location(ofKey: "slug") ?? .start)
                fields.absorb(entry.diagnostics)
                continue
            }
            guard let slug else {
                entry.report(Message(zh: "专题“\(nameText)”要写一个 slug（英文名，用作专题页的文件名）", en: "topic '\(nameText)' needs an ASCII 'slug' for its page's file name"), at: name.location)
                fields.absorb(entry.diagnostics)
                continue
            }
            if !Slug.isValid(slug.value) {
                entry.report(Message(zh: "“slug”只能用小写字母 a-z、数字 0-9、“-”和“_”，写成了“\(slug.value)”", en: "'slug' must use only a-z, 0-9, '-' and '_', found '\(slug.value)'"), at: slug.location)
            } else if seenNames.contains(nameText) {
                entry.report(Message(zh: "专题“\(nameText)”写了两次：删掉其中一个", en: "topic '\(nameText)' is listed twice"), at: name.location)
            } else if seenSlugs.contains(slug.value) {
                entry.report(Message(zh: "两个专题用了同一个 slug“\(slug.value)”：给其中一个换一个", en: "the slug '\(slug.value)' is used by two topics"), at: slug.location)
            } else {
                seenNames.insert(nameText)
                seenSlugs.insert(slug.value)
                let signals = entry.numberMap("signals").map { TopicSignal($0.key.value, weight: $0.value) }
                    .filter { !$0.phrase.isEmpty }
                let excludes = entry.stringList("excludes").map(\.value)
                topics.append(Topic(name: nameText, slug: slug.value, description: description, signals: signals, excludes: excludes))
            }
            fields.absorb(entry.diagnostics)
        }
        return (TopicCatalog(topics: topics), fields.diagnostics)
    }
}

// What a parse reads of the catalogue, for its digest (`DocumentParser.configuration`): every field.
extension TopicSignal {
    public func fingerprint(into fingerprint: inout Fingerprint) {
        fingerprint.add(phrase)
        fingerprint.add(weight)
    }
}

extension Topic {
    public func fingerprint(into fingerprint: inout Fingerprint) {
        fingerprint.add(name)
        fingerprint.add(slug)
        fingerprint.add(description)
        fingerprint.add(signals)
        fingerprint.add(excludes)
    }
}

extension TopicCatalog {
    public func fingerprint(into fingerprint: inout Fingerprint) {
        fingerprint.add(topics)
    }
}
