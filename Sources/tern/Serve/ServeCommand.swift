import ArgumentParser
import Foundation
import Logging
import TernServer

/// `tern serve [--config FILE] [--listen HOST:PORT] [--lmtp HOST:PORT] [--relay smtp://HOST:PORT] [--data DIR]`:
/// runs the EAS server, the LMTP listener and the outbound queue when asked, until SIGTERM/SIGINT.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve", abstract: "Run the Exchange ActiveSync server.",
        discussion: """
            --config FILE reads a JSON object; every key is optional, options given on the command line win, and an \
            unknown key is an error. Each key below but the nested ones can also come from the environment, as TERN_ and \
            the key in capitals with underscores (TERN_ADMIN_TOKEN, TERN_MAX_HELD_TOTAL; TERN_RELAY is the relay's url), \
            which wins over the file:
              listen           "HOST:PORT" to listen on (default 127.0.0.1:8080)
              lmtp             "HOST:PORT" of an LMTP listener for an MTA to deliver to (default: none)
              relay            {"url": "smtp://HOST:PORT", "username": "…", "password": "…", "requireTLS": false, \
            "trustRoots": "CA.pem", "heloName": "mail.example.com", "retry": {"min": 300, "max": 4000}, "lifetime": 432000}: \
            the SMTP relay mail for other servers is queued for (STARTTLS when offered, AUTH PLAIN or LOGIN with a \
            username); a message is retried with backoff for lifetime seconds, then bounced to its sender (default: no \
            relay, and mail to other servers is refused)
              data             the data folder (default $TERN_DATA or ./tern-data): the SQLite store, and device traces
              database         "postgres://USER[:PASSWORD]@HOST[:PORT]/DB": keep the store in PostgreSQL instead, \
            shared by every server node on it (default: none, SQLite in the data folder)
              databasePoolSize the most PostgreSQL connections this node opens (default 16)
              adminToken       enables the web admin console at /admin/ (sign in with it) and the admin HTTP API \
            under /admin/api/v1 with this bearer token (16+ characters)
              publicURL        the URL devices reach the server at, e.g. "https://mail.example.com", handed out by \
            autodiscover (default: http:// and the request's Host)
              maxRequestBytes  the largest request body accepted (default 33554432)
              heartbeat        {"min": 60, "max": 3540}: the Ping heartbeat bounds in seconds
              maxHeldPerUser   Pings and Syncs with Wait held at once for one user (default 50)
              maxHeldTotal     the same for all users together (default 200000)
              maxConcurrentRequests  requests worked on at once, the rest wait their turn (default 64)
              connections      {"headTimeout": 30, "idleTimeout": 120, "minBodyBytesPerSecond": 1024}: a request head \
            must arrive within headTimeout seconds, a body at minBodyBytesPerSecond after that, and a kept-alive \
            connection is closed after idleTimeout seconds without a request (a held Ping is not idle)
              autoblock        {"maxQuietRequestsPerMinute": 60, "requestRateBlockSeconds": 900, "maxUserAgentChangesPerDay": 2}: \
            a device sending more Pings or Syncs that bring it nothing, or changing its User-Agent more often (then for 14 \
            hours), gets 503 with Retry-After until the block ends or `tern device allow` lifts it; 0 requests turns the rate off
              tlsCertificate, tlsKey  PEM files of the certificate chain and its key: the server speaks HTTPS \
            (TLS 1.2+) itself; SIGHUP reloads them without dropping open connections (default: plain HTTP, for a proxy)
              passwordVerifierKey  a file of 32+ secret bytes (mode 0600, kept out of the data folder and its backups): \
            a password that passed bcrypt is checked later, after a restart too, by an HMAC under this key, so 100,000 \
            devices signing in again cost no bcrypt (default: none, every new sign-in is bcrypt)
              metrics          "HOST:PORT" of a listener serving /metrics (Prometheus), /healthz and /readyz without \
            credentials (default: none; /metrics is then on the main listener to the adminToken only)
              logFormat        "text" or "json" (one object a line) (default text)
              logLevel         the least level logged: trace, debug, info, notice, warning, error, critical (default info)
            """)

    @Option(help: "A JSON configuration file (keys below).")
    var config: String?

    @Option(help: "Address to listen on, HOST:PORT (default: 127.0.0.1:8080).")
    var listen: String?

    @Option(help: "Also listen for LMTP (RFC 2033) on HOST:PORT, for Postfix or Exim to deliver local mail to.")
    var lmtp: String?

    @Option(help: "Queue mail for other servers for this SMTP relay, smtp://HOST:PORT (settings: relay in --config).")
    var relay: String?

    @Option(help: "Also serve /metrics, /healthz and /readyz without credentials on HOST:PORT, e.g. 127.0.0.1:9090.")
    var metrics: String?

    @Option(help: "How the log is written to stderr: text, or json (one object a line) (default: text).")
    var logFormat: LogFormat?

    @Option(help: "The least important log level written: trace, debug, info, notice, warning, error, critical.")
    var logLevel: String?

    @Option(help: "The password verifier key file (see passwordVerifierKey below).")
    var passwordVerifierKey: String?

    @Option(help: "Speak HTTPS with this PEM certificate chain (with --tls-key; SIGHUP reloads both).")
    var tlsCert: String?

    @Option(help: "The PEM private key of --tls-cert.")
    var tlsKey: String?

    @Option(help: "Folder of the XSDs that XML-form requests are validated against (default: ./Schemas if present).")
    var schemas: String?

    @OptionGroup var dataOptions: DataOptions

    func validate() throws {
        if let listen, Self.split(listen) == nil {
            throw ValidationError("--listen takes HOST:PORT, e.g. 0.0.0.0:8080")
        }
        if let lmtp, Self.split(lmtp) == nil {
            throw ValidationError("--lmtp takes HOST:PORT, e.g. 127.0.0.1:2424")
        }
        if let metrics, Self.split(metrics) == nil {
            throw ValidationError("--metrics takes HOST:PORT, e.g. 127.0.0.1:9090")
        }
        if let logLevel, Logger.Level(rawValue: logLevel) == nil {
            throw ValidationError("--log-level takes trace, debug, info, notice, warning, error or critical")
        }
        if (tlsCert == nil) != (tlsKey == nil) { throw ValidationError("--tls-cert and --tls-key go together") }
        if let relay, RelayConfiguration(url: relay) == nil {
            throw ValidationError("--relay takes smtp://HOST[:PORT], e.g. smtp://127.0.0.1:25")
        }
    }

    static let defaultListen = "127.0.0.1:8080"

    static func split(_ address: String) -> (host: String, port: Int)? {
        guard let colon = address.lastIndex(of: ":"), let port = Int(address[address.index(after: colon)...]),
            (0...65535).contains(port), colon != address.startIndex
        else { return nil }
        return (String(address[..<colon]), port)
    }

    func run() async throws {
        let file = try ServeConfigFile.load(config, environment: ProcessInfo.processInfo.environment)
        let level = (logLevel ?? file.logLevel).flatMap(Logger.Level.init(rawValue:)) ?? .info
        let logFormat = logFormat ?? file.logFormat ?? .text
        LoggingSystem.bootstrap { label in
            switch logFormat {
            case .json: return JSONLogHandler(label: label, level: level)
            case .text:
                var handler = StreamLogHandler.standardError(label: label)
                handler.logLevel = level
                return handler
            }
        }
        guard let (host, port) = Self.split(listen ?? file.listen ?? Self.defaultListen) else {
            throw ValidationError("bad --listen")
        }
        let schemaDirectory =
            schemas ?? (FileManager.default.fileExists(atPath: "Schemas/ActiveSync.xsd") ? "Schemas" : nil)
        var dataOptions = dataOptions
        if dataOptions.data == nil { dataOptions.data = file.data }
        if dataOptions.database == nil { dataOptions.database = file.database }
        if let size = file.databasePoolSize { dataOptions.databasePoolSize = size }
        var configuration = file.serverConfiguration(
            host: host, port: port, schemaDirectory: schemaDirectory, relay: relay,
            passwordVerifierKey: passwordVerifierKey,
            tls: tlsCert.flatMap { certificate in tlsKey.map { TLSFiles(certificateFile: certificate, keyFile: $0) } },
            metrics: metrics)
        configuration.traceDirectory = URL(fileURLWithPath: dataOptions.directory).appending(path: "traces").path
        let store = try await dataOptions.openStore()
        let server: TernServer
        do {
            server = try TernServer(store: store, configuration: configuration)
        } catch {
            throw failure("\(error)")
        }
        var listener: LMTPService?
        if let address = lmtp ?? file.lmtp {
            guard let (lmtpHost, lmtpPort) = Self.split(address) else { throw failure("bad lmtp address \(address)") }
            listener = LMTPService(store: store, host: lmtpHost, port: lmtpPort) { port in
                FileHandle.standardError.write(Data("tern: LMTP on \(lmtpHost):\(port)\n".utf8))
            }
        }
        if let listener = configuration.metricsListener {
            FileHandle.standardError.write(
                Data("tern: metrics on http://\(listener.host):\(listener.port)/metrics\n".utf8))
        }
        if let relay = configuration.relay {
            FileHandle.standardError.write(Data("tern: relaying to smtp://\(relay.host):\(relay.port)\n".utf8))
        }
        let scheme = configuration.tls == nil ? "http" : "https"
        do {
            try await server.run(lmtp: listener) { port in
                FileHandle.standardError.write(
                    Data(
                        "tern: listening on \(scheme)://\(host):\(port)/Microsoft-Server-ActiveSync\n"
                            .utf8))
            }
        } catch {
            throw failure("\(error)")
        }
    }
}

/// `--log-format`: readable lines, or one JSON object a line.
enum LogFormat: String, ExpressibleByArgument, Decodable, Encodable {
    case text, json
}
