import Foundation

/// Escaping and embedding for the HTML and SVG the assurance reports write.
enum HTMLText {
    /// Escapes text for element content and double- or single-quoted attribute values.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.count)
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }

    /// A `data:` URI, so an image travels inside the page and the page needs nothing else to display or print.
    static func dataURI(mediaType: String, bytes: [UInt8]) -> String {
        "data:\(mediaType);base64,\(Data(bytes).base64EncodedString())"
    }

    /// A page's shared head: UTF-8, British English, a title, and the given styles. No external resources.
    static func document(title: String, style: String, body: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="en-GB">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(escape(title))</title>
        <style>
        \(style)
        </style>
        </head>
        <body>
        \(body)
        </body>
        </html>

        """
    }
}
