public import Foundation
public import TernStore

/// Reads vCard 2.1, 3.0 (RFC 2426) and 4.0 (RFC 6350) files into contacts for
/// `tern import vcf`.
///
/// A file may hold any number of cards; each becomes its own result, so one broken card
/// (never ended, an unknown VERSION, nothing usable in it) is skipped with its reason and
/// line while the others are imported. Properties EAS has no place for (`X-ABUID`, `REV`,
/// `PRODID`, `UID`, `GEO`, …) are ignored without a warning; parts of a card that EAS could
/// hold but that were refused (an oversized photo, a quoted-printable value, a year-less
/// `---DD` date, a fourth email address) are left out with a warning and the card is kept.
///
/// ```
/// BEGIN:VCARD
/// VERSION:3.0
/// N:Müller;Jürgen;;Dr.;
/// FN:Dr. Jürgen Müller
/// TEL;TYPE=CELL:+49 170 1234567
/// END:VCARD
/// ```
public struct VCardReader: Sendable {
    public var limits: ImportLimits

    public init(limits: ImportLimits = .default) {
        self.limits = limits
    }

    public func read(_ data: Data) -> ImportBatch<ContactItem> {
        read(ContentDocument(data: data, limits: limits))
    }

    public func read(_ text: String) -> ImportBatch<ContactItem> {
        read(ContentDocument(text: text, limits: limits))
    }

    private func read(_ document: ContentDocument) -> ImportBatch<ContactItem> {
        var warnings = document.warnings
        var items: [Result<ContactItem, ImportSkip>] = []
        for component in document.components {
            guard component.name == "VCARD" else {
                warnings.add("BEGIN:\(component.name) is not a vCard; skipped", line: component.line)
                continue
            }
            var mapper = CardMapper(card: component, maxPictureBytes: limits.maxPictureBytes)
            items.append(mapper.map())
            warnings.merge(mapper.warnings)
        }
        if document.components.isEmpty {
            warnings.add("no BEGIN:VCARD found", line: 0)
        }
        return ImportBatch(items: items, warnings: warnings.warnings, droppedWarningCount: warnings.dropped)
    }
}

/// Maps one VCARD component's properties to MS-ASCNTC fields.
private struct CardMapper {
    let card: ContentComponent
    let maxPictureBytes: Int
    var contact = ContactItem()
    var warnings = WarningLog(limit: .max)
    /// `X-ABLabel` values by group, which Apple Contacts uses to name `itemN.` properties.
    let labels: [String: String]

    init(card: ContentComponent, maxPictureBytes: Int) {
        self.card = card
        self.maxPictureBytes = maxPictureBytes
        var labels: [String: String] = [:]
        for line in card.properties where line.name == "X-ABLABEL" {
            if let group = line.group?.lowercased() { labels[group] = line.text.lowercased() }
        }
        self.labels = labels
    }

