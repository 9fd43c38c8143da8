extension Templates {
    static let signIn: [String: String] = [
        "sign-in": errorSummary + """
            <h1 class="heading-l">Sign in</h1>
            {{#expired}}<div class="panel" id="session-ended" role="status"><p class="body">You were signed out after {{idleMinutes}} minutes without activity. Sign in again: anything you had just sent is kept, and you will go back to the page with it.</p></div>{{/expired}}
            <form method="post" action="/sign-in" novalidate>
            <div class="form-group{{#hasErrors}} form-group-error{{/hasErrors}}">
            <label class="label" for="username">Username</label>
            <input class="input" id="username" name="username" type="text" autocomplete="username" spellcheck="false" value="{{username}}"{{#hasErrors}} aria-describedby="sign-in-error"{{/hasErrors}}>
            </div>
            <div class="form-group{{#hasErrors}} form-group-error{{/hasErrors}}">
            <label class="label" for="password">Password</label>
            {{#hasErrors}}<p id="sign-in-error" class="error-message"><span class="visually-hidden">Error:</span> {{errorText}}</p>{{/hasErrors}}
            <input class="input" id="password" name="password" type="password" autocomplete="current-password">
            </div>
            {{#hasErrors}}<p class="body">After {{failuresBeforeLockout}} failed attempts in a row an account is locked for {{lockoutMinutes}} minutes. If yours is, wait, or ask an administrator.</p>{{/hasErrors}}
            <button type="submit" class="button">Continue</button>
            </form>
            """,
        "second-factor": errorSummary + """
            <h1 class="heading-l">Enter the code from your authenticator app</h1>
            <form method="post" action="/sign-in/second-factor" novalidate>
            <input type="hidden" name="csrf" value="{{csrf}}">
            <div class="form-group{{#hasErrors}} form-group-error{{/hasErrors}}">
            <label class="label" for="code">Security code</label>
            <p class="hint" id="code-hint">The 6-digit code, or one of your recovery codes if you no longer have the app.</p>
            {{#hasErrors}}<p id="code-error" class="error-message"><span class="visually-hidden">Error:</span> {{errorText}}</p>{{/hasErrors}}
            <input class="input input-width-10" id="code" name="code" type="text" autocomplete="one-time-code" spellcheck="false" aria-describedby="code-hint{{#hasErrors}} code-error{{/hasErrors}}">
            </div>
            <button type="submit" class="button">Sign in</button>
            </form>
            """,
        "enrol": errorSummary + """
            <h1 class="heading-l">Set up your second factor</h1>
            <p class="body">Scan this code with an authenticator app, or type the key into it. Then enter the 6-digit code it shows.</p>
            <div class="qr">{{{qr}}}</div>
            <dl class="summary-list">
            <div class="summary-list-row"><dt>Key</dt><dd><code id="manual-key">{{manualKey}}</code></dd></div>
            <div class="summary-list-row"><dt>Address</dt><dd><code class="wrap" id="otpauth-uri">{{uri}}</code></dd></div>
            </dl>
            <form method="post" action="/account/enrol" novalidate>
            <input type="hidden" name="csrf" value="{{csrf}}">
            <div class="form-group{{#hasErrors}} form-group-error{{/hasErrors}}">
            <label class="label" for="code">Security code</label>
            {{#hasErrors}}<p id="code-error" class="error-message"><span class="visually-hidden">Error:</span> {{errorText}}</p>{{/hasErrors}}
            <input class="input input-width-10" id="code" name="code" type="text" autocomplete="one-time-code" spellcheck="false"{{#hasErrors}} aria-describedby="code-error"{{/hasErrors}}>
            </div>
            <button type="submit" class="button">Continue</button>
            </form>
            """,
        "recovery-codes": """
            <h1 class="heading-l">Your recovery codes</h1>
            <p class="body">Each code signs you in once if you lose your authenticator app. Keep them somewhere safe; they will not be shown again.</p>
            <ul class="list recovery-codes" id="recovery-codes">{{#codes}}<li><code>{{.}}</code></li>{{/codes}}</ul>
            <a class="button" href="{{next}}">Continue</a>
            """,
        "password": errorSummary + """
            <h1 class="heading-l">Choose a new password</h1>
            {{^askCurrent}}<p class="body">Your password was set by an administrator. Choose your own: at least 12 characters.</p>{{/askCurrent}}
            {{#askCurrent}}<p class="body">At least 12 characters. Your other sessions end when you save it.</p>{{/askCurrent}}
            <form method="post" action="/account/password" novalidate>
            <input type="hidden" name="csrf" value="{{csrf}}">
            {{#askCurrent}}<div class="form-group{{#currentError}} form-group-error{{/currentError}}">
            <label class="label" for="current">Current password</label>
            {{#currentError}}<p id="current-error" class="error-message"><span class="visually-hidden">Error:</span> {{currentError}}</p>{{/currentError}}
            <input class="input" id="current" name="current" type="password" autocomplete="current-password"{{#currentError}} aria-describedby="current-error"{{/currentError}}>
            </div>{{/askCurrent}}
            <div class="form-group{{#hasErrors}} form-group-error{{/hasErrors}}">
            <label class="label" for="password">New password</label>
            {{#hasErrors}}<p id="password-error" class="error-message"><span class="visually-hidden">Error:</span> {{errorText}}</p>{{/hasErrors}}
            <input class="input" id="password" name="password" type="password" autocomplete="new-password"{{#hasErrors}} aria-describedby="password-error"{{/hasErrors}}>
            </div>
            <div class="form-group">
            <label class="label" for="confirm">Confirm new password</label>
            <input class="input" id="confirm" name="confirm" type="password" autocomplete="new-password">
            </div>
            <button type="submit" class="button">Save password</button>
            </form>
            """,
    ]
}
