# fuel-stats: `make up` to run everything locally, `make test` to test it. Both work on a fresh machine.
SHELL := /bin/bash
.DEFAULT_GOAL := help

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
FUELSTATS := $(VENV)/bin/fuelstats
LOCAL := .local
PG_PORT ?= 5433
ES_PORT ?= 9200
COLLECTOR_BIND ?= 127.0.0.1:8000
ANALYTICS_BIND ?= 127.0.0.1:8001
export FUELSTATS_DATABASE_URL ?= postgresql://fuelstats@127.0.0.1:$(PG_PORT)/fuelstats
export FUELSTATS_ELASTICSEARCH_URL ?= http://127.0.0.1:$(ES_PORT)

# The front door (docs/deployment.md): nginx, the only public listener, TLS on HTTPS_PORT, plain HTTP
# on HTTP_PORT redirecting to it. More of its settings: FRONTDOOR_OPTIONS="--server-names ... --master-rate 120".
HTTPS_PORT ?= 8443
HTTP_PORT ?= 8080
FRONTDOOR_OPTIONS ?=
# The services believe only nginx's X-Forwarded-For (for `make up` alone: the tests set their own).
up: export FUELSTATS_TRUSTED_PROXIES ?= 127.0.0.1

.PHONY: help setup up down test bench generate dist

help:
	@echo "make up     install what is missing; start PostgreSQL, Elasticsearch, the collector on $(COLLECTOR_BIND),"
	@echo "           the ETL, the analytics on $(ANALYTICS_BIND) and a job worker"
	@echo "           behind nginx: https://localhost:$(HTTPS_PORT)/ (TLS, local CA in $(LOCAL)/tls), http on $(HTTP_PORT)"
	@echo "make down   stop what make up started"
	@echo "make test   run the test suite (starts its own throwaway servers)"
	@echo "make bench  measure ingest, the ETL, reports, exports, restores and replication; write docs/benchmarks.md"
	@echo "make generate  regenerate the typed clients in generated/ from openapi/ (commit the result)"
	@echo "make dist  build the wheels of fuel-stats, fuel-stats-kit and fuel-stats-common into dist/"

# The virtualenv is rebuilt when a pyproject.toml changes. Every distribution of this repository is
# installed editable, in one pip run, so that each finds the others here rather than on PyPI.
DISTRIBUTIONS := clients/common clients
$(VENV)/.installed: pyproject.toml $(DISTRIBUTIONS:%=%/pyproject.toml)
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet $(DISTRIBUTIONS:%=-e %) -e ".[test]"
	touch $@

# The web UI's chart library comes from npm (ui/package-lock.json) into ui/static/vendor/, git-ignored.
UI := ui
SUDO := $(if $(filter 0,$(shell id -u)),,sudo)
APT_INSTALL := $(SUDO) apt-get update -qq && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq
$(UI)/static/vendor/.built: $(UI)/package.json $(UI)/package-lock.json $(UI)/build.js
	command -v npm >/dev/null || { $(APT_INSTALL) nodejs npm; }
	cd $(UI) && npm ci --no-audit --no-fund --prefer-offline && npm run build
	touch $@

# The browser tests drive Debian's Chromium: Playwright cannot download a browser of its own here.
.PHONY: chromium
chromium:
	@[ -x /usr/bin/chromium ] || { $(APT_INSTALL) chromium; }

setup: $(VENV)/.installed $(UI)/static/vendor/.built

