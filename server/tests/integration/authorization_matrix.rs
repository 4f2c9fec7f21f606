//! The authorization matrix of `docs/security.md`, route by route: every
//! route the server lists ([`server::http::router_and_routes`]), every
//! Leptos page ([`server::http::page_paths`]) and every server function
//! (the server-function registry) is tried by an anonymous visitor, two
//! citizens, caseworkers of two units, the DPO, an administrator and a
//! source system's API key. A caller the matrix refuses must be refused
//! (401, 403, 404, 409 or sent to sign in); a caller it allows must not be.
//! A route the matrix does not know fails the test, so a new route cannot
//! arrive without a decision about who may use it.

use std::net::SocketAddr;

use axum::body::Body;
use axum::extract::connect_info::MockConnectInfo;
use axum::http::{header, Method, Request, StatusCode};
use axum::Router;
use serde_json::json;
use sqlx::PgPool;

use server::access_log::{api_keys, partitions};
use server::config::Config;
use server::{clock, demo_data};

use crate::support::{post_form, send, sign_in_at, test_figment, Reply, PUBLIC_URL};

/// Who may use a route.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Who {
    /// Anyone; only checked not to fail.
    Anyone,
    /// The sign-in flow, which acts on the session it is given: tried
    /// without one, and only checked not to fail.
    SignInFlow,
    /// Any signed-in citizen (their own log, their own requests).
    Citizens,
    /// The citizen whose request it is.
    OwnerOfRequest,
    /// Caseworkers of any unit and the DPO.
    CaseReaders,
    /// Caseworkers of the request's unit and the DPO.
    CaseReadersOfRequest,
    /// Caseworkers of the request's unit.
    CaseActorsOfRequest,
    /// Caseworkers of any unit.
    Caseworkers,
    /// The DPO and administrators.
    Overseers,
    /// The DPO only.
    Dpo,
    /// The DPO and investigators: the raw log and its flags.
    LogInspectors,
    /// The DPO, investigators and managers: the control of the log.
    Controllers,
    /// The DPO and managers: reviewing random samples and authorisations.
    UnitReviewers,
    /// Every signed-in staff member: their own random samples.
    AllStaff,
    /// A source system with its API key.
    SourceSystem,
    /// An allow-listed national portal with its own key (none of the
    /// matrix's callers is one: everybody here is refused;
    /// `data_tracker::an_aggregator_finds_…` lets one in).
    Aggregator,
}

