import CustodesModel

/// The forces letters can be written to: the 43 territorial forces of England and Wales, plus any a force file adds.
///
/// Built in so that a findings file need only name a force's slug; a force file corrects what has changed (a renamed
/// force, a new delivery line, a mayor taking over a commissioner's functions) without a new release.
public struct ForceCatalog: Sendable {
    public private(set) var forces: [Force]

    public init(forces: [Force]) { self.forces = forces }

    /// The 43 territorial forces of England and Wales with their official names. Addressees and copy lists are the
    /// common case; a force file corrects the rest.
    public static let englandAndWales = ForceCatalog(forces: [
        Force(slug: "avon-and-somerset", name: "Avon and Somerset Constabulary"),
        Force(slug: "bedfordshire", name: "Bedfordshire Police"),
        Force(slug: "cambridgeshire", name: "Cambridgeshire Constabulary"),
        Force(slug: "cheshire", name: "Cheshire Constabulary"),
        Force(slug: "city-of-london", name: "City of London Police", addressee: "Commissioner",
              copiedTo: ["Chairman of the Police Authority Board"]),
        Force(slug: "cleveland", name: "Cleveland Police"),
        Force(slug: "cumbria", name: "Cumbria Constabulary"),
        Force(slug: "derbyshire", name: "Derbyshire Constabulary"),
        Force(slug: "devon-and-cornwall", name: "Devon and Cornwall Police"),
        Force(slug: "dorset", name: "Dorset Police"),
        Force(slug: "durham", name: "Durham Constabulary"),
        Force(slug: "dyfed-powys", name: "Dyfed-Powys Police"),
        Force(slug: "essex", name: "Essex Police"),
        Force(slug: "gloucestershire", name: "Gloucestershire Constabulary"),
        Force(slug: "greater-manchester", name: "Greater Manchester Police",
              copiedTo: ["Mayor of Greater Manchester"]),
        Force(slug: "gwent", name: "Gwent Police"),
        // Renamed by an amendment to the Police Act 1996 approved in July 2022; the new name was adopted on
        // 16 November 2022.
        Force(slug: "hampshire-and-isle-of-wight", name: "Hampshire and Isle of Wight Constabulary",
              formerNames: [.init("Hampshire Constabulary", until: CalendarDate(iso: "2022-11-15")!)]),
        Force(slug: "hertfordshire", name: "Hertfordshire Constabulary"),
        Force(slug: "humberside", name: "Humberside Police"),
        Force(slug: "kent", name: "Kent Police"),
        Force(slug: "lancashire", name: "Lancashire Constabulary"),
        Force(slug: "leicestershire", name: "Leicestershire Police"),
        Force(slug: "lincolnshire", name: "Lincolnshire Police"),
        Force(slug: "merseyside", name: "Merseyside Police"),
        Force(slug: "metropolitan", name: "Metropolitan Police Service", addressee: "Commissioner",
              copiedTo: ["Mayor's Office for Policing and Crime"]),
        Force(slug: "norfolk", name: "Norfolk Constabulary"),
        Force(slug: "north-wales", name: "North Wales Police"),
        Force(slug: "north-yorkshire", name: "North Yorkshire Police"),
        Force(slug: "northamptonshire", name: "Northamptonshire Police"),
        Force(slug: "northumbria", name: "Northumbria Police"),
        Force(slug: "nottinghamshire", name: "Nottinghamshire Police"),
        Force(slug: "south-wales", name: "South Wales Police"),
        Force(slug: "south-yorkshire", name: "South Yorkshire Police"),
        Force(slug: "staffordshire", name: "Staffordshire Police"),
        Force(slug: "suffolk", name: "Suffolk Constabulary"),
        Force(slug: "surrey", name: "Surrey Police"),
        Force(slug: "sussex", name: "Sussex Police"),
        Force(slug: "thames-valley", name: "Thames Valley Police"),
        Force(slug: "warwickshire", name: "Warwickshire Police"),
        Force(slug: "west-mercia", name: "West Mercia Police"),
        Force(slug: "west-midlands", name: "West Midlands Police"),
        Force(slug: "west-yorkshire", name: "West Yorkshire Police"),
        Force(slug: "wiltshire", name: "Wiltshire Police"),
    ])

    public func force(slug: String) -> Force? { forces.first { $0.slug == slug } }

    /// Replaces the force with the same slug, or adds it at the end; the file that corrects it is the later word.
    public mutating func upsert(_ force: Force) {
        if let index = forces.firstIndex(where: { $0.slug == force.slug }) {
            forces[index] = force
        } else {
            forces.append(force)
        }
    }
}
