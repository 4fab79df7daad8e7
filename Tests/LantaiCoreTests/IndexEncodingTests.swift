import Foundation
@testable import LantaiCore
import LantaiTestSupport
import Testing

/// The hand-written pieces of the index format: JSON strings and PostingCode numbers read back
/// by independent decoders.
@Suite struct IndexEncodingTests {
    @Test func quotedTextIsJSONThatDecodesToItself() throws {
        let samples = ["服务意识", "say \"hi\"\\n", "tab\tline\nreturn\r", "\u{01}\u{1F}", "a\u{2028}b\u{2029}c", "𠮷野家 😀", "", "—“引号”…"]
        for text in samples {
            let json = JSONText.quoted(text)
            #expect(try JSONDecoder().decode(String.self, from: Data(json.utf8)) == text, "\(json)")
            #expect(!json.unicodeScalars.contains { $0.value < 0x20 || $0 == "\u{2028}" || $0 == "\u{2029}" }, "\(json)")
        }
    }

    /// The entry files are written by hand; they are the JSON `JSONEncoder` writes with sorted keys
    /// (absent fields left out), and read back as the entries, also with characters only
    /// `JSONText` escapes (control characters, U+2028).
    @Test func entryListsAreWhatTheEncoderWrites() throws {
        var random = SeededGenerator(seed: 7)
        let texts = ["服务意识", "a/b.html", "say \"hi\" \\", "", "𠮷野家 😀", "2023-05-01", "讲话"]
        let odd = ["tab\tline\n", "a\u{2028}b", "\u{01}"]
        func text(_ pool: [String]) -> String { pool[Int(random.next() % UInt64(pool.count))] }
        func maybe(_ pool: [String]) -> String? { random.next() % 3 == 0 ? nil : text(pool) }
        for round in 0..<200 {
            let pool = round % 4 == 3 ? texts + odd : texts
            let entries: [SearchIndex.Entry?] = (0..<Int(random.next() % 4)).map { _ in
                random.next() % 5 == 0 ? nil : SearchIndex.Entry(
                    slug: text(pool), url: text(pool), title: text(pool), date: maybe(pool), type: maybe(pool), speaker: maybe(pool),
                    topics: (0..<Int(random.next() % 3)).map { _ in text(pool) }, pieces: (0..<Int(random.next() % 4)).map { _ in Int(random.next() % 70000) })
            }
            let written = SearchIndex.Entry.json(entries[...])
            #expect(try JSONDecoder().decode([SearchIndex.Entry?].self, from: Data(written)) == entries)
            if round % 4 != 3 {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
                #expect(Data(written) == (try encoder.encode(entries)), "\(String(decoding: written, as: UTF8.self))")
            }
        }
    }

    struct TextCodeVectors: Decodable {
        struct Case: Decodable {
            var input: String
            var expected: String
        }
        var encode: [Case]
        var invalid: [String]
    }

    @Test func textCodeMatchesTheSharedVectors() throws {
        let url = RepositoryPaths.root.appendingPathComponent("Tests/vectors/text-code.json")
        let vectors = try JSONDecoder().decode(TextCodeVectors.self, from: Data(contentsOf: url))
        #expect(vectors.encode.count >= 5 && vectors.invalid.count >= 3)
        for vector in vectors.encode {
            #expect(TextCode.encode(vector.input) == vector.expected, "input: \(vector.input)")
            #expect(TextCode.decode(vector.expected) == vector.input, "coded: \(vector.expected)")
        }
        for coded in vectors.invalid {
            #expect(TextCode.decode(coded) == nil, "coded: \(coded)")
        }
    }

    /// A statistics row: the ends of strided segments in two small numbers, other ends as they
    /// are; the rows and their PostingCode text as the shared vectors give them (worked out by
    /// hand), which search.js decodes in the node tests.
    @Test func statisticsRowsMatchTheSharedVectors() throws {
        struct Vectors: Decodable {
            struct Row: Decodable {
                var length: Int
                var titleEnd: Int
                var headingsEnd: Int
                var row: [Int]
                var coded: String
            }
            var rows: [Row]
        }
        let url = RepositoryPaths.root.appendingPathComponent("Tests/vectors/statistics.json")
        let vectors = try JSONDecoder().decode(Vectors.self, from: Data(contentsOf: url))
        #expect(vectors.rows.count >= 5)
        for vector in vectors.rows {
            let row = SearchIndex.statisticsRow(length: vector.length, titleEnd: vector.titleEnd, headingsEnd: vector.headingsEnd)
            #expect(row == vector.row)
            #expect(PostingCode.encode(row) == vector.coded)
            let read = try #require(SearchIndex.statistics(row: vector.row[...]))
            #expect(read.length == vector.length && read.titleEnd == vector.titleEnd && read.headingsEnd == vector.headingsEnd)
        }
        #expect(SearchIndex.statistics(row: [1, 2 * 70 + 1, 5][...]) == nil, "an exponent past the word is no row")
    }

