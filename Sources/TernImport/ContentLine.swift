import Foundation

/// One logical content line of an iCalendar or vCard file, after unfolding.
///
/// Both formats share the grammar (RFC 5545 3.1, RFC 6350 3.3, RFC 2426 2.1):
///
/// ```
/// contentline = [group "."] name *(";" param) ":" value CRLF
/// param       = param-name "=" param-value *("," param-value)
/// param-value = paramtext / DQUOTE *QSAFE-CHAR DQUOTE
/// ```
///
/// e.g. `item1.TEL;TYPE=cell,voice;X-LABEL="Mobile: work":+49 170 1234567`. Names and
/// parameter names are case-insensitive and kept upper-cased; the value is kept as written
/// (escapes and all), because whether `;` and `,` separate components depends on the
/// property: `text`, `listValues` and `structuredValues` decode it for each case.
struct ContentLine: Hashable, Sendable {
    /// The vCard group (`item1` in `item1.EMAIL`), nil when absent.
    var group: String?
    var name: String
    var parameters: [ContentParameter]
    /// The value exactly as it stood after the colon.
    var rawValue: String
    /// The physical line (1-based) the content line starts on.
    var line: Int

    init(group: String? = nil, name: String, parameters: [ContentParameter] = [], rawValue: String, line: Int) {
        self.group = group
        self.name = name
        self.parameters = parameters
        self.rawValue = rawValue
        self.line = line
    }

    /// The first value of a parameter, e.g. `TZID`.
    func parameter(_ name: String) -> String? {
        parameters.first { $0.name == name }?.values.first
    }

    /// Every value of every occurrence of a parameter, in order.
    func parameterValues(_ name: String) -> [String] {
        parameters.filter { $0.name == name }.flatMap(\.values)
    }

    /// The lower-cased `TYPE` values, with lists inside one quoted value split as well
    /// (`TYPE="work,voice"`, RFC 6350 5.6) and vCard 2.1 bare parameters (`TEL;CELL:`) counted.
    var types: Set<String> {
        var result: Set<String> = []
        for value in parameterValues("TYPE") {
            for part in value.split(separator: ",") {
                result.insert(part.trimmingCharacters(in: .whitespaces).lowercased())
            }
        }
        return result
    }

    /// The value as one text with escapes decoded (RFC 5545 3.3.11, RFC 6350 3.4).
    var text: String { Self.unescape(Substring(rawValue)) }

    /// The value split at unescaped commas, each part decoded (CATEGORIES, NICKNAME).
    var listValues: [String] {
        Self.split(Substring(rawValue), at: UInt8(ascii: ",")).map { Self.unescape($0) }
    }

    /// The value split at unescaped semicolons, then each component at unescaped commas,
    /// decoded (N, ADR, ORG).
    var structuredValues: [[String]] {
        Self.split(Substring(rawValue), at: UInt8(ascii: ";")).map { component in
            Self.split(component, at: UInt8(ascii: ",")).map { Self.unescape($0) }
        }
    }
}

/// One parameter of a content line: its upper-cased name and its values, unquoted.
struct ContentParameter: Hashable, Sendable {
    var name: String
    var values: [String]

    init(_ name: String, _ values: [String]) {
        self.name = name
        self.values = values
    }
}

// MARK: - Parsing

extension ContentLine {
    /// Why a logical line could not be read as a content line.
    enum Malformation: Error, Equatable {
        case noColon
        case badName
        case unterminatedQuote
    }

