import RedbookDSL
import Testing

/// The labels the REPL hints for each step are the ones the step itself accepts and names.
@Suite struct StepSignatureTests {
    @Test(arguments: Interpreter.steps.filter { !["min", "max", "print", "redis", "model"].contains($0.name) })
    func aWrongLabelNamesTheListedSignature(step: (name: String, signature: String)) {
        let outcome = Interpreter().run("\(step.name)(notALabel: 1)")
        let problem = outcome.diagnostics.first
        let text = (problem?.message ?? "") + " " + (problem?.hint ?? "")
        #expect(text.contains(step.signature), "\(step.name): \(text)")
    }

    @Test func everyStepIsListedOnceAndSorted() {
        let names = Interpreter.steps.map(\.name)
        #expect(names == names.sorted())
        #expect(Set(names).count == names.count)
        #expect(names.contains("search") && names.contains("embed") && names.contains("fetch"))
    }
}