/// The matrix: who may use `method` on `path` (a route pattern), or `None`
/// for a route nobody decided about.
pub(crate) fn matrix(method: &Method, path: &str) -> Option<Who> {
    use Who::*;
    let get = method == Method::GET;
    Some(match (get, path) {
        // Public pages, health, the API's description and static files.
        (true, "/" | "/om-portalen" | "/tilgaengelighedserklaering" | "/privatlivspolitik")
        | (true, "/log-ind/afvist" | "/logget-ud" | "/healthz" | "/readyz" | "/sprog/{lang}")
        | (true, "/v3/heartbeat" | "/aggregator/v3/heartbeat")
        | (
            true,
            "/api/v1/openapi.json"
            | "/favicon.svg"
            | "/pkg/{version}/{*file}"
            | "/dkfds/{version}/{*file}",
        )
        | (false, "/api/form-reply" | "/api/session/keep-alive") => Anyone,
        (
            true,
            "/log-ind" | "/medarbejder/log-ind" | "/auth/callback" | "/auth/medarbejder/callback",
        )
        | (false, "/log-ud") => SignInFlow,
        // The citizen's own log and requests.
        (
            true,
            "/min-log" | "/min-log/udskriv" | "/min-log/eksport.csv" | "/min-log/eksport.json",
        )
        | (
            true,
            "/v3/findUsage" | "/henvendelser" | "/henvendelser/ny" | "/henvendelser/ny/{kind}",
        )
        | (false, "/henvendelser/ny/{kind}")
        | (false, "/api/min-log" | "/api/my-requests" | "/api/log-row") => Citizens,
        (true, "/henvendelser/{id}" | "/henvendelser/{id}/kvittering")
        | (true, "/henvendelser/{id}/bilag/{attachment}")
        | (false, "/henvendelser/{id}/besked" | "/henvendelser/{id}/tilbagetraek")
        | (false, "/api/my-request") => OwnerOfRequest,
        // Casework.
        (true, "/sagsbehandling" | "/sagsbehandling/registrer" | "/sagsbehandling/{id}/aabn")
        | (false, "/api/casework/queue") => CaseReaders,
        (true, "/sagsbehandling/{id}" | "/sagsbehandling/{id}/bilag/{attachment}")
        | (true, "/sagsbehandling/{id}/brev/{entry}")
        | (false, "/api/casework/case" | "/api/casework/letter") => CaseReadersOfRequest,
        (false, "/sagsbehandling/{id}/vis-cpr" | "/sagsbehandling/{id}/{action}")
        | (false, "/sagsbehandling/{id}/brev/{entry}/sendt") => CaseActorsOfRequest,
        (false, "/sagsbehandling/registrer") => Caseworkers,
        // The DPO's overview.
        (true, "/dpo" | "/dpo/henvendelser.csv")
        | (false, "/dpo/ophaev-spaerring" | "/api/dpo/access-control")
        | (false, "/api/dpo/deadlines" | "/api/dpo/mail" | "/api/dpo/source-systems")
        | (false, "/api/dpo/consultations") => Overseers,
        // The DPO's advice on a request a caseworker asked about, and the
        // rules of the flags.
        (false, "/sagsbehandling/{id}/raad" | "/kontrol/flag/regler") => Dpo,
        (false, "/kontrol/flag/aabningstider" | "/kontrol/flag/beskyttede") => Dpo,
        (false, "/kontrol/flag/beskyttede/fjern" | "/kontrol/flag/faste-grunde") => Dpo,
        (false, "/kontrol/flag/faste-grunde/fjern") => Dpo,
        (false, "/kontrol/stikproeveplaner" | "/kontrol/stikproeveplaner/{id}/aktiv") => Dpo,
        (false, "/kontrol/autorisationer" | "/kontrol/autorisationer/genaktiver") => Dpo,
        // Usage statistics and the review of authorisations.
        (true, "/kontrol/statistik" | "/kontrol/statistik.csv") | (false, "/api/control/usage") => {
            Controllers
        }
        (true, "/kontrol/autorisationer" | "/kontrol/autorisationer/{id}")
        | (false, "/kontrol/autorisationer/{id}/personer/{item}")
        | (false, "/kontrol/autorisationer/{id}/afslut")
        | (false, "/api/control/reviews" | "/api/control/review") => UnitReviewers,
        // Random samples.
        (true, "/sagsbehandling/stikproever")
        | (false, "/sagsbehandling/stikproever/{item}" | "/api/samples/mine") => AllStaff,
        (true, "/kontrol/stikproever")
        | (false, "/kontrol/stikproever/{item}" | "/api/samples/review") => UnitReviewers,
        (true, "/kontrol/stikproeveplaner") | (false, "/api/samples/plans") => LogInspectors,
        // The control of the log.
        (true, "/kontrol") => Controllers,
        (true, "/kontrol/log" | "/kontrol/flag" | "/kontrol/flag/{id}")
        | (true, "/kontrol/spoergsmaal" | "/kontrol/spoergsmaal/{id}")
        | (false, "/kontrol/log" | "/kontrol/log.csv" | "/kontrol/flag/{id}")
        | (false, "/kontrol/spoergsmaal/{id}")
        | (false, "/api/control/questions" | "/api/control/question")
        | (false, "/api/control/log-found" | "/api/control/log-choices")
        | (false, "/api/control/flags" | "/api/control/flag" | "/api/control/flag-rules")
        | (false, "/api/control/flag-circumstances") => LogInspectors,
        // A system allowed to hide (the matrix's key is the social system's).
        (false, "/api/v1/access-events" | "/api/v1/access-events/hidden") => SourceSystem,
        (false, "/v3/disclose") => SourceSystem,
        (true, "/aggregator/v3/findUsage") => Aggregator,
        _ => return None,
    })
}

/// Every kind of caller.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Caller {
    Anonymous,
    /// Anna, whose request the routes name.
    CitizenA,
    CitizenB,
    /// Borgerservice, the request's unit.
    CaseworkerOfUnit,
    /// Jobcenter.
    CaseworkerOfOtherUnit,
    Dpo,
    Admin,
    Manager,
    Investigator,
    ApiKey,
}

impl Caller {
    pub(crate) const ALL: [Caller; 10] = [
        Caller::Anonymous,
        Caller::CitizenA,
        Caller::CitizenB,
        Caller::CaseworkerOfUnit,
        Caller::CaseworkerOfOtherUnit,
        Caller::Dpo,
        Caller::Admin,
        Caller::Manager,
        Caller::Investigator,
        Caller::ApiKey,
    ];

