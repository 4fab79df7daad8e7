/// A stable least-significant-digit radix sort of 64-bit integers, a byte a pass: linear in the
/// count, where the standard library's merge sort of the same integers cost some 60 ns an element
/// (the band keys of similar passages, millions a build).
enum RadixSort {
    /// Sorts `values` by their bits from `lowBit` up; values equal there keep their order, so an
    /// array already ordered by its low bits comes out ordered by the whole value.
    static func sort(_ values: inout [UInt64], fromBit lowBit: Int) {
        guard values.count > 1 else { return }
        var buffer = [UInt64](repeating: 0, count: values.count)
        var shift = lowBit
        while shift < 64 {
            var counts = [Int](repeating: 0, count: 257)
            for value in values { counts[Int(truncatingIfNeeded: value >> UInt64(shift)) & 0xFF + 1] += 1 }
            // A byte that every value shares leaves the order as it is.
            if counts.contains(values.count) {
                shift += 8
                continue
            }
            for digit in 0..<256 { counts[digit + 1] += counts[digit] }
            values.withUnsafeBufferPointer { source in
                buffer.withUnsafeMutableBufferPointer { target in
                    for value in source {
                        let digit = Int(truncatingIfNeeded: value >> UInt64(shift)) & 0xFF
                        target[counts[digit]] = value
                        counts[digit] += 1
                    }
                }
            }
            swap(&values, &buffer)
            shift += 8
        }
    }
}
