# The two entry points of the README: `make seed` and `make test`.
VENV := .venv
BIN := $(VENV)/bin
SEED := assessments/hitachinaka/yobou-sesshu

.PHONY: setup seed test lint

setup:
	@./scripts/setup.sh

seed: setup
	$(BIN)/hpia validate $(SEED)
	$(BIN)/hpia render $(SEED) -o seed.pdf

lint:
	@./scripts/setup.sh --test
	$(BIN)/ruff check hpia tests bench
	$(BIN)/ruff format --check hpia tests bench
	$(BIN)/mypy hpia

# The registry's PostgreSQL tests fail here, rather than skip, without a server.
test: lint
	HPIA_TEST_POSTGRES=required $(BIN)/pytest