    pub(crate) fn may(self, who: Who) -> bool {
        use Caller::*;
        match who {
            Who::Anyone | Who::SignInFlow => true,
            Who::Citizens => matches!(self, CitizenA | CitizenB),
            Who::OwnerOfRequest => self == CitizenA,
            Who::CaseReaders => matches!(self, CaseworkerOfUnit | CaseworkerOfOtherUnit | Dpo),
            Who::CaseReadersOfRequest => matches!(self, CaseworkerOfUnit | Dpo),
            Who::CaseActorsOfRequest => self == CaseworkerOfUnit,
            Who::Caseworkers => matches!(self, CaseworkerOfUnit | CaseworkerOfOtherUnit),
            Who::Overseers => matches!(self, Dpo | Admin),
            Who::Dpo => self == Dpo,
            Who::LogInspectors => matches!(self, Dpo | Investigator),
            Who::Controllers => matches!(self, Dpo | Investigator | Manager),
            Who::UnitReviewers => matches!(self, Dpo | Manager),
            Who::AllStaff => !matches!(self, Anonymous | CitizenA | CitizenB | ApiKey),
            Who::SourceSystem => self == ApiKey,
            Who::Aggregator => false,
        }
    }
}

/// Whether `reply` refuses: an authorization status, or a redirect to sign in.
fn refused(reply: &Reply) -> bool {
    matches!(
        reply.status,
        StatusCode::UNAUTHORIZED
            | StatusCode::FORBIDDEN
            | StatusCode::NOT_FOUND
            | StatusCode::CONFLICT
    ) || (reply.status.is_redirection()
        && ["/log-ind", "/medarbejder/log-ind"]
            .iter()
            .any(|start| reply.location().split('?').next() == Some(start)))
}

/// The world the routes are tried in.
pub(crate) struct World {
    app: Router,
    cookies: Vec<(Caller, String)>,
    api_key: String,
    /// Anna's answered access request (it has an attachment) and its attachment.
    answered: i64,
    attachment: i64,
    /// Anna's open request, for the actions.
    open: i64,
    /// The receipts in the history of the answered and the open request
    /// (letters tell of them).
    entries: (i64, i64),
    /// A flag of an unusual look-up.
    flag: i64,
    /// Anna's question about a row of her log.
    question: i64,
    /// A sampling plan.
    plan: i64,
    /// An open review of Borgerservice's authorisations.
    review: i64,
    /// Where the static files are served.
    static_paths: app::shell::StaticPaths,
}

