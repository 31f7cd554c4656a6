import Testing
@testable import RedbookDSL

@Suite struct ValueTests {
    @Test func objectsKeepInsertionOrderAndLastValue() {
        var object = Object([("b", .int(1)), ("a", .int(2)), ("b", .int(3))])
        #expect(object.keys == ["b", "a"])
        #expect(object["b"] == .int(3))
        object["b"] = nil
        #expect(object.keys == ["a"])
        #expect(object.count == 1)
    }
}
