//! A PostgreSQL server of the test's own: a new cluster in a temporary
//! directory, durable as in production (`fsync` on), for faults that must
//! not touch the server the other tests share (killing it, filling its
//! disk). It runs as a child of the test, so the test collects it when it
//! is killed; its backends are collected by whatever adopts orphans on the
//! machine.

use std::fs::File;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::Mutex;
use std::time::Duration;

use super::running_as_root;
use crate::support::{free_port, pg_tool, run_to_success};

/// A PostgreSQL server of the test's own.
pub struct OwnPostgres {
    dir: PathBuf,
    port: u16,
    /// The running server process.
    server: Mutex<Option<Child>>,
    /// The user and group it runs as when the test runs as root, which
    /// PostgreSQL refuses: `postgres`.
    pub user: Option<(u32, u32)>,
}

impl OwnPostgres {
    /// A new cluster, started.
    pub fn create() -> OwnPostgres {
        let dir =
            std::env::temp_dir().join(format!("indblik-pg-{}", uuid::Uuid::new_v4().simple()));
        std::fs::create_dir(&dir).unwrap();
        let user = running_as_root().then(postgres_user);
        if let Some((uid, gid)) = user {
            std::os::unix::fs::chown(&dir, Some(uid), Some(gid)).unwrap();
        }
        let postgres = OwnPostgres {
            dir,
            port: free_port(),
            server: Mutex::new(None),
            user,
        };
        run_to_success(
            postgres
                .command("initdb")
                .arg("--pgdata")
                .arg(postgres.data())
                .args(["--auth=trust", "--username=postgres", "--encoding=UTF8"])
                .args(["--locale=C.UTF-8", "--no-sync"]),
        );
        postgres.start();
        postgres
    }

    fn data(&self) -> PathBuf {
        self.dir.join("data")
    }

    /// The URL of its database `name`.
    pub fn url(&self, name: &str) -> String {
        format!("postgres://postgres@127.0.0.1:{}/{name}", self.port)
    }

    /// PostgreSQL's program `name`, run as the server's user.
    fn command(&self, name: &str) -> Command {
        let mut command = Command::new(pg_tool(name));
        command.current_dir(&self.dir);
        if let Some((uid, gid)) = self.user {
            command.uid(uid).gid(gid);
        }
        command
    }

    /// Starts the server and returns once it accepts connections: after a
    /// kill, once its crash recovery is done.
    pub fn start(&self) {
        let log = self.dir.join("server.log");
        let server = self
            .command("postgres")
            .arg("-D")
            .arg(self.data())
            .args(["-p", &self.port.to_string(), "-k"])
            .arg(&self.dir)
            .args([
                "-c",
                "listen_addresses=127.0.0.1",
                "-c",
                "max_connections=40",
            ])
            .stdout(Stdio::null())
            .stderr(
                File::options()
                    .create(true)
                    .append(true)
                    .open(&log)
                    .unwrap(),
            )
            .process_group(0)
            .spawn()
            .unwrap();
        *self.server.lock().unwrap() = Some(server);
        for _ in 0..600 {
            let ready = Command::new(pg_tool("pg_isready"))
                .args(["--host=127.0.0.1", "--timeout=1"])
                .arg(format!("--port={}", self.port))
                .stdout(Stdio::null())
                .status()
                .unwrap();
            if ready.success() {
                return;
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        panic!(
            "PostgreSQL did not start: {}",
            std::fs::read_to_string(&log).unwrap_or_default()
        );
    }

    /// `kill -9` of the server process and all its backends at once: the
    /// server leads a process group of its own, and the signal goes to the
    /// group.
    pub fn kill(&self) {
        let mut server = self.server.lock().unwrap().take().expect("it runs");
        // The shell's own `kill`: no program beyond a POSIX shell needed.
        let killed = Command::new("sh")
            .args(["-c", r#"kill -s KILL -- "-$0""#])
            .arg(server.id().to_string())
            .status()
            .unwrap();
        assert!(killed.success());
        server.wait().unwrap();
    }
}

impl Drop for OwnPostgres {
    fn drop(&mut self) {
        if let Some(mut server) = self.server.lock().unwrap().take() {
            let _ = server.kill();
            let _ = server.wait();
        }
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// The user and group id of the `postgres` user, from `/etc/passwd`.
pub fn postgres_user() -> (u32, u32) {
    let passwd = std::fs::read_to_string(Path::new("/etc/passwd")).unwrap();
    passwd
        .lines()
        .find_map(|line| {
            let fields: Vec<&str> = line.split(':').collect();
            (fields.first() == Some(&"postgres"))
                .then(|| (fields[2].parse().unwrap(), fields[3].parse().unwrap()))
        })
        .expect("a `postgres` user to run PostgreSQL as (the test runs as root)")
}
