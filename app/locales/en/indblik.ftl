# Indblik in English. Every message also exists in ../da/indblik.ftl (the
# test in app/src/i18n.rs fails when a key exists in one language only).
# Legal terms keep their Danish name beside the English one where a citizen
# meets the Danish word elsewhere, e.g. "access (indsigt)".

## The page frame
error-title-prefix = Error:{" "}
skip-to-content = Skip to the page's content
tagline-citizen = see who has used your personal data
tagline-casework = handling citizens' requests
tagline-overview = deadlines and access control for the data protection officer
tagline-queue = citizens' requests
logo-home = { $municipality }, to the front page
logo-home-plain = Front page
menu = Menu
main-menu = Main menu
sign-out = Sign out
menu-my-log = Who has seen my data?
menu-my-requests = My requests
menu-new-request = New request
menu-overview = Overview
menu-requests = Requests
menu-register = Register a request
footer-contact = Contact
footer-questions = Questions about the portal:
footer-municipality-site = The municipality's website
footer-about-nav = About the portal
footer-about = About the portal
footer-accessibility = Accessibility statement (tilgængelighedserklæring)
footer-privacy = Privacy policy
footer-staff-sign-in = Staff sign-in
language-switch = På dansk
language-switch-label = Læs siden på dansk

## Warning before the idle sign-out
idle-heading = You will soon be signed out
idle-text = You have not used the portal for { $idle } minutes. In { $left } minutes you will be signed out, for your security.
idle-stay = Stay signed in

## The front page
home-title = Front page
home-description = See which units of the municipality have used your personal data, in which system, when and for what, and ask for access, rectification or erasure.
home-heading = See who has used your personal data
home-lead = { $municipality } uses information about you when you, for example, apply for a benefit, have a case at the job centre or receive home care. Every time an employee looks you up or changes your data in one of the municipality's IT systems, it is written in a log.
home-lead-municipality = The municipality
home-overview = In Indblik you can see an overview of that log, and use your rights if you want to know more or disagree.
home-you-see = What you can see
home-see-unit = which unit of the municipality used your data
home-see-system = in which IT system it happened
home-see-when = when it happened
home-see-what = what was done, for example whether the data were looked up, changed or printed
home-see-why = why, that is, which task the data were used for
home-not-who = You cannot see the name of the individual employee. Under the practice of the Danish Data Protection Agency (Datatilsynet) you have the right to know which unit of the municipality used your data, but not which employee.
home-rights = Your rights
home-sign-in = Sign in with MitID
home-to-my-log = See who has used your data
home-to-requests = To the requests
home-to-overview = To the overview

## What the log does not show
log-not-shown-heading = What the log does not show
log-not-shown-searches = Searches where an employee searched for, for example, a date of birth without opening information about you in particular.
log-not-shown-old = Uses further back than the period the municipality keeps the log.
log-not-shown-hidden = Uses that are hidden for a time because it is necessary, for example, for the investigation of a crime (section 22 of the Danish Data Protection Act, databeskyttelsesloven). Hidden uses are not counted anywhere. When the reason no longer applies, they are shown in the log together with the reason.
log-not-shown-name = The name of the individual employee.

## Your rights
right-access = Right of access (indsigt)
right-access-text = you can find out which data the municipality processes about you, why, and who has received them.
right-rectification = Right to rectification (berigtigelse)
right-rectification-text = you can ask to have data that are wrong corrected.
right-erasure = Right to erasure (sletning)
right-erasure-text = in some cases you can ask to have data erased, for example when the municipality no longer needs them.
right-restriction = Right to restriction (begrænsning)
right-restriction-text = you can ask the municipality to only store the data for a time, for example while it is examined whether they are correct.
right-objection = Right to object (indsigelse)
right-objection-text = you can object to the municipality using your data if your particular situation speaks for it.
rights-deadline = The municipality must answer you at the latest one month after it received your request. If the case is particularly complicated, or you have sent many requests, the deadline can be extended by up to two months. You are then told about the extension and the reason within the first month.
rights-complain = If you disagree with how the municipality processes your data, you can complain to
rights-authority = the Danish Data Protection Agency (Datatilsynet)

## Signed out
signed-out-closed-title = This page was closed
signed-out-closed-text = This page was closed because it had not been used for { $minutes } minutes. You are still signed in, because you have used the portal in another window.
signed-out-title = You are signed out
signed-out-text = You were signed out because you had not used the portal for { $minutes } minutes. This protects your data in case you have left the screen.
signed-out-front = Go to the front page

## About the portal
about-title = About the portal
about-description = What Indblik shows and does not show: the log of the municipality's use of your data, where it comes from, how long it is kept, and what it leaves out.
about-lead = Indblik shows you who in the municipality has used your personal data, and lets you use your rights under the General Data Protection Regulation.
about-source-heading = Where does the information come from?
about-source = Public authorities must log every time an employee uses personal data in an IT system: when, who, what was done, and which person it concerned. The municipality's IT systems send these records to Indblik. The portal groups them by day, unit, system, action and purpose, so that you get an overview instead of a long list of technical lines.
about-no-names = The employee's name is never shown. You see the unit the employee belongs to, and the purpose the data were used for.
about-how-long-heading = How far back can I see?
about-how-long = The log is normally kept for six months and then deleted. The portal always shows from which date the log covers. If you want to know more about older use of your data, you can ask for access (indsigt).
about-who-heading = Who uses the portal?
about-who-citizens = Citizens, who sign in with MitID and see their own log and their requests.
about-who-caseworkers = The municipality's caseworkers, who handle requests for access, rectification, objection and the other rights.
about-who-dpo = The municipality's data protection officer, who watches the deadlines and that the log is used correctly.
about-own-use = When an employee opens your request in the portal, that is logged too, and you can see it in your own log.
about-behind-heading = Who runs it?
about-behind = The portal is run by { $municipality }. If you have questions about the portal, you can write to

## Accessibility statement
a11y-title = Accessibility statement (tilgængelighedserklæring)
a11y-description = How Indblik meets the web accessibility requirements (WCAG 2.1 and 2.2, level AA), what is not accessible, and how to tell us.
a11y-lead = { $municipality } wants everyone to be able to use Indblik, also with a screen reader, magnification, a keyboard instead of a mouse, or with JavaScript turned off.
a11y-scope = This statement covers the Indblik portal and is written under the Danish act on the accessibility of public sector bodies' websites and mobile applications. The standard is WCAG 2.1 at level AA, which the act refers to through the European standard EN 301 549. We also test against the new requirements of WCAG 2.2.
a11y-status-heading = Compliance status
a11y-status = The portal is partially compliant with WCAG 2.1 level AA. Every page is tested automatically with the axe-core tool in a real browser at every change of the portal, with and without JavaScript, and a change is not put into use if the test finds errors. Automatic tests do not find every problem, however, and the portal has not yet been reviewed by an independent expert. That is why we say partially compliant until it has been.
a11y-built-heading = How the portal is built
a11y-built-dkfds = The portal uses the Danish common design system (Det Fælles Designsystem, DKFDS), made for public services with accessibility in mind.
a11y-built-no-js = Every page works without JavaScript.
a11y-built-keyboard = There is a link that skips straight to the page's content, and everything can be done with the keyboard.
a11y-built-charts = Charts have a text describing them, and their numbers are also given in a table.
a11y-known-heading = Known problems
a11y-known = The names of the municipality's units, systems and purposes come from the municipality's own systems and are in Danish, also in the English version of the portal; they are marked as Danish, so that screen readers read them correctly. We know of no other parts of the portal that are not accessible. If you find a problem, we would very much like to hear about it.
a11y-contact-heading = Feedback and contact
a11y-contact = If you have problems with accessibility, or need the information in another form, write to
a11y-contact-answer = We normally answer within 10 working days.
a11y-complain-heading = Complaints
a11y-complain = If you are not satisfied with our answer, you can complain to the Danish Agency for Digital Government (Digitaliseringsstyrelsen), which supervises the accessibility of public websites:
a11y-about-heading = About this statement
a11y-about = This statement was written in November 2026 and is updated when the portal changes significantly, and at least once a year.

