import Hummingbird

/// A text parameter of the address as a browser's GET form sends it: `+` is a space and `%2B` a plus. (The router's
/// query parameters keep `+` as it is, so a filter typed with a space would never match.)
enum QueryText {
    static func value(_ name: String, in request: Request) -> String? {
        for pair in (request.uri.query ?? "").split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard parts.first.map(String.init)?.replacingOccurrences(of: "+", with: " ").removingPercentEncoding == name
            else { continue }
            let raw = parts.count > 1 ? String(parts[1]) : ""
            return raw.replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? raw
        }
        return nil
    }
}
