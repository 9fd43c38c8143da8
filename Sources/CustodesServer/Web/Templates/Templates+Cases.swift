extension Templates {
    /// Safeguarding due or overdue: the first thing on the alert queue and the case list when there is any.
    static let dueSafeguarding = """
        {{#due}}<div class="panel panel-bad" id="due-safeguarding" role="region" aria-labelledby="due-safeguarding-title">
        <h2 class="heading-m" id="due-safeguarding-title">{{count}} safeguarding action{{^single}}s{{/single}} due or overdue</h2>
        <ul class="list">{{#actions}}<li>{{#overdue}}<strong class="tag tag-new">Overdue</strong> {{/overdue}}<a href="/cases/{{caseID}}#safeguarding">{{caseReference}}</a>: {{description}} ({{owner}}, due {{due}})</li>{{/actions}}</ul>
        </div>{{/due}}
        """

    static func field(_ id: String, _ label: String, error: String, hint: String? = nil, input: String) -> String {
        """
        <div class="form-group{{#\(error)}} form-group-error{{/\(error)}}">
        <label class="label" for="\(id)">\(label)</label>
        \(hint.map { "<p class=\"hint\" id=\"\(id)-hint\">\($0)</p>" } ?? "")
        {{#\(error)}}<p id="\(id)-error" class="error-message"><span class="visually-hidden">Error:</span> {{\(error)}}</p>{{/\(error)}}
        \(input)
        </div>
        """
    }

    static let cases: [String: String] = [
        "cases": dueSafeguarding + """
            <h1 class="heading-l">Cases</h1>
            <p class="body"><a class="button" href="/cases/new">Open a case</a></p>
            {{#hasRows}}
            <table class="table">
            <caption class="visually-hidden">Cases, open first, newest first</caption>
            <thead><tr><th scope="col">Case</th><th scope="col">Title</th><th scope="col">Member of staff</th><th scope="col">Status</th><th scope="col">IOPC referral</th><th scope="col">Investigator</th><th scope="col">Opened</th></tr></thead>
            <tbody>{{#rows}}<tr><td><a href="/cases/{{id}}">{{reference}}</a></td><td>{{title}}</td><td>{{#subject}}{{#name}}{{.}}{{/name}}{{^name}}<code>{{pseudonym}}</code>{{/name}}{{/subject}}</td><td><strong class="tag tag-grey">{{statusLabel}}</strong></td><td>{{#referral}}<strong class="tag tag-{{tag}}">{{text}}</strong>{{/referral}}</td><td>{{investigator}}</td><td>{{opened}}</td></tr>
            {{/rows}}</tbody>
            </table>
            {{/hasRows}}
            {{^hasRows}}<p class="body">No cases you can see.</p>{{/hasRows}}
            """,
        "case-new": errorSummary + """
            <h1 class="heading-l">Open a case</h1>
            <form method="post" action="/cases" novalidate>
            <input type="hidden" name="csrf" value="{{csrf}}">
            {{#alert}}<input type="hidden" name="alert" value="{{.}}"><p class="body">From <a class="link" href="/alerts/{{.}}">alert {{.}}</a>: the case is about its member of staff.</p>{{/alert}}
            {{#intelligence}}<input type="hidden" name="intelligence" value="{{.}}"><p class="body">From <a class="link" href="/intelligence/{{.}}">intelligence item {{.}}</a>.</p>{{/intelligence}}
            """ + field("title", "Title", error: "titleError",
                        input: "<input class=\"input\" id=\"title\" name=\"title\" type=\"text\" value=\"{{title}}\">")
            + field("subject", "Member of staff the case is about", error: "subjectError",
                    hint: "Their pseudonym (STF-…); the head of unit may also give a collar number. Others see the pseudonym until they reveal who it is.",
                    input: "<input class=\"input input-width-20\" id=\"subject\" name=\"subject\" type=\"text\" value=\"{{subject}}\" spellcheck=\"false\" aria-describedby=\"subject-hint\">")
            + """
            <div class="form-group{{#apspError}} form-group-error{{/apspError}}">
            <fieldset class="fieldset"><legend class="fieldset-legend">Is this abuse of position for a sexual purpose?</legend>
            <p class="hint">If yes, the matter must be referred to the IOPC by the end of the day after it became clear, and the case cannot pass assessment until it is.</p>
            {{#apspError}}<p id="apsp-error" class="error-message"><span class="visually-hidden">Error:</span> {{apspError}}</p>{{/apspError}}
            <div class="radios"><div class="radio"><input class="radio-input" id="apsp-yes" name="apsp" type="radio" value="yes"{{#apspYes}} checked{{/apspYes}}><label class="label radio-label" for="apsp-yes">Yes</label></div>
            <div class="radio"><input class="radio-input" id="apsp-no" name="apsp" type="radio" value="no"{{#apspNo}} checked{{/apspNo}}><label class="label radio-label" for="apsp-no">No</label></div></div>
            </fieldset></div>
            """ + field("became_clear_on", "Day it became clear the matter must be referred (YYYY-MM-DD)", error: "becameClearError",
                        input: "<input class=\"input input-width-10\" id=\"became_clear_on\" name=\"became_clear_on\" type=\"text\" value=\"{{becameClearOn}}\">")
            + """
            {{^mayAssign}}<p class="body">The head of unit will assign an investigator.</p>{{/mayAssign}}
            {{#mayAssign}}<div class="form-group{{#investigatorError}} form-group-error{{/investigatorError}}"><label class="label" for="investigator">Investigator</label>
            {{#investigatorError}}<p id="investigator-error" class="error-message"><span class="visually-hidden">Error:</span> {{investigatorError}}</p>{{/investigatorError}}
            <select class="select" id="investigator" name="investigator"><option value="">Choose later</option>{{#investigators}}<option value="{{username}}"{{#selected}} selected{{/selected}}>{{displayName}} ({{roleTitle}})</option>{{/investigators}}</select></div>{{/mayAssign}}
            <button type="submit" class="button">Open case</button>
            </form>
            """,
        "case": errorSummary + caseSummary + caseSafeguarding + caseDecisions + caseWork,
        "case-file": """
            <p class="caption">OFFICIAL-SENSITIVE. Case file exported {{exported}}.</p>
            <h1 class="heading-l">{{reference}}: {{title}}</h1>
            <dl class="summary-list">
            <div class="summary-list-row"><dt>Member of staff</dt><dd>{{#subject}}{{#name}}{{.}} ({{pseudonym}}){{/name}}{{^name}}{{pseudonym}} (pseudonymised){{/name}}{{/subject}}</dd></div>
            <div class="summary-list-row"><dt>Status</dt><dd>{{status}}</dd></div>
            <div class="summary-list-row"><dt>Investigator and supervisor</dt><dd>{{investigator}}; {{supervisor}}</dd></div>
            <div class="summary-list-row"><dt>Abuse of position for a sexual purpose</dt><dd>{{#apsp}}Yes; became clear {{becameClearOn}}{{/apsp}}{{^apsp}}No{{/apsp}}</dd></div>
            <div class="summary-list-row"><dt>IOPC referral</dt><dd>{{#referral}}{{text}}{{/referral}}</dd></div>
            <div class="summary-list-row"><dt>Outcome</dt><dd>{{#outcome}}{{title}}, {{on}}: {{rationale}}{{/outcome}}{{^outcome}}None yet{{/outcome}}</dd></div>
            </dl>
            <h2 class="heading-m">People at risk and safeguarding</h2>
            <ul class="list">{{#victims}}<li><strong>{{person}}</strong>: {{risk}} risk; {{consent}}; supported by {{organisation}}. {{description}}</li>{{/victims}}</ul>
            <table class="table"><caption class="visually-hidden">Actions</caption><thead><tr><th scope="col">Action</th><th scope="col">For</th><th scope="col">Owner</th><th scope="col">Due</th><th scope="col">Status</th></tr></thead>
            <tbody>{{#actions}}<tr><td>{{kind}}: {{description}}</td><td>{{for}}</td><td>{{owner}}</td><td>{{due}}</td><td>{{status}}</td></tr>{{/actions}}</tbody></table>
            <h2 class="heading-m">Alerts</h2>
            {{#alerts}}<div class="record"><p class="body"><strong>Alert {{id}}</strong>, opened {{opened}}, risk {{score}}</p><p class="body">{{why}}</p></div>{{/alerts}}
            <h2 class="heading-m">Graded intelligence (sanitised)</h2>
            {{#intelligence}}<div class="record"><p class="body"><strong>{{reference}}</strong> {{grading}}{{#conditions}}, conditions: {{.}}{{/conditions}}; {{source}}, recorded {{recorded}}</p><p class="body wrap">{{text}}</p></div>{{/intelligence}}
            <h2 class="heading-m">Timeline</h2>
            <table class="table"><caption class="visually-hidden">Everything on the case, oldest first</caption><thead><tr><th scope="col">When</th><th scope="col">What</th><th scope="col">By</th></tr></thead>
            <tbody>{{#timeline}}<tr><td>{{at}}</td><td>{{what}}</td><td>{{by}}</td></tr>{{/timeline}}</tbody></table>
            <p class="caption">OFFICIAL-SENSITIVE. Do not copy outside the case without the head of unit's consent.</p>
            """,
    ]

    static let caseSummary = """
        <span class="caption">Case{{#apsp}}: abuse of position for a sexual purpose{{/apsp}}</span>
        <h1 class="heading-l">{{reference}}: {{title}}</h1>
        <dl class="summary-list">
        <div class="summary-list-row"><dt>Member of staff</dt><dd id="subject">{{#subject}}{{#name}}<strong>{{.}}</strong> (<a href="/staff/{{pseudonym}}">profile</a>){{/name}}{{^name}}<code>{{pseudonym}}</code> (pseudonymised){{/name}}{{/subject}}</dd></div>
        <div class="summary-list-row"><dt>Status</dt><dd id="case-status"><strong class="tag tag-grey">{{statusLabel}}</strong></dd></div>
        <div class="summary-list-row"><dt>IOPC referral</dt><dd id="referral-standing">{{#referral}}<strong class="tag tag-{{tag}}">{{text}}</strong>{{/referral}}{{#becameClearOn}} (became clear {{.}}){{/becameClearOn}}</dd></div>
        <div class="summary-list-row"><dt>Investigator</dt><dd>{{#investigator}}{{.}}{{/investigator}}{{^investigator}}Nobody yet{{/investigator}}</dd></div>
        <div class="summary-list-row"><dt>Supervisor</dt><dd>{{#supervisor}}{{.}}{{/supervisor}}{{^supervisor}}Nobody yet{{/supervisor}}</dd></div>
        <div class="summary-list-row"><dt>Opened</dt><dd>{{opened}}</dd></div>
        <div class="summary-list-row"><dt>Outcome</dt><dd id="outcome-summary">{{#outcome}}<strong>{{title}}</strong>, {{on}}: {{rationale}}{{/outcome}}{{^outcome}}None yet{{/outcome}}{{#closeReason}}<br>Closed with safeguarding open: {{.}}{{/closeReason}}</dd></div>
        </dl>
        <p class="body"><a class="link" href="/cases/{{caseID}}/file">Case file (printable; recorded in the audit trail)</a></p>
        {{#mayReveal}}
        <form method="post" action="/cases/{{caseID}}/reveal" class="panel" novalidate>
        <input type="hidden" name="csrf" value="{{csrf}}">
        <div class="form-group{{#revealError}} form-group-error{{/revealError}}"><label class="label" for="reveal-reason">Reason for revealing the member of staff</label>
        {{#revealError}}<p id="reveal-reason-error" class="error-message"><span class="visually-hidden">Error:</span> {{revealError}}</p>{{/revealError}}
        <textarea class="textarea" id="reveal-reason" name="reveal_reason" rows="2">{{form.reveal_reason}}</textarea></div>
        <button type="submit" class="button button-warning">Reveal identity</button>
        </form>
        {{/mayReveal}}
        """

    static let caseSafeguarding = """
        <h2 class="heading-m" id="safeguarding">People at risk and safeguarding</h2>
        {{#hasVictims}}<table class="table"><caption class="visually-hidden">People at risk</caption>
        <thead><tr><th scope="col">Person</th><th scope="col">Risk</th><th scope="col">Supporting organisation</th><th scope="col">Contact</th><th scope="col">Plan</th><th scope="col">About</th></tr></thead>
        <tbody>{{#victims}}<tr><td>{{person}}</td><td>{{risk}}</td><td>{{organisation}}</td><td>{{consent}}</td><td>{{plan}}</td><td>{{description}}</td></tr>{{/victims}}</tbody></table>
        {{#victims}}<form method="post" action="/cases/{{caseID}}/victims/{{id}}" class="inline-form">
        <input type="hidden" name="csrf" value="{{csrf}}">
        <span class="body">Update the plan for {{person}}:</span>
        <label class="label" for="risk-{{id}}">Risk</label> <select class="select" id="risk-{{id}}" name="risk_level">{{#riskChoices}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/riskChoices}}</select>
        <label class="label" for="consent-{{id}}">Contact</label> <select class="select" id="consent-{{id}}" name="consent">{{#consentChoices}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/consentChoices}}</select>
        <label class="label" for="organisation-{{id}}">Organisation</label> <input class="input input-width-20" id="organisation-{{id}}" name="organisation" type="text" value="{{organisationValue}}">
        <button type="submit" class="button button-small button-secondary">Update plan</button>
        </form>{{/victims}}{{/hasVictims}}
        {{^hasVictims}}<p class="body">No person at risk recorded yet.</p>{{/hasVictims}}
        {{^hasSafeguarding}}<p class="body">No safeguarding action recorded yet.</p>{{/hasSafeguarding}}
        {{#hasSafeguarding}}<table class="table" id="safeguarding-actions"><caption class="visually-hidden">Safeguarding actions</caption>
        <thead><tr><th scope="col">Safeguarding action</th><th scope="col">For</th><th scope="col">Owner</th><th scope="col">Due</th><th scope="col">Status</th></tr></thead>
        <tbody>{{#safeguarding}}<tr><td>{{description}}</td><td>{{#for}}{{.}}{{/for}}</td><td>{{owner}}</td><td>{{due}}{{#overdue}} <strong class="tag tag-new">Overdue</strong>{{/overdue}}</td><td>{{#open}}<form method="post" action="/cases/{{caseID}}/actions/{{id}}/finish" class="inline-form"><input type="hidden" name="csrf" value="{{csrf}}"><label class="visually-hidden" for="finish-note-{{id}}">Note on finishing this action</label><input class="input input-width-20" id="finish-note-{{id}}" name="finish_note" type="text" placeholder="Note (optional)"> <button type="submit" name="finish_status" value="done" class="button button-small">Done</button> <button type="submit" name="finish_status" value="cancelled" class="button button-small button-secondary">Cancel action</button></form>{{/open}}{{^open}}{{status}}{{#finished}} ({{.}}){{/finished}}{{/open}}</td></tr>{{/safeguarding}}</tbody></table>{{/hasSafeguarding}}
        """

    static let caseDecisions = """
        <h2 class="heading-m" id="timeline">Timeline</h2>
        <table class="table"><caption class="visually-hidden">Everything on the case, oldest first</caption>
        <thead><tr><th scope="col">When</th><th scope="col">What</th><th scope="col">By</th></tr></thead>
        <tbody>{{#timeline}}<tr><td>{{at}}</td><td>{{what}}</td><td>{{by}}</td></tr>{{/timeline}}</tbody></table>
        <h2 class="heading-m" id="tasks">Tasks</h2>
        {{^hasTasks}}<p class="body">No tasks.</p>{{/hasTasks}}
        {{#hasTasks}}<table class="table"><caption class="visually-hidden">Tasks</caption>
        <thead><tr><th scope="col">Task</th><th scope="col">Owner</th><th scope="col">Due</th><th scope="col">Status</th></tr></thead>
        <tbody>{{#tasks}}<tr><td>{{description}}</td><td>{{owner}}</td><td>{{due}}{{#overdue}} <strong class="tag tag-new">Overdue</strong>{{/overdue}}</td><td>{{#open}}<form method="post" action="/cases/{{caseID}}/actions/{{id}}/finish" class="inline-form"><input type="hidden" name="csrf" value="{{csrf}}"><label class="visually-hidden" for="finish-note-{{id}}">Note on finishing this action</label><input class="input input-width-20" id="finish-note-{{id}}" name="finish_note" type="text" placeholder="Note (optional)"> <button type="submit" name="finish_status" value="done" class="button button-small">Done</button> <button type="submit" name="finish_status" value="cancelled" class="button button-small button-secondary">Cancel action</button></form>{{/open}}{{^open}}{{status}}{{#finished}} ({{.}}){{/finished}}{{/open}}</td></tr>{{/tasks}}</tbody></table>{{/hasTasks}}
        <h2 class="heading-m">Severity assessment</h2>
        {{#assessments}}<div class="record"><p class="body"><strong>{{severity}}</strong>, {{proceedings}}: by {{by}}, {{at}}</p><p class="body">{{rationale}}</p></div>{{/assessments}}
        {{^assessments}}<p class="body">Not assessed yet.</p>{{/assessments}}
        <h2 class="heading-m">Interim measures</h2>
        {{#measures}}<div class="record"><p class="body"><strong>{{kind}}</strong> from {{started}}, review {{review}}{{#reviewDue}} <strong class="tag tag-new">Review due</strong>{{/reviewDue}}{{#ended}}, ended {{.}}{{/ended}}</p><p class="body">{{rationale}}</p>
        {{^ended}}<form method="post" action="/cases/{{caseID}}/measures/{{id}}/end" class="inline-form"><input type="hidden" name="csrf" value="{{csrf}}"><label class="label" for="ended-{{id}}">Ended on (YYYY-MM-DD)</label> <input class="input input-width-10" id="ended-{{id}}" name="ended_on" type="text" value="{{today}}"> <button type="submit" class="button button-small button-secondary">End measure</button></form>{{/ended}}</div>{{/measures}}
        {{^measures}}<p class="body">None.</p>{{/measures}}
        <h2 class="heading-m">IOPC referral</h2>
        {{#referrals}}<div class="record"><p class="body"><strong>{{decision}}</strong>{{#sent}}, sent {{.}}{{/sent}}{{#reference}}, IOPC reference {{.}}{{/reference}}{{#mode}}; IOPC decided: {{.}}{{#decidedOn}} on {{.}}{{/decidedOn}}{{/mode}}. By {{by}}, {{at}}</p><p class="body">{{rationale}}</p></div>{{/referrals}}
        {{^referrals}}<p class="body">No referral decision recorded.</p>{{/referrals}}
        <h2 class="heading-m">Notes</h2>
        {{#notes}}<div class="record"><p class="body"><strong>{{by}}</strong>, {{at}}</p><p class="body wrap">{{body}}</p></div>{{/notes}}
        """

    static let caseWork = """
        <h2 class="heading-m">Record</h2>
        """ + caseForm("victims", "Add a person at risk", button: "Add person at risk", body: """
        """ + field("person", "Person (pseudonym from an alert, or how the case knows them)", error: "personError",
                    input: "<input class=\"input\" id=\"person\" name=\"person\" type=\"text\" value=\"{{form.person}}\">")
        + field("victim-description", "About them", error: "victimError",
                input: "<textarea class=\"textarea\" id=\"victim-description\" name=\"victim_description\" rows=\"2\">{{form.victim_description}}</textarea>")
        + """
        <div class="form-group inline"><label class="label" for="risk_level">Risk</label><select class="select" id="risk_level" name="risk_level">{{#riskLevels}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/riskLevels}}</select></div>
        <div class="form-group inline"><label class="label" for="consent">Consent to contact</label><select class="select" id="consent" name="consent">{{#consents}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/consents}}</select></div>
        <div class="form-group"><label class="label" for="organisation">Organisation supporting them (optional)</label><input class="input" id="organisation" name="organisation" type="text" value="{{form.organisation}}"></div>
        """)
        + caseForm("actions", "Add a safeguarding action or task", button: "Add action", body: """
        <div class="form-group inline"><label class="label" for="kind">Kind</label><select class="select" id="kind" name="kind">{{#actionKinds}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/actionKinds}}</select></div>
        <div class="form-group inline"><label class="label" for="victim">For (optional)</label><select class="select" id="victim" name="victim"><option value="">Nobody in particular</option>{{#victimChoices}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/victimChoices}}</select></div>
        """ + field("action-description", "What is to be done", error: "actionError",
                    input: "<textarea class=\"textarea\" id=\"action-description\" name=\"action_description\" rows=\"2\">{{form.action_description}}</textarea>")
        + field("owner", "Owner", error: "ownerError",
                input: "<input class=\"input input-width-20\" id=\"owner\" name=\"owner\" type=\"text\" value=\"{{form.owner}}\">")
        + field("due_on", "Due (YYYY-MM-DD)", error: "dueError",
                input: "<input class=\"input input-width-10\" id=\"due_on\" name=\"due_on\" type=\"text\" value=\"{{form.due_on}}\">"))
        + caseForm("links", "Link an alert or intelligence item", button: "Add link", body: field(
            "case-link", "Alert number or intelligence reference (INT-…)", error: "linkError",
            input: "<input class=\"input input-width-20\" id=\"case-link\" name=\"target\" type=\"text\" value=\"{{form.target}}\" spellcheck=\"false\">"))
        + caseForm("notes", "Add a note", button: "Add note", body: field("note", "Note", error: "noteError",
            input: "<textarea class=\"textarea\" id=\"note\" name=\"note_body\" rows=\"3\">{{form.note_body}}</textarea>"))
        + caseForm("referrals", "Record the IOPC referral decision", button: "Record referral decision", body: """
        <div class="form-group{{#referralError}} form-group-error{{/referralError}}"><fieldset class="fieldset"><legend class="fieldset-legend">Decision</legend>
        {{#referralError}}<p id="decision-error" class="error-message"><span class="visually-hidden">Error:</span> {{referralError}}</p>{{/referralError}}
        <div class="radios">{{#referralDecisions}}<div class="radio"><input class="radio-input" id="decision-{{value}}" name="decision" type="radio" value="{{value}}"{{#checked}} checked{{/checked}}><label class="label radio-label" for="decision-{{value}}">{{label}}</label></div>{{/referralDecisions}}</div></fieldset></div>
        """ + field("sent_on", "Day the referral was sent (YYYY-MM-DD)", error: "referralDateError",
                    input: "<input class=\"input input-width-10\" id=\"sent_on\" name=\"sent_on\" type=\"text\" value=\"{{form.sent_on}}\">")
        + """
        <div class="form-group"><label class="label" for="iopc_reference">IOPC reference (optional)</label><input class="input input-width-20" id="iopc_reference" name="iopc_reference" type="text" value="{{form.iopc_reference}}"></div>
        """ + field("referral-rationale", "Rationale", error: "referralRationaleError",
                    input: "<textarea class=\"textarea\" id=\"referral-rationale\" name=\"referral_rationale\" rows=\"2\">{{form.referral_rationale}}</textarea>"))
        + "{{#hasReferral}}" + caseForm("iopc-decision", "Record the IOPC's decision on the mode of investigation",
                                         button: "Record IOPC decision", body: """
        <div class="form-group inline{{#iopcError}} form-group-error{{/iopcError}}"><label class="label" for="mode">Mode</label>
        {{#iopcError}}<p id="mode-error" class="error-message"><span class="visually-hidden">Error:</span> {{iopcError}}</p>{{/iopcError}}
        <select class="select" id="mode" name="mode">{{#iopcModes}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/iopcModes}}</select></div>
        <div class="form-group inline"><label class="label" for="iopc-decided">Decided on (YYYY-MM-DD)</label><input class="input input-width-10" id="iopc-decided" name="decided_on" type="text" value="{{form.decided_on}}"></div>
        """) + "{{/hasReferral}}"
        + caseForm("assessments", "Record the severity assessment", button: "Record assessment", body: """
        <div class="form-group{{#assessmentError}} form-group-error{{/assessmentError}}"><fieldset class="fieldset"><legend class="fieldset-legend">Severity</legend>
        {{#assessmentError}}<p id="severity-error" class="error-message"><span class="visually-hidden">Error:</span> {{assessmentError}}</p>{{/assessmentError}}
        <div class="radios">{{#severities}}<div class="radio"><input class="radio-input" id="severity-{{value}}" name="severity" type="radio" value="{{value}}"{{#checked}} checked{{/checked}}><label class="label radio-label" for="severity-{{value}}">{{label}}</label></div>{{/severities}}</div></fieldset></div>
        <div class="form-group"><fieldset class="fieldset"><legend class="fieldset-legend">Proceedings</legend>
        <div class="radios">{{#proceedingsChoices}}<div class="radio"><input class="radio-input" id="proceedings-{{value}}" name="proceedings" type="radio" value="{{value}}"{{#checked}} checked{{/checked}}><label class="label radio-label" for="proceedings-{{value}}">{{label}}</label></div>{{/proceedingsChoices}}</div></fieldset></div>
        """ + field("assessment-rationale", "Rationale", error: "assessmentRationaleError",
                    input: "<textarea class=\"textarea\" id=\"assessment-rationale\" name=\"assessment_rationale\" rows=\"2\">{{form.assessment_rationale}}</textarea>"))
        + caseForm("measures", "Add an interim measure", button: "Add measure", body: """
        {{#measureError}}<p id="measure-error" class="error-message"><span class="visually-hidden">Error:</span> {{measureError}}</p>{{/measureError}}
        <div class="form-group inline"><label class="label" for="measure">Measure</label><select class="select" id="measure" name="measure">{{#measureKinds}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/measureKinds}}</select></div>
        <div class="form-group inline"><label class="label" for="measure-started">From (YYYY-MM-DD)</label><input class="input input-width-10" id="measure-started" name="started_on" type="text" value="{{form.started_on}}"></div>
        <div class="form-group inline"><label class="label" for="review_on">Review on (YYYY-MM-DD)</label><input class="input input-width-10" id="review_on" name="review_on" type="text" value="{{form.review_on}}"></div>
        <div class="form-group"><label class="label" for="measure-rationale">Rationale</label><textarea class="textarea" id="measure-rationale" name="measure_rationale" rows="2">{{form.measure_rationale}}</textarea></div>
        """)
        + caseForm("outcome", "Record the outcome", button: "Record outcome", body: """
        """ + field("outcome", "Outcome", error: "outcomeError",
                    input: "<select class=\"select\" id=\"outcome\" name=\"outcome\"><option value=\"\">Choose</option>{{#outcomes}}<option value=\"{{value}}\"{{#selected}} selected{{/selected}}>{{label}}</option>{{/outcomes}}</select>")
        + field("outcome_on", "Day of the outcome (YYYY-MM-DD)", error: "outcomeDateError",
                input: "<input class=\"input input-width-10\" id=\"outcome_on\" name=\"outcome_on\" type=\"text\" value=\"{{form.outcome_on}}\">")
        + field("outcome-rationale", "Rationale", error: "outcomeRationaleError",
                input: "<textarea class=\"textarea\" id=\"outcome-rationale\" name=\"outcome_rationale\" rows=\"2\">{{form.outcome_rationale}}</textarea>"))
        + caseForm("status", "Change the status", button: "Change status", body: """
        <div class="form-group"><fieldset class="fieldset"><legend class="fieldset-legend">New status</legend>
        <div class="radios">{{#statuses}}<div class="radio"><input class="radio-input" id="status-{{value}}" name="status" type="radio" value="{{value}}"{{#checked}} checked{{/checked}}><label class="label radio-label" for="status-{{value}}">{{label}}</label></div>{{/statuses}}</div></fieldset></div>
        """ + field("status-rationale", "Rationale", error: "statusError",
                    input: "<textarea class=\"textarea\" id=\"status-rationale\" name=\"status_rationale\" rows=\"2\">{{form.status_rationale}}</textarea>")
        + field("close_reason", "Closing with safeguarding actions still open: why (only then)", error: "closeReasonError",
                input: "<textarea class=\"textarea\" id=\"close_reason\" name=\"close_reason\" rows=\"2\">{{form.close_reason}}</textarea>"))
        + "{{#mayAssign}}" + caseForm("assign", "Assign", button: "Assign", body: """
        {{#assignError}}<p id="case-investigator-error" class="error-message"><span class="visually-hidden">Error:</span> {{assignError}}</p>{{/assignError}}
        <div class="form-group inline"><label class="label" for="case-investigator">Investigator</label><select class="select" id="case-investigator" name="investigator"><option value="">Nobody</option>{{#workers}}<option value="{{username}}"{{#selected}} selected{{/selected}}>{{displayName}} ({{roleTitle}})</option>{{/workers}}</select></div>
        <div class="form-group inline"><label class="label" for="case-supervisor">Supervisor</label><select class="select" id="case-supervisor" name="supervisor"><option value="">Nobody</option>{{#supervisors}}<option value="{{username}}"{{#selected}} selected{{/selected}}>{{displayName}} ({{roleTitle}})</option>{{/supervisors}}</select></div>
        """) + "{{/mayAssign}}"

    /// One of the case page's forms, posting to `/cases/{id}/<path>`, inside a panel with its own heading.
    static func caseForm(_ path: String, _ heading: String, button: String, body: String) -> String {
        """
        <form method="post" action="/cases/{{caseID}}/\(path)" class="panel" id="form-\(path)" novalidate>
        <input type="hidden" name="csrf" value="{{csrf}}">
        <h3 class="heading-m">\(heading)</h3>
        \(body)
        <button type="submit" class="button button-secondary">\(button)</button>
        </form>
        """
    }
}
