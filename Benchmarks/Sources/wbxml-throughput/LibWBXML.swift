import CLibWBXML

/// libwbxml's WBXML <-> XML converters, the same operations Tern's `tern wbxml` performs.
enum LibWBXML {
    struct Failure: Error, CustomStringConvertible {
        let code: WBXMLError
        var description: String { String(cString: wbxml_errors_string(code)) }
    }

    /// WBXML bytes to compact XML text, with the ActiveSync tables.
    static func decode(_ wbxml: [UInt8]) throws -> [UInt8] {
        var converter: OpaquePointer?
        try check(wbxml_conv_wbxml2xml_create(&converter))
        defer { wbxml_conv_wbxml2xml_destroy(converter) }
        wbxml_conv_wbxml2xml_set_language(converter, WBXML_LANG_ACTIVESYNC)
        wbxml_conv_wbxml2xml_set_gen_type(converter, WBXML_GEN_XML_COMPACT)
        var input = wbxml
        var output: UnsafeMutablePointer<UInt8>?
        var length: UInt32 = 0
        try check(wbxml_conv_wbxml2xml_run(converter, &input, UInt32(input.count), &output, &length))
        defer { free(output) }
        return Array(UnsafeBufferPointer(start: output, count: Int(length)))
    }

    /// XML text (libwbxml's own form, with its DOCTYPE) to anonymous WBXML without string table.
    static func encode(_ xml: [UInt8]) throws -> [UInt8] {
        var converter: OpaquePointer?
        try check(wbxml_conv_xml2wbxml_create(&converter))
        defer { wbxml_conv_xml2wbxml_destroy(converter) }
        wbxml_conv_xml2wbxml_set_version(converter, WBXML_VERSION_13)
        wbxml_conv_xml2wbxml_disable_string_table(converter)
        wbxml_conv_xml2wbxml_disable_public_id(converter)
        var input = xml
        var output: UnsafeMutablePointer<UInt8>?
        var length: UInt32 = 0
        try check(wbxml_conv_xml2wbxml_run(converter, &input, UInt32(input.count), &output, &length))
        defer { free(output) }
        return Array(UnsafeBufferPointer(start: output, count: Int(length)))
    }

    private static func check(_ code: WBXMLError) throws {
        guard code == WBXML_OK else { throw Failure(code: code) }
    }
}