## Privacy policy
privacy-title = Privacy policy
privacy-description = Which data Indblik itself processes about you, why, how long they are kept, and how to contact the municipality's data protection officer.
privacy-heading = How Indblik processes your data
privacy-lead = Here you can read which data the portal itself uses when you sign in and send requests, and why.
privacy-controller-heading = Controller
privacy-controller = { $municipality } is the controller for the processing of your data in the portal. You can contact the municipality's data protection officer at
privacy-sign-in-heading = When you sign in
privacy-sign-in = You sign in with MitID. The portal receives your name and your CPR number (personal identity number) from MitID. Your name is used to show that you are signed in. Your CPR number is used to find exactly your records in the log: the portal turns it into a pseudonym, a code that can only be made with a secret key held only by the municipality's IT operations. The log and your requests know you by that code. While you are signed in, your CPR number is kept encrypted in your session on the server, so that you can send requests; it is deleted when the session ends.
privacy-cookies = The portal sets one cookie, which holds only a random number that keeps you signed in, and which is deleted when you close the browser. It is necessary for the portal to work and is not used for statistics or marketing. If you choose a language yourself ("På dansk" / "In English" at the top of the page), a cookie remembers your choice for a year; it holds only the language code. You are signed out when you sign out yourself, when you have not used the portal for { $minutes } minutes, and at the latest after 8 hours.
privacy-request-heading = When you send a request
privacy-request = If you send a request, for example for access (indsigt), the portal stores what you write and the messages between you and the municipality. So that the caseworker can find your data in the municipality's systems, your CPR number is stored encrypted with the request. If you give your e-mail address, we only use it to tell you that there is news in your case. The e-mail contains no personal data. The portal also stores whether you wrote in Danish or English, so that messages to you come in the same language.
privacy-security-heading = Security log
privacy-security = To protect your data, the portal records the time and IP address of rejected sign-in attempts and of attempts to open pages one has no access to. After repeated rejected attempts, further attempts are blocked. When an employee uses your data in the portal, for example opens your request, that is logged and shown in your own log.
privacy-basis-heading = Purpose and legal basis
privacy-basis-requests = We process the data to give you access to the log and to handle your requests. This is a legal obligation under Articles 12-22 of the General Data Protection Regulation, cf. Article 6(1)(c).
privacy-basis-security = The security log is necessary to protect the data, cf. Article 32 and Article 6(1)(c) and (e).
privacy-basis-cpr = The CPR number is processed to identify you unambiguously, cf. section 11(1) of the Danish Data Protection Act (databeskyttelsesloven).
privacy-recipients-heading = Who receives the data?
privacy-recipients = Only employees of the municipality who handle your request, and the municipality's data protection officer. The municipality may use suppliers to run the portal and for the MitID sign-in; they process the data only on the municipality's instructions. The data are not transferred to countries outside the EU/EEA.
privacy-retention-heading = How long do we keep the data?
privacy-retention-session = Your session (and your encrypted CPR number in it) is deleted when you sign out, otherwise when it expires, at the latest after 8 hours.
privacy-retention-sign-ins = That you signed in (time and IP address) is kept for { $months ->
    [one] { $months } month
   *[other] { $months } months
}.
privacy-retention-log = The log of the use of your data is kept for { $months ->
    [one] { $months } month
   *[other] { $months } months
}.
privacy-retention-requests = Requests are kept under the rules for records management and archiving that apply to the municipality.
privacy-retention-security = The security log (rejected attempts, and blocks that have been lifted) is kept for { $months ->
    [one] { $months } month
   *[other] { $months } months
}.
privacy-retention-mail = The portal's copy of an e-mail sent to you is kept for { $days ->
    [one] { $days } day
   *[other] { $days } days
}.
privacy-rights-heading = Your rights
privacy-authority-address = The Danish Data Protection Agency (Datatilsynet), Carl Jacobsens Vej 35, 2500 Valby, Denmark,

## Sign-in refused
refused-assurance-heading = Your MitID does not give access to the portal
refused-assurance = The portal shows who has used your personal data, and therefore requires that you sign in with MitID at a higher assurance level than the one you used. Sign in again with the MitID app, a code display or a code reader.
refused-cpr-heading = We could not find your CPR number
refused-cpr = MitID did not send a valid CPR number, and without it the portal cannot find your data. This can happen if you signed in with a business MitID. Try again with your private MitID.
refused-blocked-heading = Sign-in is blocked
refused-blocked = There have been too many failed attempts to sign in from your connection or with your MitID. For your security, further attempts are blocked until the municipality has looked into it. Write to the municipality at the address below, and we will lift the block once we have spoken with you.
refused-role-heading = You do not have access as staff
refused-role = Your user has no role in the portal (caseworker, data protection officer or administrator), or it lacks a unit. Contact your manager or the IT department if you need access.
refused-two-factor-heading = Sign-in requires two-factor authentication
refused-two-factor = Staff must sign in with two-factor authentication, for example with an authenticator app. Sign in again and approve with your second factor.
refused-unavailable-heading = MitID is not answering right now
refused-unavailable = The portal could not connect to MitID. Please try again in a moment.
refused-interrupted-heading = Sign-in was interrupted
refused-interrupted = The sign-in could not be completed, for example because it took too long or the page was reloaded on the way. Please try again.
refused-retry = Try signing in again
refused-help = If you need help, you can write to the municipality:
refused-front = Back to the front page

## Charts
chart-as-table = See the numbers as a table

## Types of use
use-verb-read = looked up your data
use-verb-search = found you in a search
use-verb-create = registered new data
use-verb-update = changed your data
use-verb-delete = deleted data
use-verb-print = printed your data
use-verb-export = extracted your data
use-verb-batch = processed your data in a batch run
use-verb-opened-request = opened your request
use-verb-unknown = used your data
use-label-read = Look-up
use-label-search = Search
use-label-create = Creation
use-label-update = Change
use-label-delete = Deletion
use-label-print = Print
use-label-export = Extract
use-label-batch = Batch run

## My log
my-log-title = Who has seen my data?
my-log-the-municipality = the municipality
my-log-lead = Here you can see which units of { $municipality } have used data about you, in which IT system, when and for what. You cannot see which employee it was. The log covers the time from { $from }.
my-log-no-uses = No use of your data in the period { $period }.
my-log-uses = { $count ->
    [one] { $count } time
   *[other] { $count } times
} in the period { $period }.
my-log-bulk-left-out = { $count ->
    [one] { $count } line
   *[other] { $count } lines
} from bulk extracts (runs that process many citizens at once) are not shown.
my-log-bulk-how = Tick "Also show bulk extracts" to see them.
my-log-correct-filter = Correct the filter, and we will show your log.
my-log-downloads = Download or print
my-log-csv = Download as a spreadsheet (CSV)
my-log-json = Download as data (JSON)
my-log-print = Printer-friendly view
my-log-date-hint = Day-month-year, e.g. 01-05-2026
my-log-filter-form = Filter the log
my-log-filter-legend = Filter what is shown
my-log-from = From date
my-log-to = To date
my-log-system = System
my-log-all-systems = All systems
my-log-unit = Unit
my-log-all-units = All units
my-log-use = Type of use
my-log-all-uses = All types
my-log-show-bulk = Also show bulk extracts
my-log-show = Show
my-log-reset = Reset
my-log-chart-caption = Use of your data per month, { $period }
my-log-chart-title = Number of times your data were used, per month
my-log-chart-month = Month
my-log-chart-count = Number of times
my-log-table = The use of your data
my-log-col-when = When
my-log-col-who = Who
my-log-col-what = What
my-log-col-system = System
my-log-col-purpose = Purpose
my-log-col-count = Count
my-log-col-ask = Ask
my-log-ask-look-up = Ask about this look-up
my-log-ask-use = Ask about this use
my-log-bulk = Bulk extract
my-log-was-hidden = Was hidden until recently:
my-log-legal-basis = Legal basis:
my-log-pages = Pages
my-log-page-of = Page { $page } of { $pages }
my-log-previous = Previous page
my-log-next = Next page
my-log-empty-heading = There is no use to show
my-log-empty = The municipality's systems have not registered that an employee used data about you in the chosen period with the chosen filters. Try a longer period or fewer filters.
log-filter-date-invalid = Write the date as day-month-year, e.g. 01-05-2026.
log-filter-end-before-start = The end date must be after the start date.
log-filter-use-invalid = Choose a type of use from the list.

