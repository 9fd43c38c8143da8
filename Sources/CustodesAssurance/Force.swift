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

    public init(
        slug: String, name: String, addressee: String = "Chief Constable", delivery: String = "By email",
        copiedTo: [String] = ["Police and Crime Commissioner"]
    ) {
        self.slug = slug
        self.name = name
        self.addressee = addressee
        self.delivery = delivery
        self.copiedTo = copiedTo
    }
}
