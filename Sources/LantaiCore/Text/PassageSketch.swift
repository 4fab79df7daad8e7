/// What similar-passage detection needs of one paragraph, made where the paragraph is made (and
/// kept with its parse in the build cache), so that a build compares the paragraphs of every
/// document without hashing every trigram of the corpus again: MinHash over the paragraph's
/// character trigrams, condensed to one key per band (`SimilarPassages`: paragraphs become
/// candidates when a band key agrees). The trigram sets that confirm a candidate are made again
/// only for the paragraphs that are candidates.
public enum PassageSketch {
    static let bands = 16
    static let rows = 3
    /// Paragraphs with fewer distinct trigrams (同志们：) are too short to say anything.
    static let minimumTrigrams = 12

    /// The band keys of a normalised paragraph; nil when it is too short to compare.
    public static func bandKeys(of normalized: String) -> [UInt64]? {
        let mixed = trigrams(normalized).map(SplitMix.mix)
        guard hasMinimumDistinctHashes(mixed) else { return nil }
        return bandKeys(signature(ofMixed: mixed))
    }

    /// Whether the mixes hold `minimumTrigrams` distinct hashes (as `hashedSet` counts them),
    /// looking only as far as it takes: most paragraphs answer within their first dozen trigrams,
    /// where sorting every hash of every paragraph cost a tenth of a build.
    static func hasMinimumDistinctHashes(_ mixed: [UInt64]) -> Bool {
        guard mixed.count >= minimumTrigrams else { return false }
        var distinct: [UInt32] = []
        distinct.reserveCapacity(minimumTrigrams)
        for mix in mixed {
            let hash = UInt32(truncatingIfNeeded: mix >> 32)
            if !distinct.contains(hash) {
                distinct.append(hash)
                if distinct.count == minimumTrigrams { return true }
            }
        }
        return false
    }

    /// A paragraph's trigrams as sorted, distinct 32-bit hashes (what a candidate is confirmed
    /// with), from its text as it is or normalised: the text is read through `SearchNormalizer`.
    static func hashedSet(of text: String) -> [UInt32] {
        hashedSet(ofMixed: trigrams(normalizing: text).map(SplitMix.mix))
    }

    /// The overlapping three-character pieces of the letters and digits of `text`, each packed
    /// into 64 bits, in text order with repeats (the signature's minimums do not see repeats, and
    /// `hashedSet` drops them).
    static func trigrams(_ text: String) -> [UInt64] {
        var trigrams = TrigramWindow(capacity: text.utf8.count / 3 + 1)
        for scalar in text.unicodeScalars { trigrams.push(scalar) }
        return trigrams.found
    }

    /// `trigrams(SearchNormalizer.normalize(text))`, without making the normalised copy.
    static func trigrams(normalizing text: String) -> [UInt64] {
        var trigrams = TrigramWindow(capacity: text.utf8.count / 3 + 1)
        SearchNormalizer.normalize(text) { scalar, _ in trigrams.push(scalar) }
        return trigrams.found
    }

    /// The last three letters or digits seen, and the trigrams so far.
    private struct TrigramWindow {
        var found: [UInt64] = []
        private var window: UInt64 = 0
        private var seen = 0

        init(capacity: Int) { found.reserveCapacity(capacity) }

        mutating func push(_ scalar: Unicode.Scalar) {
            guard PassageSketch.isWordCharacter(scalar) else { return }
            window = (window << 21 | UInt64(scalar.value)) & (1 << 63 - 1)
            seen += 1
            if seen >= 3 { found.append(window) }
        }
    }

    /// Letters and digits; ideographs and ASCII answered without the Unicode property tables.
    static func isWordCharacter(_ scalar: Unicode.Scalar) -> Bool {
        if CJK.isIdeograph(scalar) { return true }
        if scalar.isASCII {
            let value = scalar.value | 0x20
            return (0x61...0x7A).contains(value) || (0x30...0x39).contains(scalar.value)
        }
        return scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }

