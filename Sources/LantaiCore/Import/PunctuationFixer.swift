/// Half-width punctuation typed into Chinese text becomes full-width: `,` `:` `;` `!` `?` and
/// parentheses next to a Chinese character (`同志们:` → `同志们：`, `(一)` → `（一）`). Between
/// ASCII letters and digits they stay (`1,000`, `GDP:5%`, `f(x)`).
enum PunctuationFixer {
    private static let fullWidth: [Unicode.Scalar: Unicode.Scalar] = [
        ",": "，", ":": "：", ";": "；", "!": "！", "?": "？", "(": "（", ")": "）",
    ]

    static func fix(_ line: String) -> String {
        var scalars = Array(line.unicodeScalars)
        // Parentheses go in pairs, so `材料(20组)` does not end up half converted.
        var open: Int?
        for index in scalars.indices {
            switch scalars[index] {
            case "(":
                open = index
            case ")":
                if let start = open {
                    let inside = scalars[(start + 1)..<index]
                    if inside.contains(where: CJK.isCJK) || neighbourIsCJK(scalars, start) || neighbourIsCJK(scalars, index) {
                        scalars[start] = "（"
                        scalars[index] = "）"
                    }
                    open = nil
                }
            default:
                break
            }
        }
        for index in scalars.indices {
            guard let wide = fullWidth[scalars[index]], neighbourIsCJK(scalars, index) else { continue }
            scalars[index] = wide
        }
        var output = String.UnicodeScalarView()
        output.append(contentsOf: scalars)
        return String(output)
    }

    /// Whether the nearest character before or after `index` (spaces skipped) is Chinese.
    private static func neighbourIsCJK(_ scalars: [Unicode.Scalar], _ index: Int) -> Bool {
        var before = index - 1
        while before >= 0, scalars[before] == " " { before -= 1 }
        var after = index + 1
        while after < scalars.count, scalars[after] == " " { after += 1 }
        return (before >= 0 && CJK.isCJK(scalars[before])) || (after < scalars.count && CJK.isCJK(scalars[after]))
    }
}
