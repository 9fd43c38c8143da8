public import CustodesModel

/// Each member of staff's working team as detection uses it: a teammate's case explains a look (``Explainer``), a
/// role under half its team is weighed against the team too (``PeerBaseline``), a team that stands apart from its
/// role is the skew's peers (``SkewPeers``), and a custody team's returns to detainees are case work.
///
/// All of these assume that `staff.csv`'s team is a working team: a response shift, a neighbourhood team, a custody
/// suite's officers. A force that exports the station as the team gives every detective, clerk and constable at a
/// station one team, and then a clerk's look at a person in a detective's case reads as a teammate's case, a
/// data-quality clerk is measured against the front counter, and custody teams vanish. On the second independent
/// force with each team replaced by its station, false staff at the budget went from 1 and 0 to 38 and 39 on two
/// tuning seeds (docs/detection.md, section 6). So when at least half of the staff are in a team that holds four
/// fifths or more of a station of ten or more staff, the column is taken to hold stations, and each role at its
/// station is the team instead (5 and 5 false staff there, as with teams named after roles).
public struct WorkingTeams: Sendable, Equatable {
    /// A team covering at least this share of its station's staff covers the station.
    static let stationShare = 0.8
    /// Stations with fewer staff than this are not counted: at a rural station of six, one team may be all of it.
    static let smallestStation = 10

    /// Whether `staff.csv`'s team was taken to hold stations, so that teams are each role at its station.
    public let teamsAreStations: Bool
    /// Staff in a team that covers (four fifths or more of) a station of at least ten staff.
    public let staffInStationTeams: Int
    /// Each member of staff's team, as a small integer (team and station, or role and station).
    public let team: [Int32]
    /// How many teams there are: `team` holds `0..<count`.
    public let count: Int
    /// Each member of staff's crew: the members of their team in their role who work the same kind of case (a
    /// team's constables, its sergeants; a public protection department's domestic abuse officers apart from its
    /// sexual offences officers), from ``specialisms(of:)``.
    public let crew: [Int32]

    /// A member of staff with at least this many assignments has a kind of case when one category is at least half
    /// of them.
    static let specialismAssignments = 5

    /// The category of occurrence each member of staff is mostly assigned to (half or more of at least five
    /// assignments), or nil: what a force-wide department's teams do not say. A domestic abuse caseload officer
    /// reads victims' contact details all day; a missing persons coordinator reads a few families again and again.
    /// Measured against each other as one crew, on a force whose team column holds one public protection
    /// department, they were 90 of 106 false staff (docs/detection.md, section 6).
    public static func specialisms(of reference: ReferenceData) -> [OccurrenceCategory?] {
        reference.assignmentsByStaff.map { assignments in
            guard assignments.count >= specialismAssignments else { return nil }
            var counts: [OccurrenceCategory: Int] = [:]
            for assignment in assignments {
                counts[reference.occurrences[Int(assignment.occurrence)].category, default: 0] += 1
            }
            // The most common category, ties broken by the category's name so that every run agrees.
            guard let top = counts.max(by: { $0.value != $1.value ? $0.value < $1.value
                                             : $0.key.rawValue > $1.key.rawValue }),
                  2 * top.value >= assignments.count else { return nil }
            return top.key
        }
    }

    /// Reads the teams from the staff records, in their order: whether the column holds stations is decided once,
    /// for the whole force, so that one odd station does not change how every other team is read.
    public init(staff: [Staff], specialisms: [OccurrenceCategory?] = []) {
        var stationSize: [String: Int] = [:]
        var teamSize: [String: Int] = [:]
        func teamKey(_ member: Staff) -> String { member.team + "\u{1F}" + member.station }
        for member in staff {
            stationSize[member.station, default: 0] += 1
            teamSize[teamKey(member), default: 0] += 1
        }
        let inStationTeams = staff.reduce(0) { sum, member in
            let station = stationSize[member.station] ?? 0
            let covers = station >= Self.smallestStation
                && Double(teamSize[teamKey(member)] ?? 0) >= Self.stationShare * Double(station)
            return sum + (covers ? 1 : 0)
        }
        staffInStationTeams = inStationTeams
        let byRole = !staff.isEmpty && 2 * inStationTeams >= staff.count
        teamsAreStations = byRole
        var index: [String: Int32] = [:]
        team = staff.map { member in
            let key = byRole ? member.role.rawValue + "\u{1F}" + member.station : teamKey(member)
            if let number = index[key] { return number }
            let number = Int32(index.count)
            index[key] = number
            return number
        }
        count = index.count
        var crews: [String: Int32] = [:]
        crew = zip(team, staff).enumerated().map { index, pair in
            let (team, member) = pair
            let kind = index < specialisms.count ? specialisms[index]?.rawValue ?? "" : ""
            let key = "\(team)\u{1F}" + member.role.rawValue + "\u{1F}" + kind
            if let number = crews[key] { return number }
            let number = Int32(crews.count)
            crews[key] = number
            return number
        }
    }
}
