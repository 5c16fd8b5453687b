"""The partners service's internal HTTP API (called by the edge only): routes translate HTTP to handlers."""

from . import agreements, directory, exchange, hsds, lists, partners, proposals, referrals, reports

ROUTERS = [partners.router, directory.router, exchange.router, agreements.router, referrals.router, lists.router,
           reports.router, proposals.router, hsds.router]
