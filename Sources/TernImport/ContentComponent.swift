import Foundation
import MIME

/// A `BEGIN:NAME` … `END:NAME` block with its properties and nested blocks
/// (RFC 5545 3.4–3.6, RFC 6350 6.1.1–6.1.2).
///
/// A component that did not close properly keeps what was read and carries a `problem`,
/// so a reader can skip exactly that card or event and go on with the next one.
struct ContentComponent: Sendable {
    /// Upper-cased, e.g. `VEVENT`.
    var name: String
    /// The line of its `BEGIN`.
    var line: Int
    var properties: [ContentLine] = []
    var components: [ContentComponent] = []
    /// Set when the component was never ended or held components nested too deep.
    var problem: ImportSkip?

    init(name: String, line: Int) {
        self.name = name
        self.line = line
    }

    func property(_ name: String) -> ContentLine? {
        properties.first { $0.name == name }
    }

    func properties(_ name: String) -> [ContentLine] {
        properties.filter { $0.name == name }
    }

    func components(_ name: String) -> [ContentComponent] {
        components.filter { $0.name == name }
    }
}

/// A whole file read into components, with the warnings about lines that could not be used.
struct ContentDocument: Sendable {
    var components: [ContentComponent] = []
    var warnings: WarningLog

    /// Decodes the file as UTF-8 (a byte-order mark is skipped). Validity is judged after
    /// unfolding, since exporters fold inside multi-byte sequences; a file with any line that
    /// is not UTF-8 is read as ISO-8859-1, the charset older vCard 2.1 and 3.0 exporters wrote,
    /// with a warning.
    init(data: Data, limits: ImportLimits) {
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        var log = WarningLog(limit: limits.maxWarnings)
        var lines = ContentLine.unfold(bytes, maxBytes: limits.maxLineBytes, warnings: &log)
        if lines.contains(where: { String(validating: $0.bytes, as: UTF8.self) == nil }) {
            log.add("the file is not UTF-8; read as ISO-8859-1", line: 0)
            lines = lines.map { line in
                var latin1 = String.UnicodeScalarView()
                latin1.append(contentsOf: line.bytes.map { Unicode.Scalar($0) })
                return (Array(String(latin1).utf8), line.line)
            }
        }
        self.init(lines: lines, limits: limits, warnings: log)
    }

    init(text: String, limits: ImportLimits) {
        var log = WarningLog(limit: limits.maxWarnings)
        let lines = ContentLine.unfold(Array(text.utf8), maxBytes: limits.maxLineBytes, warnings: &log)
        self.init(lines: lines, limits: limits, warnings: log)
    }

    /// Each line is read without the control characters no device could be sent
    /// (`withoutUnsendableCharacters`): an imported item must sync like any other.
    private init(lines: [(bytes: [UInt8], line: Int)], limits: ImportLimits, warnings: WarningLog) {
        self.warnings = warnings
        var builder = Builder(maxDepth: limits.maxDepth)
        for (lineBytes, number) in lines {
            do {
                let sendable =
                    lineBytes.contains { $0 < 0x20 || $0 == 0xEF }
                    ? Array(String(decoding: lineBytes, as: UTF8.self).withoutUnsendableCharacters.utf8) : lineBytes
                let line = try ContentLine.parse(sendable, line: number)
                builder.take(line, warnings: &self.warnings)
            } catch {
                let what =
                    switch error {
                    case .noColon: "line without a colon skipped"
                    case .badName: "line with a malformed property name skipped"
                    case .unterminatedQuote: "line with an unterminated quoted parameter skipped"
                    }
                self.warnings.add(what, line: number)
            }
        }
        components = builder.finish()
    }
}

/// Nests content lines into components.
///
/// No component of either format contains one of its own kind, so a `BEGIN:X` while an `X`
/// is open means that `X` lost its `END`: it is closed with a problem and the new one
/// starts. That keeps one truncated card from swallowing the rest of the file.
private struct Builder {
    let maxDepth: Int
    private var open: [ContentComponent] = []
    private var done: [ContentComponent] = []
    /// While > 0, lines belong to a component nested beyond `maxDepth` and are dropped.
    private var skipDepth = 0

    init(maxDepth: Int) {
        self.maxDepth = maxDepth
    }

    mutating func take(_ line: ContentLine, warnings: inout WarningLog) {
        switch line.name {
        case "BEGIN":
            let name = line.text.trimmingCharacters(in: .whitespaces).uppercased()
            if skipDepth > 0 {
                skipDepth += 1
                return
            }
            if let sameKind = open.lastIndex(where: { $0.name == name }) {
                closeOpen(downTo: sameKind) { "BEGIN:\(name) at line \(line.line) before END:\($0)" }
            }
            guard open.count < maxDepth else {
                open[open.count - 1].problem = ImportSkip(
                    "components nested deeper than \(maxDepth) at line \(line.line)", line: open[open.count - 1].line)
                skipDepth = 1
                return
            }
            open.append(ContentComponent(name: name, line: line.line))
        case "END":
            if skipDepth > 0 {
                skipDepth -= 1
                return
            }
            let name = line.text.trimmingCharacters(in: .whitespaces).uppercased()
            guard let index = open.lastIndex(where: { $0.name == name }) else {
                warnings.add("END:\(name) without BEGIN:\(name) ignored", line: line.line)
                return
            }
            if index < open.count - 1 {
                closeOpen(downTo: index + 1) { "END:\(name) at line \(line.line) before END:\($0)" }
            }
            close()
        default:
            guard skipDepth == 0 else { return }
            guard !open.isEmpty else {
                warnings.add("\(line.name) outside any component skipped", line: line.line)
                return
            }
            open[open.count - 1].properties.append(line)
        }
    }

    mutating func finish() -> [ContentComponent] {
        if !open.isEmpty {
            closeOpen(downTo: 0) { "no END:\($0) before the end of the file" }
        }
        return done
    }

    /// Closes `open[index...]` innermost first, each with a problem at its own BEGIN line;
    /// `reason` gets the component's name.
    private mutating func closeOpen(downTo index: Int, reason: (String) -> String) {
        while open.count > index {
            let last = open.count - 1
            if open[last].problem == nil {
                open[last].problem = ImportSkip(reason(open[last].name), line: open[last].line)
            }
            close()
        }
    }

    private mutating func close() {
        guard let component = open.popLast() else { return }
        if open.isEmpty {
            done.append(component)
        } else {
            open[open.count - 1].components.append(component)
        }
    }
}
