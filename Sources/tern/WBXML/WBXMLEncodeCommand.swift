import ArgumentParser
import WBXML

/// `tern wbxml encode [FILE]`: XML in, WBXML out.
struct WBXMLEncodeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "encode",
        abstract: "Encode an XML body (file or stdin) to WBXML on stdout."
    )

    @Argument(help: "XML file to read; stdin when omitted or '-'.")
    var file: String?

    func run() throws {
        let input = try readInput(file)
        do {
            // A DOCTYPE (as wbxml2xml writes) is skipped, never resolved.
            let root = try XMLReader(allowsDocumentTypeDeclaration: true).read(input)
            writeStandardOutput(try WBXMLEncoder().encode(root))
        } catch {
            throw failure("not valid EAS XML: \(error)")
        }
    }
}
