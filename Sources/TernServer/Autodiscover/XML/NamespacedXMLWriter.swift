/// Writes a `NamespacedElement` tree as UTF-8 XML text, declaring the default namespace
/// (`xmlns="..."`) wherever it changes from the parent's, with no prefixes and no attributes.
struct NamespacedXMLWriter {
    func write(_ root: NamespacedElement) -> String {
        var output = #"<?xml version="1.0" encoding="utf-8"?>"# + "\n"
        append(root, parentNamespace: nil, to: &output)
        return output
    }

    private func append(_ element: NamespacedElement, parentNamespace: String?, to output: inout String) {
        output += "<" + element.name
        if element.namespace != parentNamespace {
            output += #" xmlns=""# + escape(element.namespace, quote: true) + #"""#
        }
        if element.children.isEmpty, element.text.isEmpty {
            output += "/>"
            return
        }
        output += ">"
        if element.children.isEmpty {
            output += escape(element.text, quote: false)
        } else {
            for child in element.children { append(child, parentNamespace: element.namespace, to: &output) }
        }
        output += "</" + element.name + ">"
    }

    private func escape(_ text: String, quote: Bool) -> String {
        var escaped = ""
        for character in text {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"" where quote: escaped += "&quot;"
            default: escaped.append(character)
            }
        }
        return escaped
    }
}
