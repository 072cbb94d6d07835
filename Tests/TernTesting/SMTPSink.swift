import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A real SMTP server for tests: Debian's `python3-aiosmtpd` on 127.0.0.1, which writes each
/// message it accepts to a folder. It can refuse chosen recipients for good (550) or for now
/// (451), and require STARTTLS and AUTH as a smarthost does.
///
/// Unchecked: `Process` is not Sendable; this one is started in `init` and ended in `stop()`.
public final class SMTPSink: @unchecked Sendable {
    /// One message the sink accepted.
    public struct Received: Decodable, Sendable {
        public let mailFrom: String
        public let rcptTos: [String]
        /// The message as it arrived, dot-unstuffed.
        public let content: String
        public let tls: Bool
        /// The user that authenticated, if any.
        public let login: String?

        enum CodingKeys: String, CodingKey {
            case mailFrom = "mail_from"
            case rcptTos = "rcpt_tos"
            case content, tls, login
        }
    }

    /// How the sink behaves: TLS certificate and key (STARTTLS then required), the
    /// `user:password` it requires, recipients it refuses.
    public struct Options: Sendable {
        public var certificate: String?
        public var key: String?
        public var login: String?
        public var refused: [String]
        public var deferred: [String]

        public init(
            certificate: String? = nil, key: String? = nil, login: String? = nil, refused: [String] = [],
            deferred: [String] = []
        ) {
            self.certificate = certificate
            self.key = key
            self.login = login
            self.refused = refused
            self.deferred = deferred
        }
    }

    public let port: Int
    private let folder: TemporaryDirectory
    private let process: Process

    /// Starts the sink on `port` (a free one when nil) and waits until it listens.
    public init(port: Int? = nil, options: Options = Options()) throws {
        self.port = try port ?? Self.freePort()
        folder = try TemporaryDirectory("smtp-sink")
        let script = folder.url.appending(path: "sink.py")
        try Data(Self.script.utf8).write(to: script)
        var arguments = [script.path, String(self.port), folder.url.appending(path: "mail").path]
        arguments += [
            "--refuse", options.refused.joined(separator: ","), "--defer", options.deferred.joined(separator: ","),
        ]
        if let certificate = options.certificate, let key = options.key { arguments += ["--tls", certificate, key] }
        if let login = options.login { arguments += ["--login", login] }
        process = Process()
        process.executableURL = URL(filePath: "/usr/bin/python3")
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let ready = output.fileHandleForReading.availableData
        guard String(decoding: ready, as: UTF8.self).hasPrefix("ready") else {
            kill(process.processIdentifier, SIGKILL)
            throw SinkError(message: "the SMTP sink did not start (is python3-aiosmtpd installed?)")
        }
    }

    /// The messages received so far, in order.
    public func received() throws -> [Received] {
        let mail = folder.url.appending(path: "mail")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: mail.path)) ?? []
        return try names.filter { $0.hasSuffix(".json") }.sorted {
            $0.count != $1.count ? $0.count < $1.count : $0 < $1
        }
        .map { try JSONDecoder().decode(Received.self, from: Data(contentsOf: mail.appending(path: $0))) }
    }

    /// Waits up to `seconds` for `count` messages; returns what arrived.
    public func waitForMessages(_ count: Int, seconds: Int = 20) async throws -> [Received] {
        try await eventually(timeout: .seconds(seconds)) { try self.received().count >= count }
        return try received()
    }

    public func stop() {
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        folder.remove()
    }

    /// A port nothing listens on now.
    public static func freePort() throws -> Int {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(descriptor) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { address in
                bind(descriptor, address, length) == 0 && getsockname(descriptor, address, &length) == 0
            }
        }
        guard descriptor >= 0, bound else { throw SinkError(message: "no free port") }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    struct SinkError: Error, CustomStringConvertible {
        let message: String
        var description: String { message }
    }

    /// The aiosmtpd program: argv is PORT FOLDER [--refuse A,B] [--defer C] [--tls CERT KEY] [--login USER:PASSWORD].
    static let script = #"""
        import json, os, signal, ssl, sys, time
        from aiosmtpd.controller import Controller
        from aiosmtpd.smtp import AuthResult

        # A test runner that handles SIGTERM itself ignores it, and children inherit that.
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        signal.pthread_sigmask(signal.SIG_UNBLOCK, [signal.SIGTERM])
        port, folder = int(sys.argv[1]), sys.argv[2]
        args = sys.argv[3:]
        def option(name, count=1):
            if name not in args: return None
            i = args.index(name)
            return args[i + 1:i + 1 + count]
        refused = set(filter(None, (option("--refuse") or [""])[0].split(",")))
        deferred = set(filter(None, (option("--defer") or [""])[0].split(",")))
        tls = option("--tls", 2)
        login = option("--login")
        os.makedirs(folder, exist_ok=True)

        class Sink:
            count = 0
            async def handle_RCPT(self, server, session, envelope, address, options):
                if address in refused: return "550 5.1.1 <%s>: no such user here" % address
                if address in deferred: return "451 4.3.0 try again later"
                envelope.rcpt_tos.append(address)
                return "250 2.1.5 OK"
            async def handle_DATA(self, server, session, envelope):
                Sink.count += 1
                record = {"mail_from": envelope.mail_from, "rcpt_tos": envelope.rcpt_tos,
                          "content": envelope.original_content.decode("utf-8", "replace"),
                          "tls": session.ssl is not None,
                          "login": getattr(session, "tern_login", None)}
                path = os.path.join(folder, "%d.json" % Sink.count)
                with open(path + ".tmp", "w") as f: json.dump(record, f)
                os.rename(path + ".tmp", path)
                return "250 2.0.0 queued as %d" % Sink.count

        def authenticate(server, session, envelope, mechanism, auth_data):
            ok = login is not None and "%s:%s" % (auth_data.login.decode(), auth_data.password.decode()) == login[0]
            if ok: session.tern_login = auth_data.login.decode()
            return AuthResult(success=ok)

        kwargs = {}
        if tls:
            context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
            context.load_cert_chain(tls[0], tls[1])
            kwargs.update(tls_context=context, require_starttls=True)
        if login:
            kwargs.update(authenticator=authenticate, auth_required=True, auth_require_tls=bool(tls))
        else:
            kwargs.update(auth_require_tls=False)
        controller = Controller(Sink(), hostname="127.0.0.1", port=port, ready_timeout=10, **kwargs)
        controller.start()
        print("ready", flush=True)
        while True: time.sleep(3600)
        """#
}
