public import Foundation
import MIME
public import TernStore

/// Reads vNote files (`.vnt`, IrMC vNote 1.1, as phones and KNotes export notes) into notes
/// for `tern import vnt`: SUMMARY is the subject (else the body's first line), BODY the text
/// (quoted-printable when ENCODING says so), CATEGORIES, LAST-MODIFIED.
///
/// ```
/// BEGIN:VNOTE
/// VERSION:1.1
/// SUMMARY:Groceries
/// BODY:milk\neggs
/// CATEGORIES:Home
/// LAST-MODIFIED:20261201T090000Z
/// END:VNOTE
/// ```
public struct VNoteReader: Sendable {
    public var limits: ImportLimits

    public init(limits: ImportLimits = .default) {
        self.limits = limits
    }

    public func read(_ data: Data) -> ImportBatch<NoteItem> {
        let document = ContentDocument(data: data, limits: limits)
        var warnings = document.warnings
        var items: [Result<NoteItem, ImportSkip>] = []
        for component in document.components {
            guard component.name == "VNOTE" else {
                warnings.add("BEGIN:\(component.name) is not a vNote; skipped", line: component.line)
                continue
            }
            items.append(Self.note(component))
        }
        if document.components.isEmpty { warnings.add("no BEGIN:VNOTE found", line: 0) }
        return ImportBatch(items: items, warnings: warnings.warnings, droppedWarningCount: warnings.dropped)
    }

    private static func note(_ component: ContentComponent) -> Result<NoteItem, ImportSkip> {
        if let problem = component.problem { return .failure(problem) }
        let body = component.property("BODY").map(value)
        let summary = component.property("SUMMARY").map(value).flatMap(nonEmpty)
        guard body?.isEmpty == false || summary != nil else {
            return .failure(ImportSkip("VNOTE with neither BODY nor SUMMARY", line: component.line))
        }
        let firstLine = body?.split(whereSeparator: \.isNewline).first.map(String.init)
        var note = NoteItem(subject: summary ?? firstLine, body: body)
        note.categories = component.properties("CATEGORIES").flatMap(\.listValues).compactMap(nonEmpty)
        if let line = component.property("LAST-MODIFIED"), case .utc(let date) = ICalendarTime(line) {
            note.lastModified = date
        }
        return .success(note)
    }

    /// A property's text, quoted-printable decoded when its ENCODING says so (vNote 1.1).
    private static func value(_ line: ContentLine) -> String {
        guard line.parameter("ENCODING")?.uppercased() == "QUOTED-PRINTABLE" else { return line.text }
        return String(decoding: QuotedPrintable.decode(Array(line.rawValue.utf8)), as: UTF8.self)
    }
}
