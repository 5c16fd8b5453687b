"""`uv run lantern-stack token ...` as the README calls it, for the test stack (LANTERN_TEST_SLOT picks which)."""

import argparse

from lantern_devstack.stack import Stack, test_config


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--role", required=True)
    parser.add_argument("--subject", default="local-user")
    parser.add_argument("--patron")
    parser.add_argument("--partner")
    parser.add_argument("--ttl", type=int, default=3600)
    args = parser.parse_args()
    print(Stack(test_config()).token(args.role, args.subject, patron_id=args.patron, partner_id=args.partner,
                                     ttl_s=args.ttl))


if __name__ == "__main__":
    main()
