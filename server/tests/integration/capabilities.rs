//! Authorization at the store level: a randomized world of citizens, units,
//! caseworkers and requests, in which every store read and action is called
//! with every capability. Each must return or change only what that
//! capability may; a refused action leaves every request as it was. The
//! expectations come from the test's own model of the world, not from the
//! store.

use std::collections::{BTreeMap, BTreeSet};

use chrono::Duration;
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use sqlx::PgPool;

use app::caller::{Caller, Role, SignedInCitizen, StaffMember};
use app::capability::{CaseActor, CaseReader, Citizen, FilingCitizen};
use app::i18n::Lang;
use app::identity::cpr::Cpr;
use app::identity::subject_key::SubjectKey;
use app::requests::forms::{RegisteredRequest, RequestText};
use app::requests::store::{
    casework, citizen, remember_staff, AnswerLog, CitizenAction, Enclosed, NewAttachment,
    RequestSettings, StaffAction, StoreError,
};
use app::requests::views::QueueFilter;
use app::requests::{Channel, Kind};

use server::access_log::partitions;

use crate::support::test_config;

/// Units requests are spread over (from the demo master data).
const UNITS: [&str; 3] = ["BS", "JC", "YC"];

/// One request as the test made it.
#[derive(Debug)]
struct Made {
    id: i64,
    citizen: usize,
    unit: &'static str,
    open: bool,
    attachment: Option<i64>,
}

/// What the database holds of every request that an action could change.
async fn snapshot(pool: &PgPool) -> BTreeMap<i64, (String, i32, i64, Option<String>)> {
    sqlx::query_as::<_, (i64, String, i32, i64, Option<String>)>(
        "SELECT r.id, r.status, r.version,
                (SELECT count(*) FROM data_request_events e WHERE e.request_id = r.id),
                r.assignee_id
         FROM data_requests r",
    )
    .fetch_all(pool)
    .await
    .unwrap()
    .into_iter()
    .map(|(id, status, version, events, assignee)| (id, (status, version, events, assignee)))
    .collect()
}

async fn version_of(pool: &PgPool, id: i64) -> i32 {
    sqlx::query_scalar("SELECT version FROM data_requests WHERE id = $1")
        .bind(id)
        .fetch_one(pool)
        .await
        .unwrap()
}

/// Look-ups logged on request `id` (its case reference).
async fn logged_look_ups(pool: &PgPool, id: i64) -> i64 {
    sqlx::query_scalar("SELECT count(*) FROM access_events WHERE case_reference = $1")
        .bind(app::requests::request_number(id))
        .fetch_one(pool)
        .await
        .unwrap()
}

fn text(kind: Kind) -> RequestText {
    RequestText {
        kind,
        about: "Alt".to_owned(),
        what_is_wrong: None,
        what_is_right: None,
        situation: None,
        notify_email: None,
    }
}

fn staff(id: String, roles: Vec<Role>, unit: &str) -> StaffMember {
    StaffMember {
        name: format!("Medarbejder {id}"),
        id,
        roles,
        unit: unit.to_owned(),
    }
}

/// A random, valid CPR number.
fn random_cpr(rng: &mut StdRng) -> Cpr {
    let text = format!(
        "{:02}{:02}{:02}{:04}",
        rng.gen_range(1..=28),
        rng.gen_range(1..=12),
        rng.gen_range(0..=99),
        rng.gen_range(0..=9999)
    );
    Cpr::parse(&text).unwrap()
}

struct World {
    settings: RequestSettings,
    citizens: Vec<(Citizen, FilingCitizen)>,
    caseworkers: Vec<StaffMember>,
    dpo: StaffMember,
    admin: StaffMember,
    requests: Vec<Made>,
}

