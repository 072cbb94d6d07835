#if canImport(Glibc)
import Glibc
#endif
import Synchronization

/// A file beside the database that a process writing without listeners (`tern deliver`,
/// `tern device wipe`) writes a byte to after each commit. The server watches it
/// (`FileWriteWatcher`) and reads the new commits at once; its own commits never ring it,
/// so a busy server does not wake itself.
final class CommitBell: Sendable {
    let path: String
    private let descriptor = Mutex<Int32>(-1)

    init(databasePath: String) {
        path = databasePath + "-bell"
    }

    /// Rings, opening (and creating) the file the first time; a failure only costs latency,
    /// since the server still polls now and then.
    func ring() {
        #if canImport(Glibc)
        descriptor.withLock { descriptor in
            if descriptor < 0 { descriptor = open(path, O_WRONLY | O_CREAT | O_CLOEXEC, 0o600) }
            guard descriptor >= 0 else { return }
            var byte: UInt8 = 1
            _ = pwrite(descriptor, &byte, 1, 0)
        }
        #endif
    }

    /// Makes sure the file exists, so that it can be watched before anyone rang.
    func create() {
        #if canImport(Glibc)
        let created = open(path, O_WRONLY | O_CREAT | O_CLOEXEC, 0o600)
        if created >= 0 { close(created) }
        #endif
    }

    deinit {
        let open = descriptor.withLock { $0 }
        #if canImport(Glibc)
        if open >= 0 { close(open) }
        #endif
    }
}
