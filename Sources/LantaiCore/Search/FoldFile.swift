/// `search/fold.js`: the traditional → simplified table (`SearchNormalizer.foldingTable`) the
/// browser folds queries with, as `{from, to}`: the traditional characters' code points in
/// ascending order as `PostingCode` differences (from 0), and their simplified characters in the
/// same order, spelt in `TextCode`. Every query reads it: 14 KB, where the characters in pairs
/// took 23.
enum FoldFile {
    static var json: String {
        var from: [UInt8] = []
        var to = String.UnicodeScalarView()
        var previous: UInt32 = 0
        for (source, target) in SearchNormalizer.foldingTable.sorted(by: { $0.key.value < $1.key.value }) {
            PostingCode.append(Int(source.value - previous), to: &from)
            previous = source.value
            to.append(target)
        }
        return "{\"from\":\"" + String(decoding: from, as: UTF8.self) + "\",\"to\":" + JSONText.quoted(TextCode.encode(String(to))) + "}"
    }
}