    /// Parses one unfolded line.
    ///
    /// A bare parameter without `=` (vCard 2.1 `TEL;WORK;FAX:`) is taken as a TYPE value.
    /// Parameter values may carry RFC 6868 caret escapes (`^n`, `^'`, `^^`).
    static func parse(_ bytes: [UInt8], line: Int) throws(Malformation) -> ContentLine {
        var index = bytes.startIndex
        let end = bytes.endIndex
        while index < end, bytes[index] != semicolon, bytes[index] != colon { index += 1 }
        guard index < end else { throw .noColon }
        let fullName = bytes[bytes.startIndex..<index]
        guard !fullName.isEmpty, fullName.allSatisfy(isNameByte) else { throw .badName }
        var group: String?
        var nameBytes = fullName
        if let dot = fullName.lastIndex(of: UInt8(ascii: ".")) {
            group = String(decoding: fullName[fullName.startIndex..<dot], as: UTF8.self)
            nameBytes = fullName[(dot + 1)...]
        }
        guard !nameBytes.isEmpty else { throw .badName }
        let name = String(decoding: nameBytes, as: UTF8.self).uppercased()

        var parameters: [ContentParameter] = []
        while index < end, bytes[index] == semicolon {
            index += 1
            let nameStart = index
            while index < end, bytes[index] != equals, bytes[index] != semicolon, bytes[index] != colon { index += 1 }
            guard index < end else { throw .noColon }
            let parameterName = String(decoding: bytes[nameStart..<index], as: UTF8.self).trimmingCharacters(
                in: .whitespaces
            ).uppercased()
            guard bytes[index] == equals else {
                if !parameterName.isEmpty { parameters.append(ContentParameter("TYPE", [parameterName.lowercased()])) }
                continue
            }
            index += 1
            var values: [String] = []
            while true {
                if index < end, bytes[index] == quote {
                    let valueStart = index + 1
                    guard let closing = bytes[valueStart...].firstIndex(of: quote) else { throw .unterminatedQuote }
                    values.append(decodeCarets(bytes[valueStart..<closing]))
                    index = closing + 1
                } else {
                    let valueStart = index
                    while index < end, bytes[index] != comma, bytes[index] != semicolon, bytes[index] != colon {
                        index += 1
                    }
                    values.append(decodeCarets(bytes[valueStart..<index]))
                }
                guard index < end, bytes[index] == comma else { break }
                index += 1
            }
            parameters.append(ContentParameter(parameterName, values))
        }
        guard index < end, bytes[index] == colon else { throw .noColon }
        let value = String(decoding: bytes[(index + 1)...], as: UTF8.self)
        return ContentLine(group: group, name: name, parameters: parameters, rawValue: value, line: line)
    }

    /// Splits a file into unfolded logical lines (RFC 5545 3.1, RFC 6350 3.2).
    ///
    /// A line break (CRLF, or a bare LF as many exporters write) followed by one space or tab
    /// continues the previous line; the break and that one character are removed. A
    /// quoted-printable value (vCard 2.1, vNote 1.1) that ends in `=` continues on the next
    /// line whatever it starts with, the break kept for the decoder. Folding is
    /// undone on bytes, so a UTF-8 sequence split across a fold is rejoined. Blank lines are
    /// dropped. A logical line longer than `maxBytes` is dropped whole with a warning.
    /// Whether a line so far is a quoted-printable value ending in a soft line break: `=` last,
    /// and `QUOTED-PRINTABLE` among the parameters before the first colon.
    static func endsInSoftLineBreak(_ line: [UInt8]) -> Bool {
        guard line.last == UInt8(ascii: "="), let colon = line.firstIndex(of: UInt8(ascii: ":")) else { return false }
        return String(decoding: line[..<colon], as: UTF8.self).uppercased().contains("QUOTED-PRINTABLE")
    }