    @Test func textCodeRoundTripsAnyTextInJSONSafeSymbols() throws {
        // Characters from every part of the table, outside it, beyond the Basic Multilingual Plane,
        // the JSON escapes and controls.
        let pool = Array("，。的要工作办公室服务意识啊座齄辦務龜ABCxyz09 \"\\\n\t\u{01}\u{7F}　、“”《》＃＊𠮷😀é\u{301}")
        var random = SeededGenerator(seed: 26)
        for _ in 0..<500 {
            let text = String((0..<Int(random.next() % 40)).map { _ in pool[Int(random.next() % UInt64(pool.count))] })
            let coded = TextCode.encode(text)
            #expect(TextCode.decode(coded) == text, "text: \(text.debugDescription)")
            // Only symbols and characters outside the table: nothing a JSON string must escape.
            #expect(!coded.unicodeScalars.contains { $0.value < 0x20 || $0 == "\"" || $0 == "\\" }, "\(coded.debugDescription)")
        }
        // The table as the browser gets it gives the table back: frequent, ASCII, then the differences.
        let sent = try #require(try JSONSerialization.jsonObject(with: Data(TextCode.json.utf8)) as? [String: String])
        let commonText = try #require(sent["common"])
        let deltas = try #require(PostingCode.decode(commonText))
        var codePoint = 0
        let common = deltas.map { delta -> Unicode.Scalar in
            codePoint += delta
            return Unicode.Scalar(UInt32(codePoint))!
        }
        let frequent = try #require(sent["frequent"])
        #expect(Array(frequent.unicodeScalars) + (0..<128).map { Unicode.Scalar(UInt8($0)) } + common == TextCode.table)
        // The common characters take at most two bytes; the table holds GB 2312 level 1.
        #expect(TextCode.encode("啊座").utf8.count == 4, "the first and last of level 1")
        #expect(TextCode.table.count == 4071)
    }

    @Test func postingEntriesSpendNothingOnASingleOccurrence() throws {
        var triples = PostingListBuilder()
        triples.add(3, positions: [5])
        triples.add(4, positions: [5, 9, 20])
        // Worked by hand: document 3, position 5 × 2; document +1, 5 × 2 + 1, count 3 − 2, deltas 4 and 11.
        #expect(PostingCode.decode(String(decoding: triples.bytes, as: UTF8.self)) == [3, 10, 1, 11, 1, 4, 11])
        let decoded = try #require(Posting.decode(String(decoding: triples.bytes, as: UTF8.self), triple: true))
        #expect(decoded == [Posting(document: 3, count: 1, tier: -1, positions: [5]), Posting(document: 4, count: 3, tier: -1, positions: [5, 9, 20])])
        var grams = PostingListBuilder()
        grams.add(0, count: 1, tier: 2)
        grams.add(7, count: 12, tier: 0)
        // (1 − 1) × 3 + 2 and (12 − 1) × 3 + 0.
        #expect(PostingCode.decode(String(decoding: grams.bytes, as: UTF8.self)) == [0, 2, 7, 33])
        #expect(Posting.decode(String(decoding: grams.bytes, as: UTF8.self), triple: false) ==
                [Posting(document: 0, count: 1, tier: 2, positions: []), Posting(document: 7, count: 12, tier: 0, positions: [])])
        // A triple whose count says more positions than the list holds is damage.
        #expect(Posting.decode(PostingCode.encode([0, 11, 5, 4]), triple: true) == nil)
    }

    @Test func theFoldFileGivesBackTheFoldingTable() throws {
        let fold = try #require(try JSONSerialization.jsonObject(with: Data(FoldFile.json.utf8)) as? [String: String])
        let fromText = try #require(fold["from"]), toText = try #require(fold["to"])
        let deltas = try #require(PostingCode.decode(fromText))
        let targets = Array(try #require(TextCode.decode(toText)).unicodeScalars)
        #expect(deltas.count == targets.count && deltas.count == SearchNormalizer.foldingTable.count)
        var codePoint = 0
        var table: [Unicode.Scalar: Unicode.Scalar] = [:]
        for (delta, target) in zip(deltas, targets) {
            codePoint += delta
            table[Unicode.Scalar(UInt32(codePoint))!] = target
        }
        #expect(table == SearchNormalizer.foldingTable)
        // Smaller than the characters themselves, every traditional one followed by its simplified one.
        let pairs = SearchNormalizer.foldingTable.reduce(0) { $0 + String($1.key).utf8.count + String($1.value).utf8.count }
        #expect(FoldFile.json.utf8.count * 3 < pairs * 2, "\(FoldFile.json.utf8.count) bytes against \(pairs)")
    }

    @Test func postingCodeSymbolsArePrintableASCIILessQuoteAndBackslash() {
        let symbols = String(decoding: (0..<93).map { PostingCode.character(of: $0) }, as: UTF8.self)
        #expect(symbols == " !#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[]^_`abcdefghijklmnopqrstuvwxyz{|}~")
        #expect(symbols.utf8.elementsEqual(TextCode.symbols), "one set of symbols for the index")
    }

    @Test func postingCodeRoundTripsAndRejectsDamage() {
        // Worked by hand from the symbol list above: 39 is the last number of one symbol ("H").
        #expect(PostingCode.encode([0]) == " ")
        #expect(PostingCode.encode([39]) == "H")
        // 40 = 40 + 53 × 0: inner digit 40 (symbol 80, "r"), last digit 0 (" ").
        #expect(PostingCode.encode([40]) == "r ")
        // 2,119 = 52 + 53 × 39: symbol 92 ("~"), then 39 ("H"); 2,120 = 0 + 53 × 40 takes three.
        #expect(PostingCode.encode([2119]) == "~H")
        #expect(PostingCode.encode([2120]).count == 3)
        let numbers = [0, 1, 31, 39, 40, 1023, 2119, 2120, 33_000, 112_359, 112_360, 1 << 40, 7]
        let text = PostingCode.encode(numbers)
        #expect(PostingCode.decode(text) == numbers)
        #expect(PostingCode.decode(text + "r") == nil, "a number cut short")
        #expect(PostingCode.decode("A\u{01}") == nil, "a byte that is no symbol")
        #expect(PostingCode.decode(String(repeating: "~", count: 12) + " ") == nil, "longer than any number written")
    }
}
