import CustodesModel

/// A member of staff cast in a scenario, with what the scenario needs to remember between days.
struct ScenarioActor {
    var staff: Int
    var scenario: Scenario
    var truth: Int
    /// The day the pattern begins.
    var startDay: Int
    /// The next day on which the actor may act again.
    var nextDay: Int
    /// People the actor is interested in.
    var targets: [Int] = []
    /// The occurrence the pattern grew from, where there is one.
    var occurrence: Int?
    /// When that occurrence closes.
    var closesAt: Timestamp?
    var step = 0
}

/// Chooses who is cast in each scenario. Only staff who serve the whole period are cast, each in one scenario, and
/// scenarios are dealt round-robin so every one is present once the share allows.
enum ScenarioCaster {
    static func cast(_ simulation: ForceSimulation) -> [ScenarioActor] {
        let config = simulation.config
        var random = SeededRandom(seed: config.seed, stream: 6)
        var taken = Set<Int>()
        var actors: [ScenarioActor] = []
        func count(_ share: Double, _ kinds: Int) -> Int {
            guard share > 0 else { return 0 }
            return max(kinds, Int((share * Double(config.staff)).rounded()))
        }
        let catalogue = Scenario.cast(in: config.profile)
        let misconduct = catalogue.filter { $0.kind == .misconduct }
        let benign = catalogue.filter { $0.kind == .benign }
        let plan = [(misconduct, count(config.misconductShare, misconduct.count)),
                    (benign, count(config.benignShare, benign.count))]
        for (scenarios, total) in plan {
            for number in 0..<total {
                let scenario = scenarios[number % scenarios.count]
                let eligible = simulation.staff.indices.filter { index in
                    let member = simulation.staff[index]
                    return member.servesThroughout && !taken.contains(index) && scenario.roles.contains(member.record.role)
                        && (scenario != .selfFamilyCheck || member.record.homePostcode != nil)
                }
                guard !eligible.isEmpty else { continue }
                let chosen = random.pick(eligible)
                taken.insert(chosen)
                simulation.truth.append(TruthEntry(staff: chosen, scenario: scenario))
                let lastStart = max(1, config.days / 3)
                let start = scenario == .slowBurn ? random.int(1...max(1, min(10, lastStart))) : random.int(1...lastStart)
                actors.append(ScenarioActor(staff: chosen, scenario: scenario, truth: simulation.truth.count - 1,
                                            startDay: start, nextDay: start))
                if scenario == .heavyCaseAccess { simulation.heavyOfficers.insert(chosen) }
            }
        }
        return actors
    }
}

extension ForceSimulation {
    /// The truth entry of `member` if they are cast in `scenario`.
    func truthIndex(of member: Int, _ scenario: Scenario) -> Int? {
        truth.firstIndex { $0.staff == member && $0.scenario == scenario }
    }
}