pub(crate) async fn world(pool: &PgPool) -> (World, Vec<(Method, String)>) {
    demo_data::load(pool).await.unwrap();
    let months = partitions::months_to_keep_ready(clock::now(), 6);
    partitions::ensure(pool, &months).await.unwrap();
    let config = Config::from_figment(
        test_figment()
            .merge(("rate_limit_sign_in_per_minute", 10_000))
            .merge(("rate_limit_forms_per_minute", 10_000)),
    )
    .unwrap();
    let (router, listed) =
        server::http::router_and_routes(server::services(&config, pool.clone()).unwrap());
    let app = router.layer(MockConnectInfo(SocketAddr::from(([192, 0, 2, 10], 50000))));
    let mut routes: Vec<(Method, String)> = listed
        .into_iter()
        .map(|route| (route.method, route.path))
        .collect();
    routes.extend(
        server::http::page_paths()
            .into_iter()
            .map(|path| (Method::GET, path)),
    );
    routes.extend(
        leptos::server_fn::axum::server_fn_paths().map(|(path, method)| (method, path.to_owned())),
    );
    routes.sort_by(|a, b| (a.1.as_str(), a.0.as_str()).cmp(&(b.1.as_str(), b.0.as_str())));
    routes.dedup();

    let mut cookies = Vec::new();
    for (caller, start, account) in [
        (Caller::CitizenA, "/log-ind", "anna"),
        (Caller::CitizenB, "/log-ind", "bo"),
        (
            Caller::CaseworkerOfUnit,
            "/medarbejder/log-ind",
            "sagsbehandler",
        ),
        (
            Caller::CaseworkerOfOtherUnit,
            "/medarbejder/log-ind",
            "jobcenter",
        ),
        (Caller::Dpo, "/medarbejder/log-ind", "dpo"),
        (Caller::Admin, "/medarbejder/log-ind", "admin"),
        (Caller::Manager, "/medarbejder/log-ind", "leder"),
        (Caller::Investigator, "/medarbejder/log-ind", "efterforsker"),
    ] {
        cookies.push((caller, sign_in_at(&app, start, account).await.1));
    }
    let cookie = |caller: Caller| {
        cookies
            .iter()
            .find(|(who, _)| *who == caller)
            .map(|(_, cookie)| cookie.clone())
            .unwrap()
    };
    let file = |about: &'static str| {
        let (app, anna) = (app.clone(), cookie(Caller::CitizenA));
        async move {
            let reply =
                post_form(&app, "/henvendelser/ny/indsigt", &anna, &[("about", about)]).await;
            assert_eq!(reply.status, StatusCode::SEE_OTHER, "{}", reply.body);
            reply
                .location()
                .trim_start_matches("/henvendelser/")
                .split(['/', '?'])
                .next()
                .unwrap()
                .parse::<i64>()
                .unwrap()
        }
    };
    let answered = file("Alt hvad I har om mig").await;
    let open = file("Også det nye").await;
    // The caseworker answers the first; the answer carries Anna's log as a file.
    let sara = cookie(Caller::CaseworkerOfUnit);
    let case =
        crate::support::get_with_cookie(&app, &format!("/sagsbehandling/{answered}"), &sara).await;
    let version = case
        .body
        .split(r#"name="version" value=""#)
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .unwrap()
        .to_owned();
    let answer = post_form(
        &app,
        &format!("/sagsbehandling/{answered}/svar"),
        &sara,
        &[("version", &version), ("body", "Her er din log")],
    )
    .await;
    assert_eq!(answer.status, StatusCode::SEE_OTHER, "{}", answer.body);
    let attachment: i64 =
        sqlx::query_scalar("SELECT id FROM data_request_attachments WHERE request_id = $1")
            .bind(answered)
            .fetch_one(pool)
            .await
            .unwrap();
    let receipt = |id: i64| async move {
        sqlx::query_scalar::<_, i64>(
            "SELECT id FROM data_request_events WHERE request_id = $1 AND action = 'received'",
        )
        .bind(id)
        .fetch_one(pool)
        .await
        .unwrap()
    };
    let entries = (receipt(answered).await, receipt(open).await);
    let flag: i64 = sqlx::query_scalar(
        "INSERT INTO log_flags (rule, actor, org_unit_id, day, raised_at)
         SELECT 'outside_hours', 'matrix', id, current_date, now() FROM org_units WHERE code = 'BS'
         RETURNING id",
    )
    .fetch_one(pool)
    .await
    .unwrap();
    let question: i64 = sqlx::query_scalar(
        "INSERT INTO data_requests (kind, status, channel, received_at, due_on, extendable_to,
             subject_key, citizen_name, cpr_sealed, org_unit_id, about, log_row_text)
         SELECT 'log_question', 'received', channel, received_at, due_on, extendable_to,
             subject_key, citizen_name, cpr_sealed, org_unit_id, 'Hvem?', 'Borgerservice læste'
         FROM data_requests WHERE id = $1
         RETURNING id",
    )
    .bind(open)
    .fetch_one(pool)
    .await
    .unwrap();
    let plan: i64 = sqlx::query_scalar(
        "INSERT INTO sampling_plans (org_unit_id, min_months, max_months, per_employee,
             days_before_min, days_before_max, answer_days, seed, next_sample_on, created_by,
             created_at)
         SELECT id, 1, 6, 5, 1, 3, 10, sha256('matrix'), current_date + 30, 'matrix', now()
         FROM org_units WHERE code = 'BS'
         RETURNING id",
    )
    .fetch_one(pool)
    .await
    .unwrap();
    let review: i64 = sqlx::query_scalar(
        "INSERT INTO authorisation_reviews (org_unit_id, period_from, period_to, answer_by,
             started_by, started_at)
         SELECT id, current_date - 180, current_date, current_date + 30, 'matrix', now()
         FROM org_units WHERE code = 'BS'
         RETURNING id",
    )
    .fetch_one(pool)
    .await
    .unwrap();
    sqlx::query(
        "INSERT INTO authorisation_review_items (review_id, kind, person, name)
         VALUES ($1, 'directory', 'matrix', 'Matrix')",
    )
    .bind(review)
    .execute(pool)
    .await
    .unwrap();
    // A sample of the plan, with two of the caseworker's look-ups (her
    // actor in the staff directory has her e-mail): one answered and
    // reviewed, one waiting for her answer.
    sqlx::query(
        "INSERT INTO staff_directory (actor, name, org_unit_id, email, imported_at)
         SELECT 'matrix-sara', 'Sara Sagsbehandler', id, 'sara@eksempel.dk', now()
         FROM org_units WHERE code = 'BS'",
    )
    .execute(pool)
    .await
    .unwrap();
    sqlx::query(
        "WITH sample AS (
             INSERT INTO samples (plan_id, drawn_on, window_from, window_to, answer_by, drawn_at)
             VALUES ($1, current_date, now() - interval '3 days', now() - interval '1 day',
                     current_date + 10, now())
             RETURNING id)
         INSERT INTO sample_items (sample_id, actor, occurred_at, source_system_id,
             source_event_id, use_type, case_reference, subject_key, reason, answered_by,
             answered_at, review, review_note, reviewed_by, reviewed_at)
         SELECT sample.id, 'matrix-sara', now() - interval '2 days', systems.id, event,
             'read', 'S-1', sha256('matrix'), reason, answered_by, answered_at, review,
             review_note, reviewed_by, reviewed_at
         FROM sample, (SELECT min(id) AS id FROM source_systems) AS systems,
             (VALUES ('matrix-1', 'Flyttesag på borgerens anmodning', 'matrix-sara', now(),
                      'in_order', 'Gennemgået på mødet, i orden', 'dpo', now()),
                     ('matrix-2', NULL, NULL, NULL, NULL, NULL, NULL, NULL))
             AS items (event, reason, answered_by, answered_at, review, review_note,
                       reviewed_by, reviewed_at)",
    )
    .bind(plan)
    .execute(pool)
    .await
    .unwrap();
    let api_key = api_keys::create(pool, "social", "matrix", clock::now())
        .await
        .unwrap()
        .secret;
    (
        World {
            app,
            cookies,
            api_key,
            answered,
            attachment,
            open,
            entries,
            flag,
            question,
            plan,
            review,
            static_paths: server::http::static_assets::paths(&config.site_root),
        },
        routes,
    )
}

