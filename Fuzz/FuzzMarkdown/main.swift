import Foundation
import LantaiFuzzSupport
import LantaiTestSupport

// libFuzzer target: see FuzzChecks.markdown in Tests/LantaiTestSupport/FuzzChecks.swift.
exit(FuzzDriver.run { input in
    let problems = FuzzChecks.markdown(Array(input))
    precondition(problems.isEmpty, problems.joined(separator: "\n"))
})
