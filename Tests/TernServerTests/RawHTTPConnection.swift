import Foundation
import TernTesting

#if canImport(Glibc)
    import Glibc
#endif

/// One TCP connection to a test server, written and read byte for byte: for what curl
/// will not send (pipelined requests, a malformed request line). Blocking socket calls
/// run on a thread of their own, off the cooperative pool the server shares.
final class RawHTTPConnection: Sendable {
    struct Response: Sendable {
        let status: Int
        /// Lowercased names.
        let headers: [String: String]
        let body: [UInt8]
    }

    private let descriptor: Int32

    init(port: Int) throws {
        descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else {
            close(descriptor)
            throw POSIXError(.ECONNREFUSED)
        }
    }

    deinit { close(descriptor) }

    /// Sends `text` (CRLFs included) and reads `count` responses, then whether the server
    /// closed the connection after them (within a second).
    func exchange(_ text: String, responses count: Int) async -> (responses: [Response], closed: Bool) {
        await exchange(Array(text.utf8), responses: count)
    }

    func exchange(_ bytes: [UInt8], responses count: Int) async -> (responses: [Response], closed: Bool) {
        await detached {
            self.sendBlocking(bytes)
            return self.readBlocking(responses: count)
        }
    }

    /// Sends one request and reads its response, without waiting to see whether the server
    /// closes the connection after it; nil when it closed before answering.
    func request(_ text: String) async -> Response? {
        await detached {
            self.sendBlocking(Array(text.utf8))
            return self.readResponses(1).responses.first
        }
    }

    /// Sends without waiting for an answer.
    func write(_ text: String) async {
        await detached { self.sendBlocking(Array(text.utf8)) }
    }

    /// Reads and drops what arrives until the server closes the connection: how long that
    /// took, or nil when it is still open after `limit`.
    func timeUntilClosed(limit: Duration) async -> Duration? {
        await detached {
            let started = ContinuousClock.now
            var wait = timeval(tv_sec: 0, tv_usec: 100_000)
            setsockopt(self.descriptor, SOL_SOCKET, SO_RCVTIMEO, &wait, socklen_t(MemoryLayout<timeval>.size))
            var chunk = [UInt8](repeating: 0, count: 4096)
            while ContinuousClock.now - started < limit {
                let received = recv(self.descriptor, &chunk, chunk.count, 0)
                if received == 0 || (received < 0 && errno == ECONNRESET) { return ContinuousClock.now - started }
            }
            return nil
        }
    }

    /// Closes with a TCP reset instead of a FIN, as a phone's network going away can.
    func reset() {
        var linger = Glibc.linger(l_onoff: 1, l_linger: 0)
        setsockopt(descriptor, SOL_SOCKET, SO_LINGER, &linger, socklen_t(MemoryLayout<Glibc.linger>.size))
        shutdown(descriptor, Int32(SHUT_RDWR))
    }

    private func detached<T: Sendable>(_ body: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            Thread { continuation.resume(returning: body()) }.start()
        }
    }

    private func sendBlocking(_ bytes: [UInt8]) {
        var sent = 0
        while sent < bytes.count {
            let written = bytes[sent...].withUnsafeBytes {
                send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL))
            }
            guard written > 0 else { return }
            sent += written
        }
    }

    private func readBlocking(responses count: Int) -> (responses: [Response], closed: Bool) {
        let (responses, closed) = readResponses(count)
        if closed { return (responses, true) }
        var timeout = timeval(tv_sec: 1, tv_usec: 0)
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var chunk = [UInt8](repeating: 0, count: 512)
        // A close with unread input arrives as a reset rather than an end of stream.
        let received = recv(descriptor, &chunk, chunk.count, 0)
        return (responses, received == 0 || (received < 0 && errno == ECONNRESET))
    }

    /// `count` responses, or fewer and true when the stream ended first (10 s at most per read).
    private func readResponses(_ count: Int) -> (responses: [Response], closed: Bool) {
        var wait = timeval(tv_sec: 10, tv_usec: 0)
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &wait, socklen_t(MemoryLayout<timeval>.size))
        var buffer: [UInt8] = []
        var responses: [Response] = []
        while responses.count < count {
            if let (response, used) = Self.parse(buffer) {
                responses.append(response)
                buffer.removeFirst(used)
            } else if !read(into: &buffer) {
                return (responses, true)
            }
        }
        return (responses, false)
    }

    /// Appends what arrives; false at the end of the stream or on a timeout.
    private func read(into buffer: inout [UInt8]) -> Bool {
        var chunk = [UInt8](repeating: 0, count: 4096)
        let received = recv(descriptor, &chunk, chunk.count, 0)
        guard received > 0 else { return false }
        buffer += chunk[..<received]
        return true
    }

    /// A whole response at the start of `bytes` (bodies by Content-Length), and its length.
    private static func parse(_ bytes: [UInt8]) -> (Response, Int)? {
        let separator: [UInt8] = [13, 10, 13, 10]
        guard let end = (0..<max(0, bytes.count - 3)).first(where: { Array(bytes[$0..<$0 + 4]) == separator }) else {
            return nil
        }
        let lines = String(decoding: bytes[..<end], as: UTF8.self).components(separatedBy: "\r\n")
        guard let status = lines.first?.split(separator: " ").dropFirst().first.flatMap({ Int($0) }) else { return nil }
        var headers: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(
                in: .whitespaces)
        }
        let length = headers["content-length"].flatMap { Int($0) } ?? 0
        let bodyStart = end + 4
        guard bytes.count >= bodyStart + length else { return nil }
        return (
            Response(status: status, headers: headers, body: Array(bytes[bodyStart..<bodyStart + length])),
            bodyStart + length
        )
    }
}
