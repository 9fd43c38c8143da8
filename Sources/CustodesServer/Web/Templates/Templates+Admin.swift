extension Templates {
    static let admin: [String: String] = [
        "users": """
            <h1 class="heading-l">Users</h1>
            <p class="body">Add users at the console with <code>custodes user add</code>. Accounts are disabled, never deleted, so the audit trail always names a real account.</p>
            <table class="table" id="users"><caption class="visually-hidden">Users</caption>
            <thead><tr><th scope="col">Username</th><th scope="col">Name</th><th scope="col">Role</th><th scope="col">Second factor</th><th scope="col">Status</th><th scope="col">Actions</th></tr></thead>
            <tbody>{{#users}}<tr><td>{{username}}</td><td>{{displayName}}</td><td>{{roleTitle}}</td><td>{{secondFactor}}</td><td>{{status}}</td><td>{{^disabled}}
            <form method="post" action="/admin/users/{{id}}/disable" class="inline-form"><input type="hidden" name="csrf" value="{{csrf}}"><button type="submit" class="button button-warning button-small">Disable {{username}}</button></form>
            <form method="post" action="/admin/users/{{id}}/reset-second-factor" class="inline-form"><input type="hidden" name="csrf" value="{{csrf}}"><button type="submit" class="button button-secondary button-small">Reset second factor for {{username}}</button></form>
            {{/disabled}}{{#mayEnable}}<form method="post" action="/admin/users/{{id}}/enable" class="inline-form"><input type="hidden" name="csrf" value="{{csrf}}"><button type="submit" class="button button-secondary button-small">Enable {{username}}</button></form>{{/mayEnable}}</td></tr>{{/users}}</tbody>
            </table>
            """,
        "user-disable": """
            <h1 class="heading-l">Disable {{displayName}} (<code>{{username}}</code>)?</h1>
            <p class="body">They are signed out at once and cannot sign in until an administrator enables the account again. The account stays on record, so the audit trail still names it.</p>
            {{#readsReports}}<p class="body">Their key to reports from the portal is dropped now. If the account is enabled again, they make a new key at their next sign-in, which the head of unit must approve before they can read reports.</p>{{/readsReports}}
            <form method="post" action="/admin/users/{{id}}/disable" class="inline-form"><input type="hidden" name="csrf" value="{{csrf}}"><input type="hidden" name="confirm" value="yes"><button type="submit" class="button button-warning">Yes, disable {{username}}</button></form>
            <a href="/admin/users" class="button button-secondary">No, go back</a>
            """,
        "sources": errorSummary + """
            <h1 class="heading-l">Source systems</h1>
            <p class="body">Each force system that pushes audit events to <code>POST /api/v1/audit-events</code> has its own token. Only a hash of each token is kept: a new token is shown once, here.</p>
            {{#newToken}}<div class="panel panel-ok" id="new-token"><p class="body"><strong>Token for {{source}}</strong>: copy it into the connector's configuration now.</p><p class="body"><code class="wrap">{{secret}}</code></p></div>{{/newToken}}
            <table class="table" id="tokens"><caption class="visually-hidden">Tokens</caption>
            <thead><tr><th scope="col" class="numeric">Token</th><th scope="col">Source</th><th scope="col">Added by</th><th scope="col">Added</th><th scope="col">Status</th><th scope="col">Actions</th></tr></thead>
            <tbody>{{#tokens}}<tr><td class="numeric">{{id}}</td><td>{{source}}</td><td>{{by}}</td><td>{{at}}</td><td>{{#revoked}}Revoked {{.}}{{/revoked}}{{^revoked}}Live{{/revoked}}</td><td>{{^revoked}}<form method="post" action="/admin/sources/{{id}}/revoke" class="inline-form"><input type="hidden" name="csrf" value="{{csrf}}"><button type="submit" class="button button-warning button-small">Revoke token {{id}}</button></form>{{/revoked}}</td></tr>{{/tokens}}</tbody>
            </table>
            <form method="post" action="/admin/sources" novalidate>
            <input type="hidden" name="csrf" value="{{csrf}}">
            <div class="form-group{{#hasErrors}} form-group-error{{/hasErrors}}">
            <label class="label" for="source">Add a token for a source system</label>
            <p class="hint" id="source-hint">Its name in lower case, as in the bundle's audit files: rms, pnc, command_control, custody, intelligence.</p>
            {{#hasErrors}}<p id="source-error" class="error-message"><span class="visually-hidden">Error:</span> {{errorText}}</p>{{/hasErrors}}
            <input class="input input-width-20" id="source" name="source" type="text" spellcheck="false" aria-describedby="source-hint{{#hasErrors}} source-error{{/hasErrors}}">
            </div>
            <button type="submit" class="button">Add token</button>
            </form>
            """,
        "rules": """
            <h1 class="heading-l">Detection rules</h1>
            <p class="body">Version {{version}} is in force{{^version}} (the built-in rules){{/version}}, with {{exceptions}} exception(s). Change the rules with <code>custodes rules apply</code>; exceptions also come from decisions on alerts. The next detection run applies a change.</p>
            <h2 class="heading-m">The rules in force</h2>
            <p class="body">An alert opens when a member of staff's risk reaches {{threshold}}. <a href="/admin/rules.yaml">Download the rules file (YAML)</a>, without its exceptions.</p>
            <table class="table" id="rule-table"><caption class="visually-hidden">Each rule, its weight and what it means</caption>
            <thead><tr><th scope="col">Rule</th><th scope="col" class="numeric">Weight</th><th scope="col">Enabled</th><th scope="col">What it means</th><th scope="col">Settings</th></tr></thead>
            <tbody>{{#ruleRows}}<tr><td>{{title}} <span class="hint">(<code>{{code}}</code>)</span></td><td class="numeric">{{weight}}</td><td>{{enabled}}</td><td>{{meaning}}</td><td>{{parameters}}</td></tr>{{/ruleRows}}</tbody>
            </table>
            <h2 class="heading-m">Changes</h2>
            {{#hasChanges}}<table class="table" id="rule-changes"><caption class="visually-hidden">Changes to the rules, newest first</caption>
            <thead><tr><th scope="col" class="numeric">Version</th><th scope="col">When</th><th scope="col">By</th><th scope="col">Why</th></tr></thead>
            <tbody>{{#changes}}<tr><td class="numeric">{{version}}</td><td>{{at}}</td><td>{{by}}</td><td>{{note}}</td></tr>{{/changes}}</tbody>
            </table>{{/hasChanges}}
            {{^hasChanges}}<p class="body">None yet: the built-in rules are in force.</p>{{/hasChanges}}
            <h2 class="heading-m">Exceptions in force</h2>
            {{#hasExceptions}}<table class="table" id="rule-exceptions"><caption class="visually-hidden">Exceptions in force: what each covers, not whom or why</caption>
            <thead><tr><th scope="col">Rule</th><th scope="col">Covers</th><th scope="col">Until</th><th scope="col">Granted by</th><th scope="col">Granted on</th></tr></thead>
            <tbody>{{#exceptionRows}}<tr><td>{{rule}}</td><td>{{covers}}</td><td>{{until}}</td><td>{{grantedBy}}</td><td>{{grantedOn}}</td></tr>{{/exceptionRows}}</tbody>
            </table>
            <p class="body">Whom an exception covers and why are on the alert it came from, for those who may see it.</p>{{/hasExceptions}}
            {{^hasExceptions}}<p class="body">None yet.</p>{{/hasExceptions}}
            <details class="body"><summary>The rules file in force, without its exceptions</summary>
            <pre class="code-block" tabindex="0" aria-label="The rules file in force"><code>{{yaml}}</code></pre></details>
            """,
    ]
}
