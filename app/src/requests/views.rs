//! What the request pages show, prepared on the server: dates as text in
//! the reader's language, codes as values. Nothing here holds a CPR number except
//! [`CaseView::cpr_revealed`], which the server fills only after a
//! caseworker's deliberate, logged click.

use serde::{Deserialize, Serialize};

use super::kinds::{Channel, Kind, Status};
use crate::i18n::Lang;

/// One request in the citizen's list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CitizenRequestRow {
    pub id: i64,
    pub number: String,
    pub kind: Kind,
    pub status: Status,
    pub received: String,
    /// The deadline in force (the extended one when extended).
    pub deadline: String,
    pub extended: bool,
}

/// One entry of a request's history.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct HistoryEntry {
    pub at: String,
    /// "Du", "Kommunen (Borgerservice)", or to staff the colleague's name.
    pub who: String,
    pub what: String,
    pub body: Option<String>,
    /// "Modtaget → Under behandling" when the status changed.
    pub status_change: Option<String>,
    /// Staff only: an internal entry the citizen never sees.
    pub internal: bool,
    /// Staff only, for a request registered from a letter, phone or
    /// e-mail: the letter that tells the citizen of this entry.
    pub letter: Option<LetterLink>,
}

/// A notice the citizen is owed as a letter, and whether it was sent.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LetterLink {
    /// `/sagsbehandling/<id>/brev/<entry>`.
    pub href: String,
    /// The day it was recorded as sent.
    pub sent_on: Option<String>,
}

/// A letter to the citizen, ready to print (`/sagsbehandling/<id>/brev/<entry>`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LetterView {
    pub request_id: i64,
    pub entry_id: i64,
    pub number: String,
    /// The municipality's name and address lines.
    pub sender: Vec<String>,
    /// The citizen's name and address lines.
    pub recipient: Vec<String>,
    /// The day it was sent, or today while it is not.
    pub date: String,
    pub subject: String,
    pub paragraphs: Vec<String>,
    /// The names of the files that go with it.
    pub attachments: Vec<String>,
    /// The day it was recorded as sent.
    pub sent_on: Option<String>,
    /// The earliest and latest day that can be recorded (YYYY-MM-DD).
    pub earliest: String,
    pub today: String,
    /// Whether the reader may record that it was sent (a caseworker of the
    /// request's unit).
    pub may_record: bool,
    pub version: i32,
    /// The letter's language (the request's).
    pub lang: crate::i18n::Lang,
}

/// A file sent with an answer.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Attachment {
    pub id: i64,
    pub file_name: String,
}

/// The facts of a request both the citizen and the caseworker see.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RequestFacts {
    pub id: i64,
    pub number: String,
    pub kind: Kind,
    pub status: Status,
    pub channel: Channel,
    pub received: String,
    pub due: String,
    /// The extended deadline, its reason and the explanation, when extended.
    pub extension: Option<Extension>,
    pub about: String,
    pub what_is_wrong: Option<String>,
    pub what_is_right: Option<String>,
    pub situation: Option<String>,
    pub log_row_text: Option<String>,
    /// The language the request was filed in: what the citizen wrote, the
    /// row's text and the history's texts are in it.
    pub written_in: crate::i18n::Lang,
    pub unit: String,
    pub history: Vec<HistoryEntry>,
    pub attachments: Vec<Attachment>,
    /// While the request awaits the citizen: what the caseworker asked
    /// (the latest request for clarification).
    pub pending_question: Option<String>,
    /// For optimistic locking: the version the page was rendered from.
    pub version: i32,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Extension {
    pub until: String,
    pub reason: String,
    pub explanation: String,
}

/// A request as its citizen sees it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CitizenRequest {
    pub facts: RequestFacts,
    pub notify_email: Option<String>,
}

/// One request in a caseworker's queue.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct QueueRow {
    pub id: i64,
    pub number: String,
    pub kind: Kind,
    pub status: Status,
    pub citizen_name: String,
    pub unit: String,
    pub received: String,
    pub deadline: String,
    /// Days from today to the deadline in force; negative when overdue.
    pub days_left: i64,
    pub extended: bool,
    pub assignee: Option<String>,
}

