"""`uv run python -m lantern_devstack.chaos [--slot N] [--keep] [--load-rate R]`: start a stack of its own from
nothing, keep a steady load of registrations and loans on it while killing services, stopping Kafka, restarting
PostgreSQL, killing the outbox relay mid-batch and publishing poison events; then check the invariants.
Exits 1 when one fails."""

import argparse
import sys

from .scenario import DEFAULT_SLOT, Options, run


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m lantern_devstack.chaos", description=__doc__)
    parser.add_argument("--slot", type=int, default=DEFAULT_SLOT, help="stack slot: ports as test slot N, "
                        f"state in .state/chaos<N> (default {DEFAULT_SLOT})")
    parser.add_argument("--keep", action="store_true", help="leave the chaos stack running afterwards")
    parser.add_argument("--load-rate", type=float, default=Options.load_rate,
                        help="registration-side operations per second (the lending desks come on top)")
    parser.add_argument("--lenders", type=int, default=Options.lenders, help="lending desks racing for 3 laptops")
    parser.add_argument("--kafka-outage", type=float, default=Options.kafka_outage_s, help="seconds Kafka stays down")
    parser.add_argument("--settle", type=float, default=Options.settle_s, help="seconds of steady load between faults")
    parser.add_argument("--seed", type=int, help="random seed of the load (the faults' timing stays real)")
    parser.add_argument("--cluster", action="store_true", help="3 Kafka brokers and 2 instances of every service, "
                        "with the cluster's faults (leader broker killed, instances killed and frozen, jobs raced)")
    args = parser.parse_args()
    try:
        report = run(Options(slot=args.slot, load_rate=args.load_rate, lenders=args.lenders,
                             kafka_outage_s=args.kafka_outage, settle_s=args.settle, keep=args.keep, seed=args.seed,
                             cluster=args.cluster))
    except KeyboardInterrupt:
        print("interrupted; the chaos stack was torn down", file=sys.stderr)
        return 130
    return 0 if report.ok else 1


if __name__ == "__main__":
    sys.exit(main())
