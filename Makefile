# The two commands a newcomer needs are `make run` and `make test`.
# Everything they do lives in scripts/; see README.md.

.PHONY: help run test bench loadtest faults release e2e db-start db-stop sqlx-prepare fmt

help:
	@echo "make run           build and serve the portal at http://127.0.0.1:3000 (installs what is missing)"
	@echo "make test          run every check: fmt, clippy, unit, integration and end-to-end tests"
	@echo "make bench         fill a database with 20 million events and measure the access log (docs/benchmarks.md)"
	@echo "make loadtest      200 signed-in citizens browsing the release server while events arrive (docs/benchmarks.md)"
	@echo "make faults        only the fault tests: connections cut, PostgreSQL killed, its disk full, an import killed (docs/reliability.md)"
	@echo "make release       the production build: release site and server, precompressed files, sizes (docs/operations.md)"
	@echo "make db-start      start the local PostgreSQL in .local/pg and print DATABASE_URL"
	@echo "make db-stop       stop the local PostgreSQL"
	@echo "make sqlx-prepare  refresh the offline query data in .sqlx/ after changing a query or migration"
	@echo "make fmt           format the Rust code"

run:
	scripts/run.sh

test:
	scripts/test.sh

bench:
	scripts/bench.sh $(ARGS)

loadtest:
	scripts/loadtest.sh

faults:
	scripts/faults.sh

release:
	scripts/release.sh

db-start:
	scripts/db.sh start

db-stop:
	scripts/db.sh stop

sqlx-prepare:
	scripts/sqlx-prepare.sh

fmt:
	cargo fmt --all
