/// The national picture: how many forces fall in each category, which they are, and how each element stands.
///
/// This is what the October 2017 overview reported (11, 15, 15 and 2 forces); computing it from the same findings as
/// the letters means the overview cannot disagree with what the forces were told.
public struct NationalOverview: Hashable, Sendable {
    /// One entry per category, in ``PlanCategory`` order, including categories with no forces.
    public var categories: [CategoryEntry]
    /// For each element in the letters' order, the number of forces at each status, in ``ElementStatus`` order.
    public var elements: [ElementEntry]

    public struct CategoryEntry: Hashable, Sendable {
        public var category: PlanCategory
        /// In catalogue order, so lists are stable and read like the overview's tables.
        public var forces: [Force]
        public var count: Int { forces.count }
    }

    public struct ElementEntry: Hashable, Sendable {
        public var element: AssessedElement
        /// One entry per status, in ``ElementStatus`` order, including statuses no force has.
        public var counts: [StatusCount]

        public func count(_ status: ElementStatus) -> Int {
            counts.first { $0.status == status }?.count ?? 0
        }
    }

    public struct StatusCount: Hashable, Sendable {
        public var status: ElementStatus
        public var count: Int
    }

    /// - Parameter file: findings whose forces are all in its catalogue, as ``FindingsFile`` guarantees.
    public init(_ file: FindingsFile) {
        let order = Dictionary(uniqueKeysWithValues: file.catalog.forces.enumerated().map { ($1.slug, $0) })
        let sorted = file.findings.sorted { order[$0.force, default: .max] < order[$1.force, default: .max] }
        categories = PlanCategory.allCases.map { category in
            CategoryEntry(category: category, forces: sorted.filter { $0.category == category }.map(file.force(for:)))
        }
        elements = AssessedElement.allCases.map { element in
            ElementEntry(element: element, counts: ElementStatus.allCases.map { status in
                StatusCount(status: status, count: file.findings.filter { $0.statuses[element] == status }.count)
            })
        }
    }

    public var totalForces: Int { categories.reduce(0) { $0 + $1.count } }

    public func count(_ category: PlanCategory) -> Int {
        categories.first { $0.category == category }?.count ?? 0
    }

    /// "Of 43 forces, 11 plans contained insufficient information, …": the overview's headline sentence.
    public var summary: String {
        let parts = categories.map { "\($0.count) \($0.category.rawValue)" }
        return "Of \(totalForces) forces: " + Letter.list(parts) + "."
    }
}
