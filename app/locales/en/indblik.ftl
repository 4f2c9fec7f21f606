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
only-in-danish = This page is only available in Danish for now.

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
a11y-known = The portal is not yet available in English in full: pages only in Danish are marked as Danish, so that screen readers read them correctly, and say so in English. We know of no other parts of the portal that are not accessible. If you find a problem, we would very much like to hear about it.
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
privacy-request = If you send a request, for example for access (indsigt), the portal stores what you write and the messages between you and the municipality. So that the caseworker can find your data in the municipality's systems, your CPR number is stored encrypted with the request. If you give your e-mail address, we only use it to tell you that there is news in your case. The e-mail contains no personal data.
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