async fn build_world(pool: &PgPool, seed: u64) -> World {
    let mut rng = StdRng::seed_from_u64(seed);
    server::demo_data::load(pool).await.unwrap();
    let months = partitions::months_to_keep_ready(server::clock::now(), 6);
    partitions::ensure(pool, &months).await.unwrap();
    let settings = test_config().request_settings();
    let now = server::clock::now();
    let mut citizens = Vec::new();
    let mut cprs = Vec::new();
    for index in 0..rng.gen_range(3..=5) {
        let cpr = random_cpr(&mut rng);
        let caller = Caller::Citizen(SignedInCitizen {
            key: SubjectKey::derive(&settings.pepper, &cpr),
            name: format!("Borger {index}"),
            cpr: Some(settings.seal_key.seal(&cpr).unwrap()),
        });
        citizens.push((caller.citizen().unwrap(), caller.filing_citizen().unwrap()));
        cprs.push(cpr);
    }
    let mut caseworkers = Vec::new();
    for unit in UNITS {
        for number in 0..rng.gen_range(1..=2) {
            let member = staff(format!("cw-{unit}-{number}"), vec![Role::Caseworker], unit);
            remember_staff(pool, &member, None, Lang::Da, now)
                .await
                .unwrap();
            caseworkers.push(member);
        }
    }
    let dpo = staff("dpo".to_owned(), vec![Role::Dpo], "JUR");
    let admin = staff("admin".to_owned(), vec![Role::Admin], "OEK");
    remember_staff(pool, &dpo, None, Lang::Da, now)
        .await
        .unwrap();

    let mut requests = Vec::new();
    for _ in 0..rng.gen_range(10..=16) {
        let who = rng.gen_range(0..citizens.len());
        let kind = Kind::CHOOSABLE[rng.gen_range(0..Kind::CHOOSABLE.len())];
        let received = now - Duration::days(rng.gen_range(0..20));
        let (id, unit) = if rng.gen_bool(0.3) {
            // Filed in the portal: to the intake unit.
            let id = citizen::file(
                pool,
                &settings,
                &citizens[who].1,
                &text(kind),
                None,
                received,
                Lang::Da,
            )
            .await
            .unwrap();
            (id, "BS")
        } else {
            let unit = UNITS[rng.gen_range(0..UNITS.len())];
            let registrar = actor(&caseworkers, unit);
            let letter = RegisteredRequest {
                text: text(kind),
                channel: Channel::Letter,
                received_at: received,
                cpr: cprs[who].clone(),
                citizen_name: format!("Borger {who}"),
                identity_check: "Brev med underskrift".to_owned(),
                postal_address: Some(format!("Vej {who}\n1234 By")),
            };
            let id = casework::register(pool, &settings, &registrar, &letter, now)
                .await
                .unwrap();
            (id, unit)
        };
        let mut made = Made {
            id,
            citizen: who,
            unit,
            open: true,
            attachment: None,
        };
        if rng.gen_bool(0.4) {
            // Answered, with a file, by a caseworker of the unit.
            let answer = StaffAction::Answer(
                "Svar",
                Enclosed {
                    log: Some(AnswerLog {
                        file: NewAttachment {
                            file_name: "svar.csv".to_owned(),
                            content_type: "text/csv".to_owned(),
                            body: b"a;b".to_vec(),
                        },
                        rows: Vec::new(),
                    }),
                    ..Enclosed::default()
                },
            );
            let by = actor(&caseworkers, unit);
            casework::staff_act(pool, &settings, &by, id, 1, answer, now)
                .await
                .unwrap();
            made.open = false;
            made.attachment =
                sqlx::query_scalar("SELECT id FROM data_request_attachments WHERE request_id = $1")
                    .bind(id)
                    .fetch_optional(pool)
                    .await
                    .unwrap();
            assert!(made.attachment.is_some());
        }
        requests.push(made);
    }
    World {
        settings,
        citizens,
        caseworkers,
        dpo,
        admin,
        requests,
    }
}

/// A caseworker of `unit` as a case actor.
fn actor(caseworkers: &[StaffMember], unit: &str) -> CaseActor {
    let member = caseworkers
        .iter()
        .find(|member| member.unit == unit)
        .unwrap();
    Caller::Staff(member.clone()).case_actor().unwrap()
}

fn ids<'a>(requests: impl Iterator<Item = &'a Made>) -> BTreeSet<i64> {
    requests.map(|made| made.id).collect()
}

fn is_not_found<T>(result: Result<T, StoreError>) -> bool {
    matches!(result, Err(StoreError::NotFound))
}

