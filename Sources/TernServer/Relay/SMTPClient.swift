import Foundation
import NIOCore
import NIOPosix
import NIOSSL

/// What the relay answered for one message's recipients.
struct RelayOutcome: Sendable {
    /// Taken by the relay: delivered as far as this server is concerned.
    var accepted: [String] = []
    /// Refused for good (5yz), with the relay's reply.
    var refused: [(address: String, reason: String)] = []
    /// Not taken this time (4yz, or the conversation failed): tried again later.
    var deferred: [String] = []
    var deferralReason: String?
}

/// Hands one message to the relay over SMTP (RFC 5321): EHLO, STARTTLS when offered (RFC 3207),
/// AUTH PLAIN or LOGIN when configured (RFC 4954), MAIL, one RCPT per recipient, DATA. A
/// reply of 5yz refuses for good, 4yz and every failure of the network, TLS or the dialogue
/// defer; the outcome is known only once the relay answered the end of the data, so a
/// message is never counted delivered before the relay took it.
struct SMTPClient: Sendable {
    let configuration: RelayConfiguration

    /// How long the relay may stay silent (RFC 5321 4.5.3.2 asks clients to wait 5 minutes).
    static let silenceTimeout = TimeAmount.minutes(5)
    static let connectTimeout = TimeAmount.seconds(30)
    /// The longest reply line read.
    static let maxLineBytes = 4_096

    func send(_ raw: [UInt8], from sender: String, to recipients: [String]) async -> RelayOutcome {
        var routable: [String] = []
        var outcome = RelayOutcome()
        for address in recipients {
            if Self.isSafeInCommand(address) {
                routable.append(address)
            } else {
                outcome.refused.append((address, "not an address an SMTP command can carry"))
            }
        }
        guard !routable.isEmpty else { return outcome }
        do {
            let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
                .connectTimeout(Self.connectTimeout)
                .connect(host: configuration.host, port: configuration.port) { channel in
                    channel.eventLoop.makeCompletedFuture {
                        try channel.pipeline.syncOperations.addHandlers([
                            IdleStateHandler(allTimeout: Self.silenceTimeout), CloseWhenIdle(),
                        ])
                        return try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel)
                    }
                }
            let answered = try await channel.executeThenClose { inbound, outbound in
                var dialogue = SMTPDialogue(
                    channel: channel.channel, inbound: inbound.makeAsyncIterator(), outbound: outbound,
                    configuration: configuration)
                return try await dialogue.transfer(raw, from: sender, to: routable)
            }
            outcome.accepted = answered.accepted
            outcome.refused += answered.refused
            outcome.deferred = answered.deferred
            outcome.deferralReason = answered.deferralReason
        } catch {
            outcome.deferred = routable
            outcome.deferralReason = (error as? RelayError)?.description ?? "relay unreachable: \(error)"
        }
        return outcome
    }

    /// An address with no space, control character, angle bracket or non-ASCII byte, and one `@`
    /// with text on both sides: what `RCPT TO:<…>` carries without SMTPUTF8 or injection.
    static func isSafeInCommand(_ address: String) -> Bool {
        let bytes = Array(address.utf8)
        guard (3...254).contains(bytes.count), bytes.filter({ $0 == UInt8(ascii: "@") }).count == 1,
            bytes.first != UInt8(ascii: "@"), bytes.last != UInt8(ascii: "@")
        else { return false }
        return bytes.allSatisfy { $0 > 0x20 && $0 < 0x7F && $0 != UInt8(ascii: "<") && $0 != UInt8(ascii: ">") }
    }
}

extension SMTPClient {
    /// The message as DATA sends it: every line ended by CRLF (a bare CR or LF becomes one),
    /// a leading dot doubled (RFC 5321 4.5.2), then the lone dot that ends it.
    static func dataBlock(_ raw: [UInt8]) -> ByteBuffer {
        var block: [UInt8] = []
        block.reserveCapacity(raw.count + raw.count / 64 + 8)
        var previous: UInt8 = 10
        for byte in raw {
            if previous == 13, byte != 10 { block.append(10) }
            if byte == 10, previous != 13 { block.append(13) }
            let lineStart = previous == 10 || (previous == 13 && byte != 10)
            if lineStart, byte == UInt8(ascii: ".") { block.append(UInt8(ascii: ".")) }
            block.append(byte)
            previous = byte
        }
        if previous == 13 { block.append(10) } else if previous != 10 { block += [13, 10] }
        block += Array(".\r\n".utf8)
        return ByteBuffer(bytes: block)
    }
}

