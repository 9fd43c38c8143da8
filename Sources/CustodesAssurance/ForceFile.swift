/// Corrections and additions to the built-in forces, as a `forces:` list in a force file or a findings file.
///
/// An entry with a known slug changes only the fields it gives; an entry with a new slug adds a force and must give
/// its name.
public enum ForceFile {
    /// Reads a force file (a mapping with a `forces` list) and applies it to `catalog`.
    public static func load(path: String, onto catalog: ForceCatalog) throws(AssuranceInputError) -> ForceCatalog {
        let root = try YAMLField.load(file: path)
        try root.allowKeys(["forces"])
        var catalog = catalog
        try apply(root["forces"], to: &catalog)
        return catalog
    }

    static func apply(_ list: YAMLField, to catalog: inout ForceCatalog) throws(AssuranceInputError) {
        for entry in try list.sequence() {
            try entry.allowKeys(["slug", "name", "addressee", "delivery", "copied-to"])
            let slugField = entry["slug"]
            let slug = try slugField.string()
            guard !slug.isEmpty, slug.allSatisfy({ $0.isLowercase || $0.isNumber || $0 == "-" }), slug.isASCII else {
                throw slugField.error("'\(slug)' is not a slug; use lower-case letters, digits and hyphens")
            }
            var force: Force
            if let existing = catalog.force(slug: slug) {
                force = existing
                if let name = try entry["name"].optionalString() { force.name = name }
            } else {
                force = Force(slug: slug, name: try entry["name"].string())
            }
            if let addressee = try entry["addressee"].optionalString() { force.addressee = addressee }
            if let delivery = try entry["delivery"].optionalString() { force.delivery = delivery }
            if !entry["copied-to"].isMissing { force.copiedTo = try entry["copied-to"].stringList() }
            catalog.upsert(force)
        }
    }
}

extension String {
    var isASCII: Bool { unicodeScalars.allSatisfy(\.isASCII) }
}
