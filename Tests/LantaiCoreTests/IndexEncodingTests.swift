import Foundation
@testable import LantaiCore
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

    @Test func postingCodeCharactersAreTheAlphabetsInOrder() {
        let characters = (0..<64).map { PostingCode.character(of: $0) }
        #expect(String(decoding: characters, as: UTF8.self) == "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")
    }

    @Test func postingCodeRoundTripsAndRejectsDamage() {
        let numbers = [0, 1, 31, 32, 1023, 1024, 33_000, 1 << 40, 7]
        let text = PostingCode.encode(numbers)
        #expect(PostingCode.decode(text) == numbers)
        // Small numbers take one character each, as the format promises.
        #expect(PostingCode.encode([0, 31, 5]).count == 3)
        #expect(PostingCode.decode(text + "g") == nil, "a number cut short")
        #expect(PostingCode.decode("A!") == nil, "a character outside the alphabet")
    }
}
