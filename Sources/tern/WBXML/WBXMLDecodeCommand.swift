import ArgumentParser
import WBXML

/// `tern wbxml decode [FILE]`: WBXML in, indented XML out.
struct WBXMLDecodeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "decode",
        abstract: "Decode a WBXML body (file or stdin) to XML on stdout."
    )

    @Argument(help: "WBXML file to read; stdin when omitted or '-'.")
    var file: String?

    func run() throws {
        let input = try readInput(file)
        do {
            let document = try WBXMLDecoder().decode(input)
            writeStandardOutput(Array(XMLWriter().write(document.root).utf8))
        } catch {
            throw failure("not valid EAS WBXML: \(error)")
        }
    }
}
