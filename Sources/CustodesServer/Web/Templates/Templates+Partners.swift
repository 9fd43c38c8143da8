extension Templates {
    /// The fields of an organisation, for adding one and for changing it.
    static let organisationFields = field("name", "Name", error: "nameError",
                                          input: "<input class=\"input\" id=\"name\" name=\"name\" type=\"text\" value=\"{{name}}\">")
        + field("kind", "Kind of organisation", error: "kindError",
                input: "<select class=\"select\" id=\"kind\" name=\"kind\"><option value=\"\">Choose</option>{{#kinds}}<option value=\"{{value}}\"{{#selected}} selected{{/selected}}>{{label}}</option>{{/kinds}}</select>")
        + field("area", "Area it covers", error: "areaError",
                input: "<input class=\"input\" id=\"area\" name=\"area\" type=\"text\" value=\"{{area}}\">")
        + field("liaison", "The unit's liaison", error: "liaisonError",
                input: "<select class=\"select\" id=\"liaison\" name=\"liaison\"><option value=\"\">Nobody yet</option>{{#liaisons}}<option value=\"{{username}}\"{{#selected}} selected{{/selected}}>{{displayName}} ({{roleTitle}})</option>{{/liaisons}}</select>")

    static let partners: [String: String] = [
        "partners": errorSummary + """
            <h1 class="heading-l">Partner organisations</h1>
            <p class="lead">The unit's relationships with organisations that support vulnerable people: their workers are often the first to hear that an officer is pursuing a client.</p>
            {{#mayKeep}}<p class="body"><a class="button" href="/partners/new">Add an organisation</a></p>{{/mayKeep}}
            <p class="body" id="overdue-count">{{overdueCount}} active organisation(s) with no contact for more than {{overdueDays}} days.</p>
            {{#hasRows}}
            <table class="table" id="organisations"><caption class="visually-hidden">Organisations, by name</caption>
            <thead><tr><th scope="col">Organisation</th><th scope="col">Kind</th><th scope="col">Area</th><th scope="col">Status</th><th scope="col">Liaison</th><th scope="col">Last contact</th><th scope="col" class="numeric">Intelligence</th></tr></thead>
            <tbody>{{#rows}}<tr><td><a href="/partners/{{id}}">{{name}}</a></td><td>{{kind}}</td><td>{{area}}</td><td>{{status}}</td><td>{{liaison}}</td><td>{{since}}{{#overdue}} <strong class="tag tag-new">Engagement overdue</strong>{{/overdue}}</td><td class="numeric">{{intelligence}}</td></tr>{{/rows}}</tbody>
            </table>
            {{/hasRows}}
            {{^hasRows}}<p class="body">No organisation is in the register yet.</p>{{/hasRows}}
            {{#mayKeep}}
            <form method="post" action="/partners/settings" class="panel" novalidate>
            <input type="hidden" name="csrf" value="{{csrf}}">
            <h2 class="heading-m">Engagement period</h2>
            """ + field("overdue_days", "Days without contact before engagement is overdue (now: {{settingChanged}})",
                        error: "overdueError",
                        input: "<input class=\"input input-width-10\" id=\"overdue_days\" name=\"overdue_days\" type=\"text\" inputmode=\"numeric\" value=\"{{overdueDays}}\">")
            + """
            <button type="submit" class="button button-secondary">Save</button>
            </form>
            <form method="post" action="/partners/kinds" class="panel" novalidate>
            <input type="hidden" name="csrf" value="{{csrf}}">
            <h2 class="heading-m">Kinds of organisation</h2>
            <ul class="list">{{#kinds}}<li>{{title}}{{^builtIn}} (added by the unit){{/builtIn}}</li>{{/kinds}}</ul>
            """ + field("kind-title", "Add a kind", error: "kindError",
                        input: "<input class=\"input input-width-20\" id=\"kind-title\" name=\"title\" type=\"text\" value=\"{{kindTitle}}\">")
            + """
            <button type="submit" class="button button-secondary">Add kind</button>
            </form>
            {{/mayKeep}}
            """,
        "partner-new": errorSummary + """
            <h1 class="heading-l">Add an organisation</h1>
            <form method="post" action="/partners" novalidate>
            <input type="hidden" name="csrf" value="{{csrf}}">
            """ + organisationFields + """
            <button type="submit" class="button">Add organisation</button>
            </form>
            """,
        "partner": errorSummary + """
            <span class="caption">Partner organisation</span>
            <h1 class="heading-l">{{title}}</h1>
            <dl class="summary-list">
            <div class="summary-list-row"><dt>Kind</dt><dd>{{kindTitle}}</dd></div>
            <div class="summary-list-row"><dt>Area</dt><dd>{{areaText}}</dd></div>
            <div class="summary-list-row"><dt>Status</dt><dd>{{statusTitle}}</dd></div>
            <div class="summary-list-row"><dt>The unit's liaison</dt><dd>{{liaisonName}}</dd></div>
            <div class="summary-list-row"><dt>Last contact</dt><dd id="last-contact">{{since}}{{#overdue}} <strong class="tag tag-new">Engagement overdue</strong> (more than {{overdueDays}} days){{/overdue}}</dd></div>
            <div class="summary-list-row"><dt>Reports through its partner accounts</dt><dd id="portal-reports">{{portalReports}}, of which {{portalIntelligence}} recorded as intelligence (anonymous and confidential reports name no organisation)</dd></div>
            <div class="summary-list-row"><dt>Intelligence recorded from them</dt><dd id="intelligence-count">{{intelligence}}</dd></div>
            </dl>
            <h2 class="heading-m" id="accounts">Partner accounts</h2>
            <p class="body">Workers here sign in to the reporting portal with an account of their own, made with a one-time invitation code.</p>
            {{#invitationError}}<p class="error-message" id="invitation-error"><span class="visually-hidden">Error:</span> {{.}}</p>{{/invitationError}}
            {{#hasAccounts}}<table class="table" id="partner-accounts"><caption class="visually-hidden">Partner accounts of this organisation</caption>
            <thead><tr><th scope="col">Name</th><th scope="col">Username</th><th scope="col">Made</th><th scope="col">Last signed in</th><th scope="col">State</th>{{#mayKeep}}<th scope="col"><span class="visually-hidden">Action</span></th>{{/mayKeep}}</tr></thead>
            <tbody>{{#accounts}}<tr><td>{{name}}</td><td><code>{{username}}</code></td><td>{{created}}</td><td>{{lastSignIn}}</td><td>{{state}}</td>{{#mayKeep}}<td>{{#enabled}}<form method="post" action="/partners/{{organisationID}}/accounts/{{id}}/disable" class="inline-form"><input type="hidden" name="csrf" value="{{csrf}}"><button type="submit" class="button button-small button-secondary">Disable<span class="visually-hidden"> {{username}}</span></button></form>{{/enabled}}</td>{{/mayKeep}}</tr>{{/accounts}}</tbody></table>{{/hasAccounts}}
            {{^hasAccounts}}<p class="body">No accounts yet.</p>{{/hasAccounts}}
            {{#hasInvitations}}<table class="table" id="partner-invitations"><caption>Invitations</caption>
            <thead><tr><th scope="col">Issued</th><th scope="col">State</th>{{#mayKeep}}<th scope="col"><span class="visually-hidden">Action</span></th>{{/mayKeep}}</tr></thead>
            <tbody>{{#invitations}}<tr><td>{{issued}}</td><td>{{state}}</td>{{#mayKeep}}<td>{{#open}}<form method="post" action="/partners/{{organisationID}}/invitations/{{id}}/withdraw" class="inline-form"><input type="hidden" name="csrf" value="{{csrf}}"><button type="submit" class="button button-small button-secondary">Withdraw<span class="visually-hidden"> invitation {{id}}</span></button></form>{{/open}}</td>{{/mayKeep}}</tr>{{/invitations}}</tbody></table>{{/hasInvitations}}
            {{#mayKeep}}<form method="post" action="/partners/{{organisationID}}/invitations" class="inline-form"><input type="hidden" name="csrf" value="{{csrf}}"><button type="submit" class="button button-secondary">Issue an invitation code</button></form>{{/mayKeep}}
            <h2 class="heading-m" id="contacts">Contacts</h2>
            <table class="table"><caption class="visually-hidden">Contacts at the organisation</caption>
            <thead><tr><th scope="col">Name</th><th scope="col">Role</th><th scope="col">How to reach them</th><th scope="col">Added</th>{{#mayKeep}}<th scope="col"><span class="visually-hidden">Remove</span></th>{{/mayKeep}}</tr></thead>
            <tbody>{{#contacts}}<tr><td>{{name}}</td><td>{{role}}</td><td>{{reach}}</td><td>{{added}}</td>{{#mayKeep}}<td><form method="post" action="/partners/{{organisationID}}/contacts/{{id}}/remove" class="inline-form"><input type="hidden" name="csrf" value="{{csrf}}"><button type="submit" class="button button-small button-secondary">Remove<span class="visually-hidden"> {{name}}</span></button></form></td>{{/mayKeep}}</tr>{{/contacts}}</tbody>
            </table>
            {{#mayKeep}}
            <form method="post" action="/partners/{{organisationID}}/contacts" class="panel" novalidate>
            <input type="hidden" name="csrf" value="{{csrf}}">
            <h3 class="heading-m">Add a contact</h3>
            {{#contactError}}<p id="contact-name-error" class="error-message"><span class="visually-hidden">Error:</span> {{contactError}}</p>{{/contactError}}
            <div class="form-group"><label class="label" for="contact-name">Name</label><input class="input" id="contact-name" name="contact_name" type="text" value="{{form.contact_name}}"></div>
            <div class="form-group"><label class="label" for="contact-role">Role</label><input class="input" id="contact-role" name="contact_role" type="text" value="{{form.contact_role}}"></div>
            <div class="form-group"><label class="label" for="reach">How to reach them</label><input class="input" id="reach" name="reach" type="text" value="{{form.reach}}"></div>
            <button type="submit" class="button button-secondary">Add contact</button>
            </form>
            {{/mayKeep}}
            <h2 class="heading-m" id="engagement">Engagement log</h2>
            {{#engagements}}<div class="record"><p class="body"><strong>{{kind}}</strong>, {{on}}, recorded by {{by}}{{#review}}; review {{day}}{{#due}} <strong class="tag tag-new">Review due</strong>{{/due}}{{/review}}</p><p class="body wrap">{{summary}}</p></div>{{/engagements}}
            {{^engagements}}<p class="body">No contact recorded yet.</p>{{/engagements}}
            {{#mayKeep}}
            <form method="post" action="/partners/{{organisationID}}/engagements" class="panel" novalidate>
            <input type="hidden" name="csrf" value="{{csrf}}">
            <h3 class="heading-m">Record a contact</h3>
            <div class="form-group"><label class="label" for="engagement_kind">Kind</label><select class="select" id="engagement_kind" name="engagement_kind">{{#engagementKinds}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/engagementKinds}}</select></div>
            """ + field("on_day", "Day (YYYY-MM-DD)", error: "dayError",
                        input: "<input class=\"input input-width-10\" id=\"on_day\" name=\"on_day\" type=\"text\" value=\"{{form.on_day}}\">")
            + field("engagement-summary", "What happened", error: "engagementError",
                    input: "<textarea class=\"textarea\" id=\"engagement-summary\" name=\"summary\" rows=\"3\">{{form.summary}}</textarea>")
            + """
            <div class="form-group"><label class="label" for="review_on">Review day, for an agreement (YYYY-MM-DD)</label><input class="input input-width-10" id="review_on" name="review_on" type="text" value="{{form.review_on}}"></div>
            <button type="submit" class="button button-secondary">Record contact</button>
            </form>
            <form method="post" action="/partners/{{organisationID}}" class="panel" novalidate>
            <input type="hidden" name="csrf" value="{{csrf}}">
            <h2 class="heading-m">Change the organisation's details</h2>
            """ + organisationFields + """
            <div class="form-group"><label class="label" for="status">Status</label><select class="select" id="status" name="status">{{#statuses}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/statuses}}</select></div>
            <button type="submit" class="button button-secondary">Save changes</button>
            </form>
            {{/mayKeep}}
            """,
        "partner-invitation-issued": """
            <span class="caption">{{organisation}}</span>
            <h1 class="heading-l">Invitation code</h1>
            <p class="lead" id="invitation-code"><code>{{code}}</code></p>
            <p class="body">Give it to one worker at {{organisation}}, by a way you trust (in person or by phone). With it they make their own account on the reporting portal (<code>/partner/invitation</code>) within {{days}} days. It works once, and it is shown only now: Custodes keeps only a hash of it.</p>
            <p class="body"><a href="/partners/{{organisationID}}#accounts" class="button">Back to {{organisation}}</a></p>
            """,
    ]
}
