/// Whether `given` equals the secret `expected`, in time that depends only on their lengths,
/// so that response timing says nothing about how much of a guess was right. An empty secret
/// matches nothing.
func constantTimeEquals(_ given: [UInt8], _ expected: [UInt8]) -> Bool {
    var difference: UInt8 = given.count == expected.count ? 0 : 1
    for index in 0..<max(given.count, expected.count) {
        let left = index < given.count ? given[index] : 0
        let right = index < expected.count ? expected[index] : 0
        difference |= left ^ right
    }
    return difference == 0 && !expected.isEmpty
}
