import Foundation
import LantaiFuzzSupport
import LantaiTestSupport

// libFuzzer target: see FuzzChecks.parallelParse in Tests/LantaiTestSupport/FuzzChecks.swift.
exit(FuzzDriver.run { input in
    let problems = FuzzChecks.parallelParse(Array(input))
    precondition(problems.isEmpty, problems.joined(separator: "\n"))
})
