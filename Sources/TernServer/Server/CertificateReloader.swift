import Logging
import ServiceLifecycle
import UnixSignals

/// Reloads the TLS certificate and key on SIGHUP, as certificate renewal tools expect
/// (`systemctl reload`, certbot's deploy hook): new connections get the new certificate, open
/// ones (held Pings among them) are left alone. Bad files are logged and the old certificate stays.
struct CertificateReloader: Service {
    let certificates: TLSCertificates
    let logger: Logger

    func run() async throws {
        let hangups = await UnixSignalsSequence(trapping: .sighup)
        for await _ in hangups.cancelOnGracefulShutdown() {
            do {
                try certificates.reload()
                logger.notice("TLS certificate reloaded", metadata: ["file": "\(certificates.certificateFile)"])
            } catch {
                logger.error("TLS certificate not reloaded, the old one stays", metadata: ["error": "\(error)"])
            }
        }
    }
}
