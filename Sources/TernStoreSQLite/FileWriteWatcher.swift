import Dispatch

#if canImport(Glibc)
    import Glibc
#endif

/// Calls `onWrite` soon after a file is written, through Linux's inotify. The change feed
/// watches its `CommitBell` with it, so it hears another process's commit (`tern deliver`
/// from the mail server) at once instead of at its next poll.
final class FileWriteWatcher: Sendable {
    private nonisolated(unsafe) let source: any DispatchSourceRead

    /// Nil where inotify is unavailable or the file cannot be watched; the caller polls then.
    init?(path: String, onWrite: @escaping @Sendable () -> Void) {
        #if canImport(Glibc)
            let descriptor = inotify_init1(Int32(IN_NONBLOCK) | Int32(IN_CLOEXEC))
            guard descriptor >= 0 else { return nil }
            guard inotify_add_watch(descriptor, path, UInt32(IN_MODIFY)) >= 0 else {
                close(descriptor)
                return nil
            }
            source = DispatchSource.makeReadSource(
                fileDescriptor: descriptor, queue: DispatchQueue(label: "tern.wal-watcher"))
            source.setEventHandler {
                // Many writes may have queued events: drain them all, then announce once.
                var events = [UInt8](repeating: 0, count: 4096)
                while read(descriptor, &events, events.count) > 0 {}
                onWrite()
            }
            source.setCancelHandler { close(descriptor) }
            source.resume()
        #else
            return nil
        #endif
    }

    func stop() {
        source.cancel()
    }
}
