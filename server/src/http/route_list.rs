//! The server's own routes (besides the Leptos pages and server functions),
//! listed as they are added: each module builds its routes through
//! [`Routes`], so the router and the list of what it serves cannot part
//! ways. The authorization-matrix test walks the list with every kind of
//! caller, and fails on a route the matrix does not know.

use axum::handler::Handler;
use axum::http::Method;
use axum::routing::MethodRouter;
use axum::Router;

/// One route: its method and its path as axum writes it (`/x/{id}`).
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct ListedRoute {
    pub method: Method,
    pub path: String,
}

/// A router with the list of its routes.
pub struct Routes<S> {
    router: Router<S>,
    listed: Vec<ListedRoute>,
}

impl<S: Clone + Send + Sync + 'static> Default for Routes<S> {
    fn default() -> Self {
        Routes {
            router: Router::new(),
            listed: Vec::new(),
        }
    }
}

impl<S: Clone + Send + Sync + 'static> Routes<S> {
    pub fn new() -> Routes<S> {
        Routes::default()
    }

    /// Serves `path` for `method` with `handler` (a method router that may
    /// carry its own layers).
    pub fn add(mut self, method: Method, path: &'static str, handler: MethodRouter<S>) -> Self {
        self.router = self.router.route(path, handler);
        self.listed.push(ListedRoute {
            method,
            path: path.to_owned(),
        });
        self
    }

    pub fn get<H: Handler<T, S>, T: 'static>(self, path: &'static str, handler: H) -> Self {
        self.add(Method::GET, path, axum::routing::get(handler))
    }

    pub fn post<H: Handler<T, S>, T: 'static>(self, path: &'static str, handler: H) -> Self {
        self.add(Method::POST, path, axum::routing::post(handler))
    }

    /// Lists `path` (a pattern such as `/pkg/{*file}`), which `wrap` makes
    /// the router serve by other means (a nested service).
    pub fn serving(
        mut self,
        method: Method,
        path: String,
        wrap: impl FnOnce(Router<S>) -> Router<S>,
    ) -> Self {
        self.router = wrap(self.router);
        self.listed.push(ListedRoute { method, path });
        self
    }

    pub fn merge(mut self, other: Routes<S>) -> Self {
        self.router = self.router.merge(other.router);
        self.listed.extend(other.listed);
        self
    }

    /// The same routes with `wrap` applied to the router (layers, state).
    pub fn map<S2>(self, wrap: impl FnOnce(Router<S>) -> Router<S2>) -> Routes<S2> {
        Routes {
            router: wrap(self.router),
            listed: self.listed,
        }
    }

    pub fn into_parts(self) -> (Router<S>, Vec<ListedRoute>) {
        (self.router, self.listed)
    }
}
