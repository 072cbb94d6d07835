/// Splits bytes arriving in chunks into lines ended by CRLF; a bare CR or LF is content, so
/// `<LF>.<LF>` cannot end an LMTP message early (RFC 5321 4.1.1.4). A line may span any
/// number of chunks, and the search for its end never reads a byte twice.
struct CRLFLineReader {
    private var pending: [UInt8] = []
    /// The first byte not yet returned in a line.
    private var start = 0
    /// Where the search for the next CRLF resumes: the bytes from `start` to here hold none.
    private var searched = 0

    mutating func append(_ bytes: some Sequence<UInt8>) {
        if start > 0 {
            pending.removeFirst(start)
            searched -= start
            start = 0
        }
        pending.append(contentsOf: bytes)
    }

    /// The next whole line, without its CRLF; nil until one has arrived.
    mutating func nextLine() -> ArraySlice<UInt8>? {
        var index = max(start, searched)
        while index + 1 < pending.count {
            if pending[index] == 13, pending[index + 1] == 10 {
                defer { (start, searched) = (index + 2, index + 2) }
                return pending[start..<index]
            }
            index += 1
        }
        searched = max(start, pending.count - 1)
        return nil
    }

    /// How many bytes have arrived that no CRLF ends yet.
    var partialLineCount: Int { pending.count - start }

    /// Forgets the line arriving (one too long to keep), but for a CR at its end that may
    /// begin the CRLF ending it.
    mutating func dropPartialLine() {
        pending = partialLineCount > 0 && pending.last == 13 ? [13] : []
        (start, searched) = (0, 0)
    }
}
