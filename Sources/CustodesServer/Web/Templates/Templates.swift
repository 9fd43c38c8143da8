/// Every page template by name. They are Mustache (HTML-escaped by default; `{{{…}}}` only for SVG the server drew)
/// and follow the GOV.UK Design System's patterns: one H1, error summary first with links to the fields, labels and
/// hints tied to inputs, summary lists and tables.
enum Templates {
    static let all: [String: String] = layout.merging(signIn) { a, _ in a }.merging(alerts) { a, _ in a }
        .merging(trail) { a, _ in a }.merging(admin) { a, _ in a }
        .merging(intelligence) { a, _ in a }.merging(cases) { a, _ in a }
        .merging(partners) { a, _ in a }.merging(portal) { a, _ in a }
        .merging(reports) { a, _ in a }.merging(exceptions) { a, _ in a }

    static let errorSummary = """
        {{#hasErrors}}<div class="error-summary" role="alert" tabindex="-1" autofocus aria-labelledby="error-summary-title">
        <h2 class="error-summary-title" id="error-summary-title">There is a problem</h2>
        <ul class="error-summary-list">{{#errors}}<li><a href="#{{field}}">{{message}}</a></li>{{/errors}}</ul>
        </div>{{/hasErrors}}
        """
}