impl QueueRow {
    pub fn overdue(&self) -> bool {
        self.days_left < 0
    }

    /// Due today or within the next `within_days` days.
    pub fn due_soon(&self, within_days: u32) -> bool {
        (0..=i64::from(within_days)).contains(&self.days_left)
    }

    /// The days left as a table cell.
    pub fn days_text(&self, lang: Lang) -> String {
        days_left_cell(lang, self.days_left)
    }
}

/// Days left to a deadline as a table cell: "3 dage", "Frist i dag",
/// "2 dage over fristen".
pub fn days_left_cell(lang: Lang, days: i64) -> String {
    days_left_text(lang, "days-cell", days)
}

/// Days left to a deadline as a sentence on a request's page.
pub fn days_left_sentence(lang: Lang, days: i64) -> String {
    days_left_text(lang, "days-sentence", days)
}

/// `<prefix>-today`, `<prefix>-overdue` or `<prefix>-left` with the days.
fn days_left_text(lang: Lang, prefix: &str, days: i64) -> String {
    let which = match days {
        0 => "today",
        days if days < 0 => "overdue",
        _ => "left",
    };
    lang.text_with(&format!("{prefix}-{which}"), &[("days", days.abs().into())])
}

/// Rows per page of the queue.
pub const QUEUE_PAGE_SIZE: usize = 50;

/// The queue's filter, read from the address (`status`, `type`, `enhed`,
/// `mine`, `side`), so it works without JavaScript and can be bookmarked.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct QueueFilter {
    /// `None`: every open status; answered, refused, withdrawn and closed
    /// requests are found by choosing their status.
    pub status: Option<Status>,
    pub kind: Option<Kind>,
    pub unit: Option<String>,
    pub mine: bool,
    /// `q`: a request number (`H-000123`, or its digits) or part of the
    /// citizen's name.
    pub search: Option<String>,
    /// `frist`: only open requests past their deadline, or due soon.
    pub due: Option<DueWindow>,
    /// 1-based.
    pub page: usize,
}

impl QueueFilter {
    pub fn from_pairs<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> QueueFilter {
        let mut filter = QueueFilter {
            page: 1,
            ..QueueFilter::default()
        };
        for (key, value) in pairs {
            match key {
                "status" => filter.status = Status::from_code(value),
                "type" => filter.kind = Kind::from_code(value),
                "enhed" if !value.is_empty() && !crate::text::has_control_characters(value) => {
                    filter.unit = Some(value.to_owned())
                }
                "mine" => filter.mine = value == "ja",
                "frist" => filter.due = DueWindow::from_code(value),
                "q" => {
                    let value = value.trim();
                    if !value.is_empty()
                        && value.chars().count() <= MAX_SEARCH
                        && !crate::text::has_control_characters(value)
                    {
                        filter.search = Some(value.to_owned());
                    }
                }
                "side" => filter.page = value.parse().ok().filter(|page| *page >= 1).unwrap_or(1),
                _ => {}
            }
        }
        filter
    }

    /// The query string for this filter on `page`.
    pub fn query(&self, page: usize) -> String {
        let mut parts = Vec::new();
        if let Some(status) = self.status {
            parts.push(format!("status={}", status.code()));
        }
        if let Some(kind) = self.kind {
            parts.push(format!("type={}", kind.code()));
        }
        if let Some(unit) = &self.unit {
            parts.push(format!("enhed={}", crate::text::query_value(unit)));
        }
        if self.mine {
            parts.push("mine=ja".to_owned());
        }
        if let Some(due) = self.due {
            parts.push(format!("frist={}", due.code()));
        }
        if let Some(search) = &self.search {
            parts.push(format!("q={}", crate::text::query_value(search)));
        }
        if page > 1 {
            parts.push(format!("side={page}"));
        }
        parts.join("&")
    }
}

/// Open requests by how near their deadline in force is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum DueWindow {
    /// Past the deadline.
    Overdue,
    /// Due today or within the "due soon" days.
    Soon,
}

impl DueWindow {
    pub const ALL: [DueWindow; 2] = [DueWindow::Overdue, DueWindow::Soon];

