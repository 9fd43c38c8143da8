/// The application's one stylesheet: the GOV.UK Design System's patterns (type scale, colours, focus state, error
/// summary, summary lists, tables, tags, buttons) written as our own CSS, served from this origin so the
/// Content-Security-Policy needs nothing else. Colours meet WCAG 2.2 AA contrast on white.
enum Stylesheet {
    static let text = """
        *,*::before,*::after{box-sizing:border-box}
        html{font-family:Arial,"Helvetica Neue",Helvetica,sans-serif;-webkit-text-size-adjust:100%;background:#f3f2f1}
        body{margin:0;color:#0b0c0c;background:#ffffff;font-size:19px;line-height:1.32}
        a{color:#1d70b8;text-decoration:underline;text-underline-offset:.1em}
        a:visited{color:#4c2c92}
        a:hover{color:#003078;text-decoration-thickness:max(3px,.1875rem,.12em)}
        a:focus,button:focus,input:focus,select:focus,textarea:focus{outline:3px solid transparent}
        a:focus{color:#0b0c0c;background-color:#ffdd00;box-shadow:0 -2px #ffdd00,0 4px #0b0c0c;text-decoration:none}
        input:focus,select:focus,textarea:focus{outline:3px solid #ffdd00;outline-offset:0;box-shadow:inset 0 0 0 2px #0b0c0c}
        .width-container{max-width:1100px;margin:0 15px}
        @media (min-width:40.0625em){.width-container{margin:0 30px}}
        @media (min-width:1160px){.width-container{margin:0 auto}}
        .skip-link{position:absolute;left:-9999px;padding:10px 15px;background:#ffdd00;color:#0b0c0c}
        .skip-link:focus{position:static;display:block}
        .header{background:#0b0c0c;color:#ffffff;border-bottom:10px solid #1d70b8;padding:10px 0 0}
        .header .phase-banner{background:#ffffff;color:#0b0c0c;margin-top:10px;padding:10px 15px}
        .header-inner{display:flex;flex-wrap:wrap;align-items:center;gap:10px 30px}
        .header-service,.header-service:visited{color:#ffffff;font-weight:700;font-size:24px;text-decoration:none}
        .header-service:hover{color:#ffffff;text-decoration:underline}
        .header-nav{display:flex;flex-wrap:wrap;gap:5px 20px;list-style:none;margin:0;padding:0}
        .header-inner nav{flex:1 1 auto;min-width:0}
        .header-nav a,.header-nav a:visited{color:#ffffff;font-weight:700}
        .header-nav a[aria-current=page]{text-decoration-thickness:3px}
        .header-nav a:focus,.header a:focus{color:#0b0c0c;background-color:#ffdd00}
        .keep-lines{white-space:pre-line}
        .session-warning{position:fixed;left:0;right:0;bottom:0;background:#0b0c0c;color:#ffffff;border-top:5px solid #ffdd00;padding:15px 0;z-index:10}
        .session-warning .body{color:#ffffff}
        .session-warning[hidden]{display:none}
        .header-account{margin-left:auto;display:flex;align-items:center;gap:10px}
        .header-user{font-size:16px}
        .phase-banner{padding:10px 0;border-bottom:1px solid #b1b4b6;font-size:16px}
        .main{padding:30px 0 60px;display:block}
        .footer{border-top:1px solid #b1b4b6;background:#f3f2f1;padding:25px 0;font-size:16px;color:#0b0c0c}
        .heading-l{font-size:36px;line-height:1.11;font-weight:700;margin:0 0 30px}
        .heading-m{font-size:24px;line-height:1.25;font-weight:700;margin:40px 0 20px}
        .caption{display:block;color:#505a5f;font-size:19px;margin-bottom:5px}
        .lead{font-size:24px;line-height:1.25;margin:0 0 30px}
        .body{margin:0 0 20px}
        .list{margin:0;padding-left:20px}
        .visually-hidden{position:absolute!important;width:1px!important;height:1px!important;margin:0!important;padding:0!important;overflow:hidden!important;clip:rect(0 0 0 0)!important;white-space:nowrap!important;border:0!important}
        code{font-family:"Courier New",monospace;font-size:17px}
        .wrap{word-break:break-all}
        .form-group{margin-bottom:30px}
        .form-group.inline{display:inline-block;margin:0 15px 15px 0;vertical-align:bottom}
        .filters{margin-bottom:20px}
        .label{display:block;font-weight:700;margin-bottom:5px}
        .hint{color:#505a5f;margin:0 0 15px}
        .input,.select,.textarea{font:inherit;font-size:19px;border:2px solid #0b0c0c;border-radius:0;padding:5px;width:100%;max-width:30em;background:#ffffff;color:#0b0c0c}
        .select{width:auto;min-width:8em}
        .textarea{min-height:5em}
        .input-width-10{max-width:12em}
        .input-width-20{max-width:22em}
        .form-group-error{border-left:5px solid #d4351c;padding-left:15px}
        .form-group-error .input,.form-group-error .textarea{border-color:#d4351c}
        .error-message{display:block;color:#d4351c;font-weight:700;margin:0 0 15px}
        .error-summary{border:5px solid #d4351c;padding:20px;margin-bottom:30px}
        .error-summary:focus{outline:3px solid #ffdd00}
        .error-summary-title{font-size:24px;margin:0 0 15px}
        .error-summary-list{margin:0;padding:0;list-style:none}
        .error-summary-list a{color:#d4351c;font-weight:700}
        .fieldset{border:0;margin:0;padding:0}
        .fieldset-legend{font-weight:700;font-size:24px;margin-bottom:15px}
        .radio{display:flex;align-items:center;margin-bottom:10px}
        .radio-input{width:28px;height:28px;margin:0 10px 0 0}
        .radio-label{font-weight:400;margin:0}
        .button{display:inline-block;font:inherit;font-size:19px;font-weight:400;line-height:1.2;padding:8px 10px 7px;border:2px solid transparent;border-radius:0;color:#ffffff;background:#00703c;box-shadow:0 2px 0 #002d18;cursor:pointer;text-decoration:none;margin:0 10px 20px 0}
        .button:visited,.button:hover{color:#ffffff}
        .button:hover{background:#005a30}
        .button:focus{border-color:#ffdd00;color:#0b0c0c;background:#ffdd00;box-shadow:0 2px 0 #0b0c0c;outline:3px solid transparent}
        .button-secondary,.button-secondary:visited,.button-secondary:hover{background:#f3f2f1;color:#0b0c0c;box-shadow:0 2px 0 #929191}
        .button-secondary:hover{background:#dbdad9}
        .button-warning{background:#d4351c;box-shadow:0 2px 0 #55150b}
        .button-warning:hover{background:#aa2a16}
        .button-small{font-size:16px;padding:5px 8px 4px;margin:0}
        .inline-form{display:inline-block;margin:0 5px 5px 0}
        .summary-list{margin:0 0 30px;display:table;width:100%}
        .summary-list-row{display:table-row}
        .summary-list-row dt,.summary-list-row dd{display:table-cell;padding:10px 20px 10px 0;border-bottom:1px solid #b1b4b6;margin:0;vertical-align:top}
        .summary-list-row dt{font-weight:700;width:30%}
        .table{width:100%;border-collapse:collapse;margin-bottom:30px;font-size:16px}
        .table th,.table td{text-align:left;padding:10px 20px 10px 0;border-bottom:1px solid #b1b4b6;vertical-align:top}
        .table th{font-weight:700}
        .numeric{text-align:right!important;font-variant-numeric:tabular-nums}
        .tag{display:inline-block;padding:2px 8px;font-size:16px;font-weight:700;color:#0c2d4a;background:#bbd4ea}
        .tag-new{color:#6e3619;background:#fcd6c3}
        .tag-in_review{color:#0c2d4a;background:#bbd4ea}
        .tag-decided{color:#005a30;background:#cce2d8}
        .tag-grey{color:#282d30;background:#e5e6e7}
        .counts{display:flex;gap:30px;list-style:none;padding:0;margin:0 0 30px}
        .count{display:block;font-size:36px;font-weight:700}
        .panel{border-left:10px solid #b1b4b6;padding:15px 20px;margin:0 0 30px;background:#f3f2f1}
        .panel-ok{border-left-color:#00703c}
        .panel-bad{border-left-color:#d4351c}
        .record{border-bottom:1px solid #b1b4b6;margin-bottom:15px}
        .pagination{display:flex;gap:30px;margin-top:20px}
        .qr svg{width:220px;height:220px}
        .chart svg{width:100%;max-width:640px;height:auto}
        .chart-pair{display:flex;flex-wrap:wrap;gap:20px;align-items:flex-start;margin-bottom:30px}.chart-pair .chart{flex:2 1 320px}.chart-pair table{flex:1 1 220px;width:auto}
        .recovery-codes{columns:2;list-style:none;padding:0;margin-bottom:30px}
        .code-block{background:#f3f2f1;border:1px solid #b1b4b6;padding:15px;overflow:auto;max-height:40em;font-size:16px}
        /* Narrow screens (a phone, 390 px): nothing makes the page scroll sideways. Wide tables scroll inside
           themselves, long codes and hashes break, the header wraps, and summary lists stack. */
        @media (max-width:40em){
        .table{display:block;overflow-x:auto;max-width:100%}
        .chart-pair table{display:table}
        code,.wrap,td,dd{overflow-wrap:anywhere}
        .header-nav{flex-wrap:wrap;gap:10px 15px}
        .header-account{margin-left:0;flex-wrap:wrap}
        .summary-list,.summary-list-row,.summary-list-row dt,.summary-list-row dd{display:block;width:auto}
        .summary-list-row dt{border-bottom:0;padding-bottom:0}
        .counts{flex-wrap:wrap;gap:15px}
        .heading-l{font-size:27px}
        .pagination{flex-wrap:wrap}
        .form-group.inline{display:block}
        .select{max-width:100%}
        .code-block{white-space:pre-wrap;overflow-wrap:anywhere}
        svg{max-width:100%;height:auto}
        }
        @media print{.header,.phase-banner,.footer,.skip-link,form{display:none}a{color:#0b0c0c;text-decoration:none}}
        """
}
