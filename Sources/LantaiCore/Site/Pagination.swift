/// Where a long list continues: the page's place and links to the first, previous, next and
/// last pages (nil where the page is itself that one).
public struct PagerView: Sendable {
    public var current: Int
    public var total: Int
    public var firstURL: String?
    public var previousURL: String?
    public var nextURL: String?
    public var lastURL: String?
}

/// A long list (a topic's documents, a year's) cut into pages, so that a list of thousands of
/// documents is not one page of tens of megabytes that a browser takes seconds to lay out.
/// Page 1 keeps the list's own path (`topics/service.html`), so every link to the list stays
/// valid; page n lies in a folder named after it (`topics/service/2.html`), a path no other page
/// of the site can have.
enum Pagination {
    struct Page {
        /// Positions in the whole list of the items on this page.
        var range: Range<Int>
        var path: String
        /// Nil when the list fits on one page.
        var pager: PagerView?
    }

    static func path(of base: String, page: Int) -> String {
        page == 1 ? base : String(base.dropLast(".html".count)) + "/\(page).html"
    }

    /// The pages of a list of `count` items, `perPage` a page; one (empty) page for no items.
    static func pages(count: Int, perPage: Int, base: String) -> [Page] {
        let total = max(1, (count + perPage - 1) / perPage)
        return (1...total).map { page in
            let path = path(of: base, page: page)
            let range = (page - 1) * perPage..<min(count, page * perPage)
            guard total > 1 else { return Page(range: range, path: path, pager: nil) }
            func url(_ other: Int) -> String { SitePath.relative(from: path, to: Self.path(of: base, page: other)) }
            let pager = PagerView(current: page, total: total,
                                  firstURL: page > 1 ? url(1) : nil, previousURL: page > 1 ? url(page - 1) : nil,
                                  nextURL: page < total ? url(page + 1) : nil, lastURL: page < total ? url(total) : nil)
            return Page(range: range, path: path, pager: pager)
        }
    }
}
