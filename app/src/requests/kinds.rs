//! The vocabulary of requests: kinds, statuses, channels, reasons for an
//! extension and grounds for a refusal. Each has a stable code (stored in
//! the database and used in forms) and the words the pages show, looked up
//! by code in the reader's language (`kind-<code>-label`, `status-<code>`…).

use serde::{Deserialize, Serialize};

use crate::i18n::Lang;

/// What the citizen asks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Kind {
    /// Art. 15: a copy of the data and the access log.
    Access,
    /// Art. 16: correct wrong data.
    Rectification,
    /// Art. 21: stop a processing because of the citizen's particular situation.
    Objection,
    /// Art. 17: delete data.
    Erasure,
    /// Art. 18: restrict a processing.
    Restriction,
    /// A question about one row of the access log: a request for
    /// information about that processing (art. 15), answered by the
    /// `log_question_unit`.
    LogQuestion,
    /// Art. 7(3): withdraw a consent given earlier.
    ConsentWithdrawal,
    /// Art. 22(3): a person's review of a decision made by automated means.
    HumanReview,
    /// Anything else about the citizen's personal data.
    Other,
}

impl Kind {
    /// Every kind, in the order the portal offers them.
    pub const ALL: [Kind; 9] = [
        Kind::Access,
        Kind::Rectification,
        Kind::Objection,
        Kind::Erasure,
        Kind::Restriction,
        Kind::LogQuestion,
        Kind::ConsentWithdrawal,
        Kind::HumanReview,
        Kind::Other,
    ];

    /// The kinds a citizen can choose on `/henvendelser/ny` (a question
    /// about a log row starts from the row).
    pub const CHOOSABLE: [Kind; 8] = [
        Kind::Access,
        Kind::Rectification,
        Kind::Objection,
        Kind::Erasure,
        Kind::Restriction,
        Kind::ConsentWithdrawal,
        Kind::HumanReview,
        Kind::Other,
    ];

    /// The stored code.
    pub fn code(self) -> &'static str {
        match self {
            Kind::Access => "access",
            Kind::Rectification => "rectification",
            Kind::Objection => "objection",
            Kind::Erasure => "erasure",
            Kind::Restriction => "restriction",
            Kind::LogQuestion => "log_question",
            Kind::ConsentWithdrawal => "consent_withdrawal",
            Kind::HumanReview => "human_review",
            Kind::Other => "other",
        }
    }

    /// The kind with stored code `code`.
    pub fn from_code(code: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|kind| kind.code() == code)
    }

    /// The last part of the form's address, `/henvendelser/ny/<slug>`.
    pub fn slug(self) -> &'static str {
        match self {
            Kind::Access => "indsigt",
            Kind::Rectification => "berigtigelse",
            Kind::Objection => "indsigelse",
            Kind::Erasure => "sletning",
            Kind::Restriction => "begraensning",
            Kind::LogQuestion => "spoergsmaal-til-opslag",
            Kind::ConsentWithdrawal => "tilbagekald-samtykke",
            Kind::HumanReview => "menneskelig-vurdering",
            Kind::Other => "andet",
        }
    }

    /// Whether the request uses the right of access (GDPR art. 15): an
    /// access request, and a question about a look-up in the log (a request
    /// for information about one processing). Databeskyttelseslovens § 22
    /// can limit these and no other right.
    pub fn is_right_of_access(self) -> bool {
        matches!(self, Kind::Access | Kind::LogQuestion)
    }

    /// The kind whose form lives at `slug`.
    pub fn from_slug(slug: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|kind| kind.slug() == slug)
    }

    /// The name in lists ("Indsigt" / "Access (indsigt)").
    pub fn label(self, lang: Lang) -> String {
        lang.text(&format!("kind-{}-label", self.code()))
    }

    /// The heading of the kind's form.
    pub fn title(self, lang: Lang) -> String {
        lang.text(&format!("kind-{}-title", self.code()))
    }

    /// The right in the General Data Protection Regulation.
    pub fn article(self, lang: Lang) -> String {
        lang.text(&format!("kind-{}-article", self.code()))
    }

    /// The right in plain words, and what the citizen can expect.
    pub fn explanation(self, lang: Lang) -> String {
        lang.text(&format!("kind-{}-explanation", self.code()))
    }

    /// Label of the main text field on the kind's form.
    pub fn about_label(self, lang: Lang) -> String {
        lang.text(&format!("kind-{}-about-label", self.code()))
    }

    /// Help text under the main field's label.
    pub fn about_hint(self, lang: Lang) -> String {
        lang.text(&format!("kind-{}-about-hint", self.code()))
    }
}