## The words of requests: kinds, statuses, channels, extension, refusal
kind-access-label = Access (indsigt)
kind-rectification-label = Rectification (berigtigelse)
kind-objection-label = Objection (indsigelse)
kind-erasure-label = Erasure (sletning)
kind-restriction-label = Restriction (begrænsning)
kind-log_question-label = Question about a look-up
kind-access-title = See the data the municipality holds about you
kind-rectification-title = Have wrong data corrected
kind-objection-title = Object to a processing
kind-erasure-title = Have data erased
kind-restriction-title = Have a processing restricted
kind-log_question-title = Ask about a look-up in your log
kind-access-article = Article 15 of the General Data Protection Regulation
kind-rectification-article = Article 16 of the General Data Protection Regulation
kind-objection-article = Article 21 of the General Data Protection Regulation
kind-erasure-article = Article 17 of the General Data Protection Regulation
kind-restriction-article = Article 18 of the General Data Protection Regulation
kind-log_question-article = Article 15 of the General Data Protection Regulation
kind-access-explanation = You have the right to know which data the municipality processes about you, why, where they come from and who has received them. You also get an overview of which units have seen your data (your log).
kind-rectification-explanation = If data about you are wrong or incomplete, you can ask the municipality to correct them. Write what is wrong and what is right.
kind-objection-explanation = You can object to the municipality processing data about you when your particular situation is the reason. The municipality must then stop, unless there are compelling grounds to go on.
kind-erasure-explanation = You can ask the municipality to erase data that are no longer needed or that were processed without a lawful basis. The municipality must often keep data because the law requires it; you are then told why.
kind-restriction-explanation = You can ask the municipality to only store the data and not use them, for example while it is examined whether they are correct.
kind-log_question-explanation = You can ask why a unit has seen or changed your data. The question is a request for access to information about that processing (indsigt), and it is answered by the municipality's data protection function, not by the unit you ask about.
kind-access-about-label = What do you want access to?
kind-rectification-about-label = Which data is it about?
kind-objection-about-label = Which processing do you object to?
kind-erasure-about-label = Which data do you want erased, and why?
kind-restriction-about-label = Which processing do you want restricted, and why?
kind-log_question-about-label = What do you want to ask about?
kind-access-about-hint = Write, for example, "everything", or name a case, a unit or a period.
kind-rectification-about-hint = Feel free to name the case or the unit.
kind-objection-about-hint = Feel free to name the case or the unit.
kind-erasure-about-hint = Feel free to name the case or the unit.
kind-restriction-about-hint = Feel free to name the case or the unit.
kind-log_question-about-hint = For example, why the unit saw your data.
status-received = Received
status-in_progress = In progress
status-awaiting_citizen = Awaiting the citizen's reply
status-answered = Answered
status-partly_refused = Partly refused
status-refused = Refused
status-withdrawn = Withdrawn
status-closed = Closed
channel-portal = Indblik
channel-letter = Letter
channel-phone = Phone
channel-email = E-mail
extension-complexity = The request is complex
extension-number = You have sent many requests
refusal-unfounded = The request is manifestly unfounded (Article 12(5) of the General Data Protection Regulation)
refusal-excessive = The request is excessive, in particular because it is repeated (Article 12(5) of the General Data Protection Regulation)
refusal-section_22 = Decisive private or public interests (section 22 of the Danish Data Protection Act, databeskyttelsesloven)
status-awaiting_citizen-to-citizen = The municipality is waiting for your reply
right-to-complain = You can complain about the decision to the Danish Data Protection Agency (Datatilsynet), Carl Jacobsens Vej 35, 2500 Valby, www.datatilsynet.dk.

## Days to the deadline
days-cell-today = Due today
days-cell-overdue = { $days ->
    [one] { $days } day
   *[other] { $days } days
} overdue
days-cell-left = { $days ->
    [one] { $days } day
   *[other] { $days } days
}
days-sentence-today = The deadline is today.
days-sentence-overdue = The deadline was passed { $days ->
    [one] { $days } day
   *[other] { $days } days
} ago.
days-sentence-left = { $days ->
    [one] { $days } day
   *[other] { $days } days
} to the deadline.
due-window-overskredet = Overdue
due-window-snart = Due soon

## Casework actions, notices and history
case-action-heading-tildel = Assign
case-action-heading-uddybning = Ask the citizen for clarification
case-action-heading-besked = Write to the citizen
case-action-heading-note = Internal note
case-action-heading-forlaeng = Extend the deadline by two months
case-action-heading-svar = Answer
case-action-heading-afvis = Refuse fully or partly
case-action-heading-luk = Close the request
case-action-button-tildel = Assign to the chosen colleague
case-action-button-uddybning = Send question
case-action-button-besked = Send message
case-action-button-note = Save note
case-action-button-forlaeng = Extend the deadline
case-action-button-svar = Send answer
case-action-button-afvis = Send decision
case-action-button-luk = Close
notice-sendt = Your message has been sent.
notice-tilbagetrukket = The request has been withdrawn.
notice-tildelt = The request has been assigned.
notice-uddybning = The question has been sent to the citizen. The deadline keeps running.
notice-besked = The message has been sent to the citizen.
notice-note = The note is saved. The citizen does not see it.
notice-forlaenget = The deadline is extended, and the citizen can see the reason.
notice-besvaret = The answer has been sent to the citizen.
notice-afvist = The decision has been sent to the citizen.
notice-lukket = The request is closed.
notice-registreret = The request is registered, and the deadline is computed from its receipt.
history-received = The request was received through Indblik
history-registered = The request was registered
history-assigned-citizen = The request is being handled
history-assigned-staff = Assigned
history-clarification_asked = Question asking for clarification
history-message_to_citizen = Message from the municipality
history-message_from_citizen-citizen = Message from you
history-message_from_citizen-staff = Message from the citizen
history-note = Internal note
history-extended = The deadline was extended
history-answered = Answer
history-partly_refused = Partial refusal and answer
history-refused = Refusal
history-withdrawn = Withdrawn
history-closed = Closed
history-cpr_revealed = CPR number shown
history-by-you = You
history-by-citizen = The citizen
history-by-municipality = The municipality ({ $unit })

## When a step is not allowed
not-allowed-withdrawn = The request has been withdrawn.
not-allowed-closed = The request is closed.
not-allowed-answered = The request has already been answered.
not-allowed-extended-twice = The deadline has already been extended. It can only be extended once.
not-allowed-extend-late = The deadline cannot be extended once the original deadline has passed. The citizen must be told of an extension before the deadline.
not-allowed-close-open = The request can only be closed once it has been answered, refused or withdrawn.
not-allowed-reveal-cpr = Only caseworkers of the unit handling the request can see the full CPR number.
not-allowed-assignee = Choose a caseworker of the unit.

## Texts the portal writes in a request's history
registered-history = Received { $received } by { $channel }. Identity checked: { $identity }
registered-by = Registered by { $name }. Identity checked: { $identity }
extension-history = The new deadline is { $until }. Reason: { $reason }. { $explanation }
refusal-ground = Ground: { $ground }.

## E-mails
mail-notice-subject = There is news in your request
mail-notice-news = There is news in one of your requests to the municipality.
mail-notice-sign-in = Sign in with MitID to read it:
mail-notice-why = You get this message because you asked for it when you sent the request. The message was sent automatically; you cannot reply to it.
mail-digest-today = due today
mail-digest-overdue = { $days ->
    [one] { $days } day
   *[other] { $days } days
} overdue
mail-digest-left = { $days ->
    [one] { $days } day
   *[other] { $days } days
} left
mail-digest-deadline = deadline { $date }
mail-digest-dpo-subject = Indblik { $today }: { $overdue ->
    [one] { $overdue } deadline passed
   *[other] { $overdue } deadlines passed
}, { $soon } within { $days ->
    [one] { $days } day
   *[other] { $days } days
}
mail-digest-dpo-none = No open request has passed its deadline or is due within { $days } days.
mail-digest-dpo-some = Open requests past their deadline or due within { $days } days, in every unit:
mail-digest-overview = Overview: { $link }
mail-digest-own-subject = Indblik { $today }: { $count ->
    [one] { $count } of your requests is due soon
   *[other] { $count } of your requests are due soon
}
mail-digest-own = Your open requests past their deadline or due within { $days } days:
mail-digest-queue = Queue: { $link }

