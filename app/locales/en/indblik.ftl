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
