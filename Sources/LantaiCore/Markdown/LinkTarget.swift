/// What a link or image in a document's body points at, once the site knows all its pages.
public enum LinkTarget: Sendable, Hashable {
    /// Write this URL as the `href`/`src` (rewritten, or left as written), percent-encoded.
    case url(String)
    /// A link to the web server's root (`/oa/notice.html`), written as is: it leaves the portal,
    /// so the renderer warns once a document.
    case outside(String)
    /// The destination is not allowed in a page (a `javascript:` URL, say); the text stays.
    /// `allowed` names what is allowed, for the warning.
    case unsafe(allowed: Message)
    /// The destination names a file of the site that does not exist.
    case broken(reason: Message)
}

/// A link that could not be resolved, with the position cmark gave its node.
public struct BrokenLink: Sendable, Hashable {
    public var destination: String
    public var reason: Message
    public var line: Int
    public var byteColumn: Int
}

/// Something in a body that the page shows differently from how it was written (a refused
/// link, raw HTML shown as text): reported as a warning, so that nothing changes silently.
public struct RenderNotice: Sendable, Hashable {
    public var message: Message
    public var line: Int
    public var byteColumn: Int
}
