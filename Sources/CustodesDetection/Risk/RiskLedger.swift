import CustodesModel

/// A member of staff's risk: the sum of their hits' points, each halving over the half-life, and which indicators
/// fired recently. Risk rolls up this way (as in risk-based alerting) so that one odd look-up fades while a pattern
/// builds.
struct RiskLedger {
    private(set) var score = 0.0
    private(set) var at: Int64 = 0
    /// Hits within the indicator window, kept so that an alert opening can show what led to it.
    private(set) var recentHits: [Hit] = []

    /// The score as it stands at `time`.
    func score(at time: Int64, halfLife: Double) -> Double {
        guard time > at else { return score }
        return score * decay(Double(time - at), halfLife)
    }

    mutating func add(_ hit: Hit, halfLife: Double, window: Int64) {
        let time = hit.at.seconds
        if time >= at {
            score = score * decay(Double(time - at), halfLife) + hit.points
            at = time
        } else {
            score += hit.points * decay(Double(at - time), halfLife)
        }
        recentHits.append(hit)
        let horizon = max(at, time) - window
        if let first = recentHits.first, first.at.seconds < horizon {
            recentHits.removeAll { $0.at.seconds < horizon }
        }
    }

    /// Different indicators among the recent hits.
    var distinctIndicators: Int { Set(recentHits.map(\.indicator)).count }

    /// Whether any recent hit is of an indicator scored in full, not against peers.
    var hasSpecificIndicator: Bool { recentHits.contains { !$0.indicator.isPeerRelative } }

    /// Whether the recent hits show the user returning to one person: hits of indicators scored in full (a revisit
    /// after their involvement ended, a repeated look-up, a look at a relative or associate) on the same person on
    /// two different days. That is the shape of abuse of position, a person sought out again and again, and needs
    /// no second indicator; many different people each looked at once (an analyst's research) are not it, nor is a
    /// person several colleagues look up too (``PersonCommunity``).
    var hasReturnedPerson: Bool {
        var firstDay: [PersonIndex: Int64] = [:]
        for hit in recentHits where !hit.indicator.isPeerRelative && !hit.sharedSubject {
            guard let person = hit.person else { continue }
            let day = hit.at.seconds / 86_400
            if let seen = firstDay[person] {
                if seen != day { return true }
            } else {
                firstDay[person] = day
            }
        }
        return false
    }

    /// Whether a recent hit is one that needs no pattern around it: a look at the user's own record, a relative's
    /// or a declared associate's.
    var hasSelfOrAssociate: Bool { recentHits.contains { $0.indicator == .selfOrAssociate } }

    private func decay(_ seconds: Double, _ halfLifeDays: Double) -> Double {
        pow2(-seconds / (halfLifeDays * 86_400))
    }
}

/// 2^x without Foundation.
func pow2(_ x: Double) -> Double {
    if x < -60 { return 0 }
    let whole = x.rounded(.down)
    let fraction = x - whole
    // 2^f = e^(f ln 2), by series; f in [0, 1).
    let y = fraction * 0.693_147_180_559_945_3
    var term = 1.0, sum = 1.0
    for n in 1...16 {
        term *= y / Double(n)
        sum += term
    }
    return sum * Double(sign: .plus, exponent: Int(whole), significand: 1)
}
