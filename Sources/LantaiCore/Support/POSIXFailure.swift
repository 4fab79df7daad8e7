import Foundation

/// A failed system call on a file (of the output or the cache).
struct POSIXFailure: Error, LocalizedError {
    var path: String
    var code: Int32
    var errorDescription: String? { "\(path): \(String(cString: strerror(code)))" }
}
