#!/usr/bin/env bash
# Builds Tern's parsers of untrusted bytes with libFuzzer and AddressSanitizer and fuzzes each
# target in turn, seeded with the test corpora. Usage: Fuzz/run.sh [SECONDS] [TARGET...]
# (default 60 seconds each; targets wbxml, mime, import, request, mail). Needs the package resolved
# once (`swift build`), for swift-log's sources. Findings land in .build-fuzz/findings/TARGET/,
# and each target's last lines (inputs, coverage) in .build-fuzz/TARGET.log.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
shift || true
targets=("${@:-wbxml mime import request mail}")
targets=(${targets[@]})
out=.build-fuzz
modules=$out/modules
mkdir -p "$modules"
flags=(-parse-as-library -sanitize=fuzzer,address -O -package-name Tern -I "$modules")

# One module at a time, in dependency order, as static libraries built with coverage.
module() {
    local name=$1
    shift
    [ -f "$modules/lib$name.a" ] && [ -z "$(find "$@" -newer "$modules/lib$name.a" -name '*.swift' | head -1)" ] && return
    swiftc "${flags[@]}" -module-name "$name" -emit-module -emit-module-path "$modules/$name.swiftmodule" \
        -emit-library -static -o "$modules/lib$name.a" $(find "$@" -name '*.swift' ! -name PasswordHash.swift)
}
logging=.build/checkouts/swift-log/Sources/Logging
[ -d "$logging" ] || { echo "Fuzz/run.sh: run \`swift build\` once first (swift-log's sources)" >&2; exit 1; }
module WBXML Sources/WBXML
module MIME Sources/MIME
module ActiveSync Sources/ActiveSync
module Logging "$logging"
module TernStore Sources/TernStore
module TernImport Sources/TernImport
module TernSync Sources/TernSync
libraries=(-L "$modules" -lTernSync -lTernImport -lTernStore -lLogging -lActiveSync -lMIME -lWBXML)

seed() {
    case $1 in
    wbxml) echo Tests/WBXMLTests/Fixtures/*.wbxml Tests/WBXMLTests/Fixtures/*.xml ;;
    mime) echo Tests/MIMETests/Fixtures/* ;;
    import) echo Tests/TernImportTests/Fixtures/*.vcf Tests/TernImportTests/Fixtures/*.ics ;;
    request) echo Tests/WBXMLTests/Fixtures/*.wbxml ;;
    mail) echo Fuzz/Seeds/mail/* Tests/MIMETests/Fixtures/* ;;
    esac
}

for target in "${targets[@]}"; do
    source=Fuzz/$(tr '[:lower:]' '[:upper:]' <<< "${target:0:1}")${target:1}Fuzzer.swift
    [ "$target" = wbxml ] && source=Fuzz/WBXMLFuzzer.swift
    [ "$target" = mime ] && source=Fuzz/MIMEFuzzer.swift
    corpus=$out/corpus/$target
    mkdir -p "$corpus" "$out/findings/$target"
    cp $(seed "$target") "$corpus/" 2>/dev/null || true
    if [ "$target" = wbxml ]; then
        swiftc -parse-as-library -sanitize=fuzzer,address -O -package-name Tern -module-name WBXMLFuzz \
            $(find Sources/WBXML -name '*.swift') "$source" -o "$out/$target-fuzz"
    elif [ "$target" = mail ]; then
        swiftc -parse-as-library -sanitize=fuzzer,address -O -enable-bare-slash-regex -module-name MailFuzz "$source" \
            Sources/TernServer/LMTP/{LMTPCommand,CRLFLineReader}.swift Sources/TernServer/Relay/{SMTPReply,SMTPDataBlock}.swift \
            -o "$out/$target-fuzz" 2> >(grep -v 'Cannot export local symbol' >&2)
    else
        # ld.gold warns once per sanitizer symbol it cannot export; nothing to act on.
        swiftc "${flags[@]}" -module-name "${target}Fuzz" "$source" "${libraries[@]}" -o "$out/$target-fuzz" \
            2> >(grep -v 'Cannot export local symbol' >&2)
    fi
    "$out/$target-fuzz" -max_total_time="$seconds" -max_len=65536 -timeout=10 -rss_limit_mb=4096 \
        -artifact_prefix="$out/findings/$target/" "$corpus" 2>&1 | tee "$out/$target.log" | grep -E '^#[0-9]+ +(DONE|pulse)|ERROR|==' || true
    tail -n 3 "$out/$target.log"
done
