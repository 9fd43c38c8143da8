import CustodesModel

/// A stretch of work as it really happened, and whether the roster export shows it.
struct WorkedShift {
    var start: Timestamp
    var end: Timestamp
    var kind: RosterKind
    /// False for the shifts a real roster export misses: unrecorded overtime, and a few ordinary shifts.
    var rostered: Bool
    /// Training days are worked but involve no operational system use.
    var operational: Bool { kind != .training }

    func contains(_ time: Timestamp) -> Bool { start <= time && time < end }
}

/// Works out, for any member of staff and day, the shifts they worked. Each (staff, day) pair draws from its own
/// random stream, so the answer is the same whenever it is asked and nothing has to be stored.
struct ShiftPlanner {
    let config: SimulationConfig

    /// Shifts that start on `day` (days since the simulation start).
    func shifts(for member: SimulatedStaff, index: Int, day: Int) -> [WorkedShift] {
        let dayStart = config.start.adding(seconds: Int64(day) * Timestamp.day)
        guard member.record.startDate <= dayStart,
              member.record.endDate.map({ dayStart < $0 }) ?? true else { return [] }
        var random = SeededRandom(seed: config.seed, stream: 2, UInt64(index) << 20 | UInt64(bitPattern: Int64(day + 1)))
        let weekday = Int((dayStart.dayNumber + 3) % 7)  // 0 = Monday
        var result: [WorkedShift] = []
        if let (startHour, hours) = baseShift(member.pattern, weekday: weekday, dayNumber: Int(dayStart.dayNumber),
                                              random: &random) {
            let onLeave = random.chance(0.06)
            if !onLeave {
                let start = dayStart.adding(seconds: Int64(startHour) * Timestamp.hour)
                var shift = WorkedShift(start: start, end: start.adding(seconds: Int64(hours) * Timestamp.hour),
                                        kind: .duty, rostered: true)
                if random.chance(0.015) && member.pattern != .volunteer {
                    shift = WorkedShift(start: dayStart.adding(seconds: 9 * Timestamp.hour),
                                        end: dayStart.adding(seconds: 17 * Timestamp.hour), kind: .training,
                                        rostered: true)
                }
                if config.noise && random.chance(config.realistic ? 0.08 : 0.02) { shift.rostered = false }
                result.append(shift)
            }
        } else if member.pattern != .volunteer && random.chance(0.025) {
            // Overtime on a rest day; half of it never reaches the roster export.
            let start = dayStart.adding(seconds: Int64(random.pick([8, 10, 14, 18])) * Timestamp.hour)
            result.append(WorkedShift(start: start, end: start.adding(seconds: 8 * Timestamp.hour), kind: .overtime,
                                      rostered: !config.noise || random.chance(0.5)))
        }
        return result
    }

    /// Start hour and length of the shift the pattern gives on a day, or nil on a rest day.
    private func baseShift(_ pattern: ShiftPattern, weekday: Int, dayNumber: Int,
                           random: inout SeededRandom) -> (Int, Int)? {
        switch pattern {
        case .rotating(let group):
            switch (dayNumber + 2 * group) % 10 {
            case 0, 1: return (7, 10)
            case 2, 3: return (14, 10)
            case 4, 5: return (22, 9)
            default: return nil
            }
        case .office(let startHour, let endHour):
            return weekday < 5 ? (startHour, endHour - startHour) : nil
        case .neighbourhood:
            guard weekday < 5 else { return nil }
            return (dayNumber / 7) % 2 == 0 ? (8, 8) : (14, 8)
        case .volunteer:
            return weekday == 4 || weekday == 5 ? (18, 6) : nil
        }
    }
}
