/// The plain-English summary at the top of an alert: what the member of staff did, in the order an investigator
/// would want to read it, then how the score was reached.
enum WhyThisFired {
    static func compose(_ alert: Alert, rules: RuleSet, volumeReason: String? = nil,
                        spreadReason: String? = nil, learningReason: String? = nil) -> String {
        var sentences: [String] = []
        let people = alert.people.count
        let marked = alert.people.filter { !$0.markers.isEmpty }
        func hits(_ name: IndicatorName) -> Int { alert.contributions.first { $0.indicator == name }?.hits ?? 0 }
        func example(_ name: IndicatorName) -> String? { alert.contributions.first { $0.indicator == name }?.examples.first }

        if hits(.selfOrAssociate) > 0, let first = example(.selfOrAssociate) {
            sentences.append("They \(first)\(hits(.selfOrAssociate) > 1 ? ", \(hits(.selfOrAssociate)) times in all" : "").")
        }
        // The last example kept (at most the third): the most attendances among them.
        if hits(.repeatedAttendance) > 0,
           let last = alert.contributions.first(where: { $0.indicator == .repeatedAttendance })?.examples.last {
            sentences.append("They \(last).")
        }
        if hits(.revisitAfterInvolvement) > 0, let first = example(.revisitAfterInvolvement) {
            sentences.append("They \(first)\(hits(.revisitAfterInvolvement) > 1 ? ", and returned \(hits(.revisitAfterInvolvement) - 1) more time\(hits(.revisitAfterInvolvement) == 2 ? "" : "s")" : "").")
        }
        if hits(.repeatLookups) > 0, let last = alert.contributions.first(where: { $0.indicator == .repeatLookups })?.examples.last {
            sentences.append("They \(last).")
        }
        if hits(.linkedExpansion) > 0, let first = example(.linkedExpansion) {
            sentences.append("They widened their search: they \(first)\(hits(.linkedExpansion) > 1 ? " (\(hits(.linkedExpansion)) such look-ups)" : "").")
        }
        if hits(.vulnerablePerson) > 0 {
            let markers = Set(marked.flatMap(\.markers)).map { $0.rawValue.replacingOccurrences(of: "_", with: " ") }.sorted()
            sentences.append("\(hits(.vulnerablePerson)) unexplained look-up\(hits(.vulnerablePerson) == 1 ? " was" : "s were") of "
                             + "\(marked.count == 1 ? "a person" : "\(marked.count) people") with vulnerability markers (\(markers.joined(separator: ", "))).")
        }
        if hits(.sensitiveFields) > 0 {
            sentences.append("\(hits(.sensitiveFields)) opened contact details, an address or a custody image with no business link.")
        }
        if hits(.offDuty) > 0 {
            sentences.append("\(hits(.offDuty)) \(hits(.offDuty) == 1 ? "was" : "were") made off duty.")
        }
        if hits(.demographicSkew) > 0, let first = example(.demographicSkew) {
            sentences.append("The people they looked up were skewed: \(first).")
        }
        if hits(.volumeOutlier) > 0, let first = example(.volumeOutlier) {
            sentences.append("They \(first).")
        }
        if let volumeReason { sentences.append(volumeReason) }
        if let spreadReason { sentences.append(spreadReason) }
        if let learningReason { sentences.append(learningReason) }
        let summary = "Risk \(format(alert.scoreAtOpen)) when it opened (threshold \(format(rules.risk.alertThreshold))), "
            + "from \(alert.contributions.count) indicator\(alert.contributions.count == 1 ? "" : "s") over "
            + "\(alert.evidenceCount) access\(alert.evidenceCount == 1 ? "" : "es") to \(people) \(people == 1 ? "person" : "people")."
        return (sentences + [summary]).joined(separator: " ")
    }

    static func format(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String((value * 10).rounded() / 10)
    }
}
