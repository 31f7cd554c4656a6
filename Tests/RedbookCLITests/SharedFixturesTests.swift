import RedbookTestSupport
import Testing

@Suite struct SharedFixturesTests {
    @Test func sharedMaterialIsPresentInCI() {
        // Locally a missing ../shared only skips the golden tests; in CI it must be there.
        #expect(SharedFixtures.isAvailable || !SharedFixtures.isCI,
                "CI=true but ../shared is missing; golden tests would silently skip")
    }
}