## The citizen's requests
new-request-title = New request
new-request-lead = You have a number of rights when the municipality processes data about you. Choose what you want to ask for. The municipality must answer you at the latest one month after it received your request. If the case is complicated, the deadline can be extended by two months; you are then told within the first month, with a reason.
new-request-your-right = Your right under { $article }.
new-request-ask-look-up-before = Do you want to ask about a particular look-up in your log? Go to{" "}
new-request-ask-look-up-after = {" "}and choose "Ask about this look-up" on its line.
request-form-right = Your right under { $article }. The municipality answers at the latest one month after receipt; you can follow the request under
row-not-found-before = We cannot find the look-up in your log. Go back to{" "}
row-not-found-link = your log
row-not-found-after = {" "}and choose "Ask about this look-up" on the line you want to ask about.
asked-row-heading = The look-up you are asking about
asked-row-what = { $action } ({ $count ->
    [one] { $count } time
   *[other] { $count } times
})
field-what-is-wrong = What is wrong?
field-what-is-right = What is right?
field-situation = What is your particular situation?
field-situation-hint = Tell us why the processing is a problem for you in particular.
field-notify-email = Your e-mail address (optional)
field-notify-email-hint = We only write that there is news in your request, never what the case is about.
request-send = Send request
receipt-title = Receipt
receipt-heading = We have received your request
receipt-title-of = Receipt for request { $number }
request-number = Request { $number }
receipt-received = Received { $received }. The municipality will answer you by { $due } at the latest.
receipt-deadline = The deadline is one month from receipt. If the municipality cannot make it because the case is complex, you are told so with a reason before the deadline, and the deadline can then be extended by at most two months.
receipt-mail = We will write to { $email } when the municipality has answered, or if the municipality needs something from you. You read the answer itself here in the portal.
receipt-no-mail = You have not given an e-mail address, so you will not be told when there is news. Look under "My requests" yourself.
receipt-follow = See and follow your request
receipt-print-how = You can print the receipt or save it as a PDF from the browser's menu.
receipt-print = Print receipt
request-not-yours = We cannot find the request among your requests.
my-requests-lead = Here you can follow your requests about your data and see the municipality's answers.
my-requests-none = You have no requests.
my-requests-table = Your requests
my-requests-caption = Your requests, newest first
col-number = Number
col-about = About
col-received = Received
col-status = Status
col-deadline = Deadline
deadline-extended = extended
citizen-form-message = Write to the municipality
citizen-form-withdraw = Withdraw the request
my-request-title = My request
back-to-my-requests = Back to my requests
awaited-asked = The municipality has asked you this:
awaited-deadline = The deadline for the municipality's answer keeps running while the municipality waits for you. Reply below.
my-request-mail = We will write to { $email } when there is news in the request.
withdraw-explained = If you no longer need an answer, you can withdraw the request. It cannot be undone, but you can always send a new one.
field-your-reply = Your reply
field-your-message = Your message
citizen-send-reply = Send reply
citizen-send-message = Send message
facts-about = The request is about
facts-deadline = Deadline for the answer
facts-extended-to = extended to { $until }
facts-extension-reason = Reason: { $reason }.
facts-unit = Handled by
facts-log-row = The look-up in the log
facts-what-is-wrong = What is wrong
facts-what-is-right = What is right
facts-situation = The particular situation
facts-log-question = A question about a look-up is a request for information about that processing (Article 15 of the General Data Protection Regulation).
history-heading = History
history-internal = internal, not shown to the citizen
history-status = Status: { $change }
attachments-heading = Attachments

## Errors
error-internal = An error occurred on our side. Give the reference { $reference } if you contact the municipality.
error-not-signed-in = You must sign in to see this page.
error-forbidden = You do not have access to this page.
error-unreachable = The connection to the portal failed. Try again in a moment.
error-title = An error occurred
unavailable-title = Indblik is not available just now
unavailable-text = Indblik cannot reach its data at the moment. Try again in a few minutes; what you sent and got a receipt for is saved.
error-reference = Reference: { $reference }.
not-found-title = The page does not exist
not-found-text = We cannot find the page you are looking for. It may have moved, or the address may be mistyped.

## Forms
form-errors-heading = Correct what is marked, and send again
form-not-saved = What you sent was not saved
form-see-what = See what to correct under "{ $heading }"

## Casework
case-not-found-or-other-unit = The request does not exist, or it belongs to another unit.
case-not-found = The request does not exist.
queue-title = Casework
queue-lead = Open requests sorted by deadline. The deadline is one month from receipt and can be extended once by two months.
queue-register = Register a request from a letter, a phone call or an e-mail
queue-search = Search by number or name
queue-search-hint = E.g. H-000123 or part of the citizen's name
queue-all-open = All open
queue-all-kinds = All kinds
queue-all-my-units = All my units
queue-all-deadlines = All deadlines
queue-only-mine = Only mine
queue-listed-open = { $count ->
    [one] { $count } open request
   *[other] { $count } open requests
}.
queue-listed-open-search = { $count ->
    [one] { $count } open request matches
   *[other] { $count } open requests match
} the search.
queue-listed = { $count ->
    [one] { $count } request
   *[other] { $count } requests
}.
queue-listed-search = { $count ->
    [one] { $count } request matches
   *[other] { $count } requests match
} the search.
queue-caption = Requests, earliest deadline first
col-left = Left
col-kind = Kind
col-citizen = Citizen
col-caseworker = Caseworker
not-assigned = Not assigned
case-title = Request
back-to-queue = Back to the queue
open-case-title = Open request
open-case-lead = You came here from a link outside the portal. When you open the request, the look-up is logged on the citizen, and the citizen can see it.
open-case-button = Open request { $number }
case-cpr = CPR number
case-cpr-logged = the display is logged
case-cpr-reveal = Show the full CPR number
case-cpr-reveal-logged = The display is logged and can be seen by the citizen.
case-registration = Registration
case-read-only = You can see the request, but only caseworkers of the unit handling it can act on it.
case-actions = Actions
assign-to-me = Assign to me
assign-colleague = Or choose a colleague
answer-body = Answer to the citizen
answer-log-attached = The citizen's log (the overview from "Who has seen my data?") is attached to the answer as a CSV file.
clarification-deadline = The deadline keeps running while the citizen replies.
clarification-body = Question to the citizen
message-body = Message to the citizen
extend-once = The deadline can be extended once, and only before the original deadline. The citizen sees the reason.
extend-reason = Reason
choose = Choose
extend-explanation = Explanation to the citizen
refuse-fully = Fully
refuse-partly = Partly (answer the rest in the text)
refuse-scope = Is the request refused fully or partly?
refuse-ground = Legal ground
refuse-body = Reasons given to the citizen
refuse-body-hint = The citizen is told automatically of the right to complain to the Danish Data Protection Agency.
refuse-assessment = Specific assessment under section 22 (internal)
refuse-assessment-hint = Required for a restriction under section 22 of the Danish Data Protection Act. Not shown to the citizen.
close-when-done = Close the request when nothing more is to happen.
note-body = Note (not shown to the citizen)
register-title = Register a request
register-heading = Register a request from a letter, a phone call or an e-mail
register-lead = The deadline runs from the time the request reached the municipality, whether or not anyone had read it. So write the right time of receipt.
register-kind = What does the citizen ask for?
register-channel = How did the request come in?
register-date = Date received
register-date-hint = YYYY-MM-DD
register-time = Time received
register-time-hint = HH:MM
register-name = The citizen's name
register-cpr = The citizen's CPR number
register-cpr-hint = 10 digits, e.g. 010203-1234
register-identity = How was the identity checked?
register-identity-hint = E.g. a signed letter compared with the CPR register, or a call back to the number in the CPR register.
register-about = What is the request about?
register-what-is-wrong = For rectification: what is wrong?
register-what-is-right = For rectification: what is right?
register-situation = For objection: the citizen's particular situation
register-email = The citizen's e-mail for news (optional)
register-button = Register

## The data protection officer's page
dpo-title = Data protection officer
dpo-heading = Overview for the data protection officer
access-control = Access control
lifted = Block no. { $id } is lifted, and the reason is recorded.
access-control-lead = Rejected access attempts and blocks after repeated rejected attempts (section 18 of the Danish security order, sikkerhedsbekendtgørelsen).
block-choice = No. { $id }: { $what }
blocks-active = Active blocks
blocks-none = No active blocks.
col-no = No.
col-blocked = Blocked
col-rejections = Rejected attempts
rejections-latest = Latest rejected access attempts
rejections-none = No rejected access attempts.
col-time = Time
col-ip = IP address
col-reason = Reason
col-page = Page
lift-heading = Lift a block
lift-lead = Lift a block once its cause has been investigated. Who lifted it, and why, is recorded.
lift-block = Block
lift-choose = Choose a block
lift-cause = Reason for lifting it
lift-cause-hint = E.g. what the investigation of the attempts showed. At most 500 characters, no CPR numbers.
lift-button = Lift the block
dpo-deadlines = Requests and deadlines
dpo-overdue = { $count ->
    [one] open request has
   *[other] open requests have
} passed the deadline
dpo-due-soon = { $count ->
    [one] open request is
   *[other] open requests are
} due within { $days } days
dpo-median = Median days from receipt to answer (12 months):
dpo-extended-share = Share with an extended deadline (received in the last 12 months):
dpo-csv = Download every request as CSV
dpo-csv-note = (without names and CPR numbers)
dpo-urgent = Deadlines passed or soon due
dpo-urgent-none = No open request is due within { $days } days.
dpo-by-status = Open requests by status
dpo-by-kind = Open requests by kind
dpo-chart-caption = Share answered within the deadline, by month of the decision
dpo-chart-title = Share answered within the deadline per month
dpo-chart-value = Share within the deadline
dpo-decided-per-month = Decided requests per month
col-decided = Decided
col-on-time = Within the deadline
dpo-per-unit = Per unit
dpo-per-unit-label = Requests per unit
dpo-per-unit-caption = Requests per unit; decided and received cover the last 12 months
col-open = Open
col-due-within = Due within { $days } days
col-median-days = Median days
deadline-extended-column = Extended
sources = Source systems
sources-all-recent = Every source system has delivered events to the log recently.
sources-silent = { $count ->
    [one] { $count } source system has
   *[other] { $count } source systems have
} not delivered events for a long time. The log may lack uses of citizens' data: look into the delivery.
sources-caption = Source systems and their latest delivery, the longest silent first
col-last-delivery = Last delivered
col-events = Events in all
source-silent = Silent
never = Never
mail-heading = E-mail
mail-digest-not-yet = The daily digest of deadlines has not been sent yet.
mail-digest-last = Latest daily digest of deadlines: { $day }.
mail-all-sent = All e-mail has been sent.
mail-waiting = { $count } e-mails are waiting to be sent (the oldest from { $oldest }).
mail-failing = { $count } e-mails could not be handed to the mail server and will be tried again. The cause is in the server's log.
who-citizen = citizen
who-staff = staff member { $id }
who-api-key = API key of the source system { $system }
who-unknown = unknown
blocked-ip = IP address { $ip }
blocked-ingestion = Ingestion from IP address { $ip } for the source system { $system }
blocked-ingestion-keyless = Ingestion from IP address { $ip } with keys without a source system
blocked-until = { $what } (until { $until })
blocked-citizen = a citizen

