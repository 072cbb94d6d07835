#!/usr/bin/env bash
# Builds the WBXML sources with libFuzzer and AddressSanitizer and fuzzes the decoder and the
# XML reader, seeded with the golden corpus. Usage: Fuzz/run.sh [SECONDS] (default 60).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
out=.build-fuzz
mkdir -p "$out/corpus" "$out/findings"
cp Tests/WBXMLTests/Fixtures/*.wbxml Tests/WBXMLTests/Fixtures/*.xml "$out/corpus/"
swiftc -parse-as-library -sanitize=fuzzer,address -O -package-name Tern -module-name WBXMLFuzz \
    $(find Sources/WBXML -name '*.swift') Fuzz/WBXMLFuzzer.swift -o "$out/wbxml-fuzz"
"$out/wbxml-fuzz" -max_total_time="$seconds" -max_len=65536 -timeout=5 \
    -artifact_prefix="$out/findings/" "$out/corpus"
