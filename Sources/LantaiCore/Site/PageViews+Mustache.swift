import Mustache

// The templates read the views through `MustacheParent` rather than through swift-mustache's
// default `Mirror` lookup, which scans a value's fields on every name of every section and took a
// quarter of a build. `PageViewLookupTests` checks that each view answers every field it stores.

/// What a view answers for a field it has but leaves empty. Mustache looks a name the innermost
/// view does not answer up the enclosing views, so a nil answer let a backlinked document without
/// a speaker show the linking page's own speaker; this answer ends the lookup where the field is
/// and renders as nothing (a section over it is skipped, an inverted one shown), as a JSON `null`
/// does in other Mustache implementations.
struct EmptyField: MustacheCustomRenderable {
    var renderText: String { "" }
    var isNull: Bool { true }
}

/// A field's answer: its value, or `EmptyField` when it has none.
func field<Value>(_ value: Value?) -> Any {
    if let value { value } else { EmptyField() }
}

extension LayoutView: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "root": self.root
        case "siteTitle": self.siteTitle
        case "siteDescription": self.siteDescription
        case "pageTitle": self.pageTitle
        case "isHome": self.isHome
        case "isTopics": self.isTopics
        case "isArchive": self.isArchive
        default: nil
        }
    }
}

extension TopicLinkView: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "name": self.name
        case "url": self.url
        case "description": self.description
        case "count": self.count
        default: nil
        }
    }
}

extension DocumentItemView: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "title": self.title
        case "url": self.url
        case "date": field(self.date)
        case "isoDate": field(self.isoDate)
        case "type": field(self.type)
        case "speaker": field(self.speaker)
        case "organization": field(self.organization)
        case "summary": field(self.summary)
        case "topics": self.topics
        default: nil
        }
    }
}

extension OutlineItemView: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "title": self.title
        case "anchor": self.anchor
        case "depth": self.depth
        default: nil
        }
    }
}

extension HomePageView: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "layout": self.layout
        case "documentCount": self.documentCount
        case "topics": self.topics
        case "latest": self.latest
        case "archiveURL": self.archiveURL
        default: nil
        }
    }
}

extension DocumentPageView: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "layout": self.layout
        case "title": self.title
        case "date": field(self.date)
        case "isoDate": field(self.isoDate)
        case "yearURL": field(self.yearURL)
        case "subtitle": field(self.subtitle)
        case "speaker": field(self.speaker)
        case "position": field(self.position)
        case "organization": field(self.organization)
        case "venue": field(self.venue)
        case "type": field(self.type)
        case "typeURL": field(self.typeURL)
        case "summary": field(self.summary)
        case "topics": self.topics
        case "topicShares": self.topicShares
        case "backlinks": self.backlinks
        case "related": self.related
        case "outline": self.outline
        case "body": self.body
        default: nil
        }
    }
}

extension TopicsPageView: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "layout": self.layout
        case "topics": self.topics
        default: nil
        }
    }
}

extension TopicPageView: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "layout": self.layout
        case "name": self.name
        case "description": self.description
        case "year": field(self.year)
        case "topicURL": field(self.topicURL)
        case "count": self.count
        case "passageCount": self.passageCount
        case "start": self.start
        case "documents": self.documents
        case "listed": field(self.listed)
        case "years": self.years
        case "chart": field(self.chart)
        case "undatedPassageCount": field(self.undatedPassageCount)
        case "pager": field(self.pager)
        default: nil
        }
    }
}

extension TopicDocumentView: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "item": self.item
        case "percent": self.percent
        case "passageCount": self.passageCount
        case "fromFrontMatter": self.fromFrontMatter
        case "passages": self.passages
        case "headings": self.headings
        default: nil
        }
    }
}

extension RelatedItemView: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "title": self.title
        case "url": self.url
        case "reason": self.reason
        default: nil
        }
    }
}

extension PassageLinkView: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "url": self.url
        case "excerpt": self.excerpt
        case "viaHeading": self.viaHeading
        default: nil
        }
    }
}

extension HeadingLinkView: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "title": self.title
        case "url": self.url
        case "depth": self.depth
        default: nil
        }
    }
}

extension DocumentTopicView: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "name": self.name
        case "url": self.url
        case "percent": self.percent
        case "passageCount": self.passageCount
        case "passages": self.passages
        default: nil
        }
    }
}

extension ArchiveLinkView: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "label": self.label
        case "url": self.url
        case "count": self.count
        default: nil
        }
    }
}

extension ArchivePageView: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "layout": self.layout
        case "years": self.years
        case "types": self.types
        case "undatedCount": field(self.undatedCount)
        case "undatedURL": self.undatedURL
        case "taxonomies": self.taxonomies
        default: nil
        }
    }
}

extension TaxonomyPageView: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "layout": self.layout
        case "heading": self.heading
        case "values": self.values
        default: nil
        }
    }
}

extension ListPageView: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "layout": self.layout
        case "heading": self.heading
        case "kind": self.kind
        case "count": self.count
        case "documents": self.documents
        case "pager": field(self.pager)
        case "searchURL": field(self.searchURL)
        default: nil
        }
    }
}

extension PagerView: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "current": self.current
        case "total": self.total
        case "firstURL": field(self.firstURL)
        case "previousURL": field(self.previousURL)
        case "nextURL": field(self.nextURL)
        case "lastURL": field(self.lastURL)
        default: nil
        }
    }
}

extension SearchPageView: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "layout": self.layout
        default: nil
        }
    }
}
