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
/// AUTH PLAIN or LOGIN when configured (RFC 4954), MAIL, one RCPT per recipient, DATA. A 5yz
/// reply refuses for good; 4yz and every failure of the network, TLS or the dialogue defer.
/// A message counts as delivered only once the relay answered 2yz to the end of its data.
struct SMTPClient: Sendable {
    let configuration: RelayConfiguration

    /// How long the relay may stay silent (RFC 5321 4.5.3.2 asks clients to wait 5 minutes).
    static let silenceTimeout = TimeAmount.minutes(5)
    static let connectTimeout = TimeAmount.seconds(30)
    /// The longest reply line read.
    static let maxLineBytes = 4_096

    func send(_ raw: [UInt8], from sender: String, to recipients: [String]) async -> RelayOutcome {
        var outcome = RelayOutcome()
        var routable: [String] = []
        for address in recipients {
            if Self.isSafeInCommand(address) {
                routable.append(address)
            } else {
                outcome.refused.append((address, "553 5.1.3 not an address an SMTP command can carry"))
            }
        }
        guard !routable.isEmpty else { return outcome }
        let answered: RelayOutcome
        do {
            let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
                .connectTimeout(Self.connectTimeout)
                .connect(host: configuration.host, port: configuration.port) { channel in
                    channel.eventLoop.makeCompletedFuture {
                        try channel.pipeline.syncOperations.addHandlers([
                            IdleStateHandler(allTimeout: Self.silenceTimeout), CloseWhenIdle(), StartTLSSwitch(),
                        ])
                        return try NIOAsyncChannel<SMTPChunk, ByteBuffer>(wrappingChannelSynchronously: channel)
                    }
                }
            answered = try await channel.executeThenClose { inbound, outbound in
                var dialogue = SMTPDialogue(
                    channel: channel.channel, inbound: inbound.makeAsyncIterator(), outbound: outbound,
                    configuration: configuration, recipients: routable)
                return await dialogue.transfer(raw, from: sender)
            }
        } catch {
            answered = RelayOutcome(deferred: routable, deferralReason: "relay unreachable: \(error)")
        }
        outcome.accepted = answered.accepted
        outcome.refused += answered.refused
        outcome.deferred = answered.deferred
        outcome.deferralReason = answered.deferralReason
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

/// One SMTP conversation on an open connection, for one message.
private struct SMTPDialogue {
    let channel: any Channel
    var inbound: NIOAsyncChannelInboundStream<SMTPChunk>.AsyncIterator
    let outbound: NIOAsyncChannelOutboundWriter<ByteBuffer>
    let configuration: RelayConfiguration
    /// The recipients no reply has settled yet; the others are in `outcome`.
    private var unsettled: [String]
    private var outcome = RelayOutcome()
    private var pending: [UInt8] = []
    private var isEncrypted = false

    init(
        channel: any Channel, inbound: NIOAsyncChannelInboundStream<SMTPChunk>.AsyncIterator,
        outbound: NIOAsyncChannelOutboundWriter<ByteBuffer>, configuration: RelayConfiguration, recipients: [String]
    ) {
        self.channel = channel
        self.inbound = inbound
        self.outbound = outbound
        self.configuration = configuration
        unsettled = recipients
    }

    /// The whole conversation; whatever fails defers the recipients not settled by then.
    mutating func transfer(_ raw: [UInt8], from sender: String) async -> RelayOutcome {
        do {
            try await converse(raw, from: sender)
        } catch {
            outcome.deferred += unsettled
            outcome.deferralReason = (error as? RelayError)?.description ?? "relay conversation failed: \(error)"
        }
        return outcome
    }

    private mutating func converse(_ raw: [UInt8], from sender: String) async throws {
        try expect(try await reply(), 220, "the greeting")
        var extensions = try await hello()
        if extensions["STARTTLS"] != nil, try await startTLS() {
            extensions = try await hello()
        } else if configuration.requireTLS {
            throw RelayError.refused("the relay does not offer STARTTLS, which is required")
        }
        if let credentials = configuration.credentials {
            try await authenticate(credentials, mechanisms: extensions["AUTH"] ?? [])
        }
        if let limit = extensions["SIZE"]?.first.flatMap(Int.init), limit > 0, raw.count > limit {
            settle(unsettled, "552 5.3.4 the relay takes at most \(limit) bytes")
            return
        }
        var mail = "MAIL FROM:<\(SMTPClient.isSafeInCommand(sender) ? sender : "")>"
        if extensions["SIZE"] != nil { mail += " SIZE=\(raw.count)" }
        if raw.contains(where: { $0 >= 0x80 }) {
            guard extensions["8BITMIME"] != nil else {
                settle(unsettled, "554 5.6.3 the relay does not take 8-bit content (8BITMIME)")
                return
            }
            mail += " BODY=8BITMIME"
        }
        guard try await settleUnlessCompleted(try await command(mail), unsettled) else { return }

        var accepted: [String] = []
        for recipient in unsettled {
            let reply = try await command("RCPT TO:<\(recipient)>")
            if reply.isCompletion {
                accepted.append(recipient)
            } else {
                settle([recipient], reply)
            }
        }
        unsettled = accepted
        guard !accepted.isEmpty else {
            try? await quit()
            return
        }
        let dataReply = try await command("DATA")
        guard dataReply.code == 354 else {
            guard dataReply.isCompletion else {
                _ = try await settleUnlessCompleted(dataReply, accepted)
                return
            }
            throw RelayError.protocolViolation("DATA answered \(dataReply)")
        }
        try await outbound.write(ByteBuffer(bytes: SMTPDataBlock.encode(raw)))
        if try await settleUnlessCompleted(try await reply(), accepted) {
            outcome.accepted = accepted
            unsettled = []
        }
        try? await quit()
    }

    /// Records `reply` for `recipients` when it is not a completion (and quits); false then.
    private mutating func settleUnlessCompleted(_ reply: SMTPReply, _ recipients: [String]) async throws -> Bool {
        guard !reply.isCompletion else { return true }
        settle(recipients, reply)
        try? await quit()
        return false
    }

    /// Refused for good on a 5yz, else deferred with the reply as the reason.
    private mutating func settle(_ recipients: [String], _ reply: SMTPReply) {
        if reply.isPermanent {
            settle(recipients, reply.description)
        } else {
            outcome.deferred += recipients
            outcome.deferralReason = reply.description
            unsettled.removeAll { recipients.contains($0) }
        }
    }

    private mutating func settle(_ recipients: [String], _ reason: String) {
        outcome.refused += recipients.map { ($0, reason) }
        unsettled.removeAll { recipients.contains($0) }
    }

    /// EHLO, or HELO when the relay does not know EHLO (500, 502, 504, 550); the extensions it
    /// offers, keyword upper-cased, with their parameters.
    private mutating func hello() async throws -> [String: [String]] {
        let reply = try await command("EHLO \(configuration.heloName)")
        guard reply.isCompletion else {
            guard [500, 502, 504, 550].contains(reply.code) else { throw RelayError.refused("EHLO answered \(reply)") }
            try expect(try await command("HELO \(configuration.heloName)"), 250, "HELO")
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

    /// STARTTLS; true once the handshake is done, false when the relay declined (454) and TLS
    /// is not required. `StartTLSSwitch` makes the switch at the reply's last byte.
    private mutating func startTLS() async throws -> Bool {
        guard pending.isEmpty else { throw RelayError.protocolViolation("bytes before the STARTTLS reply") }
        var tls = TLSConfiguration.makeClientConfiguration()
        if let file = configuration.trustRootsFile { tls.trustRoots = .file(file) }
        let context = try NIOSSLContext(configuration: tls)
        let serverHostname = configuration.hostIsAddress ? nil : configuration.host
        let handshake = try await channel.eventLoop.submit { [channel] in
            try channel.pipeline.syncOperations.handler(type: StartTLSSwitch.self)
                .arm(context: context, serverHostname: serverHostname, on: channel.eventLoop)
        }.get()
        let reply = try await command("STARTTLS")
        guard reply.code == 220 else {
            if configuration.requireTLS { throw RelayError.refused("STARTTLS answered \(reply)") }
            return false
        }
        guard pending.isEmpty else { throw RelayError.protocolViolation("plaintext after the STARTTLS reply") }
        try await handshake.get()
        isEncrypted = true
        return true
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
            try expect(try await command("AUTH PLAIN \(token)"), 235, "AUTH PLAIN")
        } else if mechanisms.contains("LOGIN") {
            try expect(try await command("AUTH LOGIN"), 334, "AUTH LOGIN")
            try expect(try await command(Data(credentials.username.utf8).base64EncodedString()), 334, "AUTH LOGIN")
            try expect(try await command(Data(credentials.password.utf8).base64EncodedString()), 235, "AUTH LOGIN")
        } else {
            throw RelayError.refused("the relay offers neither AUTH PLAIN nor LOGIN")
        }
    }

    private mutating func quit() async throws {
        _ = try await command("QUIT")
    }

    private func expect(_ reply: SMTPReply, _ code: Int, _ step: String) throws {
        guard reply.code == code else { throw RelayError.refused("relay answered \(step) with \(reply)") }
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

    /// Reads one line, without its line end; once TLS is on, a plaintext chunk ends the conversation.
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
            guard chunk.isEncrypted || !isEncrypted else {
                throw RelayError.protocolViolation("plaintext after the switch to TLS")
            }
            pending.append(contentsOf: chunk.bytes.readableBytesView)
        }
    }
}