    /// The value in the address (`frist=…`).
    pub fn code(self) -> &'static str {
        match self {
            DueWindow::Overdue => "overskredet",
            DueWindow::Soon => "snart",
        }
    }

    pub fn from_code(code: &str) -> Option<DueWindow> {
        DueWindow::ALL
            .into_iter()
            .find(|window| window.code() == code)
    }

    pub fn label(self, lang: Lang) -> String {
        lang.text(&format!("due-window-{}", self.code()))
    }
}

/// The longest search the queue takes (a name or a number).
pub const MAX_SEARCH: usize = 100;

/// A page of the queue.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct QueueListing {
    pub rows: Vec<QueueRow>,
    pub total: usize,
    pub filter: QueueFilter,
    /// (code, name) of the units the caseworker may filter by.
    pub units: Vec<(String, String)>,
    /// Open requests due within this many days are tagged "Snart".
    pub due_soon_days: u32,
}

/// A colleague a request can be assigned to.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Colleague {
    pub id: String,
    pub name: String,
}

/// A request as a caseworker sees it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CaseView {
    pub facts: RequestFacts,
    pub citizen_name: String,
    /// `DDMMYY-XXXX`.
    pub cpr_masked: String,
    /// Filled only after the caseworker chose to see the number (logged).
    pub cpr_revealed: Option<String>,
    pub assignee: Option<Colleague>,
    pub colleagues: Vec<Colleague>,
    /// Who registered it and how identity was checked (letters, phone, e-mail).
    pub registered: Option<String>,
    /// Days to the deadline in force; negative when overdue.
    pub days_left: i64,
    /// Whether the caller may act on it (a caseworker of its unit).
    pub may_act: bool,
    /// Whether an extension is still possible today.
    pub may_extend: bool,
    /// For an access request: the citizen's entries hidden now in the
    /// period its answer covers, by system, end and reason (never what
    /// they are); empty otherwise.
    pub hidden: Vec<HiddenGroup>,
    /// Whether a caseworker has assessed the hidden entries.
    pub hidden_assessed: bool,
    /// (code, name) of the units it can be transferred to.
    pub other_units: Vec<(String, String)>,
    /// The question to the DPO still waiting for advice, if any.
    pub consultation: Option<OpenConsultation>,
    /// What the reader sees of the log the answer carried, once answered.
    pub answer_log: Option<super::answer_log::AnswerLogView>,
    /// Whether the DPO has advised on the request (a decision then says
    /// whether it follows the advice).
    pub advised: bool,
    /// Whether the caller is the DPO and may give the advice asked for.
    pub may_advise: bool,
    /// The largest document an answer may carry, in MiB.
    pub document_max_mb: usize,
    /// For a question about a log row: what the control of the log found.
    pub log_finding: Option<crate::log_control::questions::Finding>,
}

/// How many documents one answer or refusal may carry.
pub const MAX_DOCUMENTS: usize = 10;

/// A caseworker's question to the DPO that waits for advice.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OpenConsultation {
    pub asked_by: String,
    pub asked_at: String,
    pub question: String,
}

/// An open request whose caseworker waits for the DPO's advice (the DPO's
/// page).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConsultationRow {
    pub request_id: i64,
    pub number: String,
    pub kind: Kind,
    pub unit: String,
    pub asked_by: String,
    pub asked_at: String,
    /// The request's deadline in force, and the days left to it.
    pub deadline: String,
    pub days_left: i64,
}

