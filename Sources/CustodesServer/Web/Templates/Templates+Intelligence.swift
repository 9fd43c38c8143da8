extension Templates {
    static let intelligence: [String: String] = [
        "intelligence-log": """
            <h1 class="heading-l">Intelligence</h1>
            <p class="body"><a class="button" href="/intelligence/new">Record intelligence</a>{{#mayExport}} <a class="button button-secondary" href="/intelligence.json">Export graded items (JSON, sanitised)</a>{{/mayExport}}</p>
            <p class="body" id="result-count">{{total}} item{{^single}}s{{/single}}, page {{page}} of {{pages}}.</p>
            {{#hasRows}}
            <table class="table">
            <caption class="visually-hidden">Intelligence items, newest first</caption>
            <thead><tr><th scope="col">Item</th><th scope="col">Recorded</th><th scope="col">Source</th><th scope="col">Grading</th><th scope="col">Member of staff</th><th scope="col">Sanitised text</th></tr></thead>
            <tbody>
            {{#rows}}<tr><td><a href="/intelligence/{{id}}">{{reference}}</a></td><td>{{recorded}}</td><td>{{source}}</td><td>{{#grading}}<strong class="tag">{{.}}</strong>{{/grading}}{{^grading}}<strong class="tag tag-new">Not graded</strong>{{/grading}}</td><td>{{#subject}}{{#name}}{{.}}{{/name}}{{^name}}<code>{{pseudonym}}</code>{{/name}}{{/subject}}</td><td>{{excerpt}}</td></tr>
            {{/rows}}
            </tbody>
            </table>
            {{/hasRows}}
            <nav class="pagination" aria-label="Pages">{{#previous}}<a href="{{.}}" rel="prev">Previous page</a>{{/previous}} {{#next}}<a href="{{.}}" rel="next">Next page</a>{{/next}}</nav>
            """,
        "intelligence-new": errorSummary + """
            <h1 class="heading-l">Record intelligence</h1>
            <form method="post" action="/intelligence" novalidate>
            <input type="hidden" name="csrf" value="{{csrf}}">
            {{#alert}}<input type="hidden" name="alert" value="{{.}}"><p class="body">From <a class="link" href="/alerts/{{.}}">alert {{.}}</a>: the item is linked to it and to its member of staff.</p>{{/alert}}
            <div class="form-group{{#sourceKindError}} form-group-error{{/sourceKindError}}">
            <fieldset class="fieldset"><legend class="fieldset-legend">Where did it come from?</legend>
            {{#sourceKindError}}<p id="source_kind-error" class="error-message"><span class="visually-hidden">Error:</span> {{sourceKindError}}</p>{{/sourceKindError}}
            <div class="radios">{{#sourceKinds}}<div class="radio"><input class="radio-input" id="source_kind-{{value}}" name="source_kind" type="radio" value="{{value}}"{{#checked}} checked{{/checked}}><label class="label radio-label" for="source_kind-{{value}}">{{label}}</label></div>{{/sourceKinds}}</div>
            </fieldset>
            </div>
            <div class="form-group{{#sourceDescriptionError}} form-group-error{{/sourceDescriptionError}}">
            <label class="label" for="source_description">Who or what the source is</label>
            <p class="hint" id="source_description-hint">Every reader of the log sees this: describe the source without identifying a person who asked not to be named, for example "a colleague at a north station".</p>
            {{#sourceDescriptionError}}<p id="source_description-error" class="error-message"><span class="visually-hidden">Error:</span> {{sourceDescriptionError}}</p>{{/sourceDescriptionError}}
            <input class="input" id="source_description" name="source_description" type="text" value="{{sourceDescription}}" aria-describedby="source_description-hint{{#sourceDescriptionError}} source_description-error{{/sourceDescriptionError}}">
            </div>
            <div class="form-group{{#originalError}} form-group-error{{/originalError}}">
            <label class="label" for="original">The intelligence as received</label>
            <p class="hint" id="original-hint">Kept apart from the log. Only the head of unit and you can read it, and every reading is recorded in the audit trail.</p>
            {{#originalError}}<p id="original-error" class="error-message"><span class="visually-hidden">Error:</span> {{originalError}}</p>{{/originalError}}
            <textarea class="textarea" id="original" name="original" rows="6" aria-describedby="original-hint{{#originalError}} original-error{{/originalError}}">{{original}}</textarea>
            </div>
            <div class="form-group{{#sanitisedError}} form-group-error{{/sanitisedError}}">
            <label class="label" for="sanitised">Sanitised version</label>
            <p class="hint" id="sanitised-hint">What the rest of the unit reads: what is known, when and where, with nothing that could identify the source.</p>
            {{#sanitisedError}}<p id="sanitised-error" class="error-message"><span class="visually-hidden">Error:</span> {{sanitisedError}}</p>{{/sanitisedError}}
            <textarea class="textarea" id="sanitised" name="sanitised" rows="6" aria-describedby="sanitised-hint{{#sanitisedError}} sanitised-error{{/sanitisedError}}">{{sanitised}}</textarea>
            </div>
            <div class="form-group"><label class="label" for="organisation">Organisation it came from (partner register, optional)</label>
            <select class="select" id="organisation" name="organisation"><option value="">None</option>{{#organisations}}<option value="{{id}}"{{#selected}} selected{{/selected}}>{{name}}</option>{{/organisations}}</select></div>
            {{^alert}}
            <div class="form-group{{#subjectError}} form-group-error{{/subjectError}}">
            <label class="label" for="subject">Member of staff it is about (optional)</label>
            <p class="hint" id="subject-hint">Their pseudonym as alerts show it (STF-…); the head of unit may also give a collar number. Others see the pseudonym until they reveal who it is.</p>
            {{#subjectError}}<p id="subject-error" class="error-message"><span class="visually-hidden">Error:</span> {{subjectError}}</p>{{/subjectError}}
            <input class="input input-width-20" id="subject" name="subject" type="text" value="{{subject}}" spellcheck="false" aria-describedby="subject-hint{{#subjectError}} subject-error{{/subjectError}}">
            </div>
            {{/alert}}
            <button type="submit" class="button">Record intelligence</button>
            </form>
            """,
        "intelligence-item": errorSummary + """
            <span class="caption">Intelligence</span>
            <h1 class="heading-l">{{reference}}</h1>
            <dl class="summary-list">
            <div class="summary-list-row"><dt>Source</dt><dd>{{source}}: {{sourceDescription}}</dd></div>
            <div class="summary-list-row"><dt>Recorded</dt><dd>{{recorded}} by {{recordedBy}}</dd></div>
            <div class="summary-list-row"><dt>Member of staff</dt><dd id="subject">{{#subject}}{{#name}}<strong>{{.}}</strong> (<a href="/staff/{{pseudonym}}">profile</a>){{/name}}{{^name}}<code>{{pseudonym}}</code> (pseudonymised){{/name}}{{/subject}}{{^subject}}Not recorded{{/subject}}</dd></div>
            <div class="summary-list-row"><dt>Grading</dt><dd id="grading">{{#grading}}<strong class="tag">{{code}}</strong> {{source}}; {{assessment}}; {{handling}}{{#conditions}}. Conditions: {{.}}{{/conditions}} (graded by {{by}}, {{at}}; Admiralty {{admiralty}}, {{tlp}}){{/grading}}{{^grading}}<strong class="tag tag-new">Not graded</strong>: it cannot be shared until it is{{/grading}}</dd></div>
            </dl>
            <p class="body"><a class="link" href="/cases/new?intelligence={{id}}">Open a case from this item</a></p>
            <h2 class="heading-m">Sanitised text</h2>
            <div class="record"><p class="body wrap" id="sanitised">{{sanitised}}</p></div>
            {{#original}}<h2 class="heading-m">The intelligence as received</h2>
            <div class="panel panel-bad"><p class="body">Your reading of the original is recorded in the audit trail. Do not copy it into other records.</p><p class="body wrap" id="original">{{.}}</p></div>{{/original}}
            {{#mayReadOriginal}}<form method="post" action="/intelligence/{{id}}/original" class="inline-form">
            <input type="hidden" name="csrf" value="{{csrf}}">
            <button type="submit" class="button button-warning">Read the original (recorded in the audit trail)</button>
            </form>{{/mayReadOriginal}}
            {{#mayGrade}}
            <form method="post" action="/intelligence/{{id}}/grading" class="panel" novalidate>
            <input type="hidden" name="csrf" value="{{csrf}}">
            <h2 class="heading-m">{{#regrade}}Change the grading{{/regrade}}{{^regrade}}Grade this item (3x5x2){{/regrade}}</h2>
            <div class="form-group{{#sourceEvaluationError}} form-group-error{{/sourceEvaluationError}}">
            <fieldset class="fieldset"><legend class="fieldset-legend">Source evaluation</legend>
            {{#sourceEvaluationError}}<p id="source_evaluation-error" class="error-message"><span class="visually-hidden">Error:</span> {{sourceEvaluationError}}</p>{{/sourceEvaluationError}}
            <div class="radios">{{#sourceEvaluations}}<div class="radio"><input class="radio-input" id="source_evaluation-{{value}}" name="source_evaluation" type="radio" value="{{value}}"{{#checked}} checked{{/checked}}><label class="label radio-label" for="source_evaluation-{{value}}">{{label}}</label></div>{{/sourceEvaluations}}</div>
            </fieldset></div>
            <div class="form-group{{#assessmentError}} form-group-error{{/assessmentError}}">
            <fieldset class="fieldset"><legend class="fieldset-legend">Intelligence assessment</legend>
            {{#assessmentError}}<p id="intelligence_assessment-error" class="error-message"><span class="visually-hidden">Error:</span> {{assessmentError}}</p>{{/assessmentError}}
            <div class="radios">{{#assessments}}<div class="radio"><input class="radio-input" id="intelligence_assessment-{{value}}" name="intelligence_assessment" type="radio" value="{{value}}"{{#checked}} checked{{/checked}}><label class="label radio-label" for="intelligence_assessment-{{value}}">{{label}}</label></div>{{/assessments}}</div>
            </fieldset></div>
            <div class="form-group{{#handlingError}} form-group-error{{/handlingError}}">
            <fieldset class="fieldset"><legend class="fieldset-legend">Handling code</legend>
            {{#handlingError}}<p id="handling_code-error" class="error-message"><span class="visually-hidden">Error:</span> {{handlingError}}</p>{{/handlingError}}
            <div class="radios">{{#handlingCodes}}<div class="radio"><input class="radio-input" id="handling_code-{{value}}" name="handling_code" type="radio" value="{{value}}"{{#checked}} checked{{/checked}}><label class="label radio-label" for="handling_code-{{value}}">{{label}}</label></div>{{/handlingCodes}}</div>
            </fieldset></div>
            <div class="form-group{{#conditionsError}} form-group-error{{/conditionsError}}">
            <label class="label" for="conditions">Conditions of sharing (handling code C only)</label>
            {{#conditionsError}}<p id="conditions-error" class="error-message"><span class="visually-hidden">Error:</span> {{conditionsError}}</p>{{/conditionsError}}
            <textarea class="textarea" id="conditions" name="conditions" rows="2"{{#conditionsError}} aria-describedby="conditions-error"{{/conditionsError}}>{{conditions}}</textarea>
            </div>
            <div class="form-group{{#reasonError}} form-group-error{{/reasonError}}">
            <label class="label" for="reason">{{#regrade}}Why the grading is changing{{/regrade}}{{^regrade}}Note on the grading (optional){{/regrade}}</label>
            {{#reasonError}}<p id="reason-error" class="error-message"><span class="visually-hidden">Error:</span> {{reasonError}}</p>{{/reasonError}}
            <textarea class="textarea" id="reason" name="reason" rows="2"{{#reasonError}} aria-describedby="reason-error"{{/reasonError}}>{{gradeReason}}</textarea>
            </div>
            <button type="submit" class="button">{{#regrade}}Change grading{{/regrade}}{{^regrade}}Record grading{{/regrade}}</button>
            </form>
            {{/mayGrade}}
            <h2 class="heading-m">Grading history</h2>
            {{#gradings}}<div class="record"><p class="body"><strong>{{code}}</strong> by {{by}}, {{at}}{{#conditions}}; conditions: {{.}}{{/conditions}}</p><p class="body">{{reason}}</p></div>{{/gradings}}
            {{^gradings}}<p class="body">Not graded yet.</p>{{/gradings}}
            <h2 class="heading-m">Linked to</h2>
            {{#hasLinks}}<table class="table"><caption class="visually-hidden">What this item is linked to</caption>
            <thead><tr><th scope="col">Kind</th><th scope="col">Reference</th><th scope="col">Linked by</th></tr></thead>
            <tbody>{{#links}}<tr><td>{{kind}}</td><td>{{#href}}<a href="{{.}}">{{label}}</a>{{/href}}{{^href}}{{label}}{{/href}}</td><td>{{by}}, {{at}}</td></tr>{{/links}}</tbody>
            </table>{{/hasLinks}}
            {{^hasLinks}}<p class="body">Nothing yet.</p>{{/hasLinks}}
            <form method="post" action="/intelligence/{{id}}/links" class="panel" novalidate>
            <input type="hidden" name="csrf" value="{{csrf}}">
            <div class="form-group inline"><label class="label" for="kind">Link to</label>
            <select class="select" id="kind" name="kind">{{#linkKinds}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/linkKinds}}</select></div>
            <div class="form-group inline{{#linkError}} form-group-error{{/linkError}}"><label class="label" for="target">Reference</label>
            {{#linkError}}<p id="target-error" class="error-message"><span class="visually-hidden">Error:</span> {{linkError}}</p>{{/linkError}}
            <input class="input input-width-20" id="target" name="target" type="text" value="{{linkTarget}}" spellcheck="false"{{#linkError}} aria-describedby="target-error"{{/linkError}}></div>
            <button type="submit" class="button button-secondary">Add link</button>
            </form>
            <h2 class="heading-m">Shared with</h2>
            {{#disseminations}}<div class="record"><p class="body"><strong>{{recipient}}</strong> under {{grading}}, by {{by}}, {{at}}{{#conditions}}; conditions: {{.}}{{/conditions}}</p><p class="body">{{purpose}}</p></div>{{/disseminations}}
            {{^disseminations}}<p class="body">Not shared.</p>{{/disseminations}}
            {{#disseminateError}}<p class="error-message" id="disseminate-error"><span class="visually-hidden">Error:</span> {{disseminateError}}</p>{{/disseminateError}}
            {{#mayGrade}}{{^mayDisseminate}}<p class="body">Grade the item before recording that it was shared.</p>{{/mayDisseminate}}{{/mayGrade}}
            {{#mayDisseminate}}
            <form method="post" action="/intelligence/{{id}}/disseminations" class="panel" novalidate>
            <input type="hidden" name="csrf" value="{{csrf}}">
            <h2 class="heading-m">Record sharing</h2>
            <div class="form-group{{#recipientError}} form-group-error{{/recipientError}}">
            <label class="label" for="recipient">Shared with</label>
            {{#recipientError}}<p id="recipient-error" class="error-message"><span class="visually-hidden">Error:</span> {{recipientError}}</p>{{/recipientError}}
            <input class="input" id="recipient" name="recipient" type="text" value="{{recipient}}"{{#recipientError}} aria-describedby="recipient-error"{{/recipientError}}>
            </div>
            <div class="form-group{{#purposeError}} form-group-error{{/purposeError}}">
            <label class="label" for="purpose">Purpose</label>
            {{#purposeError}}<p id="purpose-error" class="error-message"><span class="visually-hidden">Error:</span> {{purposeError}}</p>{{/purposeError}}
            <textarea class="textarea" id="purpose" name="purpose" rows="2"{{#purposeError}} aria-describedby="purpose-error"{{/purposeError}}>{{purpose}}</textarea>
            </div>
            <button type="submit" class="button button-secondary">Record sharing</button>
            </form>
            {{/mayDisseminate}}
            """,
    ]
}