up: setup
	@mkdir -p $(LOCAL)
	$(PY) -m tools.localpg start --dir $(LOCAL)/pg --port $(PG_PORT) --database fuelstats
	$(PY) -m tools.locales start --dir $(LOCAL)/es --port $(ES_PORT)
	$(FUELSTATS) db upgrade
	$(ACCOUNTS_UP)
	$(STANDBY_UP)
	$(PY) -m tools.service start --name collector --pidfile $(LOCAL)/collector.pid --log $(LOCAL)/collector.log \
		--ready http://$(COLLECTOR_BIND)/api/v1/ping/ -- $(FUELSTATS) collector serve --bind $(COLLECTOR_BIND)
	$(PY) -m tools.service start --name etl --pidfile $(LOCAL)/etl.pid --log $(LOCAL)/etl.log -- $(FUELSTATS) etl run
	$(PY) -m tools.service start --name analytics --pidfile $(LOCAL)/analytics.pid --log $(LOCAL)/analytics.log \
		--ready http://$(ANALYTICS_BIND)/api/v1/reports/ -- $(FUELSTATS) analytics serve --bind $(ANALYTICS_BIND)
	$(WORKER_UP)
	@$(WRITE_LOCAL_ENV)
	@echo "collector: http://$(COLLECTOR_BIND)/ui/  (logs: $(LOCAL)/collector.log)"
	@echo "elasticsearch: $(FUELSTATS_ELASTICSEARCH_URL)  etl: source $(CURDIR)/$(LOCAL_ENV) && fuelstats etl status  (logs: $(LOCAL)/etl.log)"
	@echo "analytics: http://$(ANALYTICS_BIND)/ (web UI), http://$(ANALYTICS_BIND)/ui/ (API)  (logs: $(LOCAL)/analytics.log)"
	$(PY) -m tools.frontdoor start --dir $(LOCAL)/nginx --local-ca $(LOCAL)/tls --https-port $(HTTPS_PORT) \
		--http-port $(HTTP_PORT) --collector $(COLLECTOR_BIND) --analytics $(ANALYTICS_BIND) $(FRONTDOOR_OPTIONS)
	@echo "front door: https://localhost:$(HTTPS_PORT)/ (web UI and APIs; trust $(LOCAL)/tls/ca.pem)  (logs: $(LOCAL)/nginx/)"
	$(ACCOUNTS_HINT)

# make up's hints work as printed in a new shell: $(LOCAL_ENV) puts this virtualenv's commands on the
# PATH and sets the FUELSTATS_* settings make up ran with (`source .local/env`): read from the recipe's
# environment, which holds up's own target variables (the standby's, the front door's) too.
LOCAL_ENV := $(LOCAL)/env
WRITE_LOCAL_ENV = $(PY) -c 'import os, shlex, sys; \
	print("\# What make up runs with, for a new shell: source", sys.argv[1]); \
	print("export PATH=" + shlex.quote(sys.argv[2]) + ":\"$$PATH\""); \
	[print(f"export {name}={shlex.quote(value)}") for name, value in sorted(os.environ.items()) if name.startswith("FUELSTATS_")]' \
	$(CURDIR)/$(LOCAL_ENV) $(CURDIR)/$(VENV)/bin > $(LOCAL_ENV)

down:
	-@[ -x $(PY) ] && $(PY) -m tools.frontdoor stop --dir $(LOCAL)/nginx
	-@[ -x $(PY) ] && $(PY) -m tools.service stop --name analytics --pidfile $(LOCAL)/analytics.pid
	-$(WORKER_DOWN)
	-@[ -x $(PY) ] && $(PY) -m tools.service stop --name etl --pidfile $(LOCAL)/etl.pid
	-@[ -x $(PY) ] && $(PY) -m tools.service stop --name collector --pidfile $(LOCAL)/collector.pid
	-@[ -x $(PY) ] && $(PY) -m tools.locales stop --dir $(LOCAL)/es
	-$(STANDBY_DOWN)
	-@[ -x $(PY) ] && $(PY) -m tools.localpg stop --dir $(LOCAL)/pg

# --- the analytics' accounts (docs/authentication.md) ---------------------------------------------
# Their own database, fuelstats_analytics, in the same cluster (so the standby and the backups carry
# it), created and migrated by make up. There is no default account: make up says how to make the first.
ANALYTICS_DATABASE ?= fuelstats_analytics
export FUELSTATS_ANALYTICS_DATABASE_URL ?= postgresql://fuelstats@127.0.0.1:$(PG_PORT)/$(ANALYTICS_DATABASE)
ACCOUNTS_UP = $(PY) -m tools.localpg start --dir $(LOCAL)/pg --port $(PG_PORT) --database $(ANALYTICS_DATABASE) \
	&& $(FUELSTATS) analytics db upgrade
ACCOUNTS_HINT = @$(FUELSTATS) users list | grep -q ' admin ' || echo "no admin yet: make one, then log in at \
	https://localhost:$(HTTPS_PORT)/login: source $(CURDIR)/$(LOCAL_ENV) && fuelstats users add NAME --role admin"

