import Foundation
import LantaiFuzzSupport
import LantaiTestSupport

// libFuzzer target: see FuzzChecks.contentFile in Tests/LantaiTestSupport/FuzzChecks.swift.
exit(FuzzDriver.run { input in
    let problems = FuzzChecks.contentFile(Array(input))
    precondition(problems.isEmpty, problems.joined(separator: "\n"))
})
