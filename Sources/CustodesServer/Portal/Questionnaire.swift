public import CustodesStore
import Foundation
import CustodesYAML
import Yams

/// The questions the portal asks, per channel, from a file the unit edits (`custodes serve --portal-questions`).
/// The file is read once at start; a mistake stops the server with the file, line and field, rather than showing a
/// reporter a broken form.
public struct Questionnaire: Sendable, Equatable {
    public enum Kind: String, Sendable, CaseIterable {
        case shortText = "short_text"
        case longText = "long_text"
        case date
        case yesNo = "yes_no"
    }

    public struct Question: Sendable, Equatable {
        public var id: String
        public var label: String
        public var hint: String?
        public var kind: Kind
        public var required: Bool
        public var channels: Set<PortalReports.Channel>
        public var maximum: Int
    }

    public var questions: [Question]

    public func questions(for channel: PortalReports.Channel) -> [Question] {
        questions.filter { $0.channels.contains(channel) }
    }

    /// The built-in questions: what the inspectorate's partners said a worker needs to be able to tell.
    public static let standardText = """
        # The portal's questions. Each has an id (letters, digits, underscores), a label, an optional hint, a kind
        # (short_text, long_text, date, yes_no), whether it is required, the channels it is asked on (anonymous,
        # confidential, partner) and, for text, a maximum length.
        questions:
          - id: what_happened
            label: What happened?
            hint: In your own words. Include anything the officer or member of staff said or did.
            kind: long_text
            required: true
            channels: [anonymous, confidential, partner]
            maximum: 10000
          - id: when_where
            label: When and where did it happen?
            hint: Dates, times and places, as far as you know them.
            kind: long_text
            required: true
            channels: [anonymous, confidential, partner]
            maximum: 2000
          - id: officer
            label: The officer or member of staff, if you know
            hint: Their name, collar number, station or vehicle. Leave it empty if you do not know.
            kind: short_text
            required: false
            channels: [anonymous, confidential, partner]
            maximum: 500
          - id: person_at_risk
            label: The person at risk
            hint: Who they are to you (for example, a client of your service). You do not have to name them.
            kind: short_text
            required: false
            channels: [anonymous, confidential, partner]
            maximum: 500
          - id: consent_to_contact
            label: Has the person at risk agreed that the unit may contact them?
            kind: yes_no
            required: true
            channels: [anonymous, confidential, partner]
          - id: immediate_needs
            label: Is anyone in danger now, or do they need help to be safe?
            hint: If someone is in immediate danger, call 999 now.
            kind: long_text
            required: false
            channels: [anonymous, confidential, partner]
            maximum: 2000
          - id: contact_details
            label: How can the unit contact you?
            hint: A phone number or email address, and when it is safe to contact you. Only the unit sees it.
            kind: short_text
            required: true
            channels: [confidential]
            maximum: 500
        """

    public static let standard = try! parse(standardText, file: "built-in questions")

    public static func load(file: String) throws -> Questionnaire {
        let text: String
        do {
            text = try String(contentsOfFile: file, encoding: .utf8)
        } catch {
            throw QuestionnaireError(file: file, line: nil, field: "", message: "cannot be read: \(error.localizedDescription)")
        }
        return try parse(text, file: file)
    }

    public static func parse(_ text: String, file: String) throws(QuestionnaireError) -> Questionnaire {
        func fail(_ node: Node?, _ field: String, _ message: String) -> QuestionnaireError {
            QuestionnaireError(file: file, line: node?.mark.map { $0.line }, field: field, message: message)
        }
        let root: Node
        do {
            guard let node = try SafeYAML.compose(text) else { throw fail(nil, "", "the file is empty") }
            root = node
        } catch let error as QuestionnaireError {
            throw error
        } catch let refusal as SafeYAML.Refusal {
            throw QuestionnaireError(file: file, line: refusal.line, field: "", message: refusal.message)
        } catch {
            throw fail(nil, "", "is not valid YAML: \(error)")
        }
        guard let top = root.mapping, let list = top["questions"]?.sequence else {
            throw fail(root, "questions", "expected a list under `questions`")
        }
        let allowed: Set<String> = ["id", "label", "hint", "kind", "required", "channels", "maximum"]
        var questions: [Question] = []
        var seen = Set<String>()
        for (index, node) in list.enumerated() {
            let path = "questions[\(index)]"
            guard let fields = node.mapping else { throw fail(node, path, "expected a question (id, label, kind…)") }
            for key in fields.keys {
                guard let name = key.string, allowed.contains(name) else {
                    throw fail(key, path + "." + (key.string ?? "?"), "is not a question field; fields are "
                               + allowed.sorted().joined(separator: ", "))
                }
            }
            func string(_ name: String, required: Bool = true) throws(QuestionnaireError) -> String? {
                guard let value = fields[name] else {
                    if required { throw fail(node, "\(path).\(name)", "is missing") }
                    return nil
                }
                guard let text = value.string, !text.trimmingCharacters(in: .whitespaces).isEmpty else {
                    throw fail(value, "\(path).\(name)", "expected text")
                }
                return text
            }
            let id = try string("id")!
            guard id.unicodeScalars.allSatisfy({ ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" }),
                  id.count <= 40 else {
                throw fail(fields["id"], "\(path).id", "use lower-case letters, digits and underscores (40 at most)")
            }
            guard seen.insert(id).inserted else { throw fail(fields["id"], "\(path).id", "`\(id)` is used twice") }
            guard let kind = Kind(rawValue: try string("kind")!) else {
                throw fail(fields["kind"], "\(path).kind",
                           "expected one of " + Kind.allCases.map(\.rawValue).joined(separator: ", "))
            }
            var required = false
            if let node = fields["required"] {
                guard let value = node.bool else { throw fail(node, "\(path).required", "expected true or false") }
                required = value
            }
            var channels = Set<PortalReports.Channel>()
            guard let channelNodes = fields["channels"]?.sequence, !channelNodes.isEmpty else {
                throw fail(fields["channels"] ?? node, "\(path).channels", "expected a list of channels: anonymous, confidential, partner")
            }
            for channelNode in channelNodes {
                guard let channel = channelNode.string.flatMap(PortalReports.Channel.init) else {
                    throw fail(channelNode, "\(path).channels", "expected anonymous, confidential or partner")
                }
                channels.insert(channel)
            }
            var maximum = 2_000
            if let node = fields["maximum"] {
                guard let value = node.int, (1...20_000).contains(value) else {
                    throw fail(node, "\(path).maximum", "expected a whole number from 1 to 20000")
                }
                maximum = value
            }
            questions.append(Question(id: id, label: try string("label")!, hint: try string("hint", required: false),
                                      kind: kind, required: required, channels: channels, maximum: maximum))
        }
        for channel in PortalReports.Channel.allCases where !questions.contains(where: { $0.channels.contains(channel) }) {
            throw fail(list.first ?? root, "questions", "no question is asked on the \(channel.rawValue) channel")
        }
        return Questionnaire(questions: questions)
    }
}

public struct QuestionnaireError: Error, Equatable, CustomStringConvertible {
    public var file: String
    public var line: Int?
    public var field: String
    public var message: String

    public var description: String {
        "\(file)" + (line.map { ", line \($0)" } ?? "") + (field.isEmpty ? "" : ", \(field)") + ": \(message)"
    }
}
