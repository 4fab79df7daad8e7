import Mustache

// The templates read the views through `MustacheParent` rather than through swift-mustache's
// default `Mirror` lookup, which scans a value's fields on every name of every section and took a
// quarter of a build. `PageViewLookupTests` checks that each view answers every field it stores.

extension LayoutView: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "root": root
        case "siteTitle": siteTitle
        case "siteDescription": siteDescription
        case "pageTitle": pageTitle
        case "isHome": isHome
        case "isTopics": isTopics
        case "isArchive": isArchive
        default: nil
        }
    }
}

extension TopicLinkView: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "name": name
        case "url": url
        case "description": description
        case "count": count
        default: nil
        }
    }
}

extension DocumentItemView: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "title": title
        case "url": url
        case "date": date
        case "isoDate": isoDate
        case "type": type
        case "speaker": speaker
        case "organization": organization
        case "summary": summary
        case "topics": topics
        default: nil
        }
    }
}

extension OutlineItemView: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "title": title
        case "anchor": anchor
        case "depth": depth
        default: nil
        }
    }
}

extension HomePageView: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "layout": layout
        case "documentCount": documentCount
        case "topics": topics
        case "latest": latest
        case "archiveURL": archiveURL
        default: nil
        }
    }
}

extension DocumentPageView: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "layout": layout
        case "title": title
        case "date": date
        case "isoDate": isoDate
        case "yearURL": yearURL
        case "speaker": speaker
        case "organization": organization
        case "venue": venue
        case "type": type
        case "typeURL": typeURL
        case "summary": summary
        case "topics": topics
        case "topicShares": topicShares
        case "backlinks": backlinks
        case "related": related
        case "outline": outline
        case "body": body
        default: nil
        }
    }
}

extension TopicsPageView: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "layout": layout
        case "topics": topics
        default: nil
        }
    }
}

extension TopicPageView: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "layout": layout
        case "name": name
        case "description": description
        case "count": count
        case "passageCount": passageCount
        case "documents": documents
        case "chart": chart
        default: nil
        }
    }
}

extension TopicDocumentView: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "item": item
        case "percent": percent
        case "passageCount": passageCount
        case "fromFrontMatter": fromFrontMatter
        case "passages": passages
        case "headings": headings
        default: nil
        }
    }
}

extension RelatedItemView: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "title": title
        case "url": url
        case "reason": reason
        default: nil
        }
    }
}

extension PassageLinkView: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "url": url
        case "excerpt": excerpt
        case "viaHeading": viaHeading
        default: nil
        }
    }
}

extension HeadingLinkView: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "title": title
        case "url": url
        case "depth": depth
        default: nil
        }
    }
}

extension DocumentTopicView: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "name": name
        case "url": url
        case "percent": percent
        case "passageCount": passageCount
        case "passages": passages
        default: nil
        }
    }
}

extension ArchiveLinkView: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "label": label
        case "url": url
        case "count": count
        default: nil
        }
    }
}

extension ArchivePageView: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "layout": layout
        case "years": years
        case "types": types
        case "undatedCount": undatedCount
        default: nil
        }
    }
}

extension ListPageView: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "layout": layout
        case "heading": heading
        case "kind": kind
        case "count": count
        case "documents": documents
        default: nil
        }
    }
}

extension SearchPageView: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "layout": layout
        default: nil
        }
    }
}
