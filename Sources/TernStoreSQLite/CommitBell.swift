import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// A file beside the database that a process writing without listeners (`tern deliver`,
/// `tern device wipe`) writes a byte to after each commit. The server watches it
/// (`FileWriteWatcher`) and reads the new commits at once; its own commits never ring it,
/// so a busy server does not wake itself.
///
/// The file gets the database's permissions, as SQLite gives its `-wal` and `-shm` files: a
/// mail server user that may write the database may ring the bell too.
final class CommitBell: Sendable {
    let path: String
    private let databasePath: String
    private let descriptor = Mutex<Int32>(-1)

    init(databasePath: String) {
        self.databasePath = databasePath
        path = databasePath + "-bell"
    }

    /// Rings, opening (and creating) the file the first time; a failure only costs latency,
    /// since the server still polls now and then.
    func ring() {
        #if canImport(Glibc)
            descriptor.withLock { descriptor in
                if descriptor < 0 { descriptor = openFile() }
                guard descriptor >= 0 else { return }
                var byte: UInt8 = 1
                _ = pwrite(descriptor, &byte, 1, 0)
            }
        #endif
    }

    /// Makes sure the file exists, so that it can be watched before anyone rang.
    func create() {
        #if canImport(Glibc)
            let created = openFile()
            if created >= 0 { close(created) }
        #endif
    }

    #if canImport(Glibc)
        /// Opens the bell for writing, creating it with the database file's permission bits.
        private func openFile() -> Int32 {
            var database = stat()
            let mode = stat(databasePath, &database) == 0 ? database.st_mode & 0o666 : 0o600
            let opened = open(path, O_WRONLY | O_CREAT | O_CLOEXEC, mode)
            // The umask may have taken bits away at creation; the owner gives them back.
            if opened >= 0 { _ = fchmod(opened, mode) }
            return opened
        }
    #endif

    deinit {
        let open = descriptor.withLock { $0 }
        #if canImport(Glibc)
            if open >= 0 { close(open) }
        #endif
    }
}