    mutating func map() -> Result<ContactItem, ImportSkip> {
        if let problem = card.problem { return .failure(problem) }
        if let version = card.property("VERSION")?.text.trimmingCharacters(in: .whitespaces),
            !["2.1", "3.0", "4.0"].contains(version)
        {
            return .failure(ImportSkip("unsupported vCard VERSION \(version)", line: card.line))
        }
        for nested in card.components {
            warnings.add("BEGIN:\(nested.name) inside a vCard ignored", line: nested.line)
        }
        let properties = card.properties.filter { line in
            let encoding = line.parameter("ENCODING")?.lowercased()
            guard encoding == "quoted-printable" || line.types.contains("quoted-printable") else { return true }
            warnings.add("\(line.name) in quoted-printable (vCard 2.1) not supported; skipped", line: line.line)
            return false
        }

        var emails: [(address: String, rank: Int)] = []
        var phones: [ContentLine] = []
        var addresses: [ContentLine] = []
        var instantMessaging: [String] = []
        var notes: [String] = []
        var formattedName: String?

        for line in properties {
            switch line.name {
            case "FN": formattedName = nonEmpty(line.text)
            case "N": mapName(line)
            case "NICKNAME": set(.nickName, line.listValues.compactMap(nonEmpty).joined(separator: ", "))
            case "ORG": mapOrganization(line)
            case "TITLE": set(.jobTitle, line.text)
            case "EMAIL":
                if let address = nonEmpty(line.text) { emails.append((address, rank(line))) }
            case "TEL": phones.append(line)
            case "ADR": addresses.append(line)
            case "URL": setIfAbsent(.webPage, line.text)
            case "BDAY": mapDate(line, to: .birthday)
            case "ANNIVERSARY", "X-ANNIVERSARY", "X-MS-ANNIVERSARY": mapDate(line, to: .anniversary)
            case "X-ABDATE":
                if label(of: line).contains("anniversary") { mapDate(line, to: .anniversary) }
            case "NOTE":
                if let note = nonEmpty(line.text) { notes.append(note) }
            case "CATEGORIES":
                for category in line.listValues.compactMap(nonEmpty) where !contact.categories.contains(category) {
                    contact.categories.append(category)
                }
            case "PHOTO": mapPhoto(line)
            case "IMPP": instantMessaging.append(Self.strippingScheme(line.text))
            case "X-AIM", "X-JABBER", "X-ICQ", "X-MSN", "X-YAHOO", "X-SKYPE", "X-SKYPE-USERNAME", "X-GTALK",
                "X-GOOGLE-TALK", "X-QQ", "X-GADUGADU":
                instantMessaging.append(line.text)
            case "X-PHONETIC-FIRST-NAME": set(.yomiFirstName, line.text)
            case "X-PHONETIC-LAST-NAME": set(.yomiLastName, line.text)
            case "X-PHONETIC-ORG": set(.yomiCompanyName, line.text)
            case "X-SPOUSE": set(.spouse, line.text)
            case "X-MANAGER": set(.managerName, line.text)
            case "X-ASSISTANT": set(.assistantName, line.text)
            case "RELATED": mapRelated(line, types: line.types)
            case "X-ABRELATEDNAMES": mapRelated(line, types: [label(of: line)])
            default: break
            }
        }

        mapEmails(emails)
        mapPhones(phones)
        mapAddresses(addresses)
        mapInstantMessaging(instantMessaging)
        if !notes.isEmpty { contact.body = notes.joined(separator: "\n\n") }
        completeNames(formattedName: formattedName)

        guard !contact.fields.isEmpty || contact.picture != nil || contact.body != nil else {
            return .failure(ImportSkip("card has no name, organisation, email, phone or address", line: card.line))
        }
        return .success(contact)
    }

    // MARK: Names

    /// N: family;given;additional;prefixes;suffixes (RFC 6350 6.2.2, RFC 2426 3.1.2); the
    /// honorific prefix is MS-ASCNTC Title, the job title is JobTitle.
    private mutating func mapName(_ line: ContentLine) {
        let parts = line.structuredValues
        func part(_ index: Int, _ separator: String = " ") -> String? {
            guard index < parts.count else { return nil }
            return nonEmpty(parts[index].compactMap(nonEmpty).joined(separator: separator))
        }
        set(.lastName, part(0))
        set(.firstName, part(1))
        set(.middleName, part(2))
        set(.title, part(3))
        set(.suffix, part(4, ", "))
    }

    /// ORG: organization name;unit;unit… (RFC 6350 6.6.4); the units become the department.
    private mutating func mapOrganization(_ line: ContentLine) {
        let parts = line.structuredValues.map { $0.compactMap(nonEmpty).joined(separator: ", ") }
        set(.companyName, parts.first)
        set(.department, parts.dropFirst().compactMap(nonEmpty).joined(separator: ", "))
    }

