/// ASCII slugs for file names and URLs.
public enum Slug {
    /// Lower-case ASCII letters, digits and single hyphens. When the name had characters that
    /// cannot be spelled in ASCII (Chinese, say), a short hash of the whole name is appended so
    /// that two Chinese names with the same ASCII part still get different slugs.
    public static func make(_ name: String) -> String {
        var slug = ""
        var droppedNonASCII = false
        var pendingHyphen = false
        for scalar in name.unicodeScalars {
            let value = scalar.value
            let isAlphanumeric = (0x30...0x39).contains(value) || (0x61...0x7A).contains(value) || (0x41...0x5A).contains(value)
            if isAlphanumeric || value == 0x5F {
                if pendingHyphen && !slug.isEmpty { slug.append("-") }
                pendingHyphen = false
                slug.unicodeScalars.append(Unicode.Scalar(UInt8(value)).lowercasedASCII)
            } else {
                if value > 0x7F { droppedNonASCII = true }
                pendingHyphen = true
            }
        }
        if droppedNonASCII || slug.isEmpty {
            let hash = StableHash.hex(name)
            slug = slug.isEmpty ? "x-\(hash)" : "\(slug)-\(hash)"
        }
        return slug
    }

    /// Whether a user-given slug is already acceptable as is.
    public static func isValid(_ slug: String) -> Bool {
        !slug.isEmpty && slug.unicodeScalars.allSatisfy { scalar in
            let v = scalar.value
            return (0x30...0x39).contains(v) || (0x61...0x7A).contains(v) || v == 0x2D || v == 0x5F
        }
    }
}

private extension Unicode.Scalar {
    var lowercasedASCII: Unicode.Scalar {
        (0x41...0x5A).contains(value) ? Unicode.Scalar(UInt8(value + 0x20)) : self
    }
}