/// Where a request stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Status {
    /// Filed or registered; nobody has taken it yet.
    Received,
    /// A caseworker has it.
    InProgress,
    /// The caseworker asked the citizen for clarification (the deadline runs on).
    AwaitingCitizen,
    /// Answered in full.
    Answered,
    /// Answered, but partly refused with a legal ground.
    PartlyRefused,
    /// Refused with a legal ground.
    Refused,
    /// Withdrawn by the citizen before it was answered.
    Withdrawn,
    /// Closed after it was answered, refused or withdrawn.
    Closed,
}

impl Status {
    pub const ALL: [Status; 8] = [
        Status::Received,
        Status::InProgress,
        Status::AwaitingCitizen,
        Status::Answered,
        Status::PartlyRefused,
        Status::Refused,
        Status::Withdrawn,
        Status::Closed,
    ];

    /// The statuses of a request that still has to be answered.
    pub const OPEN: [Status; 3] = [
        Status::Received,
        Status::InProgress,
        Status::AwaitingCitizen,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Status::Received => "received",
            Status::InProgress => "in_progress",
            Status::AwaitingCitizen => "awaiting_citizen",
            Status::Answered => "answered",
            Status::PartlyRefused => "partly_refused",
            Status::Refused => "refused",
            Status::Withdrawn => "withdrawn",
            Status::Closed => "closed",
        }
    }

    pub fn from_code(code: &str) -> Option<Status> {
        Status::ALL.into_iter().find(|status| status.code() == code)
    }

    /// The status in the staff's words.
    pub fn label(self, lang: Lang) -> String {
        lang.text(&format!("status-{}", self.code()))
    }

    /// The status as the citizen reads it about their own request.
    pub fn citizen_label(self, lang: Lang) -> String {
        match self {
            Status::AwaitingCitizen => lang.text("status-awaiting_citizen-to-citizen"),
            other => other.label(lang),
        }
    }

    /// Still to be answered.
    pub fn is_open(self) -> bool {
        Status::OPEN.contains(&self)
    }

    /// Answered or refused (the municipality has decided).
    pub fn is_decided(self) -> bool {
        matches!(
            self,
            Status::Answered | Status::PartlyRefused | Status::Refused
        )
    }
}

/// How a request reached the municipality.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Channel {
    Portal,
    Letter,
    Phone,
    Email,
}

impl Channel {
    pub const ALL: [Channel; 4] = [
        Channel::Portal,
        Channel::Letter,
        Channel::Phone,
        Channel::Email,
    ];

    /// The channels staff register requests from.
    pub const REGISTERED: [Channel; 3] = [Channel::Letter, Channel::Phone, Channel::Email];

    pub fn code(self) -> &'static str {
        match self {
            Channel::Portal => "portal",
            Channel::Letter => "letter",
            Channel::Phone => "phone",
            Channel::Email => "email",
        }
    }

    pub fn from_code(code: &str) -> Option<Channel> {
        Channel::ALL
            .into_iter()
            .find(|channel| channel.code() == code)
    }

    /// How it came in.
    pub fn label(self, lang: Lang) -> String {
        lang.text(&format!("channel-{}", self.code()))
    }
}

/// Why the deadline is extended (GDPR art. 12(3)).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ExtensionReason {
    /// The request is complex.
    Complexity,
    /// The citizen has made many requests.
    Number,
}

impl ExtensionReason {
    pub const ALL: [ExtensionReason; 2] = [ExtensionReason::Complexity, ExtensionReason::Number];

    pub fn code(self) -> &'static str {
        match self {
            ExtensionReason::Complexity => "complexity",
            ExtensionReason::Number => "number",
        }
    }

    pub fn from_code(code: &str) -> Option<ExtensionReason> {
        ExtensionReason::ALL
            .into_iter()
            .find(|reason| reason.code() == code)
    }

    /// The reason as the citizen reads it.
    pub fn label(self, lang: Lang) -> String {
        lang.text(&format!("extension-{}", self.code()))
    }
}