async fn citizens_see_and_change_only_their_own(pool: &PgPool, world: &World) {
    let now = server::clock::now();
    for (index, (citizen, _)) in world.citizens.iter().enumerate() {
        let own = |made: &&Made| made.citizen == index;
        let listed: BTreeSet<i64> = citizen::citizen_requests(pool, citizen, Lang::Da)
            .await
            .unwrap()
            .iter()
            .map(|row| row.id)
            .collect();
        assert_eq!(listed, ids(world.requests.iter().filter(own)));
        for made in &world.requests {
            let mine = made.citizen == index;
            let read = citizen::citizen_request(pool, citizen, made.id, Lang::Da).await;
            assert_eq!(read.is_ok(), mine, "citizen {index} reads {made:?}");
            assert!(mine || is_not_found(read));
            if let Some(attachment) = made.attachment {
                let file = citizen::citizen_attachment(pool, citizen, made.id, attachment).await;
                assert_eq!(file.is_ok(), mine, "citizen {index} downloads {made:?}");
            }
            let before = snapshot(pool).await;
            let reply = CitizenAction::Reply("Et spørgsmål");
            let version = version_of(pool, made.id).await;
            let acted = citizen::citizen_act(pool, citizen, made.id, version, reply, now).await;
            let after = snapshot(pool).await;
            if mine && made.open {
                assert!(
                    acted.is_ok(),
                    "citizen {index} replies on {made:?}: {acted:?}"
                );
                for (id, row) in &after {
                    assert_eq!(
                        *id != made.id,
                        before[id] == *row,
                        "only {} changed",
                        made.id
                    );
                }
            } else {
                assert!(acted.is_err(), "citizen {index} replied on {made:?}");
                assert!(mine || is_not_found(acted));
                assert_eq!(before, after, "a refused reply changed something");
            }
        }
    }
}

async fn readers_see_only_their_units(pool: &PgPool, world: &World, reader: &CaseReader) {
    let now = server::clock::now();
    let today = app::access_log::coverage::local_date(now);
    let sees = |made: &&Made| reader.sees(made.unit);
    let queue = casework::queue(
        pool,
        &world.settings,
        reader,
        &QueueFilter::default(),
        today,
        Lang::Da,
    )
    .await
    .unwrap();
    let open_in_scope = ids(world.requests.iter().filter(sees).filter(|made| made.open));
    assert_eq!(ids_of_queue(&queue), open_in_scope, "{:?}", reader.member());
    // Asking the queue for another unit narrows it, never widens it.
    for unit in UNITS {
        let filter = QueueFilter {
            unit: Some(unit.to_owned()),
            ..QueueFilter::default()
        };
        let narrowed = casework::queue(pool, &world.settings, reader, &filter, today, Lang::Da)
            .await
            .unwrap();
        let expected = ids(world
            .requests
            .iter()
            .filter(sees)
            .filter(|made| made.open && made.unit == unit));
        assert_eq!(ids_of_queue(&narrowed), expected);
    }
    for made in &world.requests {
        let visible = reader.sees(made.unit);
        // Searching by its number finds it (whatever its status) only in
        // the reader's units.
        let by_number = QueueFilter {
            search: Some(app::requests::request_number(made.id)),
            status: (!made.open).then_some(app::requests::Status::Answered),
            ..QueueFilter::default()
        };
        let found = casework::queue(pool, &world.settings, reader, &by_number, today, Lang::Da)
            .await
            .unwrap();
        let found_ids: Vec<i64> = found.rows.iter().map(|row| row.id).collect();
        if made.open || found_ids.is_empty() {
            assert_eq!(
                found_ids,
                if visible && made.open {
                    vec![made.id]
                } else {
                    vec![]
                },
                "{:?} searches for {made:?}",
                reader.member()
            );
        } else {
            assert!(visible, "{:?} found {made:?}", reader.member());
        }
        let logged = logged_look_ups(pool, made.id).await;
        let case =
            casework::case(pool, &world.settings, reader, made.id, false, now, Lang::Da).await;
        assert_eq!(
            case.is_ok(),
            visible,
            "{:?} opens {made:?}",
            reader.member()
        );
        if visible {
            assert_eq!(logged_look_ups(pool, made.id).await, logged + 1);
            let may_act = reader.actor_in(made.unit).is_some();
            assert_eq!(case.unwrap().may_act, may_act);
            // Only a caseworker of the unit reveals the CPR number.
            let revealed =
                casework::case(pool, &world.settings, reader, made.id, true, now, Lang::Da).await;
            assert_eq!(
                revealed.is_ok(),
                may_act,
                "{:?} reveals on {made:?}",
                reader.member()
            );
            if let Ok(case) = revealed {
                assert!(case.cpr_revealed.is_some());
            }
        } else {
            assert!(is_not_found(case));
            assert_eq!(logged_look_ups(pool, made.id).await, logged);
        }
        if let Some(attachment) = made.attachment {
            let file =
                casework::case_attachment(pool, &world.settings, reader, made.id, attachment, now)
                    .await;
            assert_eq!(file.is_ok(), visible);
            if !visible {
                // A refused download logs nothing.
                assert_eq!(logged_look_ups(pool, made.id).await, logged);
            }
        }
    }
}

