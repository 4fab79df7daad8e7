import Foundation
@testable import LantaiCore
import Testing

/// A retired site is removed whole, whether its files are known or not, and nothing it links to
/// outside it goes with it.
@Suite struct FolderSwapTests {
    @Test func aRetiredSiteGoesWholeAndWhatItLinksToStays() throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("lantai-folderswap-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: base) }
        let outside = base.appendingPathComponent("outside.txt")
        try FileManager.default.createDirectory(at: base, withIntermediateDirectories: true)
        try Data("keep".utf8).write(to: outside)
        for known in [[], ["a/1.html", "index.html"]] {
            let site = base.appendingPathComponent("retired")
            let files = ["index.html", "a/1.html", "a/b/2.html", "a/b/c/3.js", ".hidden", "a/.also-hidden", "search/terms/9.js"]
            for file in files {
                let url = site.appendingPathComponent(file)
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(file.utf8).write(to: url)
            }
            try FileManager.default.createSymbolicLink(at: site.appendingPathComponent("a/link.txt"), withDestinationURL: outside)
            try FileManager.default.createSymbolicLink(at: site.appendingPathComponent("folder-link"), withDestinationURL: base)
            FolderSwap.remove(site, knownFiles: known)
            #expect(!FileManager.default.fileExists(atPath: site.path), "known: \(known)")
            #expect(try String(contentsOf: outside, encoding: .utf8) == "keep")
        }
    }
}
