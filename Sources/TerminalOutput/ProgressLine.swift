import Foundation

/// A progress line on stderr, redrawn in place, shown only when stderr is a terminal so that
/// scripts and logs get just the summary.
public struct ProgressLine: Sendable {
    public let label: String
    private let isTerminal = isatty(STDERR_FILENO) == 1

    public init(label: String) {
        self.label = label
    }

    /// `label count…`, or `label text…` for a count with words of its own.
    public func show(_ count: Int) {
        show(String(count))
    }

    public func show(_ text: String) {
        guard isTerminal else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K\(label) \(text)…".utf8))
    }

    /// `[#######-------------]` for `done` of `total`.
    public static func bar(_ done: Int, of total: Int, width: Int = 20) -> String {
        let filled = total > 0 ? min(width, done * width / total) : width
        return "[" + String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled) + "]"
    }

    public func finish() {
        guard isTerminal else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }
}
