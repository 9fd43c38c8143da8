import CustodesModel

/// A set of people that empties in constant time: each person's slot holds the generation that last inserted them.
/// Each week's close counts the distinct people in every member of staff's skew window, a million look-ups on a
/// 10,000-staff force; a hashed set cost 5% of a run's samples doing it.
struct PersonMarks {
    private var marks: [UInt32]
    private var generation: UInt32 = 1

    init(people: Int) {
        marks = [UInt32](repeating: 0, count: people)
    }

    /// Empties the set.
    mutating func removeAll() {
        generation &+= 1
        if generation == 0 {
            marks = [UInt32](repeating: 0, count: marks.count)
            generation = 1
        }
    }

    /// Adds the person; returns whether they were not in the set already.
    mutating func insert(_ person: PersonIndex) -> Bool {
        if marks[Int(person)] == generation { return false }
        marks[Int(person)] = generation
        return true
    }
}
