import Foundation

/// The trimmed text, or nil when nothing is left: an empty property value counts as absent
/// in both formats.
func nonEmpty(_ text: String) -> String? {
    let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
    return trimmed.isEmpty ? nil : trimmed
}

extension Character {
    /// `0`…`9` only, not the other Unicode digits `isNumber` accepts.
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
