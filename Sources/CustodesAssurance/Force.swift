public import CustodesModel

/// A police force as a letter addresses it.
///
/// The addressee, delivery line and copy list vary between forces (a Commissioner rather than a Chief Constable in
/// London; a mayor rather than a commissioner where a mayor holds the police and crime functions), so they are data,
/// not template text.
public struct Force: Hashable, Sendable {
    /// A stable, file-name-safe identifier such as `avon-and-somerset`; findings refer to forces by it.
    public var slug: String
    /// The official name, as on the letter: "Avon and Somerset Constabulary".
    public var name: String
    /// The post the letter is addressed to, which is also the salutation: "Chief Constable".
    public var addressee: String
    /// How the letter is sent, printed under the address: "By email".
    public var delivery: String
    /// The posts the letter is copied to, printed as "Copied to: …"; empty for none.
    public var copiedTo: [String]
    /// Names the force had before `name`, each with the last day it was used: a letter uses the name in use on its
    /// date.
    public var formerNames: [FormerName]

    public struct FormerName: Hashable, Sendable {
        public var name: String
        public var lastDay: CalendarDate
        public init(_ name: String, until lastDay: CalendarDate) {
            self.name = name
            self.lastDay = lastDay
        }
    }

    /// The force's name as it was on `date`.
    public func name(on date: CalendarDate) -> String {
        formerNames.filter { date <= $0.lastDay }.min { $0.lastDay < $1.lastDay }?.name ?? name
    }

    public init(
        slug: String, name: String, addressee: String = "Chief Constable", delivery: String = "By email",
        copiedTo: [String] = ["Police and Crime Commissioner"], formerNames: [FormerName] = []
    ) {
        self.slug = slug
        self.name = name
        self.addressee = addressee
        self.delivery = delivery
        self.copiedTo = copiedTo
        self.formerNames = formerNames
    }
}
