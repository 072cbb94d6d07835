/// Where a transfer decoder writes its bytes: an array, or a counter when only the decoded
/// size is wanted (an attachment's size is known without holding its decoded bytes).
protocol ByteSink {
    mutating func append(_ byte: UInt8)
}

extension Array: ByteSink where Element == UInt8 {}

/// Counts bytes instead of keeping them.
struct ByteCounter: ByteSink {
    private(set) var count = 0

    mutating func append(_ byte: UInt8) { count += 1 }
}
