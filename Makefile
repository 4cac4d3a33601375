# The two commands of the README: `make run` (the main job) and `make test` (every check).
# Both create .venv on first use, so a fresh machine needs only python3 and pip.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export NO_MKDOCS_2_WARNING := 1

.PHONY: run test setup lint typecheck pytest conformance-process docs publish release-record bench mutation deep clean

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet -e '.[dev,docs]'
	@touch $(STAMP)

setup: $(STAMP)

run: $(STAMP)
	$(BIN)/asmb-spec report
	$(BIN)/mkdocs build --strict

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: $(STAMP)
	$(BIN)/mypy --strict spec contracts tests

pytest: $(STAMP)
	$(BIN)/pytest -n auto --dist loadgroup

# The conformance suite once more, driving the reference through the JSON-lines protocol.
conformance-process: $(STAMP)
	$(BIN)/pytest contracts/conformance/suite tests/conformance -q -p no:cacheprovider \
		-n auto --dist loadgroup --implementation "cmd:$(BIN)/python -m contracts.conformance.adapter"

docs: $(STAMP)
	$(BIN)/mkdocs build --strict

test: lint typecheck pytest conformance-process docs

# A citable copy of the site (not part of `make test`): builds this version into
# $(PUBLISH_DIR)/<version>/, canonical links and sitemap under $(ASMB_SITE_URL)<version>/, and
# rewrites $(PUBLISH_DIR)'s versions.json, index.html (a redirect to the newest version),
# sitemap.xml and 404.html. Earlier versions in $(PUBLISH_DIR) stay as they are: serve the folder
# as it grows. Refused from uncommitted changes or for a version already there.
PUBLISH_DIR ?= public
publish: $(STAMP)
	@test -n "$(ASMB_SITE_URL)" || { echo "make publish: set ASMB_SITE_URL to where $(PUBLISH_DIR)/ is served, https://…/" >&2; exit 2; }
	$(BIN)/python -m spec.publish $(PUBLISH_DIR) --site-url "$(ASMB_SITE_URL)"

# The record file of this release (after the commit that sets spec.__version__, from a clean
# checkout): spec/data/releases/<version>.json, every id with its value, unit, source and
# statement, naming the commit; commit the file. Refused for a version already recorded.
release-record: $(STAMP)
	$(BIN)/python -m spec.releases record --release

# Benchmarks at scale (minutes; not part of `make test`): writes bench-results.json and exits 1
# when a target is missed. BENCH_SCALE=small runs the same workloads at a hundredth, in under a
# minute. Copy bench-results.json to docs/data/ to publish a full run's figures on the site.
bench: $(STAMP)
	$(BIN)/python -m tests.bench

# The deep run (up to an hour on two cores; not part of `make test`): every stateful machine and
# every differential machine under the `deep` Hypothesis profile, each for its number of runs in
# tests/deep.py, a million rule steps in all. Prints each machine's steps, seconds and steps per
# second and the total, and exits 1 on a failure, on fewer steps or on a run over the hour.
DEEP_LOG := .hypothesis/deep-run.jsonl
DEEP_TESTS := tests/stateful contracts/conformance/suite/test_differential.py::test_differential
deep: $(STAMP)
	@mkdir -p $(dir $(DEEP_LOG)) && rm -f $(DEEP_LOG)
	@start=$$(date +%s); \
	HYPOTHESIS_PROFILE=deep $(BIN)/pytest -q -p tests.deep --deep-budget --deep-log $(DEEP_LOG) \
		-n 2 --dist worksteal $(DEEP_TESTS); \
	status=$$?; \
	$(BIN)/python -m tests.deep report $(DEEP_LOG) --elapsed $$(( $$(date +%s) - start )) --status $$status

# Mutation testing of contracts/ (long; not part of `make test`): prints the mutation score.
# It runs from a venv of its own holding the test dependencies but not this project: mutmut tests
# the mutated copy in mutants/, and an installed project would be imported instead of it. Without
# the installed project its pytest11 entry point is gone too, so PYTEST_PLUGINS loads the suite's
# plugin by name, in the test runs and in the pytest processes they start.
MUTATION_VENV := .venv-mutation
mutation:
	@test -x $(MUTATION_VENV)/bin/python || $(PYTHON) -m venv $(MUTATION_VENV)
	$(MUTATION_VENV)/bin/python -m pip install --quiet "mutmut>=3.3,<4" '.[dev,docs]'
	$(MUTATION_VENV)/bin/python -m pip uninstall --quiet --yes asmb-spec
	HYPOTHESIS_PROFILE=mutation ASMB_SHARED=$(abspath ../shared) \
		PYTEST_PLUGINS=contracts.conformance.suite.plugin \
		$(MUTATION_VENV)/bin/mutmut run --max-children 2 || true
	$(MUTATION_VENV)/bin/mutmut export-cicd-stats
	$(MUTATION_VENV)/bin/python -c "import json; s = json.load(open('mutants/mutmut-cicd-stats.json')); \
		t = s['total'] - s.get('skipped', 0); k = s['killed'] + s.get('timeout', 0); \
		print(f'mutation score: {k}/{t} killed = {100 * k / max(t, 1):.1f} %'); print(s)"

clean:
	rm -rf site public mutants .venv-mutation .mypy_cache .pytest_cache .ruff_cache .hypothesis
