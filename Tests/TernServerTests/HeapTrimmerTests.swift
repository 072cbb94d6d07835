import TernTesting
import Testing

@testable import TernServer

/// The heap trimmer finds glibc's `malloc_trim` (looked up at run time, as the Glibc module
/// does not export it) and calling it leaves the process working.
struct HeapTrimmerTests {
    @Test func glibcsMallocTrimIsFoundAndRuns() {
        let before = [UInt8](repeating: 7, count: 1 << 20)
        #expect(HeapTrimmer.trimNow())
        #expect(before.allSatisfy { $0 == 7 })
    }
}
