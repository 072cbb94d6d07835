import Testing

@testable import WBXML

// Checks the library's code page tables against the tables in [MS-ASWBXML] section 2.1.2.1,
// kept as plain literals in SpecificationTokenTables.swift. The expected data was written from
// the specification alone, not from Sources/WBXML/CodePages, so a mistake has to be made twice
// in the same way to slip through.

@Test(arguments: specificationCodePages)
func everyCodePageMatchesTheSpecificationTable(_ expected: SpecificationCodePage) throws {
    let page = try libraryPage(numbered: expected.number)

    #expect(
        page.number == expected.number,
        "CodePage.all[\(expected.number)] says it is code page \(page.number)")
    #expect(
        page.namespace == expected.namespace,
        "code page \(expected.number) should be namespace \(expected.namespace) ([MS-ASWBXML] \(expected.section)), not \(page.namespace)"
    )

    let wanted = Set(expected.pairs.map { TokenPair(name: $0.name, token: $0.token) })
    let found = Set(page.tags.map { TokenPair(name: $0.name, token: $0.token) })
    let missing = wanted.subtracting(found)
    let extra = found.subtracting(wanted)
    #expect(
        missing.isEmpty && extra.isEmpty,
        """
        code page \(expected.number) (\(expected.namespace)) differs from [MS-ASWBXML] \(expected.section): \
        missing \(describe(missing)); extra \(describe(extra))
        """)
}

@Test(arguments: specificationCodePages)
func everyTokenLiesInTheTagTokenRange(_ expected: SpecificationCodePage) throws {
    let page = try libraryPage(numbered: expected.number)
    let outOfRange = page.tags.filter { !tagTokenRange.contains($0.token) }
    #expect(
        outOfRange.isEmpty,
        "code page \(expected.number) (\(expected.namespace)) has tokens outside 0x05...0x3F: \(describe(outOfRange))")
}

@Test(arguments: specificationCodePages)
func tokensAndNamesAreUniqueWithinAPage(_ expected: SpecificationCodePage) throws {
    let page = try libraryPage(numbered: expected.number)
    let repeatedTokens = repeated(page.tags.map(\.token)).map(hex)
    let repeatedNames = repeated(page.tags.map(\.name))
    #expect(
        repeatedTokens.isEmpty,
        "code page \(expected.number) (\(expected.namespace)) uses these tokens more than once: \(repeatedTokens)")
    #expect(
        repeatedNames.isEmpty,
        "code page \(expected.number) (\(expected.namespace)) lists these names more than once: \(repeatedNames)")
}

@Test(arguments: specificationCodePages)
func tagsAreListedInAscendingTokenOrder(_ expected: SpecificationCodePage) throws {
    let page = try libraryPage(numbered: expected.number)
    let tokens = page.tags.map(\.token)
    #expect(
        tokens == tokens.sorted(),
        "code page \(expected.number) (\(expected.namespace)) tags are not in ascending token order: \(tokens.map(hex))"
    )
}

@Test func theLibraryHasTwentySixPagesEachAtTheIndexOfItsNumber() {
    #expect(CodePage.all.count == 26)
    for (index, page) in CodePage.all.enumerated() {
        #expect(Int(page.number) == index, "CodePage.all[\(index)] is code page \(page.number)")
    }
}

/// Guards the hand-written expectations themselves, so that a slip in the literal tables shows
/// up here rather than as a confusing difference against the library.
@Test func theSpecificationTablesAreWellFormed() {
    #expect(specificationCodePages.map(\.number) == [UInt8](0...25))
    for page in specificationCodePages {
        let tokens = page.pairs.map(\.token)
        #expect(tokens.allSatisfy { tagTokenRange.contains($0) }, "\(page.testDescription): token outside 0x05...0x3F")
        #expect(tokens == tokens.sorted(), "\(page.testDescription): pairs not in ascending token order")
        #expect(repeated(tokens).isEmpty, "\(page.testDescription): a token appears twice")
        #expect(repeated(page.pairs.map(\.name)).isEmpty, "\(page.testDescription): a name appears twice")
    }
    #expect(specificationCodePages.reduce(0) { $0 + $1.pairs.count } == 586)
}

// MARK: - Helpers

/// Tag tokens: 0x00–0x04 are WBXML global tokens, and bits 0x40/0x80 flag content/attributes.
private let tagTokenRange: ClosedRange<UInt8> = 0x05...0x3F

/// A (name, token) pair, hashable so expected and actual tables can be compared as sets.
private struct TokenPair: Hashable, Comparable, CustomStringConvertible {
    let name: String
    let token: UInt8

    static func < (lhs: TokenPair, rhs: TokenPair) -> Bool {
        (lhs.token, lhs.name) < (rhs.token, rhs.name)
    }

    var description: String { "\(name) \(hex(token))" }
}

/// The library page at `CodePage.all[number]`, or a recorded failure if there is none.
private func libraryPage(numbered number: UInt8) throws -> CodePage {
    let index = Int(number)
    try #require(
        CodePage.all.indices.contains(index),
        "CodePage.all has \(CodePage.all.count) pages, so no code page \(number)")
    return CodePage.all[index]
}

private func describe(_ pairs: Set<TokenPair>) -> String {
    pairs.isEmpty ? "none" : "[" + pairs.sorted().map(\.description).joined(separator: ", ") + "]"
}

private func describe(_ tags: [CodePage.Tag]) -> String {
    "[" + tags.map { "\($0.name) \(hex($0.token))" }.joined(separator: ", ") + "]"
}

/// The values that occur more than once, each reported once, in first-seen order.
private func repeated<Value: Hashable>(_ values: [Value]) -> [Value] {
    var seen: Set<Value> = []
    var result: [Value] = []
    for value in values {
        if seen.contains(value), !result.contains(value) {
            result.append(value)
        }
        seen.insert(value)
    }
    return result
}

private func hex(_ token: UInt8) -> String {
    let digits = String(token, radix: 16, uppercase: true)
    return digits.count < 2 ? "0x0" + digits : "0x" + digits
}