## The forms' error messages
form-control-character = The text contains an invisible control character that cannot be stored. Type or paste the text again.
form-email-invalid = Write an e-mail address like name@example.dk, or leave the field empty.
form-question-missing = Write your question.
form-about-missing = Write what your request is about.
form-wrong-missing = Write which data are wrong.
form-right-missing = Write what is right.
form-situation-missing = Describe your particular situation. The municipality needs it to assess the objection.
form-kind-missing = Choose what the citizen asks for.
form-channel-missing = Choose how the request came in.
form-cpr-invalid = Write a valid CPR number with 10 digits, e.g. 010203-1234.
form-name-missing = Write the citizen's name.
form-identity-missing = Write how the citizen's identity was checked (e.g. a signed letter compared with the CPR register).
form-date-invalid = Write the date of receipt as YYYY-MM-DD, e.g. 2026-11-23.
form-time-invalid = Write the time as HH:MM, e.g. 09:30.
form-time-skipped = That time does not exist on that day (summer time). Choose another.
form-received-future = The time of receipt cannot be in the future.
form-text-missing = Write a text.
form-reason-missing = Choose the reason for the extension.
form-explanation-missing = Explain to the citizen why the deadline is extended.
form-answer-missing = Write the answer to the citizen.
form-scope-missing = Choose whether the request is refused fully or partly.
form-ground-missing = Choose the legal ground for the refusal.
form-refusal-body-missing = Write the reasons to the citizen (for a partial refusal, also the answer to the rest).
form-assessment-missing = A restriction under section 22 requires a specific, written assessment.
form-too-long = The text is too long. Write at most { $max } characters.
lift-cause-missing = Write why the block is lifted, e.g. what the investigation showed.
lift-cause-too-long = Write the reason in at most 500 characters.
lift-cause-control-character = The reason contains a character that cannot be stored. Write it again.
lift-cause-cpr = Write the reason without a CPR number.
lift-block-missing = Choose the block to lift.
form-field-missing = The form lacks a field. Load the page again.
form-conflict = The request has been changed since you opened the page. See the new status below, and try again.
asked-row-missing = We cannot find the look-up in your log. Go back to your log, and choose "Ask about this look-up" on its line.
only-caseworkers = Only caseworkers of the unit handling the request can do this.
only-caseworkers-register = Only caseworkers can handle requests.
form-assignee-missing = Choose a caseworker.
sign-in-again = Sign out and in again with MitID before you send a request.

## Exports
csv-date = Date
csv-time = Time
csv-unit = Unit
csv-authority = Authority
csv-action = Action
csv-system = System
csv-purpose = Purpose
csv-legal-basis = Legal basis
csv-count = Number of times
csv-bulk = Bulk extract
csv-hidden = Previously hidden, reason
csv-yes = yes
csv-no = no
csv-days-to-decision = Days to decision
json-description = Use of your personal data, summarised per day, unit, system, action and purpose.
lift-block-gone = The block does not exist or has already been lifted.
forbidden-title = No access

## Refusals without a page
refused-cross-site = The action was refused because it did not come from the portal's own pages. Load the page again, and try again.
refused-address = The address is not valid.
refused-rate = Too many requests from your address. Try again in { $seconds } seconds.

## The data protection officer's notice of a block
block-notice-staff = a staff member
block-notice-citizen = a citizen
block-notice-subject = Indblik has blocked access for { $who } (block no. { $id })
block-notice-body = After { $rejections } rejected access attempts in a row, Indblik has blocked access for { $who }. The block has no. { $id } and lasts until you or an administrator lifts it.
block-notice-what-to-do = Look into the attempts, and lift the block with a reason when the cause is clear:
form-ground-not-for-kind = Section 22 of the Danish Data Protection Act can only limit the right of access. Choose another ground.
not-allowed-ground-for-kind = The chosen ground cannot refuse this kind of request.

## Hidden entries (section 22 of the Danish Data Protection Act)
case-action-heading-skjulte = Assess hidden entries
case-action-button-skjulte = Save the assessment
notice-skjulte-vurderet = The assessment of the hidden entries is saved. The citizen does not see it.
history-hidden_assessed = Assessment of hidden entries
hidden-heading = Hidden entries in the period of the answer
hidden-lead = The citizen has entries that the source system has hidden under section 22 of the Danish Data Protection Act. The citizen cannot see them. Only how many there are, from which system, until when and why is shown here, not what they are.
hidden-group = { $count ->
    [one] { $count } entry
   *[other] { $count } entries
} from { $system }, hidden { $until }: { $reason }
hidden-until-date = until { $date }
hidden-until-further = until further notice
hidden-must-assess = The answer can only be sent once you have assessed the hidden entries.
hidden-assessed = Assessed.
hidden-decision = What is to happen to the hidden entries?
hidden-keep = They stay hidden (give the legal ground)
hidden-disclose = The source unit is asked to disclose them
hidden-text = Reasons
hidden-text-hint = If kept hidden: the legal ground and the specific assessment. If disclosure is asked for: what the source unit is asked. Not shown to the citizen, but to the data protection officer.
hidden-history-keep = Hidden entries in the period of the answer: { $count }. Assessment: kept hidden. { $text }
hidden-history-disclose = Hidden entries in the period of the answer: { $count }. Assessment: the source unit is asked to disclose them. { $text }
form-hidden-decision-missing = Choose whether the entries stay hidden, or the source unit is asked to disclose them.
form-hidden-text-missing = Write the reasons for the assessment.
not-allowed-hidden-unassessed = The citizen has hidden entries in the period of the answer. Assess them under "Assess hidden entries" before you send the answer.
not-allowed-hidden-none = There are no hidden entries to assess in the period of the answer.

## Transfer to another unit
case-action-heading-overfoer = Transfer to another unit
case-action-button-overfoer = Transfer
notice-overfoert = The request has been transferred. It is now in the new unit's queue, and the deadline is the same.
history-transferred = The request was transferred to another unit
transfer-unit = Unit
transfer-reason = Reason
transfer-reason-hint = The citizen can read the reason. The deadline does not change.
transfer-history = Transferred from { $from } to { $to }. { $reason }
form-transfer-unit-missing = Choose the unit to transfer the request to.
form-transfer-reason-missing = Write why the request is transferred.
not-allowed-transfer-unit = Choose another unit from the list than the one that has the request now.

## More kinds of request
kind-consent_withdrawal-label = Withdrawal of consent (tilbagekaldelse af samtykke)
kind-human_review-label = Human review of an automated decision
kind-other-label = Other
kind-consent_withdrawal-title = Withdraw a consent
kind-human_review-title = Have an automated decision reviewed by a person
kind-other-title = Ask something else about your data
kind-consent_withdrawal-article = Article 7(3) of the General Data Protection Regulation
kind-human_review-article = Article 22(3) of the General Data Protection Regulation
kind-other-article = Article 12 of the General Data Protection Regulation
kind-consent_withdrawal-explanation = If you have given the municipality your consent to use your data, you can always withdraw it. It applies from the moment you withdraw it; what happened before does not become unlawful for that reason.
kind-human_review-explanation = If a decision about you was made by an IT system alone, without a person assessing it, you can ask for an employee to assess the case, and you can give your view and contest the decision.
kind-other-explanation = If you have another question or wish about the municipality's processing of your data, you can write it here. The municipality answers within one month.
kind-consent_withdrawal-about-label = Which consent do you want to withdraw?
kind-human_review-about-label = Which decision is it about, and what is your view?
kind-other-about-label = What do you want to ask or ask for?
kind-consent_withdrawal-about-hint = Feel free to say when, and to which unit, you gave it.
kind-human_review-about-hint = Feel free to give the date of the decision and the case.
kind-other-about-hint = Feel free to name the case or the unit.

