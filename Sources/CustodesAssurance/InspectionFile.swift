import Foundation

/// Reads an inspection file (YAML; format in docs/assurance.md).
public enum InspectionFile {
    /// Loads the inspection; the signature image path is relative to the file.
    public static func load(path: String) throws(AssuranceInputError) -> Inspection {
        let root = try YAMLField.load(file: path)
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent()
        return try read(root) { (field: YAMLField, name: String) throws(AssuranceInputError) -> [UInt8] in
            let url = URL(fileURLWithPath: name, relativeTo: directory)
            guard let data = FileManager.default.contents(atPath: url.path) else {
                throw field.error("cannot read the image '\(url.path)'")
            }
            return [UInt8](data)
        }
    }

    /// Parses inspection YAML; `loadImage` reads the signature image named in it, so tests need no files.
    public static func parse(
        _ text: String, file: String, loadImage: (String) throws -> [UInt8]
    ) throws(AssuranceInputError) -> Inspection {
        try read(try YAMLField.parse(text, file: file)) { (field: YAMLField, name: String) throws(AssuranceInputError) -> [UInt8] in
            do { return try loadImage(name) } catch { throw field.error("cannot read the image '\(name)': \(error)") }
        }
    }

    static func read(
        _ root: YAMLField, loadImage: (YAMLField, String) throws(AssuranceInputError) -> [UInt8]
    ) throws(AssuranceInputError) -> Inspection {
        try root.allowKeys(["inspectorate", "subject", "recommendation", "strategy", "dates", "signature", "contact"])

        let rec = root["recommendation"]
        try rec.allowKeys(["report", "published", "former-term", "current-term", "concern", "text"])
        let recommendation = Recommendation(
            report: try rec["report"].string(), reportPublished: try rec["published"].month(),
            formerTerm: try rec["former-term"].string(), currentTerm: try rec["current-term"].string(),
            concern: try rec["concern"].string(), text: try rec["text"].string())

        let strat = root["strategy"]
        try strat.allowKeys(["agreed-by", "agreed"])
        let strategy = NationalStrategy(agreedBy: try strat["agreed-by"].string(), agreed: try strat["agreed"].month())

        let d = root["dates"]
        try d.allowKeys(["documents-requested", "submission-deadline", "assessment", "letter", "publication",
                         "return-visit-due"])
        let a = d["assessment"]
        try a.allowKeys(["from", "to"])
        guard let period = AssessmentPeriod(start: try a["from"].date(), end: try a["to"].date()) else {
            throw a["to"].error("the assessment ends before it starts")
        }
        let dates = InspectionDates(
            documentsRequested: try d["documents-requested"].date(),
            submissionDeadline: try d["submission-deadline"].date(), assessment: period,
            letter: try d["letter"].date(), publication: try d["publication"].date(),
            returnVisitDue: try d["return-visit-due"].date())

        let sig = root["signature"]
        try sig.allowKeys(["name", "post-nominals", "titles", "image", "alt"])
        let imageField = sig["image"]
        let imageName = try imageField.string()
        guard let mediaType = SignatureImage.mediaType(forFileName: imageName) else {
            throw imageField.error("'\(imageName)' is not a PNG, JPEG, GIF or SVG image")
        }
        let signature = SignatureBlock(
            name: try sig["name"].string(), postNominals: try sig["post-nominals"].optionalString() ?? "",
            titles: try sig["titles"].stringList(),
            image: SignatureImage(mediaType: mediaType, bytes: try loadImage(imageField, imageName)),
            altText: try sig["alt"].string())

        let c = root["contact"]
        try c.allowKeys(["name", "email", "phone"])
        let contact = Contact(name: try c["name"].string(), email: try c["email"].string(),
                              phone: try c["phone"].optionalString())

        return Inspection(
            inspectorate: try root["inspectorate"].string(), subject: try root["subject"].string(),
            recommendation: recommendation, strategy: strategy, dates: dates, signature: signature, contact: contact)
    }
}
