// libFuzzer entry point for the mail dialogues (built by Fuzz/run.sh with the LMTP and SMTP
// files of TernServer that touch no network): what an MTA sends the LMTP listener and what a
// relay answers the SMTP client. A crash or a hang is a finding, and so are: lines that depend
// on where the bytes were split into reads; a command whose address, name or size carries a
// control character (each goes into a reply or a header line); a relay reply whose text does;
// and a DATA block from which a message could end early or come back different.

import Foundation

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let lines = linesSplitAtEveryCRLF(bytes)
    checkChunkedReading(bytes, against: lines)
    lines.lines.forEach(checkCommand)
    checkRelayReplies(bytes)
    checkDataBlock(bytes)
    return 0
}

/// The lines of `bytes` read in one go, and what follows the last CRLF.
func linesSplitAtEveryCRLF(_ bytes: [UInt8]) -> (lines: [[UInt8]], rest: Int) {
    var lines: [[UInt8]] = []
    var start = 0
    var index = 0
    while index + 1 < bytes.count {
        if bytes[index] == 13, bytes[index + 1] == 10 {
            lines.append(Array(bytes[start..<index]))
            index += 2
            start = index
        } else {
            index += 1
        }
    }
    return (lines, bytes.count - start)
}

func checkChunkedReading(_ bytes: [UInt8], against expected: (lines: [[UInt8]], rest: Int)) {
    let chunkSize = Int(bytes.first ?? 0) % 7 + 1
    var reader = CRLFLineReader()
    var lines: [[UInt8]] = []
    var offset = 0
    while offset < bytes.count {
        reader.append(bytes[offset..<min(offset + chunkSize, bytes.count)])
        while let line = reader.nextLine() { lines.append(Array(line)) }
        offset += chunkSize
    }
    guard lines == expected.lines, reader.partialLineCount == expected.rest else {
        fatalError("lines read in chunks of \(chunkSize) differ from the lines read at once")
    }
}

func hasControlCharacter(_ text: String) -> Bool {
    text.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F }
}

func checkCommand(_ line: [UInt8]) {
    let carried: [String?]
    switch LMTPCommand(line: line[...]) {
    case .lhlo(let name):
        guard (name?.count ?? 0) <= 255 else { fatalError("an LHLO name over 255 characters") }
        carried = [name]
    case .mail(let sender, _): carried = [sender]
    case .rcpt(let recipient):
        guard recipient?.isEmpty != true else { fatalError("an empty recipient") }
        carried = [recipient]
    default: carried = []
    }
    if carried.compactMap({ $0 }).contains(where: hasControlCharacter) {
        fatalError("an LMTP command carries a control character")
    }
}

func checkRelayReplies(_ bytes: [UInt8]) {
    var reader = SMTPReplyReader()
    for line in bytes.split(separator: 10, omittingEmptySubsequences: false) {
        let text = String(decoding: line.last == 13 ? line.dropLast() : line, as: UTF8.self)
        do {
            guard let reply = try reader.receive(text) else { continue }
            guard !hasControlCharacter(reply.description) else {
                fatalError("a relay reply carries a control character")
            }
            if let status = SMTPReply.enhancedStatus(in: reply.description),
                status.first != String(reply.code).first || status.split(separator: ".").count != 3
            {
                fatalError("enhanced status \(status) does not fit reply \(reply.code)")
            }
        } catch {
            reader = SMTPReplyReader()
        }
    }
}

/// Every line of the block ends in CRLF, the lone dot comes last only, and taking the
/// stuffed dots away gives back the message with its line ends made CRLF.
func checkDataBlock(_ bytes: [UInt8]) {
    let block = SMTPDataBlock.encode(bytes)
    let (lines, rest) = linesSplitAtEveryCRLF(block)
    guard rest == 0, lines.last == [UInt8(ascii: ".")] else { fatalError("the DATA block does not end with CRLF.CRLF") }
    var unstuffed: [UInt8] = []
    for line in lines.dropLast() {
        guard !line.contains(13), !line.contains(10) else { fatalError("a bare CR or LF in the DATA block") }
        guard line != [UInt8(ascii: ".")] else { fatalError("a lone dot before the end of the DATA block") }
        unstuffed += (line.first == UInt8(ascii: ".") ? line.dropFirst() : line[...]) + [13, 10]
    }
    guard unstuffed == withCRLFLineEnds(bytes) else { fatalError("the DATA block does not give the message back") }
}

/// `bytes` with each CRLF, bare CR and bare LF as CRLF, and a CRLF after a last unended line.
func withCRLFLineEnds(_ bytes: [UInt8]) -> [UInt8] {
    var result: [UInt8] = []
    var index = 0
    while index < bytes.count {
        let byte = bytes[index]
        if byte == 13 || byte == 10 {
            result += [13, 10]
            index += byte == 13 && index + 1 < bytes.count && bytes[index + 1] == 10 ? 2 : 1
        } else {
            result.append(byte)
            index += 1
        }
    }
    if let last = result.last, last != 10 { result += [13, 10] }
    return result
}
