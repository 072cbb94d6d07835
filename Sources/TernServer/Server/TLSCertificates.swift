import NIOSSL
import Synchronization

/// The PEM files of the server's certificate chain and private key.
public struct TLSFiles: Hashable, Sendable {
    public var certificateFile: String
    public var keyFile: String

    public init(certificateFile: String, keyFile: String) {
        self.certificateFile = certificateFile
        self.keyFile = keyFile
    }
}

/// The server's certificate chain and key (PEM files) as a TLS context, TLS 1.2 and up.
/// `reload()` reads the files again (on SIGHUP): connections opened after it use the new
/// certificate, the open ones (held Pings among them) keep theirs and are never dropped.
public final class TLSCertificates: Sendable {
    public let certificateFile: String
    public let keyFile: String
    private let current: Mutex<NIOSSLContext>

    /// Why the files cannot serve TLS: unreadable, not PEM, or a key that is not the certificate's.
    public struct Refusal: Error, CustomStringConvertible {
        public let description: String
    }

    public init(_ files: TLSFiles) throws(Refusal) {
        certificateFile = files.certificateFile
        keyFile = files.keyFile
        current = Mutex(try Self.context(certificateFile: certificateFile, keyFile: keyFile))
    }

    var context: NIOSSLContext { current.withLock { $0 } }

    /// Reads the files again; on a problem the certificate in use stays and the problem is thrown.
    public func reload() throws(Refusal) {
        let fresh = try Self.context(certificateFile: certificateFile, keyFile: keyFile)
        current.withLock { $0 = fresh }
    }

    private static func context(certificateFile: String, keyFile: String) throws(Refusal) -> NIOSSLContext {
        do {
            let chain = try NIOSSLCertificate.fromPEMFile(certificateFile)
            guard !chain.isEmpty else { throw Refusal(description: "no certificate in \(certificateFile)") }
            let key = try NIOSSLPrivateKey(file: keyFile, format: .pem)
            var configuration = TLSConfiguration.makeServerConfiguration(
                certificateChain: chain.map { .certificate($0) }, privateKey: .privateKey(key))
            configuration.minimumTLSVersion = .tlsv12
            return try NIOSSLContext(configuration: configuration)
        } catch let refusal as Refusal {
            throw refusal
        } catch {
            throw Refusal(
                description: "cannot use the TLS certificate \(certificateFile) with the key \(keyFile): \(error)")
        }
    }
}