    /// Sorted, distinct 32-bit hashes of trigrams, from their mixes (`mix`): the high halves.
    /// A paragraph's hashes are few (hundreds), so a plain quicksort on the buffer beats the
    /// standard library's stable merge sort here.
    static func hashedSet(ofMixed mixed: [UInt64]) -> [UInt32] {
        var hashes = mixed.map { UInt32(truncatingIfNeeded: $0 >> 32) }
        let count = hashes.withUnsafeMutableBufferPointer { buffer -> Int in
            guard let base = buffer.baseAddress, buffer.count > 1 else { return buffer.count }
            quicksort(base, 0, buffer.count - 1)
            var write = 1
            for read in 1..<buffer.count where base[read] != base[write - 1] {
                base[write] = base[read]
                write += 1
            }
            return write
        }
        hashes.removeLast(hashes.count - count)
        return hashes
    }

    /// Sorts `values[low...high]` in place: median-of-three quicksort, insertion sort for short runs.
    private static func quicksort(_ values: UnsafeMutablePointer<UInt32>, _ low: Int, _ high: Int) {
        var low = low, high = high
        while high - low > 16 {
            let middle = low + (high - low) / 2
            if values[middle] < values[low] { swap(values, middle, low) }
            if values[high] < values[low] { swap(values, high, low) }
            if values[high] < values[middle] { swap(values, high, middle) }
            let pivot = values[middle]
            var i = low, j = high
            while i <= j {
                while values[i] < pivot { i += 1 }
                while values[j] > pivot { j -= 1 }
                if i <= j { swap(values, i, j); i += 1; j -= 1 }
            }
            // Recurse into the smaller side, loop on the larger: the stack stays logarithmic.
            if j - low < high - i {
                quicksort(values, low, j)
                low = i
            } else {
                quicksort(values, i, high)
                high = j
            }
        }
        if high <= low { return }
        for i in (low + 1)...high {
            let value = values[i]
            var j = i - 1
            while j >= low, values[j] > value {
                values[j + 1] = values[j]
                j -= 1
            }
            values[j + 1] = value
        }
    }

    private static func swap(_ values: UnsafeMutablePointer<UInt32>, _ a: Int, _ b: Int) {
        let value = values[a]
        values[a] = values[b]
        values[b] = value
    }

    /// The MinHash signature, by one permutation: each trigram's mix `h` (already a good hash)
    /// falls into one of `bands × rows` bins by its high half, and a bin keeps the least mix it
    /// receives. A bin no trigram fell into takes the value of another bin, chosen by a sequence
    /// that depends on the bin alone (optimal densification, Shrivastava 2017), so a position of
    /// two signatures agrees with the probability of the sets' Jaccard similarity, as with one
    /// hash function a position — at one operation a trigram instead of 48 (the 48 functions
    /// were an eighth of a parse).
    static func signature(ofMixed mixed: [UInt64]) -> [UInt64] {
        let count = bands * rows
        var least = [UInt64](repeating: .max, count: count)
        var filled = [Bool](repeating: false, count: count)
        for hash in mixed {
            let bin = bin(of: hash >> 32, count: count)
            filled[bin] = true
            if hash < least[bin] { least[bin] = hash }
        }
        let sampled = least
        for bin in 0..<count where !filled[bin] {
            var attempt: UInt64 = 0
            var other = bin
            repeat {
                attempt += 1
                other = Self.bin(of: SplitMix.mix(UInt64(bin) << 32 | attempt) >> 32, count: count)
            } while !filled[other]
            least[bin] = sampled[other]
        }
        return least
    }

    /// `value` (32 bits) mapped evenly onto `0..<count`.
    private static func bin(of value: UInt64, count: Int) -> Int {
        Int(truncatingIfNeeded: ((value & 0xFFFF_FFFF) &* UInt64(count)) >> 32)
    }

    /// One key per band: its rows' values hashed together with the band number.
    static func bandKeys(_ signature: [UInt64]) -> [UInt64] {
        (0..<bands).map { band in
            var key = UInt64(band) &* 0x9E37_79B9_7F4A_7C15
            for row in 0..<rows { key = SplitMix.mix(key ^ signature[band * rows + row]) }
            return key
        }
    }
}