fn ids_of_queue(queue: &app::requests::views::QueueListing) -> BTreeSet<i64> {
    queue.rows.iter().map(|row| row.id).collect()
}

async fn actors_change_only_their_unit(pool: &PgPool, world: &World, actor: &CaseActor) {
    let now = server::clock::now();
    for made in &world.requests {
        let own = made.unit == actor.unit();
        let subject = casework::answer_subject(pool, actor, made.id).await;
        assert_eq!(subject.is_ok(), own);
        let before = snapshot(pool).await;
        let version = version_of(pool, made.id).await;
        let note = StaffAction::Note("Intern note");
        let acted =
            casework::staff_act(pool, &world.settings, actor, made.id, version, note, now).await;
        let after = snapshot(pool).await;
        if own {
            assert!(
                acted.is_ok(),
                "{:?} notes on {made:?}: {acted:?}",
                actor.member()
            );
            for (id, row) in &after {
                assert_eq!(*id != made.id, before[id] == *row);
            }
        } else {
            assert!(
                is_not_found(acted),
                "{:?} noted on {made:?}",
                actor.member()
            );
            assert_eq!(before, after, "a refused note changed something");
        }
        if made.open && !own {
            // Nor can they take another unit's request.
            let assign = StaffAction::Assign(&actor.member().id);
            let version = version_of(pool, made.id).await;
            let taken =
                casework::staff_act(pool, &world.settings, actor, made.id, version, assign, now)
                    .await;
            assert!(is_not_found(taken));
            assert_eq!(after, snapshot(pool).await);
        }
    }
}

async fn check_world(pool: &PgPool, seed: u64) {
    let world = build_world(pool, seed).await;
    citizens_see_and_change_only_their_own(pool, &world).await;

    for member in &world.caseworkers {
        let caller = Caller::Staff(member.clone());
        readers_see_only_their_units(pool, &world, &caller.case_reader().unwrap()).await;
        actors_change_only_their_unit(pool, &world, &caller.case_actor().unwrap()).await;
        assert!(caller.overseer().is_err() && caller.citizen().is_err());
    }

    let dpo = Caller::Staff(world.dpo.clone());
    readers_see_only_their_units(pool, &world, &dpo.case_reader().unwrap()).await;
    assert!(dpo.case_actor().is_err(), "the DPO reads but does not act");
    let overseer = dpo.overseer().unwrap();
    let every: BTreeSet<i64> = app::requests::overview::lines(pool, &overseer)
        .await
        .unwrap()
        .iter()
        .map(|line| line.id)
        .collect();
    assert_eq!(every, ids(world.requests.iter()));

    let admin = Caller::Staff(world.admin.clone());
    assert!(admin.overseer().is_ok());
    assert!(admin.case_reader().is_err() && admin.case_actor().is_err());
}

#[sqlx::test(migrator = "server::db::MIGRATOR")]
async fn every_capability_reaches_only_its_own_requests_seed_1(pool: PgPool) {
    check_world(&pool, 1).await;
}

#[sqlx::test(migrator = "server::db::MIGRATOR")]
async fn every_capability_reaches_only_its_own_requests_seed_2(pool: PgPool) {
    check_world(&pool, 2).await;
}

#[sqlx::test(migrator = "server::db::MIGRATOR")]
async fn every_capability_reaches_only_its_own_requests_seed_3(pool: PgPool) {
    check_world(&pool, 3).await;
}
