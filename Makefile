# hallkiosk: every target is idempotent; see README.md.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
FLASK := $(BIN)/flask --app app
HOST ?= 127.0.0.1
PORT ?= 5000
WORKERS ?= 2

.PHONY: run dev test setup fonts pinyin setup-test system-deps system-deps-test venv venv-test translations db i18n i18n-check bench lint serve clean vnu

run: setup db serve  ## set everything up and serve the demo hall on http://127.0.0.1:5000

serve:  ## serve with gunicorn's gevent workers (a Server-Sent Events stream costs a greenlet, not a thread)
	ulimit -n 65536 2>/dev/null || ulimit -n $$(ulimit -Hn); \
	$(BIN)/gunicorn --config gunicorn.conf.py --bind $(HOST):$(PORT) --workers $(WORKERS) app:app

dev: setup db  ## Flask's debug server with reloading
	$(FLASK) run --debug --host $(HOST) --port $(PORT)

setup: system-deps venv translations fonts

fonts: venv  ## prepare the CJK font subset printed matter uses (idempotent; printing works without it, slower)
	@$(BIN)/python scripts/prepare_fonts.py

setup-test: system-deps-test venv-test translations vnu

VNU_JAR := .tools/node_modules/vnu-jar/build/dist/vnu.jar

vnu: $(VNU_JAR)  ## the Nu HTML Checker (npm vnu-jar, run with the system Java by the tests)

$(VNU_JAR):
	npm install --prefix .tools --no-audit --no-fund vnu-jar@26.9.27

pinyin: venv-test  ## rebuild static/osk/pinyin.json (the on-screen keyboard's pinyin data) from pypinyin and jieba
	$(BIN)/python scripts/build_pinyin.py

system-deps:
	@sh scripts/system-deps.sh run

system-deps-test:
	@sh scripts/system-deps.sh test

$(BIN)/python:
	$(PYTHON) -m venv $(VENV) || python3 -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.installed: $(BIN)/python pyproject.toml constraints.txt
	$(BIN)/pip install --quiet -c constraints.txt -e .
	touch $@

$(VENV)/.installed-test: $(VENV)/.installed
	$(BIN)/pip install --quiet -c constraints.txt -e ".[test]"
	touch $@

venv: $(VENV)/.installed

venv-test: $(VENV)/.installed-test

translations: venv  ## compile the message catalogues (.po -> .mo)
	@$(BIN)/pybabel compile -d translations > /dev/null

db: venv  ## run the migrations; seed the demo hall on first run
	$(FLASK) init-db
	$(FLASK) seed-demo --if-empty
	$(FLASK) voice build

test: setup-test  ## install everything the tests need and run the whole suite
	$(BIN)/ruff check .
	$(BIN)/mypy
	@# PostgreSQL tests share one test database, so they run on their own, one at a time, after the rest;
	@# so do the latency tests, which time an event end to end (the other worker's load must not count).
	export KIOSK_TEST_POSTGRES_URL="$${KIOSK_TEST_POSTGRES_URL:-$$(sh scripts/pg-test.sh | tail -n 1)}"; \
	$(BIN)/pytest -n 2 --dist loadgroup -m "not postgres and not latency" && $(BIN)/pytest -m "latency or postgres"

.PHONY: fuzz
fuzz: setup-test  ## a longer fuzzing run (schemathesis on the API, hypothesis on every page and form; FUZZ_EXAMPLES per operation)
	KIOSK_FUZZ_EXAMPLES=$${FUZZ_EXAMPLES:-500} \
	KIOSK_TEST_POSTGRES_URL="$${KIOSK_TEST_POSTGRES_URL:-$$(sh scripts/pg-test.sh | tail -n 1)}" \
	$(BIN)/pytest -n 2 --dist loadgroup -s -p no:cacheprovider tests/foundation/test_api_fuzz.py \
		tests/foundation/test_html_fuzz.py tests/foundation/test_fuzz_postgres.py

i18n: venv  ## extract strings, update every catalogue, compile
	$(BIN)/pybabel extract -F translations/babel.cfg -k _l -k lazy_gettext -k ngettext:1,2 --no-location --sort-output \
		--project hallkiosk --copyright-holder "hallkiosk" -o translations/messages.pot .
	$(BIN)/pybabel update -i translations/messages.pot -d translations --no-fuzzy-matching --ignore-obsolete
	$(BIN)/pybabel compile -d translations > /dev/null
	$(BIN)/python scripts/i18n_report.py

i18n-check: venv  ## report how complete each catalogue is
	$(BIN)/python scripts/i18n_report.py

bench: setup-test db  ## run every benchmark; paste the figures into docs/performance.md
	@for script in bench/*.py; do echo "== $$script"; $(BIN)/python $$script || exit 1; done

lint: venv-test  ## ruff and mypy
	$(BIN)/ruff check .
	$(BIN)/mypy

clean:
	rm -rf $(VENV) artifacts .pytest_cache .tools
