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
            {{/disabled}}</td></tr>{{/users}}</tbody>
            </table>
            """,
    ]
}
