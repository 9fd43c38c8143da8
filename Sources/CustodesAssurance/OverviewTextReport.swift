/// The national overview as plain text for a terminal: counts, force lists and the element table.
public enum OverviewTextReport {
    public static func render(_ overview: NationalOverview) -> String {
        var out = [overview.summary, ""]
        let width = PlanCategory.allCases.map(\.title.count).max() ?? 0
        for entry in overview.categories {
            out.append(entry.category.title.padded(to: width) + "  " + String(entry.count).leftPadded(to: 3))
        }
        for entry in overview.categories where !entry.forces.isEmpty {
            out.append("")
            out.append("\(entry.category.title) (\(entry.count)):")
            out.append(contentsOf: entry.forces.map { "  \($0.name)" })
        }
        out.append("")
        out.append("Status of each element across forces:")
        let labelWidth = AssessedElement.allCases.map(\.title.count).max() ?? 0
        let statusWidths = ElementStatus.allCases.map { max($0.rawValue.count, 3) }
        out.append("".padded(to: labelWidth) + zip(ElementStatus.allCases, statusWidths).map { "  " + $0.rawValue.leftPadded(to: $1) }.joined())
        for entry in overview.elements {
            out.append(entry.element.title.padded(to: labelWidth)
                       + zip(entry.counts, statusWidths).map { "  " + String($0.count).leftPadded(to: $1) }.joined())
        }
        return out.joined(separator: "\n")
    }
}

extension String {
    func padded(to width: Int) -> String { self + String(repeating: " ", count: max(0, width - count)) }
    func leftPadded(to width: Int) -> String { String(repeating: " ", count: max(0, width - count)) + self }
}
