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
            <select class="select" id="action" name="action"><option value="">Any</option>{{#actions}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/actions}}</select></div>
            <div class="form-group inline"><label class="label" for="subject">Subject</label><input class="input input-width-10" id="subject" name="subject" type="text" value="{{subject}}" spellcheck="false"></div>
            <div class="form-group inline"><label class="label" for="from">From (YYYY-MM-DD)</label><input class="input input-width-10" id="from" name="from" type="text" value="{{from}}" autocomplete="off"></div>
            <div class="form-group inline"><label class="label" for="to">To, included</label><input class="input input-width-10" id="to" name="to" type="text" value="{{to}}" autocomplete="off"></div>
            <button type="submit" class="button button-secondary">Apply</button>
            </form>
            <p class="body">{{total}} entr{{#single}}y{{/single}}{{^single}}ies{{/single}}. <a href="{{csv}}">Download these entries as CSV</a></p>
            <table class="table" id="trail"><caption class="visually-hidden">Audit trail entries, newest first</caption>
            <thead><tr><th scope="col" class="numeric">Entry</th><th scope="col">When</th><th scope="col">User</th><th scope="col">Action</th><th scope="col">Subject</th><th scope="col">Detail</th></tr></thead>
            <tbody>{{#entries}}<tr><td class="numeric">{{seq}}</td><td>{{at}}</td><td>{{#name}}{{.}} ({{/name}}<code>{{username}}</code>{{#name}}){{/name}}</td><td>{{action}} <span class="hint">(<code>{{code}}</code>)</span></td><td>{{subject}}</td><td>{{detail}}</td></tr>{{/entries}}</tbody>
            </table>
            <nav class="pagination" aria-label="Pages">{{#previous}}<a href="{{.}}" rel="prev">Newer entries</a>{{/previous}} {{#next}}<a href="{{.}}" rel="next">Older entries</a>{{/next}}</nav>
            """,
        "capability": errorSummary + """
            <h1 class="heading-l">The unit's capability</h1>
            <p class="body">From the live store: the backlog, the work week by week, who did it, and the self-assessment the inspectorate would read. <a href="/capability.txt">Download the full report as text</a> (the same as <code>custodes capability</code> at the console).</p>
            <h2 class="heading-m" id="backlog">Backlog</h2>
            <dl class="summary-list" id="backlog-figures">
            <div class="summary-list-row"><dt>Alerts waiting for a decision</dt><dd id="outstanding">{{outstanding}}</dd></div>
            <div class="summary-list-row"><dt>The oldest has waited</dt><dd id="oldest">{{oldest}}</dd></div>
            <div class="summary-list-row"><dt>Half have waited longer than</dt><dd>{{medianWait}}</dd></div>
            <div class="summary-list-row"><dt>From an alert to its first comment or decision (median)</dt><dd>{{firstTriage}}</dd></div>
            <div class="summary-list-row"><dt>Reports from the portal past the unit's deadline</dt><dd>{{reportsOverdue}}</dd></div>
            <div class="summary-list-row"><dt>Open cases</dt><dd>{{openCases}}; safeguarding actions overdue {{safeguardingOverdue}}; IOPC referrals overdue {{referralsOverdue}}</dd></div>
            </dl>
            <div class="chart-pair"><div class="chart">{{{waitingChart}}}</div>
            <table class="table" id="waiting"><caption>Alerts waiting, by how long</caption><thead><tr><th scope="col">Waited</th><th scope="col" class="numeric">Alerts</th></tr></thead>
            <tbody>{{#waiting}}<tr><td>{{label}}</td><td class="numeric">{{count}}</td></tr>{{/waiting}}</tbody></table></div>
            <h2 class="heading-m" id="trends">Week by week</h2>
            <div class="chart-pair"><div class="chart">{{{weeksChart}}}</div>
            <table class="table" id="weeks"><caption>Alerts raised and decided, the last {{weekCount}} weeks (week starting Monday)</caption><thead><tr><th scope="col">Week starting</th><th scope="col" class="numeric">Raised</th><th scope="col" class="numeric">Decided</th></tr></thead>
            <tbody>{{#weeks}}<tr><td>{{starts}}</td><td class="numeric">{{raised}}</td><td class="numeric">{{decided}}</td></tr>{{/weeks}}</tbody></table></div>
            <h2 class="heading-m" id="throughput">Throughput</h2>
            {{#perAnalyst}}<p class="body">{{.}} decisions a week per analyst configured, over the last 4 weeks.</p>{{/perAnalyst}}
            {{#hasPeople}}<table class="table" id="people"><caption>Decisions and comments by person</caption><thead><tr><th scope="col">Person</th><th scope="col" class="numeric">Decisions, last 28 days</th><th scope="col" class="numeric">Decisions, ever</th><th scope="col" class="numeric">Comments, last 28 days</th></tr></thead>
            <tbody>{{#people}}<tr><td><code>{{username}}</code></td><td class="numeric">{{recent}}</td><td class="numeric">{{total}}</td><td class="numeric">{{comments}}</td></tr>{{/people}}</tbody></table>{{/hasPeople}}
            {{^hasPeople}}<p class="body">None yet: nobody has recorded a decision.</p>{{/hasPeople}}
            <h2 class="heading-m" id="outcomes">Outcomes</h2>
            {{#hasOutcomes}}<table class="table" id="outcome-table"><caption>Each decided alert's latest decision</caption><thead><tr><th scope="col">Outcome</th><th scope="col" class="numeric">Alerts</th></tr></thead>
            <tbody>{{#outcomes}}<tr><td>{{outcome}}</td><td class="numeric">{{count}}</td></tr>{{/outcomes}}</tbody></table>{{/hasOutcomes}}
            {{^hasOutcomes}}<p class="body">None yet.</p>{{/hasOutcomes}}
            <h2 class="heading-m" id="capacity">The unit's capacity</h2>
            <form method="post" action="/capability/settings" class="panel" novalidate>
            <input type="hidden" name="csrf" value="{{csrf}}">
            <p class="body">The self-assessment weighs the work against these. Each change is kept with who made it and when.</p>
            <div class="form-group{{#analystsError}} form-group-error{{/analystsError}}"><label class="label" for="analysts">Analysts the unit has for this work</label>
            <p class="hint" id="analysts-hint">Now: {{analystsChanged}}.</p>
            {{#analystsError}}<p class="error-message" id="analysts-error"><span class="visually-hidden">Error:</span> {{.}}</p>{{/analystsError}}
            <input class="input input-width-10" id="analysts" name="analysts" type="text" inputmode="numeric" value="{{analysts}}" aria-describedby="analysts-hint"></div>
            <div class="form-group{{#hoursError}} form-group-error{{/hoursError}}"><label class="label" for="hours">Hours a week they have for it, together</label>
            <p class="hint" id="hours-hint">Now: {{hoursChanged}}.</p>
            {{#hoursError}}<p class="error-message" id="hours-error"><span class="visually-hidden">Error:</span> {{.}}</p>{{/hoursError}}
            <input class="input input-width-10" id="hours" name="hours" type="text" inputmode="decimal" value="{{hours}}" aria-describedby="hours-hint"></div>
            <button type="submit" class="button button-secondary">Save capacity</button>
            </form>
            <h2 class="heading-m" id="self-assessment">Self-assessment</h2>
            <table class="table" id="elements"><caption class="visually-hidden">Each element the inspectorate assesses, where the force stands and why</caption><thead><tr><th scope="col">Element</th><th scope="col">Where it stands</th><th scope="col">Why</th></tr></thead>
            <tbody>{{#elements}}<tr><td>{{title}}</td><td><strong class="tag {{#positive}}tag-decided{{/positive}}{{^positive}}tag-in{{/positive}}">{{status}}</strong></td><td>{{reason}}</td></tr>{{/elements}}</tbody></table>
            <p class="body" id="findings">{{findings}}</p>
            """,
    ]
}