impl World {
    /// The entry of request `id` a letter tells of (its receipt).
    fn entry_of(&self, id: i64) -> i64 {
        if id == self.answered {
            self.entries.0
        } else {
            self.entries.1
        }
    }

    /// `pattern` with its parameters filled in: reads name the answered
    /// request, changes the open one.
    fn concrete(&self, method: &Method, pattern: &str) -> String {
        // A static file, at its version's path.
        if pattern == "/pkg/{version}/{*file}" {
            return self.static_paths.stylesheet();
        }
        if pattern == "/dkfds/{version}/{*file}" {
            return self.static_paths.dkfds_stylesheet();
        }
        let request = if pattern.starts_with("/kontrol/flag/") {
            self.flag
        } else if pattern.starts_with("/kontrol/spoergsmaal/") {
            self.question
        } else if pattern.starts_with("/kontrol/stikproeveplaner/") {
            self.plan
        } else if pattern.starts_with("/kontrol/autorisationer/") {
            self.review
        } else if method == Method::GET {
            self.answered
        } else {
            self.open
        };
        pattern
            .replace("{id}", &request.to_string())
            .replace("{attachment}", &self.attachment.to_string())
            .replace("{item}", "1")
            .replace("{entry}", &self.entry_of(request).to_string())
            .replace("{action}", "note")
            .replace("{lang}", "en")
            .replace("{kind}", "indsigt")
    }

    /// The body a server function at `path` is called with.
    fn arguments(&self, path: &str) -> String {
        match path {
            "/api/casework/case" | "/api/my-request" => format!("id={}", self.answered),
            "/api/casework/letter" => format!(
                "id={}&entry={}",
                self.answered,
                self.entry_of(self.answered)
            ),
            "/api/log-row" => "id=1".to_owned(),
            "/api/control/flag" => format!("id={}", self.flag),
            "/api/control/question" => format!("id={}", self.question),
            "/api/control/review" => format!("id={}", self.review),
            "/api/control/usage" => "query[from]=&query[to]=&query[unit]=&query[system]=".to_owned(),
            "/api/casework/queue" => "filter[mine]=false&filter[page]=1".to_owned(),
            "/api/min-log" => {
                "query[from]=&query[to]=&query[system]=&query[unit]=&query[use_type]=&query[bulk]=false&query[page]=1"
                    .to_owned()
            }
            _ => String::new(),
        }
    }

