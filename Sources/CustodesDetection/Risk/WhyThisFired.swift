/// The plain-English summary at the top of an alert: what the member of staff did, in the order an investigator
/// would want to read it, then how the score was reached.
enum WhyThisFired {
    /// What the summary says of the person the score is most about (``AlertDraft/lead``): their latest revisit and
    /// how many there were, and their latest repeated look-up.
    struct Lead {
        var revisit: (detail: String, hits: Int)?
        var repeated: String?
    }

    static func compose(_ alert: Alert, rules: RuleSet, lead: Lead? = nil, volumeReason: String? = nil,
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
        // What they did to the person the score is most about comes first; returns to others after it.
        var others: [String] = []
        let revisits = hits(.revisitAfterInvolvement)
        if let revisit = lead?.revisit {
            // Revisits count once a day per person: the person's count is their days.
            let more = revisit.hits - 1
            sentences.append("They \(revisit.detail)"
                             + (more > 0 ? ", and returned to them on \(more) more day\(more == 1 ? "" : "s")" : "")
                             + (revisits > revisit.hits ? " (\(revisits) such returns to anyone in all)" : "") + ".")
        } else if revisits > 0, let first = example(.revisitAfterInvolvement) {
            others.append("They \(first)\(revisits > 1 ? " (\(revisits) such returns in all)" : "").")
        }
        if let repeated = lead?.repeated {
            sentences.append("They \(repeated).")
        } else if hits(.repeatLookups) > 0,
                  let last = alert.contributions.first(where: { $0.indicator == .repeatLookups })?.examples.last {
            others.append("They \(last).")
        }
        sentences += others
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
