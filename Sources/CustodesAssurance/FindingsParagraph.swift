/// Composes a letter's findings paragraph from a force's element statuses.
///
/// The paragraph is never stored: the same statuses always give the same words, so letters stay consistent across
/// 43 forces and a corrected status corrects the letter. The rules reproduce the published letters exactly:
///
/// - The first sentence is about the national strategy. It sets the paragraph's *polarity*: positive when the
///   strategy is in place, started or planned; negative when no information or no evidence was found.
/// - The other three elements follow, grouped by status — positive statuses in the order in place, started,
///   planned; negative in the order no information, no evidence — first the groups sharing the strategy's polarity,
///   then the others. Elements in a group are listed in the letters' order and described in one sentence, so each
///   element is named exactly once.
/// - The first sentence of the second polarity marks the turn with "however"; no other sentence does.
/// - A sentence that follows one whose subject is "your plans" refers back to them as "They"; a second sentence
///   about what the plans include says they "also include".
/// - When no information was provided on the strategy, it joins the first no-information sentence rather than having
///   one of its own, so the paragraph does not say "No information was provided" twice in a row.
public enum FindingsParagraph {
    /// - Parameter strategy: how the strategy is named, from ``NationalStrategy/phrase(relativeTo:)``.
    public static func compose(_ statuses: ElementStatuses, strategy: String) -> String {
        var writer = Writer(strategy: strategy)
        let lead = statuses.strategy.isPositive
        let positive: [ElementStatus] = [.inPlace, .started, .plannedNotStarted]
        let negative: [ElementStatus] = [.noInformation, .noEvidence]
        let others: [AssessedElement] = [.ccuReview, .itMonitoring, .supportOrganisations]

        let strategyJoinsGroup = statuses.strategy == .noInformation
        writer.strategySentence(statuses.strategy)

        let polarities: [[ElementStatus]] = lead ? [positive, negative] : [negative, positive]
        for (index, order) in polarities.enumerated() {
            var first = true
            for status in order {
                var elements = others.filter { statuses[$0] == status }
                if status == .noInformation && strategyJoinsGroup { elements.insert(.strategy, at: 0) }
                guard !elements.isEmpty else { continue }
                writer.sentence(status, about: elements, contrast: index == 1 && first)
                first = false
            }
        }
        return writer.sentences.joined(separator: " ")
    }

    struct Writer {
        let strategy: String
        var sentences: [String] = []
        /// Whether the last sentence's subject was "your plans", so the next may say "They".
        var lastSubjectIsPlans = false
        /// Whether a sentence has already said what the plans include.
        var includesSaid = false

        init(strategy: String) { self.strategy = strategy }

        mutating func strategySentence(_ status: ElementStatus) {
            switch status {
            case .inPlace:
                add("Your plans reflected \(strategy).", plansSubject: true)
            case .started:
                add("Work to align your plans with \(strategy) had started at the time of our review.", plansSubject: false)
            case .plannedNotStarted:
                add("Your plans committed to reflecting \(strategy), although at the time of our review this work had "
                    + "yet to start.", plansSubject: true)
            case .noEvidence:
                add("Your plans did not reflect \(strategy).", plansSubject: true)
            case .noInformation:
                break  // Said in the first no-information sentence, with the other elements it applies to.
            }
        }

        mutating func sentence(_ status: ElementStatus, about subjects: [AssessedElement], contrast: Bool) {
            // The verb agrees with the subject: "improvements to your IT systems' monitoring capability were".
            let plural = subjects.count > 1 || subjects.first.map(isPlural) == true
            let was = plural ? "were" : "was"
            let this = plural ? "these" : "this"
            switch status {
            case .inPlace:
                let items = list(subjects.map(item), conjunction: "and")
                add((contrast ? "However, \(items)" : capitalised(items))
                    + " \(was) already in place at the time of our review.", plansSubject: false)
            case .started, .plannedNotStarted:
                let outcome = status == .started
                if contrast {
                    let works = list(subjects.map(work), conjunction: "and")
                    let tail = outcome ? "and \(this) had commenced prior to our review"
                        : "although \(this) had not yet commenced prior to our review"
                    add("However, \(works) \(was) included in your plans, \(tail).", plansSubject: false)
                } else {
                    let items = list(subjects.map(item), conjunction: "and")
                    let subject = lastSubjectIsPlans ? "They" : "Your plans"
                    let verb = includesSaid ? "also include" : "include"
                    let tail = outcome ? "and at the time of our review \(this) had started"
                        : "although at the time of our review \(this) had yet to start"
                    add("\(subject) \(verb) \(items), \(tail).", plansSubject: true)
                }
                includesSaid = true
            case .noInformation:
                let progress = list(subjects.map(progress), conjunction: "or")
                add((contrast ? "However, no" : "No")
                    + " information was provided that allowed us to assess \(progress).", plansSubject: false)
            case .noEvidence:
                let items = list(subjects.map(item), conjunction: "or")
                add("We could not\(contrast ? " however" : "") find evidence of \(items).", plansSubject: false)
            }
        }

        private mutating func add(_ sentence: String, plansSubject: Bool) {
            sentences.append(sentence)
            lastSubjectIsPlans = plansSubject
        }

        /// Whether the element, as `item` names it, is a plural noun.
        func isPlural(_ subject: AssessedElement) -> Bool { subject == .itMonitoring }

        /// The element as something a plan contains.
        func item(_ subject: AssessedElement) -> String {
            switch subject {
            case .strategy: "alignment with \(strategy)"
            case .ccuReview:
                "a review of the capability and capacity of your counter-corruption unit"
            case .itMonitoring: "improvements to your IT systems' monitoring capability"
            case .supportOrganisations:
                "work to seek intelligence from those organisations that support vulnerable people"
            }
        }

        /// The element as progress to be judged.
        func progress(_ subject: AssessedElement) -> String {
            switch subject {
            case .strategy: "whether your plans reflected \(strategy)"
            case .ccuReview:
                "your progress in reviewing the capability and capacity of your counter-corruption unit"
            case .itMonitoring: "your progress in developing your IT systems' monitoring capability"
            case .supportOrganisations:
                "your progress in seeking intelligence from those organisations that support vulnerable people"
            }
        }

        /// The element as work done.
        func work(_ subject: AssessedElement) -> String {
            switch subject {
            case .strategy: "work done to align your plans with \(strategy)"
            case .ccuReview:
                "work done to review the capability and capacity of your counter-corruption unit"
            case .itMonitoring: "work done to improve your IT systems' monitoring capability"
            case .supportOrganisations:
                "work done to seek intelligence from those organisations that support vulnerable people"
            }
        }

        /// "a", "a and b", "a, b and c": British style, no serial comma.
        func list(_ items: [String], conjunction: String) -> String {
            guard items.count > 1 else { return items.first ?? "" }
            return items.dropLast().joined(separator: ", ") + " \(conjunction) " + items.last!
        }

        func capitalised(_ text: String) -> String { text.prefix(1).uppercased() + text.dropFirst() }
    }
}