## Asking the DPO
case-action-heading-spoerg-dpo = Ask the data protection officer
case-action-button-spoerg-dpo = Send the question
consultation-lead = The question and the advice are kept in the history as internal notes. The citizen does not see them, and the deadline runs on.
consultation-body = Your question
notice-dpo-spurgt = The question has been sent to the data protection officer, who has been told.
notice-dpo-raad = Your advice has been saved, and the caseworker has been told.
history-dpo_consulted = Question to the data protection officer
history-dpo_advised = The data protection officer's advice
history-advice_followed = The decision follows the data protection officer's advice
history-advice_not_followed = The decision does not follow the data protection officer's advice
consultation-waiting-heading = Waiting for the data protection officer's advice
consultation-waiting-lead = { $name } asked on { $at }:
advice-heading = Give your advice
advice-lead = The caseworker has asked for your advice on this request. You can answer once; the answer is kept in the history as an internal note.
advice-body = Your advice
advice-body-hint = The caseworker sees the advice on the case. The citizen does not.
advice-button = Send the advice
advice-followed = Does the decision follow the data protection officer's advice?
advice-followed-yes = Yes
advice-followed-no = No
advice-deviation = Why not?
advice-deviation-hint = Required if the decision does not follow the advice. It is an internal note.
form-advice-followed-missing = Choose whether the decision follows the data protection officer's advice.
form-advice-deviation-missing = Write why the decision does not follow the data protection officer's advice.
not-allowed-consultation-waiting = The data protection officer already has a question about this request that has not been answered. Wait for the advice.
not-allowed-no-consultation = No question is waiting for your advice. You may have answered already.
not-allowed-advice-unstated = Say whether the decision follows the data protection officer's advice.
mail-consultation-asked-subject = Indblik: a question for you about request { $number }
mail-consultation-asked = A caseworker asks for your advice on request { $number }. Sign in as staff and open the request here:
mail-consultation-advised-subject = Indblik: the data protection officer has answered about request { $number }
mail-consultation-advised = The data protection officer has answered your question about request { $number }. Sign in as staff and open the request here:
consultations-heading = Questions waiting for your advice
consultations-none = No caseworker is waiting for advice.
consultations-asked = Asked
consultations-asked-by = Asked by

## An answer's documents
answer-documents = Attach documents (optional)
answer-documents-hint = PDF, PNG or JPEG, at most { $max } MB a file and { $count } files. The citizen can download them with the answer.
form-documents-too-many = Attach at most { $max } files.
form-documents-unnamed = without a name
form-documents-empty = The file { $name } is empty.
form-documents-too-large = The file { $name } is larger than { $max } MB.
form-documents-too-large-in-all = The files are too large together. Each file may be at most { $max } MB, and you can attach { $count }. Choose the files again.
form-documents-type = The file { $name } is not a PDF, PNG or JPEG file.
form-documents-name-lies = The file { $name } is called { $claimed }, but its content is { $actual }. Correct the name or choose the right file.
form-documents-extension = The file { $name } is a { $actual } file, and its name must end so (for example .pdf, .png or .jpg).
form-documents-choose-again = Choose the files again: a browser does not send them a second time.

## The answer's log as staff see it
answer-log-heading = The log in the answer
answer-log-lead-all = The citizen got { $total ->
    [one] one row
   *[other] { $total } rows
} in their log. You see them all.
answer-log-lead-part = You see { $shown } of the { $total } rows the citizen got in their log: only your unit's. The citizen has them all.
answer-log-withheld-units = Not shown to you: rows from { $units }.
answer-log-withheld-sensitive = { $count ->
    [one] One row comes from a system or authority marked sensitive and is not shown to other units.
   *[other] { $count } rows come from systems or authorities marked sensitive and are not shown to other units.
}

## Letters
form-postal-address-missing = Write the citizen's postal address: the answer to a letter goes by post.
form-postal-address-lines = Write the address on at most 6 lines.
form-sent-future = The date is in the future. Record the letter when it has been sent.
form-sent-before = The letter cannot have been sent before what it tells of.
register-postal-address = The citizen's postal address
register-postal-address-hint = Required when the request came by letter. Answers and other letters are sent here.
notice-brev-sendt = The letter has been recorded as sent.
history-letter_sent = Letter sent
history-extension_lapsed = The extension of the deadline does not hold
letter-link = Letter to the citizen
letter-sent-on = sent { $date }
letter-not-sent = not recorded as sent
letter-title = Letter: { $subject }
letter-page-title = Letter about request { $number }
letter-print-hint = Print the letter with the browser's print (Ctrl+P or ⌘P) on A4. Only the letter is printed.
letter-print = Print
letter-record-heading = Record that the letter has been sent
letter-record-lead = When the letter has been sent, write the date here. It goes into the history, and for a request that came by letter it is the day the citizen was told of an extension.
letter-sent-day = Sent on
letter-record-button = Record the sending
letter-already-sent = The letter was recorded as sent on { $date }.
letter-to = To
letter-number = Request no. { $number }
letter-date = Date: { $date }
letter-regards = Kind regards
letter-attachments = Enclosed: { $names }
letter-back = Back to the request
letter-subject-received = We have received your request
letter-subject-registered = We have received your request
letter-subject-clarification_asked = We need more information
letter-subject-message_to_citizen = A message about your request
letter-subject-extended = We need more time
letter-subject-answered = The answer to your request
letter-subject-partly_refused = The answer to your request, partly refused
letter-subject-refused = Your request is refused
letter-subject-transferred = Your request has been transferred
letter-subject-extension_lapsed = The deadline for our answer
letter-receipt = We received your request about { $kind } on { $received }. Its number is { $number }; quote it if you contact us about it.
letter-receipt-deadline = We will answer by { $due } at the latest. If we need more time, you will hear from us before then.
letter-deadline-runs = The deadline for our answer is still { $due }.
not-allowed-letter-recorded = The letter has already been recorded as sent.
not-allowed-letter-entry = There is no letter to the citizen about what you chose.
extension-lapsed-history = The extension does not hold, because the letter about it was sent only on { $sent }, after the deadline { $due }. The deadline for the answer is { $due }.
municipality-address-missing = (the municipality's address is not set up: the setting municipality_postal_address)

## Staff: look-ups are logged
staff-logging-heading = Your look-ups are logged
staff-logging-text = Each time you open a request, show a CPR number, download a file or print a letter, it is logged with the time, your unit and the purpose, as are your look-ups in the municipality's own systems. The citizen can see the look-up in their log (your unit, not your name) and ask about it, and the data protection officer looks into such questions in the log. The log is also checked: rules flag unusual look-ups (outside opening hours, many citizens in a short time, protected citizens, closed cases, looking yourself up), which the data protection officer looks at, and now and then you are asked to give your manager the reason for a few randomly chosen look-ups. The log is kept for { $months ->
    [one] { $months } month
   *[other] { $months } months
}.

