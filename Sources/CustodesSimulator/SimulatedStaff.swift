import CustodesModel

/// How a member of staff's working time is laid out, which decides when their system use is on duty.
enum ShiftPattern: Equatable {
    /// A ten-day cycle of two earlies, two lates, two nights and four rest days; five groups cover the clock.
    case rotating(group: Int)
    /// Monday to Friday, fixed hours.
    case office(startHour: Int, endHour: Int)
    /// Monday to Friday, alternating early and late weeks.
    case neighbourhood
    /// Volunteers: two evenings a week.
    case volunteer
}

/// A member of staff as the simulator knows them: the exported record plus how they work.
struct SimulatedStaff {
    var record: Staff
    var station: Int
    var pattern: ShiftPattern
    var familyName: String
    var givenName: String
    var sex: Sex
    var workstation: String
    /// Whether they serve the whole simulated period (misconduct and look-alikes are given only to these).
    var servesThroughout: Bool
}

/// The staff of a synthetic force: the mix of roles, teams and stations of a territorial police force.
enum StaffPlanner {
    /// Share of staff in each role, from the make-up of a mid-sized territorial force.
    static let roleMix: [(StaffRole, Double)] = [
        (.responseOfficer, 0.30), (.neighbourhoodOfficer, 0.10), (.detective, 0.12), (.safeguardingOfficer, 0.05),
        (.callHandler, 0.08), (.dispatcher, 0.03), (.custodyOfficer, 0.03), (.intelligenceAnalyst, 0.02),
        (.supervisor, 0.08), (.pcso, 0.06), (.specialConstable, 0.03), (.policeStaff, 0.09), (.ccuOfficer, 0.01),
    ]

    static func stationCount(for staff: Int) -> Int { min(NameBook.stations.count, max(2, staff / 400)) }

    static func plan(_ config: SimulationConfig) -> [SimulatedStaff] {
        var random = SeededRandom(seed: config.seed, stream: 1)
        let stations = stationCount(for: config.staff)
        // Exact role counts by largest remainder, so small forces still get every role.
        var counts = roleMix.map { Int(Double(config.staff) * $0.1) }
        var order = Array(roleMix.indices)
        order.sort { (Double(config.staff) * roleMix[$0].1).truncatingRemainder(dividingBy: 1)
            > (Double(config.staff) * roleMix[$1].1).truncatingRemainder(dividingBy: 1) }
        var index = 0
        while counts.reduce(0, +) < config.staff {
            counts[order[index % order.count]] += 1
            index += 1
        }
        var roles: [StaffRole] = []
        for (position, count) in counts.enumerated() {
            roles.append(contentsOf: repeatElement(roleMix[position].0, count: count))
        }
        // Interleave roles so that staff ids do not reveal roles.
        for i in stride(from: roles.count - 1, to: 0, by: -1) { roles.swapAt(i, random.int(0...i)) }

        var perRoleSeen: [StaffRole: Int] = [:]
        var staff: [SimulatedStaff] = []
        staff.reserveCapacity(config.staff)
        for (number, role) in roles.enumerated() {
            let seen = perRoleSeen[role, default: 0]
            perRoleSeen[role] = seen + 1
            let sex: Sex = random.chance(role == .callHandler || role == .policeStaff ? 0.6 : 0.35) ? .female : .male
            let given = sex == .female ? random.pick(NameBook.femaleGiven) : random.pick(NameBook.maleGiven)
            let family = random.pick(NameBook.family)
            let (team, station, pattern) = placement(role: role, ordinal: seen, stations: stations, random: &random)
            let stationName = NameBook.stations[station]
            // Joiners and leavers: a few start or finish during the period.
            var startDate = config.start.adding(seconds: -Int64(random.int(200...9000)) * Timestamp.day).startOfDay
            var endDate: Timestamp?
            var throughout = true
            let turnover = random.unit()
            if turnover < 0.03 && config.days > 14 {
                startDate = config.start.adding(seconds: Int64(random.int(1...(config.days - 7))) * Timestamp.day)
                throughout = false
            } else if turnover < 0.06 && config.days > 14 {
                endDate = config.start.adding(seconds: Int64(random.int(7...(config.days - 1))) * Timestamp.day)
                throughout = false
            }
            let collarPrefix = role == .policeStaff || role == .callHandler || role == .dispatcher
                || role == .intelligenceAnalyst || role == .ccuOfficer ? "S" : (role == .pcso ? "P" : "")
            let record = Staff(
                staffID: "S\(String(100_000 + number))", collarNumber: "\(collarPrefix)\(1000 + number)",
                displayName: "\(given) \(family)", role: role, team: team, station: stationName,
                startDate: startDate, endDate: endDate,
                homePostcode: random.chance(0.9) ? NameBook.postcode(1_000_000 + number) : nil)
            staff.append(SimulatedStaff(
                record: record, station: station, pattern: pattern, familyName: family, givenName: given, sex: sex,
                workstation: "WS-\(stationName.prefix(3).uppercased())-\(String(number % 97 + 100))",
                servesThroughout: throughout))
        }
        return staff
    }

    /// The team, station and shift pattern of the `ordinal`-th member of staff with `role`.
    private static func placement(role: StaffRole, ordinal: Int, stations: Int,
                                  random: inout SeededRandom) -> (String, Int, ShiftPattern) {
        let station = ordinal % stations
        let group = ordinal / stations % 5
        let groupLetter = ["A", "B", "C", "D", "E"][group]
        switch role {
        case .responseOfficer:
            return ("Response \(groupLetter)", station, .rotating(group: group))
        case .neighbourhoodOfficer, .pcso:
            return ("Neighbourhood", station, .neighbourhood)
        case .detective:
            return ("CID", station, .office(startHour: 8, endHour: 18))
        case .safeguardingOfficer:
            return ("Safeguarding", station, .office(startHour: 8, endHour: 17))
        case .callHandler, .dispatcher:
            return ("Control \(["A", "B", "C", "D", "E"][ordinal % 5])", 0, .rotating(group: ordinal % 5))
        case .custodyOfficer:
            let custodySuites = Array(stride(from: 0, to: stations, by: 2))
            let custodyStation = custodySuites[ordinal / 5 % custodySuites.count]
            return ("Custody \(["A", "B", "C", "D", "E"][ordinal % 5])", custodyStation, .rotating(group: ordinal % 5))
        case .intelligenceAnalyst:
            return ("Intelligence", 0, .office(startHour: 8, endHour: 16))
        case .supervisor:
            // Sergeants: most lead a response group, the rest CID or neighbourhood teams.
            if ordinal % 3 != 2 {
                return ("Response \(groupLetter)", station, .rotating(group: group))
            }
            return (ordinal % 2 == 0 ? "CID" : "Neighbourhood", station, .office(startHour: 8, endHour: 17))
        case .specialConstable:
            return ("Specials", station, .volunteer)
        case .policeStaff:
            return (random.chance(0.5) ? "Enquiry Office" : "Case Administration", station,
                    .office(startHour: 8, endHour: 16))
        case .ccuOfficer:
            return ("Professional Standards", 0, .office(startHour: 8, endHour: 16))
        }
    }
}