/// The legal ground of a refusal.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum RefusalGround {
    /// Art. 12(5): manifestly unfounded.
    Unfounded,
    /// Art. 12(5): excessive, in particular because repetitive.
    Excessive,
    /// Databeskyttelseslovens § 22: decisive private or public interests.
    Section22,
}

impl RefusalGround {
    pub const ALL: [RefusalGround; 3] = [
        RefusalGround::Unfounded,
        RefusalGround::Excessive,
        RefusalGround::Section22,
    ];

    pub fn code(self) -> &'static str {
        match self {
            RefusalGround::Unfounded => "unfounded",
            RefusalGround::Excessive => "excessive",
            RefusalGround::Section22 => "section_22",
        }
    }

    pub fn from_code(code: &str) -> Option<RefusalGround> {
        RefusalGround::ALL
            .into_iter()
            .find(|ground| ground.code() == code)
    }

    /// Whether the ground can refuse a request of `kind`: the grounds of
    /// art. 12(5) any request; databeskyttelseslovens § 22 only the rights
    /// of information and access ([`Kind::is_right_of_access`]).
    pub fn applies_to(self, kind: Kind) -> bool {
        match self {
            RefusalGround::Section22 => kind.is_right_of_access(),
            RefusalGround::Unfounded | RefusalGround::Excessive => true,
        }
    }

    /// The grounds that can refuse a request of `kind`, in order.
    pub fn for_kind(kind: Kind) -> Vec<RefusalGround> {
        RefusalGround::ALL
            .into_iter()
            .filter(|ground| ground.applies_to(kind))
            .collect()
    }

    /// The ground as the citizen reads it.
    pub fn label(self, lang: Lang) -> String {
        lang.text(&format!("refusal-{}", self.code()))
    }
}

/// Told the citizen with every refusal (GDPR art. 12(4)).
pub fn right_to_complain(lang: Lang) -> String {
    lang.text("right-to-complain")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_reads_back_to_its_value() {
        for kind in Kind::ALL {
            assert_eq!(Kind::from_code(kind.code()), Some(kind));
            assert_eq!(Kind::from_slug(kind.slug()), Some(kind));
        }
        for status in Status::ALL {
            assert_eq!(Status::from_code(status.code()), Some(status));
        }
        for reason in ExtensionReason::ALL {
            assert_eq!(ExtensionReason::from_code(reason.code()), Some(reason));
        }
        for ground in RefusalGround::ALL {
            assert_eq!(RefusalGround::from_code(ground.code()), Some(ground));
        }
        assert_eq!(Kind::from_code("indsigt"), None);
        assert_eq!(Status::from_code(""), None);
    }

    #[test]
    fn section_22_refuses_only_the_rights_of_information_and_access() {
        for kind in Kind::ALL {
            let grounds = RefusalGround::for_kind(kind);
            assert_eq!(
                grounds.contains(&RefusalGround::Section22),
                matches!(kind, Kind::Access | Kind::LogQuestion),
                "{kind:?}"
            );
            assert!(grounds.contains(&RefusalGround::Unfounded));
            assert!(grounds.contains(&RefusalGround::Excessive));
        }
    }

    #[test]
    fn every_value_has_its_words_in_every_language() {
        let mut keys = Vec::new();
        for kind in Kind::ALL {
            for part in [
                "label",
                "title",
                "article",
                "explanation",
                "about-label",
                "about-hint",
            ] {
                keys.push(format!("kind-{}-{part}", kind.code()));
            }
        }
        keys.extend(Status::ALL.map(|status| format!("status-{}", status.code())));
        keys.extend(Channel::ALL.map(|channel| format!("channel-{}", channel.code())));
        keys.extend(ExtensionReason::ALL.map(|reason| format!("extension-{}", reason.code())));
        keys.extend(RefusalGround::ALL.map(|ground| format!("refusal-{}", ground.code())));
        for lang in Lang::ALL {
            for key in &keys {
                assert!(lang.has(key), "{lang:?}: {key}");
            }
        }
    }
}
