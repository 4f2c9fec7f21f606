//! The vocabulary of requests: kinds, statuses, channels, reasons for an
//! extension and grounds for a refusal. Each has a stable code (stored in
//! the database and used in forms) and the Danish words the pages show.

use serde::{Deserialize, Serialize};

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
    /// A question about one row of the access log; handled like an objection.
    LogQuestion,
}

impl Kind {
    /// Every kind, in the order the portal offers them.
    pub const ALL: [Kind; 6] = [
        Kind::Access,
        Kind::Rectification,
        Kind::Objection,
        Kind::Erasure,
        Kind::Restriction,
        Kind::LogQuestion,
    ];

    /// The kinds a citizen can choose on `/henvendelser/ny` (a question
    /// about a log row starts from the row).
    pub const CHOOSABLE: [Kind; 5] = [
        Kind::Access,
        Kind::Rectification,
        Kind::Objection,
        Kind::Erasure,
        Kind::Restriction,
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
        }
    }

    /// The kind whose form lives at `slug`.
    pub fn from_slug(slug: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|kind| kind.slug() == slug)
    }

    /// The name in lists ("Indsigt").
    pub fn label(self) -> &'static str {
        match self {
            Kind::Access => "Indsigt",
            Kind::Rectification => "Berigtigelse",
            Kind::Objection => "Indsigelse",
            Kind::Erasure => "Sletning",
            Kind::Restriction => "Begrænsning",
            Kind::LogQuestion => "Spørgsmål til opslag",
        }
    }

    /// The heading of the kind's form.
    pub fn title(self) -> &'static str {
        match self {
            Kind::Access => "Se de oplysninger, kommunen har om dig",
            Kind::Rectification => "Få rettet forkerte oplysninger",
            Kind::Objection => "Gør indsigelse mod en behandling",
            Kind::Erasure => "Få slettet oplysninger",
            Kind::Restriction => "Få begrænset en behandling",
            Kind::LogQuestion => "Spørg om et opslag i din log",
        }
    }

    /// The right in the General Data Protection Regulation.
    pub fn article(self) -> &'static str {
        match self {
            Kind::Access => "databeskyttelsesforordningens artikel 15",
            Kind::Rectification => "databeskyttelsesforordningens artikel 16",
            Kind::Objection | Kind::LogQuestion => "databeskyttelsesforordningens artikel 21",
            Kind::Erasure => "databeskyttelsesforordningens artikel 17",
            Kind::Restriction => "databeskyttelsesforordningens artikel 18",
        }
    }

    /// The right in plain Danish, and what the citizen can expect.
    pub fn explanation(self) -> &'static str {
        match self {
            Kind::Access => "Du har ret til at få at vide, hvilke oplysninger kommunen behandler om dig, hvorfor, hvor de kommer fra, og hvem der har fået dem. Du får også en oversigt over, hvilke enheder der har set dine oplysninger (din log).",
            Kind::Rectification => "Er en oplysning om dig forkert eller ufuldstændig, kan du bede kommunen rette den. Skriv, hvad der er forkert, og hvad der er det rigtige.",
            Kind::Objection => "Du kan gøre indsigelse mod, at kommunen behandler oplysninger om dig, når det skyldes din særlige situation. Kommunen skal så stoppe, medmindre der er vægtige grunde til at fortsætte.",
            Kind::Erasure => "Du kan bede kommunen slette oplysninger, som ikke længere er nødvendige, eller som er behandlet uden lovligt grundlag. Kommunen må ofte gemme oplysninger, fordi loven kræver det; så får du at vide hvorfor.",
            Kind::Restriction => "Du kan bede kommunen om kun at opbevare oplysningerne og ikke bruge dem, fx mens det undersøges, om de er rigtige.",
            Kind::LogQuestion => "Du kan spørge, hvorfor en enhed har set eller ændret dine oplysninger. Spørgsmålet behandles som en indsigelse.",
        }
    }

    /// Label of the main text field on the kind's form.
    pub fn about_label(self) -> &'static str {
        match self {
            Kind::Access => "Hvad vil du have indsigt i?",
            Kind::Rectification => "Hvilke oplysninger drejer det sig om?",
            Kind::Objection => "Hvilken behandling gør du indsigelse mod?",
            Kind::Erasure => "Hvilke oplysninger vil du have slettet, og hvorfor?",
            Kind::Restriction => "Hvilken behandling vil du have begrænset, og hvorfor?",
            Kind::LogQuestion => "Hvad vil du spørge om?",
        }
    }

    /// Help text under the main field's label.
    pub fn about_hint(self) -> &'static str {
        match self {
            Kind::Access => "Skriv fx \"alt\", eller nævn en sag, en enhed eller en periode.",
            Kind::Rectification => "Nævn gerne sagen eller enheden.",
            Kind::Objection => "Nævn gerne sagen eller enheden.",
            Kind::Erasure => "Nævn gerne sagen eller enheden.",
            Kind::Restriction => "Nævn gerne sagen eller enheden.",
            Kind::LogQuestion => "Fx hvorfor enheden så dine oplysninger.",
        }
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

    /// The status in Danish.
    pub fn label(self) -> &'static str {
        match self {
            Status::Received => "Modtaget",
            Status::InProgress => "Under behandling",
            Status::AwaitingCitizen => "Afventer borgerens svar",
            Status::Answered => "Besvaret",
            Status::PartlyRefused => "Delvist afvist",
            Status::Refused => "Afvist",
            Status::Withdrawn => "Trukket tilbage",
            Status::Closed => "Lukket",
        }
    }

    /// The status as the citizen reads it about their own request.
    pub fn citizen_label(self) -> &'static str {
        match self {
            Status::AwaitingCitizen => "Kommunen venter på dit svar",
            other => other.label(),
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

    pub fn label(self) -> &'static str {
        match self {
            Channel::Portal => "Indblik",
            Channel::Letter => "Brev",
            Channel::Phone => "Telefon",
            Channel::Email => "E-mail",
        }
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

    pub fn label(self) -> &'static str {
        match self {
            ExtensionReason::Complexity => "Henvendelsen er kompleks",
            ExtensionReason::Number => "Der er mange henvendelser fra dig",
        }
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

    /// The ground as the citizen reads it.
    pub fn label(self) -> &'static str {
        match self {
            RefusalGround::Unfounded => "Henvendelsen er åbenbart grundløs (databeskyttelsesforordningens artikel 12, stk. 5)",
            RefusalGround::Excessive => "Henvendelsen er overdreven, især fordi den gentages (databeskyttelsesforordningens artikel 12, stk. 5)",
            RefusalGround::Section22 => "Afgørende hensyn til private eller offentlige interesser (databeskyttelseslovens § 22)",
        }
    }
}

/// Told the citizen with every refusal (GDPR art. 12(4)).
pub const RIGHT_TO_COMPLAIN: &str = "Du kan klage over afgørelsen til Datatilsynet, Carl Jacobsens Vej 35, 2500 Valby, www.datatilsynet.dk.";

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
}
