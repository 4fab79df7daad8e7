// Each view states its fields to its page's fingerprint (`PageFingerprints`), every stored field
// in the order declared: `FingerprintTests` checks each view against its stored fields.

extension LayoutView: Fingerprinted {
    public func fingerprint(into fingerprint: inout Fingerprint) {
        fingerprint.add(root)
        fingerprint.add(siteTitle)
        fingerprint.add(siteDescription)
        fingerprint.add(pageTitle)
        fingerprint.add(isHome)
        fingerprint.add(isTopics)
        fingerprint.add(isArchive)
    }
}

extension TopicLinkView: Fingerprinted {
    public func fingerprint(into fingerprint: inout Fingerprint) {
        fingerprint.add(name)
        fingerprint.add(url)
        fingerprint.add(description)
        fingerprint.add(count)
    }
}

extension DocumentItemView: Fingerprinted {
    public func fingerprint(into fingerprint: inout Fingerprint) {
        fingerprint.add(title)
        fingerprint.add(url)
        fingerprint.add(date)
        fingerprint.add(isoDate)
        fingerprint.add(type)
        fingerprint.add(speaker)
        fingerprint.add(organization)
        fingerprint.add(summary)
        fingerprint.add(topics)
    }
}

extension OutlineItemView: Fingerprinted {
    public func fingerprint(into fingerprint: inout Fingerprint) {
        fingerprint.add(title)
        fingerprint.add(anchor)
        fingerprint.add(depth)
    }
}

extension HomePageView: Fingerprinted {
    public func fingerprint(into fingerprint: inout Fingerprint) {
        fingerprint.add(layout)
        fingerprint.add(documentCount)
        fingerprint.add(topics)
        fingerprint.add(latest)
        fingerprint.add(archiveURL)
    }
}

extension DocumentPageView: Fingerprinted {
    public func fingerprint(into fingerprint: inout Fingerprint) {
        fingerprint.add(layout)
        fingerprint.add(title)
        fingerprint.add(subtitle)
        fingerprint.add(date)
        fingerprint.add(isoDate)
        fingerprint.add(yearURL)
        fingerprint.add(speaker)
        fingerprint.add(position)
        fingerprint.add(organization)
        fingerprint.add(venue)
        fingerprint.add(type)
        fingerprint.add(typeURL)
        fingerprint.add(summary)
        fingerprint.add(topics)
        fingerprint.add(topicShares)
        fingerprint.add(backlinks)
        fingerprint.add(related)
        fingerprint.add(outline)
        fingerprint.add(body)
    }
}

extension TopicsPageView: Fingerprinted {
    public func fingerprint(into fingerprint: inout Fingerprint) {
        fingerprint.add(layout)
        fingerprint.add(topics)
    }
}

extension TopicPageView: Fingerprinted {
    public func fingerprint(into fingerprint: inout Fingerprint) {
        fingerprint.add(layout)
        fingerprint.add(name)
        fingerprint.add(description)
        fingerprint.add(year)
        fingerprint.add(topicURL)
        fingerprint.add(count)
        fingerprint.add(passageCount)
        fingerprint.add(start)
        fingerprint.add(documents)
        fingerprint.add(listed)
        fingerprint.add(years)
        fingerprint.add(chart)
        fingerprint.add(undatedPassageCount)
        fingerprint.add(pager)
    }
}

extension TopicDocumentView: Fingerprinted {
    public func fingerprint(into fingerprint: inout Fingerprint) {
        fingerprint.add(item)
        fingerprint.add(percent)
        fingerprint.add(passageCount)
        fingerprint.add(fromFrontMatter)
        fingerprint.add(passages)
        fingerprint.add(headings)
    }
}

extension RelatedItemView: Fingerprinted {
    public func fingerprint(into fingerprint: inout Fingerprint) {
        fingerprint.add(title)
        fingerprint.add(url)
        fingerprint.add(reason)
    }
}

extension PassageLinkView: Fingerprinted {
    public func fingerprint(into fingerprint: inout Fingerprint) {
        fingerprint.add(url)
        fingerprint.add(excerpt)
        fingerprint.add(viaHeading)
    }
}

extension HeadingLinkView: Fingerprinted {
    public func fingerprint(into fingerprint: inout Fingerprint) {
        fingerprint.add(title)
        fingerprint.add(url)
        fingerprint.add(depth)
    }
}

extension DocumentTopicView: Fingerprinted {
    public func fingerprint(into fingerprint: inout Fingerprint) {
        fingerprint.add(name)
        fingerprint.add(url)
        fingerprint.add(percent)
        fingerprint.add(passageCount)
        fingerprint.add(passages)
    }
}

extension ArchiveLinkView: Fingerprinted {
    public func fingerprint(into fingerprint: inout Fingerprint) {
        fingerprint.add(label)
        fingerprint.add(url)
        fingerprint.add(count)
    }
}

extension ArchivePageView: Fingerprinted {
    public func fingerprint(into fingerprint: inout Fingerprint) {
        fingerprint.add(layout)
        fingerprint.add(years)
        fingerprint.add(types)
        fingerprint.add(undatedCount)
        fingerprint.add(undatedURL)
        fingerprint.add(taxonomies)
    }
}

extension TaxonomyPageView: Fingerprinted {
    public func fingerprint(into fingerprint: inout Fingerprint) {
        fingerprint.add(layout)
        fingerprint.add(heading)
        fingerprint.add(values)
    }
}

extension ListPageView: Fingerprinted {
    public func fingerprint(into fingerprint: inout Fingerprint) {
        fingerprint.add(layout)
        fingerprint.add(heading)
        fingerprint.add(kind)
        fingerprint.add(count)
        fingerprint.add(documents)
        fingerprint.add(pager)
        fingerprint.add(searchURL)
    }
}

extension SearchPageView: Fingerprinted {
    public func fingerprint(into fingerprint: inout Fingerprint) {
        fingerprint.add(layout)
    }
}

extension PagerView: Fingerprinted {
    public func fingerprint(into fingerprint: inout Fingerprint) {
        fingerprint.add(current)
        fingerprint.add(total)
        fingerprint.add(firstURL)
        fingerprint.add(previousURL)
        fingerprint.add(nextURL)
        fingerprint.add(lastURL)
    }
}
