/// A small inline SVG bar chart of a topic's passages per year. Only numbers go into it, so it
/// needs no escaping; it is labelled for screen readers and draws nothing without data.
enum TopicChart {
    static func svg(counts: [(year: Int, count: Int)]) -> String? {
        guard !counts.isEmpty, let highest = counts.map(\.count).max(), highest > 0 else { return nil }
        let barWidth = 28, gap = 8, plotHeight = 80, labelHeight = 16, valueHeight = 14
        let width = counts.count * (barWidth + gap) + gap
        let height = plotHeight + labelHeight + valueHeight
        let summary = counts.map { "\($0.year)年\($0.count)段" }.joined(separator: "，")
        var parts = ["<svg class=\"topic-chart\" xmlns=\"http://www.w3.org/2000/svg\" width=\"\(width)\" height=\"\(height)\" viewBox=\"0 0 \(width) \(height)\" role=\"img\" aria-label=\"各年份相关段落数：\(summary)\">"]
        for (index, entry) in counts.enumerated() {
            let x = gap + index * (barWidth + gap)
            let barHeight = entry.count == 0 ? 0 : max(2, entry.count * plotHeight / highest)
            let y = valueHeight + plotHeight - barHeight
            parts.append("<rect x=\"\(x)\" y=\"\(y)\" width=\"\(barWidth)\" height=\"\(barHeight)\"/>")
            parts.append("<text x=\"\(x + barWidth / 2)\" y=\"\(y - 3)\" text-anchor=\"middle\">\(entry.count)</text>")
            parts.append("<text x=\"\(x + barWidth / 2)\" y=\"\(height - 3)\" text-anchor=\"middle\">\(entry.year)</text>")
        }
        parts.append("</svg>")
        return parts.joined()
    }
}