    /// FileAs is "Last, First" as Outlook files contacts; a card with no N parts keeps its FN
    /// as FirstName (unless FN is just the company, Apple's company cards), so devices that
    /// show First/Last have something to show.
    private mutating func completeNames(formattedName: String?) {
        let first = contact[.firstName]
        let last = contact[.lastName]
        let company = contact[.companyName]
        if first == nil, last == nil, contact[.middleName] == nil, let formattedName, formattedName != company {
            contact[.firstName] = formattedName
        }
        let fileAs: String? =
            if let last, let first { "\(last), \(first)" } else {
                last ?? first ?? formattedName ?? company ?? contact[.email1Address]
            }
        set(.fileAs, fileAs)
    }

    // MARK: Email, phone, address, IM

    /// Up to three addresses (MS-ASCNTC Email1Address … Email3Address), most preferred first:
    /// PREF=1…100 (RFC 6350 5.3), then TYPE=pref (RFC 2426 3.3.2), then file order.
    private mutating func mapEmails(_ emails: [(address: String, rank: Int)]) {
        var seen: Set<String> = []
        var unique: [(address: String, rank: Int)] = []
        for email in emails where seen.insert(email.address.lowercased()).inserted {
            unique.append(email)
        }
        let ordered = unique.enumerated().sorted { ($0.element.rank, $0.offset) < ($1.element.rank, $1.offset) }
        let fields: [ContactField] = [.email1Address, .email2Address, .email3Address]
        for (field, email) in zip(fields, ordered) {
            contact[field] = email.element.address
        }
        if ordered.count > fields.count {
            warnings.add("\(ordered.count - fields.count) email addresses beyond the third dropped", line: card.line)
        }
    }

    /// Each number goes to the first free field its TYPE allows (RFC 6350 6.4.1,
    /// RFC 2426 3.3.1 → MS-ASCNTC 2.2.2), preferred numbers first.
    private mutating func mapPhones(_ phones: [ContentLine]) {
        let ordered = phones.enumerated().sorted { (rank($0.element), $0.offset) < (rank($1.element), $1.offset) }
        for (_, line) in ordered {
            guard let number = nonEmpty(Self.strippingTelScheme(line.text)) else { continue }
            let types = line.types.union(labelTypes(of: line))
            let slots = Self.phoneFields(for: types)
            guard let field = slots.first(where: { contact[$0] == nil }) else {
                let typeList = types.subtracting(["pref", "voice"]).sorted().joined(separator: ",")
                warnings.add(
                    "phone number \(number) (TYPE=\(typeList.isEmpty ? "none" : typeList)) dropped: "
                        + "no free EAS phone field for it",
                    line: line.line)
                continue
            }
            contact[field] = number
        }
    }

    static func phoneFields(for types: Set<String>) -> [ContactField] {
        let home = types.contains("home")
        let work = types.contains("work")
        if types.contains("fax") {
            return home && !work ? [.homeFaxNumber] : [.businessFaxNumber, .homeFaxNumber]
        }
        if types.contains("pager") { return [.pagerNumber] }
        if !types.isDisjoint(with: ["cell", "mobile", "iphone", "pcs"]) { return [.mobilePhoneNumber] }
        if types.contains("car") { return [.carPhoneNumber] }
        if !types.isDisjoint(with: ["main", "company"]) { return [.companyMainPhone] }
        if !types.isDisjoint(with: ["x-assistant", "assistant"]) { return [.assistantPhoneNumber] }
        if work { return [.businessPhoneNumber, .business2PhoneNumber] }
        if home { return [.homePhoneNumber, .home2PhoneNumber] }
        if types.contains("text") { return [.mobilePhoneNumber] }
        return [.homePhoneNumber, .home2PhoneNumber, .businessPhoneNumber, .business2PhoneNumber]
    }

