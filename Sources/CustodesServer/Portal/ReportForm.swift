import Foundation
import Hummingbird
import MultipartKit
import NIOCore

/// A report as the portal's form sends it: `multipart/form-data` with the answers and up to `maximumFiles` files,
/// or (from a browser without files) an ordinary urlencoded form. Files are checked by what they contain, not by
/// their names or the type the browser claims.
struct ReportForm {
    var form: Form
    var files: [Attachment]
    /// A file that was refused; the answers were still read, so they can be shown again.
    var problem: Problem?

    struct Attachment: Equatable {
        var name: String
        var kind: AttachmentKind
        var bytes: [UInt8]
    }

    static let maximumFiles = 3
    static let maximumFileBytes = 5 * 1024 * 1024
    static let maximumBodyBytes = maximumFiles * maximumFileBytes + 256 * 1024

    enum Problem: Error, Equatable {
        case tooLarge
        case tooManyFiles
        case fileTooLarge(String)
        case unsupported(String)
        case unreadable
    }

    static func read(_ request: Request) async throws -> ReportForm {
        let contentType = request.headers[.contentType] ?? ""
        let buffer: ByteBuffer
        do {
            buffer = try await request.body.collect(upTo: maximumBodyBytes)
        } catch {
            throw Problem.tooLarge
        }
        guard contentType.lowercased().hasPrefix("multipart/form-data"),
              let boundary = Self.boundary(contentType) else {
            return ReportForm(form: Form(fields: Form.parse(String(buffer: buffer))), files: [], problem: nil)
        }
        var fields: [String: String] = [:]
        var files: [Attachment] = []
        var headers: [String: String] = [:]
        var body: [UInt8] = []
        var problem: Problem?
        let parser = MultipartParser(boundary: boundary)
        parser.onHeader = { name, value in headers[name.lowercased()] = value }
        parser.onBody = { chunk in body.append(contentsOf: chunk.readableBytesView) }
        parser.onPartComplete = {
            defer { headers = [:]; body = [] }
            let disposition = headers["content-disposition"] ?? ""
            guard let name = Self.parameter("name", in: disposition) else { return }
            if let filename = Self.parameter("filename", in: disposition) {
                guard !body.isEmpty || !filename.isEmpty else { return }  // an empty file input
                let shown = String(filename.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last ?? "attachment")
                    .filter { !$0.isNewline && !Form.hasControlCharacters(String($0), multiline: false) }
                    .prefix(100)
                if files.count >= maximumFiles { problem = problem ?? .tooManyFiles; return }
                if body.count > maximumFileBytes { problem = problem ?? .fileTooLarge(String(shown)); return }
                guard let kind = AttachmentKind(sniffing: body) else {
                    problem = problem ?? .unsupported(String(shown))
                    return
                }
                files.append(Attachment(name: String(shown), kind: kind, bytes: body))
            } else {
                fields[name] = String(decoding: body, as: UTF8.self)
            }
        }
        do {
            try parser.execute(buffer)
        } catch {
            throw Problem.unreadable
        }
        return ReportForm(form: Form(fields: fields), files: problem == nil ? files : [], problem: problem)
    }

    static func boundary(_ contentType: String) -> String? {
        parameter("boundary", in: contentType)
    }

    /// A parameter of a header value (`name="what_happened"`), quoted or not.
    static func parameter(_ key: String, in header: String) -> String? {
        for part in header.split(separator: ";") {
            let pair = part.trimmingCharacters(in: .whitespaces)
            guard pair.lowercased().hasPrefix(key + "=") else { continue }
            var value = String(pair.dropFirst(key.count + 1))
            if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 { value = String(value.dropFirst().dropLast()) }
            return value
        }
        return nil
    }
}

/// The kinds of file the portal takes, recognised by their first bytes: what a support worker is likely to have
/// (a photograph or screenshot, a PDF, a text file of messages). Anything else is refused, not stored.
enum AttachmentKind: String, Sendable, CaseIterable {
    case pdf, png, jpeg, text

    init?(sniffing bytes: [UInt8]) {
        if bytes.starts(with: Array("%PDF-".utf8)) { self = .pdf; return }
        if bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { self = .png; return }
        if bytes.starts(with: [0xFF, 0xD8, 0xFF]) { self = .jpeg; return }
        if !bytes.isEmpty, !bytes.contains(0), String(validating: bytes, as: UTF8.self) != nil { self = .text; return }
        return nil
    }

    var title: String {
        switch self {
        case .pdf: "PDF document"
        case .png: "PNG image"
        case .jpeg: "JPEG image"
        case .text: "Text"
        }
    }
}
