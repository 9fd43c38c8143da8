/// The inspectorate's findings for one force: a status per element and, rarely, the inspector's own words.
///
/// The findings paragraph of a letter is composed from the statuses by ``FindingsParagraph``; it is not stored,
/// so that two forces with the same findings read the same and a corrected status corrects the letter. The
/// `paragraphOverride` exists for the case the rules cannot express, and is used verbatim.
public struct ForceFindings: Hashable, Sendable {
    /// The force's slug in the ``ForceCatalog``.
    public var force: String
    public var statuses: ElementStatuses
    /// The inspector's own findings paragraph, replacing the composed one in this force's letter only.
    public var paragraphOverride: String?
    public var lifecycle: ForceLifecycle

    public init(
        force: String, statuses: ElementStatuses, paragraphOverride: String? = nil,
        lifecycle: ForceLifecycle = ForceLifecycle()
    ) {
        self.force = force
        self.statuses = statuses
        self.paragraphOverride = paragraphOverride
        self.lifecycle = lifecycle
    }

    /// The category follows from the statuses alone; an override changes the words, never the judgement.
    public var category: PlanCategory { PlanCategory(statuses) }
}