# --- the jobs' worker (docs/jobs.md) ----------------------------------------------------------------
# One `fuelstats worker run` for the exports and reports asked for as jobs; its results in .local/jobs,
# served by the analytics. WORKER_METRICS_BIND: its metrics, /healthz and /readyz.
WORKER_METRICS_BIND ?= 127.0.0.1:9485
up: export FUELSTATS_JOBS_DIR ?= $(abspath $(LOCAL))/jobs
up: export FUELSTATS_WORKER_METRICS_BIND ?= $(WORKER_METRICS_BIND)
WORKER_UP = $(PY) -m tools.service start --name worker --pidfile $(LOCAL)/worker.pid --log $(LOCAL)/worker.log \
	--ready http://$(WORKER_METRICS_BIND)/healthz -- $(FUELSTATS) worker run \
	&& echo "job worker: results in $(LOCAL)/jobs, metrics on http://$(WORKER_METRICS_BIND)/metrics  (logs: $(LOCAL)/worker.log)"
WORKER_DOWN = @[ -x $(PY) ] && $(PY) -m tools.service stop --name worker --pidfile $(LOCAL)/worker.pid

# --- hot standby, WAL archive and backups (docs/backups.md) ----------------------------------------
# make up starts a hot standby of its cluster (through a replication slot), archives the primary's
# WAL into a pgBackRest repository under .local/backups and takes a first full backup from the
# standby; the ETL and the analytics read from the standby. PG_SYNCHRONOUS=on: commits are
# acknowledged once the standby has them too.
PG_STANDBY_PORT ?= 5434
PG_SYNCHRONOUS ?= off
BACKUPS := $(LOCAL)/backups
up: export FUELSTATS_REPLICA_DATABASE_URL ?= postgresql://fuelstats@127.0.0.1:$(PG_STANDBY_PORT)/fuelstats
up: export FUELSTATS_PGBACKREST_CONFIG ?= $(abspath $(BACKUPS))/pgbackrest.conf
up: export FUELSTATS_SNAPSHOT_LOCATION ?= $(abspath $(LOCAL))/es/snapshots
STANDBY_UP = $(PY) -m tools.localreplica up --primary $(LOCAL)/pg --primary-port $(PG_PORT) \
	--standby $(LOCAL)/pg-standby --standby-port $(PG_STANDBY_PORT) --backups $(BACKUPS) \
	$(if $(filter on,$(PG_SYNCHRONOUS)),--synchronous)
STANDBY_DOWN = @[ -x $(PY) ] && $(PY) -m tools.localreplica down --standby $(LOCAL)/pg-standby

test: setup chromium
	$(VENV)/bin/ruff check services tools bench tests clients
	$(PY) -m pytest

bench: setup
	$(PY) -m bench.collector_ingest --output docs/benchmarks.md
	$(PY) -m bench.etl --output docs/benchmarks.md
	$(PY) -m bench.reports --output docs/benchmarks.md
	$(PY) -m bench.exports --output docs/benchmarks.md
	$(PY) -m bench.jobs --output docs/benchmarks.md
	$(PY) -m bench.restore --output docs/benchmarks.md
	$(PY) -m bench.replication --output docs/benchmarks.md

# The clients in generated/ are committed; tests/kit/test_generated_client.py fails when they are stale.
generate: setup
	$(PY) -m tools.generate_clients

# The wheels of every distribution into $(DIST): the services, the master node kit, what both share.
# Built in place and without build isolation (setuptools comes with the test extra): nothing is
# downloaded, and the kit's wheel takes the generated client from ../generated. The build/ folders
# go before (stale ones would carry removed files into a wheel) and after (no second copy of the
# code lies around). ui/static/vendor (make setup) is shipped.
DIST ?= dist
BUILD_FOLDERS := build $(DISTRIBUTIONS:%=%/build)
dist: setup
	rm -rf $(BUILD_FOLDERS) $(DIST)
	$(PY) -m pip wheel --quiet --no-deps --no-build-isolation --wheel-dir $(DIST) ./ $(DISTRIBUTIONS:%=./%)
	rm -rf $(BUILD_FOLDERS)
	@ls $(DIST)
