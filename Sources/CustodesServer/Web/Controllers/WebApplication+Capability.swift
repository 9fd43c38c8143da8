import CustodesStore
import Hummingbird

/// The head of unit's view of the force's capability: the same report as `custodes capability`, from the live store,
/// with the unit's own triage figures, so the force can answer an inspection with facts.
extension WebApplication {
    func addCapabilityRoutes(to router: Router<WebContext>) {
        router.get("/capability") { request, context in
            let user = try context.requireUser([.headOfUnit])
            let analysts = request.uri.queryParameters["analysts"].flatMap { Int(String($0)) }.map { max(0, $0) }
            try await audit("view_capability", by: user.username, detail: analysts.map { "analysts \($0)" } ?? "")
            let now = settings.now()
            let figures = try await CapabilityFigures.gather(from: database, asOf: now, now: now)
            return page(.init(title: "Capability", template: "capability", context: [
                "report": CapabilityReport.text(figures, analysts: analysts, now: now),
                "analysts": analysts.map(String.init) ?? "",
            ]), request, context)
        }
    }
}
