import Foundation

/// A duration in seconds.
public func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
}

/// p50, p99 and max of latency samples, in milliseconds.
public func percentiles(_ samples: [Duration]) -> String {
    let sorted = samples.sorted()
    func at(_ fraction: Double) -> Double {
        seconds(sorted[min(sorted.count - 1, Int(Double(sorted.count) * fraction))]) * 1000
    }
    return String(
        format: "p50 %.3f ms, p99 %.3f ms, max %.3f ms", at(0.5), at(0.99), seconds(sorted[sorted.count - 1]) * 1000)
}

/// A ~5 KB plain-text message numbered `number`, as a mail server would deliver it.
public func message(_ number: Int) -> [UInt8] {
    let paragraph =
        "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore. "
    let body = String(repeating: paragraph, count: 48)
    return Array(
        """
        From: Sender \(number % 97) <sender\(number % 97)@example.org>\r
        To: Anna <anna@tern.example>\r
        Subject: Report number \(number)\r
        Message-ID: <\(number)@example.org>\r
        Date: Mon, 30 Nov 2026 10:00:00 +0100\r
        MIME-Version: 1.0\r
        Content-Type: text/plain; charset=utf-8\r
        \r
        \(body)\r

        """.utf8)
}