/// Hidden entries of one system with one end and reason.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct HiddenGroup {
    pub system: String,
    /// The date they are hidden until; `None`: until further notice.
    pub until: Option<String>,
    pub reason: String,
    pub events: i64,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_queue_filter_reads_and_writes_the_same_query() {
        let filter = QueueFilter::from_pairs([
            ("status", "awaiting_citizen"),
            ("type", "access"),
            ("enhed", "BS"),
            ("mine", "ja"),
            ("side", "3"),
        ]);
        assert_eq!(filter.status, Some(Status::AwaitingCitizen));
        assert_eq!(filter.page, 3);
        assert_eq!(
            filter.query(3),
            "status=awaiting_citizen&type=access&enhed=BS&mine=ja&side=3"
        );
        // Closed requests are found by their status; nonsense is ignored.
        let closed = QueueFilter::from_pairs([("status", "closed"), ("side", "0"), ("type", "x")]);
        assert_eq!(
            closed,
            QueueFilter {
                status: Some(Status::Closed),
                page: 1,
                ..QueueFilter::default()
            }
        );
        let odd = QueueFilter::from_pairs([("status", "x"), ("q", "  "), ("q", "a\u{0}")]);
        assert_eq!(
            odd,
            QueueFilter {
                page: 1,
                ..QueueFilter::default()
            }
        );
        let due = QueueFilter::from_pairs([("frist", "snart"), ("status", "received")]);
        assert_eq!(due.due, Some(DueWindow::Soon));
        assert_eq!(due.query(1), "status=received&frist=snart");
        let search = QueueFilter::from_pairs([("q", " Anna T ")]);
        assert_eq!(search.search.as_deref(), Some("Anna T"));
        assert_eq!(search.query(1), "q=Anna%20T");
        assert_eq!(
            QueueFilter::from_pairs([("enhed", "Å B")]).query(1),
            "enhed=%C3%85%20B"
        );
    }

    #[test]
    fn days_left_read_as_danish() {
        let row = |days_left| QueueRow {
            id: 1,
            number: "H-000001".into(),
            kind: Kind::Access,
            status: Status::Received,
            citizen_name: "A".into(),
            unit: "B".into(),
            received: String::new(),
            deadline: String::new(),
            days_left,
            extended: false,
            assignee: None,
        };
        assert_eq!(row(-3).days_text(Lang::Da), "3 dage over fristen");
        assert_eq!(row(-1).days_text(Lang::En), "1 day overdue");
        assert_eq!(days_left_sentence(Lang::Da, 1), "1 dag til fristen.");
        assert_eq!(days_left_sentence(Lang::En, 2), "2 days to the deadline.");
        assert!(row(-1).overdue());
        assert!(row(0).due_soon(7) && row(7).due_soon(7) && !row(8).due_soon(7));
        assert!(row(14).due_soon(14) && !row(-1).due_soon(14));
        assert_eq!(row(0).days_text(Lang::Da), "Frist i dag");
    }
}

/// A count with its label.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Count {
    pub label: String,
    pub count: usize,
}

/// Requests decided in one month and how many met their deadline.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MonthOnTime {
    /// "november 2026".
    pub month: String,
    /// Under the month's bar: "nov." and "2026" on two lines.
    pub short_label: String,
    pub decided: usize,
    pub on_time: usize,
}

impl MonthOnTime {
    /// Whole percent met, or `None` when nothing was decided.
    pub fn percent(&self) -> Option<usize> {
        (self.decided > 0).then(|| self.on_time * 100 / self.decided)
    }
}

/// One unit's line in the DPO's overview.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct UnitLine {
    pub unit: String,
    pub open: usize,
    pub overdue: usize,
    pub due_soon: usize,
    pub decided: usize,
    pub on_time: usize,
    /// Median calendar days from receipt to decision.
    pub median_days: Option<f64>,
    pub extended: usize,
    pub received: usize,
}

/// The DPO's overview of every request's deadline.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DeadlineOverview {
    pub open_by_status: Vec<Count>,
    pub open_by_kind: Vec<Count>,
    pub overdue: usize,
    pub due_soon: usize,
    /// The window of `due_soon`, in days.
    pub due_soon_days: u32,
    /// The last 12 months, oldest first.
    pub months: Vec<MonthOnTime>,
    pub median_days: Option<f64>,
    /// Extended requests among all received.
    pub extended: usize,
    pub received: usize,
    pub units: Vec<UnitLine>,
    /// Every overdue or soon-due open request, by deadline.
    pub urgent: Vec<QueueRow>,
}

/// How the mail outbox stands.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MailHealth {
    /// Mails not sent yet.
    pub waiting: usize,
    /// Of those, the ones whose delivery failed at least once.
    pub failing: usize,
    pub oldest_waiting: Option<String>,
    /// The day of the latest daily digest.
    pub last_digest: Option<String>,
}
