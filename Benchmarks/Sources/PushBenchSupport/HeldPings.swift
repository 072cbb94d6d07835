import CEpoll
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// N held Pings over real sockets, read by one epoll thread: each connection is a file
/// descriptor and a small read buffer. It runs in a child process of its own (`--client`),
/// so that client and server each have a full open-file limit and the server's RSS is its own.
///
/// Device i connects from 127.0.0.(2 + i / 5,000): one source address has only the
/// ephemeral ports (about 28,000) to connect from, and clients in several processes must
/// not share them. The source port is chosen at connect (`IP_BIND_ADDRESS_NO_PORT`), per
/// destination, not at bind, where finding a free one slows as the range fills.
public final class HeldPings: @unchecked Sendable {
    private var descriptors: [Int32] = []
    private var buffers: [Int32: [UInt8]] = [:]
    private var deviceOf: [Int32: Int] = [:]
    private let epoll = epoll_create1(0)

    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    public init() {}

    /// Opens one connection per device in `devices` and sends it `request(device)`, its Ping.
    public func open(devices: Range<Int>, port: Int, request: (Int) -> [UInt8]) throws {
        for index in devices {
            let descriptor = try Self.connect(port: port, from: "127.0.0.\(2 + index / 5_000 % 250)")
            let bytes = request(index)
            let sent = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
            guard sent == bytes.count else { throw Failure(description: "short write on connection \(index)") }
            var event = epoll_event()
            event.events = EPOLLIN.rawValue
            event.data.fd = descriptor
            epoll_ctl(epoll, EPOLL_CTL_ADD, descriptor, &event)
            descriptors.append(descriptor)
            deviceOf[descriptor] = index
        }
    }

    /// Reads responses until the process ends, calling `answered` with the device index as
    /// soon as a whole response has been read.
    public func readForever(answered: (Int) -> Void) -> Never {
        var events = [epoll_event](repeating: epoll_event(), count: 256)
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            let ready = epoll_wait(epoll, &events, Int32(events.count), 1000)
            if ready < 0 { if errno == EINTR { continue } else { exit(1) } }
            for event in events[0..<Int(ready)] {
                let descriptor = event.data.fd
                let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
                guard count > 0 else {
                    epoll_ctl(epoll, EPOLL_CTL_DEL, descriptor, nil)
                    continue
                }
                buffers[descriptor, default: []] += chunk[..<count]
                if let buffer = buffers[descriptor], Self.isComplete(buffer), let device = deviceOf[descriptor] {
                    answered(device)
                    buffers[descriptor] = nil
                    epoll_ctl(epoll, EPOLL_CTL_DEL, descriptor, nil)
                }
            }
        }
    }

    /// Whether a buffer holds a whole response: its head and Content-Length bytes of body.
    private static func isComplete(_ buffer: [UInt8]) -> Bool {
        guard let end = buffer.firstRange(of: [13, 10, 13, 10])?.upperBound else { return false }
        let head = String(decoding: buffer[..<end], as: UTF8.self).lowercased()
        let length =
            head.split(separator: "\r\n").compactMap { line -> Int? in
                guard line.hasPrefix("content-length:") else { return nil }
                return Int(line.dropFirst("content-length:".count).trimmingCharacters(in: .whitespaces))
            }.first ?? 0
        return buffer.count >= end + length
    }

    private static func connect(port: Int, from source: String) throws -> Int32 {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw Failure(description: "socket: errno \(errno) (raise ulimit -n)") }
        var local = sockaddr_in()
        local.sin_family = sa_family_t(AF_INET)
        local.sin_addr.s_addr = inet_addr(source)
        var remote = sockaddr_in()
        remote.sin_family = sa_family_t(AF_INET)
        remote.sin_port = in_port_t(UInt16(port).bigEndian)
        remote.sin_addr.s_addr = inet_addr("127.0.0.1")
        let size = socklen_t(MemoryLayout<sockaddr_in>.size)
        var on: Int32 = 1
        let bindAddressNoPort: Int32 = 24  // IP_BIND_ADDRESS_NO_PORT, which Glibc does not export
        setsockopt(descriptor, Int32(IPPROTO_IP), bindAddressNoPort, &on, socklen_t(MemoryLayout<Int32>.size))
        let bound = withUnsafePointer(to: &local) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, size) }
        }
        guard bound == 0 else { throw Failure(description: "bind \(source): errno \(errno)") }
        let connected = withUnsafePointer(to: &remote) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(descriptor, $0, size) }
        }
        guard connected == 0 else { throw Failure(description: "connect from \(source): errno \(errno)") }
        return descriptor
    }
}
