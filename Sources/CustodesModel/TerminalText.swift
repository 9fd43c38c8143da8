extension String {
    /// The text with each control character (C0, DEL and C1, among them the escape that starts a terminal's escape
    /// sequences) written as `\u{1B}`. Values from a force's export are printed to an analyst's terminal, in
    /// quarantine messages and alert sentences, and the people whose records and typed reasons those values are must
    /// not be able to recolour, retitle or rewrite that terminal. The text itself is unchanged when it holds none.
    public var escapingControlCharacters: String {
        guard unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else { return self }
        var escaped = ""
        for scalar in unicodeScalars {
            if scalar.properties.generalCategory == .control {
                escaped += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            } else {
                escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped
    }
}
