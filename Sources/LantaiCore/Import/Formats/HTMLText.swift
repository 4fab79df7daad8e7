import CLibXML2
import Foundation

/// A web page saved from a browser: decoded by the charset it declares, parsed by libxml2's HTML
/// parser, and cut down to the article: the editor container a government CMS writes the text
/// into (TRS_Editor, Custom_UnionStyle, …), else the block holding most of the page's text.
/// Everything else the page shows (navigation, the publication line, share buttons, the footer)
/// is reported as removed, line by line of the HTML source.
enum HTMLText {
    static func read(_ bytes: [UInt8], name: String, encoding: String?) -> Result<ExtractedText, Diagnostic> {
        let forced = encoding ?? declaredCharset(bytes).flatMap(forcibleName(ofCharset:))
        let decoded = forced.map { ImportDecoder.decode(bytes, path: name, as: $0) } ?? ImportDecoder.decode(bytes, path: name)
        let text: DecodedText
        switch decoded {
        case .success(let value): text = value
        case .failure(let diagnostic): return .failure(diagnostic)
        }
        guard let page = HTMLTree.parse(text.text) else {
            return .failure(.error(zh: "读不了这个网页：里面找不到网页内容", en: "cannot read this web page: libxml2 found no document in it", in: name))
        }
        let article = Article(page)
        guard !article.lines.isEmpty else {
            return .failure(.error(zh: "这个网页里没有正文（正文可能是打开网页后才加载的）：在浏览器里打开它，把正文复制到 .txt 文件里再导入", en: "this web page shows no text (it may load its article with JavaScript); open it in a browser, copy the article's text into a .txt file and import that", in: name))
        }
        return .success(ExtractedText(lines: article.lines, encoding: "HTML (\(text.encoding))", removals: article.removals))
    }

    /// The charset a page declares in its first bytes: `<meta charset="gbk">` or
    /// `<meta http-equiv="Content-Type" content="text/html; charset=gb2312">`.
    static func declaredCharset(_ bytes: [UInt8]) -> String? {
        let head = String(decoding: bytes.prefix(4096).map { $0 < 0x80 ? $0 : 0x20 }, as: UTF8.self).lowercased()
        guard let regex = try? NSRegularExpression(pattern: "<meta[^>]*charset\\s*=\\s*[\"']?([a-z0-9_-]+)") else { return nil }
        guard let match = regex.firstMatch(in: head, range: NSRange(head.startIndex..., in: head)),
              let range = Range(match.range(at: 1), in: head) else { return nil }
        return String(head[range])
    }

    /// The `--encoding` name that decodes a declared charset; nil for one lantai does not know,
    /// which is then told from the bytes.
    static func forcibleName(ofCharset charset: String) -> String? {
        switch charset {
        case "utf-8", "utf8": "utf-8"
        case "gb2312", "gbk", "gb18030", "x-gbk", "cp936", "euc-cn": "gb18030"
        case "big5", "big5-hkscs", "cp950", "x-big5": "big5"
        case "utf-16", "utf-16le": "utf-16le"
        case "utf-16be": "utf-16be"
        default: nil
        }
    }
}

/// A page as a tree of plain values, copied out of libxml2's document, which is then freed.
struct HTMLTree: Sendable, Hashable {
    enum Node: Sendable, Hashable {
        case element(Element)
        case text(String, line: Int)
    }

    struct Element: Sendable, Hashable {
        var name: String
        var id: String
        var classes: String
        var attributes: [String: String]
        var line: Int
        var children: [Node]
    }

    var root: Element

    /// Elements whose content is never text of the page.
    static let hidden: Set<String> = ["script", "style", "noscript", "template", "iframe", "object", "svg", "select", "option", "button", "input", "textarea", "map", "canvas", "audio", "video"]

    static func parse(_ text: String) -> HTMLTree? {
        let options = Int32(HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_NONET.rawValue)
        let utf8 = Array(text.utf8)
        let document = utf8.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) { pointer in
                htmlReadMemory(pointer, Int32(buffer.count), nil, "UTF-8", options)
            }
        }
        guard let document else { return nil }
        defer { xmlFreeDoc(document) }
        guard let root = xmlDocGetRootElement(document), case .element(let element)? = convert(root) else { return nil }
        return HTMLTree(root: element)
    }

    private static func convert(_ node: xmlNodePtr) -> Node? {
        switch node.pointee.type {
        case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
            guard let content = node.pointee.content else { return nil }
            return .text(String(cString: content), line: Int(xmlGetLineNo(node)))
        case XML_ELEMENT_NODE:
            let name = String(cString: node.pointee.name).lowercased()
            guard !hidden.contains(name) else { return nil }
            var attributes: [String: String] = [:]
            var attribute = node.pointee.properties
            while let current = attribute {
                if let value = xmlGetProp(node, current.pointee.name) {
                    attributes[String(cString: current.pointee.name).lowercased()] = String(cString: value)
                    lantai_xml_free(value)
                }
                attribute = current.pointee.next
            }
            var children: [Node] = []
            var child = node.pointee.children
            while let current = child {
                if let converted = convert(current) { children.append(converted) }
                child = current.pointee.next
            }
            return .element(Element(name: name, id: attributes["id"] ?? "", classes: attributes["class"] ?? "", attributes: attributes,
                                    line: Int(xmlGetLineNo(node)), children: children))
        default:
            return nil
        }
    }
}
