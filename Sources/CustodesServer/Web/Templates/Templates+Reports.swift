extension Templates {
    static let reports: [String: String] = [
        "reports": """
            <h1 class="heading-l">Reports from the portal</h1>
            <p class="body" id="reports-overdue">{{overdue}} report(s) past the unit's deadline to acknowledge or assess.</p>
            {{#ownKey}}<p class="body" id="own-key">Reports are sealed for your key, fingerprint <code>{{fingerprint}}</code> ({{state}}).</p>{{/ownKey}}
            {{#hasRows}}
            <table class="table" id="reports"><caption class="visually-hidden">Reports, those awaiting the unit first</caption>
            <thead><tr><th scope="col">Report</th><th scope="col">Received</th><th scope="col">Channel</th><th scope="col">Where it stands</th><th scope="col">Member of staff</th></tr></thead>
            <tbody>{{#rows}}<tr><td><a href="/reports/{{id}}">{{reference}}</a></td><td>{{received}}</td><td>{{channel}}</td><td>{{#standing}}<strong class="tag tag-{{tag}}">{{label}}</strong>{{/standing}}</td><td>{{#subject}}{{#name}}{{.}}{{/name}}{{^name}}<code>{{pseudonym}}</code>{{/name}}{{/subject}}</td></tr>{{/rows}}</tbody>
            </table>
            {{/hasRows}}
            {{^hasRows}}<p class="body">No reports you can see.</p>{{/hasRows}}
            {{#recovered}}<p class="body" id="recovered">The recovery key opened {{.}} report(s) and wrapped them for every current reader.</p>{{/recovered}}
            {{#maySet}}
            <section class="panel" id="recovery-section">
            <h2 class="heading-m">The unit's recovery key</h2>
            <p class="body">Each report is sealed for the readers who held keys when it arrived. If readers lose their keys (a forgotten password reset by an administrator), the recovery key opens every report again. {{#recoveryMade}}It was made {{.}}.{{/recoveryMade}}{{^recoveryMade}}<strong>There is none yet: make one and keep it on paper, locked away.</strong>{{/recoveryMade}}</p>
            {{#waiting}}<p class="body" id="waiting">{{.}} report(s) arrived before anyone had a key and are sealed under the deployment key until a reader signs in.</p>{{/waiting}}
            <h3 class="heading-s">Readers' keys</h3>
            <p class="body">A reader's key is wrapped for only once you approve it. Check the fingerprint with the reader (it is on their own report pages) before approving.</p>
            <table class="table" id="readers"><caption class="visually-hidden">Readers of reports and their keys</caption>
            <thead><tr><th scope="col">Reader</th><th scope="col">Role</th><th scope="col">Key fingerprint</th><th scope="col">State</th><th scope="col"><span class="visually-hidden">Action</span></th></tr></thead>
            <tbody>{{#readers}}<tr><td>{{name}} (<code>{{username}}</code>)</td><td>{{role}}</td><td><code>{{fingerprint}}</code></td><td>{{state}}</td><td>{{#waiting}}<form method="post" action="/reports/readers/{{id}}/approve" class="inline-form"><input type="hidden" name="csrf" value="{{csrf}}"><input type="hidden" name="fingerprint" value="{{fingerprint}}"><button type="submit" class="button button-small button-secondary">Approve<span class="visually-hidden"> {{username}}</span></button></form>{{/waiting}}</td></tr>{{/readers}}</tbody></table>
            <form method="post" action="/reports/recovery-key" novalidate><input type="hidden" name="csrf" value="{{csrf}}">
            {{#recoveryMade}}<div class="form-group{{#replaceError}} form-group-error{{/replaceError}}">{{#replaceError}}<p class="error-message" id="replace-error"><span class="visually-hidden">Error:</span> {{.}}</p>{{/replaceError}}<div class="checkboxes"><div class="checkbox"><input class="checkbox-input" id="replace" name="replace" type="checkbox" value="yes"><label class="label checkbox-label" for="replace">I am replacing the recovery key: the old one will still open the reports it holds, but no new ones</label></div></div></div>{{/recoveryMade}}
            <button type="submit" class="button button-secondary">{{#recoveryMade}}Replace the recovery key{{/recoveryMade}}{{^recoveryMade}}Make the recovery key{{/recoveryMade}}</button></form>
            <form method="post" action="/reports/recover" novalidate>
            <input type="hidden" name="csrf" value="{{csrf}}">
            <div class="form-group{{#recoveryError}} form-group-error{{/recoveryError}}"><label class="label" for="recovery">Use the recovery key: type its 64 characters</label>
            {{#recoveryError}}<p class="error-message" id="recovery-error"><span class="visually-hidden">Error:</span> {{recoveryError}}</p>{{/recoveryError}}
            <input class="input input-width-30" id="recovery" name="recovery" type="password" autocomplete="off" spellcheck="false"></div>
            <button type="submit" class="button button-secondary">Open the reports for current readers</button>
            </form>
            </section>
            <form method="post" action="/reports/settings" class="panel" novalidate>
            <input type="hidden" name="csrf" value="{{csrf}}">
            <h2 class="heading-m">Deadlines and retention</h2>
            {{#settingsError}}<p class="error-message" id="settings-error"><span class="visually-hidden">Error:</span> {{settingsError}}</p>{{/settingsError}}
            <div class="form-group"><label class="label" for="acknowledge">Working days to acknowledge a report (now: {{acknowledgeChanged}})</label><input class="input input-width-10" id="acknowledge" name="acknowledge" type="text" inputmode="numeric" value="{{acknowledge}}"></div>
            <div class="form-group"><label class="label" for="assess">Working days to assess a report (now: {{assessChanged}})</label><input class="input input-width-10" id="assess" name="assess" type="text" inputmode="numeric" value="{{assess}}"></div>
            <div class="form-group"><label class="label" for="retention">Days to keep a closed report before retention deletes it (now: {{retentionChanged}})</label><input class="input input-width-10" id="retention" name="retention" type="text" inputmode="numeric" value="{{retention}}"></div>
            <button type="submit" class="button button-secondary">Save</button>
            </form>
            {{/maySet}}
            """,
        "report": errorSummary + """
            <span class="caption">Report from the portal</span>
            <h1 class="heading-l">{{reference}}</h1>
            <dl class="summary-list">
            <div class="summary-list-row"><dt>Received</dt><dd>{{received}}, {{channel}}</dd></div>
            <div class="summary-list-row"><dt>Where it stands</dt><dd id="report-standing">{{#standing}}<strong class="tag tag-{{tag}}">{{label}}</strong>{{/standing}}</dd></div>
            <div class="summary-list-row"><dt>Acknowledged</dt><dd>{{#acknowledged}}{{.}}{{/acknowledged}}{{^acknowledged}}Not yet{{/acknowledged}}</dd></div>
            <div class="summary-list-row"><dt>Assessed</dt><dd>{{#assessed}}{{.}}{{/assessed}}{{^assessed}}Not yet{{/assessed}}</dd></div>
            <div class="summary-list-row"><dt>Member of staff</dt><dd id="report-subject">{{#subject}}{{#name}}{{.}}{{/name}}{{^name}}<code>{{pseudonym}}</code> (pseudonymised){{/name}}{{/subject}}{{^subject}}Not linked{{/subject}}</dd></div>
            <div class="summary-list-row"><dt>Alerts</dt><dd>{{#alerts}}{{#visible}}<a href="/alerts/{{id}}">Alert {{id}}</a> {{/visible}}{{^visible}}An alert you cannot see {{/visible}}{{/alerts}}{{^alerts}}None linked{{/alerts}}</dd></div>
            <div class="summary-list-row"><dt>Intelligence</dt><dd>{{#intelligence}}<a href="/intelligence/{{intelligenceID}}">{{.}}</a>{{/intelligence}}{{^intelligence}}Not recorded{{/intelligence}}</dd></div>
            </dl>
            {{#sealedNotice}}<div class="panel" id="sealed-notice"><p class="body"><strong>{{.}}</strong></p></div>{{/sealedNotice}}
            {{#partner}}<p class="body" id="report-partner">Sent by {{account}} of <a href="/partners/{{organisationID}}">{{organisation}}</a>, signed in with their partner account.</p>{{/partner}}
            <h2 class="heading-m">What the reporter said</h2>
            <dl class="summary-list" id="answers">{{#answers}}<div class="summary-list-row"><dt>{{label}}</dt><dd class="wrap">{{answer}}</dd></div>{{/answers}}</dl>
            <h2 class="heading-m">Files sent with it</h2>
            {{#attachments}}<p class="body"><a href="/reports/{{reportID}}/attachments/{{id}}" download>Download {{name}}</a> ({{kind}}, {{size}}): opens outside Custodes, on your own machine.</p>{{/attachments}}
            {{^attachments}}<p class="body">None.</p>{{/attachments}}
            {{#assessment}}<h2 class="heading-m">Assessment</h2><div class="record"><p class="body wrap">{{.}}</p></div>{{/assessment}}
            <h2 class="heading-m" id="messages">Messages</h2>
            {{#messages}}<div class="record"><p class="body"><strong>{{#fromReporter}}The reporter{{/fromReporter}}{{^fromReporter}}{{by}} (the unit){{/fromReporter}}</strong>, {{at}}</p><p class="body wrap">{{body}}</p></div>{{/messages}}
            {{^hasMessages}}<p class="body">No messages yet.</p>{{/hasMessages}}
            {{^acknowledged}}<form method="post" action="/reports/{{reportID}}/acknowledge" class="inline-form"><input type="hidden" name="csrf" value="{{csrf}}"><button type="submit" class="button button-secondary">Acknowledge</button></form>{{/acknowledged}}
            <form method="post" action="/reports/{{reportID}}/messages" class="panel" novalidate>
            <input type="hidden" name="csrf" value="{{csrf}}">
            """ + field("reply", "Reply to the reporter (they read it with their receipt)", error: "replyError",
                        input: "<textarea class=\"textarea\" id=\"reply\" name=\"reply\" rows=\"4\">{{form.reply}}</textarea>")
            + """
            <button type="submit" class="button">Send reply</button>
            </form>
            <form method="post" action="/reports/{{reportID}}/assessment" class="panel" novalidate>
            <input type="hidden" name="csrf" value="{{csrf}}">
            """ + field("assessment", "Assessment", error: "assessmentError",
                        input: "<textarea class=\"textarea\" id=\"assessment\" name=\"assessment\" rows=\"3\">{{form.assessment}}</textarea>")
            + """
            <button type="submit" class="button button-secondary">Record assessment</button>
            </form>
            <form method="post" action="/reports/{{reportID}}/subject" class="panel" novalidate>
            <input type="hidden" name="csrf" value="{{csrf}}">
            """ + field("subject", "Member of staff it is about (pseudonym STF-…)", error: "subjectError",
                        input: "<input class=\"input input-width-20\" id=\"subject\" name=\"subject\" type=\"text\" value=\"{{form.subject}}\" spellcheck=\"false\">")
            + """
            <button type="submit" class="button button-secondary">Link member of staff</button>
            </form>
            <form method="post" action="/reports/{{reportID}}/alerts" class="panel" novalidate>
            <input type="hidden" name="csrf" value="{{csrf}}">
            """ + field("alert", "Alert number", error: "alertError",
                        input: "<input class=\"input input-width-10\" id=\"alert\" name=\"alert\" type=\"text\" value=\"{{form.alert}}\">")
            + """
            <button type="submit" class="button button-secondary">Link alert</button>
            </form>
            {{#closed}}<p class="body" id="closed">Closed by {{.}}. It will be deleted {{retentionDays}} days after closing, when the unit next runs retention.</p>{{/closed}}
            {{^closed}}<form method="post" action="/reports/{{reportID}}/close" class="panel" id="close" novalidate>
            <input type="hidden" name="csrf" value="{{csrf}}">
            {{#closeError}}<p class="error-message" id="close-error"><span class="visually-hidden">Error:</span> {{closeError}}</p>{{/closeError}}
            <p class="body">Closing starts the retention period: the report, its messages and files are deleted {{retentionDays}} days later (intelligence recorded from it stays).</p>
            <button type="submit" class="button button-secondary">Close the report</button>
            </form>{{/closed}}
            {{^intelligence}}
            <form method="post" action="/reports/{{reportID}}/intelligence" class="panel" novalidate>
            <input type="hidden" name="csrf" value="{{csrf}}">
            <h2 class="heading-m">Record as intelligence</h2>
            <p class="body">What the reporter wrote becomes the item's original, kept apart; write the sanitised version the rest of the unit will read.</p>
            """ + field("sanitised", "Sanitised version", error: "sanitisedError",
                        input: "<textarea class=\"textarea\" id=\"sanitised\" name=\"sanitised\" rows=\"4\">{{form.sanitised}}</textarea>")
            + """
            <button type="submit" class="button">Record as intelligence</button>
            </form>
            {{/intelligence}}
            """,
        "recovery-key": """
            <h1 class="heading-l">The unit's recovery key</h1>
            <p class="body">Write this down now, check it, and lock it away. It is shown once: Custodes keeps only what checks it, not the key. Whoever holds it can open every report, so keep it as you would the unit's most sensitive file.</p>
            <p class="lead" id="recovery-key"><code>{{key}}</code></p>
            <p class="body">The previous recovery key, if there was one, no longer opens new reports.</p>
            <p class="body"><a href="/reports" class="button">I have written it down</a></p>
            """,
    ]
}
