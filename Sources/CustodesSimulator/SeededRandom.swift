/// A seedable generator (SplitMix64). The standard library's generator cannot be seeded, and the simulator must
/// be deterministic.
struct SeededRandom: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    /// A generator for one named stream, independent of how many numbers other streams drew: adding a draw in one
    /// part of the simulation does not change every other part.
    init(seed: UInt64, stream: UInt64, _ more: UInt64 = 0) {
        var mixer = SeededRandom(seed: seed ^ (stream &* 0x9E37_79B9_7F4A_7C15) ^ (more &* 0xC2B2_AE3D_27D4_EB4F))
        state = mixer.next()
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform number in [0, 1).
    mutating func unit() -> Double { Double(next() >> 11) * 0x1.0p-53 }

    mutating func chance(_ probability: Double) -> Bool { unit() < probability }

    mutating func int(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + Int(next() % UInt64(range.upperBound - range.lowerBound + 1))
    }

    mutating func int64(_ range: ClosedRange<Int64>) -> Int64 {
        range.lowerBound + Int64(next() % UInt64(range.upperBound - range.lowerBound + 1))
    }

    mutating func pick<T>(_ items: [T]) -> T { items[Int(next() % UInt64(items.count))] }

    /// An index drawn in proportion to `weights`.
    mutating func weighted(_ weights: [Double]) -> Int {
        let total = weights.reduce(0, +)
        var target = unit() * total
        for (index, weight) in weights.enumerated() {
            target -= weight
            if target < 0 { return index }
        }
        return weights.count - 1
    }

    /// A Poisson-distributed count (Knuth's method; fine for the small means used here, normal approximation above).
    mutating func poisson(_ mean: Double) -> Int {
        if mean <= 0 { return 0 }
        if mean > 30 {
            let u1 = max(unit(), 1e-12), u2 = unit()
            let normal = (-2 * _log(u1)).squareRoot() * _cos(2 * Double.pi * u2)
            return max(0, Int((mean + normal * mean.squareRoot()).rounded()))
        }
        let limit = _exp(-mean)
        var product = unit()
        var count = 0
        while product > limit {
            count += 1
            product *= unit()
        }
        return count
    }
}

// Elementary functions without Foundation, so the simulator's numbers are the same on every platform.
@inline(__always) func _exp(_ x: Double) -> Double {
    // exp by range reduction and a Taylor series; accurate to ~1e-15 for the small arguments used.
    let k = (x / 0.693_147_180_559_945_3).rounded()
    let r = x - k * 0.693_147_180_559_945_3
    var term = 1.0, sum = 1.0
    for n in 1...20 {
        term *= r / Double(n)
        sum += term
    }
    return sum * Double(sign: .plus, exponent: Int(k), significand: 1)
}

@inline(__always) func _log(_ x: Double) -> Double {
    // log by frexp-style reduction and atanh series.
    let exponent = x.exponent
    let mantissa = x.significand  // in [1, 2)
    let y = (mantissa - 1) / (mantissa + 1)
    let y2 = y * y
    var term = y, sum = 0.0
    var n = 1.0
    for _ in 0..<30 {
        sum += term / n
        term *= y2
        n += 2
    }
    return 2 * sum + Double(exponent) * 0.693_147_180_559_945_3
}

@inline(__always) func _cos(_ x: Double) -> Double {
    var r = x.truncatingRemainder(dividingBy: 2 * Double.pi)
    if r > Double.pi { r -= 2 * Double.pi }
    if r < -Double.pi { r += 2 * Double.pi }
    var term = 1.0, sum = 1.0
    for n in stride(from: 2, through: 40, by: 2) {
        term *= -r * r / Double(n * (n - 1))
        sum += term
    }
    return sum
}
