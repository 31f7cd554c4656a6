import Foundation
import Testing
@testable import RedbookEncoder

/// The check that turns a binary built for a newer CPU into an error instead of a crash.
@Suite struct ProcessorFeaturesTests {
    @Test func thisMachineRunsItsOwnBuild() {
        #expect(ProcessorFeatures.missingHere.isEmpty)
    }

    @Test func aCPUWithoutTheBuildsInstructionsIsNamed() {
        let old = "processor\t: 0\nflags\t\t: fpu sse sse2 ssse3 sse4_1 sse4_2 popcnt\n"
        #expect(ProcessorFeatures.missing(cpuinfo: old) == ProcessorFeatures.required)
        let current = "processor\t: 0\nflags\t\t: fpu sse sse2 " + ProcessorFeatures.required.joined(separator: " ") + " avx\n"
        #expect(ProcessorFeatures.missing(cpuinfo: current).isEmpty)
        // Without a flags line the system says nothing, and nothing is refused.
        #expect(ProcessorFeatures.missing(cpuinfo: "processor : 0\n").isEmpty)
        #expect(ProcessorFeatures.missing(cpuinfo: nil).isEmpty)
    }

    @Test func flagsAreReadFromTheFirstProcessor() {
        let cpuinfo = "processor\t: 0\nflags\t\t: fpu avx2 avx512f avx512bw\nprocessor\t: 1\nflags\t\t: fpu\n"
        #expect(ProcessorFeatures.flags(cpuinfo) == ["fpu", "avx2", "avx512f", "avx512bw"])
        #expect(!ProcessorFeatures.flags(cpuinfo).isSuperset(of: ["avx512f", "avx512bw", "avx512vl", "avx512dq"]))
    }

    @Test func theMatrixPathFollowsTheCPUUnlessTold() {
        // The test run may force a path through REDBOOK_MATMUL; otherwise the CPU decides.
        if ProcessInfo.processInfo.environment["REDBOOK_MATMUL"] == nil {
            #if arch(x86_64)
            #expect(MatrixPath.standard == (ProcessorFeatures.hasAVX2 ? .oneDNN : .openBLAS))
            #else
            #expect(MatrixPath.standard == .openBLAS)
            #endif
        }
    }

    @Test func theSettingNamesALibraryOrAnInstructionSet() {
        #expect(MatrixPath(setting: "openblas") == .openBLAS)
        #expect(MatrixPath(setting: "AVX2") == .openBLAS)
        #expect(MatrixPath(setting: "oneDNN") == .oneDNN)
        #expect(MatrixPath(setting: "avx512") == .oneDNN)
        #expect(MatrixPath(setting: "bf16") == .bfloat16)
        #expect(MatrixPath(setting: "BFloat16") == .bfloat16)
        #expect(MatrixPath(setting: "mkl") == nil)
        #expect(MatrixPath(setting: "") == nil)
    }

    /// The opt-in bfloat16 path runs only where the CPU has its dot products; elsewhere it is oneDNN.
    @Test func theBFloat16PathNeedsItsInstructions() {
        #expect(MatrixPath.bfloat16.runnable == (ProcessorFeatures.hasAVX512BF16 ? .bfloat16 : .oneDNN))
        #expect(MatrixPath.oneDNN.runnable == .oneDNN)
        #expect(MatrixPath.openBLAS.runnable == .openBLAS)
        #expect(!MatrixPath.float32Paths.contains(.bfloat16))
    }

    @Test func theErrorSaysHowToRebuild() {
        let error = EncoderError.unsupportedProcessor(missing: ["avx2", "fma"])
        #expect(error.description.contains("avx2 and fma"))
        #expect(error.description.contains("REDBOOK_PORTABLE=1"))
    }
}
