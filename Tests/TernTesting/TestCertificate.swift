import Foundation

/// Self-signed certificates for tests that speak TLS, made by the openssl command line tool
/// (`.ci/run` installs it).
public enum TestCertificate {
    /// Why a certificate could not be made.
    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    /// A self-signed P-256 certificate for 127.0.0.1, valid two days, and its key, written as
    /// PEM to `certificate` and `key`.
    public static func make(certificate: String, key: String) throws {
        guard let openssl = ChildProcess.onPath("openssl") else { throw Failure(description: "no openssl on PATH") }
        let made = try ChildProcess(
            openssl,
            [
                "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-days", "2",
                "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", key, "-out", certificate,
            ]
        ).run()
        guard made.status == 0 else { throw Failure(description: "openssl req: \(made.standardError)") }
    }
}
