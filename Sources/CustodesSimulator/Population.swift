import CustodesModel

/// The people on a synthetic force's records: a background population already on file when the simulation starts,
/// and the victims, suspects, callers and witnesses that new occurrences bring. Households share a surname and a
/// postcode and are linked as family; partners are linked as partners.
struct Population {
    private(set) var persons: [Person] = []
    private(set) var households: [Int] = []
    private(set) var links: [PersonLink] = []
    /// People already known as victims of domestic abuse, from whom repeat victims are drawn.
    private(set) var domesticAbuseVictims: [Int] = []
    /// Women aged 18 to 35 in the population, from whom the off-duty browser picks.
    private(set) var youngWomen: [Int] = []
    /// Women who have been in custody, whose custody photographs the off-duty browser seeks out.
    private(set) var femaleDetainees: [Int] = []
    /// People with any vulnerability marker.
    private(set) var vulnerable: [Int] = []
    private var adjacency: [[Int]] = []
    private var householdFamily: [Int: String] = [:]
    private var nextHousehold = 0
    let referenceYear: Int

    init(referenceYear: Int) { self.referenceYear = referenceYear }

    var count: Int { persons.count }

    func personID(_ index: Int) -> String { persons[index].personID }

    func age(of index: Int) -> Int? { persons[index].birthYear.map { referenceYear - $0 } }

    /// Adds a person; `household` nil starts a new one.
    @discardableResult
    mutating func add(sex: Sex, age: Int?, markers: MarkerSet = [], household: Int? = nil, familyName: String? = nil,
                      random: inout SeededRandom) -> Int {
        let home = household ?? newHousehold()
        let family = familyName ?? householdFamily[home] ?? random.pick(NameBook.family)
        if householdFamily[home] == nil { householdFamily[home] = family }
        let given = sex == .female ? random.pick(NameBook.femaleGiven)
            : sex == .male ? random.pick(NameBook.maleGiven) : random.pick(NameBook.femaleGiven + NameBook.maleGiven)
        let index = persons.count
        persons.append(Person(personID: "P\(String(1_000_000 + index))", familyName: family, givenName: given,
                              sex: sex, birthYear: age.map { referenceYear - $0 },
                              postcode: random.chance(0.93) ? NameBook.postcode(home) : nil, markers: []))
        households.append(home)
        adjacency.append([])
        if !markers.isEmpty { mark(index, markers) }
        if sex == .female, let age, (18...35).contains(age) { youngWomen.append(index) }
        return index
    }

    mutating func newHousehold() -> Int {
        nextHousehold += 1
        return nextHousehold
    }

    func household(of index: Int) -> Int { households[index] }

    /// Gives a person a particular given name or postcode, for records that must match a member of staff's.
    mutating func rename(_ index: Int, given: String?, postcode: String?) {
        if let given { persons[index].givenName = given }
        if let postcode { persons[index].postcode = postcode }
    }

    mutating func mark(_ index: Int, _ markers: MarkerSet) {
        let before = persons[index].markers
        persons[index].markers.formUnion(markers)
        if before.isEmpty && !markers.isEmpty { vulnerable.append(index) }
        if markers.contains(.custodyDetainee) && !before.contains(.custodyDetainee) && persons[index].sex == .female {
            femaleDetainees.append(index)
        }
        if markers.contains(.domesticAbuseVictim) && !before.contains(.domesticAbuseVictim) {
            domesticAbuseVictims.append(index)
        }
    }

    mutating func link(_ a: Int, _ b: Int, _ relation: Relation) {
        links.append(PersonLink(person: PersonIndex(a), linkedPerson: PersonIndex(b), relation: relation))
        adjacency[a].append(b)
        adjacency[b].append(a)
    }

    /// People linked to a person, in both directions.
    func linked(to index: Int) -> [Int] { adjacency[index] }

    /// The background population: households of one to four people, some with a partner and children.
    mutating func seedBackground(count: Int, random: inout SeededRandom) {
        while persons.count < count {
            let household = newHousehold()
            let family = random.pick(NameBook.family)
            let first = add(sex: random.chance(0.52) ? .female : .male, age: random.int(18...80), household: household,
                            familyName: family, random: &random)
            if random.chance(0.45) {
                let firstSex = persons[first].sex
                let partner = add(sex: firstSex == .female ? .male : .female, age: random.int(18...80),
                                  household: household, familyName: random.chance(0.7) ? family : nil,
                                  random: &random)
                link(first, partner, .partner)
            }
            if random.chance(0.3) {
                for _ in 0..<random.int(1...2) {
                    let child = add(sex: random.chance(0.5) ? .female : .male, age: random.int(0...17),
                                    household: household, familyName: family, random: &random)
                    link(first, child, .family)
                }
            }
        }
    }

    /// A random person of the background or case population.
    func anyone(_ random: inout SeededRandom) -> Int { Int(random.next() % UInt64(persons.count)) }
}