    /// ADR: post office box;extended address;street;locality;region;postal code;country
    /// (RFC 6350 6.3.1). Box and extended address go on lines before the street.
    private mutating func mapAddresses(_ addresses: [ContentLine]) {
        let ordered = addresses.enumerated().sorted { (rank($0.element), $0.offset) < (rank($1.element), $1.offset) }
        for (_, line) in ordered {
            let parts = line.structuredValues.map { nonEmpty($0.compactMap(nonEmpty).joined(separator: ", ")) }
            func part(_ index: Int) -> String? { index < parts.count ? parts[index] : nil }
            let street = nonEmpty([part(0), part(1), part(2)].compactMap { $0 }.joined(separator: "\n"))
            let values = [street, part(3), part(4), part(5), part(6)]
            guard values.contains(where: { $0 != nil }) else { continue }
            let types = line.types.union(labelTypes(of: line))
            let kinds: [AddressFields] =
                if types.contains("home") { [.home, .other] } else if types.contains("work") {
                    [.business, .other]
                } else { [.other, .home, .business] }
            guard let kind = kinds.first(where: { kind in kind.fields.allSatisfy { contact[$0] == nil } }) else {
                warnings.add("address dropped: home, business and other addresses are taken", line: line.line)
                continue
            }
            for (field, value) in zip(kind.fields, values) {
                set(field, value)
            }
        }
    }

    /// IMAddress, IMAddress2, IMAddress3 (MS-ASCNTC 2.2.2.42–44), without duplicates (Apple
    /// writes each handle as both IMPP and X-AIM).
    private mutating func mapInstantMessaging(_ handles: [String]) {
        var unique: [String] = []
        for handle in handles.compactMap(nonEmpty)
        where !unique.contains(where: { $0.lowercased() == handle.lowercased() }) {
            unique.append(handle)
        }
        for (field, handle) in zip([ContactField.imAddress, .imAddress2, .imAddress3], unique) {
            contact[field] = handle
        }
        if unique.count > 3 {
            warnings.add("\(unique.count - 3) IM addresses beyond the third dropped", line: card.line)
        }
    }

    /// RELATED;TYPE=spouse|child (RFC 6350 6.6.6) and Apple's labelled X-ABRELATEDNAMES.
    private mutating func mapRelated(_ line: ContentLine, types: Set<String>) {
        guard let name = nonEmpty(line.text) else { return }
        let words = types.joined(separator: " ")
        if words.contains("spouse") || words.contains("partner") {
            setIfAbsent(.spouse, name)
        } else if words.contains("child") || words.contains("son") || words.contains("daughter") {
            contact.children.append(name)
        } else if words.contains("manager") {
            setIfAbsent(.managerName, name)
        } else if words.contains("assistant") {
            setIfAbsent(.assistantName, name)
        }
    }

    // MARK: Dates and photo

    private mutating func mapDate(_ line: ContentLine, to field: ContactField) {
        guard contact[field] == nil else { return }
        guard line.parameter("VALUE")?.lowercased() != "text", let date = VCardDate.easDate(line.text) else {
            warnings.add("\(line.name) \(line.text) is not a full or year-less date; skipped", line: line.line)
            return
        }
        contact[field] = date
    }

    /// PHOTO as vCard 3 inline binary (`ENCODING=b`, RFC 2426 3.1.4; vCard 2.1 `ENCODING=BASE64`)
    /// or a vCard 4 `data:` URI (RFC 6350 6.2.4, RFC 2397). A photo by reference is not fetched.
    /// The size is checked before decoding, so a huge photo costs no second copy.
    private mutating func mapPhoto(_ line: ContentLine) {
        guard contact.picture == nil else { return }
        let raw = line.rawValue
        let encoding = line.parameter("ENCODING")?.lowercased()
        let payload: Substring
        if encoding == "b" || encoding == "base64" || line.types.contains("base64") {
            payload = Substring(raw)
        } else if raw.prefix(5).lowercased() == "data:" {
            guard let comma = raw.firstIndex(of: ","), raw[..<comma].lowercased().hasSuffix(";base64") else {
                warnings.add("PHOTO data: URI that is not base64 skipped", line: line.line)
                return
            }
            payload = raw[raw.index(after: comma)...]
        } else {
            warnings.add("PHOTO by reference (\(raw.prefix(60))) is not fetched; skipped", line: line.line)
            return
        }
        let estimated = payload.utf8.count / 4 * 3
        guard estimated <= maxPictureBytes + 3 else {
            warnings.add(
                "PHOTO of about \(estimated) bytes exceeds the \(maxPictureBytes)-byte EAS limit; dropped",
                line: line.line)
            return
        }
        guard let data = Data(base64Encoded: String(payload), options: .ignoreUnknownCharacters), !data.isEmpty else {
            warnings.add("PHOTO is not valid base64; skipped", line: line.line)
            return
        }
        guard data.count <= maxPictureBytes else {
            warnings.add(
                "PHOTO of \(data.count) bytes exceeds the \(maxPictureBytes)-byte EAS limit; dropped", line: line.line)
            return
        }
        contact.picture = data
    }

