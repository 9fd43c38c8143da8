extension Templates {
    static let alerts: [String: String] = [
        "queue": dueSafeguarding + """
            <h1 class="heading-l">Alerts</h1>
            <ul class="counts" aria-label="Alerts by state">{{#counts}}<li><a href="{{href}}"><span class="count">{{count}}</span> {{label}}</a></li>{{/counts}}</ul>
            {{#notices}}<div class="panel" id="notices"><p class="body"><strong>{{.}}</strong>: <a href="/notifications">see your notifications</a>.</p></div>{{/notices}}
            {{#openWork}}<p class="body" id="open-work">Showing your open work: alerts not yet decided that you may work on. <a href="/alerts?view=all">Show all alerts, decided ones too</a>.</p>{{/openWork}}
            <form method="get" action="/alerts" class="filters">
            <div class="form-group inline"><label class="label" for="sort">Sort by</label>
            <select class="select" id="sort" name="sort">{{#sorts}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/sorts}}</select></div>
            <div class="form-group inline"><label class="label" for="state">State</label>
            <select class="select" id="state" name="state"><option value="">Any</option>{{#states}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/states}}</select></div>
            <div class="form-group inline"><label class="label" for="indicator">Indicator</label>
            <select class="select" id="indicator" name="indicator"><option value="">Any</option>{{#indicators}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/indicators}}</select></div>
            <div class="form-group inline"><label class="label" for="station">Station</label>
            <select class="select" id="station" name="station"><option value="">Any</option>{{#stations}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{value}}</option>{{/stations}}</select></div>
            <div class="form-group inline"><label class="label" for="assignee">Assigned to</label>
            <select class="select" id="assignee" name="assignee"><option value="">Anyone</option><option value="unassigned"{{#unassignedSelected}} selected{{/unassignedSelected}}>Nobody yet</option>{{#assignees}}<option value="{{username}}"{{#selected}} selected{{/selected}}>{{displayName}}</option>{{/assignees}}</select></div>
            <button type="submit" class="button button-secondary">Apply</button>
            </form>
            <p class="body" id="result-count">{{total}} matching alert{{^single}}s{{/single}}{{#pages}}, page {{page}} of {{pages}}{{/pages}}.</p>
            {{#hasRows}}
            <table class="table">
            <caption class="visually-hidden">Alerts, {{sortLabel}}</caption>
            <thead><tr><th scope="col">Alert</th><th scope="col">Member of staff</th><th scope="col" class="numeric">Risk</th><th scope="col">Opened</th><th scope="col">Indicators</th><th scope="col">Station</th><th scope="col">State</th><th scope="col">Assigned to</th></tr></thead>
            <tbody>
            {{#rows}}<tr><td><a href="/alerts/{{id}}{{backQuery}}">Alert {{id}}</a></td><td><code>{{pseudonym}}</code></td><td class="numeric">{{score}}</td><td>{{opened}}</td><td>{{indicators}}</td><td>{{station}}</td><td><strong class="tag tag-{{state}}">{{stateLabel}}</strong>{{#withdrawn}} <strong class="tag tag-grey">Withdrawn</strong>{{/withdrawn}}</td><td>{{assignee}}</td></tr>
            {{/rows}}
            </tbody>
            </table>
            {{/hasRows}}
            <nav class="pagination" aria-label="Pages">{{#previous}}<a href="{{.}}" rel="prev">Previous page</a>{{/previous}} {{#next}}<a href="{{.}}" rel="next">Next page</a>{{/next}}</nav>
            """,
        "alert": errorSummary + """
            <p class="body"><a class="link" href="{{back}}">Back to the alerts</a></p>
            <span class="caption">Alert {{id}}{{#withdrawn}} (withdrawn: it no longer fires under the current rules and data){{/withdrawn}}</span>
            <h1 class="heading-l">Why this fired</h1>
            <p class="lead" id="why">{{why}}</p>
            <dl class="summary-list">
            <div class="summary-list-row"><dt>Member of staff</dt><dd id="staff">{{#identity}}<strong>{{displayName}}</strong>, {{role}}, collar {{collarNumber}}, {{team}} team, {{station}} (<a href="/staff/{{pseudonym}}">all alerts</a>){{/identity}}{{^identity}}<code>{{pseudonym}}</code> (pseudonymised){{/identity}}</dd></div>
            <div class="summary-list-row"><dt>Risk</dt><dd>{{score}} (at opening {{scoreAtOpen}})</dd></div>
            <div class="summary-list-row"><dt>Opened</dt><dd>{{opened}}</dd></div>
            <div class="summary-list-row"><dt>State</dt><dd><strong class="tag tag-{{state}}">{{stateLabel}}</strong></dd></div>
            <div class="summary-list-row"><dt>Assigned to</dt><dd id="assignee">{{#assignee}}{{.}}{{/assignee}}{{^assignee}}Nobody{{/assignee}}</dd></div>
            <div class="summary-list-row"><dt>Evidence events</dt><dd>{{evidenceCount}}</dd></div>
            <div class="summary-list-row"><dt>Other alerts about them</dt><dd id="related">{{#related}}<a href="/alerts/{{id}}">Alert {{id}}</a> ({{opened}}, risk {{score}}, {{state}}{{#withdrawn}}, withdrawn{{/withdrawn}}) {{/related}}{{^related}}None you can see{{/related}}</dd></div>
            </dl>
            {{#mayAskReveal}}{{^identity}}{{#revealAsked}}<p class="body panel" id="reveal-asked">You have asked the head of unit to reveal who this is.</p>{{/revealAsked}}{{^revealAsked}}
            <form method="post" action="/alerts/{{id}}/reveal-requests" class="panel" novalidate>
            <input type="hidden" name="csrf" value="{{csrf}}">
            <h2 class="heading-m">Ask to reveal who this is</h2>
            <div class="form-group{{#revealError}} form-group-error{{/revealError}}">
            <label class="label" for="reason">Why you need to know who this is</label>
            <p class="hint" id="reason-hint">The head of unit approves or refuses it; both are recorded in the audit trail.</p>
            {{#revealError}}<p id="reason-error" class="error-message"><span class="visually-hidden">Error:</span> {{revealError}}</p>{{/revealError}}
            <textarea class="textarea" id="reason" name="reason" rows="3" aria-describedby="reason-hint{{#revealError}} reason-error{{/revealError}}">{{form.reason}}</textarea>
            </div>
            <button type="submit" class="button button-secondary">Ask the head of unit</button>
            </form>{{/revealAsked}}{{/identity}}{{/mayAskReveal}}
            {{#mayReveal}}{{^identity}}
            <form method="post" action="/alerts/{{id}}/reveal" class="panel" novalidate>
            <input type="hidden" name="csrf" value="{{csrf}}">
            <h2 class="heading-m">Reveal who this is</h2>
            <div class="form-group{{#revealError}} form-group-error{{/revealError}}">
            <label class="label" for="reason">Reason for revealing the member of staff</label>
            <p class="hint" id="reason-hint">This is recorded with your name in the audit trail.</p>
            {{#revealError}}<p id="reason-error" class="error-message"><span class="visually-hidden">Error:</span> {{revealError}}</p>{{/revealError}}
            <textarea class="textarea" id="reason" name="reason" rows="3" aria-describedby="reason-hint{{#revealError}} reason-error{{/revealError}}">{{form.reason}}</textarea>
            </div>
            <button type="submit" class="button button-warning">Reveal identity</button>
            </form>
            {{/identity}}{{/mayReveal}}
            <h2 class="heading-m">Decisions</h2>
            {{#decisions}}<div class="record"><p class="body"><strong>{{outcome}}</strong> by {{username}}, {{at}}{{#exceptionUntil}}; recorded as an exception to the rules until {{.}}{{/exceptionUntil}}</p><p class="body keep-lines">{{rationale}}</p></div>{{/decisions}}
            {{^decisions}}<p class="body">No decision yet.</p>{{/decisions}}
            <form method="post" action="/alerts/{{id}}/decisions" class="panel" novalidate>
            <input type="hidden" name="csrf" value="{{csrf}}">
            <div class="form-group{{#decisionErrors}} form-group-error{{/decisionErrors}}">
            <fieldset class="fieldset"><legend class="fieldset-legend">Decision</legend>
            {{#outcomeError}}<p id="outcome-error" class="error-message"><span class="visually-hidden">Error:</span> {{outcomeError}}</p>{{/outcomeError}}
            <div class="radios">{{#outcomes}}<div class="radio"><input class="radio-input" id="outcome-{{value}}" name="outcome" type="radio" value="{{value}}"{{#checked}} checked{{/checked}}><label class="label radio-label" for="outcome-{{value}}">{{label}}</label></div>{{/outcomes}}</div>
            </fieldset>
            </div>
            <div class="form-group{{#rationaleError}} form-group-error{{/rationaleError}}">
            <label class="label" for="rationale">Rationale</label>
            <p class="hint" id="rationale-hint">Why you decided this, including a decision not to act.</p>
            {{#rationaleError}}<p id="rationale-error" class="error-message"><span class="visually-hidden">Error:</span> {{rationaleError}}</p>{{/rationaleError}}
            <textarea class="textarea" id="rationale" name="rationale" rows="4" aria-describedby="rationale-hint{{#rationaleError}} rationale-error{{/rationaleError}}">{{form.rationale}}</textarea>
            </div>
            {{#mayExcept}}
            <div class="form-group{{#exceptionError}} form-group-error{{/exceptionError}}">
            <label class="label" for="exception_until">The accesses were legitimate: except them from the rules until (YYYY-MM-DD, optional)</label>
            <p class="hint" id="exception-hint">Adds an audited exception for this member of staff; with a tasking reference, only accesses giving that reason.</p>
            {{#exceptionError}}<p id="exception-error" class="error-message"><span class="visually-hidden">Error:</span> {{exceptionError}}</p>{{/exceptionError}}
            <input class="input input-width-10" id="exception_until" name="exception_until" type="text" value="{{form.exception_until}}" aria-describedby="exception-hint{{#exceptionError}} exception-error{{/exceptionError}}">
            </div>
            <div class="form-group">
            <label class="label" for="tasking">Tasking reference (optional)</label>
            <input class="input input-width-20" id="tasking" name="tasking" type="text" value="{{form.tasking}}">
            </div>
            {{/mayExcept}}
            <button type="submit" class="button">Record decision</button>
            <button type="submit" class="button button-secondary" name="next" value="1">Record decision and open the next alert</button>
            </form>
            <h2 class="heading-m">Risk over time</h2>
            <div class="chart">{{{chart}}}</div>
            <details class="body"><summary>The figures as a table</summary><table class="table"><caption class="visually-hidden">Risk by day</caption><thead><tr><th scope="col">Day</th><th scope="col" class="numeric">Risk</th></tr></thead><tbody>{{#riskRows}}<tr><td>{{day}}</td><td class="numeric">{{risk}}</td></tr>{{/riskRows}}</tbody></table></details>
            <h2 class="heading-m">Contributing indicators</h2>
            <table class="table"><caption class="visually-hidden">Contributing indicators</caption>
            <thead><tr><th scope="col">Indicator</th><th scope="col" class="numeric">Hits</th><th scope="col" class="numeric">Weight</th><th scope="col" class="numeric">Points</th><th scope="col">Examples</th></tr></thead>
            <tbody>{{#contributions}}<tr><td>{{indicator}} <span class="hint">(<code>{{code}}</code>)</span></td><td class="numeric">{{hits}}</td><td class="numeric">{{weight}}</td><td class="numeric">{{points}}</td><td><ul class="list">{{#examples}}<li>{{.}}</li>{{/examples}}</ul></td></tr>{{/contributions}}</tbody>
            </table>
            <h2 class="heading-m">Evidence timeline</h2>
            <table class="table" id="timeline"><caption class="visually-hidden">Evidence events, oldest first</caption>
            <thead><tr><th scope="col">When</th><th scope="col">System and action</th><th scope="col">Record</th><th scope="col">Duty</th><th scope="col">Indicators</th><th scope="col">Explanations tried and failed</th></tr></thead>
            <tbody>{{#timeline}}<tr><td>{{at}}</td><td>{{system}} {{action}} {{entityType}}</td><td>{{person}}{{#victim}}<br><strong>{{.}}</strong>{{/victim}}</td><td>{{duty}}</td><td>{{indicators}}</td><td>{{explanations}}</td></tr>{{/timeline}}</tbody>
            </table>
            {{#timelineMore}}<p class="body">Showing the first {{shown}} of {{total}} {{noun}}. <a class="link" href="{{href}}">Show all {{total}} {{noun}}</a></p>{{/timelineMore}}
            <h2 class="heading-m">People involved</h2>
            <table class="table" id="people"><caption class="visually-hidden">People whose records were opened</caption>
            <thead><tr><th scope="col">Person</th><th scope="col">Markers</th><th scope="col" class="numeric">Accesses</th></tr></thead>
            <tbody>{{#people}}<tr><td>{{#personLinks}}<a href="/people/{{pseudonym}}"><code>{{pseudonym}}</code><span class="visually-hidden">: who opened this person's record</span></a>{{/personLinks}}{{^personLinks}}<code>{{pseudonym}}</code>{{/personLinks}}</td><td>{{markers}}</td><td class="numeric">{{accesses}}</td></tr>{{/people}}</tbody>
            </table>
            {{#peopleMore}}<p class="body">Showing the first {{shown}} of {{total}} {{noun}}. <a class="link" href="{{href}}">Show all {{total}} {{noun}}</a></p>{{/peopleMore}}
            <h2 class="heading-m">Intelligence</h2>
            {{#intelligence}}<p class="body"><a href="/intelligence/{{id}}">{{reference}}</a>{{#grading}} <strong class="tag">{{.}}</strong>{{/grading}}{{^grading}} <strong class="tag tag-new">Not graded</strong>{{/grading}}: {{excerpt}}</p>{{/intelligence}}
            <p class="body"><a class="link" href="/intelligence/new?alert={{id}}">Record intelligence from this alert</a></p>
            <h2 class="heading-m">Cases</h2>
            {{#cases}}<p class="body"><a href="/cases/{{id}}">{{reference}}</a>: {{title}} <strong class="tag tag-grey">{{status}}</strong></p>{{/cases}}
            <p class="body"><a class="link" href="/cases/new?alert={{id}}">Open a case from this alert</a></p>
            {{#mayAssign}}
            <form method="post" action="/alerts/{{id}}/assign" class="panel">
            <input type="hidden" name="csrf" value="{{csrf}}">
            <div class="form-group"><label class="label" for="assign-to">Assign to</label>
            <select class="select" id="assign-to" name="assignee"><option value="">Nobody</option>{{#assignees}}<option value="{{username}}"{{#selected}} selected{{/selected}}>{{displayName}} ({{roleTitle}})</option>{{/assignees}}</select></div>
            <button type="submit" class="button button-secondary">Assign</button>
            </form>
            {{/mayAssign}}
            <h2 class="heading-m">Comments</h2>
            {{#comments}}<div class="record"><p class="body"><strong>{{username}}</strong>, {{at}}</p><p class="body keep-lines">{{body}}</p></div>{{/comments}}
            <form method="post" action="/alerts/{{id}}/comments" novalidate>
            <input type="hidden" name="csrf" value="{{csrf}}">
            <div class="form-group{{#commentError}} form-group-error{{/commentError}}"><label class="label" for="comment">Add a comment</label>
            {{#commentError}}<p id="comment-error" class="error-message"><span class="visually-hidden">Error:</span> {{commentError}}</p>{{/commentError}}
            <textarea class="textarea" id="comment" name="body" rows="3"{{#commentError}} aria-describedby="comment-error"{{/commentError}}>{{form.body}}</textarea></div>
            <button type="submit" class="button button-secondary">Add comment</button>
            </form>
            {{#hasReveals}}<h2 class="heading-m">Reveals</h2>
            <ul class="list">{{#reveals}}<li>{{username}}, {{at}}: {{reason}}</li>{{/reveals}}</ul>{{/hasReveals}}
            """,
        "search": errorSummary + """
            <h1 class="heading-l">Search</h1>
            <form method="get" action="/search" class="filters" novalidate>
            <div class="form-group inline{{#qError}} form-group-error{{/qError}}"><label class="label" for="q">Alert number, pseudonym (STF-… or PSN-…), or the name or collar number of someone you have revealed</label>
            {{#qError}}<p class="error-message" id="q-error"><span class="visually-hidden">Error:</span> {{.}}</p>{{/qError}}
            <input class="input input-width-20" id="q" name="q" type="search" value="{{q}}" spellcheck="false" autocomplete="off"></div>
            <button type="submit" class="button">Search</button>
            </form>
            {{#searched}}{{^qError}}
            <h2 class="heading-m" id="results-heading">Results for the {{kind}}</h2>
            {{#hasResults}}<ul class="list" id="results">{{#results}}<li><a href="{{href}}">{{label}}</a>: {{detail}}</li>{{/results}}</ul>{{/hasResults}}
            {{^hasResults}}<p class="body" id="no-results">Nothing you may see matches. Names and collar numbers are searched only among members of staff you have revealed.</p>{{/hasResults}}
            {{#trailLink}}<p class="body"><a href="/trail?subject={{trailSubject}}">Entries in the audit trail about it</a></p>{{/trailLink}}
            {{/qError}}{{/searched}}
            """,
        "notifications": """
            <h1 class="heading-l">Notifications</h1>
            <p class="body">What is waiting for you now: alerts assigned to you and not yet decided, new alerts since you last opened the queue, and what needs your approval.</p>
            {{#hasNotices}}<ul class="list" id="notification-list">{{#notices}}<li><a href="{{href}}">{{text}}</a></li>{{/notices}}</ul>{{/hasNotices}}
            {{^hasNotices}}<p class="body">Nothing is waiting for you.</p>{{/hasNotices}}
            """,
        "person": """
            <span class="caption">Person</span>
            <h1 class="heading-l"><code>{{pseudonym}}</code></h1>
            <p class="body">Everyone whose accesses to this person's record are in the audit data, most often first, and the alerts the person appears in that you may see. The person stays pseudonymised here.</p>
            <h2 class="heading-m">Who opened the record</h2>
            {{#limited}}<p class="body">Members of staff you may see alerts about; the head of unit sees everyone.</p>{{/limited}}
            {{#hasAccessors}}<table class="table" id="accessors"><caption class="visually-hidden">Members of staff who opened this person's record</caption><thead><tr><th scope="col">Member of staff</th><th scope="col" class="numeric">Accesses</th><th scope="col">First</th><th scope="col">Latest</th></tr></thead>
            <tbody>{{#accessors}}<tr><td><code>{{pseudonym}}</code> <a href="/search?q={{pseudonym}}">their alerts</a></td><td class="numeric">{{accesses}}</td><td>{{first}}</td><td>{{last}}</td></tr>{{/accessors}}</tbody></table>
            {{#more}}<p class="body">And {{.}} more, with fewer accesses.</p>{{/more}}{{/hasAccessors}}
            {{^hasAccessors}}<p class="body">None yet in the audit data.</p>{{/hasAccessors}}
            <h2 class="heading-m">Alerts the person appears in</h2>
            {{#hasAlerts}}<ul class="list" id="person-alerts">{{#alerts}}<li><a href="/alerts/{{id}}">Alert {{id}}</a>: <code>{{pseudonym}}</code>, risk {{score}}, {{state}}</li>{{/alerts}}</ul>{{/hasAlerts}}
            {{^hasAlerts}}<p class="body">None you may see.</p>{{/hasAlerts}}
            """,
        "staff": """
            <span class="caption">Member of staff</span>
            <h1 class="heading-l">{{displayName}}</h1>
            <dl class="summary-list">
            <div class="summary-list-row"><dt>Collar number</dt><dd>{{collarNumber}}</dd></div>
            <div class="summary-list-row"><dt>Role</dt><dd>{{role}}</dd></div>
            <div class="summary-list-row"><dt>Team and station</dt><dd>{{team}}, {{station}}</dd></div>
            <div class="summary-list-row"><dt>Pseudonym</dt><dd><code>{{pseudonym}}</code></dd></div>
            </dl>
            <h2 class="heading-m">Risk over time</h2>
            <div class="chart">{{{chart}}}</div>
            <details class="body"><summary>The figures as a table</summary><table class="table"><caption class="visually-hidden">Risk by day</caption><thead><tr><th scope="col">Day</th><th scope="col" class="numeric">Risk</th></tr></thead><tbody>{{#riskRows}}<tr><td>{{day}}</td><td class="numeric">{{risk}}</td></tr>{{/riskRows}}</tbody></table></details>
            <h2 class="heading-m">Alerts</h2>
            <table class="table"><caption class="visually-hidden">Alerts about this member of staff</caption>
            <thead><tr><th scope="col">Alert</th><th scope="col">Opened</th><th scope="col" class="numeric">Risk</th><th scope="col">Indicators</th><th scope="col">Status</th></tr></thead>
            <tbody>{{#alerts}}<tr><td>{{#visible}}<a href="/alerts/{{id}}">Alert {{id}}</a>{{/visible}}{{^visible}}Alert {{id}}{{/visible}}</td><td>{{opened}}</td><td class="numeric">{{score}}</td><td>{{indicators}}</td><td>{{status}}</td></tr>{{/alerts}}</tbody>
            </table>
            <h2 class="heading-m">Intelligence</h2>
            {{#intelligence}}<p class="body"><a href="/intelligence/{{id}}">{{reference}}</a>{{#grading}} <strong class="tag">{{.}}</strong>{{/grading}}{{^grading}} <strong class="tag tag-new">Not graded</strong>{{/grading}}: {{excerpt}}</p>{{/intelligence}}
            {{^intelligence}}<p class="body">No intelligence about this member of staff that you can see.</p>{{/intelligence}}
            <h2 class="heading-m">Cases</h2>
            {{#cases}}<p class="body"><a href="/cases/{{id}}">{{reference}}</a>: {{title}} <strong class="tag tag-grey">{{status}}</strong></p>{{/cases}}
            {{^cases}}<p class="body">No case about this member of staff that you can see.</p>{{/cases}}
            """,
    ]
}