/// One SMTP conversation on an open connection.
private struct SMTPDialogue {
    let channel: any Channel
    var inbound: NIOAsyncChannelInboundStream<ByteBuffer>.AsyncIterator
    let outbound: NIOAsyncChannelOutboundWriter<ByteBuffer>
    let configuration: RelayConfiguration
    private var pending: [UInt8] = []
    private var isEncrypted = false

    init(
        channel: any Channel, inbound: NIOAsyncChannelInboundStream<ByteBuffer>.AsyncIterator,
        outbound: NIOAsyncChannelOutboundWriter<ByteBuffer>, configuration: RelayConfiguration
    ) {
        self.channel = channel
        self.inbound = inbound
        self.outbound = outbound
        self.configuration = configuration
    }

    mutating func transfer(_ raw: [UInt8], from sender: String, to recipients: [String]) async throws -> RelayOutcome {
        try expect(try await reply(), "greeting")
        var extensions = try await hello()
        if extensions["STARTTLS"] != nil {
            try expect(try await command("STARTTLS"), "STARTTLS")
            try await startTLS()
            extensions = try await hello()
        } else if configuration.requireTLS {
            throw RelayError.refused("the relay does not offer STARTTLS, which is required")
        }
        if let credentials = configuration.credentials {
            try await authenticate(credentials, mechanisms: extensions["AUTH"] ?? [])
        }
        if let limit = extensions["SIZE"]?.first.flatMap(Int.init), limit > 0, raw.count > limit {
            let reply = "552 5.3.4 the relay takes at most \(limit) bytes"
            return RelayOutcome(refused: recipients.map { ($0, reply) })
        }
        var mail = "MAIL FROM:<\(SMTPClient.isSafeInCommand(sender) ? sender : "")>"
        if extensions["SIZE"] != nil { mail += " SIZE=\(raw.count)" }
        if extensions["8BITMIME"] != nil, raw.contains(where: { $0 >= 0x80 }) { mail += " BODY=8BITMIME" }
        let mailReply = try await command(mail)
        if let outcome = Self.everyone(recipients, answered: mailReply) { return outcome }

        var outcome = RelayOutcome()
        var accepted: [String] = []
        for recipient in recipients {
            let reply = try await command("RCPT TO:<\(recipient)>")
            if reply.isPositive {
                accepted.append(recipient)
            } else if reply.isPermanent {
                outcome.refused.append((recipient, reply.description))
            } else {
                outcome.deferred.append(recipient)
                outcome.deferralReason = reply.description
            }
        }
        guard !accepted.isEmpty else {
            try? await quit()
            return outcome
        }
        let dataReply = try await command("DATA")
        guard dataReply.code == 354 else {
            if let everyone = Self.everyone(accepted, answered: dataReply) {
                return Self.merge(outcome, everyone)
            }
            throw RelayError.protocolViolation("DATA answered \(dataReply)")
        }
        try await outbound.write(SMTPClient.dataBlock(raw))
        let final = try await reply()
        try? await quit()
        return Self.merge(outcome, Self.everyone(accepted, answered: final) ?? RelayOutcome(accepted: accepted))
    }

    /// The outcome for all of `recipients` when `reply` is not positive; nil when it is.
    private static func everyone(_ recipients: [String], answered reply: SMTPReply) -> RelayOutcome? {
        if reply.isPositive { return nil }
        if reply.isPermanent { return RelayOutcome(refused: recipients.map { ($0, reply.description) }) }
        return RelayOutcome(deferred: recipients, deferralReason: reply.description)
    }

    private static func merge(_ first: RelayOutcome, _ second: RelayOutcome) -> RelayOutcome {
        RelayOutcome(
            accepted: first.accepted + second.accepted, refused: first.refused + second.refused,
            deferred: first.deferred + second.deferred, deferralReason: second.deferralReason ?? first.deferralReason)
    }