    // MARK: Helpers

    /// Lower PREF first (RFC 6350 5.3); TYPE=pref counts as 1; no preference as 101.
    private func rank(_ line: ContentLine) -> Int {
        if let value = line.parameter("PREF"), let pref = Int(value), (1...100).contains(pref) { return pref }
        return line.types.contains("pref") ? 1 : 101
    }

    private func label(of line: ContentLine) -> String {
        line.group.flatMap { labels[$0.lowercased()] } ?? ""
    }

    /// Types implied by an Apple label such as `_$!<Mobile>!$_` or `_$!<WorkFax>!$_`.
    private func labelTypes(of line: ContentLine) -> Set<String> {
        let label = label(of: line)
        guard !label.isEmpty else { return [] }
        var types: Set<String> = []
        for (word, type) in [
            ("mobile", "cell"), ("home", "home"), ("work", "work"), ("fax", "fax"), ("pager", "pager"),
            ("main", "main"), ("assistant", "assistant"), ("car", "car"), ("other", "other"),
        ]
        where label.contains(word) {
            types.insert(type)
        }
        return types
    }

    private mutating func set(_ field: ContactField, _ value: String?) {
        guard let value = value.flatMap(nonEmpty) else { return }
        contact[field] = value
    }

    private mutating func setIfAbsent(_ field: ContactField, _ value: String?) {
        guard contact[field] == nil else { return }
        set(field, value)
    }

    /// `xmpp:alice@example.com` → `alice@example.com`; a URL with `//` is left whole.
    static func strippingScheme(_ uri: String) -> String {
        let trimmed = uri.trimmingCharacters(in: .whitespaces)
        guard let colon = trimmed.firstIndex(of: ":") else { return trimmed }
        let scheme = trimmed[..<colon]
        let rest = trimmed[trimmed.index(after: colon)...]
        guard let first = scheme.first, first.isLetter,
            scheme.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "+.-".contains($0)) }),
            !rest.hasPrefix("//")
        else { return trimmed }
        return String(rest)
    }

    /// vCard 4 writes numbers as `tel:` URIs (RFC 6350 6.4.1, RFC 3966).
    static func strippingTelScheme(_ value: String) -> String {
        let trimmed = value.trimmingCharacters(in: .whitespaces)
        return trimmed.prefix(4).lowercased() == "tel:" ? String(trimmed.dropFirst(4)) : trimmed
    }
}

/// The five fields of one MS-ASCNTC address, in ADR order after the street.
private enum AddressFields {
    case home, business, other

    var fields: [ContactField] {
        switch self {
        case .home:
            [.homeAddressStreet, .homeAddressCity, .homeAddressState, .homeAddressPostalCode, .homeAddressCountry]
        case .business:
            [
                .businessAddressStreet, .businessAddressCity, .businessAddressState, .businessAddressPostalCode,
                .businessAddressCountry,
            ]
        case .other:
            [.otherAddressStreet, .otherAddressCity, .otherAddressState, .otherAddressPostalCode, .otherAddressCountry]
        }
    }
}
