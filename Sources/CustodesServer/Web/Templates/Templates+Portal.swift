extension Templates {
    /// The reporting portal's pages. Its layout loads nothing but this origin's stylesheet, sets no cookie and names
    /// no account; its words are for someone who may be frightened and has never heard of Custodes.
    static let portal: [String: String] = [
        "portal-layout": """
            <!DOCTYPE html>
            <html lang="en-GB">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{{title}} – Tell the counter-corruption unit</title>
            <link rel="stylesheet" href="/assets/custodes.css">
            </head>
            <body>
            <a href="#main" class="skip-link">Skip to main content</a>
            <header class="header"><div class="width-container header-inner">
            <a href="/" class="header-service">Tell the counter-corruption unit</a>
            </div></header>
            <div class="width-container">
            <main id="main" class="main">
            {{{body}}}
            </main>
            </div>
            <footer class="footer"><div class="width-container">If someone is in immediate danger, call 999. This site keeps no record of your connection. It sets a cookie only to keep a partner organisation's worker signed in, never to track anyone.</div></footer>
            </body>
            </html>
            """,
        "portal-start": """
            <h1 class="heading-l">Tell the police about an officer who is abusing their position</h1>
            <p class="lead">If a police officer or member of police staff is pursuing a sexual or improper relationship with someone they met through their work, you can tell the force's counter-corruption unit here. It is independent of the officer's team.</p>
            <p class="body">You do not have to give your name. You will get a receipt: keep it, and come back with it to read the unit's reply and to add anything you remember.</p>
            <ul class="list">
            <li><a href="/report/anonymous">Report anonymously</a>: nothing about you is asked or kept.</li>
            <li><a href="/report/confidential">Report confidentially</a>: leave a way to contact you, which only the unit sees.</li>
            <li><a href="/receipt">Check a report you made</a>, with your receipt.</li>
            </ul>
            <p class="body">Working for an organisation that supports vulnerable people? <a href="/partner/sign-in">Sign in to your partner account</a>, or <a href="/partner/invitation">make one with the invitation code</a> the unit gave your organisation.</p>
            <p class="body">If someone is in immediate danger, call 999.</p>
            """,
        "portal-report": errorSummary + """
            <h1 class="heading-l">{{#anonymous}}Report anonymously{{/anonymous}}{{^anonymous}}{{#partner}}Send a report{{/partner}}{{^partner}}Report confidentially{{/partner}}{{/anonymous}}</h1>
            {{#anonymous}}<p class="body">Do not include your own name or contact details unless you want the unit to know them.</p>{{/anonymous}}
            {{#partner}}<p class="body">The unit will know this report comes from you and your organisation. <a href="/partner">Back to your reports</a>.</p>{{/partner}}
            <form method="post" action="{{action}}" enctype="multipart/form-data" novalidate>
            {{#questions}}
            {{#yesNo}}<div class="form-group{{#error}} form-group-error{{/error}}"><fieldset class="fieldset"{{#hint}} aria-describedby="{{id}}-hint"{{/hint}}><legend class="fieldset-legend">{{label}}{{^required}} (optional){{/required}}</legend>
            {{#hint}}<p class="hint" id="{{id}}-hint">{{.}}</p>{{/hint}}
            {{#error}}<p id="{{id}}-error" class="error-message"><span class="visually-hidden">Error:</span> {{.}}</p>{{/error}}
            <div class="radios"><div class="radio"><input class="radio-input" id="{{id}}-yes" name="{{id}}" type="radio" value="yes"{{#yes}} checked{{/yes}}><label class="label radio-label" for="{{id}}-yes">Yes</label></div>
            <div class="radio"><input class="radio-input" id="{{id}}-no" name="{{id}}" type="radio" value="no"{{#no}} checked{{/no}}><label class="label radio-label" for="{{id}}-no">No</label></div></div>
            </fieldset></div>{{/yesNo}}
            {{^yesNo}}<div class="form-group{{#error}} form-group-error{{/error}}"><label class="label" for="{{id}}">{{label}}{{^required}} (optional){{/required}}</label>
            {{#hint}}<p class="hint" id="{{id}}-hint">{{.}}</p>{{/hint}}
            {{#error}}<p id="{{id}}-error" class="error-message"><span class="visually-hidden">Error:</span> {{.}}</p>{{/error}}
            {{#longText}}<textarea class="textarea" id="{{id}}" name="{{id}}" rows="6"{{#hint}} aria-describedby="{{id}}-hint"{{/hint}}>{{value}}</textarea>{{/longText}}
            {{#shortText}}<input class="input" id="{{id}}" name="{{id}}" type="text" value="{{value}}" autocomplete="off"{{#hint}} aria-describedby="{{id}}-hint"{{/hint}}>{{/shortText}}
            {{#date}}<input class="input input-width-10" id="{{id}}" name="{{id}}" type="text" value="{{value}}" autocomplete="off"{{#hint}} aria-describedby="{{id}}-hint"{{/hint}}>{{/date}}
            </div>{{/yesNo}}
            {{/questions}}
            <div class="form-group"><label class="label" for="attachments">Photographs, screenshots or documents (optional)</label>
            <p class="hint" id="attachments-hint">Up to 3 files of 5 MB each: JPEG or PNG images, PDF documents or text files. Photographs can carry where and when they were taken; only the unit sees them.</p>
            <input class="input" id="attachments" name="attachments" type="file" multiple accept=".jpg,.jpeg,.png,.pdf,.txt,image/jpeg,image/png,application/pdf,text/plain" aria-describedby="attachments-hint"></div>
            <button type="submit" class="button">Send the report</button>
            </form>
            """,
        "portal-sent": """
            <div class="panel panel-ok"><h1 class="heading-l">Your report has been sent</h1>
            <p class="body">Your receipt is</p>
            <p class="lead" id="receipt"><strong>{{receipt}}</strong></p></div>
            <p class="body">Write it down or keep it somewhere safe. <strong>It is shown only once</strong>: nobody, not even the unit, can show it to you again. With it you can come back, read the unit's reply and add anything you remember.</p>
            <p class="body"><a href="/receipt">Check your report</a></p>
            """,
        "portal-receipt": """
            <h1 class="heading-l">Check your report</h1>
            <form method="post" action="/receipt" novalidate>
            <div class="form-group{{#error}} form-group-error{{/error}}"><label class="label" for="receipt">Your receipt</label>
            <p class="hint" id="receipt-hint">24 letters and numbers, as you were given them, for example abcd-efgh-jkmn-pqrs-tuvw-xyz2.</p>
            {{#error}}<p id="receipt-error" class="error-message"><span class="visually-hidden">Error:</span> {{.}}</p>{{/error}}
            <input class="input input-width-20" id="receipt" name="receipt" type="text" autocomplete="off" spellcheck="false" aria-describedby="receipt-hint"></div>
            <button type="submit" class="button">Continue</button>
            </form>
            """,
        "portal-conversation": """
            <h1 class="heading-l">Your report</h1>
            <p class="body">Sent {{received}}. {{#acknowledged}}The unit has received it.{{/acknowledged}}{{^acknowledged}}The unit has not yet confirmed it has read it.{{/acknowledged}}{{#assessed}} The unit has assessed it.{{/assessed}}</p>
            <h2 class="heading-m">Messages</h2>
            {{#messages}}<div class="record"><p class="body"><strong>{{#fromReporter}}You{{/fromReporter}}{{^fromReporter}}The unit{{/fromReporter}}</strong>, {{at}}</p><p class="body wrap">{{body}}</p></div>{{/messages}}
            {{^hasMessages}}<p class="body">No messages yet.</p>{{/hasMessages}}
            <form method="post" action="/receipt/messages" novalidate>
            <input type="hidden" name="receipt" value="{{receipt}}">
            <div class="form-group{{#messageError}} form-group-error{{/messageError}}"><label class="label" for="message">Add to your report, or answer the unit</label>
            {{#messageError}}<p id="message-error" class="error-message"><span class="visually-hidden">Error:</span> {{.}}</p>{{/messageError}}
            <textarea class="textarea" id="message" name="message" rows="5">{{message}}</textarea></div>
            <button type="submit" class="button">Send</button>
            </form>
            """,
        "partner-invitation": errorSummary + """
            <h1 class="heading-l">Make your partner account</h1>
            <p class="body">The counter-corruption unit gave your organisation an invitation code. With it you make an account for yourself: you sign in with a password and a code from an authenticator app, send reports, and read the unit's replies. The unit knows your reports come from you and your organisation.</p>
            <form method="post" action="/partner/invitation" novalidate>
            <div class="form-group{{#codeError}} form-group-error{{/codeError}}"><label class="label" for="code">Invitation code</label>
            {{#codeError}}<p id="code-error" class="error-message"><span class="visually-hidden">Error:</span> {{.}}</p>{{/codeError}}
            <input class="input input-width-20" id="code" name="code" type="text" value="{{form.code}}" autocomplete="off" spellcheck="false"></div>
            <div class="form-group{{#nameError}} form-group-error{{/nameError}}"><label class="label" for="name">Your name</label>
            {{#nameError}}<p id="name-error" class="error-message"><span class="visually-hidden">Error:</span> {{.}}</p>{{/nameError}}
            <input class="input" id="name" name="name" type="text" value="{{form.name}}" autocomplete="name"></div>
            <div class="form-group{{#usernameError}} form-group-error{{/usernameError}}"><label class="label" for="username">Choose a username</label>
            <p class="hint" id="username-hint">3 to 40 letters, digits, dots, dashes or underscores.</p>
            {{#usernameError}}<p id="username-error" class="error-message"><span class="visually-hidden">Error:</span> {{.}}</p>{{/usernameError}}
            <input class="input input-width-20" id="username" name="username" type="text" value="{{form.username}}" autocomplete="username" spellcheck="false" aria-describedby="username-hint"></div>
            <div class="form-group{{#passwordError}} form-group-error{{/passwordError}}"><label class="label" for="password">Choose a password</label>
            <p class="hint" id="password-hint">At least 12 characters. A few unrelated words make a good one.</p>
            {{#passwordError}}<p id="password-error" class="error-message"><span class="visually-hidden">Error:</span> {{.}}</p>{{/passwordError}}
            <input class="input input-width-20" id="password" name="password" type="password" autocomplete="new-password" aria-describedby="password-hint"></div>
            <div class="form-group{{#confirmError}} form-group-error{{/confirmError}}"><label class="label" for="confirm">Type the password again</label>
            {{#confirmError}}<p id="confirm-error" class="error-message"><span class="visually-hidden">Error:</span> {{.}}</p>{{/confirmError}}
            <input class="input input-width-20" id="confirm" name="confirm" type="password" autocomplete="new-password"></div>
            {{#formError}}<p class="error-message" id="form"><span class="visually-hidden">Error:</span> {{.}}</p>{{/formError}}
            <button type="submit" class="button">Make my account</button>
            </form>
            """,
        "partner-enrol": errorSummary + """
            <h1 class="heading-l">Set up your second factor</h1>
            <p class="body">Scan this code with an authenticator app on your phone, or type the key into it. Then enter the 6-digit code it shows. You will need a new code each time you sign in.</p>
            <div class="qr">{{{qr}}}</div>
            <dl class="summary-list"><div class="summary-list-row"><dt>Key</dt><dd><code id="manual-key">{{manualKey}}</code></dd></div></dl>
            <form method="post" action="/partner/enrol" novalidate>
            <div class="form-group{{#codeError}} form-group-error{{/codeError}}"><label class="label" for="code">Security code</label>
            {{#codeError}}<p id="code-error" class="error-message"><span class="visually-hidden">Error:</span> {{.}}</p>{{/codeError}}
            <input class="input input-width-10" id="code" name="code" type="text" inputmode="numeric" autocomplete="one-time-code" spellcheck="false"></div>
            <button type="submit" class="button">Continue</button>
            </form>
            """,
        "partner-sign-in": errorSummary + """
            <h1 class="heading-l">Sign in to your partner account</h1>
            {{#busy}}<p class="body"><strong>The portal is busy. Wait a minute and try again.</strong></p>{{/busy}}
            <form method="post" action="/partner/sign-in" novalidate>
            <div class="form-group{{#usernameError}} form-group-error{{/usernameError}}"><label class="label" for="username">Username</label>
            {{#usernameError}}<p id="username-error" class="error-message"><span class="visually-hidden">Error:</span> {{.}}</p>{{/usernameError}}
            <input class="input input-width-20" id="username" name="username" type="text" value="{{username}}" autocomplete="username" spellcheck="false"></div>
            <div class="form-group"><label class="label" for="password">Password</label>
            <input class="input input-width-20" id="password" name="password" type="password" autocomplete="current-password"></div>
            <button type="submit" class="button">Continue</button>
            </form>
            <p class="body">No account yet? <a href="/partner/invitation">Use the invitation code the unit gave your organisation</a>.</p>
            """,
        "partner-second-factor": errorSummary + """
            <h1 class="heading-l">Security code</h1>
            <form method="post" action="/partner/second-factor" novalidate>
            <div class="form-group{{#codeError}} form-group-error{{/codeError}}"><label class="label" for="code">The 6-digit code from your authenticator app</label>
            {{#codeError}}<p id="code-error" class="error-message"><span class="visually-hidden">Error:</span> {{.}}</p>{{/codeError}}
            <input class="input input-width-10" id="code" name="code" type="text" inputmode="numeric" autocomplete="one-time-code" spellcheck="false"></div>
            <button type="submit" class="button">Sign in</button>
            </form>
            """,
        "partner-home": """
            <span class="caption">{{organisation}}</span>
            <h1 class="heading-l">Signed in as {{name}}</h1>
            <p class="body"><a href="/partner/report" class="button">Send a report</a></p>
            <h2 class="heading-m">Reports you sent</h2>
            {{#hasReports}}<table class="table" id="partner-reports"><caption class="visually-hidden">Reports you sent, newest first</caption>
            <thead><tr><th scope="col">Report</th><th scope="col">Sent</th><th scope="col">Where it stands</th></tr></thead>
            <tbody>{{#reports}}<tr><td><a href="/partner/reports/{{id}}">{{reference}}</a></td><td>{{received}}</td><td>{{state}}</td></tr>{{/reports}}</tbody></table>{{/hasReports}}
            {{^hasReports}}<p class="body">None yet.</p>{{/hasReports}}
            <form method="post" action="/partner/sign-out"><button type="submit" class="button button-secondary">Sign out</button></form>
            """,
        "partner-report": errorSummary + """
            {{#sent}}<div class="panel panel-ok" id="sent"><p class="body"><strong>Your report has been sent to the unit.</strong> Its replies will appear here.</p></div>{{/sent}}
            <span class="caption"><a href="/partner">Your reports</a></span>
            <h1 class="heading-l">{{reference}}</h1>
            <p class="body">Sent {{received}}. {{#acknowledged}}The unit has received it.{{/acknowledged}}{{^acknowledged}}The unit has not yet confirmed it has read it.{{/acknowledged}}{{#assessed}} The unit has assessed it.{{/assessed}}</p>
            <h2 class="heading-m">What you said</h2>
            <dl class="summary-list">{{#answers}}<div class="summary-list-row"><dt>{{label}}</dt><dd class="wrap">{{answer}}</dd></div>{{/answers}}</dl>
            <h2 class="heading-m" id="messages">Messages</h2>
            {{#messages}}<div class="record"><p class="body"><strong>{{#fromReporter}}You{{/fromReporter}}{{^fromReporter}}The unit{{/fromReporter}}</strong>, {{at}}</p><p class="body wrap">{{body}}</p></div>{{/messages}}
            {{^hasMessages}}<p class="body">No messages yet.</p>{{/hasMessages}}
            <form method="post" action="/partner/reports/{{id}}/messages" novalidate>
            <div class="form-group{{#messageError}} form-group-error{{/messageError}}"><label class="label" for="message">Add to your report, or answer the unit</label>
            {{#messageError}}<p id="message-error" class="error-message"><span class="visually-hidden">Error:</span> {{.}}</p>{{/messageError}}
            <textarea class="textarea" id="message" name="message" rows="5">{{message}}</textarea></div>
            <button type="submit" class="button">Send</button>
            </form>
            """,
        "portal-message": """
            <h1 class="heading-l">{{message}}</h1>
            <p class="body"><a href="/">Go to the start</a></p>
            """,
    ]
}
