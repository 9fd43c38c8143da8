extension Templates {
    static let trail: [String: String] = [
        "trail": """
            <h1 class="heading-l">Audit trail</h1>
            <div class="panel {{#intact}}panel-ok{{/intact}}{{^intact}}panel-bad{{/intact}}" id="chain">
            <p class="body"><strong>{{verification}}</strong></p>
            </div>
            <form method="get" action="/trail" class="filters">
            <div class="form-group inline"><label class="label" for="user">User</label><input class="input input-width-10" id="user" name="user" type="text" value="{{user}}" spellcheck="false"></div>
            <div class="form-group inline"><label class="label" for="action">Action</label>
            <select class="select" id="action" name="action"><option value="">Any</option>{{#actions}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{value}}</option>{{/actions}}</select></div>
            <div class="form-group inline"><label class="label" for="subject">Subject</label><input class="input input-width-10" id="subject" name="subject" type="text" value="{{subject}}" spellcheck="false"></div>
            <button type="submit" class="button button-secondary">Apply</button>
            </form>
            <p class="body">{{total}} entries. <a href="{{csv}}">Download these entries as CSV</a></p>
            <table class="table" id="trail"><caption class="visually-hidden">Audit trail entries, newest first</caption>
            <thead><tr><th scope="col" class="numeric">Entry</th><th scope="col">When</th><th scope="col">User</th><th scope="col">Action</th><th scope="col">Subject</th><th scope="col">Detail</th></tr></thead>
            <tbody>{{#entries}}<tr><td class="numeric">{{seq}}</td><td>{{at}}</td><td>{{username}}</td><td>{{action}}</td><td>{{subject}}</td><td>{{detail}}</td></tr>{{/entries}}</tbody>
            </table>
            <nav class="pagination" aria-label="Pages">{{#previous}}<a href="{{.}}" rel="prev">Newer entries</a>{{/previous}} {{#next}}<a href="{{.}}" rel="next">Older entries</a>{{/next}}</nav>
            """,
        "capability": """
            <h1 class="heading-l">The force's capability</h1>
            <p class="body">From the live store, for each element the inspectorate assesses, ending with the force's self-assessment in the inspectorate's words. <code>custodes capability</code> gives the same report at the console.</p>
            <form method="get" action="/capability" class="filters">
            <div class="form-group inline"><label class="label" for="analysts">Analysts the unit has for this work</label>
            <input class="input input-width-10" id="analysts" name="analysts" type="text" inputmode="numeric" value="{{analysts}}"></div>
            <div class="form-group inline"><label class="label" for="hours">Hours a week they have for it</label>
            <input class="input input-width-10" id="hours" name="hours" type="text" inputmode="decimal" value="{{hours}}"></div>
            <button type="submit" class="button button-secondary">Update</button>
            </form>
            <pre class="code-block" tabindex="0" aria-label="Capability report" id="capability-report">{{report}}</pre>
            """,
    ]
}
