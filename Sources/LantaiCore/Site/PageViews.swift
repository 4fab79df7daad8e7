// Values the Mustache templates read: plain structs built once per page, each answering the
// templates' lookups by name (PageViews+Mustache.swift).

/// What the base layout needs on every page.
public struct LayoutView: Sendable {
    /// Leads from the page back to the site root: "" or "../".
    public var root: String
    public var siteTitle: String
    public var siteDescription: String
    /// The `<title>` of the page.
    public var pageTitle: String
    public var isHome: Bool
    public var isTopics: Bool
    public var isArchive: Bool
}

public struct TopicLinkView: Sendable {
    public var name: String
    public var url: String
    public var description: String
    public var count: Int
}

public struct DocumentItemView: Sendable {
    public var title: String
    public var url: String
    public var date: String?
    public var isoDate: String?
    public var type: String?
    public var speaker: String?
    public var organization: String?
    public var summary: String?
    public var topics: [TopicLinkView]
}

public struct OutlineItemView: Sendable {
    public var title: String
    public var anchor: String
    public var depth: Int
}

public struct HomePageView: Sendable {
    public var layout: LayoutView
    public var documentCount: Int
    public var topics: [TopicLinkView]
    public var latest: [DocumentItemView]
    public var archiveURL: String
}

public struct DocumentPageView: Sendable {
    public var layout: LayoutView
    public var title: String
    public var subtitle: String?
    public var date: String?
    public var isoDate: String?
    public var yearURL: String?
    public var speaker: String?
    public var position: String?
    public var organization: String?
    public var venue: String?
    public var type: String?
    public var typeURL: String?
    public var summary: String?
    public var topics: [TopicLinkView]
    /// The topics the text carries, with their share and passages.
    public var topicShares: [DocumentTopicView]
    /// The documents that link to this one, newest first.
    public var backlinks: [DocumentItemView]
    /// The most similar documents, with the reason.
    public var related: [RelatedItemView]
    public var outline: [OutlineItemView]
    /// Rendered HTML of the body; the template writes it unescaped with `{{{body}}}`.
    public var body: String
}

public struct TopicsPageView: Sendable {
    public var layout: LayoutView
    public var topics: [TopicLinkView]
}

/// A topic's page (`topics/service.html`), or a page of its documents of one year
/// (`topics/service/2023.html`, `…/2023/2.html`; `undated.html` for those without a date).
public struct TopicPageView: Sendable {
    public var layout: LayoutView
    public var name: String
    public var description: String
    /// The year page's year ("2023年", "未注明日期"), and the topic's page from it; nil on the
    /// topic's own page.
    public var year: String?
    public var topicURL: String?
    /// Documents and passages of the topic, or on a year's page of that year.
    public var count: Int
    public var passageCount: Int
    /// The rank of the page's first document (1 on the first page).
    public var start: Int
    /// Ranked by how much of each document is about the topic; this page's share of them.
    public var documents: [TopicDocumentView]
    /// On the topic's page when its documents do not all fit: how many it shows, and the pages
    /// of each year that list them all (empty otherwise).
    public var listed: Int?
    public var years: [ArchiveLinkView]
    /// An inline SVG of the topic's passages per year, nil without dated passages (and on a
    /// year's page); the template writes it unescaped.
    public var chart: String?
    /// Passages of documents without a date, which the chart cannot place; nil for none (a
    /// Mustache section shows for any number, 0 included).
    public var undatedPassageCount: Int?
    /// Links to the year's other pages, nil when its documents fit on one.
    public var pager: PagerView?
}

/// A document on a topic page: how much of it is about the topic, its best passages and the
/// headings under which it treats the topic.
public struct TopicDocumentView: Sendable {
    public var item: DocumentItemView
    public var percent: Int
    public var passageCount: Int
    /// The front matter names the topic (the text may not treat it).
    public var fromFrontMatter: Bool
    public var passages: [PassageLinkView]
    public var headings: [HeadingLinkView]
}

/// A related document and why: the topics both carry, or similar wording.
public struct RelatedItemView: Sendable {
    public var title: String
    public var url: String
    public var reason: String
}

/// A quoted passage linked to its paragraph anchor.
public struct PassageLinkView: Sendable {
    public var url: String
    public var excerpt: String
    /// Assigned because of the heading above it rather than its own words.
    public var viaHeading: Bool
}

public struct HeadingLinkView: Sendable {
    public var title: String
    public var url: String
    public var depth: Int
}

/// One topic of a document page, with the bar of how much of the document it takes.
public struct DocumentTopicView: Sendable {
    public var name: String
    public var url: String
    public var percent: Int
    public var passageCount: Int
    public var passages: [PassageLinkView]
}

public struct ArchiveLinkView: Sendable {
    public var label: String
    public var url: String
    public var count: Int
}

public struct ArchivePageView: Sendable {
    public var layout: LayoutView
    public var years: [ArchiveLinkView]
    public var types: [ArchiveLinkView]
    /// nil for none (a Mustache section shows for any number, 0 included).
    public var undatedCount: Int?
    /// The page that lists them.
    public var undatedURL: String
    /// The browsable front-matter keys (讲话人, 单位) with how many values each has.
    public var taxonomies: [ArchiveLinkView]
}

/// The values of one taxonomy (every speaker), each with its page and number of documents.
public struct TaxonomyPageView: Sendable {
    public var layout: LayoutView
    public var heading: String
    public var values: [ArchiveLinkView]
}

/// A page that lists documents: one year, or one document type.
public struct ListPageView: Sendable {
    public var layout: LayoutView
    public var heading: String
    public var kind: String
    public var count: Int
    /// This page's share of the documents.
    public var documents: [DocumentItemView]
    /// Links to the other pages, nil when the documents fit on one.
    public var pager: PagerView?
    /// The search page with a filter that keeps these documents, nil where there is none.
    public var searchURL: String?
}

/// The search page; the browser fills it from the index.
public struct SearchPageView: Sendable {
    public var layout: LayoutView
}
