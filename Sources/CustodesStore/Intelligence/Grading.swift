import Foundation

/// The national 3x5x2 intelligence grading (College of Policing, Intelligence management APP): how far the source
/// can be trusted, how the source came to know what they report, and whether and how the item may be shared.
/// An item must be graded before it is disseminated; a C handling code is meaningless without its conditions, so a
/// grading with C and no conditions cannot be built.
public struct Grading: Sendable, Equatable {
    public var source: SourceEvaluation
    public var assessment: IntelligenceAssessment
    public var handling: HandlingCode
    /// The conditions of lawful sharing under handling code C (for example "not to be shared outside professional
    /// standards without the head of unit's consent"); nil under P.
    public var conditions: String?

    /// A grading, checked: conditions are required with C and refused with P, so a reader of a P item is never shown
    /// conditions that do not apply.
    public init(source: SourceEvaluation, assessment: IntelligenceAssessment, handling: HandlingCode,
                conditions: String?) throws(GradingError) {
        let written = conditions?.trimmingCharacters(in: .whitespacesAndNewlines).nilIfEmpty
        switch handling {
        case .conditions:
            guard let written else { throw .conditionsRequired }
            guard written.count <= 2_000 else { throw .conditionsTooLong }
        case .permitted:
            guard written == nil else { throw .conditionsWithoutCodeC }
        }
        self.source = source
        self.assessment = assessment
        self.handling = handling
        self.conditions = written
    }

    /// The grading as analysts write it: "1A P", "2C C".
    public var code: String { "\(source.rawValue)\(assessment.rawValue) \(handling.rawValue)" }
}

/// Source evaluation: how reliable the source is, judged on their record, not on this report.
public enum SourceEvaluation: String, Sendable, CaseIterable {
    case reliable = "1"
    case untested = "2"
    case notReliable = "3"

    public var title: String {
        switch self {
        case .reliable: "1: reliable"
        case .untested: "2: untested"
        case .notReliable: "3: not reliable"
        }
    }
}

/// Intelligence assessment: how the source knows what they report.
public enum IntelligenceAssessment: String, Sendable, CaseIterable {
    case knownDirectly = "A"
    case knownIndirectlyCorroborated = "B"
    case knownIndirectly = "C"
    case notKnown = "D"
    case suspectedFalse = "E"

    public var title: String {
        switch self {
        case .knownDirectly: "A: known directly to the source"
        case .knownIndirectlyCorroborated: "B: known indirectly to the source but corroborated"
        case .knownIndirectly: "C: known indirectly to the source"
        case .notKnown: "D: not known"
        case .suspectedFalse: "E: suspected to be false"
        }
    }
}

/// Handling code: whether the item may be shared lawfully, and on what terms.
public enum HandlingCode: String, Sendable, CaseIterable {
    case permitted = "P"
    case conditions = "C"

    public var title: String {
        switch self {
        case .permitted: "P: lawful sharing permitted"
        case .conditions: "C: lawful sharing permitted with conditions"
        }
    }
}

public enum GradingError: Error, Equatable, CustomStringConvertible {
    case conditionsRequired, conditionsWithoutCodeC, conditionsTooLong

    public var description: String {
        switch self {
        case .conditionsRequired: "Write the conditions of sharing: handling code C needs them"
        case .conditionsWithoutCodeC: "Conditions apply only under handling code C: choose C or remove the conditions"
        case .conditionsTooLong: "Shorten the conditions to 2,000 characters or fewer"
        }
    }
}

extension String {
    var nilIfEmpty: String? { isEmpty ? nil : self }
}
