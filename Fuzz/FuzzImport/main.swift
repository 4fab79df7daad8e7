import Foundation
import LantaiFuzzSupport
import LantaiTestSupport

// libFuzzer target: see FuzzChecks.importedFile in Tests/LantaiTestSupport/FuzzChecks.swift.
exit(FuzzDriver.run { input in
    let problems = FuzzChecks.importedFile(Array(input))
    precondition(problems.isEmpty, problems.joined(separator: "\n"))
})