## Control of the log
tagline-control = control of the log
menu-control = Control of the log
home-to-control = To the control of the log
control-title = Control of the log – Indblik
control-heading = Control of the log
control-lead = The municipality itself checks how its employees use citizens' data. Citizens' access to the log supplements that control; it does not replace it.
control-log-link = Search the log
control-log-what = the single events with employee, case and the source system's id, to look into a question or a suspicion
control-log-title = Search the log – Indblik
control-log-heading = Search the log
control-log-lead = Search the events the source systems have logged, with the employee's id, the case and the system's own id. A CPR number becomes the citizen's key at once; it is neither stored nor shown.
control-any = All
control-cpr = The citizen's CPR number
control-cpr-hint = Optional. 10 digits, with or without a hyphen. The search is logged on the citizen, who can see it in their log.
control-cpr-invalid = Enter a valid CPR number: 10 digits, e.g. 010203-1234.
control-citizen-lost = The citizen of the previous search could not be found again. Enter the CPR number again.
control-citizen-kept-legend = Citizen
control-citizen-kept = Keep searching for the citizen of the previous search (the CPR number is not shown again)
control-actor = The employee's id in the source system
control-actor-hint = Optional. As the system logs it, e.g. bs-1234.
control-from = From
control-from-hint = Optional. By default from the log's first day.
control-to = To
control-to-hint = Optional. By default today.
control-period-reversed = The end date is before the start date. Correct one of them.
control-search-button = Search
control-export-button = Download as CSV
control-search-logged = Every search is logged: on the citizen when you search for one, otherwise as a search with your criteria.
control-found-heading = Events
control-found = { $count ->
    [one] There is { $count } event.
   *[other] There are { $count } events.
}
control-found-more = There are more than { $count } events; narrow the search to see them all.
control-found-period = The period is { $period }.
control-pages = Pages of events
control-page = Page { $page }
control-previous = Previous page
control-next = Next page
control-col-time = Time
control-col-system = System
control-col-unit = Unit
control-col-actor = Employee
control-col-actor-name = Name in the staff directory
control-col-use = Use
control-col-purpose = Purpose
control-col-subject = Citizen or search
control-col-case = Case
control-col-hidden = Hidden from the citizen
control-col-closed = Closed case
control-col-state = State
control-col-event-id = Event id
control-searched-for = Search: { $criterion }
control-hidden-until = Hidden from the citizen until { $until }: { $reason }
control-hidden-open = Hidden from the citizen until further notice: { $reason }
control-case-closed = Closed case.
control-flags-link = Flags
control-flags-what = look-ups the rules marked as unusual, to be assessed
flag-not-found = The flag does not exist.
flags-title = Flags – Indblik
flags-heading = Flags of unusual look-ups
flags-lead = The rules below flag look-ups that are unusual. A flag is a reason to ask, not a verdict: most have a good explanation.
flags-by-status = Flags by status
flags-with-status = Flags: { $status }
flags-none = There are no flags with that status.
flag-col-flag = Flag
flag-col-day = Day
flag-col-about = About
flag-col-events = Events
flag-rule-outside_hours = Outside opening hours
flag-rule-many_citizens = Many citizens in a short time
flag-rule-protected_citizen = Protected citizen
flag-rule-closed_case = Closed case
flag-rule-own_record = Looking up oneself
flag-rule-outside_hours-what = A look-up outside the unit's opening hours (Danish time, closed on public holidays). By default Monday to Friday, 07:00 to 18:00.
flag-rule-many_citizens-what = An employee looks up many different citizens in one system within a short time.
flag-burst-now = Now: more than { $max } citizens within { $within } minutes.
flag-rule-protected_citizen-what = A look-up of a citizen on the protected list (public figures, people with name and address protection, the municipality's own employees) by a unit without a standing reason.
flag-rule-closed_case-what = A look-up in a case the source system has marked closed.
flag-rule-own_record-what = An employee looks themselves up (according to the staff directory).
flag-rule-on = on
flag-rule-off = off
flag-rules-heading = Rules
flag-rules-legend = Rules switched on
flag-rules-dpo-only = The data protection officer switches rules on and off and sets the thresholds.
flag-rules-saved = The rules are saved. They apply to the events received from now on.
flag-rules-save = Save the rules
flag-burst-max = Largest number of different citizens
flag-burst-max-hint = More citizens than this are flagged. A whole number from 1 to 10,000.
flag-burst-max-invalid = Enter a whole number from 1 to 10,000.
flag-burst-within = Within minutes
flag-burst-within-hint = From the first to the last look-up. A whole number from 1 to 1,440.
flag-burst-within-invalid = Enter a whole number from 1 to 1,440.
protection-public_figure = public figure
protection-address_protection = name and address protection
protection-employee = the municipality's employee
flag-status-open = Not assessed
flag-status-justified = Justified
flag-status-explanation_asked = Sent to the unit for an explanation
flag-status-incident = Security incident
flag-title = Flag – Indblik
flag-not-a-verdict = A flag is a reason to ask, not a verdict. Ask the unit before you conclude anything.
flag-decided-now = Your assessment is saved.
flag-raised = Flagged
flag-status = Status
flag-decided-by = Assessed by
flag-note = Note
flag-note-hint = What you found out, and what happens next. At most 2,000 characters.
flag-note-missing = Write a note about the assessment.
flag-status-missing = Choose an assessment.
flag-events-heading = The events behind the flag
flag-decide-heading = Assessment
flag-decide-legend = The flag is
flag-decide-button = Save the assessment
flag-back = Back to the flags
control-questions-link = Citizens' questions about the log
control-questions-what = questions about a look-up, with the events behind it and your investigation
questions-title = Citizens' questions about the log – Indblik
questions-heading = Citizens' questions about the log
questions-lead = When a citizen asks about a look-up in their log, it becomes a request. Here you see the events behind the look-up and write what you found. The answer to the citizen is given in the request.
questions-none = No citizen has asked about a look-up.
questions-row = The look-up
questions-finding = Investigation
questions-found = Written
questions-not-found-yet = Missing
questions-back = Back to the questions
question-not-found = The question does not exist.
question-title = Question about the log – Indblik
question-heading = Question about the log, request { $number }
question-asked = The citizen's question
question-answer-through-request = The caseworker answers the citizen in the request and sees your investigation there. Opening the question is logged on the citizen.
question-events = The events behind the look-up
question-events-gone = The events are no longer in the log.
question-finding-heading = The investigation
question-finding-label = What you found
question-finding-hint = E.g. who looked it up, in which case and why. At most 4,000 characters. The caseworker sees it; the citizen sees the answer.
question-finding-missing = Write what you found.
question-finding-save = Save the investigation
question-finding-saved = The investigation is saved.
log-finding-heading = The control of the log has investigated the look-up
log-finding-lead = Written by { $by } on { $at }:
tagline-samples = your random samples
menu-my-samples = My random samples
home-to-samples = To your random samples
control-samples-link = Random samples to review
control-samples-what = the employees' reasons for the look-ups drawn, to be assessed
control-plans-link = Plans of random samples
control-plans-what = which units and systems samples are drawn in, and when next
my-samples-title = My random samples – Indblik
my-samples-heading = My random samples
my-samples-lead = Now and then the municipality draws a few of your look-ups of citizens' data and asks you to write why you looked, e.g. the case number. It is a routine check, not a suspicion. Your manager and the data protection officer see your answers.
my-samples-none = You have no random samples.
review-samples-title = Random samples to review – Indblik
review-samples-heading = Random samples to review
review-samples-lead = For each look-up drawn, the employee has written a reason. Assess whether it is in order or needs follow-up, and write a note.
review-samples-none = There are no random samples to review.
sample-saved = It is saved.
sample-heading = Sample of { $date }: { $unit }, { $system }
sample-every-system = every system
sample-answer-by = Answer by { $date }.
sample-late = The answers are late.
sample-when = Time
sample-citizen = Citizen (masked)
sample-reason = Reason
sample-no-reason = Not answered yet.
sample-answered = Answered by
sample-review = Assessment
sample-review-note = Note
sample-reviewed = Assessed by
sample-reason-label = Why did you look it up?
sample-reason-hint = E.g. the case number or the task. At most 2,000 characters. You can correct the answer until it is assessed.
sample-reason-missing = Write why you looked it up.
sample-answer-button = Save the reason
sample-review-legend = The reason is
sample-review-in_order = In order
sample-review-follow_up = Needs follow-up
sample-review-missing = Choose an assessment.
sample-review-note-hint = At most 2,000 characters.
sample-note-missing = Write a note.
sample-review-button = Save the assessment
sample-not-yours = The look-up is not among those you can answer or assess.
sample-reminder-subject = Your random samples wait for answers
sample-reminder-body = { $count ->
    [one] { $count } look-up
   *[other] { $count } look-ups
    } in your random samples wait for your reason. The time limit was { $due }.

    Sign in and answer here: { $link }

    This mail holds no data about citizens.
plans-title = Plans of random samples – Indblik
plans-heading = Plans of random samples
plans-lead = A plan draws samples in one unit (and possibly one system) at random intervals. Only the data protection officer and the investigators see the dates until the sample is drawn.
plans-none = There are no plans yet.
plans-new = New plan
plans-choose-unit = Choose a unit
plans-min-months = Fewest months between samples
plans-max-months = Most months between samples
plans-per-employee = Look-ups per employee
plans-days-before-min = Look-ups from at least this many days before
plans-days-before-max = Look-ups from at most this many days before
plans-answer-days = Days to answer
plans-create = Create the plan
plans-interval = Interval
plans-interval-value = { $min }–{ $max } months
plans-draw = Draw
plans-draw-value = { $count } look-ups per employee from { $from }–{ $to } days before; answer within { $answer } days
plans-next = Next sample
plans-drawn = Drawn
plans-stop = Stop the plan
plans-resume = Resume the plan
plans-active = Active
plans-stopped = Stopped
plan-unit-missing = Choose a unit.
plan-unknown = The unit or system is not in the master data.
plan-exists = The unit and system have a plan already.
plan-not-found = The plan does not exist.
plan-number-invalid = Enter a whole number from { $min } to { $max }.
plan-months-reversed = The most months must be at least the fewest.
plan-days-reversed = The most days must be at least the fewest.
about-control = The municipality also checks the log itself: unusual look-ups (e.g. outside opening hours or of many citizens in a short time) are flagged automatically and looked into, and employees regularly explain randomly chosen look-ups to their manager. At least every half-year the managers review who still needs access, with statistics of how much each employee used the systems. When the control looks you up, you can see that in your log too.
weekday-1 = Monday
weekday-2 = Tuesday
weekday-3 = Wednesday
weekday-4 = Thursday
weekday-5 = Friday
weekday-6 = Saturday
weekday-7 = Sunday
hours-holidays-too = , public holidays too
hours-heading = Opening hours
hours-lead = The rule about look-ups outside opening hours uses the unit's own hours or the standard ones. Public holidays are closed unless the unit is open on them.
hours-col = Open
hours-standard = Standard: Monday to Friday 07:00–18:00, closed on public holidays
hours-days = Open days
hours-no-days = Choose at least one day.
hours-opens = Opens
hours-closes = Closes
hours-time-hint = HH:MM, e.g. 07:30. Closing at 24:00 is midnight.
hours-reversed = The closing time must be after the opening time.
hours-holidays = Open on public holidays
hours-save = Save the opening hours
hours-reset = Use the standard hours
protected-heading = Protected citizens
protected-lead = Look-ups of these citizens are flagged when the unit has no standing reason. Citizens are kept as a key only; the CPR number is neither stored nor shown. Besides, { $employees } of the municipality's employees are protected through the staff directory.
protected-none = There are no citizens on the list.
protected-why = Why
protected-added = Added
protected-remove = Remove
protected-remove-one = Remove { $who }
protected-cpr-hint = Becomes the citizen's key at once.
protected-choose = Choose why
protected-note-hint = Optional, e.g. "council member". Not a CPR number. At most 500 characters.
protected-add = Add to the list
protect-category-missing = Choose why the citizen is protected.
protect-note-cpr = The note must not hold a CPR number.
protect-gone = The citizen is not on the list.
standing-heading = Standing reasons
standing-lead = A unit with a standing reason to look up a kind of protected citizen (e.g. Payroll and HR for the municipality's employees) is not flagged for it.
standing-none = No unit has a standing reason.
standing-reason = The reason
standing-reason-missing = Write the reason.
standing-add = Add the standing reason
standing-remove = Remove { $unit }'s standing reason for { $category }
standing-gone = The standing reason does not exist.
role-caseworker = Caseworker
role-dpo = Data protection officer
role-admin = Administrator
role-manager = Manager
role-investigator = Investigator
role-employee = Employee
refused-removed-heading = Your access to Indblik has been removed
refused-removed = Your access was removed in a review of authorisations. Contact your manager or the data protection officer if you need access again.
control-usage-link = Usage statistics
control-usage-what = how much each employee used each system, and who did not use it
control-reviews-link = Review of authorisations
control-reviews-what = the half-yearly review of who still needs access
usage-title = Usage statistics – Indblik
usage-heading = Usage statistics
usage-lead = How many look-ups and other uses each employee made in each system in the period, who did not use the systems, and how Indblik's own staff used the portal. The statistics help decide whether access is still needed.
usage-date-hint = By default the last half-year. Nothing older than the log keeps is counted.
usage-every-unit = All units
usage-show = Show statistics
usage-period = The period is { $period }.
usage-export = Download the statistics as CSV
usage-counted-when = Uses are counted once they are received from the systems, usually within a minute.
usage-actors-heading = Uses per employee and system
usage-more-lines = The page shows the first { $shown } lines. { $more } more lines are in the CSV file.
usage-no-uses = No uses in the period.
usage-idle-heading = Employees without uses in the period
usage-idle-lead = People in the staff directory who did not use the systems in the period. Consider whether they still need access.
usage-no-idle = Everyone in the staff directory used the systems in the period.
usage-staff-heading = Indblik's own staff
usage-staff-lead = Sign-ins, actions on requests and look-ups of citizens in Indblik in the period.
usage-no-staff = No staff member has signed in to Indblik yet.
usage-col-home-unit = Unit in the staff directory
usage-col-look-ups = Look-ups and searches
usage-col-total = Total
usage-col-last-day = Latest use
usage-col-roles = Roles
usage-col-sign-ins = Sign-ins in the period
usage-col-last-sign-in = Latest sign-in
usage-col-case-actions = Actions on requests
usage-col-portal-uses = Look-ups of citizens in Indblik
usage-col-part = Part
usage-part-uses = Uses
usage-part-idle = Without uses
usage-part-staff = Indblik's staff
usage-portal-system = Indblik
usage-not-in-directory = Not in the directory
usage-staff-removed = Access removed
usage-staff-idle = No uses in the period
usage-unit-unknown = Choose a unit from the list.
usage-system-unknown = Choose a system from the list.
reviews-title = Review of authorisations – Indblik
reviews-heading = Review of authorisations
reviews-lead = At least every half-year the manager of each unit reviews who still needs access to Indblik and to the case systems, with the usage statistics beside each person. The data protection officer starts the reviews.
reviews-idp-notice = Indblik removes only access to Indblik itself: an employee marked for removal can no longer sign in, be assigned requests or receive reminders. Access in the municipality's identity management (the identity provider) and in the case systems must be removed by the municipality.
reviews-list-heading = Reviews
reviews-none = There are no reviews yet.
reviews-link = { $unit }, { $date }
reviews-col-started = Started
reviews-col-answer-by = Deadline
reviews-col-decided = Decided
reviews-col-removed = Marked for removal
reviews-col-last = Latest review
reviews-decided-of = { $decided } of { $people }
reviews-in-progress = In progress
reviews-completed-by = Completed by { $by }
reviews-units-heading = Units
reviews-units-lead = A unit is due for review { $months } months after its latest review. The manager is told by e-mail when a review starts, and reminded when its deadline has passed.
reviews-never = Never
reviews-due = Due for review
reviews-start = Start the review of { $unit }
reviews-open-link = The review of { $unit } is in progress
reviews-removed-heading = Staff whose access was removed
reviews-removed-none = No staff member's access has been removed.
reviews-removed-by = Removed by { $by }
reviews-restore = Give { $name } access again
reviews-restored = The staff member has access to Indblik again.
review-restore-gone = That staff member's access has not been removed.
review-already-open = The unit already has a review in progress (no. { $id }).
review-not-found = The review does not exist, is completed, or you do not have access to it.
review-title = Review of authorisations – Indblik
review-heading = Review of authorisations: { $unit }
review-back = Back to the reviews
review-started = Started by
review-period = The statistics cover
review-portal-heading = Staff with access to Indblik
review-portal-lead = Decide for each staff member whether access to Indblik is still needed for their work.
review-portal-none = No one in the unit has access to Indblik.
review-directory-heading = Employees in the case systems
review-directory-lead = The people of the staff directory with their uses in each system. Mark them if their access to the case systems is to be removed; the municipality removes it in the systems.
review-directory-none = The staff directory has no one in the unit.
review-uses = Uses in the period
review-uses-line = { $system }: { $look_ups } look-ups and searches, { $total } in total, latest { $last }
review-decision = Decision
review-decision-keep = Keep access
review-decision-remove = Remove access
review-decision-legend = Should { $name } keep access?
review-decision-missing = Choose whether to keep or remove access.
review-undecided-one = Not decided yet
review-note = Note
review-note-hint = Optional, for example that the employee changed tasks.
review-decided-by = Decided by
review-save = Save the decision on { $name }
review-saved = The decision is saved.
review-complete-heading = Complete the review
review-complete-ready = Everyone is decided. When you complete the review, the staff marked for removal lose access to Indblik at once.
review-complete-waiting = { $count ->
    [one] { $count } person is still to be decided.
   *[other] { $count } people are still to be decided.
    }
review-complete-button = Complete the review
review-completed = The review is completed.
review-undecided = The review cannot be completed: { $count ->
    [one] { $count } person is
   *[other] { $count } people are
    } still to be decided.
review-request-subject = Review of authorisations in Indblik
review-request-body = The data protection officer has started the half-yearly review of authorisations for { $unit }. Decide for each staff member whether access is still needed, by { $due }: { $link }
review-reminder-subject = Reminder: review of authorisations
review-reminder-body = The review of authorisations for { $unit } should have been completed by { $due }. Finish it here: { $link }
review-due-subject = Units are due for a review of authorisations
review-due-body = These units have not had a review of authorisations for { $months } months: { $units }. Start the reviews here: { $link }
control-date-invalid = Write the date as YYYY-MM-DD, for example 2026-11-23.
