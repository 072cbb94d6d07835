import Foundation

/// A progress line on stderr, redrawn in place, shown only when stderr is a terminal so that
/// scripts and logs get just the summary.
struct ProgressLine {
    let label: String
    private let isTerminal = isatty(STDERR_FILENO) == 1

    init(label: String) {
        self.label = label
    }

    func show(_ count: Int) {
        guard isTerminal else { return }
        FileHandle.standardError.write(Data("\r\(label) \(count)…".utf8))
    }

    func finish() {
        guard isTerminal else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }
}
