# Lantern: `make run` brings the whole system up locally; `make test` runs every test. Both work on a fresh machine.
UV := $(shell command -v uv 2>/dev/null || echo python3 -m uv)
PYTEST_ARGS ?=

.PHONY: setup run stop status logs test test-unit bench bench-cluster bench-directory bench-web chaos chaos-cluster clean

setup:
	@./scripts/bootstrap.sh

run: setup  ## Kafka + PostgreSQL + every service on loopback; Ctrl-C stops it all
	@$(UV) run --no-sync lantern-stack up

stop:  ## stop what `make run` started (e.g. after `lantern-stack up --detach`)
	@$(UV) run --no-sync lantern-stack down

status:
	@$(UV) run --no-sync lantern-stack status

logs:  ## follow every service's log (make logs SERVICE=devices for one)
	@$(UV) run --no-sync lantern-stack logs $(SERVICE)

# The tests (the single-node chaos run is their last module), then the chaos run of the cluster topology on a stack of
# its own (slot 5; pytest has stopped everything it started): about 16 minutes in all on the quiet 2-core machine.
# The cluster run is bounded: one that hangs is stopped (its stack dies with it) and fails the target.
test: setup  ## every test: unit, integration, end-to-end and chaos (one node, then the cluster), each on its own broker and database
	@$(UV) run --no-sync pytest $(PYTEST_ARGS)
	@timeout --kill-after=60 2700 $(UV) run --no-sync python -m lantern_devstack.chaos --cluster \
		|| { code=$$?; echo "chaos-cluster failed or ran past 45 minutes (exit $$code)"; exit 1; }

test-unit: setup
	@$(UV) run --no-sync pytest tests/unit $(PYTEST_ARGS)

bench: setup  ## benchmarks on a stack of their own (not part of the tests): prints a table; BENCH_ARGS=--quick for a smoke run
	@$(UV) run --no-sync python -m lantern_devstack.bench $(BENCH_ARGS)

bench-cluster: setup  ## the bench on 1 broker, on 3 brokers (RF 3, acks=all), and on 3 brokers with 2 instances of each service, back to back; one comparison table
	@$(UV) run --no-sync python -m lantern_devstack.bench.topologies $(BENCH_ARGS)

bench-directory: setup  ## directory search latency (p50/p95) on 50,000 seeded services, PostgreSQL only; BENCH_ARGS=--keep
	@$(UV) run --no-sync python -m lantern_devstack.bench.directory $(BENCH_ARGS)

bench-web: setup  ## the web app: calendar render p50/p95 with 500 sessions, then Lighthouse on the calendar and a session page
	@$(UV) run --no-sync python -m lantern_devstack.bench_web $(BENCH_ARGS)

chaos: setup  ## faults under load on a stack of its own (slot 5), then the invariants; CHAOS_ARGS="--slot 6 --keep"
	@$(UV) run --no-sync python -m lantern_devstack.chaos $(CHAOS_ARGS)

chaos-cluster: setup  ## the chaos run on 3 Kafka brokers and 2 instances of every service, with the cluster's faults (the last step of `make test`: docs/chaos.md)
	@$(UV) run --no-sync python -m lantern_devstack.chaos --cluster $(CHAOS_ARGS)

clean:  ## forget all local state (databases, Kafka data, mail, logs); keeps downloaded jars
	@$(UV) run --no-sync lantern-stack wipe
