/// Traditional → simplified, character for character, through the search folding table. Unlike
/// `SearchNormalizer` it keeps everything else as it is (punctuation, spaces, case), and it keeps
/// each character's length in UTF-16, so a match found in the folded line has the same range in
/// the original.
enum Simplified {
    static func fold(_ text: String) -> String {
        var output = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if let target = SearchNormalizer.foldingTable[scalar], target.utf16.count == scalar.utf16.count {
                output.append(target)
            } else {
                output.append(scalar)
            }
        }
        return String(output)
    }
}
