import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// An element of an XML document as a plain tree, its name and attribute names without their
/// namespace prefix (WordprocessingML puts everything under `w:`): what the Word reader walks,
/// and the boxes of `pdftotext -bbox-layout`.
final class XMLElementNode {
    let name: String
    let attributes: [String: String]
    var elements: [XMLElementNode] = []
    var text = ""

    init(name: String, attributes: [String: String]) {
        self.name = name
        self.attributes = attributes
    }

    func first(_ name: String) -> XMLElementNode? {
        elements.first { $0.name == name }
    }

    func children(named name: String) -> [XMLElementNode] {
        elements.filter { $0.name == name }
    }

    /// Descendants of that name in document order; the fallback copies of `mc:AlternateContent`
    /// are skipped so no text is read twice.
    func all(_ name: String) -> [XMLElementNode] {
        var found: [XMLElementNode] = []
        func visit(_ element: XMLElementNode) {
            for child in element.elements where child.name != "Fallback" {
                if child.name == name { found.append(child) }
                visit(child)
            }
        }
        visit(self)
        return found
    }

    static func parse(_ data: Data) -> XMLElementNode? {
        let builder = Builder()
        let parser = XMLParser(data: data)
        parser.delegate = builder
        return parser.parse() ? builder.root : nil
    }

    private static func local(_ name: String) -> String {
        name.split(separator: ":").last.map(String.init) ?? name
    }

    private final class Builder: NSObject, XMLParserDelegate {
        var root: XMLElementNode?
        private var stack: [XMLElementNode] = []

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
            var local: [String: String] = [:]
            for (key, value) in attributes { local[XMLElementNode.local(key)] = value }
            let element = XMLElementNode(name: XMLElementNode.local(name), attributes: local)
            if let parent = stack.last { parent.elements.append(element) } else { root = element }
            stack.append(element)
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            stack.last?.text += string
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            stack.removeLast()
        }
    }
}
