import Testing
@testable import CustodesDetection

/// Which parts a thread may take the next day ahead for: only parts done with the day, each once, and none once every
/// part is done (unless asked to go on regardless, as the tests of a split run do).
@Suite("Parts done with the day")
struct PartsDoneTests {
    @Test("nothing is claimed before a part is done, and a part done is claimed once, from the preferred one on")
    func claimsOnlyPartsDoneOnce() {
        let done = PartsDone(parts: 4)
        #expect(done.claim(from: 0) == nil)
        done.finish(2)
        done.finish(0)
        #expect(!done.allDone)
        #expect(done.claim(from: 1) == 2)
        #expect(done.claim(from: 1) == 0, "after the preferred part, on round to the start")
        #expect(done.claim(from: 1) == nil, "each part once")
        done.finish(3)
        #expect(done.claim(from: 0) == 3)
    }

    @Test("once every part is done nothing more is claimed, unless asked to go on regardless")
    func stopsWhenAllDone() {
        let done = PartsDone(parts: 3)
        done.finish(1)
        done.finish(0)
        done.finish(2)
        #expect(done.allDone)
        #expect(done.claim(from: 0) == nil)
        #expect(done.claim(from: 2, evenIfAllDone: true) == 2)
        #expect(done.claim(from: 2, evenIfAllDone: true) == 0)
        #expect(done.claim(from: 2, evenIfAllDone: true) == 1)
        #expect(done.claim(from: 2, evenIfAllDone: true) == nil)
    }
}
