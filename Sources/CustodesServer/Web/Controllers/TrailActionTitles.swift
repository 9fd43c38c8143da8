/// Trail actions in words for the trail's pages (the CSV, the API and the stored trail keep the code name): the
/// common ones said as a person would, the rest made readable from the code.
enum TrailActionTitles {
    static let titles: [String: String] = [
        "view_alert": "Opened an alert", "view_queue": "Opened the alert queue", "reveal": "Revealed a member of staff",
        "decision": "Recorded a decision", "comment": "Commented on an alert", "assign": "Assigned an alert",
        "view_staff": "Opened a member of staff's page", "view_trail": "Opened the audit trail",
        "sign_in": "Signed in", "sign_out": "Signed out", "sign_in_failed": "Failed to sign in",
        "sign_in_refused": "Sign-in refused", "account_locked": "Account locked", "password_changed": "Changed password",
        "password_reset": "Password reset by an administrator", "second_factor_enrolled": "Set up a second factor",
        "record_intelligence": "Recorded intelligence", "view_report": "Opened a report from the portal",
        "portal_report": "A report arrived through the portal", "portal_message": "A reporter added a message",
        "report_reply": "Replied to a reporter", "search": "Searched", "view_person": "Opened a person's record",
        "setting_change": "Changed a setting", "exception_request": "Asked for an exception to the rules",
        "report_key_approved": "Approved a reader's key", "recovery_key_used": "Used the recovery key",
    ]

    static func title(_ action: String) -> String {
        if let title = titles[action] { return title }
        let words = action.replacingOccurrences(of: "_", with: " ")
        return words.prefix(1).uppercased() + words.dropFirst()
    }
}
