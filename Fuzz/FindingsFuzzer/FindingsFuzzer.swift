import CustodesAssurance

/// libFuzzer target: the inspectorate's findings file. Every input must parse or fail with an
/// `AssuranceInputError` naming the line and field, never crash or hang. Built and run by `scripts/fuzz` (see
/// docs/security.md).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzFindings(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    _ = try? FindingsFile.parse(text, file: "fuzz.yaml")
    return 0
}
