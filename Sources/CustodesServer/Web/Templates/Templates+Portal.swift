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
            <footer class="footer"><div class="width-container">If someone is in immediate danger, call 999. This site keeps no record of your connection and sets no cookies.</div></footer>
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
            <p class="body">If someone is in immediate danger, call 999.</p>
            """,
        "portal-report": errorSummary + """
            <h1 class="heading-l">{{#anonymous}}Report anonymously{{/anonymous}}{{^anonymous}}Report confidentially{{/anonymous}}</h1>
            {{#anonymous}}<p class="body">Do not include your own name or contact details unless you want the unit to know them.</p>{{/anonymous}}
            <form method="post" action="/report/{{channel}}" enctype="multipart/form-data" novalidate>
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
        "portal-message": """
            <h1 class="heading-l">{{message}}</h1>
            <p class="body"><a href="/">Go to the start</a></p>
            """,
    ]
}
