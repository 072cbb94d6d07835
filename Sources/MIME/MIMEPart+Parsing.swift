/// Builds the part tree over a message's bytes, bounded by `MIMELimits`.
///
/// Multipart bodies are split at delimiter lines (RFC 2046 section 5.1.1): `--boundary`,
/// optionally followed by `--` (the close delimiter) and trailing whitespace. The line break
/// before a delimiter belongs to it, not to the part. Tolerated: bare LF line breaks, a missing
/// close delimiter (the last part runs to the end), and a boundary that never occurs or is
/// missing (the whole body becomes the one body part, parsed for headers like any part).
struct MIMEPartParser {
    let raw: [UInt8]
    let limits: MIMELimits
    private(set) var partCount = 0

    init(raw: [UInt8], limits: MIMELimits) {
        self.raw = raw
        self.limits = limits
    }

    mutating func parseEntity(
        _ range: Range<Int>, depth: Int, path: [Int], defaultType: ContentType, isTopLevel: Bool = false
    ) throws(MIMEError) -> MIMEPart {
        partCount += 1
        guard partCount <= limits.maxParts else {
            throw MIMEError(.tooManyParts, at: range.lowerBound, "more than \(limits.maxParts) body parts")
        }
        let (headers, bodyStart) = try MIMEHeaders.parse(
            raw, in: range, maxBytes: limits.maxHeaderBytes, skippingMboxLine: isTopLevel)
        let contentType = headers["Content-Type"].map(ContentType.init(headerValue:)) ?? defaultType
        let encoding = headers["Content-Transfer-Encoding"].map(TransferEncoding.init(headerValue:)) ?? .sevenBit
        let disposition = headers["Content-Disposition"].map(ContentDisposition.init(headerValue:))
        let bodyRange = bodyStart..<range.upperBound
        let canNest = depth < limits.effectiveMaxDepth
        var kind = MIMEPart.Kind.single
        var children: [MIMEPart] = []
        if contentType.isMultipart, canNest {
            kind = .multipart
            let childDefault =
                contentType.subtype == "digest" ? ContentType.messageRFC822 : ContentType.defaultPlainText
            children = try parseMultipart(
                bodyRange, boundary: contentType.boundary, depth: depth + 1, path: path, childDefault: childDefault)
        } else if contentType.isEncapsulatedMessage, encoding.isIdentity, canNest, !bodyRange.isEmpty {
            kind = .message
            children = [try parseEntity(bodyRange, depth: depth + 1, path: path + [0], defaultType: .defaultPlainText)]
        }
        return MIMEPart(
            kind: kind, headers: headers, contentType: contentType, transferEncoding: encoding,
            disposition: disposition,
            range: range, body: raw[bodyRange], children: children, path: path)
    }

    private mutating func parseMultipart(
        _ body: Range<Int>, boundary: String?, depth: Int, path: [Int], childDefault: ContentType
    ) throws(MIMEError) -> [MIMEPart] {
        let boundaryBytes = Array((boundary ?? "").utf8)
        var partRanges: [Range<Int>] = []
        var foundDelimiter = false
        if !boundaryBytes.isEmpty {
            var partStart: Int?
            var position = body.lowerBound
            var closed = false
            while position < body.upperBound {
                let newline = raw[position..<body.upperBound].firstIndex(of: 0x0A)
                let next = newline.map { $0 + 1 } ?? body.upperBound
                var contentEnd = newline ?? body.upperBound
                if contentEnd > position, raw[contentEnd - 1] == 0x0D { contentEnd -= 1 }
                if let delimiter = delimiterKind(position..<contentEnd, boundaryBytes) {
                    foundDelimiter = true
                    if let start = partStart {
                        partRanges.append(start..<lineBreakStart(before: position, notBelow: start))
                    }
                    if delimiter == .close {
                        closed = true
                        break
                    }
                    partStart = next
                }
                position = next
            }
            if !closed, let start = partStart { partRanges.append(start..<body.upperBound) }
        }
        if !foundDelimiter { partRanges = [body] }
        var children: [MIMEPart] = []
        children.reserveCapacity(partRanges.count)
        for (index, range) in partRanges.enumerated() {
            children.append(try parseEntity(range, depth: depth, path: path + [index], defaultType: childDefault))
        }
        return children
    }

    private enum Delimiter { case open, close }

    /// Whether the line is `--boundary` or `--boundary--`, trailing whitespace allowed.
    private func delimiterKind(_ line: Range<Int>, _ boundary: [UInt8]) -> Delimiter? {
        guard line.count >= boundary.count + 2, raw[line.lowerBound] == UInt8(ascii: "-"),
            raw[line.lowerBound + 1] == UInt8(ascii: "-")
        else { return nil }
        let boundaryEnd = line.lowerBound + 2 + boundary.count
        guard raw[(line.lowerBound + 2)..<boundaryEnd].elementsEqual(boundary) else { return nil }
        var rest = raw[boundaryEnd..<line.upperBound]
        if rest.starts(with: "--".utf8) { return .close }
        while let last = rest.last, last.isWSP { rest = rest.dropLast() }
        return rest.isEmpty ? .open : nil
    }

    /// Where the line break ending the line before `lineStart` starts (CRLF or LF).
    private func lineBreakStart(before lineStart: Int, notBelow floor: Int) -> Int {
        var end = lineStart
        if end > floor, raw[end - 1] == 0x0A { end -= 1 }
        if end > floor, raw[end - 1] == 0x0D { end -= 1 }
        return end
    }
}