    static func unfold(
        _ bytes: [UInt8], maxBytes: Int, warnings: inout WarningLog
    ) -> [(bytes: [UInt8], line: Int)] {
        var result: [(bytes: [UInt8], line: Int)] = []
        var current: [UInt8] = []
        var currentLine = 0
        var currentIsOpen = false
        var currentTooLong = false
        var physicalLine = 0
        var start = bytes.startIndex

        func flush(_ result: inout [(bytes: [UInt8], line: Int)], _ warnings: inout WarningLog) {
            defer {
                current = []
                currentIsOpen = false
                currentTooLong = false
            }
            guard currentIsOpen else { return }
            if currentTooLong {
                warnings.add("content line longer than \(maxBytes) bytes skipped", line: currentLine)
            } else if !current.isEmpty {
                result.append((current, currentLine))
            }
        }

        while start < bytes.endIndex {
            physicalLine += 1
            let lineFeed = bytes[start...].firstIndex(of: lineFeedByte) ?? bytes.endIndex
            var lineEnd = lineFeed
            if lineEnd > start, bytes[lineEnd - 1] == carriageReturn { lineEnd -= 1 }
            let physical = bytes[start..<lineEnd]
            start = lineFeed < bytes.endIndex ? lineFeed + 1 : bytes.endIndex

            if let first = physical.first, first == space || first == tab, currentIsOpen {
                let continuation = physical.dropFirst()
                if !currentTooLong {
                    if current.count + continuation.count > maxBytes {
                        currentTooLong = true
                        current.removeAll()
                    } else {
                        current.append(contentsOf: continuation)
                    }
                }
                continue
            }
            if currentIsOpen, !currentTooLong, Self.endsInSoftLineBreak(current) {
                // vCard 2.1 / vNote 1.1 quoted-printable: `=` at the end continues the value on
                // the next line with no leading space; the decoder removes the `=` CRLF.
                if current.count + physical.count + 2 > maxBytes {
                    currentTooLong = true
                    current.removeAll()
                } else {
                    current.append(contentsOf: [carriageReturn, lineFeedByte] + physical)
                }
                continue
            }
            flush(&result, &warnings)
            guard !physical.allSatisfy({ $0 == space || $0 == tab }) else { continue }
            currentIsOpen = true
            currentLine = physicalLine
            if physical.count > maxBytes {
                currentTooLong = true
            } else {
                current.append(contentsOf: physical)
            }
        }
        flush(&result, &warnings)
        return result
    }
}

// MARK: - Values

extension ContentLine {
    /// Decodes `\n` / `\N` to a line feed and `\x` to `x` for any other `x` (`\\`, `\;`,
    /// `\,`, and the `\:` some vCard 3 exporters write in URLs).
    static func unescape(_ text: Substring) -> String {
        guard text.utf8.contains(backslash) else { return String(text) }
        var output: [UInt8] = []
        output.reserveCapacity(text.utf8.count)
        var escaped = false
        for byte in text.utf8 {
            if escaped {
                output.append(byte == UInt8(ascii: "n") || byte == UInt8(ascii: "N") ? lineFeedByte : byte)
                escaped = false
            } else if byte == backslash {
                escaped = true
            } else {
                output.append(byte)
            }
        }
        if escaped { output.append(backslash) }
        return String(decoding: output, as: UTF8.self)
    }

    /// Splits at every `separator` not preceded by an escaping backslash.
    static func split(_ text: Substring, at separator: UInt8) -> [Substring] {
        var parts: [Substring] = []
        var partStart = text.utf8.startIndex
        var escaped = false
        var index = text.utf8.startIndex
        while index < text.utf8.endIndex {
            let byte = text.utf8[index]
            if escaped {
                escaped = false
            } else if byte == backslash {
                escaped = true
            } else if byte == separator {
                parts.append(text[partStart..<index])
                partStart = text.utf8.index(after: index)
            }
            index = text.utf8.index(after: index)
        }
        parts.append(text[partStart..<text.utf8.endIndex])
        return parts
    }

    /// RFC 6868: `^n` is a line feed, `^'` a double quote, `^^` a caret; other carets stay.
    private static func decodeCarets(_ bytes: ArraySlice<UInt8>) -> String {
        guard bytes.contains(caret) else { return String(decoding: bytes, as: UTF8.self) }
        var output: [UInt8] = []
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            if byte == caret, index + 1 < bytes.endIndex {
                switch bytes[index + 1] {
                case UInt8(ascii: "n"): output.append(lineFeedByte)
                case UInt8(ascii: "'"): output.append(quote)
                case caret: output.append(caret)
                default: output.append(contentsOf: [caret, bytes[index + 1]])
                }
                index += 2
            } else {
                output.append(byte)
                index += 1
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// Letters, digits, `-`, and `.` for the group separator; `_` as some exporters use it.
    private static func isNameByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"):
            true
        default:
            false
        }
    }
}

private let semicolon = UInt8(ascii: ";")
private let colon = UInt8(ascii: ":")
private let equals = UInt8(ascii: "=")
private let comma = UInt8(ascii: ",")
private let quote = UInt8(ascii: "\"")
private let caret = UInt8(ascii: "^")
private let backslash = UInt8(ascii: "\\")
private let space = UInt8(ascii: " ")
private let tab = UInt8(ascii: "\t")
private let carriageReturn = UInt8(ascii: "\r")
private let lineFeedByte = UInt8(ascii: "\n")