    async fn try_as(&self, caller: Caller, method: &Method, pattern: &str) -> Reply {
        self.try_reading(caller, method, pattern, None).await
    }

    /// [`World::try_as`], with the language chosen by the switch's cookie
    /// (`da` or `en`) when `language` is given.
    pub(crate) async fn try_reading(
        &self,
        caller: Caller,
        method: &Method,
        pattern: &str,
        language: Option<&str>,
    ) -> Reply {
        let path = self.concrete(method, pattern);
        let mut request = Request::builder().method(method.clone()).uri(&path);
        let session = self
            .cookies
            .iter()
            .find(|(who, _)| *who == caller)
            .map(|(_, cookie)| cookie.clone());
        let chosen = language.map(|code| format!("{}={code}", app::i18n::LANG_COOKIE));
        let cookies: Vec<String> = session.into_iter().chain(chosen).collect();
        if !cookies.is_empty() {
            request = request.header(header::COOKIE, cookies.join("; "));
        }
        if caller == Caller::ApiKey {
            request = request.header(header::AUTHORIZATION, format!("Bearer {}", self.api_key));
        }
        let body = if method == Method::GET {
            Body::empty()
        } else if pattern == server::access_log::api::EVENTS_PATH {
            request = request.header(header::CONTENT_TYPE, "application/x-ndjson");
            let event = json!({
                "id": uuid::Uuid::new_v4().to_string(),
                "time": clock::now().to_rfc3339(),
                "actor": "m12345",
                "unit": "BS",
                "use": "read",
                "cpr": "0101901234",
                "purpose": "flytning",
            });
            Body::from(format!("{event}\n"))
        } else if pattern == server::access_log::hiding::HIDDEN_PATH {
            // Authorised, and refused for what it asks (422): no such event.
            request = request.header(header::CONTENT_TYPE, "application/json");
            Body::from(r#"{"ids":["ingen"],"hidden_until":null,"reason":"Matrix"}"#)
        } else {
            request = request
                .header(header::ORIGIN, PUBLIC_URL)
                .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded");
            Body::from(self.arguments(pattern))
        };
        send(&self.app, request.body(body).unwrap()).await
    }
}

#[sqlx::test(migrator = "server::db::MIGRATOR")]
async fn every_route_answers_each_caller_as_the_matrix_says(pool: PgPool) {
    every_route_answers_as_the_matrix_says(&pool).await;
}

/// Walks every route with every kind of caller on the portal served from
/// `pool` (also as the least-privileged database role: `db_roles`).
pub(crate) async fn every_route_answers_as_the_matrix_says(pool: &PgPool) {
    let pool = pool.clone();
    let (world, routes) = world(&pool).await;
    let unknown: Vec<String> = routes
        .iter()
        .filter(|(method, path)| matrix(method, path).is_none())
        .map(|(method, path)| format!("{method} {path}"))
        .collect();
    assert!(
        unknown.is_empty(),
        "routes missing from the matrix: {unknown:#?}"
    );
    assert!(
        routes.len() > 40,
        "the enumeration found the routes: {routes:?}"
    );

    let mut wrong = Vec::new();
    for (method, pattern) in &routes {
        let who = matrix(method, pattern).unwrap();
        let callers: &[Caller] = if who == Who::SignInFlow {
            &[Caller::Anonymous]
        } else {
            &Caller::ALL
        };
        for &caller in callers {
            let reply = world.try_as(caller, method, pattern).await;
            // The matrix's refusals are deliberate: they must not add up to
            // blocks that would refuse the next tries for another reason.
            sqlx::query("DELETE FROM access_rejections")
                .execute(&pool)
                .await
                .unwrap();
            let outcome = format!("{caller:?} {method} {pattern}: {}", reply.status);
            if reply.status.is_server_error() {
                wrong.push(format!("{outcome} (failed)"));
            } else if matches!(who, Who::Anyone | Who::SignInFlow) {
            } else if caller.may(who) && refused(&reply) {
                wrong.push(format!("{outcome} (refused, the matrix allows)"));
            } else if !caller.may(who) && !refused(&reply) {
                wrong.push(format!("{outcome} (allowed, the matrix refuses)"));
            }
        }
    }
    assert!(wrong.is_empty(), "{wrong:#?}");
    let blocks: i64 = sqlx::query_scalar("SELECT count(*) FROM access_blocks")
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(blocks, 0, "no caller was blocked on the way");
}
