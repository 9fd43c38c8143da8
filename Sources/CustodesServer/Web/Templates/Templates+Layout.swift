extension Templates {
    static let layout: [String: String] = [
        "layout": """
            <!DOCTYPE html>
            <html lang="en-GB">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{{title}} – Custodes</title>
            <link rel="stylesheet" href="/assets/custodes.css">
            </head>
            <body>
            <a href="#main" class="skip-link">Skip to main content</a>
            <header class="header">
            <div class="width-container header-inner">
            <a href="/" class="header-service">Custodes</a>
            {{#user}}
            <nav aria-label="Main"><ul class="header-nav">{{#nav}}<li><a href="{{href}}"{{#current}} aria-current="page"{{/current}}>{{label}}</a></li>{{/nav}}</ul></nav>
            <form method="post" action="/sign-out" class="header-account">
            <input type="hidden" name="csrf" value="{{csrf}}">
            <span class="header-user">{{displayName}}, {{roleTitle}}</span>
            <button type="submit" class="button button-secondary button-small">Sign out</button>
            </form>
            {{/user}}
            {{#partial}}
            <form method="post" action="/sign-out" class="header-account">
            <input type="hidden" name="csrf" value="{{csrf}}">
            <button type="submit" class="button button-secondary button-small">Sign out</button>
            </form>
            {{/partial}}
            </div>
            <div class="phase-banner width-container"><strong class="tag">Official – Sensitive</strong> Every page you view here is recorded in the audit trail.</div>
            </header>
            <div class="width-container">
            <main id="main" class="main">
            {{{body}}}
            </main>
            </div>
            <footer class="footer"><div class="width-container">Custodes: counter-corruption intelligence for the unit.</div></footer>
            {{#user}}<div class="session-warning" id="session-warning" role="alertdialog" aria-labelledby="session-warning-text" data-idle-seconds="{{idleSeconds}}" hidden><div class="width-container"><p class="body" id="session-warning-text">You will be signed out in 2 minutes, after {{idleMinutes}} minutes without activity. Anything you have typed and not sent would be kept, but you would have to sign in again.</p><button type="button" class="button" id="session-stay">Stay signed in</button></div></div>
            <script src="/assets/session.js" defer></script>{{/user}}
            </body>
            </html>
            """,
        "error": """
            <h1 class="heading-l">{{message}}</h1>
            <p class="body"><a href="/">Go to the start page</a></p>
            """,
    ]
}
