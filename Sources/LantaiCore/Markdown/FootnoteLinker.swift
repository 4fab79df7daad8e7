/// Gives each footnote reference its definition's label and its occurrence, and each
/// definition its count of references, as cmark-gfm's HTML renderer works them out: the
/// definition numbered n is the n-th definition at the end of the document.
enum FootnoteLinker {
    static func link(_ root: inout MarkdownNode) {
        // A label the source did not give (`FootnoteLabels` found no `[^…]:`) is the note's
        // number, so its ids stay unique.
        var labels: [String] = []
        for index in root.children.indices {
            if case .footnoteDefinition(let label, let references) = root.children[index].kind {
                labels.append(label.isEmpty ? String(labels.count + 1) : label)
                root.children[index].kind = .footnoteDefinition(label: labels[labels.count - 1], references: references)
            }
        }
        var occurrences = Array(repeating: 0, count: labels.count)
        for index in root.children.indices {
            linkReferences(in: &root.children[index], labels: labels, occurrences: &occurrences)
        }
        var number = 0
        for index in root.children.indices {
            if case .footnoteDefinition(let label, _) = root.children[index].kind {
                root.children[index].kind = .footnoteDefinition(label: label, references: occurrences[number])
                number += 1
            }
        }
    }

    /// The labels of the definitions in the tree, as cmark matches labels.
    static func definedLabels(_ root: MarkdownNode) -> Set<String> {
        var labels: Set<String> = []
        for child in root.children {
            if case .footnoteDefinition(let label, _) = child.kind { labels.insert(normalized(label)) }
        }
        return labels
    }

    /// cmark matches labels case-insensitively with runs of white space as one space.
    static func normalized(_ label: String) -> String {
        label.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// In place, in document order. The converter flattens the tree beyond
    /// `MarkdownParser.maximumDepth`, so the recursion is shallow.
    private static func linkReferences(in node: inout MarkdownNode, labels: [String], occurrences: inout [Int]) {
        if case .footnoteReference(_, let number, _) = node.kind, labels.indices.contains(number - 1) {
            occurrences[number - 1] += 1
            node.kind = .footnoteReference(label: labels[number - 1], number: number, occurrence: occurrences[number - 1])
        }
        for index in node.children.indices {
            linkReferences(in: &node.children[index], labels: labels, occurrences: &occurrences)
        }
    }
}
