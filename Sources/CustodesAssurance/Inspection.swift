public import CustodesModel

/// One inspection that follows up a recommendation: the text every letter shares, and its timetable.
///
/// Everything in a letter that is the same for all forces lives here, so the per-force data is only what differs
/// (findings and lifecycle) and a correction to shared wording is made once.
public struct Inspection: Hashable, Sendable {
    /// The inspectorate's short name, as in the letter heading and "published on the … website".
    public var inspectorate: String
    /// The subject of the assessment, as in the heading: "Abuse of position for a sexual purpose".
    public var subject: String
    public var recommendation: Recommendation
    public var strategy: NationalStrategy
    public var dates: InspectionDates
    public var signature: SignatureBlock
    public var contact: Contact

    public init(
        inspectorate: String, subject: String, recommendation: Recommendation, strategy: NationalStrategy,
        dates: InspectionDates, signature: SignatureBlock, contact: Contact
    ) {
        self.inspectorate = inspectorate
        self.subject = subject
        self.recommendation = recommendation
        self.strategy = strategy
        self.dates = dates
        self.signature = signature
        self.contact = contact
    }
}

/// The recommendation an inspection follows up, and the report it came from.
public struct Recommendation: Hashable, Sendable {
    /// The report's title, italicised where the format allows: "PEEL: police legitimacy 2016".
    public var report: String
    public var reportPublished: CalendarMonth
    /// The term the report used, and the one used now; the letters explain the change of wording.
    public var formerTerm: String
    public var currentTerm: String
    /// The paragraph that explains the concern behind the recommendation, ending by introducing it.
    public var concern: String
    /// The recommendation, quoted verbatim.
    public var text: String

    public init(
        report: String, reportPublished: CalendarMonth, formerTerm: String, currentTerm: String, concern: String,
        text: String
    ) {
        self.report = report
        self.reportPublished = reportPublished
        self.formerTerm = formerTerm
        self.currentTerm = currentTerm
        self.concern = concern
        self.text = text
    }
}

/// The national strategy the plans were measured against.
public struct NationalStrategy: Hashable, Sendable {
    /// Who agreed it: "National Police Chiefs' Council".
    public var agreedBy: String
    public var agreed: CalendarMonth

    public init(agreedBy: String, agreed: CalendarMonth) {
        self.agreedBy = agreedBy
        self.agreed = agreed
    }

    /// "the national strategy agreed at the National Police Chiefs' Council in April of this year", dated relative
    /// to the letter as the letters do.
    public func phrase(relativeTo letterDate: CalendarDate) -> String {
        let when = agreed.year == letterDate.year ? "\(agreed.name) of this year" : agreed.longForm
        return "the national strategy agreed at the \(agreedBy) in \(when)"
    }
}

/// The inspection's timetable. Each date is when a step is due for every force; ``ForceLifecycle`` records when it
/// actually happened for one force.
public struct InspectionDates: Hashable, Sendable {
    public var documentsRequested: CalendarDate
    public var submissionDeadline: CalendarDate
    public var assessment: AssessmentPeriod
    public var letter: CalendarDate
    public var publication: CalendarDate
    public var returnVisitDue: CalendarDate

    public init(
        documentsRequested: CalendarDate, submissionDeadline: CalendarDate, assessment: AssessmentPeriod,
        letter: CalendarDate, publication: CalendarDate, returnVisitDue: CalendarDate
    ) {
        self.documentsRequested = documentsRequested
        self.submissionDeadline = submissionDeadline
        self.assessment = assessment
        self.letter = letter
        self.publication = publication
        self.returnVisitDue = returnVisitDue
    }
}

/// When the assessment took place: a range of days, written as the letters write it.
public struct AssessmentPeriod: Hashable, Sendable {
    public var start: CalendarDate
    public var end: CalendarDate

    /// Fails when the period ends before it starts.
    public init?(start: CalendarDate, end: CalendarDate) {
        guard start <= end else { return nil }
        self.start = start
        self.end = end
    }

    /// "during June 2017" for a whole month; otherwise "between 5 June 2017 and 12 July 2017".
    public var phrase: String {
        if start.day == 1, start.year == end.year, start.month == end.month, end == start.calendarMonth.lastDay {
            return "during \(start.calendarMonth.longForm)"
        }
        return "between \(start.longForm) and \(end.longForm)"
    }
}

/// The signatory and their signature.
public struct SignatureBlock: Hashable, Sendable {
    public var name: String
    /// "QPM"; empty when there are none.
    public var postNominals: String
    /// One line each, under the name.
    public var titles: [String]
    public var image: SignatureImage
    /// Describes the signature for readers who cannot see it; plain-text and Markdown letters print it in place of
    /// the image, as the published text versions do.
    public var altText: String

    public init(name: String, postNominals: String, titles: [String], image: SignatureImage, altText: String) {
        self.name = name
        self.postNominals = postNominals
        self.titles = titles
        self.image = image
        self.altText = altText
    }

    /// "Michael Cunningham QPM".
    public var nameLine: String { postNominals.isEmpty ? name : "\(name) \(postNominals)" }
}

/// A signature image, carried as bytes so the HTML letter can embed it and stay a single self-contained file.
public struct SignatureImage: Hashable, Sendable {
    /// `image/png`, `image/jpeg` or `image/svg+xml`.
    public var mediaType: String
    public var bytes: [UInt8]

    public init(mediaType: String, bytes: [UInt8]) {
        self.mediaType = mediaType
        self.bytes = bytes
    }

    /// The media type for a file name's extension, or nil for a format browsers may not show.
    public static func mediaType(forFileName name: String) -> String? {
        switch name.split(separator: ".").last.map({ $0.lowercased() }) {
        case "png": "image/png"
        case "jpg", "jpeg": "image/jpeg"
        case "svg": "image/svg+xml"
        case "gif": "image/gif"
        default: nil
        }
    }
}

/// Who to contact with queries about the letter.
public struct Contact: Hashable, Sendable {
    public var name: String
    public var email: String
    /// Optional: the sentence omits "or on …" without one.
    public var phone: String?

    public init(name: String, email: String, phone: String? = nil) {
        self.name = name
        self.email = email
        self.phone = phone
    }
}
