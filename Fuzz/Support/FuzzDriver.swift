import Foundation

/// libFuzzer's driver, in the runtime that `-sanitize=fuzzer` links.
@_extern(c, "LLVMFuzzerRunDriver")
private func runDriver(_ argc: UnsafeMutablePointer<Int32>,
                       _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
                       _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32) -> Int32

/// Runs libFuzzer's driver on a Swift function. SwiftPM gives each executable target an entry
/// point of its own, so the targets call the driver from their top-level code instead of
/// relying on libFuzzer's `main`.
public enum FuzzDriver {
    /// The function under test; a C callback cannot capture it, so it lives here.
    nonisolated(unsafe) fileprivate static var body: (UnsafeBufferPointer<UInt8>) -> Void = { _ in }

    fileprivate static func test(_ input: UnsafeBufferPointer<UInt8>) { body(input) }

    public static func run(_ test: @escaping (UnsafeBufferPointer<UInt8>) -> Void) -> Int32 {
        body = test
        var argc = CommandLine.argc
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        return runDriver(&argc, &argv) { start, count in testOneInput(start, count) }
    }
}

/// The entry libFuzzer's runtime names (its own `main` would call it); the driver above is given
/// the same function.
@_cdecl("LLVMFuzzerTestOneInput")
public func testOneInput(_ start: UnsafePointer<UInt8>?, _ count: Int) -> Int32 {
    FuzzDriver.test(UnsafeBufferPointer(start: count == 0 ? nil : start, count: count))
    return 0
}