    /// EHLO, or HELO when the relay does not know EHLO; the extensions it offers, keyword
    /// upper-cased, with their parameters.
    private mutating func hello() async throws -> [String: [String]] {
        let reply = try await command("EHLO \(configuration.heloName)")
        guard reply.isPositive else {
            try expect(try await command("HELO \(configuration.heloName)"), "HELO")
            return [:]
        }
        var extensions: [String: [String]] = [:]
        for line in reply.lines.dropFirst() {
            let words = line.split(whereSeparator: { $0 == " " || $0 == "=" }).map(String.init)
            guard let keyword = words.first?.uppercased() else { continue }
            extensions[keyword, default: []] += words.dropFirst().map { $0.uppercased() }
        }
        return extensions
    }

    /// Switches the connection to TLS after the relay's 220; bytes already sent after that
    /// reply would be read as if encrypted, so they end the conversation (CVE-2011-0411).
    private mutating func startTLS() async throws {
        guard pending.isEmpty else { throw RelayError.protocolViolation("bytes after the STARTTLS reply") }
        var tls = TLSConfiguration.makeClientConfiguration()
        if let file = configuration.trustRootsFile { tls.trustRoots = .file(file) }
        let isAddress = configuration.host.contains(":") || configuration.host.allSatisfy { $0.isNumber || $0 == "." }
        let context = try NIOSSLContext(configuration: tls)
        let serverHostname = isAddress ? nil : configuration.host
        try await channel.eventLoop.submit { [channel] in
            let handler = try NIOSSLClientHandler(context: context, serverHostname: serverHostname)
            try channel.pipeline.syncOperations.addHandler(handler, position: .first)
        }.get()
        isEncrypted = true
    }

    /// AUTH PLAIN when offered, else AUTH LOGIN; the password never goes unencrypted to
    /// another machine.
    private mutating func authenticate(_ credentials: RelayConfiguration.Credentials, mechanisms: [String]) async throws
    {
        guard isEncrypted || configuration.isLoopback else {
            throw RelayError.refused("the relay offers no TLS; the password is not sent in the clear")
        }
        if mechanisms.contains("PLAIN") {
            let token = Data("\0\(credentials.username)\0\(credentials.password)".utf8).base64EncodedString()
            try expect(try await command("AUTH PLAIN \(token)"), "AUTH PLAIN")
        } else if mechanisms.contains("LOGIN") {
            guard try await command("AUTH LOGIN").code == 334,
                try await command(Data(credentials.username.utf8).base64EncodedString()).code == 334
            else { throw RelayError.refused("the relay refused AUTH LOGIN") }
            try expect(
                try await command(Data(credentials.password.utf8).base64EncodedString()),
                "AUTH LOGIN")
        } else {
            throw RelayError.refused("the relay offers neither AUTH PLAIN nor LOGIN")
        }
    }

    private mutating func quit() async throws {
        _ = try await command("QUIT")
    }

    private func expect(_ reply: SMTPReply, _ step: String) throws {
        guard reply.isPositive else { throw RelayError.refused("relay answered \(step) with \(reply)") }
    }

    /// Sends one command line and reads its reply.
    private mutating func command(_ line: String) async throws -> SMTPReply {
        try await outbound.write(ByteBuffer(string: line + "\r\n"))
        return try await reply()
    }

    /// Reads one whole reply.
    private mutating func reply() async throws -> SMTPReply {
        var reader = SMTPReplyReader()
        while true {
            if let reply = try reader.receive(try await line()) { return reply }
        }
    }

    /// Reads one line, without its line end.
    private mutating func line() async throws -> String {
        while true {
            if let end = pending.firstIndex(of: 10) {
                let line = pending[..<end].last == 13 ? pending[..<(end - 1)] : pending[..<end]
                defer { pending.removeFirst(end + 1) }
                return String(decoding: line, as: UTF8.self)
            }
            guard pending.count <= SMTPClient.maxLineBytes else {
                throw RelayError.protocolViolation("a reply line over \(SMTPClient.maxLineBytes) bytes")
            }
            guard let chunk = try await inbound.next() else {
                throw RelayError.unreachable("the relay closed the connection")
            }
            pending.append(contentsOf: chunk.readableBytesView)
        }
    }
}
