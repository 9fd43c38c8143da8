import CustodesStore
import Hummingbird

/// The head of unit's view of the force's capability: the same report as `custodes capability`, from the live store,
/// with the unit's own triage figures, so the force can answer an inspection with facts.
extension WebApplication {
    func addCapabilityRoutes(to router: Router<WebContext>) {
        router.get("/capability") { request, context in
            let user = try context.requireUser([.headOfUnit])
            let analysts = request.uri.queryParameters["analysts"].flatMap { Int(String($0)) }.map { max(0, $0) }
            let hours = request.uri.queryParameters["hours"].flatMap { Double(String($0)) }
                .flatMap { (0...10_000).contains($0) ? $0 : nil }
            try await audit("view_capability", by: user.username, detail: request.uri.query ?? "")
            let now = settings.now()
            let figures = try await CapabilityFigures.gather(from: database, asOf: now, now: now)
            return page(.init(title: "Capability", template: "capability", context: [
                "report": CapabilityReport.text(figures, analysts: analysts, hoursPerWeek: hours, now: now),
                "analysts": analysts.map(String.init) ?? "", "hours": hours.map { String(format: "%g", $0) } ?? "",
            ]), request, context)
        }
    }
}
