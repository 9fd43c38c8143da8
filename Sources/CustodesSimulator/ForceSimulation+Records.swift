import CustodesModel

/// Creating the force's records: occurrences, the people in them, and the assignments that link staff to them.
extension ForceSimulation {
    @discardableResult
    func openOccurrence(_ category: OccurrenceCategory, at: Timestamp, station: Int, closesAt: Timestamp) -> Int {
        let index = occurrences.count
        occurrences.append(Occurrence(occurrenceID: "OCC\(String(10_000_000 + index))", category: category,
                                      openedAt: at, closedAt: closesAt < config.end ? closesAt : nil,
                                      station: NameBook.stations[station]))
        occurrenceStation.append(station)
        personsOfOccurrence.append([])
        if category != .stopCheck && category != .custody { recentByCategory[category, default: []].append(index) }
        return index
    }

    func occurrenceID(_ index: Int) -> String { occurrences[index].occurrenceID }

    func add(_ person: Int, to occurrence: Int, as role: OccurrencePersonRole) {
        guard !personsOfOccurrence[occurrence].contains(person) else { return }
        occurrencePersons.append(OccurrencePerson(occurrence: OccurrenceIndex(occurrence), person: PersonIndex(person),
                                                  role: role))
        personsOfOccurrence[occurrence].append(person)
        occurrencesOfPerson[person, default: []].append(occurrence)
    }

    func assign(_ member: Int, to occurrence: Int, as role: AssignmentRole, from start: Timestamp, to end: Timestamp) {
        assignments.append(Assignment(occurrence: OccurrenceIndex(occurrence), staff: StaffIndex(member), role: role,
                                      start: start, end: end < config.end ? end : nil))
    }

    /// Whether `member` is employed at `time`.
    func employed(_ member: Int, at time: Timestamp) -> Bool {
        let record = staff[member].record
        return record.startDate <= time && (record.endDate.map { time < $0 } ?? true)
    }

    /// Any employed member of staff with `role` at `station`, on duty or not.
    func anyStaff(_ role: StaffRole, station: Int, at time: Timestamp) -> Int? {
        let candidates = (staffByPost[DutyKey(station: station, role: role)] ?? []).filter { employed($0, at: time) }
        return candidates.isEmpty ? nil : random.pick(candidates)
    }

    func personID(_ person: Int) -> String { population.personID(person) }

    /// A new person for an occurrence, with a sex and age drawn for the category.
    func newPerson(female: Bool, ages: ClosedRange<Int>, markers: MarkerSet = []) -> Int {
        var markers = markers
        let age = random.int(ages)
        if age < 18 { markers.insert(MarkerSet(.child)) }
        return population.add(sex: female ? .female : .male, age: age, markers: markers, random: &random)
    }
}
