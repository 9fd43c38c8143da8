/// A findings file (YAML; format in docs/assurance.md): the forces' findings, and any corrections to the forces.
public struct FindingsFile: Sendable {
    /// The built-in forces with the file's corrections and additions applied.
    public var catalog: ForceCatalog
    /// In file order.
    public var findings: [ForceFindings]

    public init(catalog: ForceCatalog, findings: [ForceFindings]) {
        self.catalog = catalog
        self.findings = findings
    }

    /// Loads findings on top of `catalog`; a force file's corrections should already be applied to it.
    public static func load(path: String, catalog: ForceCatalog = .englandAndWales) throws(AssuranceInputError) -> FindingsFile {
        try read(try YAMLField.load(file: path), catalog: catalog)
    }

    /// Parses findings YAML; `file` names it in errors.
    public static func parse(
        _ text: String, file: String, catalog: ForceCatalog = .englandAndWales
    ) throws(AssuranceInputError) -> FindingsFile {
        try read(try YAMLField.parse(text, file: file), catalog: catalog)
    }

    /// The force named by a finding, with its findings; both are needed to write a letter.
    ///
    /// - Precondition: `findings` names a force in ``catalog``, as every entry loaded from a file does.
    public func force(for findings: ForceFindings) -> Force {
        catalog.force(slug: findings.force)!
    }

    static func read(_ root: YAMLField, catalog: ForceCatalog) throws(AssuranceInputError) -> FindingsFile {
        try root.allowKeys(["forces", "findings"])
        var catalog = catalog
        if !root["forces"].isMissing { try ForceFile.apply(root["forces"], to: &catalog) }

        var findings: [ForceFindings] = []
        var seen: Set<String> = []
        for entry in try root["findings"].sequence() {
            try entry.allowKeys(["force", "paragraph", "lifecycle"] + AssessedElement.allCases.map(\.rawValue))
            let slugField = entry["force"]
            let slug = try slugField.string()
            guard catalog.force(slug: slug) != nil else {
                throw slugField.error("unknown force '\(slug)'; use a slug from docs/assurance.md or add the force under 'forces'")
            }
            guard seen.insert(slug).inserted else { throw slugField.error("'\(slug)' has findings twice") }

            var statuses = ElementStatuses(all: .noInformation)
            for element in AssessedElement.allCases {
                statuses[element] = try entry[element.rawValue].oneOf(ElementStatus.self, describedAs: "status")
            }
            findings.append(ForceFindings(
                force: slug, statuses: statuses, paragraphOverride: try entry["paragraph"].optionalString(),
                lifecycle: try readLifecycle(entry["lifecycle"])))
        }
        return FindingsFile(catalog: catalog, findings: findings)
    }

    static func readLifecycle(_ field: YAMLField) throws(AssuranceInputError) -> ForceLifecycle {
        guard !field.isMissing else { return ForceLifecycle() }
        try field.allowKeys(LifecycleStep.allCases.map(\.key))
        var lifecycle = ForceLifecycle()
        for step in LifecycleStep.allCases {
            lifecycle[step] = try field[step.key].optionalDate()
        }
        if let problem = lifecycle.inconsistency { throw field.error(problem) }
        return lifecycle
    }
}
