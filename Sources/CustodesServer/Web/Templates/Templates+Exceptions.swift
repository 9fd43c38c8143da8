extension Templates {
    static let exceptions: [String: String] = [
        "exceptions": errorSummary + """
            <h1 class="heading-l">Exceptions to the rules</h1>
            <p class="lead">An exception stops detection scoring a member of staff's accesses under some rules until a date. It is asked for with a decision on an alert and enters the rules only when a head of unit other than the one who asked approves it.</p>
            <h2 class="heading-m">Asked for</h2>
            {{#hasRequests}}<table class="table" id="requests"><caption class="visually-hidden">Exception requests, those waiting first</caption>
            <thead><tr><th scope="col">Alert</th><th scope="col">Member of staff</th><th scope="col">Rules, until</th><th scope="col">Asked by</th><th scope="col">Why</th><th scope="col">State</th></tr></thead>
            <tbody>{{#requests}}<tr><td><a href="/alerts/{{alertID}}">Alert {{alertID}}</a></td><td><code>{{staff}}</code></td><td>{{rules}}, until {{until}}{{#tasking}}; only accesses giving “{{.}}”{{/tasking}}</td><td>{{requestedBy}}, {{requestedAt}}</td><td>{{rationale}}</td>
            <td>{{^pending}}<strong class="tag tag-grey">{{status}}</strong> by {{decided}}{{#note}}: {{.}}{{/note}}{{/pending}}
            {{#pending}}{{#mine}}<p class="body">Waiting for another head of unit.</p>{{/mine}}{{^mine}}<form method="post" action="/exceptions/{{id}}/approve" class="inline-form"><input type="hidden" name="csrf" value="{{csrf}}"><label class="label" for="note-{{id}}">Note (optional)</label> <input class="input input-width-20" id="note-{{id}}" name="note" type="text"> <button type="submit" class="button button-small">Approve</button></form>
            <form method="post" action="/exceptions/{{id}}/refuse" class="inline-form"><input type="hidden" name="csrf" value="{{csrf}}"><button type="submit" class="button button-small button-secondary">Refuse</button></form>{{/mine}}{{/pending}}</td></tr>{{/requests}}</tbody></table>{{/hasRequests}}
            {{^hasRequests}}<p class="body">None.</p>{{/hasRequests}}
            <h2 class="heading-m">In force</h2>
            <table class="table" id="in-force"><caption class="visually-hidden">Exceptions in the current rules</caption>
            <thead><tr><th scope="col">Rule</th><th scope="col">For</th><th scope="col">Until</th><th scope="col">Granted</th></tr></thead>
            <tbody>{{#inForce}}<tr><td>{{rule}}</td><td><code>{{who}}</code></td><td>{{until}}</td><td>{{grantedBy}}, {{grantedOn}}</td></tr>{{/inForce}}</tbody></table>
            """,
            "reveals": """
            <h1 class="heading-l">Reveals asked for</h1>
            <p class="body">When this is on, an analyst may ask to reveal who an alert is about, giving a reason; a head of unit other than the one asking approves or refuses it here. An approval is the analyst's reveal, with their reason, in the trail. Now: {{changed}}.</p>
            <form method="post" action="/reveals/settings" class="inline-form"><input type="hidden" name="csrf" value="{{csrf}}">
            {{#on}}<input type="hidden" name="requests" value="off"><button type="submit" class="button button-secondary">Switch off reveals asked for by analysts</button>{{/on}}
            {{^on}}<input type="hidden" name="requests" value="on"><button type="submit" class="button button-secondary">Switch on reveals asked for by analysts</button>{{/on}}
            </form>
            {{#hasRows}}<table class="table" id="reveal-requests"><caption class="visually-hidden">Reveals asked for, those waiting first</caption>
            <thead><tr><th scope="col">Alert</th><th scope="col">Asked by</th><th scope="col">Why</th><th scope="col">State</th></tr></thead>
            <tbody>{{#rows}}<tr><td><a href="/alerts/{{alertID}}">Alert {{alertID}}</a></td><td>{{by}}, {{at}}</td><td class="keep-lines">{{reason}}</td>
            <td>{{^pending}}<strong class="tag tag-grey">{{status}}</strong> by {{decided}}{{/pending}}{{#pending}}{{#mine}}Waiting for another head of unit.{{/mine}}{{^mine}}<form method="post" action="/reveals/{{id}}/approve" class="inline-form"><input type="hidden" name="csrf" value="{{csrf}}"><button type="submit" class="button button-small">Approve<span class="visually-hidden"> request {{id}}</span></button></form>
            <form method="post" action="/reveals/{{id}}/refuse" class="inline-form"><input type="hidden" name="csrf" value="{{csrf}}"><button type="submit" class="button button-small button-secondary">Refuse<span class="visually-hidden"> request {{id}}</span></button></form>{{/mine}}{{/pending}}</td></tr>{{/rows}}</tbody></table>{{/hasRows}}
            {{^hasRows}}<p class="body">None yet.</p>{{/hasRows}}
            """,
    ]
}
